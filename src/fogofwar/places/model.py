"""Data types of the places stage (the public contract)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Place:
    name: str  # canonical display name, e.g. "Tinzaouaten"
    country: str  # "Mali"
    iso3: str  # "MLI"
    admin1: str | None  # "Kidal"
    admin2: str | None  # "Tin-Essako" (cercle) when known
    latitude: float
    longitude: float
    kind: str  # "locality" | "admin2" | "admin1" | "country"
    population: int | None
    source: str  # "geonames:<id>" | "supplement" | "acled-import" | ...


@dataclass(frozen=True)
class Toponym:
    """A place name found in a text; ``text == doc[start:end]``."""

    start: int
    end: int
    text: str
    candidates: tuple[Place, ...]  # ranked best-first
    cue: str | None  # "near", "outskirts", "km_from", "region", "towards", "from", "in", ...


@dataclass(frozen=True)
class Location:
    place: Place | None
    geo_precision: int | None  # 1 place itself, 2 near/outskirts/km from, 3 region/country
    start: int | None
    end: int | None
    quote: str | None
    reason: str
