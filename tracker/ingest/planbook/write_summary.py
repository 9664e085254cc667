"""The plan-book writer's summary sheets: ผ.01 (counts and money per strategy × แผนงาน and year),
the equipment list (ผ.03, named ผ.08 as old books do) and the strategy map."""

from __future__ import annotations

from tracker.ingest.planbook.bookspec import styled_digits, revision_text


class SummarySheets:
    """Mixed into the writer: uses its ``spec``, ``opts``, formats and cell helpers."""

    def _p01(self):
        spec, o, years = self.spec, self.opts, self.spec.years
        ws = self._sheet("ผ.01")
        ws.set_column(0, 0, 45)
        width = 1 + 2 * (len(years) + 1)
        rev = revision_text(spec.revision)
        for r, text in enumerate(["บัญชีสรุปโครงการพัฒนา",
                                  styled_digits(f"แผนพัฒนาท้องถิ่น (พ.ศ. {spec.first_year} - {spec.last_year})"
                                          + (f" {rev}" if rev else ""), o),
                                  f"{spec.organization}  {spec.district}  {spec.province}"]):
            ws.merge_range(r, 0, r, width - 1, text, self.f_title)
        if o.form_textboxes:
            self._textbox(ws, 0, width - 2, "แบบ ผ.01")
        label = "ประเด็นการพัฒนา" if o.style == "2571" else "ยุทธศาสตร์"
        ws.merge_range(4, 0, 5, 0, self._over(ws, 4, 0, label), self.f_head)
        for i, y in enumerate([*years, None]):
            c = 1 + 2 * i
            ws.merge_range(4, c, 4, c + 1, f"ปี {styled_digits(str(y), o)}" if y else f"รวม {len(years)} ปี", self.f_head)
            ws.write_string(5, c, "จำนวน\nโครงการ", self.f_head)
            ws.write_string(5, c + 1, "งบประมาณ\n(บาท)", self.f_head)
        r = 6

        def figures(row, projects):
            total_n = total_m = 0
            for i, y in enumerate(years):
                n = sum(1 for p in projects if (p.budgets.get(y) or 0) > 0)
                m = sum(p.budgets.get(y) or 0 for p in projects)
                total_n, total_m = total_n + n, total_m + m
                self._put(ws, row, 1 + 2 * i, n, self.f_num)
                self._put(ws, row, 2 + 2 * i, m, self.f_num)
            self._put(ws, row, 1 + 2 * len(years), total_n, self.f_num)
            self._put(ws, row, 2 + 2 * len(years), total_m, self.f_num)

        for s in spec.strategies:
            ps = [p for p in spec.projects if p.strategy == s.number]
            if not ps:
                continue
            ws.write_string(r, 0, f"{s.number}) {s.name}", self.f_bold)
            r += 1
            progs = list(dict.fromkeys(p.programme for p in ps))
            for k, prog in enumerate(progs, start=1):
                self._put(ws, r, 0, f"{s.number}.{k} {prog}", self.f_cell)
                figures(r, [p for p in ps if p.programme == prog])
                r += 1
            ws.write_string(r, 0, "รวม", self.f_bold)
            figures(r, ps)
            r += 1
        ws.write_string(r, 0, "รวมทั้งสิ้น", self.f_bold)
        figures(r, spec.projects)
        r += 2
        self._rest(ws)
        if spec.coordination:
            ws.write_string(r, 0, "บัญชีสรุปโครงการพัฒนาที่ประสานองค์การบริหารส่วนจังหวัด (แบบ ผ.02/2)", self.f_bold)
            r += 1
            for s in spec.strategies:
                ps = [p for p in spec.coordination if p.strategy == s.number]
                if ps:
                    ws.write_string(r, 0, f"{s.number}) {s.name}", self.f_cell)
                    figures(r, ps)
                    r += 1

    def _equipment(self):
        spec, o, years = self.spec, self.opts, self.spec.years
        ws = self._sheet("ผ.08 ครุภัณฑ์")
        width = 6 + len(years)
        for r, text in enumerate(["บัญชีครุภัณฑ์",
                                  styled_digits(f"แผนพัฒนาท้องถิ่น (พ.ศ. {spec.first_year} - {spec.last_year})", o),
                                  f"{spec.organization}  {spec.district}  {spec.province}"]):
            ws.merge_range(r, 0, r, width - 1, text, self.f_title)
        if o.form_textboxes:
            self._textbox(ws, 0, width - 2, "แบบ ผ.03")
        heads = ["ที่", "แผนงาน", "หมวด", "ประเภท", "เป้าหมาย\n(ผลผลิตของครุภัณฑ์)"]
        for c, h in enumerate(heads):
            ws.merge_range(4, c, 6, c, self._over(ws, 4, c, h), self.f_head)
        ws.merge_range(4, 5, 4, 4 + len(years), "งบประมาณ", self.f_head)
        for i, y in enumerate(years):
            ws.write_number(5, 5 + i, y, self.f_head)
            ws.write_string(6, 5 + i, "(บาท)", self.f_head)
        ws.merge_range(4, 5 + len(years), 6, 5 + len(years), "หน่วยงาน\nรับผิดชอบหลัก", self.f_head)
        r = 7
        for n, e in enumerate(spec.equipment, start=1):
            ws.write_number(r, 0, n, self.f_cell)
            for c, v in enumerate([e.programme, e.category, e.type, e.target], start=1):
                ws.write_string(r, c, v, self.f_cell)
            for i, y in enumerate(years):
                self._money(ws, r, 5 + i, e.budgets.get(y))
            ws.write_string(r, 5 + len(years), e.department, self.f_cell)
            r += 1
        ws.merge_range(r, 0, r, 4, "รวม", self.f_bold)
        for i, y in enumerate(years):
            self._put(ws, r, 5 + i, sum(e.budgets.get(y) or 0 for e in spec.equipment), self.f_boldnum)

    def _linkage(self):
        spec = self.spec
        ws = self._sheet("แผนงาน")
        ws.merge_range(0, 0, 0, 4, "ความเชื่อมโยงยุทธศาสตร์ แผนงาน และหน่วยงานรับผิดชอบ", self.f_title)
        for c, h in enumerate(["ยุทธศาสตร์การพัฒนา", "เป้าประสงค์", "กลยุทธ์", "แผนงาน", "หน่วยงานรับผิดชอบหลัก"]):
            ws.write_string(2, c, h, self.f_head)
        r = 3
        for s in spec.strategies:
            tactics = list(s.tactics.items()) or [("", "")]
            end = r + len(tactics) - 1
            for c, text in ((0, f"{s.number}. {s.name}"), (1, f"{s.number}. {s.goal_text}" if s.goal_text else "")):
                if end > r:
                    ws.merge_range(r, c, end, c, text, self.f_cell)
                else:
                    ws.write_string(r, c, text, self.f_cell)
            for i, (code, name) in enumerate(tactics):
                ws.write_string(r + i, 2, f"{code} {name}".strip(), self.f_cell)
                progs = dict.fromkeys(p.programme for p in spec.projects if (p.strategy, p.tactic) == (s.number, code))
                ws.write_string(r + i, 3, "\n".join(progs), self.f_cell)
            r = end + 1
