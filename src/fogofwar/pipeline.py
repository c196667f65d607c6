"""The driver: one line per stage. ingest -> nlp -> detect/actors/places/dates/claims -> events -> merge."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from .events import analyse, build_events
from .merge import merge_events
from .models import Document, Event, ExtractionResult
from .nlp import by_language, parse


def extract_document(document: Document, classifier=None) -> list[Event]:
    views = by_language(document)  # a page mixing English and French: one view per language
    if len(views) == 1:
        return _extract_view(document, classifier)
    events = [e for view in views for e in _extract_view(view, classifier)]
    return merge_events(events, views=True)  # the same event told in both languages is one event


def _extract_view(document: Document, classifier=None) -> list[Event]:
    parsed = parse(document)  # nlp: parse once
    analysis = analyse(parsed)  # dates, triggers, actors, places, claims
    events = build_events(analysis)  # group into ACLED events, attach claims
    if classifier is not None:  # optional learned part: a sub-type classifier trained with `fogofwar train`
        from .learned import refine_events

        events = refine_events(events, document, classifier)
    return events


def extract(
    documents: Iterable[Document],
    per_document: bool = False,
    progress: Callable[[Document], None] | None = None,
    classifier=None,
) -> ExtractionResult:
    docs = list(documents)
    events: list[Event] = []
    for d in docs:
        events.extend(extract_document(d, classifier))
        if progress:
            progress(d)
    if not per_document:
        events = merge_events(events)
    events.sort(key=lambda e: (str(e.event_date), e.location or "", e.id))
    return ExtractionResult(documents=docs, events=events)
