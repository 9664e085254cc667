"""The plan file: the published Thai text is held exactly; codes, targets and references are complete."""

import copy

import pytest
import yaml

from tracker.plan import PlanError, default_plan, parse_plan
from tracker.settings import ROOT

# Verbatim from the organization's published plan (DEVELOPERS.md). Do not "fix" spacing.
PUBLISHED_GOALS = {
    1: "การพัฒนาชุมชนให้น่าอยู่มีความเข้มแข็ง โดยได้รับบริการสาธารณะโครงสร้างพื้นฐาน ที่จำเป็นเพื่อรองรับขยายตัวของชุมชนและเศรษฐกิจตลอดจนสนับสนุนการค้าชายแดน",
    2: "ส่งเสริมและพัฒนาแรงงาน กลุ่มอาชีพ กลุ่มวิสาหกิจชุมชน กลุ่มเกษตรอินทรีย์",
    3: "ส่งเสริมและพัฒนาศักยภาพของคน ครอบครัวและชุมชนในการพึ่งตนเอง การสนับสนุนเบี้ยยังชีพให้กับผู้สูงอายุ ผู้พิการ ผู้ป่วยเอดส์ และช่วยเหลือผู้ด้อยโอกาสให้ได้รับการช่วยเหลือจากภาครัฐ",
    4: "สร้างจิตสำนึกและความตระหนักในการจัดการทรัพยากรธรรมชาติและสิ่งแวดล้อม",
    5: "การพัฒนาระบบการบริหารจัดการภาครัฐที่ดีและมีส่วนร่วมจากทุกภาคส่วน",
}
PUBLISHED_VISION = "โครงสร้างพื้นฐานดี พัฒนาคนให้มีคุณภาพทุกด้าน ประสานการมีส่วนร่วมทุกภาคส่วน สร้างชุมชนให้เข้มแข็งและน่าอยู่"


@pytest.fixture(scope="module")
def raw():
    return yaml.safe_load((ROOT / "plan" / "khilek.yaml").read_text(encoding="utf-8"))


def test_five_goals_equal_the_published_thai_text():
    plan = default_plan()
    assert {n: g.text.th for n, g in plan.goals.items()} == PUBLISHED_GOALS


def test_vision_equals_the_published_thai_text():
    assert default_plan().vision.th == PUBLISHED_VISION


def test_organization_is_khilek_in_mueang_ubon():
    plan = default_plan()
    assert plan.org("name", "th") == "องค์การบริหารส่วนตำบลขี้เหล็ก"
    assert plan.org("district", "th") == "อำเภอเมืองอุบลราชธานี"
    assert plan.org("province", "th") == "จังหวัดอุบลราชธานี"


def test_every_goal_has_three_to_five_indicators_with_english_and_a_short_label():
    plan = default_plan()
    for g in plan.goals.values():
        assert 3 <= len(plan.indicators_of(g.number)) <= 5
        assert g.text.en and g.short.th and g.short.en
    assert len(plan.missions) == 5


def test_every_indicator_has_a_target_for_every_plan_year_and_a_known_owner():
    plan = default_plan()
    assert plan.fiscal_years == (2566, 2567, 2568, 2569, 2570)
    for ind in plan.indicators.values():
        assert set(ind.targets) == set(plan.fiscal_years), ind.code
        assert ind.owner in plan.departments
        assert ind.baseline_fy and ind.baseline_value is not None


def test_indicator_codes_are_unique_and_name_their_goal():
    plan = default_plan()
    for code, ind in plan.indicators.items():
        assert code.startswith(f"G{ind.goal}-I")


def test_the_indicator_set_is_marked_as_proposed():
    plan = default_plan()
    assert plan.proposed and "ข้อเสนอ" in plan.proposed_note.th


