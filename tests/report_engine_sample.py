"""A report-shaped block document for the engine tests and the benchmark: the five goals verbatim,
money, a contents page, charts, a table long enough to span pages, a landscape section.

``sample_document(chapters=6, rows=35)`` is about 20 A4 pages with 6 charts (the benchmark's size)."""

from __future__ import annotations

import plotly.graph_objects as go

from tracker.plan import default_plan
from tracker.report import blocks as B

DEMO_MARK = "ข้อมูลตัวอย่าง — ไม่ใช่ข้อมูลจริง"
FOOTER = "อบต.ขี้เหล็ก · รายงานผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2569"
MONEY = "1,250,000.00"
STATUS = ("ดำเนินการแล้วเสร็จ", "อยู่ระหว่างดำเนินการ", "ยังไม่ได้ดำเนินการ", "ยกเลิก")


def goals() -> list[str]:
    return [g.text.th for g in default_plan().goals.values()]


def short_names() -> list[str]:
    return [g.short.th for g in default_plan().goals.values()]


def chart(k: int) -> go.Figure:
    names = short_names()
    fig = go.Figure()
    planned = [(i + 1) * (k + 1) * 250_000.0 for i in range(5)]
    fig.add_bar(y=names, x=planned, orientation="h", name="งบตามข้อบัญญัติ",
                text=[f"{v:,.2f}" for v in planned], textposition="outside", cliponaxis=False)
    fig.add_bar(y=names, x=[v * 0.6 for v in planned], orientation="h", name="เบิกจ่ายแล้ว")
    fig.update_layout(template="plotly_white", font=dict(family="Sarabun", size=13),
                      margin=dict(l=10, r=90, t=10, b=10), legend=dict(orientation="h", y=-0.12),
                      barmode="group")
    fig.update_yaxes(autorange="reversed", automargin=True)
    return fig


def project_table(n: int, caption: str) -> B.Table:
    g, s = goals(), short_names()
    cols = (B.Column("ที่", "center", 0.5), B.Column("โครงการ", "left", 4), B.Column("ยุทธศาสตร์", "left", 2),
            B.Column("งบประมาณ (บาท)", "right", 1.6), B.Column("เบิกจ่าย (บาท)", "right", 1.6),
            B.Column("สถานะ", "left", 1.6))
    rows = [(str(i), f"โครงการที่ {i} {g[i % 5][:60]}", s[i % 5], f"{i * 12_345.5:,.2f}", f"{i * 10_000:,.2f}",
             B.Cell(STATUS[i % 4], fill="#e8f3e8" if i % 4 == 0 else None)) for i in range(1, n + 1)]
    total = sum(i * 12_345.5 for i in range(1, n + 1))
    rows.append(("", "รวม", "", f"{total:,.2f}", f"{sum(i * 10_000 for i in range(1, n + 1)):,.2f}", ""))
    return B.Table(cols, tuple(rows), caption=caption, total_rows=1)


def sample_document(chapters: int = 6, rows: int = 35, *, header: str = DEMO_MARK) -> B.Document:
    g, s = goals(), short_names()
    doc = B.Document(title="รายงานผลการติดตามและประเมินผลแผนพัฒนาท้องถิ่น (พ.ศ. 2566–2570) ประจำปีงบประมาณ พ.ศ. 2569",
                     author="องค์การบริหารส่วนตำบลขี้เหล็ก", header=header, footer=FOOTER)
    doc.blocks += [
        B.Paragraph(doc.title, "title"),
        B.Paragraph("องค์การบริหารส่วนตำบลขี้เหล็ก อำเภอเมืองอุบลราชธานี จังหวัดอุบลราชธานี", "subtitle"),
        B.PageBreak(),
        B.Contents("สารบัญ", levels=2),
        B.Heading("เป้าประสงค์", 1, page_break_before=True),
        B.NumberedList(tuple(g)),
        B.Paragraph(f"งบประมาณตามข้อบัญญัติทั้งสิ้น {MONEY} บาท เบิกจ่ายแล้วร้อยละ 62.50"),
    ]
    for c in range(1, chapters + 1):
        wide = c == chapters
        table = project_table(rows, f"ตารางที่ {c} โครงการตามยุทธศาสตร์ที่ {c}")
        chapter = [
            B.Heading(f"ส่วนที่ {c} {s[(c - 1) % 5]}", 1, page_break_before=not wide),
            B.Paragraph(g[(c - 1) % 5]),
            B.Heading(f"{c}.1 ผลการดำเนินงาน", 2),
            *[B.Paragraph(f"{g[(c + j) % 5]} งบประมาณ {MONEY} บาท") for j in range(3)],
            B.Figure(chart(c - 1), f"ภาพที่ {c} งบประมาณตามข้อบัญญัติและการเบิกจ่ายรายยุทธศาสตร์",
                     alt=f"แผนภูมิแท่งงบประมาณและการเบิกจ่าย ยุทธศาสตร์ที่ {c}", width_mm=160, height_mm=80),
            B.Heading(f"{c}.2 รายการโครงการ", 2),
            table,
        ]
        if wide:
            doc.blocks.append(B.Landscape(tuple(chapter)))
        else:
            doc.blocks.extend(chapter)
    return doc
