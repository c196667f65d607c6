"""Find place names in raw text: capitalised token n-grams looked up in the gazetteer index."""

from __future__ import annotations

import re
from functools import lru_cache

from ..datelines import dateline_spans, in_dateline
from .cues import cuebook
from .gazetteer import Gazetteer, TIER_BASE
from .model import Place, Toponym
from .normalize import name_key

MAX_NGRAM = 5
# a token: letters, with inner hyphens/apostrophes ("Tin-Zaouaten", "N'Djamena", "Gourma-Rharous")
_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
# French elisions and English possessive to peel off a token
_ELISION = re.compile(r"^(?:[lLdD]|[qQ]u|[jJ]usqu)['’](?=[^\W\d_])")
_POSSESSIVE = re.compile(r"['’]s$")
# lower-case words allowed inside a multi-word name ("Nioro du Sahel", "Bordj Badji Mokhtar")
_CONNECTORS = frozenset({"de", "du", "des", "la", "le", "les", "el", "al", "en", "sur", "of", "the", "di", "da", "do", "dos", "das", "y", "et", "and"})
_SENT_END = re.compile(r"[.!?:;\"“”«»\n]\s*$")


_RIVER = re.compile(r"\b(?:fleuve|rivière|river|lac|lake)\s+(?:du\s+|de\s+la\s+|de\s+l['’]|the\s+)?$", re.I)
_RIVER_AFTER = re.compile(r"\s+(?:[Rr]iver|[Rr]iver's|[Ll]ake)\b")


def _tokens(text: str) -> list[tuple[int, int, str]]:
    out = []
    for m in _TOKEN.finditer(text):
        s, e, w = m.start(), m.end(), m.group()
        el = _ELISION.match(w)
        if el:
            s += el.end()
            w = w[el.end():]
        ps = _POSSESSIVE.search(w)
        if ps:
            e -= len(ps.group())
            w = w[: -len(ps.group())]
        if w:
            out.append((s, e, w))
    return out


def _is_cap(w: str) -> bool:
    return w[:1].isupper()


def _sentence_initial(text: str, start: int) -> bool:
    left = text[max(0, start - 4):start]
    return start == 0 or bool(_SENT_END.search(text[max(0, start - 3):start])) or left.strip() == ""


def scan_toponyms(text: str, gazetteer: Gazetteer | None = None, lang: str = "en") -> list[Toponym]:
    """Place names found in ``text``, left to right, with ranked candidates and the cue before them.

    Longest match wins ("Nioro du Sahel" over "Nioro"). Single capitalised words on the stoplist
    (``never_single`` in cues.yaml) are skipped; common words (``common_single``) need a curated or
    populous candidate. All-capital tokens of up to 3 letters are skipped unless they name a country.
    ``lang`` is accepted for symmetry; cues of both languages are always tried.
    """
    gaz = gazetteer or Gazetteer.default()
    cb = cuebook()
    # a wire dateline ("BAMAKO, Oct 18 (Reuters) –", "NIAMEY (AFP) -") says where the report was filed, not where
    # anything happened: its names are no places of the report
    datelines = dateline_spans(text)
    toks = [t for t in _tokens(text) if not in_dateline(datelines, t[0])]
    n = len(toks)
    # candidate spans per start token
    spans: list[tuple[int, int, str]] = []  # (i, j, key) tokens i..j-1
    for i in range(n):
        s, e, w = toks[i]
        if not _is_cap(w):
            continue
        for j in range(i + 1, min(n, i + MAX_NGRAM) + 1):
            last = toks[j - 1]
            if j - 1 > i:
                gap = text[toks[j - 2][1]:last[0]]
                if gap not in (" ", "-", " - ") or (not _is_cap(last[2]) and last[2].lower() not in _CONNECTORS):
                    break
                if w in ("À", "A") and text[toks[i][1]:toks[i + 1][0]] == " ":
                    break  # "À Kita, le litre d'essence ...": a sentence-initial preposition, not "Akita"
            if not _is_cap(last[2]):
                continue  # a name does not end on a connector
            key = name_key(text[s:last[1]])
            if len(key) >= 2:
                spans.append((i, j, key))
    cand = gaz.candidates_for_keys([k for _, _, k in spans])
    by_start: dict[int, list[tuple[int, str]]] = {}
    for i, j, k in spans:
        by_start.setdefault(i, []).append((j, k))
    out: list[Toponym] = []
    i = 0
    while i < n:
        opts = by_start.get(i)
        if not opts:
            i += 1
            continue
        taken = False
        for j, k in sorted(opts, reverse=True):  # longest first
            s, e = toks[i][0], toks[j - 1][1]
            surface = text[s:e]
            if _RIVER.search(text[max(0, s - 12) : s]) or _RIVER_AFTER.match(text, e):
                i = j  # "le fleuve Niger", "the Niger River": a river, not the country
                taken = True
                break
            # "dans la région de l'Est": a region's name that is also a common word, after a region cue
            region = j - i == 1 and bool(_REGION_BEFORE.search(text[max(0, s - 20) : s]))
            places = _accept(gaz, cb, surface, k, cand.get(k) or [], single=j - i == 1 and not region)
            if not places:
                continue
            out.append(Toponym(start=s, end=e, text=surface, candidates=tuple(places), cue=cb.classify(text, s, e)))
            i = j
            taken = True
            break
        if not taken:
            i += 1
    return out


