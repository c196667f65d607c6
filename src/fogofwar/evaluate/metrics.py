"""Pure scoring functions: no I/O, no pipeline; each is unit-tested on tiny hand-made cases.

Predicted events are ``fogofwar.models.Event``s and gold events ``readers.GoldEvent``s, but
everything here is duck-typed on the attribute names they share (event_date, latitude,
longitude, location, actor1, actor2, ...), so plain namespaces work in tests.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from ..places import haversine_km

DATE_TOLERANCE_DAYS = 1
PLACE_TOLERANCE_KM = 25.0
NEAR_KM = 10.0


# --- normalisation -------------------------------------------------------------------------------


def norm_text(s: str | None, keep: str = "") -> str:
    """Lower case, no accents, one space: 'Ségou ' -> 'segou' (punctuation dropped except ``keep``)."""
    if not s:
        return ""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.replace("’", "'").replace("‘", "'")
    return " ".join(re.sub(r"[^\w' /" + re.escape(keep) + r"-]+", " ", s.lower()).split())


def norm_actor(name: str | None) -> str:
    """Actor name for comparison: lower case, no accents, no dated qualifier.

    'Military Forces of Mali (2013-2020)' and 'Military Forces of Mali (2021-)' both give
    'military forces of mali'; a country qualifier stays: 'Civilians (Mali)' -> 'civilians (mali)'.
    """
    if not name:
        return ""
    # a unit after the dated qualifier is dropped: 'Police Forces of Mali (2013-) Gendarmerie' -> 'police forces of mali'
    s = re.sub(r"\s*\([^)]*\d[^)]*\).*$", " ", name)
    return norm_text(s, keep="():").replace("( ", "(").replace(" )", ")")


# English and local spellings of the same first-level division: ACLED writes the local one
ADMIN_ALIASES = {"timbuktu": "tombouctou", "tombouctou": "tombouctou", "segou": "segou", "menaka": "menaka"}


_ADMIN_KIND = re.compile(r"\s+(?:governorate|province|region|state|district|department|oblast|county|prefecture|division)$")


def norm_place(name: str | None) -> str:
    """Place or admin name for comparison; UCDP's 'Idlib governorate' meets 'Idlib'."""
    s = norm_text(name).replace("-", " ")
    s = _ADMIN_KIND.sub("", s)
    return ADMIN_ALIASES.get(s, s)


# --- event matching ------------------------------------------------------------------------------


def date_gap(pred, gold) -> int | None:
    """Days between a predicted date and the gold date (or span), 0 inside the span; None if either is missing."""
    if pred.event_date is None or gold.event_date is None:
        return None
    last = getattr(gold, "date_last", None) or gold.event_date
    if pred.event_date < gold.event_date:
        return (gold.event_date - pred.event_date).days
    if pred.event_date > last:
        return (pred.event_date - last).days
    return 0


def distance_km(pred, gold) -> float | None:
    if None in (pred.latitude, pred.longitude, gold.latitude, gold.longitude):
        return None
    return haversine_km(pred.latitude, pred.longitude, gold.latitude, gold.longitude)


def same_place(pred, gold, km: float = PLACE_TOLERANCE_KM) -> bool:
    """Coordinates within ``km``; when either side has no coordinates, the same place name (normalised).

    A same-named place far away (Sangha in Mali vs Sangha in Congo) is not the same place.
    """
    d = distance_km(pred, gold)
    if d is not None:
        return d <= km
    return bool(pred.location and gold.location and norm_place(pred.location) == norm_place(gold.location))


def match_events(preds: Sequence, golds: Sequence, days: int = DATE_TOLERANCE_DAYS, km: float = PLACE_TOLERANCE_KM, need_place: bool = True) -> list[tuple[int, int]]:
    """Pairs (pred index, gold index), one-to-one: date within ``days`` and (if ``need_place``) same place.

    Greedy on (date gap, distance): the closest candidates are paired first.
    """
    cands = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            gap = date_gap(p, g)
            if gap is None or gap > days:
                continue
            if need_place and not same_place(p, g, km):
                continue
            d = distance_km(p, g)
            cands.append((gap, d if d is not None else 0.0, i, j))
    cands.sort()
    used_p: set[int] = set()
    used_g: set[int] = set()
    pairs = []
    for _, _, i, j in cands:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return sorted(pairs)


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f, "tp": tp, "fp": fp, "fn": fn}


