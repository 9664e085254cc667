"""Chart builders checked through fig.to_dict(): traces, colours, threshold lines, labels, empty states."""

import pandas as pd
import pytest

from tests.dashboard_data import load_small_dataset
from tracker import charts, rollup
from tracker import status as S

TH = {"on_track": 1.0, "at_risk": 0.8, "low_disbursement_share_of_pace": 0.5}


@pytest.fixture
def data(db):
    load_small_dataset(db)
    return db


def test_goal_scores_bars_colours_words_and_thresholds(data):
    gs = rollup.goal_summary(data, 2569, 2)
    d = charts.goal_scores(gs, "th", TH).to_dict()
    bar = d["data"][0]
    assert bar["type"] == "bar" and bar["orientation"] == "h"
    assert bar["y"][-1].startswith("1 · ")                      # goal 1 at the top
    # goal 1 (method v2): G1-I01 84 vs 82 + (85 − 82) × 2/4 = 83.5 -> 1; G1-I02 0.6 vs 1.5 × (0.1 + 0.35)
    # = 0.675 -> 0.889; G1-I05 -> 1: the bar is drawn at the score as shown, 96.3 %
    assert bar["x"][-1] == 96.3 and bar["text"][-1].startswith("96.3%")
    assert bar["marker"]["color"][-1] == S.COLOURS["at_risk"]
    assert "▲ เสี่ยง" in bar["text"][-1] and "○ ยังไม่มีข้อมูล" in bar["text"][0]
    xs = sorted(s["x0"] for s in d["layout"]["shapes"])
    assert xs == [80, 100]
    # the threshold lines are named in the legend (no annotations colliding above the plot)
    assert [t["name"] for t in d["data"][1:]] == ["เกณฑ์บรรลุ 100%", "เกณฑ์เสี่ยง 80%"]
    assert not d["layout"].get("annotations")
    # texts outside the bars, with room on the x axis for them
    assert bar["textposition"] == "outside" and bar["cliponaxis"] is False
    assert d["layout"]["xaxis"]["range"][1] >= 130 and max(d["layout"]["xaxis"]["tickvals"]) == 100
    assert d["layout"]["font"]["family"].startswith("Sarabun") and d["layout"]["height"] > 0


@pytest.mark.parametrize("build", [
    lambda db: charts.goal_scores(rollup.goal_summary(db, 2569, 2), "en", TH),
    lambda db: charts.budget_by_goal(rollup.goal_summary(db, 2569, 2), "th"),
    lambda db: charts.project_status(rollup.goal_summary(db, 2569, 2), "en"),
    lambda db: charts.score_history(rollup.goal_score_history(db), rollup.goal_summary(db, 2569, 2), "th", TH),
    lambda db: charts.disbursement_pace(rollup.disbursement_by_quarter(db, 2569), "en"),
])
def test_one_layout_title_on_top_legend_below(data, build):
    """Every chart: the title pinned to the top of the figure and grown into the margin, the legend in
    horizontal rows pinned to the bottom of the figure — so the two can never overlap."""
    lay = build(data).to_dict()["layout"]
    assert lay["title"]["yref"] == "container" and lay["title"]["y"] == 1 and lay["title"]["automargin"]
    leg = lay["legend"]
    assert leg["orientation"] == "h" and leg["yref"] == "container" and leg["y"] == 0
    assert leg["yanchor"] == "bottom"
    # every chart on Plotly's plotly_white template, whole (given unvalidated, once read: charts.TEMPLATE)
    import plotly.io as pio

    assert lay["template"] == pio.templates["plotly_white"].to_plotly_json()


@pytest.mark.parametrize("label", ["โครงสร้างพื้นฐานและชุมชนน่าอยู่", "การบริหารจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม",
                                   "Share of households with piped water"])
def test_wrap_breaks_long_labels_between_words(label):
    from tracker import thai

    lines = charts.wrap(label, 18).split("<br>")
    assert len(lines) > 1 and all(thai.cells(line) <= 18 for line in lines)
    assert " ".join(lines).replace(" ", "") == label.replace(" ", "")
    assert thai.mid_word_breaks(lines, text=label) == []
    assert charts.wrap("กองช่าง", 18) == "กองช่าง"


def test_goal_scores_english_hover(data):
    d = charts.goal_scores(rollup.goal_summary(data, 2569, 2), "en", TH).to_dict()
    assert "Goal score" in d["data"][0]["hovertemplate"] and "At risk" in d["data"][0]["text"][-1]