def test_missing_target_duplicate_code_and_bad_owner_are_all_reported(raw):
    bad = copy.deepcopy(raw)
    bad["indicators"][0]["targets"].pop(2568)
    bad["indicators"][1]["code"] = bad["indicators"][0]["code"]
    bad["indicators"][2]["owner"] = "NOPE"
    bad["indicators"][3]["direction"] = "up"
    with pytest.raises(PlanError) as exc:
        parse_plan(bad)
    text = " | ".join(exc.value.problems)
    assert "no target for fiscal year(s) 2568" in text
    assert "duplicate code" in text
    assert "owner 'NOPE'" in text
    assert "direction must be one of" in text


def test_department_lookup_accepts_code_thai_and_english_names():
    plan = default_plan()
    assert plan.department_by_name("กองช่าง") == "ENG"
    assert plan.department_by_name(" ENG ") == "ENG"
    assert plan.department_by_name("Finance Division") == "FIN"
    assert plan.department_by_name("กองที่ไม่มี") is None


# --- the plan's hierarchy: strategies, tactics, programmes, organization type ----------------------

def test_khilek_strategy_n_serves_goal_n_and_each_has_its_tactics():
    plan = default_plan()
    assert plan.goal_of_strategy == {1: 1, 2: 2, 3: 3, 4: 4, 5: 5}
    assert [len(s.tactics) for s in plan.strategies.values()] == [3, 2, 3, 2, 3]
    assert plan.tactics["1.1"].name.th.startswith("กลยุทธ์การก่อสร้าง")
    assert all(t.name.en for t in plan.tactics.values())
    assert plan.levels == {"strategy": "strategy", "tactic": "tactic"} and plan.org_type == "sao"


def test_strategy_and_tactic_names_are_the_sample_books_and_said_to_be_illustrative():
    import json

    sample = json.loads((ROOT / "tests" / "fixtures" / "planbook" / "khilek-p02-sample.expected.json")
                        .read_text(encoding="utf-8"))
    plan = default_plan()
    for s in sample["strategies"]:
        assert plan.strategies[s["number"]].name.th == s["name"]
        assert {t["code"]: t["name"] for t in s["tactics"]} == {c: t.name.th for c, t in
                                                                 plan.strategies[s["number"]].tactics.items()}
    assert "ILLUSTRATIVE" in (ROOT / "plan" / "khilek.yaml").read_text(encoding="utf-8")


def test_every_programme_of_the_sample_book_is_in_the_standard_list():
    import json

    sample = json.loads((ROOT / "tests" / "fixtures" / "planbook" / "khilek-p02-sample.expected.json")
                        .read_text(encoding="utf-8"))
    plan = default_plan()
    assert len(plan.programmes) == 12
    names = {p["plan"] for p in sample["projects"]}
    assert all(plan.programme_by_name(n) for n in names), [n for n in names if not plan.programme_by_name(n)]
    assert plan.programme_by_name("แผนงานรักษาความสงบภายใน") == plan.programme_by_name("แผนงานการรักษาความสงบภายใน")
    assert plan.programme_by_name("แผนงานที่ไม่มี") is None


def test_several_strategies_may_serve_one_goal(raw):
    other = copy.deepcopy(raw)
    other["strategies"][1]["goal"] = 1
    plan = parse_plan(other)
    assert [s.number for s in plan.strategies_of(1)] == [1, 2] and plan.strategies_of(2) == []


def test_bad_hierarchy_and_organization_type_are_all_reported(raw):
    bad = copy.deepcopy(raw)
    bad["strategies"][0]["goal"] = 9
    bad["strategies"][1]["tactics"][0]["code"] = "7.1"
    bad["programmes"][1]["aliases"] = ["แผนงานบริหารงานทั่วไป"]
    bad["organization"]["type"] = "city"
    bad["hierarchy"] = {"strategy": "pillar"}
    with pytest.raises(PlanError) as exc:
        parse_plan(bad)
    text = " | ".join(exc.value.problems)
    assert "strategies[1]: goal 9 is not defined" in text
    assert "tactics[7.1]: a code must start with '2.'" in text
    assert "is also programme 00110" in text
    assert "organization: type must be one of" in text
    assert "hierarchy: strategy must be one of" in text


# ---------------------------------------------------------------- method v2 keys and a refused file

