"""Cached results are shared by every session (issue #16): the report model of the meeting page is
handed out as it is, not copied per rerun, so drawing it must never change it; frames are the
caller's own copy."""

import dataclasses

import pandas as pd
import pytest

from tests.test_app_meeting import data  # noqa: F401  (the fixture: the small data set, snapshots in tmp)
from tracker.report.content import Report
from tracker.ui import frame


def _same(a, b, where="report") -> None:
    """``a`` and ``b`` hold the same values all the way down (frames compared as frames)."""
    assert type(a) is type(b), where
    if isinstance(a, pd.DataFrame):
        pd.testing.assert_frame_equal(a, b, obj=where)
    elif isinstance(a, pd.Series):
        pd.testing.assert_series_equal(a, b, obj=where)
    elif dataclasses.is_dataclass(a):
        for f in dataclasses.fields(a):
            _same(getattr(a, f.name), getattr(b, f.name), f"{where}.{f.name}")
    elif isinstance(a, dict):
        assert a.keys() == b.keys(), where
        for k in a:
            _same(a[k], b[k], f"{where}[{k!r}]")
    elif isinstance(a, (list, tuple)):
        assert len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b)):
            _same(x, y, f"{where}[{i}]")
    elif isinstance(a, float) and a != a:
        assert b != b, where
    else:
        assert a == b, where


@pytest.mark.parametrize("lang", ["th", "en"])
def test_drawing_every_slide_leaves_the_shared_report_model_as_built(app, data, monkeypatch, lang):
    handed: list[Report] = []
    own = frame._own

    def spy(value):
        out = own(value)
        if isinstance(value, Report):
            handed.append(out)
        return out

    monkeypatch.setattr(frame, "_own", spy)
    at = app(lang=lang, fy=2569, q=2, page="pages/meeting.py")
    assert not at.exception and handed
    model = handed[0]
    built = frame.copy.deepcopy(model)          # the model as built, before any slide is drawn from it
    total = len(at.selectbox(key="jump").options)
    for _ in range(total - 1):
        at.button(key="next").click().run()
        assert not at.exception
    assert all(m is model for m in handed), "every rerun gets the one shared model, not a copy"
    _same(model, built)


def test_a_frame_from_the_cache_is_the_callers_own_copy():
    shared = pd.DataFrame({"a": [1, 2]})
    mine = frame._own(shared)
    mine.loc[0, "a"] = 99
    assert shared["a"].tolist() == [1, 2]
    listed = {"x": [1]}
    frame._own(listed)["x"].append(2)
    assert listed == {"x": [1]}