# --- classification ------------------------------------------------------------------------------


def classification_report(pairs: Iterable[tuple[str, str]], labels: Iterable[str] | None = None) -> dict:
    """Per-class precision/recall/F1 from (gold, predicted) label pairs, plus weighted and macro averages.

    ``labels`` restricts which classes are reported and averaged (e.g. CASE's 25 ACLED classes);
    a prediction outside them still counts as a miss for its gold class. The weighted average
    weights each class by its gold support (scikit-learn's 'weighted').
    """
    pairs = list(pairs)
    tp: Counter = Counter()
    fp: Counter = Counter()
    fn: Counter = Counter()
    for g, p in pairs:
        if g == p:
            tp[g] += 1
        else:
            fp[p] += 1
            fn[g] += 1
    support = Counter(g for g, _ in pairs)
    classes = list(labels) if labels is not None else sorted(set(support) | set(p for _, p in pairs))
    per = {}
    for c in classes:
        d = prf(tp[c], fp[c], fn[c])
        d["support"] = support[c]
        per[c] = d
    with_support = [c for c in classes if per[c]["support"] > 0]
    total = sum(per[c]["support"] for c in classes)

    def avg(key: str, weighted: bool) -> float:
        if weighted:
            return sum(per[c][key] * per[c]["support"] for c in classes) / total if total else 0.0
        return sum(per[c][key] for c in with_support) / len(with_support) if with_support else 0.0

    correct = sum(1 for g, p in pairs if g == p)
    return {
        "n": len(pairs),
        "accuracy": correct / len(pairs) if pairs else 0.0,
        "per_class": per,
        "weighted": {k: avg(k, True) for k in ("precision", "recall", "f1")},
        "macro": {k: avg(k, False) for k in ("precision", "recall", "f1")},
    }


