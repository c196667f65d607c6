"""Pipeline throughput and memory, run on demand: `.venv/bin/python bench/bench_pipeline.py [N]`.

Extracts the bundled example reports N times (default 20) in one process and prints documents per
second, characters per second, the cost of loading the models and the gazetteer, and the peak
resident memory. Not a test: numbers depend on the machine; compare runs on the same one.
"""

from __future__ import annotations

import resource
import sys
import time
from pathlib import Path


def main(n: int = 20) -> None:
    t0 = time.perf_counter()
    from fogofwar.ingest import read_path
    from fogofwar.nlp import pipeline
    from fogofwar.places import Gazetteer

    pipeline("en"), pipeline("fr"), Gazetteer.default()
    load = time.perf_counter() - t0
    from fogofwar.pipeline import extract_document

    examples = sorted((Path(__file__).parents[1] / "src" / "fogofwar" / "examples").glob("*.txt"))
    docs = [read_path(str(p))[0] for p in examples]
    for d in docs:  # warm-up: first call of each language
        extract_document(d)
    chars = sum(len(d.text) for d in docs) * n
    t1 = time.perf_counter()
    events = 0
    for _ in range(n):
        for d in docs:
            events += len(extract_document(d))
    dt = time.perf_counter() - t1
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"load (spaCy en+fr, gazetteer): {load:.2f} s")
    print(f"documents: {len(docs) * n} ({len(docs)} examples x {n}), {chars:,} characters, {events} events")
    print(f"throughput: {len(docs) * n / dt:.1f} documents/s, {chars / dt / 1000:.1f} k characters/s, {dt / (len(docs) * n) * 1000:.1f} ms/document")
    print(f"peak resident memory: {rss_mb:.0f} MB")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
