"""The ``eval`` and ``train`` commands as plain functions with Typer-style parameters.

Register them on the main app with::

    from fogofwar.evaluate.cli import eval_command, train_command
    app.command("eval")(eval_command)
    app.command("train")(train_command)

Both raise ``fogofwar.errors.InputError`` subclasses for bad input; the app's error handler
prints them as one line.
"""

from __future__ import annotations

import shlex
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from ..errors import InputError, MissingFileError
from .readers import FORMATS, Skipped, acled_training_rows, check_split, read_gold
from .report import print_report, write_report
from .run import evaluate


def run_eval(
    gold: Path, format: str, split: str | None = None, limit: int | None = None, model: Path | None = None, progress: bool = True,
    lang: str | None = None, **kw,
) -> dict:
    """The library entry point behind ``eval_command``: returns the result dict."""
    if format not in FORMATS:
        from ..errors import UnknownFormatError

        raise UnknownFormatError(f"unknown gold format {format!r}: expected one of {', '.join(FORMATS)}")
    check_split(format, split)
    if limit is not None and limit < 1:
        raise InputError(f"--limit must be a positive number, got {limit}")
    clf = None
    if model is not None:
        from ..learned import SubTypeClassifier

        clf = SubTypeClassifier.load(model)
    skipped = Skipped()
    items = read_gold(Path(gold), format, split, skipped)
    if lang is not None:  # score one language of a mixed gold set (French vs English parity)
        items = (it for it in items if it.document.lang == lang)
    if progress:
        cols = [SpinnerColumn(), TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn()]
        with Progress(*cols, console=Console(stderr=True), transient=True) as bar:
            task = bar.add_task(f"eval {format}", total=limit)
            res = evaluate(items, format, classifier=clf, limit=limit, on_item=lambda _i: bar.advance(task), **kw)
    else:
        res = evaluate(items, format, classifier=clf, limit=limit, **kw)
    res.update({"gold": str(gold), "split": split, "limit": limit, "model_dir": str(model) if model else None, "lang": lang})
    if skipped.n:
        res["skipped"] = skipped.why
    if clf is not None:
        res["model_card"] = {k: clf.card.get(k) for k in ("trained", "source", "training_rows", "features")}
    return res


def eval_command(
    gold: Path = typer.Option(..., "--gold", help="Gold file (or, for --format fogofwar, a folder of gold JSON files)."),
    format: str = typer.Option(..., "--format", help="Gold format: acled, case2021, ucdp or fogofwar."),
    split: str | None = typer.Option(None, "--split", help="acled only: dev (2017-2019) or test (2020)."),
    report: Path | None = typer.Option(None, "--report", help="Write PATH.json and PATH.md."),
    limit: int | None = typer.Option(None, "--limit", help="Score only the first N inputs."),
    model: Path | None = typer.Option(None, "--model", help="A model folder from `fogofwar train` to refine sub-event types."),
    lang: str | None = typer.Option(None, "--lang", help="Score only the documents in this language (en or fr)."),
) -> None:
    """Run the pipeline on a gold set's inputs and score it per field and overall."""
    res = run_eval(gold, format, split=split, limit=limit, model=model, lang=lang)
    res["command"] = "fogofwar eval " + " ".join(shlex.quote(a) for a in sys.argv[2:]) if len(sys.argv) > 2 else None
    title = f"fogofwar eval — {format}" + (f" {split}" if split else "") + (f" [{lang}]" if lang else "") + (f" (--model {model})" if model else "")
    print_report(res, Console(), title)
    if report is not None:
        jp, mp = write_report(res, report, title)
        Console(stderr=True).print(f"report written: {jp} and {mp}")


def train_command(
    gold: Path = typer.Option(..., "--gold", help="Your own ACLED-format export (CSV with notes and sub_event_type)."),
    out: Path = typer.Option(Path("fogofwar-model"), "--out", help="Folder to write model.json and MODEL_CARD.md into."),
    split: str | None = typer.Option(None, "--split", help="Train on the rows of one split only (dev = 2017-2019, test = 2020)."),
) -> None:
    """Retrain the pipeline's learned sub-event-type classifier from an ACLED-format export."""
    from ..learned import SubTypeClassifier

    gold = Path(gold)
    if not gold.exists():
        raise MissingFileError(f"{gold}: no such file")
    rows = list(acled_training_rows(gold, split))
    if not rows:
        raise InputError(f"{gold}: no rows with notes and sub_event_type" + (f" in split {split}" if split else ""))
    console = Console(stderr=True)
    with console.status(f"training on {len(rows):,} rows"):
        clf = SubTypeClassifier.train(rows, source=f"{gold.name}" + (f" (split {split})" if split else ""))
    d = clf.save(out)
    Console().print(f"model written to {d}: {clf.card['training_rows']:,} rows, {len(clf.classes)} classes, {clf.card['features']:,} features, training accuracy {clf.card['training_accuracy']:.1%}")
