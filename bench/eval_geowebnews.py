"""Geocoding accuracy on GeoWebNews gold toponym spans.

    .venv/bin/python bench/eval_geowebnews.py [path/to/GWN.xml]

Default path: ../shared/eval/geoparsing/GWN.xml (relative to the repository root)."""

import json
import sys
from pathlib import Path

from fogofwar.places.evaluation import evaluate_geowebnews

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "eval" / "geoparsing" / "GWN.xml"


def main() -> None:
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    if not path.exists():
        sys.exit(f"GeoWebNews not found at {path}")
    print(json.dumps(evaluate_geowebnews(path), indent=2))


if __name__ == "__main__":
    main()
