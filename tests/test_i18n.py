"""One catalog: every key in Thai and English; every key used in code exists."""

import re
from pathlib import Path

from tracker.i18n import CATALOG, t

ROOT = Path(__file__).resolve().parent.parent
THAI = re.compile(r"[\u0E00-\u0E7F]")


def test_every_key_has_thai_and_english_text():
    for key, (th, en) in CATALOG.items():
        assert th.strip() and en.strip(), key


def test_thai_strings_are_thai_and_english_strings_are_not():
    # a Thai string with no Thai letter is usually an untranslated copy of the English one
    shared_ok = {"sidebar.language"}
    for key, (th, en) in CATALOG.items():
        if key in shared_ok or not re.search(r"[A-Za-z]{3}", en):
            continue
        assert THAI.search(th), f"{key}: Thai text has no Thai letters: {th!r}"


def test_placeholders_match_between_languages():
    # {org_*} words (ข้อบัญญัติ / เทศบัญญัติ …) are filled by t() and may be needed in one language only
    def names(text):
        return {n for n in re.findall(r"{(\w+)}", text) if not n.startswith("org_")}

    for key, (th, en) in CATALOG.items():
        assert names(th) == names(en), key


def test_organization_type_sets_the_words_of_the_ui():
    from tracker.i18n import use_organization

    try:
        use_organization("municipality", "ทต.ตัวอย่าง", "Example TM")
        assert t("money.allocated", "th") == "งบตามเทศบัญญัติ"
        assert "ทต.ตัวอย่าง" in t("demo.banner", "th")
        use_organization("sao", "อบต.ขี้เหล็ก", "Khilek SAO")
        assert t("money.allocated", "th") == "งบตามข้อบัญญัติ"
        assert "อบต.ขี้เหล็ก" in t("demo.banner", "th") and "Khilek SAO" in t("demo.banner", "en")
    finally:
        from tracker.plan import default_plan

        default_plan()      # the plan in force sets them back


def test_keys_used_in_code_exist_in_the_catalog():
    pattern = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""")
    missing = set()
    for path in [*ROOT.glob("pages/*.py"), ROOT / "dashboard.py", *ROOT.glob("tracker/**/*.py")]:
        for key in pattern.findall(path.read_text(encoding="utf-8")):
            if key not in CATALOG:
                missing.add(f"{path.relative_to(ROOT)}: {key}")
    assert not missing, sorted(missing)


def test_lookup_fills_placeholders():
    assert t("sidebar.data_as_of", "en", when="1 Oct 2025") == "Data as of 1 Oct 2025"
    assert t("plan.goal_n", "th", n=3) == "เป้าประสงค์ที่ 3"
