"""Choose the classifier seam's thresholds on ACLED **dev** only.

Train a ``SubTypeClassifier`` on the dev years before the last one (2017-2018), run the pipeline
once on the last dev year (2019), then score every (min_prob, weak_below) setting of
``learned.refine_events`` on those cached predictions. Prints a Markdown table.

    python -m fogofwar.evaluate tune-seam --gold ../shared/eval/acled-mali/events.csv
"""

from __future__ import annotations

import csv
import sys
import time
from pathlib import Path

from ..codebook import categories
from ..learned import SubTypeClassifier, refine_events
from ..pipeline import extract
from .readers import _acled_date, _open_csv, read_acled
from .run import Tally, score_item, summarise

MIN_PROBS = (1.01, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.0)
WEAK_BELOW = (0.0, 0.6, 0.7)


def tune_seam(gold: Path, train_years=(2017, 2018), tune_year: int = 2019, out=sys.stdout) -> list[dict]:
    with _open_csv(Path(gold)) as fh:
        rows = [r for r in csv.DictReader(fh) if _acled_date(r["event_date"]).year in train_years]
    clf = SubTypeClassifier.train(rows)
    prio = {n: s.priority for n, s in categories().sub_types.items()}
    cache = []
    t0 = time.perf_counter()
    for item in read_acled(Path(gold), "dev"):
        if item.events[0].event_date.year != tune_year:
            continue
        try:
            evs = extract([item.document]).events
        except Exception:  # counted as no event, as in evaluate()
            evs = []
        cache.append((item, evs))
    held_out_acc = sum(clf.predict(it.document.text)[0][0] == it.events[0].sub_event_type for it, _ in cache) / max(1, len(cache))
    print(f"classifier trained on {len(rows)} rows of {train_years}; tuned on {len(cache)} rows of {tune_year} "
          f"(pipeline {time.perf_counter() - t0:.0f} s); classifier alone, top class on the whole note: {held_out_acc:.3f}\n", file=out)
    print("| min_prob | weak_below | primary-event sub-type accuracy (every row) | sub-type accuracy (matched events) | sub-types changed |", file=out)
    print("|---:|---:|---:|---:|---:|", file=out)
    results = []
    for min_prob in MIN_PROBS:
        for weak in WEAK_BELOW:
            t = Tally()
            for item, evs in cache:
                new = refine_events(evs, item.document, clf, min_prob=min_prob, weak_below=weak) if evs else evs
                t.changed_by_model += sum(a.sub_event_type != b.sub_event_type for a, b in zip(evs, new))
                score_item(t, item, new, "acled", prio, keep_rows=False)
            s = summarise(t, "acled", 0, 0, {})
            r = {"min_prob": min_prob, "weak_below": weak, "primary": s["primary_sub_event_type"]["accuracy"], "matched": s["sub_event_type"]["accuracy"], "changed": t.changed_by_model}
            results.append(r)
            label = "never (rules only)" if min_prob > 1 else min_prob
            print(f"| {label} | {weak} | {r['primary']:.3f} | {r['matched']:.3f} | {r['changed']} |", file=out)
    return results
