"""Plan books for tests, written by the project's own writer (tracker/ingest/planbook/write.py)."""

from __future__ import annotations

from tracker.ingest.planbook import read_plan_workbook
from tracker.ingest.planbook.write import BookSpec, EquipmentSpec, ProjectSpec, StrategySpec, WriteOptions, \
    write_plan_workbook

YEARS = [2566, 2567, 2568, 2569, 2570]


def small_spec(**overrides) -> BookSpec:
    """Two strategies, three sheets, an addition after a marker, multi-line text, two departments."""
    strategies = [
        StrategySpec(1, "ยุทธศาสตร์การพัฒนาด้านโครงสร้างพื้นฐาน", "การพัฒนาชุมชนให้น่าอยู่",
                     {"1.1": "กลยุทธ์การก่อสร้างถนน", "1.2": "กลยุทธ์การพัฒนาระบบประปา"}),
        StrategySpec(2, "ยุทธศาสตร์การพัฒนาด้านเศรษฐกิจ", "ส่งเสริมอาชีพ", {"2.1": "กลยุทธ์การส่งเสริมอาชีพ"}),
    ]
    p = ProjectSpec
    projects = [
        p(1, "1.1", "แผนงานอุตสาหกรรมและการโยธา", "โครงการก่อสร้างถนน คสล. หมู่ที่ 1",
          "1. เพื่อการคมนาคม\n2. เพื่อลดฝุ่น", "ถนนกว้าง 4 ม.\nยาว 200 ม.", "ถนน 200 เมตร", "สัญจรสะดวก",
          "กองช่าง\nงานสาธารณูปโภค", {2566: 500000, 2567: 0, 2568: None, 2569: 487512.5, 2570: 0}),
        p(1, "1.1", "แผนงานอุตสาหกรรมและการโยธา", "โครงการซ่อมแซมถนนลูกรัง", "เพื่อซ่อมถนน", "12 หมู่บ้าน",
          "ถนนใช้งานได้", "ขนส่งสะดวก", "กองช่าง", {2566: 300000, 2567: 300000, 2568: 300000, 2569: 0, 2570: None}),
        p(1, "1.1", "แผนงานอุตสาหกรรมและการโยธา", "โครงการก่อสร้างสะพาน คสล.", "เพื่อเชื่อมหมู่บ้าน", "1 แห่ง",
          "สะพาน 1 แห่ง", "ข้ามลำห้วยได้", "กองช่าง", {2566: None, 2567: 2860000, 2568: 0, 2569: 0, 2570: 0},
          revision="เพิ่มเติม 1/2567"),
        p(1, "1.2", "แผนงานเคหะและชุมชน", "โครงการขยายเขตประปา", "เพื่อให้มีน้ำใช้", "ท่อ 400 ม.", "ประปา 1 แห่ง",
          "มีน้ำสะอาด", "กองช่าง", {2566: 0, 2567: 519000, 2568: 519000, 2569: None, 2570: 10500000},
          note="แก้ไข ครั้งที่ 1/2566"),
        p(2, "2.1", "แผนงานสร้างความเข้มแข็งของชุมชน", "โครงการฝึกอบรมอาชีพ", "เพื่อเพิ่มรายได้", "50 คน",
          "ผู้เข้าอบรมมีรายได้เพิ่ม", "มีอาชีพเสริม", "สำนักปลัด อบต.", {y: 20000 for y in YEARS}),
        p(2, "2.1", "แผนงานสร้างความเข้มแข็งของชุมชน", "โครงการส่งเสริมกลุ่มสตรี", "เพื่อพัฒนากลุ่ม", "1 กลุ่ม",
          "กลุ่มเข้มแข็ง", "กลุ่มมีรายได้", "สำนักปลัด อบต.", {y: (15000 if y % 2 else 0) for y in YEARS}),
        p(2, "2.1", "แผนงานสร้างความเข้มแข็งของชุมชน", "โครงการตลาดชุมชน", "เพื่อจำหน่ายสินค้า", "1 แห่ง",
          "มีตลาด", "ขายสินค้าได้", "กองการศึกษาฯ\nกองช่าง", {2566: 1250000, 2567: None, 2568: None, 2569: None,
                                                           2570: None}),
    ]
    coordination = [p(1, "1.1", "แผนงานอุตสาหกรรมและการโยธา", "โครงการถนนเชื่อมตำบล", "เพื่อเชื่อมตำบล", "3 กม.",
                      "ถนน 3 กม.", "คมนาคมสะดวก", "อบจ.อุบลราชธานี", {2566: 0, 2567: 8064000, 2568: None, 2569: None,
                                                                       2570: None})]
    equipment = [EquipmentSpec("แผนงานบริหารงานทั่วไป", "ค่าครุภัณฑ์", "ครุภัณฑ์คอมพิวเตอร์", "โน้ตบุ๊ก 2 เครื่อง",
                               "สำนักปลัด", {2566: 44000, 2567: None, 2568: 44000, 2569: None, 2570: None})]
    values = dict(strategies=strategies, projects=projects, coordination=coordination, equipment=equipment)
    values.update(overrides)
    return BookSpec(**values)


