"""The supplement gazetteer (codebook/places/supplement.csv): format, plausibility, and that the
Gazetteer actually serves its conflict localities (the supplement is read from the CSV each time a
Gazetteer is built, so new rows need no index rebuild)."""

import csv

import pytest

from fogofwar.places.gazetteer import Gazetteer, data_path
from fogofwar.places.normalize import name_key

HEADER = ["name", "alt_names", "country", "iso3", "admin1", "admin2", "latitude", "longitude", "kind",
          "source_url", "checked"]

# (lat_min, lat_max, lon_min, lon_max)
BBOX = {
    "MLI": (10.0, 25.0, -12.5, 4.5),
    "BFA": (9.0, 15.2, -5.6, 2.5),
    "NER": (11.5, 23.6, 0.0, 16.0),
}


def _rows() -> list[dict]:
    with data_path("supplement.csv").open(encoding="utf-8", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        assert header == HEADER
        rows = []
        for n, raw in enumerate(reader, start=2):
            assert len(raw) == len(HEADER), f"line {n}: {len(raw)} fields: {raw}"
            rows.append(dict(zip(HEADER, raw)))
    return rows


def test_every_row_parses_and_has_a_source():
    rows = _rows()
    assert len(rows) > 100
    for r in rows:
        assert r["name"].strip() == r["name"] and r["name"], r
        float(r["latitude"]), float(r["longitude"])
        assert r["source_url"].startswith("http"), r
        assert r["checked"].strip(), r
        assert r["kind"] in ("locality", "admin2", "admin1", "country"), r
        for alt in r["alt_names"].split("|") if r["alt_names"] else []:
            assert alt.strip(), r


@pytest.mark.parametrize("iso3", sorted(BBOX))
def test_coordinates_inside_country_bbox(iso3):
    lat0, lat1, lon0, lon1 = BBOX[iso3]
    rows = [r for r in _rows() if r["iso3"] == iso3]
    assert rows
    for r in rows:
        lat, lon = float(r["latitude"]), float(r["longitude"])
        assert lat0 <= lat <= lat1 and lon0 <= lon <= lon1, (r["name"], lat, lon)


def test_no_duplicate_names_within_country_and_kind():
    seen: dict[tuple, str] = {}
    for r in _rows():
        key = (r["iso3"], r["kind"], name_key(r["name"]))
        assert key not in seen, f"duplicate {r['name']} ({r['iso3']}, {r['kind']})"
        seen[key] = r["name"]


def test_localities_have_admin_names():
    for r in _rows():
        if r["kind"] == "locality" and r["iso3"] in BBOX:
            assert r["admin1"] and r["admin2"], r["name"]


@pytest.fixture(scope="module")
def gaz():
    return Gazetteer.default()


@pytest.mark.parametrize("name,iso3,lat,lon", [
    ("Diabaly", "MLI", 14.68, -6.02),
    ("Diabali", "MLI", 14.68, -6.02),
    ("Dioura", "MLI", 14.83, -5.25),
    ("Mondoro", "MLI", 14.68, -1.95),
    ("Ouatagouna", "MLI", 15.18, 0.72),
    ("Toguere Coumbe", "MLI", 14.92, -4.59),
    ("Barsalogho", "BFA", 13.42, -1.05),
    ("Tondikiwindi", "NER", 14.47, 2.03),
    ("Makalondi", "NER", 12.83, 1.68),
])
def test_gazetteer_serves_new_localities(gaz, name, iso3, lat, lon):
    cands = [p for p in gaz.lookup(name) if p.iso3 == iso3 and p.kind == "locality"]
    assert cands, f"{name} not found"
    assert any(abs(p.latitude - lat) < 0.05 and abs(p.longitude - lon) < 0.05 for p in cands), \
        (name, [(p.name, p.latitude, p.longitude, p.source) for p in cands])
