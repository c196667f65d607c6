"""The contracts between pipeline stages.

Every stage reads and writes these models and nothing else, so a stage can be
swapped (a rule-based detector for a learned one) without touching the others.
Character offsets are Python string offsets into ``Document.text``; for HTML
that is the extracted main text, which the store keeps.
"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Outcome = Literal["killed", "wounded", "captured", "missing"]


class LangSpan(BaseModel):
    """A paragraph written in another language than its document's (a mixed page)."""

    model_config = ConfigDict(frozen=True)

    start: int
    end: int
    lang: str


class Document(BaseModel):
    """One news report as read: the unit of ingest and of evidence."""

    model_config = ConfigDict(frozen=True)

    id: str
    text: str
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    lang: str = "en"
    title: str | None = None
    source_path: str | None = None
    # paragraphs in another language than ``lang``; empty for a one-language page or when the
    # language was given (``--lang`` overrides detection for the whole document)
    lang_spans: tuple[LangSpan, ...] = ()


class Evidence(BaseModel):
    """A span of a document that supports one field of an event."""

    field: str
    document: str
    start: int
    end: int
    quote: str


class Claim(BaseModel):
    """A casualty figure as somebody asserted it, never flattened into a number.

    ``claimant`` is the original source (an actor, an official, "local sources",
    the outlet itself); ``via`` is the chain that relayed it. A vague figure
    ("dozens") is a range with ``vague`` set.
    """

    id: str | None = None
    claimant: str
    claimant_kind: Literal["actor", "official", "sources", "outlet", "organisation"] = "outlet"
    via: list[str] = Field(default_factory=list)
    victims: str | None = None
    victims_inferred: bool = False
    outcome: Outcome = "killed"
    low: int | None = None
    high: int | None = None
    vague: bool = False
    vague_term: str | None = None
    document: str
    start: int
    end: int
    quote: str


class Actor(BaseModel):
    """An actor resolved to the registry's canonical (ACLED-style) name."""

    model_config = ConfigDict(frozen=True)

    name: str
    inter: int
    country: str | None = None
    kind: str | None = None


class Episode(BaseModel):
    """A multi-day fight that several daily events belong to; claims concern the whole of it."""

    id: str
    first_day: dt.date
    last_day: dt.date
    days: int
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None


class Event(BaseModel):
    """One event in ACLED's sense: one day, one location, one actor pair."""

    id: str
    documents: list[str] = Field(default_factory=list)
    background: bool = False
    event_date: dt.date | None = None
    time_precision: int | None = None
    disorder_type: str | None = None
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    inter1: int | None = None
    assoc_actor_1: list[str] = Field(default_factory=list)
    actor2: str | None = None
    inter2: int | None = None
    assoc_actor_2: list[str] = Field(default_factory=list)
    interaction: int | None = None
    civilian_targeting: str | None = None
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_best: int | None = None
    fatalities_high: int | None = None
    disputed: bool = False
    confidence: float = 0.5
    claims: list[Claim] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    notes: str | None = None
    sources: list[str] = Field(default_factory=list)
    episode: Episode | None = None
    reasons: dict[str, str] = Field(default_factory=dict)
    codebook_version: str | None = None


class ExtractionResult(BaseModel):
    """What ``extract`` returns: the documents read and the events found in them."""

    documents: list[Document]
    events: list[Event]
