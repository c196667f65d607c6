"""Run the pipeline over a gold set's inputs and score it: one document at a time, small tallies kept.

``evaluate(items, fmt)`` returns a plain dict (JSON-ready) that ``report.py`` renders.
Per item only labels, names, numbers and ids are kept (never the text), so memory stays small
and a report never carries the gold set's texts.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Iterable

from ..codebook import categories
from ..errors import FogError
from ..models import Event
from ..pipeline import extract
from . import metrics as M
from .readers import NO_EVENT, GoldItem

ACLED_25 = None  # filled lazily from the codebook


def _acled25() -> list[str]:
    global ACLED_25
    if ACLED_25 is None:
        ACLED_25 = list(categories().sub_types)
    return ACLED_25


class Tally:
    """Everything the metrics need, accumulated item by item."""

    def __init__(self) -> None:
        self.items = 0
        self.errors: Counter = Counter()
        self.det = Counter()  # tp fp fn tn (strict match) ; dtp dfp dfn (date-only)
        self.type_pairs: list[tuple[str, str]] = []
        self.sub_pairs: list[tuple[str, str]] = []
        self.primary_sub_pairs: list[tuple[str, str]] = []
        self.primary_type_pairs: list[tuple[str, str]] = []
        self.actor = Counter()
        self.loc = Counter()
        self.distances: list[float | None] = []
        self.fat_rows: list[tuple] = []
        self.ucdp = Counter()
        self.tov_pairs: list[tuple[str, str]] = []
        self.side_examples: Counter = Counter()
        self.claims = Counter()
        self.leaks = Counter()
        self.rows: list[dict] = []
        self.changed_by_model = 0


def _pred_pair(e: Event) -> tuple[str | None, str | None]:
    return (e.actor1, e.actor2)


def _gold_pair(g) -> tuple[str | None, str | None]:
    return (g.actor1, g.actor2)


def score_item(t: Tally, item: GoldItem, events: list[Event], fmt: str, priority: dict[str, int], keep_rows: bool = True) -> None:
    t.items += 1
    live = [e for e in events if not e.background]
    gold_live = [g for g in item.events if not g.background]
    row: dict = {"id": item.row_id, "n_pred": len(live)}

    # --- the primary event: scored for every format (CASE: the only score) -------------------------
    pe = M.primary_event(live, priority)
    pg = M.primary_event(gold_live, priority) if gold_live else None
    gold_sub = pg.sub_event_type if pg is not None else NO_EVENT
    gold_type = pg.event_type if pg is not None else NO_EVENT
    pred_sub = pe.sub_event_type if pe is not None else NO_EVENT
    pred_type = pe.event_type if pe is not None else NO_EVENT
    if gold_sub:
        t.primary_sub_pairs.append((gold_sub, pred_sub))
        t.primary_type_pairs.append((gold_type or NO_EVENT, pred_type))
    row.update({"gold_sub": gold_sub, "pred_sub": pred_sub})

    if item.mode == "primary":
        has_g, has_p = gold_sub != NO_EVENT, pred_sub != NO_EVENT
        t.det["tp" if has_g and has_p else "fn" if has_g else "fp" if has_p else "tn"] += 1
        if has_g and has_p:
            t.type_pairs.append((gold_type, pred_type))
            t.sub_pairs.append((gold_sub, pred_sub))
        if keep_rows:
            t.rows.append(row)
        return

    # --- matched events: date within ±1 day and same place / within 25 km ------------------------
    pairs = M.match_events(live, gold_live)
    t.det["tp"] += len(pairs)
    t.det["fp"] += len(live) - len(pairs)
    t.det["fn"] += len(gold_live) - len(pairs)
    loose = M.match_events(live, gold_live, need_place=False)
    t.det["dtp"] += len(loose)
    t.det["dfp"] += len(live) - len(loose)
    t.det["dfn"] += len(gold_live) - len(loose)
    row["matched"] = bool(pairs)
    for i, j in pairs:
        p, g = live[i], gold_live[j]
        if g.event_type:
            t.type_pairs.append((g.event_type, p.event_type))
        if g.sub_event_type:
            t.sub_pairs.append((g.sub_event_type, p.sub_event_type))
        if g.actor1:
            norm = M.norm_side if fmt == "ucdp" else M.norm_actor  # UCDP names meet ours only through the side normaliser
            t.actor["n"] += 1
            t.actor["pair"] += M.actor_pair_match(_gold_pair(g), _pred_pair(p), norm)
            t.actor["overlap"] += M.actor_overlap(_gold_pair(g), _pred_pair(p), norm)
        gi = g.interaction or M.interaction_code(g.inter1, g.inter2)
        if gi is not None:
            t.actor["n_inter"] += 1
            t.actor["interaction"] += int(gi == (p.interaction or M.interaction_code(p.inter1, p.inter2)))
            t.actor["inter1_either"] += int(g.inter1 in (p.inter1, p.inter2))
        t.fat_rows.append((g.fatalities, p.fatalities, p.fatalities_low, p.fatalities_high))
    # places are scored on the date-only matches: on the strict ones they would be right by construction
    for i, j in loose:
        p, g = live[i], gold_live[j]
        t.loc["n"] += 1
        if g.admin1:
            t.loc["n_admin1"] += 1
            t.loc["admin1"] += int(M.norm_place(g.admin1) == M.norm_place(p.admin1))
        if g.admin2:
            t.loc["n_admin2"] += 1
            t.loc["admin2"] += int(M.norm_place(g.admin2) == M.norm_place(p.admin2))
        if g.location:
            t.loc["n_location"] += 1
            t.loc["location"] += int(M.norm_place(g.location) == M.norm_place(p.location))
        t.loc["no_place"] += int(not p.location)
        t.distances.append(M.distance_km(p, g))
    if pairs:
        i, j = pairs[0]
        row.update(
            {
                "gold_actors": [gold_live[j].actor1, gold_live[j].actor2],
                "pred_actors": [live[i].actor1, live[i].actor2],
                "gold_loc": [gold_live[j].admin1, gold_live[j].location],
                "pred_loc": [live[i].admin1, live[i].location],
                "km": M.safe_round(M.distance_km(live[i], gold_live[j]), 1),
                "gold_fat": gold_live[j].fatalities,
                "pred_fat": live[i].fatalities,
            }
        )
    elif live and gold_live:
        row.update(
            {
                "pred_dates": sorted({str(e.event_date) for e in live}),
                "gold_date": str(gold_live[0].event_date),
                "pred_loc": [[e.admin1, e.location] for e in live][:3],
                "gold_loc": [gold_live[0].admin1, gold_live[0].location],
                "km": M.safe_round(min((d for d in (M.distance_km(e, gold_live[0]) for e in live) if d is not None), default=None), 1),
            }
        )

    # --- UCDP: the headline's one event -> type_of_violence and sides ------------------------------
    if fmt == "ucdp" and gold_live:
        g = gold_live[0]
        ucdp_events = [e for e in live if M.ucdp_type(e) is not None]
        pu = M.primary_event(ucdp_events, priority)
        gt = str(g.type_of_violence) if g.type_of_violence else "?"
        pt = str(M.ucdp_type(pu)) if pu is not None else NO_EVENT
        t.tov_pairs.append((gt, pt))
        t.ucdp["n"] += 1
        if pu is not None:
            t.ucdp["n_pred"] += 1
            pred_sides = {M.norm_side(pu.actor1), M.norm_side(pu.actor2)} - {""}
            ga, gb = M.norm_side(g.side_a), M.norm_side(g.side_b)
            t.ucdp["side_a"] += int(ga in pred_sides)
            t.ucdp["side_b"] += int(gb in pred_sides)
            t.ucdp["both"] += int({ga, gb} <= pred_sides)
            for raw, n in ((g.side_a, ga), (g.side_b, gb)):
                t.side_examples[(raw, n, n in pred_sides)] += 1
        row.update({"gold_tov": gt, "pred_tov": pt, "gold_sides": [g.side_a, g.side_b], "pred_sides": [pu.actor1, pu.actor2] if pu else None})

    # --- fogofwar gold: claims and background leaks ----------------------------------------------
    if fmt == "fogofwar":
        pred_claims = []
        seen = set()
        for e in events:
            for c in e.claims:
                key = (c.claimant, c.victims, c.outcome, c.low, c.high)
                if key not in seen:
                    seen.add(key)
                    pred_claims.append(c)
        cr = M.claim_recall(item.claims, pred_claims)
        for k, v in cr.items():
            t.claims[k] += v
        gold_bg = [g for g in item.events if g.background]
        for p in live:
            near_live = any((d := M.date_gap(p, g)) is not None and d <= M.DATE_TOLERANCE_DAYS for g in gold_live)
            near_bg = any((d := M.date_gap(p, g)) is not None and d <= M.DATE_TOLERANCE_DAYS for g in gold_bg)
            if near_bg and not near_live:
                t.leaks["pred_live_on_background_date"] += 1
        bg_pairs = M.match_events(live, gold_bg)
        t.leaks["gold_background"] += len(gold_bg)
        t.leaks["gold_background_predicted_live"] += len(bg_pairs)
        t.leaks["pred_live"] += len(live)
        row.update({"claims": cr})
    if keep_rows:
        t.rows.append(row)


def evaluate(
    items: Iterable[GoldItem],
    fmt: str,
    *,
    classifier=None,
    limit: int | None = None,
    on_item: Callable[[GoldItem], None] | None = None,
    keep_rows: bool = True,
    min_prob: float | None = None,
    weak_below: float | None = None,
) -> dict:
    """Score the pipeline (optionally refined by a ``SubTypeClassifier``) on ``items``."""
    cats = categories()
    priority = {name: st.priority for name, st in cats.sub_types.items()}
    t = Tally()
    base = Tally() if classifier is not None else None  # the same pipeline output scored without the model
    refine_kw = {}
    if classifier is not None:
        from ..learned import DEFAULT_MIN_PROB, DEFAULT_WEAK_BELOW

        refine_kw = {"min_prob": DEFAULT_MIN_PROB if min_prob is None else min_prob, "weak_below": DEFAULT_WEAK_BELOW if weak_below is None else weak_below}
    started = time.perf_counter()
    pipeline_s = 0.0
    for n, item in enumerate(items):
        if limit is not None and n >= limit:
            break
        t0 = time.perf_counter()
        try:
            events = extract([item.document]).events
        except FogError as exc:
            t.errors[exc.code] += 1
            events = []
        except Exception as exc:  # a pipeline bug on one input must not lose the whole run; it is counted
            t.errors[type(exc).__name__] += 1
            events = []
        if classifier is not None and events:
            from ..learned import refine_events

            rules_events = events
            events = refine_events(events, item.document, classifier, **refine_kw)
            t.changed_by_model += sum(a.sub_event_type != b.sub_event_type for a, b in zip(rules_events, events))
        else:
            rules_events = events
        pipeline_s += time.perf_counter() - t0
        if base is not None:
            score_item(base, item, rules_events, fmt, priority, keep_rows=False)
        score_item(t, item, events, fmt, priority, keep_rows)
        if on_item:
            on_item(item)
    out = summarise(t, fmt, time.perf_counter() - started, pipeline_s, refine_kw)
    if base is not None:
        b = summarise(base, fmt, 0, 0, {})
        out["without_model"] = {k: b[k] for k in ("detection", "event_type", "sub_event_type", "primary_sub_event_type", "primary_event_type", "case_acled25", "ucdp") if k in b}
        for k in ("event_type", "sub_event_type", "primary_sub_event_type", "primary_event_type", "case_acled25"):
            if k in out["without_model"]:
                out["without_model"][k] = {kk: out["without_model"][k][kk] for kk in ("n", "accuracy", "weighted", "macro")}
    return out


def summarise(t: Tally, fmt: str, wall_s: float, pipeline_s: float, refine_kw: dict) -> dict:
    primary_mode = fmt == "case2021"
    d = t.det
    out: dict = {
        "format": fmt,
        "items": t.items,
        "pipeline_errors": dict(t.errors),
        "runtime_s": round(wall_s, 1),
        "ms_per_item": round(1000 * pipeline_s / t.items, 1) if t.items else None,
        "model": {"changed_sub_types": t.changed_by_model, **refine_kw} if refine_kw else None,
        "detection": M.prf(d["tp"], d["fp"], d["fn"]),
    }
    if primary_mode:
        out["detection"]["tn"] = d["tn"]
        out["detection"]["note"] = "primary event per snippet; 'no event' is a prediction (tn = non-ACLED snippet, no event)"
    else:
        out["detection_date_only"] = M.prf(d["dtp"], d["dfp"], d["dfn"])
    out["event_type"] = M.classification_report(t.type_pairs)
    sub = M.classification_report(t.sub_pairs)
    sub["confusion"] = M.confusion(t.sub_pairs)
    sub["top_confusions"] = M.top_confusions(sub["confusion"], 12)
    out["sub_event_type"] = sub
    prim = M.classification_report(t.primary_sub_pairs)
    prim["confusion"] = M.confusion(t.primary_sub_pairs)
    prim["top_confusions"] = M.top_confusions(prim["confusion"], 15)
    out["primary_sub_event_type"] = prim
    out["primary_event_type"] = M.classification_report(t.primary_type_pairs)
    if primary_mode:
        acled = [(g, p) for g, p in t.primary_sub_pairs if g != NO_EVENT]
        out["case_acled25"] = M.classification_report(acled, labels=_acled25())
        out["case_acled25"]["reference_weighted_f1"] = 0.839
        out["case_all"] = M.classification_report(t.primary_sub_pairs)
    else:
        a = t.actor
        out["actors"] = {
            "n": a["n"],
            "pair": M.ratio(a["pair"], a["n"]),
            "overlap": M.ratio(a["overlap"], a["n"]),
            "n_inter": a["n_inter"],
            "interaction": M.ratio(a["interaction"], a["n_inter"]),
            "inter1_either": M.ratio(a["inter1_either"], a["n_inter"]),
        }
        lc = t.loc
        out["location"] = {
            "n": lc["n"],
            "admin1": M.ratio(lc["admin1"], lc["n_admin1"]),
            "admin2": M.ratio(lc["admin2"], lc["n_admin2"]),
            "location": M.ratio(lc["location"], lc["n_location"]),
            "predicted_without_place": M.ratio(lc["no_place"], lc["n"]),
            "distance": M.distance_summary(t.distances),
            "note": "on date-only matches (date within ±1 day, place not required)",
        }
        out["fatalities"] = M.fatality_summary(t.fat_rows)
    if fmt == "ucdp":
        u = t.ucdp
        tov = M.classification_report(t.tov_pairs, labels=["1", "2", "3"])
        tov["confusion"] = M.confusion(t.tov_pairs)
        out["ucdp"] = {
            "n": u["n"],
            "with_prediction": u["n_pred"],
            "type_of_violence": tov,
            "type_of_violence_accuracy": M.ratio(sum(g == p for g, p in t.tov_pairs), len(t.tov_pairs)),
            "type_of_violence_accuracy_when_predicted": M.ratio(sum(g == p for g, p in t.tov_pairs), u["n_pred"]),
            "side_a": M.ratio(u["side_a"], u["n"]),
            "side_b": M.ratio(u["side_b"], u["n"]),
            "both_sides": M.ratio(u["both"], u["n"]),
            "side_a_when_predicted": M.ratio(u["side_a"], u["n_pred"]),
            "side_b_when_predicted": M.ratio(u["side_b"], u["n_pred"]),
            "side_normaliser": [
                {"ucdp": raw, "normalised": n, "matched": m, "count": c}
                for (raw, n, m), c in sorted(t.side_examples.items(), key=lambda kv: -kv[1])[:25]
            ],
            "mapping_table": M.UCDP_TABLE.strip(),
        }
    if fmt == "fogofwar":
        c = t.claims
        lk = t.leaks
        out["claims"] = {
            "n": c["n"],
            "number": M.ratio(c["number"], c["n"]),
            "number_claimant": M.ratio(c["number_claimant"], c["n"]),
            "full": M.ratio(c["full"], c["n"]),
        }
        out["background"] = {
            "gold_background": lk["gold_background"],
            "gold_background_predicted_live": lk["gold_background_predicted_live"],
            "pred_live": lk["pred_live"],
            "pred_live_on_background_date": lk["pred_live_on_background_date"],
        }
    out["rows"] = t.rows
    return out
