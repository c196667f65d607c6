"""The store on a real PostgreSQL server: the same guarantees as on SQLite.

`.ci/run` starts a throw-away server (`.ci/start-postgres.sh`) and sets FOGOFWAR_TEST_PG_URL;
without it these tests are skipped with that message. Each test gets a fresh database.
"""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, inspect, text
from sqlalchemy.engine import make_url

from fogofwar.store import Store

ADMIN_URL = os.environ.get("FOGOFWAR_TEST_PG_URL")
pytestmark = pytest.mark.skipif(not ADMIN_URL, reason="no PostgreSQL server: set FOGOFWAR_TEST_PG_URL (as .ci/run does with .ci/start-postgres.sh)")


@pytest.fixture()
def pg_url():
    name = f"fow_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    url = make_url(ADMIN_URL).set(database=name).render_as_string(hide_password=False)
    yield url
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _snapshot(store: Store) -> list[dict]:
    return [e.model_dump(mode="json") for e in store.events()]


def test_migrations_create_the_tables(pg_url):
    with Store.open(pg_url) as store:
        assert store.engine.dialect.name == "postgresql"
        names = set(inspect(store.engine).get_table_names())
    assert {"documents", "events", "event_documents", "claims", "event_claims", "evidence", "alembic_version"} <= names


def test_round_trip_matches_sqlite(pg_url, tmp_path, example_docs):
    with Store.open(f"sqlite:///{tmp_path / 'ref.db'}") as ref:
        ref.ingest_documents(example_docs)
        expected = _snapshot(ref)
    with Store.open(pg_url) as store:
        store.ingest_documents(example_docs)
        assert _snapshot(store) == expected
        docs = {d.id: d.text for d in store.documents()}
        for e in store.events():
            for ev in e.evidence:
                assert docs[ev.document][ev.start : ev.end] == ev.quote


def test_ingest_is_idempotent(pg_url, example_docs):
    with Store.open(pg_url) as store:
        first = store.ingest_documents(example_docs)
        again = store.ingest_documents(example_docs)
        assert first.new_documents == len(example_docs)
        assert again.new_documents == 0 and again.events_written == 0
        assert len(store.documents()) == len(example_docs)


def test_a_killed_batch_leaves_nothing_and_rerun_resumes(pg_url, example_docs, kill_batch_after):
    with Store.open(pg_url) as store:
        heal = kill_batch_after(3)
        with pytest.raises(RuntimeError):
            store.ingest_documents(example_docs, batch_size=len(example_docs))
        assert store.events() == [] and store.documents() == []
        heal()
        store.ingest_documents(example_docs)
        assert store.events()


def test_filters(pg_url, example_docs):
    with Store.open(pg_url) as store:
        store.ingest_documents(example_docs)
        mali = store.events(country="Mali")
        assert mali and all(e.country == "Mali" for e in mali)
        assert all(str(e.event_date) >= "2024-07-26" for e in store.events(since="2024-07-26"))
        assert all(e.event_type == "Battles" or e.sub_event_type == "Battles" for e in store.events(event_type="Battles"))
