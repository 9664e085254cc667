"""Safe concurrent use: WAL + busy timeout; concurrent imports both land; readers never see half a batch."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tracker import store

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "data" / "demo"


def spawn(code: str, *args: str, env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", textwrap.dedent(code), *args], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def finish(proc: subprocess.Popen, timeout: float = 120) -> str:
    out, err = proc.communicate(timeout=timeout)
    assert proc.returncode == 0, err[-3000:]
    assert "database is locked" not in err
    return out


def test_connections_use_wal_and_a_busy_timeout(db):
    assert db.journal_mode == "wal"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


IMPORT = """
import sys, time
from pathlib import Path
from tracker import store
from tracker.ingest import import_file
db = store.connect(sys.argv[1])
go = Path(sys.argv[3])
Path(sys.argv[4]).touch()          # modules imported: ready at the start line
while not go.exists():
    time.sleep(0.005)
preview, receipt = import_file(db, sys.argv[2], user="cli:ana")
assert receipt is not None and receipt.batch_id, preview.summary() if hasattr(preview, "summary") else preview
print(receipt.batch_id, receipt.n_new)
"""


@pytest.mark.slow
def test_two_imports_at_once_in_separate_processes_both_land(db_file, tmp_path):
    files = [DEMO / "2569" / "projects.csv", DEMO / "2570" / "projects.csv"]
    go = tmp_path / "go"
    ready = [tmp_path / f"ready-{i}" for i in range(len(files))]
    env = {**os.environ, "TRACKER_DB": str(db_file)}
    procs = [spawn(IMPORT, str(db_file), str(f), str(go), str(r), env=env) for f, r in zip(files, ready)]
    while not all(r.exists() for r in ready):     # both wait at the start line
        assert all(p.poll() is None for p in procs), [finish(p) for p in procs if p.poll() is not None]
        time.sleep(0.01)
    go.touch()
    outs = [finish(p) for p in procs]
    db = store.connect(db_file)
    try:
        batches = store.batches(db)
        assert len(batches) == 2 and set(batches["status"]) == {"committed"}
        n_new = sorted(int(o.split()[1]) for o in outs)
        assert sorted(batches["n_new"].astype(int)) == n_new
        assert len(store.projects(db)) == sum(n_new)
        assert sorted(set(store.projects(db)["fiscal_year"])) == [2569, 2570]
        assert store.revision(db) >= 2
    finally:
        db.close()


WRITER = """
import sys, time
from pathlib import Path
from tracker import store
db = store.connect(sys.argv[1])
tag, n, size = sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
wait_for = Path(sys.argv[5]) if len(sys.argv) > 5 else None
while wait_for is not None and not wait_for.exists():
    time.sleep(0.01)
for i in range(n):
    with db.atomic():
        db["batch_rows"].insert_all([{"tag": tag, "batch": i, "k": j} for j in range(size)])
        store.bump_revision(db)
print("ok")
"""

READER = """
import sys, time
from pathlib import Path
from tracker import store
db = store.connect(sys.argv[1])
size, ready, done = int(sys.argv[2]), Path(sys.argv[3]), Path(sys.argv[4])
seen, bad = set(), []
ready.touch()                      # the writer starts only once this reader is reading
end = time.time() + 120
while time.time() < end:
    finished = done.exists()       # checked before the read: the last read sees the final state
    n = db.execute("SELECT count(*) FROM batch_rows").fetchone()[0]
    seen.add(n)
    if n % size:
        bad.append(n)
    if finished:
        break
print(len(seen), len(bad))
"""


def _batch_table(db_file):
    db = store.connect(db_file)
    db["batch_rows"].create({"tag": str, "batch": int, "k": int})
    db.close()
    return {**os.environ, "TRACKER_DB": str(db_file)}


def _rows(db_file) -> int:
    db = store.connect(db_file)
    try:
        return db.execute("SELECT count(*) FROM batch_rows").fetchone()[0]
    finally:
        db.close()


@pytest.mark.slow
def test_readers_never_see_half_a_batch(db_file, tmp_path):
    env = _batch_table(db_file)
    size = 200
    ready, done = tmp_path / "reader-ready", tmp_path / "writer-done"
    reader = spawn(READER, str(db_file), str(size), str(ready), str(done), env=env)
    writer = spawn(WRITER, str(db_file), "a", "40", str(size), str(ready), env=env)
    assert finish(writer).strip() == "ok"
    done.touch()
    distinct, bad = map(int, finish(reader).split())
    assert bad == 0 and distinct > 1
    assert _rows(db_file) == 40 * size


@pytest.mark.slow
def test_two_writers_at_once_are_serialised_without_database_is_locked(db_file):
    env = _batch_table(db_file)
    size = 200
    writers = [spawn(WRITER, str(db_file), tag, "25", str(size), env=env) for tag in ("a", "b")]
    for w in writers:
        assert finish(w).strip() == "ok"
    assert _rows(db_file) == 2 * 25 * size