_REGION_BEFORE = re.compile(r"\b(?:région|province|zone)\s+(?:de\s+l['’]|du|de\s+la)\s*$", re.I)


def _accept(gaz: Gazetteer, cb, surface: str, key: str, items, single: bool) -> list[Place]:
    """Candidates for a capitalised surface form after the stoplist / common-word / acronym filters."""
    country_iso = gaz.is_country_name(surface)
    if single and surface.isupper() and len(surface) <= 3 and not country_iso:
        return []
    if not items and not country_iso:
        return []
    if (single and key in cb.never_single) or key in cb.never_names:
        return []
    if single and key in _function_words():
        # "Douze civils", "Au moins onze": a sentence-initial function or number word is no French town
        # or Swiss village; it stays a place only for a curated entry, a country or a first-level region
        items = [(t, p) for t, p in items if t != TIER_BASE or p.kind in ("country", "admin1")]
        if not items and not country_iso:
            return []
    if single and key in cb.common_single:
        items = [(t, p) for t, p in items
                 if t != TIER_BASE or p.kind != "locality" or (p.population or 0) >= cb.common_min_population]
        if not items and not country_iso:
            return []
    return _rank(gaz, key, surface, items)


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    """spaCy's English and French stop words (articles, pronouns, number words), as name keys."""
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.fr.stop_words import STOP_WORDS as FR

    return frozenset(name_key(w) for w in EN | FR)


def name_candidates(surface: str, gazetteer: Gazetteer | None = None) -> list[Place]:
    """Ranked candidates for one place name as ``scan_toponyms`` would give them (same filters),
    without context. Demonyms ("Malian") give their country."""
    gaz = gazetteer or Gazetteer.default()
    key = name_key(surface)
    iso = gaz.is_demonym(surface)
    c = gaz.country_by_iso3(iso) if iso else None
    if c is not None:
        return [c]
    return _accept(gaz, cuebook(), surface, key, gaz.candidates_for_keys([key])[key], single=" " not in surface.strip())


def _rank(gaz: Gazetteer, key: str, surface: str, items) -> list[Place]:
    ranked = [p for _, p in sorted(items, key=lambda tp: -gaz.score(*tp, key=key))]
    iso = gaz.is_country_name(surface)
    if iso:
        cp = gaz.country_by_iso3(iso)
        if cp is not None:
            ranked = [cp] + [p for p in ranked if not (p.kind == "country" and p.iso3 == iso)]
    return ranked