def read_written(spec: BookSpec | None = None, options: WriteOptions | None = None, **read_args):
    """Write a book and read it back: (written book, read)."""
    written = write_plan_workbook(spec or small_spec(), options or WriteOptions())
    return written, read_plan_workbook(written.data, filename="written.xlsx", **read_args)


# --- a revised copy of the sample book --------------------------------------------------------------

SAMPLE_DIR = __import__("pathlib").Path(__file__).resolve().parent / "fixtures" / "planbook"
SAMPLE = SAMPLE_DIR / "khilek-p02-sample.xlsx"
ROADS = "ยุทธ1.1ผง.โยธา"
#: what :func:`revised_sample` changes
REVISED_BUDGET = (15, 2568, 300000, 350000)         # row, year, before, after
REVISED_NAME = (16, "สายทางไปหนองกุดโง้ง", "สายทางไปหนองกุดโง่ง")
ADDED_NAME = "โครงการก่อสร้างรางระบายน้ำ คสล. สายกลางบ้าน หมู่ที่ 4 บ้านดอนแดง"
ADDED_MARKER = "เพิ่มเติม ครั้งที่ 2/2568"


def revised_sample() -> bytes:
    """The sample book revised as an office revises it: one budget edited (row 15, 2568: 300,000 ->
    350,000), one name corrected slightly (row 16), and one project added after a new marker
    "เพิ่มเติม ครั้งที่ 2/2568" at the end of the roads sheet (300,000 in 2569); the sheet total and the
    ผ.01 summary agree with the changes. Saved by openpyxl with values only (text boxes are dropped)."""
    import io

    import openpyxl

    wb = openpyxl.load_workbook(SAMPLE, data_only=True)
    ws = wb[ROADS]
    col = {y: 5 + i for i, y in enumerate(range(2566, 2571))}       # E..I
    row, year, _, after = REVISED_BUDGET
    ws.cell(row, col[year]).value = after
    r, old, new = REVISED_NAME
    ws.cell(r, 2).value = ws.cell(r, 2).value.replace(old, new)
    total = [ws.cell(50, c).value for c in range(1, 13)]
    ws.unmerge_cells("A50:D50")
    for c in range(1, 13):
        ws.cell(50, c).value = None
    ws.cell(50, 2).value = ADDED_MARKER
    project = [1, ADDED_NAME, "เพื่อระบายน้ำในหมู่บ้าน", "ยาว 120 เมตร", "-", "-", "-", 300000, "-",
               "รางระบายน้ำ 120 เมตร", "น้ำไม่ท่วมขังในหมู่บ้าน", "กองช่าง"]
    for c, v in enumerate(project, start=1):
        ws.cell(51, c).value = v
    total[0] = "รวม  35  โครงการ"
    total[col[2568] - 1] += after - REVISED_BUDGET[2]
    total[col[2569] - 1] += 300000
    for c, v in enumerate(total, start=1):
        ws.cell(52, c).value = v
    ws.merge_cells("A52:D52")
    p01 = wb["ผ.01"]
    for r in range(8, p01.max_row + 1):
        label = str(p01.cell(r, 1).value or "")
        if label.startswith("1.1 ") or (label in ("รวม", "รวมทั้งสิ้น") and (label == "รวมทั้งสิ้น" or r == 11)):
            p01.cell(r, 7).value += after - REVISED_BUDGET[2]     # money 2568
            p01.cell(r, 13).value += after - REVISED_BUDGET[2]    # money, 5 years
            p01.cell(r, 8).value += 1                             # count 2569
            p01.cell(r, 9).value += 300000                        # money 2569
            p01.cell(r, 12).value += 1                            # count, 5 years
            p01.cell(r, 13).value += 300000
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()
