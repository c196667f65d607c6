"""The founding example, end to end: the battle of Tinzaouaten (El País, 30 July 2024).

The article is news text under copyright: it is read from ../shared/seed at test time, never copied here.
"""

from __future__ import annotations

import datetime as dt
import math

import pytest

from fogofwar.ingest import read_path
from fogofwar.pipeline import extract
from tests.conftest_paths import SHARED

SEED = SHARED / "seed" / "tinzaouaten-2024-07-30.en.txt"

pytestmark = pytest.mark.skipif(not SEED.exists(), reason=f"seed article not found at {SEED} (it lives outside the repo, in ../shared)")

MALI_ARMY = "Military Forces of Mali (2021-)"
CSP = "CSP-DPA: Permanent Strategic Framework for the Defense of the People of Azawad"
JNIM = "JNIM: Group for Support of Islam and Muslims"
WAGNER = "Wagner Group"


@pytest.fixture(scope="module")
def result():
    docs = read_path(str(SEED), published="2024-07-30", outlet="El País")
    return extract(docs)


def _km(lat1, lon1, lat2, lon2):
    p = math.pi / 180
    a = 0.5 - math.cos((lat2 - lat1) * p) / 2 + math.cos(lat1 * p) * math.cos(lat2 * p) * (1 - math.cos((lon2 - lon1) * p)) / 2
    return 12742 * math.asin(math.sqrt(a))


def _battles(result):
    return [e for e in result.events if e.event_type == "Battles" and not e.background]


def test_battles_on_each_day_at_tinzaouaten_in_mali(result):
    battles = _battles(result)
    days = {e.event_date for e in battles}
    assert {dt.date(2024, 7, 25), dt.date(2024, 7, 26), dt.date(2024, 7, 27)} <= days
    for e in battles:
        assert e.country == "Mali" and e.iso3 == "MLI"
        assert e.admin1 == "Kidal"
        assert e.geo_precision in (1, 2)
        assert _km(e.latitude, e.longitude, 19.96, 2.86) <= 25, (e.location, e.latitude, e.longitude)


def test_actors_resolved_to_canonical_names(result):
    battles = _battles(result)
    pairs = {frozenset({e.actor1, e.actor2}) for e in battles}
    assert frozenset({CSP, MALI_ARMY}) in pairs
    assert frozenset({JNIM, MALI_ARMY}) in pairs
    inter = {}
    for e in battles:
        inter[e.actor1] = e.inter1
        inter[e.actor2] = e.inter2
    assert inter[MALI_ARMY] == 1 and inter[CSP] == 2 and inter[JNIM] == 2
    assert any(WAGNER in (e.assoc_actor_1 if e.actor1 == MALI_ARMY else e.assoc_actor_2) for e in battles)


def _claims(result):
    seen = {}
    for e in _battles(result):
        for c in e.claims:
            seen[(c.claimant, c.victims, c.outcome, c.low, c.high)] = c
    return list(seen.values())


def test_the_five_claims_are_kept_side_by_side(result):
    claims = _claims(result)

    def has(claimant, outcome, low=None, victims_contains=None, vague=None):
        for c in claims:
            if c.claimant == claimant and c.outcome == outcome and (low is None or c.low == low):
                if victims_contains and not (c.victims and victims_contains in c.victims):
                    continue
                if vague is not None and c.vague != vague:
                    continue
                return True
        return False

    assert has(MALI_ARMY, "killed", 2, victims_contains=MALI_ARMY)
    assert has(MALI_ARMY, "wounded", 10, victims_contains=MALI_ARMY)
    assert has(JNIM, "killed", 50, victims_contains=WAGNER)
    assert has(JNIM, "killed", 10, victims_contains=MALI_ARMY)
    assert has(CSP, "killed", vague=True)
    wagner = [c for c in claims if c.claimant == WAGNER and c.victims and WAGNER in c.victims]
    assert wagner and all(c.low is None for c in wagner if "casualties" in (c.vague_term or "")), "Wagner's own losses carry no figure"
    sources = [c for c in claims if c.claimant_kind == "sources" and c.vague]
    assert sources and MALI_ARMY in sources[0].victims and WAGNER in sources[0].victims


def test_reconciled_range_and_dispute(result):
    battles = _battles(result)
    assert min(e.fatalities_low for e in battles if e.fatalities_low is not None) <= 12
    assert max(e.fatalities_high for e in battles if e.fatalities_high is not None) >= 60
    assert any(e.disputed for e in battles)


def test_nothing_coded_on_the_wrong_date(result):
    for e in result.events:
        if not e.background:
            assert dt.date(2024, 7, 25) <= e.event_date <= dt.date(2024, 7, 29), (e.event_date, e.sub_event_type, e.notes)
    kidal = [e for e in result.events if e.location == "Kidal"]
    assert all(e.background and e.event_date < dt.date(2024, 1, 1) for e in kidal)


def test_every_span_is_valid(result):
    text = result.documents[0].text
    for e in result.events:
        fields = {ev.field for ev in e.evidence}
        assert {"event_type", "location", "event_date", "actor1"} <= fields, (e.sub_event_type, fields)
        for ev in e.evidence:
            assert text[ev.start : ev.end] == ev.quote
        for c in e.claims:
            assert text[c.start : c.end] == c.quote
