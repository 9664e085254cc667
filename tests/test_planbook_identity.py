"""A revised book's projects matched to those already known: matched, changed (before -> after per
field and year), new, no longer present; codes that stay and are never reused."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.planbook_books import read_written, small_spec
from tracker.ingest.planbook import read_plan_workbook
from tracker.ingest.planbook.identity import FieldChange, assign_codes, match_projects, similarity
from tracker.ingest.planbook.write import ProjectSpec

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "planbook" / "khilek-p02-sample.xlsx"


def with_codes(projects):
    codes = assign_codes(projects)
    for p in projects:
        p.code = codes[p.key]
    return projects


@pytest.fixture(scope="module")
def sample_projects():
    return read_plan_workbook(SAMPLE.read_bytes(), filename=SAMPLE.name).projects


def test_codes_follow_tactic_and_programme_and_number_on(sample_projects):
    codes = assign_codes(sample_projects)
    assert codes[("ยุทธ1.1ผง.โยธา", 15)] == "P1.1-1-001"
    assert codes[("ยุทธ1.1ผง.โยธา", 49)] == "P1.1-1-034"
    assert codes[("ยุทธ3.2ผง.สังคมสงเคราะห์", 15)] == "P3.2-2-001"
    assert len(set(codes.values())) == 147


def test_a_code_once_given_is_never_reused():
    _, book = read_written()
    codes = assign_codes(book.projects[:1], taken=["P1.1-1-001", "P1.1-1-002", "P1.1-1-003"])
    assert list(codes.values()) == ["P1.1-1-004"]


def test_reimporting_the_same_book_matches_every_project_to_itself_unchanged(sample_projects):
    known = with_codes(read_plan_workbook(SAMPLE.read_bytes(), filename=SAMPLE.name).projects)
    diff = match_projects(known, sample_projects)
    assert len(diff.unchanged) == 147 and not diff.changed and not diff.new and not diff.gone
    assert all(m.known.key == m.incoming.key for m in diff.unchanged)


def test_look_alike_names_keep_their_own_partner(sample_projects):
    a = "โครงการก่อสร้างถนนคอนกรีตเสริมเหล็ก สายทางเข้าวัดศรีสว่าง"
    b = a + " หมู่ที่ 6 บ้านหนองเหล่า"
    assert similarity(a, b) < 90
    known = with_codes(read_plan_workbook(SAMPLE.read_bytes(), filename=SAMPLE.name).projects)
    moved = list(reversed(sample_projects))                # order in the book does not matter
    diff = match_projects(known, moved)
    pair = {m.incoming.name: m.known.name for m in diff.matches}
    assert pair[a] == a and pair[b] == b


def revised_spec():
    """Edit a budget, rename one project slightly, drop one, add one after a new marker."""
    spec = small_spec(revision="ทบทวน 1/2565")
    spec.projects[1].budgets = {**spec.projects[1].budgets, 2568: 350000}
    spec.projects[4].name = "โครงการฝึกอบรมด้านอาชีพ"
    del spec.projects[5]
    spec.projects.append(ProjectSpec(1, "1.1", "แผนงานอุตสาหกรรมและการโยธา", "โครงการก่อสร้างรางระบายน้ำ",
                                     "เพื่อระบายน้ำ", "ยาว 90 ม.", "ราง 90 เมตร", "น้ำไม่ท่วมขัง", "กองช่าง",
                                     {2566: None, 2567: None, 2568: 300000, 2569: 0, 2570: 0},
                                     revision="เพิ่มเติม 2/2568"))
    return spec


def test_a_revised_book_previews_matches_changes_new_and_gone():
    _, before = read_written()
    known = with_codes(before.projects)
    _, after = read_written(revised_spec())
    assert "เพิ่มเติม 2/2568" in after.plan.revisions_in_book
    diff = match_projects(known, after.projects)
    assert [p.name for p in diff.new] == ["โครงการก่อสร้างรางระบายน้ำ"]
    assert diff.new[0].revision == "เพิ่มเติม 2/2568"
    assert [p.name for p in diff.gone] == ["โครงการส่งเสริมกลุ่มสตรี"]
    changes = {m.known.name: m.changes for m in diff.changed}
    assert changes["โครงการซ่อมแซมถนนลูกรัง"] == [FieldChange("budgets", 300000, 350000, 2568)]
    renamed = next(m for m in diff.changed if m.known.name == "โครงการฝึกอบรมอาชีพ")
    assert renamed.how == "fuzzy" and renamed.score >= 90
    assert renamed.changes == [FieldChange("name", "โครงการฝึกอบรมอาชีพ", "โครงการฝึกอบรมด้านอาชีพ")]
    assert len(diff.unchanged) == 4
    assert diff.code_of(renamed.incoming) == renamed.known.code


def test_the_analyst_can_relink_a_match_or_make_a_project_new():
    _, before = read_written()
    known = with_codes(before.projects)
    _, after = read_written(revised_spec())
    incoming = next(p for p in after.projects if p.name == "โครงการก่อสร้างรางระบายน้ำ")
    gone = next(k for k in known if k.name == "โครงการส่งเสริมกลุ่มสตรี")
    # the analyst says: the new drain project is the old one under a new name (illustrative)
    diff = match_projects(known, after.projects, links={incoming.key: gone.code})
    m = next(m for m in diff.matches if m.incoming is incoming)
    assert m.how == "linked" and m.code == gone.code and not diff.new and not diff.gone
    renamed = next(p for p in after.projects if p.name == "โครงการฝึกอบรมด้านอาชีพ")
    diff = match_projects(known, after.projects, links={renamed.key: None})
    assert renamed in diff.new and any(k.name == "โครงการฝึกอบรมอาชีพ" for k in diff.gone)


def test_a_project_moved_to_another_programme_keeps_its_code():
    _, before = read_written()
    known = with_codes(before.projects)
    spec = small_spec()
    spec.projects[3].programme = "แผนงานอุตสาหกรรมและการโยธา"
    spec.projects[3].tactic = "1.1"
    _, after = read_written(spec)
    diff = match_projects(known, after.projects)
    m = next(m for m in diff.matches if m.incoming.name == "โครงการขยายเขตประปา")
    assert m.how == "moved" and m.code == known[3].code
    assert FieldChange("programme", "แผนงานเคหะและชุมชน", "แผนงานอุตสาหกรรมและการโยธา") in m.changes
