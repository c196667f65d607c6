"""Events for one document: triggers + actors + places + dates + claims -> ``Event``s.

ACLED's rule decides the grouping: one event = one day, one location, one actor pair. A mention
with its own date founds or joins the event of that day; an undated mention ("the battle of
Tinzaouaten") joins the dated event it fits (same place, shared actors), and only becomes an event
of its own, dated by publication with a week's precision, when nothing fits. A mention dated well
before publication, or a week before the report's main event, is background: kept with its own
date and ``background: true``, never coded on the article's date.

    analysis.py   the document pass: one Mention per trigger and day (roles.py decides its date,
                  sides and sub-type)
    grouping.py   mentions into drafts, one per day, place and actor pair
    assemble.py   drafts into Events: naming conventions, evidence, claims per episode, notes
"""

from .analysis import DocumentAnalysis, Mention, analyse
from .assemble import build_events, event_id, notes
from .grouping import Draft, group

__all__ = ["DocumentAnalysis", "Draft", "Mention", "analyse", "build_events", "event_id", "group", "notes"]