def confusion(pairs: Iterable[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """gold -> predicted -> count."""
    m: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for g, p in pairs:
        m[g][p] += 1
    return {g: dict(row) for g, row in m.items()}


def top_confusions(matrix: dict[str, dict[str, int]], n: int = 10) -> list[tuple[str, str, int]]:
    off = [(g, p, c) for g, row in matrix.items() for p, c in row.items() if g != p]
    return sorted(off, key=lambda t: (-t[2], t[0], t[1]))[:n]


def primary_event(events: Sequence, priority: dict[str, int]):
    """The document's primary event: non-background, first by the codebook's priority order; None if none."""
    live = [e for e in events if not getattr(e, "background", False)]
    if not live:
        return None
    return min(live, key=lambda e: priority.get(e.sub_event_type, 999))


# --- actors --------------------------------------------------------------------------------------


def actor_pair_match(gold: tuple[str | None, str | None], pred: tuple[str | None, str | None], norm=norm_actor) -> bool:
    """Both actors right in either order (a missing actor must be missing on both sides)."""
    g = sorted(norm(a) for a in gold if a)
    p = sorted(norm(a) for a in pred if a)
    return bool(g) and g == p


def actor_overlap(gold: tuple[str | None, str | None], pred: tuple[str | None, str | None], norm=norm_actor) -> bool:
    """At least one gold actor is among the predicted ones."""
    g = {norm(a) for a in gold if a}
    p = {norm(a) for a in pred if a}
    return bool(g & p)


def interaction_code(inter1: int | None, inter2: int | None) -> int | None:
    """ACLED's interaction code: the two inter codes, lower first ('10' style for a lone actor)."""
    if inter1 is None:
        return None
    if not inter2:
        return inter1 * 10
    a, b = sorted([inter1, inter2])
    return a * 10 + b


# --- UCDP ----------------------------------------------------------------------------------------

STATE_INTER = {1, 8}  # ACLED inter 1 = state forces, 8 = external/other forces (foreign armies, UN missions)
ARMED_INTER = {1, 2, 3, 4, 8}  # organised armed actors
CIVILIAN_INTER = {7}

# ACLED type -> UCDP type_of_violence (1 state-based, 2 non-state, 3 one-sided); None = not a UCDP event.
UCDP_TABLE = """
| our event | UCDP type_of_violence |
|---|---|
| Battles, one side a state force (inter 1 or 8) | 1 state-based |
| Battles, neither side a state force | 2 non-state |
| Violence against civilians (any perpetrator) | 3 one-sided |
| Explosions/Remote violence against civilians (inter 7 target, or civilian targeting) | 3 one-sided |
| Explosions/Remote violence, a state force and an armed group | 1 state-based |
| Explosions/Remote violence, two non-state armed groups | 2 non-state |
| Explosions/Remote violence, no second actor | 1 if actor1 is a state force or the target is, else 3 |
| Protests, Riots, Strategic developments | none (UCDP does not code them) |
"""


def ucdp_type(event) -> int | None:
    """Map one of our (ACLED-style) events to UCDP's type_of_violence per ``UCDP_TABLE``."""
    et = event.event_type
    i1, i2 = event.inter1, event.inter2
    inters = {i for i in (i1, i2) if i is not None}
    civ_target = bool(getattr(event, "civilian_targeting", None)) or bool(inters & CIVILIAN_INTER)
    if et == "Battles":
        return 1 if inters & STATE_INTER else 2
    if et == "Violence against civilians":
        return 3
    if et == "Explosions/Remote violence":
        if civ_target:
            return 3
        if i2 is None:
            return 1 if inters & STATE_INTER else 3
        if inters & STATE_INTER:
            return 1
        return 2
    return None


_SIDE_ALIASES = {
    # UCDP short names -> the ACLED-style name our registry uses, normalised
    "is": "islamic state",
    "isis": "islamic state",
    "isil": "islamic state",
    "islamic state in the greater sahara": "islamic state",
    "is sahel": "islamic state",
    "taleban": "taliban",
    "jnim": "jnim",
    "jama'at nusrat al-islam wal-muslimin": "jnim",
    "group for support of islam and muslims": "jnim",
    "al-shabaab": "al shabaab",
    "al shabaab": "al shabaab",
    "boko haram": "boko haram",
    "jas": "boko haram",
    "iswap": "islamic state",
    "aqim": "aqim",
    "al-qaida in the islamic maghreb": "aqim",
    "mnla": "mnla",
    "cma": "cma",
    "pkk": "pkk",
    "cpp": "cpp",
    "npa": "cpp",
    "new people's army": "cpp",
    "communist party of the philippines": "cpp",
    "syrian insurgents": "syrian insurgents",
    "civilians": "civilians",
}

_COUNTRY_ADJ = {"malian": "mali", "burkinabe": "burkina faso", "nigerien": "niger", "nigerian": "nigeria", "afghan": "afghanistan", "syrian": "syria"}


def norm_side(name: str | None) -> str:
    """A UCDP side or an ACLED actor name, reduced so that the two namings meet.

    - governments: 'Government of Mali', 'Military Forces of Mali (2013-2020)', 'Police Forces of
      Mali (2013-2020) Gendarmerie' -> 'government of mali'
    - civilians: 'Civilians', 'Civilians (Mali)' -> 'civilians'
    - 'ACRONYM: Long name' (ACLED) -> the acronym; UCDP short names through a small alias table
      (IS / Islamic State, Taleban / Taliban, JNIM, ...)
    - anything else: ``norm_actor``
    """
    if not name:
        return ""
    s = norm_actor(name)
    m = re.match(r"^(?:government|military forces|police forces|armed forces) of (?:the )?([a-z' -]+?)(?: \(.*\))?(?: [a-z]+)?$", s)
    if m:
        country = m.group(1).strip()
        return f"government of {country}"
    if s.startswith("civilians"):
        return "civilians"
    if ":" in s:  # ACLED 'JNIM: Group for Support of Islam and Muslims'
        head, _, tail = s.partition(":")
        head = head.strip()
        return _SIDE_ALIASES.get(head, _SIDE_ALIASES.get(tail.strip(), head))
    s = re.sub(r"\s*\([^)]*\)", "", s).strip()  # 'Islamic State (Mali)' -> 'islamic state'
    s = re.sub(r"^(islamic state)\b.*$", r"\1", s)
    return _SIDE_ALIASES.get(s, s)


# --- locations and fatalities --------------------------------------------------------------------


def distance_summary(distances: Iterable[float | None], near_km: float = NEAR_KM) -> dict:
    ds = [d for d in distances if d is not None]
    if not ds:
        return {"n": 0, "median_km": None, "share_within_km": None, "within_km": near_km}
    return {"n": len(ds), "median_km": statistics.median(ds), "share_within_km": sum(d <= near_km for d in ds) / len(ds), "within_km": near_km}


def fatality_summary(rows: Iterable[tuple[int | None, int | None, int | None, int | None]]) -> dict:
    """Rows of (gold, predicted, predicted low, predicted high).

    exact: predicted == gold; in_range: gold within predicted low..high (the claimed range; the
    point figure when no range); mae: mean |predicted - gold| (a missing prediction counts as 0).
    Rows without a gold figure are skipped.
    """
    n = exact = in_range = 0
    abs_err = 0.0
    for gold, pred, lo, hi in rows:
        if gold is None:
            continue
        n += 1
        p = pred if pred is not None else 0
        exact += int(p == gold)
        lo = lo if lo is not None else p
        hi = hi if hi is not None else p
        in_range += int(lo <= gold <= hi)
        abs_err += abs(p - gold)
    return {
        "n": n,
        "exact": exact / n if n else None,
        "in_range": in_range / n if n else None,
        "mae": abs_err / n if n else None,
    }


def ratio(k: int, n: int) -> float | None:
    return k / n if n else None


# --- claims --------------------------------------------------------------------------------------


def claim_levels(gold, pred, norm=norm_actor) -> tuple[bool, bool, bool]:
    """(number right, number+claimant right, number+claimant+victims right) for one gold/pred claim pair.

    The number is right when outcome and low..high agree; claimants compare normalised, where
    'outlet' and the outlet's own name are the same claimant; victims compare as sets of normalised names.
    """
    number = gold.outcome == pred.outcome and gold.low == pred.low and (gold.high if gold.high is not None else gold.low) == (pred.high if pred.high is not None else pred.low)
    gc, pc = norm(gold.claimant), norm(pred.claimant)
    claimant = number and (gc == pc or (gc in {"outlet", "the outlet"} and getattr(pred, "claimant_kind", "") == "outlet"))
    victims = claimant and _victim_set(gold.victims, norm) == _victim_set(pred.victims, norm)
    return number, claimant, victims


def _victim_set(victims: str | None, norm) -> frozenset[str]:
    """Victims named as "A; B" compare as a set: the order of the groups says nothing."""
    return frozenset(norm(v) for v in (victims or "").split(";") if v.strip())


def claim_recall(golds: Sequence, preds: Sequence) -> dict:
    """For each gold claim, the best level any predicted claim reaches; counts per level."""
    n = len(golds)
    counts = [0, 0, 0]
    for g in golds:
        best = (False, False, False)
        for p in preds:
            lv = claim_levels(g, p)
            if sum(lv) > sum(best):
                best = lv
        for k in range(3):
            counts[k] += int(best[k])
    return {"n": n, "number": counts[0], "number_claimant": counts[1], "full": counts[2]}


def safe_round(x, nd: int = 3):
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return None
    return round(x, nd)