def test_budget_by_goal_has_four_measures_in_millions(data):
    d = charts.budget_by_goal(rollup.goal_summary(data, 2569, 2), "en").to_dict()
    assert [t["name"] for t in d["data"]] == ["Planned", "Allocated", "Committed", "Disbursed"]
    assert all(t["orientation"] == "h" for t in d["data"])                # goal names on the y axis
    assert list(d["data"][3]["x"])[0] == pytest.approx(0.93)
    assert d["data"][3]["customdata"][0] == "930,000 THB"
    assert d["layout"]["xaxis"]["title"]["text"] == "M THB"
    assert d["data"][0]["y"][0] == "1 · Infrastructure" and d["layout"]["yaxis"]["autorange"] == "reversed"


def test_project_status_stacks_the_five_form2_buckets_of_funded_projects(data):
    d = charts.project_status(rollup.goal_summary(data, 2569, 2), "th").to_dict()
    assert d["layout"]["barmode"] == "stack"
    assert [t["name"].split(" ", 1)[1] for t in d["data"]] == ["ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ",
                                                            "ยังไม่ได้ดำเนินการ", "ยกเลิก", "ยังไม่รายงาน"]
    assert [t["marker"]["color"] for t in d["data"]] == [S.PROJECT_COLOURS[s] for s in S.PROJECT_BUCKETS]
    assert list(d["data"][3]["x"]) == [0, 0, 1, 0, 0] and d["data"][3]["orientation"] == "h"
    assert list(d["data"][4]["x"]) == [0, 0, 1, 0, 0]              # P5: funded, never reported
    # P3 (no budget) is in no bucket: goal 1's bars add up to its 2 funded projects
    assert sum(t["x"][0] for t in d["data"]) == 2


def test_score_history_one_line_per_goal_with_threshold_lines(data):
    d = charts.score_history(rollup.goal_score_history(data), rollup.goal_summary(data, 2569, 2), "en", TH).to_dict()
    assert len(d["data"]) == 7 and list(d["data"][0]["x"]) == ["2568-Q2", "2569-Q1", "2569-Q2"]
    assert sorted(s["y0"] for s in d["layout"]["shapes"]) == [80, 100]
    assert [t["name"] for t in d["data"][5:]] == ["On-track threshold 100%", "At-risk threshold 80%"]
    # one horizontal tick label per fiscal year, at its first quarter; the exact quarter in the hover
    assert list(d["layout"]["xaxis"]["tickvals"]) == ["2568-Q2", "2569-Q1"]
    assert list(d["layout"]["xaxis"]["ticktext"]) == ["FY2568", "FY2569"] and d["layout"]["xaxis"]["tickangle"] == 0


def test_indicator_trend_has_actual_expected_and_target(data):
    h = rollup.indicator_history(data)
    h = h[h["code"] == "G1-I02"]
    d = charts.indicator_trend(h, "th", "G1-I02", "กม.").to_dict()
    assert [t["name"] for t in d["data"]] == ["ผลการดำเนินงาน", "ค่าที่ควรได้", "ค่าเป้าหมาย"]
    assert list(d["data"][2]["y"])[-1] == 1.5 and "กม." in d["data"][0]["hovertemplate"]


def test_disbursement_pace_line(data):
    d = charts.disbursement_pace(rollup.disbursement_by_quarter(data, 2569), "en").to_dict()
    pace = d["data"][2]
    assert pace["name"] == "Even pace" and pace["line"]["dash"] == "dash"
    # 9.85 M × q/4, rounded half up to 2 decimals as the labels write them (2.4625 -> 2.46)
    assert list(pace["y"]) == [2.46, 4.93, 7.39, 9.85] and list(pace["text"]) == ["2.46", "4.93", "7.39", "9.85"]


def test_budget_bars_and_indicator_ratios(data):
    dep = rollup.budget_by_department(data, 2569, 2)
    d = charts.budget_bars(dep, list(dep["name_th"]), "th", "x").to_dict()
    def bare(label):   # a wrapped label is the name, broken between words
        return label.replace("<br>", "").replace(" ", "")

    assert len(d["data"]) == 4 and [bare(y) for y in d["data"][0]["y"]] == [bare(n) for n in dep["name_th"]]
    assert d["layout"]["barmode"] == "overlay"                            # nested: planned ⊇ … ⊇ disbursed
    assert [t["width"] for t in d["data"]] == sorted((t["width"] for t in d["data"]), reverse=True)
    ind = rollup.indicator_table(data, 2569, 2)
    d = charts.indicator_ratios(ind[ind["goal_no"] == 3], "en", TH, "t").to_dict()
    codes = list(d["data"][0]["y"])
    i = codes.index("G3-I02")           # no value for Q2: no data, a bar of length 0, grey — never off track
    assert d["data"][0]["text"][i].startswith("○") and "Off track" not in " ".join(d["data"][0]["text"])
    assert d["data"][0]["x"][i] == 0 and d["data"][0]["marker"]["color"][i] == "#BBBBBB"


