"""Where the shared test data lives: ../shared beside the repository (evaluation and seed, never copied in)."""

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
FIXTURES = REPO / "tests" / "fixtures"
