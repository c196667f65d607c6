"""Wire datelines ("BAMAKO, Oct 18 (Reuters) –", "NIAMEY (AFP) -"): where and when a report was filed.

Their place and date are the newsroom's, not the event's: the places and dates stages read past them."""

from __future__ import annotations

import re

_DATELINE = re.compile(
    r"(?:^|(?<=\n))[A-ZÀ-Ý][A-ZÀ-Ý' -]{2,30}(?:\s*\([^)\n]{1,30}\))?(?:,\s*[^\n–—-]{1,40}?)?(?:\s*\([^)\n]{1,30}\))?\s+[–—-]{1,2}\s"
    # "Mansila, 22 fév. 2025 (Faso Actualités) - ": a place in title case, then a date and the outlet in brackets
    r"|(?:^|(?<=\n))[A-ZÀ-Ý][\w'’-]+(?:\s[A-ZÀ-Ý][\w'’-]+){0,2},\s*\d{1,2}\s[^\n()–—]{2,20}?\s*\([^)\n]{1,40}\)(?:\s+[–—-]{1,2}\s|\s*(?=[A-ZÀ-Ý]))"
    # "Ouagadougou - Cinq gendarmes ...": a body paragraph opening on a place and a dash
    r"|(?<=\n)[A-ZÀ-Ý][\w'’-]+(?:\s[A-ZÀ-Ý][\w'’-]+){0,2}\s+[–—-]{1,2}\s(?=[A-ZÀ-Ý\"«])",
)


def dateline_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the datelines at the start of the text's paragraphs."""
    return [m.span() for m in _DATELINE.finditer(text)]


def in_dateline(spans: list[tuple[int, int]], pos: int) -> bool:
    return any(a <= pos < b for a, b in spans)