@pytest.mark.parametrize("build", [
    lambda db: charts.goal_scores(rollup.goal_summary(db, 2569, 2).iloc[0:0], "th", TH),
    lambda db: charts.budget_by_goal(rollup.goal_summary(db, 2569, 2), "th"),
    lambda db: charts.project_status(rollup.goal_summary(db, 2569, 2), "en"),
    lambda db: charts.score_history(rollup.goal_score_history(db), rollup.goal_summary(db, 2569, 2), "th", TH),
    lambda db: charts.indicator_trend(rollup.indicator_history(db), "en", "t", "%"),
    lambda db: charts.disbursement_pace(rollup.disbursement_by_quarter(db, 2569), "th"),
    lambda db: charts.budget_bars(pd.DataFrame(), [], "th", "x"),
])
def test_empty_data_gives_an_explained_figure(db, build):
    d = build(db).to_dict()
    assert d["layout"]["annotations"][0]["text"] and d["layout"]["height"]


@pytest.mark.parametrize("title", ["งบประมาณรายเป้าประสงค์ (ล้านบาท)", ""])
def test_the_shared_look_given_unvalidated_is_what_plotly_validates(title):
    import plotly.graph_objects as go

    def bars():
        return go.Figure(go.Bar(x=[1, 2], y=["ก", "ข"], orientation="h"))

    fast = charts._layout(bars(), title, 300, "en", bargap=0.3, legend_traceorder="normal")
    slow = bars()
    charts._use_template(slow)
    slow.update_layout(**charts._look(title, 300, "en"))
    slow.update_layout(margin=charts._room(slow, title), yaxis_automargin=False)   # horizontal bars: room given
    slow.update_layout(bargap=0.3, legend_traceorder="normal")
    assert fast.to_dict() == slow.to_dict()
    # each figure has its own layout: changing one changes no other figure
    other = charts._layout(bars(), title, 300, "en")
    fast.update_layout(legend_font_size=30, title_font_color="#000000")
    assert other.to_dict() == charts._layout(bars(), title, 300, "en").to_dict()
    assert other.layout.legend.font.size == 13


@pytest.mark.parametrize("lang", ["th", "en"])
def test_every_builder_gives_plotly_exactly_what_its_validation_would_make(data, lang):
    """The builders skip Plotly's validation (charts._figure): each property must already be in the form
    Plotly stores it. Validating each figure again (from its dict) changes nothing: no value, type or None;
    a figure changed afterwards still validates as usual, and figures share no property dicts."""
    import json

    import plotly.graph_objects as go

    gs, ind = rollup.goal_summary(data, 2569, 2), rollup.indicator_table(data, 2569, 2)
    dep, hist = rollup.budget_by_department(data, 2569, 2), rollup.indicator_history(data)
    figures = [charts.goal_scores(gs, lang, TH), charts.budget_by_goal(gs, lang), charts.budget_by_goal(gs, lang, 270),
               charts.project_status(gs, lang), charts.score_history(rollup.goal_score_history(data), gs, lang, TH),
               charts.disbursement_pace(rollup.disbursement_by_quarter(data, 2569), lang),
               charts.budget_bars(dep, list(dep[f"name_{lang}"]), lang, "x"),
               charts.indicator_ratios(ind[ind["goal_no"] == 3], lang, TH, "t"),
               *(charts.indicator_trend(hist[hist["code"] == c], lang, "", "%") for c in ("G1-I02", "G3-I02"))]
    def shown(d):    # as Plotly.js reads it: an empty dict (the trend's x axis title, as before) says nothing
        if isinstance(d, dict):
            return {k: shown(v) for k, v in d.items() if v != {}}
        return [shown(v) for v in d] if isinstance(d, list) else d

    for fig in figures:
        d = fig.to_dict()
        assert json.dumps(shown(go.Figure(d).to_dict()), sort_keys=True) == json.dumps(shown(d), sort_keys=True)
    first, second = figures[0], charts.goal_scores(gs, lang, TH)
    first.layout.shapes[0].line.color = "#000000"
    first.layout.template.layout.font.color = "#000000"
    assert second.to_dict() == charts.goal_scores(gs, lang, TH).to_dict()
    assert second.layout.shapes[0].line.color != "#000000" and second.layout.template.layout.font.color != "#000000"
    with pytest.raises(ValueError):     # a figure changed after building is validated as usual
        second.update_layout(barmode="sideways")


