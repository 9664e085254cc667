"""Catalog: hardening (issue #15) — strict numbers, characters, resource limits, bad stored values,
operator messages (database, plan file), restore checks and the command line's identity."""

MESSAGES = {
    # problems of uploads
    "ingest.problem.number_format": (
        "'{value}' เขียนตัวเลขแบบที่อ่านได้สองทาง (จุลภาคเป็นจุดทศนิยม หรือจุดคั่นหลักพัน) — ใช้จุดสำหรับทศนิยม "
        "และจุลภาคคั่นหลักพันเท่านั้น เช่น 0.5 หรือ 1,234.56",
        "'{value}' is written in a way that reads two ways (a decimal comma or dots between thousands) — use a "
        "point for decimals and commas only between thousands, e.g. 0.5 or 1,234.56"),
    "ingest.problem.implausible_value": (
        "'{value}' อยู่นอกช่วงที่เป็นไปได้ {min} ถึง {max} ({what}) — ตรวจหน่วยและจุดทศนิยม",
        "'{value}' is outside the plausible range {min} to {max} ({what}) — check the unit and the decimal point"),
    "ingest.problem.bad_code": (
        "'{value}' มีตัวอักษรที่รหัสใช้ไม่ได้ (รหัสใช้ได้เฉพาะ A–Z 0–9 - _ . / ไม่มีอักษรที่มองไม่เห็น "
        "หรืออักษรหน้าตาคล้ายจากภาษาอื่น) — พิมพ์รหัสใหม่ด้วยแป้นพิมพ์ภาษาอังกฤษ",
        "'{value}' holds a character codes cannot use (only A–Z 0–9 - _ . /, no invisible characters or "
        "look-alike letters of other scripts) — type the code again on an English keyboard"),
    "ingest.problem.bad_character": (
        "ข้อความมีอักขระควบคุมหรืออักขระที่มองไม่เห็น (เช่น อักขระกลับทิศทางข้อความ) — พิมพ์ข้อความในช่องนี้ใหม่",
        "the text holds a control or invisible character (such as a text-direction control) — type this "
        "cell again"),
    "ingest.problem.too_many_rows": (
        "ไฟล์มี {rows} แถว เกินขีดจำกัด {limit} แถว — ลบแถวว่างท้ายแผ่นงาน หรือแบ่งเป็นหลายไฟล์",
        "the file has {rows} rows, over the limit of {limit} — delete the empty rows at the end of the sheet "
        "or split the file"),
    "ingest.problem.too_many_columns": (
        "ไฟล์มี {columns} คอลัมน์ เกินขีดจำกัด {limit} คอลัมน์ — ลบคอลัมน์ที่ไม่ใช้ออก",
        "the file has {columns} columns, over the limit of {limit} — delete the columns you don't use"),
    "ingest.problem.project_year_locked": (
        "ปีงบประมาณ {value} มีไตรมาสที่ล็อกแล้ว ({periods} โดย {locked_by}) งบประมาณของโครงการในปีนี้จึงแก้ไขไม่ได้ "
        "({rows} แถว) — ขอให้ผู้ดูแลระบบปลดล็อกพร้อมระบุเหตุผลก่อน",
        "fiscal year {value} has locked quarters ({periods}, by {locked_by}), so its projects and budgets "
        "cannot change ({rows} rows) — ask an admin to unlock them with a reason first"),
    "history.refused.year_locked": (
        "ย้อนกลับชุดนำเข้าที่ {batch} ไม่ได้: ชุดนี้เปลี่ยนโครงการของปี {fy} ซึ่งมีไตรมาสที่ล็อกแล้ว ({periods} โดย {locked_by}) "
        "— ขอให้ผู้ดูแลระบบปลดล็อกก่อน",
        "batch {batch} can't be rolled back: it changed projects of fiscal year {fy}, which has locked quarters "
        "({periods}, by {locked_by}) — ask an admin to unlock them first"),
    "locks.year_locked": (
        "ปีงบประมาณ {fy} มีไตรมาสที่ล็อกแล้ว ({periods} โดย {locked_by}) โครงการและงบประมาณของปีนี้จึงแก้ไขไม่ได้ "
        "— ขอให้ผู้ดูแลระบบปลดล็อกพร้อมระบุเหตุผลก่อน",
        "fiscal year {fy} has locked quarters ({periods}, by {locked_by}), so its projects and budgets cannot "
        "change — ask an admin to unlock them with a reason first"),
    "auth.throttled": (
        "มีการเข้าสู่ระบบไม่สำเร็จจากเครื่องนี้หลายครั้งเกินไป — รออีกประมาณ {minutes} นาทีแล้วลองใหม่",
        "Too many failed sign-ins from this computer — wait about {minutes} minutes and try again"),
    # backup and restore
    "backup.dest_is_database": (
        "{path} คือไฟล์ฐานข้อมูลที่ใช้งานอยู่ — เลือกไฟล์อื่นสำหรับสำรองข้อมูล",
        "{path} is the live database — choose another file for the backup"),
    "backup.dest_exists": (
        "มีไฟล์ {path} อยู่แล้ว — เลือกชื่อไฟล์ใหม่ หรือเพิ่ม --force ถ้าต้องการเขียนทับ",
        "{path} already exists — choose a new file name, or add --force to replace it"),
    "backup.other_version": (
        "{path} มาจากระบบรุ่นอื่นหรือโปรแกรมอื่น (ลำดับการปรับโครงสร้างฐานข้อมูลไม่ตรงกัน) — ไม่ได้กู้คืน",
        "{path} comes from another application or version (its schema migrations differ from this one's) "
        "— nothing was restored"),
    "backup.schema_differs": (
        "โครงสร้างของ {path} ไม่ตรงกับของระบบ ({objects}) — ไฟล์อาจถูกแก้ไข ไม่ได้กู้คืน",
        "the structure of {path} differs from the application's ({objects}) — the file may have been "
        "tampered with; nothing was restored"),
    "backup.bad_accounts": (
        "บัญชีใน {path} มีรหัสผ่านที่ไม่ได้เข้ารหัส ({names}) — ไม่ได้กู้คืน",
        "accounts in {path} have passwords that are not hashed ({names}) — nothing was restored"),
    "backup.new_admins": (
        "{path} มีบัญชีผู้ดูแลระบบที่ฐานข้อมูลปัจจุบันไม่มี ({names}) — ตรวจว่าเป็นของหน่วยงานจริง "
        "แล้วสั่งใหม่พร้อม --accept-admins",
        "{path} has admin accounts the current database does not know ({names}) — check they are your "
        "office's, then run again with --accept-admins"),
    # the command line's identity
    "locks.unlock_needs_admin": (
        "การปลดล็อกต้องระบุผู้ดูแลระบบ: --user ชื่อบัญชี แล้วพิมพ์รหัสผ่านของบัญชีนั้น",
        "unlocking needs an admin: --user ACCOUNT, then that account's password"),
    "locks.unlock_password_prompt": ("รหัสผ่านของ {username}:", "Password of {username}:"),
    "locks.unlock_bad_admin": (
        "ปลดล็อกไม่ได้: {username} ไม่ใช่ผู้ดูแลระบบ หรือรหัสผ่านไม่ถูกต้อง",
        "cannot unlock: {username} is not an admin or the password is wrong"),
    # the database as the operator sees it
    "db.read_only": (
        "เขียนฐานข้อมูล {path} ไม่ได้ (ไฟล์หรือโฟลเดอร์เป็นแบบอ่านอย่างเดียว) ไม่ได้บันทึกอะไร — ให้บัญชีที่รันแดชบอร์ด"
        "มีสิทธิ์เขียนไฟล์และโฟลเดอร์นั้น (เช่น sudo chown -R ผู้ใช้ data/) แล้วลองใหม่",
        "The database {path} can't be written (the file or its folder is read-only); nothing was saved — give "
        "the account running the dashboard write access to it (e.g. sudo chown -R USER data/), then try again"),
    "db.full": (
        "ดิสก์ที่เก็บฐานข้อมูล {path} เต็ม ไม่ได้บันทึกอะไร — ลบไฟล์ที่ไม่ใช้ (เช่น สำรองข้อมูลเก่าใน {backups}) แล้วลองใหม่",
        "The disk holding the database {path} is full; nothing was saved — free some space (e.g. old backups in "
        "{backups}), then try again"),
    "db.corrupt": (
        "ฐานข้อมูล {path} เสียหาย — กู้คืนจากสำรองข้อมูลล่าสุด: python -m tracker restore {backups}/<ไฟล์ล่าสุด>.db --yes",
        "The database {path} is damaged — restore the latest backup: python -m tracker restore "
        "{backups}/<newest>.db --yes"),
    "db.cannot_open": (
        "เปิดฐานข้อมูล {path} ไม่ได้ (ไม่มีโฟลเดอร์หรือไม่มีสิทธิ์) — ตรวจค่า TRACKER_DB แล้วสั่ง python -m tracker init",
        "The database {path} can't be opened (missing folder or no permission) — check TRACKER_DB, then run "
        "python -m tracker init"),
    "db.busy": (
        "ฐานข้อมูลกำลังถูกใช้งานนานเกินไป ไม่ได้บันทึกอะไร — รอสักครู่แล้วลองใหม่",
        "The database stayed busy too long; nothing was saved — wait a moment and try again"),
    "db.error": ("ฐานข้อมูล {path} มีปัญหา: {detail}", "The database {path} failed: {detail}"),
    "cli.os_error": ("ใช้ไฟล์ไม่ได้: {detail}", "A file could not be used: {detail}"),
    "snapshot.error.bad_character": (
        "ชื่อมีอักขระควบคุมหรืออักขระที่มองไม่เห็น — พิมพ์ชื่อใหม่",
        "the name holds a control or invisible character — type it again"),
    # stored values the pages won't compute from
    "stored.implausible": (
        "ตัวเลขที่บันทึกไว้ {n} ค่าผิดปกติ จึงไม่นำมาคำนวณ (แสดงเป็น —): {items} — ย้อนกลับชุดนำเข้านั้น "
        "หรือนำเข้าค่าที่ถูกต้อง",
        "{n} stored numbers are implausible and are left out of every figure (shown as —): {items} — roll "
        "that batch back or import the right values"),
    "stored.item": ("{code} {fy}{quarter} {column} = {value} (ชุดที่ {batch})",
                    "{code} {fy}{quarter} {column} = {value} (batch {batch})"),
}
