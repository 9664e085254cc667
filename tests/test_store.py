"""The SQLite store: migrations, plan loading, connection settings."""

from tracker import store
from tracker.plan import default_plan


def schema(db):
    return sorted(r[0] for r in db.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL"))


def test_migrations_run_twice_give_the_same_schema(tmp_path):
    db = store.connect(tmp_path / "a.db")
    first = store.migrate(db)
    before = schema(db)
    assert first and store.migrate(db) == []
    assert schema(db) == before


def test_connection_has_foreign_keys_wal_and_busy_timeout(tmp_path):
    db = store.connect(tmp_path / "a.db")
    assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert db.journal_mode == "wal"
    assert db.execute("PRAGMA busy_timeout").fetchone()[0] == store.BUSY_TIMEOUT_MS


def test_loading_the_plan_twice_changes_nothing(db):
    plan = default_plan()
    dump1 = [line for line in db.conn.iterdump() if "meta" not in line]
    store.load_plan(db, plan)
    dump2 = [line for line in db.conn.iterdump() if "meta" not in line]
    assert dump1 == dump2
    assert db["goals"].count == 5
    assert db["indicator_targets"].count == len(plan.indicators) * len(plan.fiscal_years)


def test_plan_rows_hold_the_thai_goal_text(db):
    plan = default_plan()
    goals = store.goals(db)
    assert list(goals["text_th"]) == [g.text.th for g in plan.goals.values()]
    assert goals.loc[0, "mission_th"] == plan.missions[1].th


def test_every_write_bumps_the_revision(db):
    rev = store.revision(db)
    store.load_plan(db, default_plan())
    assert store.revision(db) == rev + 1


def test_audit_log_is_append_only(db):
    import sqlite3

    import pytest

    store.audit(db, user="tester", action="test", detail={"x": 1})
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("DELETE FROM audit_log")
    with pytest.raises(sqlite3.DatabaseError, match="append-only"):
        db.execute("UPDATE audit_log SET username = 'x'")


def test_empty_database_has_no_period_and_no_demo(db):
    assert store.periods_with_data(db) == []
    assert not store.has_demo_data(db)
    assert store.data_as_of(db) is None


def test_reads_inside_reading_see_one_state_while_another_connection_commits(db_file):
    from tests.dashboard_data import load_small_dataset

    reader, writer = store.connect(db_file), store.connect(db_file)
    try:
        with store.reading(reader):
            before = len(store.projects(reader))
            load_small_dataset(writer)          # committed by another connection meanwhile
            assert len(store.projects(reader)) == before
            assert store.revision(reader) == store.revision(reader)
        assert len(store.projects(reader)) == before + 6
    finally:
        reader.close()
        writer.close()


def test_reads_take_one_or_several_fiscal_years(db):
    from tests.dashboard_data import load_small_dataset

    load_small_dataset(db)
    assert set(store.results(db, 2569)["fiscal_year"]) == {2569}
    assert set(store.results(db, [2568, 2569])["fiscal_year"]) == {2568, 2569}
    assert len(store.results(db)) == len(store.results(db, [2568, 2569]))


_CELLS = [None, 0, 7, 2**40, 2.5, -1e300, "", "x", "ไทย ข้อบัญญัติ", b"\x00"]


def _read_both(cells_per_column, chunk, monkeypatch):
    import pandas as pd

    from tracker.store import db as store_db

    conn = store.connect(":memory:")
    ncols = len(cells_per_column)
    conn.execute(f"CREATE TABLE t ({', '.join(f'c{i}' for i in range(ncols))})")
    conn.conn.executemany(f"INSERT INTO t VALUES ({', '.join('?' * ncols)})", list(zip(*cells_per_column)))
    monkeypatch.setattr(store_db, "CHUNK_ROWS", chunk)
    return pd.read_sql_query("SELECT * FROM t", conn.conn), store_db.frame(conn, "SELECT * FROM t")


def test_a_read_in_chunks_gives_the_frame_pandas_reads_at_once(monkeypatch):
    """The store reads big results a chunk of rows at a time (no tuple per row of a province's 230,000
    progress rows held at once): every column's values and dtype are those of the whole result, whatever
    the chunks hold (numbers in one, NULLs only in another, text, mixed types)."""
    import random

    import pandas as pd

    rng = random.Random(16)
    for _ in range(150):
        rows = rng.randint(0, 9)
        columns = []
        for _ in range(4):
            pool = rng.sample(_CELLS, rng.randint(1, 3))
            columns.append([rng.choice(pool) if rng.random() < 0.8 else None for _ in range(rows)])
        if not rows:
            columns = [[] for _ in columns]
        for chunk in (1, 2, 3, 100):
            whole, chunked = _read_both(columns or [[]], chunk, monkeypatch)
            pd.testing.assert_frame_equal(chunked, whole, check_exact=True)
            assert list(chunked.dtypes) == list(whole.dtypes)


def test_a_read_of_a_project_year_in_chunks_is_the_same_frame(db, monkeypatch):
    import pandas as pd

    from tests.dashboard_data import load_small_dataset
    from tracker.store import db as store_db

    load_small_dataset(db)
    whole = store.projects(db), store.progress(db), store.results(db)
    monkeypatch.setattr(store_db, "CHUNK_ROWS", 2)
    for before, after in zip(whole, (store.projects(db), store.progress(db), store.results(db))):
        pd.testing.assert_frame_equal(after, before, check_exact=True)