def _bar_label_builders(db, lang):
    goals = rollup.goal_summary(db, 2569, 2)
    th = TH
    ind = rollup.indicator_table(db, 2569, 2)
    long = ["ส่วนราชการที่มีชื่อยาวมากเป็นพิเศษเพื่อทดสอบการตัดคำภาษาไทยในแผนภูมิ", "Division of Public Works & Town Planning"]
    money = pd.DataFrame({k: [1.5e6, 2.5e6] for k in ("planned", "allocated", "committed", "disbursed")})
    return {"scores": charts.goal_scores(goals, lang, th), "budget": charts.budget_by_goal(goals, lang),
            "status": charts.project_status(goals, lang), "ratios": charts.indicator_ratios(ind, lang, th, "อัตราความสำเร็จ" if lang == "th" else "Ratio"),
            "bars": charts.budget_bars(money, long, lang, "งบ" if lang == "th" else "Budget")}


@pytest.mark.parametrize("lang", ["th", "en"])
def test_horizontal_bars_leave_room_for_their_longest_label_without_plotly_measuring_it(data, lang):
    """The left margin covers the widest line of every y label (Sarabun's widths) and the gap Plotly keeps, so
    Plotly need not measure the labels and draw the chart twice; title and x axis keep their automatic margins."""
    for name, fig in _bar_label_builders(data, lang).items():
        lay = fig.to_dict()["layout"]
        labels = {str(y) for tr in fig.data if tr.orientation == "h" for y in tr.y}
        widest = max(charts.text_width(x, 14) for x in labels)
        assert lay["margin"]["l"] >= widest + 9.4, name            # 9.4 px: the most Plotly's own margin left
        assert lay["margin"]["l"] <= widest + 14, name             # and not much more: the bars keep their room
        assert lay["yaxis"]["automargin"] is False, name
        assert lay["title"]["automargin"] and lay["xaxis"].get("automargin") is not False, name
        assert lay["margin"]["t"] >= (50 if lang == "th" else 43) and lay["margin"]["b"] >= 87, name


@pytest.mark.parametrize("text, size, px", [
    ("Budget by goal", 1000, 6512),                  # the browser's canvas: 6492 (Latin kerning: 0.3 %)
    ("ยุทธศาสตร์การพัฒนา", 1000, 8747),               # marks above and below take no width
    ("1 · เป้าหมาย<br>ยาว", 14, charts.text_width("1 · เป้าหมาย", 14)),  # the widest line
    ("<b>A</b> &amp; B", 10, charts.text_width("A & B", 10)),           # tags dropped, entities read
    ("漢", 10, 11),                                   # a character without a width counts as 1.1 em
])
def test_text_width_is_sarabuns_as_the_browser_measures_it(text, size, px):
    assert charts.text_width(text, size) == pytest.approx(px, abs=1)


def _trend(values, unit="%"):
    h = pd.DataFrame({"fiscal_year": [2568, 2568, 2569], "quarter": [3, 4, 1], "period": ["2568-Q3", "2568-Q4", "2569-Q1"],
                      "actual": values, "expected": values, "target": values})
    return charts.indicator_trend(h, "th", "", unit)


@pytest.mark.parametrize("values, shown", [
    ([10.0, 50.0, 98.0], "100"),     # Plotly pads the top 5-7 %: a tick at 100
    ([1.0, 1.2, 1.68], "1.5"),       # below 5: ticks of one decimal
    ([0.0, 4.0, 9.0], "8"),
])
def test_a_line_chart_leaves_room_for_the_widest_tick_plotly_can_draw(values, shown):
    lay = _trend(values).to_dict()["layout"]
    assert lay["margin"]["l"] >= charts.text_width(shown, 14) + 36.3            # labels + turned unit title
    assert lay["margin"]["l"] <= charts.text_width(shown, 14) + 36.3 + 12       # and not much more
    assert lay["yaxis"]["automargin"] is False and lay["margin"]["b"] >= 60


@pytest.mark.parametrize("values", [[-5.0, 2.0, 3.0], [1200.0, 5000.0, 25000.0], [0.01, 0.02, 0.04]])
def test_ticks_not_known_here_keep_plotlys_automatic_margins(values):
    """Negative values, thousands (``10k``) and small fractions: Plotly measures the labels itself."""
    lay = _trend(values).to_dict()["layout"]
    assert lay["margin"] == {"l": 8, "r": 24, "t": 12, "b": 8} and lay["yaxis"].get("automargin") is not False
