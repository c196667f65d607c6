"""Evaluation against gold sets (ACLED exports, CASE 2021 task 2, UCDP GED, our own gold JSON).

    from fogofwar.evaluate import run_eval
    res = run_eval(Path("events.csv"), "acled", split="dev", limit=100, progress=False)

Modules: ``readers`` (one streaming generator per format), ``metrics`` (pure functions),
``run`` (pipeline + tallies), ``report`` (Rich tables, JSON, Markdown), ``cli`` (the commands).
"""

from .cli import eval_command, run_eval, train_command
from .readers import FORMATS, GoldEvent, GoldItem, read_gold

__all__ = ["FORMATS", "GoldEvent", "GoldItem", "eval_command", "read_gold", "run_eval", "train_command"]