def test_method_settings_have_documented_defaults(raw):
    bare = copy.deepcopy(raw)
    for key in ("thresholds", "year_end", "completeness"):
        bare.pop(key, None)
    for i in bare["indicators"]:
        i.pop("profile", None)
    plan = parse_plan(bare)
    assert plan.thresholds == {"on_track": 1.0, "at_risk": 0.8, "low_disbursement_share_of_pace": 0.5,
                               "min_coverage": 0.5}
    assert plan.year_end == {"achieved": 1.0, "nearly": 0.8}
    assert plan.completeness == {"indicators": 0.8, "projects": 0.8}
    assert all(i.profile is None for i in plan.indicators.values())


def test_plan_file_sets_profile_year_end_coverage_and_completeness(raw):
    mine = copy.deepcopy(raw)
    mine["thresholds"]["min_coverage"] = 0.6
    mine["year_end"] = {"achieved": 0.95, "nearly": 0.75}
    mine["completeness"] = {"indicators": 0.9, "projects": 0.7}
    mine["indicators"][1]["profile"] = [0.1, 0.35, 0.4, 0.15]
    plan = parse_plan(mine)
    assert plan.thresholds["min_coverage"] == 0.6 and plan.year_end == {"achieved": 0.95, "nearly": 0.75}
    assert plan.completeness == {"indicators": 0.9, "projects": 0.7}
    assert plan.indicators[mine["indicators"][1]["code"]].profile == (0.1, 0.35, 0.4, 0.15)


def test_bad_profile_and_method_settings_are_all_reported(raw):
    bad = copy.deepcopy(raw)
    bad["indicators"][0]["profile"] = [0.3, 0.3, 0.3, 0.3]
    bad["indicators"][1]["profile"] = [0.5, 0.7, -0.2, 0]
    bad["thresholds"]["min_coverage"] = 1.5
    bad["year_end"] = {"achieved": 0.7, "nearly": 0.9}
    bad["completeness"] = {"indicators": "most", "projects": 0.8}
    with pytest.raises(PlanError) as exc:
        parse_plan(bad)
    text = " | ".join(exc.value.problems)
    assert f"indicators[{bad['indicators'][0]['code']}].profile: shares must add up to 1" in text
    assert f"indicators[{bad['indicators'][1]['code']}].profile: shares must not be negative" in text
    assert "thresholds.min_coverage" in text and "year_end" in text and "completeness.indicators" in text


def test_the_khilek_plan_gives_seasonal_road_work_a_profile():
    assert default_plan().indicators["G1-I02"].profile is not None


@pytest.mark.parametrize("text, words", [
    ("goals: [\n", "YAML"),                                     # not YAML at all
    ("missions:\n  - th: x\n    en: y\n", "missions"),          # a key missing: named, not a KeyError
    ("- just\n- a list\n", "mapping"),
])
def test_a_malformed_plan_file_is_refused_with_what_is_wrong(tmp_path, text, words):
    from tracker.plan import load_plan

    path = tmp_path / "plan.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(PlanError) as exc:
        load_plan(path)
    assert words in exc.value.message("en") and str(path) in exc.value.message("en")


def test_init_with_an_invalid_plan_file_says_what_is_wrong_without_a_traceback(tmp_path, monkeypatch, capsys):
    from tracker.cli import main

    path = tmp_path / "plan.yaml"
    path.write_text((ROOT / "plan" / "khilek.yaml").read_text(encoding="utf-8").replace("  - number: 3\n", "  - numbr: 3\n", 1),
                    encoding="utf-8")
    monkeypatch.setenv("TRACKER_PLAN", str(path))
    for lang, words in (("th", "ไฟล์แผน"), ("en", "plan file")):
        code = main(["init", "--db", str(tmp_path / "x.db"), "--lang", lang])
        err = capsys.readouterr().err
        assert code == 1 and words in err and "number" in err and "Traceback" not in err
    missing = tmp_path / "nope.yaml"
    monkeypatch.setenv("TRACKER_PLAN", str(missing))
    assert main(["init", "--db", str(tmp_path / "x.db"), "--lang", "en"]) == 1
    assert str(missing) in capsys.readouterr().err
