"""Exports of real extraction results: keys, column order, GeoJSON validity, UCDP mapping."""

from __future__ import annotations

import csv
import io
import json

import pytest

from fogofwar import export
from fogofwar.models import Event, ExtractionResult


def _rows(text: str) -> tuple[list[str], list[dict]]:
    reader = csv.DictReader(io.StringIO(text))
    return list(reader.fieldnames or []), list(reader)


def test_json_has_exactly_the_documents_and_events_keys(example_result):
    data = json.loads(export.to_json(example_result))
    assert set(data) == {"documents", "events"}
    assert all(set(d) == {"id", "outlet", "url", "published", "lang"} for d in data["documents"])
    assert data["events"] and all(set(e) == set(Event.model_fields) for e in data["events"])
    assert any(e["event_date"] for e in data["events"])
    for e in data["events"]:
        if e["event_date"]:
            assert len(e["event_date"]) == 10 and e["event_date"][4] == "-"


def test_json_round_trips_to_the_models(example_result):
    data = json.loads(export.to_json(example_result))
    assert [Event.model_validate(e) for e in data["events"]] == example_result.events


ACLED_HEADER = (
    "event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,"
    "actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,"
    "latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp"
)


def test_acled_csv_has_the_31_columns_in_order(example_result):
    text = export.to_acled_csv(example_result.events, example_result.documents, timestamp=1700000000)
    assert text.splitlines()[0] == ACLED_HEADER
    cols, rows = _rows(text)
    assert len(cols) == 31 and tuple(cols) == export.ACLED_COLUMNS
    assert len(rows) == len(example_result.events)
    for r, e in zip(rows, example_result.events):
        assert r["event_id_cnty"] == e.id
        assert r["event_type"] == e.event_type
        assert r["timestamp"] == "1700000000"
        assert r["admin3"] == "" and r["source_scale"] == ""
        assert r["assoc_actor_1"] == "; ".join(e.assoc_actor_1)
        if e.event_date:
            assert r["year"] == str(e.event_date.year)
        if e.background:
            assert "background" in r["tags"]


def test_acled_iso_and_region(example_result):
    _, rows = _rows(export.to_acled_csv(example_result.events, example_result.documents))
    by_country = {r["country"]: (r["iso"], r["region"]) for r in rows if r["country"]}
    assert by_country.get("Mali") == ("466", "Western Africa")
    assert by_country.get("Burkina Faso") == ("854", "Western Africa")
    assert export.iso_numeric("DZA") == 12 and export.ACLED_REGIONS["DZA"] == "Northern Africa"
    assert export.iso_numeric(None) is None and export.iso_numeric("XXX") is None


def test_unknown_values_are_empty_cells():
    e = Event(id="FOW-x", event_type="Battles", sub_event_type="Armed clash")
    _, rows = _rows(export.to_acled_csv([e], timestamp=0))
    row = rows[0]
    assert row["event_date"] == "" and row["actor1"] == "" and row["latitude"] == "" and row["iso"] == "" and row["region"] == ""


def test_geojson_is_a_valid_feature_collection(example_result):
    data = json.loads(export.to_geojson(example_result.events))
    assert data["type"] == "FeatureCollection"
    located = [e for e in example_result.events if e.latitude is not None and e.longitude is not None]
    assert len(data["features"]) == len(located) > 0
    for f, e in zip(data["features"], located):
        assert f["type"] == "Feature" and f["id"] == e.id
        assert f["geometry"]["type"] == "Point"
        lon, lat = f["geometry"]["coordinates"]
        assert (lon, lat) == (e.longitude, e.latitude)
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert set(f["properties"]) == set(Event.model_fields)
    assert data["unlocated"] == [e.id for e in example_result.events if e not in located]


def test_geojson_lists_unlocated_events():
    e = Event(id="FOW-nowhere", event_type="Battles", sub_event_type="Armed clash")
    data = json.loads(export.to_geojson([e]))
    assert data["features"] == [] and data["unlocated"] == ["FOW-nowhere"]


@pytest.mark.parametrize(
    ("event_type", "sub", "inter1", "inter2", "civ", "expected"),
    [
        ("Battles", "Armed clash", 1, 2, None, 1),
        ("Battles", "Armed clash", 2, 1, None, 1),
        ("Battles", "Armed clash", 2, 3, None, 2),
        ("Violence against civilians", "Attack", 2, 7, "Civilian targeting", 3),
        ("Explosions/Remote violence", "Air/drone strike", 1, 7, "Civilian targeting", 3),
        ("Explosions/Remote violence", "Air/drone strike", 1, 2, None, None),
        ("Protests", "Peaceful protest", 6, None, None, None),
        ("Strategic developments", "Looting/property destruction", 1, None, None, None),
    ],
)
def test_ucdp_type_of_violence(event_type, sub, inter1, inter2, civ, expected):
    e = Event(id="x", event_type=event_type, sub_event_type=sub, inter1=inter1, inter2=inter2, civilian_targeting=civ)
    assert export.ucdp_type(e) == expected


def test_ucdp_csv_columns_and_rows(example_result):
    text = export.to_ucdp_csv(example_result.events, example_result.documents)
    cols, rows = _rows(text)
    assert tuple(cols) == export.UCDP_COLUMNS
    counted = [e for e in example_result.events if export.ucdp_type(e) is not None]
    assert [r["id"] for r in rows] == [e.id for e in counted]
    for r, e in zip(rows, counted):
        assert r["type_of_violence"] in {"1", "2", "3"}
        assert r["date_start"] == r["date_end"] == (e.event_date.isoformat() if e.event_date else "")
        if r["type_of_violence"] == "1" and e.inter2 == 1 and e.inter1 != 1:
            assert r["side_a"] == e.actor2  # the government is side A
        if r["type_of_violence"] == "3":
            assert r["side_b"] == "Civilians"
        assert r["source_article"]


def test_ucdp_state_actor_goes_to_side_a():
    e = Event(id="x", event_type="Battles", sub_event_type="Armed clash", actor1="Rebels", inter1=2, actor2="Army", inter2=1, fatalities=3)
    _, rows = _rows(export.to_ucdp_csv([e]))
    assert (rows[0]["side_a"], rows[0]["side_b"]) == ("Army", "Rebels")
    assert (rows[0]["low"], rows[0]["best"], rows[0]["high"]) == ("3", "3", "3")


def test_render_refuses_unknown_formats(example_result):
    from fogofwar.errors import UnknownFormatError

    with pytest.raises(UnknownFormatError):
        export.render("xml", example_result)
    for fmt in export.FORMATS:
        assert export.render(fmt, ExtractionResult(documents=[], events=[]))
