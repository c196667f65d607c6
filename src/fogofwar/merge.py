"""Merge events reported by several documents (outlets, languages) into one, keeping every source and claim.

Two events are the same when they share the day, the place (same name or within
25 km), the event type and at least one actor (or one side is unnamed). The merged
event keeps the union of documents, evidence and claims; the figures are
reconciled again over all claims.
"""

from __future__ import annotations

from .claims import reconcile
from .events import event_id, notes
from .models import Event
from .places import haversine_km

SAME_PLACE_KM = 25.0


def _near(a: Event, b: Event) -> bool:
    if a.location and b.location and a.location == b.location:
        return True
    if None in (a.latitude, a.longitude, b.latitude, b.longitude):
        return a.location is None and b.location is None and a.admin1 == b.admin1
    return haversine_km(a.latitude, a.longitude, b.latitude, b.longitude) <= SAME_PLACE_KM


def _actors(e: Event) -> set[str]:
    return {x for x in (e.actor1, e.actor2, *e.assoc_actor_1, *e.assoc_actor_2) if x}


def same_event(a: Event, b: Event, views: bool = False) -> bool:
    """``views``: a and b come from the language views of one document (one pass each), so sharing it is no bar."""
    if a.background != b.background or a.event_date != b.event_date or a.event_type != b.event_type:
        return False
    if not views and not set(a.documents).isdisjoint(b.documents):
        return False  # one document's events were already grouped by its own pass
    if not _near(a, b):
        return False
    aa, bb = _actors(a), _actors(b)
    return bool(aa & bb) or not aa or not bb


def merge_events(events: list[Event], views: bool = False) -> list[Event]:
    merged: list[Event] = []
    for e in events:
        target = next((m for m in merged if same_event(m, e, views)), None)
        if target is None:
            merged.append(e.model_copy(deep=True))
        else:
            _fold(target, e)
    for m in merged:
        if len(m.documents) > 1 or views:
            m.id = event_id(m)
            m.notes = notes(m)
    return merged


def _fold(into: Event, e: Event) -> None:
    into.documents += [d for d in e.documents if d not in into.documents]
    into.sources += [s for s in e.sources if s not in into.sources]
    into.evidence += e.evidence
    seen = {(c.document, c.start, c.outcome, c.low, c.high, c.claimant) for c in into.claims}
    into.claims = list(into.claims) + [c for c in e.claims if (c.document, c.start, c.outcome, c.low, c.high, c.claimant) not in seen]
    for side in ("1", "2"):
        a, assoc = getattr(into, f"actor{side}"), getattr(into, f"assoc_actor_{side}")
        for name in [getattr(e, f"actor{side}"), *getattr(e, f"assoc_actor_{side}")]:
            if name and a is None:
                setattr(into, f"actor{side}", name)
                setattr(into, f"inter{side}", getattr(e, f"inter{side}"))
                a = name
            elif name and name != a and name not in assoc and name not in _actors(into):
                assoc.append(name)
    # the more precise place and date win
    if (e.geo_precision or 9) < (into.geo_precision or 9):
        for f in ("country", "iso3", "admin1", "admin2", "location", "latitude", "longitude", "geo_precision"):
            setattr(into, f, getattr(e, f))
    if (e.time_precision or 9) < (into.time_precision or 9):
        into.time_precision = e.time_precision
    if e.sub_event_type != into.sub_event_type:
        from .codebook import categories

        if categories().get(e.sub_event_type).priority < categories().get(into.sub_event_type).priority:
            into.sub_event_type = e.sub_event_type
    rec = reconcile(into.claims)
    if rec.low is not None:
        into.fatalities_low, into.fatalities_best, into.fatalities_high, into.disputed = rec.low, rec.best, rec.high, rec.disputed
    figures = [x for x in (into.fatalities, e.fatalities) if x]
    into.fatalities = min(figures) if figures else (into.fatalities or e.fatalities or 0)
    into.confidence = round(min(0.99, 1 - (1 - into.confidence) * (1 - e.confidence)), 2)
    into.reasons.update({k: v for k, v in e.reasons.items() if k not in into.reasons})
