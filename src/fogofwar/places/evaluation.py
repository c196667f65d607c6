"""Geocoding evaluation on GeoWebNews (Gritta et al. 2019): gold toponym spans in, places out.

For each gold toponym that carries coordinates, the surface string (text[start:end]) is looked up
in the gazetteer as ``scan_toponyms`` would (same stoplist / acronym filters; demonyms give their
country: ``name_candidates``), candidates are ranked with the article's
countries as the only context (found by our own scan of the article, not from the gold), and the
best one is compared with the gold point:

* ``country_acc``: same country as the gold point (the gold point's country is that of the
  nearest base-gazetteer locality, a simple reverse geocode);
* ``acc161``: within 161 km (100 miles) of the gold point (the usual geoparsing threshold);
* unresolved names (no candidate) count as wrong in both.
"""

from __future__ import annotations

import math
import statistics
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from pathlib import Path

from .gazetteer import Gazetteer, haversine_km
from .resolve import mentioned_countries, rank_candidates
from .scan import name_candidates, scan_toponyms


class _ReverseGeocoder:
    """Nearest base-gazetteer locality -> its country (1-degree grid buckets)."""

    def __init__(self, gaz: Gazetteer):
        self.cells: dict[tuple[int, int], list[tuple[float, float, str]]] = defaultdict(list)
        for lat, lon, iso3 in gaz._base.execute("SELECT latitude, longitude, iso3 FROM places WHERE kind='locality'"):
            self.cells[(math.floor(lat), math.floor(lon))].append((lat, lon, iso3))

    def country(self, lat: float, lon: float) -> str | None:
        cy, cx = math.floor(lat), math.floor(lon)
        for r in range(0, 6):
            best = None
            for dy in range(-r, r + 1):
                for dx in range(-r, r + 1):
                    if max(abs(dy), abs(dx)) != r:
                        continue
                    for plat, plon, iso in self.cells.get((cy + dy, cx + dx), ()):
                        d = haversine_km(lat, lon, plat, plon)
                        if best is None or d < best[0]:
                            best = (d, iso)
            if best is not None:
                return best[1]
        return None


def _candidates(gaz: Gazetteer, name: str):
    return name_candidates(name, gaz)


def evaluate_geowebnews(path: str | Path, gazetteer: Gazetteer | None = None) -> dict:
    gaz = gazetteer or Gazetteer.default()
    rev = _ReverseGeocoder(gaz)
    root = ET.parse(str(path)).getroot()
    n = resolved = country_ok = within = 0
    errors: list[float] = []
    by_type: dict[str, Counter] = defaultdict(Counter)
    by_kind: dict[str, Counter] = defaultdict(Counter)
    t0 = time.perf_counter()
    for art in root.findall("article"):
        text = art.findtext("text") or ""
        tops = scan_toponyms(text, gaz)
        ctx = mentioned_countries(text, tops, gaz)
        for t in art.find("toponyms").findall("toponym"):
            lat, lon = t.findtext("latitude"), t.findtext("longitude")
            if not lat or not lon:
                continue
            glat, glon = float(lat), float(lon)
            s, e = int(t.findtext("start")), int(t.findtext("end"))
            name = text[s:e]
            typ = t.findtext("type") or "?"
            n += 1
            by_type[typ]["n"] += 1
            cands = _candidates(gaz, name)
            if not cands:
                continue
            resolved += 1
            by_type[typ]["resolved"] += 1
            best = rank_candidates(cands, ctx, gaz, name)[0]
            gold_iso = rev.country(glat, glon)
            d = haversine_km(best.latitude, best.longitude, glat, glon)
            errors.append(d)
            by_kind[best.kind]["n"] += 1
            by_kind[best.kind]["country_ok"] += int(bool(gold_iso) and best.iso3 == gold_iso)
            by_kind[best.kind]["acc161"] += int(d <= 161)
            if gold_iso and best.iso3 == gold_iso:
                country_ok += 1
                by_type[typ]["country_ok"] += 1
            if d <= 161:
                within += 1
                by_type[typ]["acc161"] += 1
    return {
        "toponyms_with_coordinates": n,
        "resolved": resolved,
        "coverage": round(resolved / n, 4) if n else 0.0,
        "country_acc": round(country_ok / n, 4) if n else 0.0,
        "acc161": round(within / n, 4) if n else 0.0,
        "country_acc_of_resolved": round(country_ok / resolved, 4) if resolved else 0.0,
        "acc161_of_resolved": round(within / resolved, 4) if resolved else 0.0,
        "median_error_km_resolved": round(statistics.median(errors), 1) if errors else None,
        "seconds": round(time.perf_counter() - t0, 2),
        "by_resolved_kind": {k: dict(v) for k, v in sorted(by_kind.items(), key=lambda kv: -kv[1]["n"])},
        "by_type": {k: dict(v) for k, v in sorted(by_type.items(), key=lambda kv: -kv[1]["n"])},
    }
