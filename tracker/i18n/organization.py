"""Catalog: the words that depend on the organization type (plan file ``organization.type``).

A catalog string writes ``{org_ordinance}``, ``{org_council}``, ``{org_executive}``, ``{org_clerk}``,
``{org_kind}`` or ``{org_short}`` where an อบต. and a เทศบาล say different things (ข้อบัญญัติ /
เทศบัญญัติ, สภา อบต. / สภาเทศบาล …); :func:`tracker.i18n.t` fills them for the organization in force
(:func:`tracker.i18n.use_organization`, called when the plan is loaded). Keys ``org.<term>.<type>``.
"""

MESSAGES = {
    "org.type.sao": ("องค์การบริหารส่วนตำบล (อบต.)", "Subdistrict Administrative Organization (SAO)"),
    "org.type.municipality": ("เทศบาล", "Municipality"),
    "org.type.pao": ("องค์การบริหารส่วนจังหวัด (อบจ.)", "Provincial Administrative Organization (PAO)"),
    "org.kind.sao": ("อบต.", "SAO"),
    "org.kind.municipality": ("เทศบาล", "municipality"),
    "org.kind.pao": ("อบจ.", "PAO"),
    "org.ordinance.sao": ("ข้อบัญญัติ", "budget ordinance"),
    "org.ordinance.municipality": ("เทศบัญญัติ", "municipal budget ordinance"),
    "org.ordinance.pao": ("ข้อบัญญัติ", "PAO budget ordinance"),
    "org.council.sao": ("สภา อบต.", "SAO council"),
    "org.council.municipality": ("สภาเทศบาล", "municipal council"),
    "org.council.pao": ("สภา อบจ.", "PAO council"),
    "org.executive.sao": ("นายก อบต.", "SAO chief executive"),
    "org.executive.municipality": ("นายกเทศมนตรี", "mayor"),
    "org.executive.pao": ("นายก อบจ.", "PAO chief executive"),
    "org.clerk.sao": ("ปลัด อบต.", "SAO permanent secretary"),
    "org.clerk.municipality": ("ปลัดเทศบาล", "municipal clerk"),
    "org.clerk.pao": ("ปลัด อบจ.", "PAO permanent secretary"),
    # the plan's levels (plan file ``hierarchy``)
    "level.strategy": ("ยุทธศาสตร์", "Strategy"),
    "level.development_issue": ("ประเด็นการพัฒนาท้องถิ่น", "Local development issue"),
    "level.tactic": ("กลยุทธ์", "Tactic"),
    "level.guideline": ("แนวทางการพัฒนา", "Development guideline"),
    "level.programme": ("แผนงาน", "Programme"),
    "level.strategy_n": ("ยุทธศาสตร์ที่ {n}", "Strategy {n}"),
    "level.development_issue_n": ("ประเด็นการพัฒนาท้องถิ่นที่ {n}", "Local development issue {n}"),
}
