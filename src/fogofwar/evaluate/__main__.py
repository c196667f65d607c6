"""``python -m fogofwar.evaluate eval|train|tune-seam ...``: the commands without the main CLI."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ..errors import FogError
from .cli import eval_command, train_command

app = typer.Typer(add_completion=False, help="fogofwar evaluation commands")
app.command("eval")(eval_command)
app.command("train")(train_command)


@app.command("tune-seam")
def tune_seam_command(gold: Path = typer.Option(..., "--gold", help="ACLED Mali export (dev years 2017-2019 are used)")) -> None:
    """Choose the classifier seam's thresholds on ACLED dev (train 2017-2018, tune on 2019)."""
    from .tune import tune_seam

    tune_seam(gold)


def main() -> None:
    try:
        app()
    except FogError as exc:
        print(exc, file=sys.stderr)
        sys.exit(exc.exit_code)


if __name__ == "__main__":
    main()
