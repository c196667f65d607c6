"""The ``fogofwar`` command: one thin command per verb; expected errors handled in one place.

Every command parses its options, calls one library function and formats the
result. A ``FogError`` becomes one red line on stderr (``error: [F101] ...``)
and its exit code; only a bug prints a traceback. Output is written after the
work succeeded, never half.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Optional

import typer
from typer.core import TyperGroup

from . import __version__
from .errors import FogError, InputError, UnknownFormatError, UnknownLanguageError

EXTRACT_FORMATS = ("json", "acled-csv", "geojson", "ucdp-csv")
EVENTS_FORMATS = ("table", *EXTRACT_FORMATS)
LANG_CHOICES = ("auto", "en", "fr")


def report_error(err: FogError) -> None:
    typer.secho(f"error: {err}", fg="red", err=True)


class FogGroup(TyperGroup):
    """The one place where expected errors become a red line and an exit code."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except FogError as err:
            report_error(err)
            ctx.exit(err.exit_code)


app = typer.Typer(
    cls=FogGroup,
    help="Turn war reporting (English, French) into ACLED-style events with evidence and casualty claims.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"fogofwar {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(False, "--version", help="Show the version and exit.", callback=_version, is_eager=True),
) -> None:
    """fogofwar: war news in, ACLED-style events out."""


def _mount_gazetteer() -> None:
    from .places.cli import app as gazetteer_app

    app.add_typer(gazetteer_app, name="gazetteer")


def _mount_evaluate() -> None:
    from .evaluate.cli import eval_command, train_command

    app.command("eval")(eval_command)
    app.command("train")(train_command)


# -- shared option checks -------------------------------------------------------------------


def _check_format(fmt: str, allowed: tuple[str, ...]) -> str:
    if fmt not in allowed:
        raise UnknownFormatError(f"unknown format {fmt!r}: choose one of {', '.join(allowed)}")
    return fmt


def _check_lang(lang: str) -> str:
    if lang not in LANG_CHOICES:
        raise UnknownLanguageError(f"unknown language {lang!r}: choose one of {', '.join(LANG_CHOICES)}")
    return lang


def _check_date(value: str | None, option: str):
    from .ingest import parse_date

    return parse_date(value, f"{option} date") if value else None


PublishedOpt = typer.Option(None, "--published", help="Publication date YYYY-MM-DD (dates like 'on Thursday' are resolved from it).")
OutletOpt = typer.Option(None, "--outlet", help="Outlet name (the source of the events).")
LangOpt = typer.Option("auto", "--lang", help="Language: auto, en or fr.")
DbOpt = typer.Option(None, "--db", help="Database URL or SQLite file (default: $FOGOFWAR_DB, else sqlite:///fogofwar.db).")


def _write(text: str) -> None:
    sys.stdout.write(text)
    sys.stdout.flush()


# -- commands -------------------------------------------------------------------------------


@app.command()
def extract(
    paths: list[str] = typer.Argument(..., help="Files to read (text, HTML, RSS/Atom, JSONL); '-' reads standard input."),
    published: Optional[str] = PublishedOpt,
    outlet: Optional[str] = OutletOpt,
    url: Optional[str] = typer.Option(None, "--url", help="URL of the report."),
    lang: str = LangOpt,
    per_document: bool = typer.Option(False, "--per-document", help="Do not merge events across documents."),
    fmt: str = typer.Option("json", "--format", help="json, acled-csv, geojson or ucdp-csv."),
    model: Optional[Path] = typer.Option(None, "--model", help="A model folder written by `fogofwar train` (optional learned sub-type classifier)."),
) -> None:
    """Extract events from reports and print them; touches no database.

    Example:

        fogofwar extract report.txt --published 2024-07-30 --outlet "El País" --format acled-csv
    """
    from .export import render
    from .ingest import read_paths
    from .pipeline import extract as run_extract

    _check_format(fmt, EXTRACT_FORMATS)
    _check_lang(lang)
    day = _check_date(published, "--published")
    classifier = _load_model(model)
    docs = read_paths(paths, outlet=outlet, url=url, published=day, lang=lang)
    result = run_extract(docs, per_document=per_document, classifier=classifier)
    _write(render(fmt, result))


def _load_model(model: Optional[Path]):
    if model is None:
        return None
    from .learned import SubTypeClassifier

    if not (Path(model) / "model.json").exists():
        from .errors import MissingFileError

        raise MissingFileError(f"{model}: no model.json here (write one with `fogofwar train`)")
    return SubTypeClassifier.load(model)


@app.command()
def ingest(
    paths: list[str] = typer.Argument(..., help="Files to read; '-' reads standard input."),
    db: Optional[str] = DbOpt,
    published: Optional[str] = PublishedOpt,
    outlet: Optional[str] = OutletOpt,
    lang: str = LangOpt,
    batch_size: int = typer.Option(20, "--batch-size", min=1, help="Documents per transaction."),
) -> None:
    """Extract events from reports and store them; documents already stored are skipped.

    Each batch of documents is written in one transaction, so an interrupted run
    leaves no partial events and running it again resumes. Unreadable inputs are
    reported one per line; the others are stored, and the exit code is non-zero.

    Example:

        fogofwar ingest reports/*.txt --db events.db --outlet "Le Courrier du Sahel"
    """
    from .ingest import read_path
    from .store import Store

    _check_lang(lang)
    day = _check_date(published, "--published")
    docs, failures = [], []
    for p in paths:
        try:
            docs += read_path(p, outlet=outlet, published=day, lang=lang)
        except InputError as err:
            report_error(err)
            failures.append(err)
    if docs:
        with Store.open(db) as store:
            report = _ingest_with_progress(store, docs, batch_size)
        typer.echo(_summary(report))
    if failures:
        typer.secho(f"error: {len(failures)} of {len(paths)} inputs could not be read (see above)", fg="red", err=True)
        raise typer.Exit(max(f.exit_code for f in failures))


def _ingest_with_progress(store, docs, batch_size: int):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    console = Console(stderr=True)
    with Progress(TextColumn("extracting"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task("extract", total=len(docs))
        return store.ingest_documents(docs, batch_size=batch_size, progress=lambda d: bar.advance(task))


def _summary(report) -> str:
    parts = [f"{report.new_documents} new document{'s' if report.new_documents != 1 else ''}"]
    if report.skipped_documents:
        parts.append(f"{report.skipped_documents} already stored (skipped)")
    parts.append(f"{report.events_written} event{'s' if report.events_written != 1 else ''} written ({report.events_merged} merged into stored events)")
    return ", ".join(parts)


@app.command()
def events(
    db: Optional[str] = DbOpt,
    country: Optional[str] = typer.Option(None, "--country", help="Country name or ISO3 code."),
    since: Optional[str] = typer.Option(None, "--since", help="First day, YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Last day, YYYY-MM-DD."),
    event_type: Optional[str] = typer.Option(None, "--type", help="Event or sub-event type, e.g. Battles."),
    fmt: str = typer.Option("table", "--format", help="table, json, acled-csv, geojson or ucdp-csv."),
) -> None:
    """List stored events.

    Example:

        fogofwar events --country Mali --since 2024-07-01 --format acled-csv > mali.csv
    """
    from .export import render
    from .models import ExtractionResult
    from .store import Store

    _check_format(fmt, EVENTS_FORMATS)
    since_d, until_d = _check_date(since, "--since"), _check_date(until, "--until")
    with Store.open(db) as store:
        evs = store.events(country=country, since=since_d, until=until_d, event_type=event_type)
        used = {d for e in evs for d in e.documents}
        docs = [d for d in store.documents() if d.id in used]
    if fmt == "table":
        _print_rich(events_table(evs))
    else:
        _write(render(fmt, ExtractionResult(documents=docs, events=evs)))


def _print_rich(*renderables) -> None:
    from rich.console import Console

    console = Console(record=False)
    if not console.is_terminal and "COLUMNS" not in os.environ:
        console = Console(record=False, width=120)  # piped or logged: wide enough for the tables to read
    for r in renderables:
        console.print(r)


@app.command()
def demo(db: Optional[str] = DbOpt) -> None:
    """Store the bundled example reports and show their events, claims side by side.

    Runs twice without duplicating anything: the second time the reports are
    already stored and only the table is shown.

    Example:

        fogofwar demo
    """
    from .ingest import read_path
    from .store import Store

    paths = example_paths()
    docs = [d for p in paths for d in read_path(str(p))]
    with Store.open(db) as store:
        report = _ingest_with_progress(store, docs, batch_size=len(docs) or 1)
        ids = {d.id for d in docs}
        evs = [e for e in store.events() if ids & set(e.documents)]
        url = store.engine.url.render_as_string(hide_password=True)
    if report.new_documents == 0:
        typer.echo(f"all {report.skipped_documents} example reports already stored in {url}; nothing new written")
    else:
        typer.echo(f"{_summary(report)} -> {url}")
    _print_rich(*demo_view(evs, docs))


# -- Rich views ---------------------------------------------------------------------------


def short(name: str | None) -> str:
    """A display name: 'JNIM: Group for Support of Islam and Muslims' -> 'JNIM'."""
    return (name or "").split(": ")[0]


def _actors(e) -> str:
    one = ", ".join(short(x) for x in [e.actor1, *e.assoc_actor_1] if x) or "?"
    two = ", ".join(short(x) for x in [e.actor2, *e.assoc_actor_2] if x)
    return f"{one} vs {two}" if two else one


def _place(e) -> str:
    return ", ".join(x for x in dict.fromkeys([e.location, e.admin1, e.country]) if x) or "?"


def _range(e) -> str:
    if e.fatalities_best is None and e.fatalities_low is None:
        return ""
    return f"{_n(e.fatalities_low)} / {_n(e.fatalities_best)} / {_n(e.fatalities_high)}"


def _n(v) -> str:
    return "?" if v is None else str(v)


def figure(c) -> str:
    """A claim's figure as said: '12', '10-20', 'dozens (12-99)', 'casualties (no figure)'."""
    if c.low is None and c.high is None:
        num = "no figure"
    elif c.low == c.high or c.high is None:
        num = str(c.low)
    else:
        num = f"{_n(c.low)}-{_n(c.high)}"
    if c.vague and c.vague_term:
        return f"{c.vague_term} ({num})"
    return num


def events_table(evs, with_id: bool = True):
    from rich.table import Table

    t = Table(title=f"{len(evs)} events", show_lines=False)
    cols = ["date", "place", "event", "actors", "fatalities", "low / best / high", "reports"]
    for col in (["id"] if with_id else []) + cols:
        t.add_column(col, overflow="fold")
    for e in evs:
        flags = " [bold red]DISPUTED[/]" if e.disputed else ""
        row = [
            str(e.event_date or "?"),
            _place(e),
            e.sub_event_type + (" [dim](background)[/]" if e.background else ""),
            _actors(e),
            _n(e.fatalities),
            _range(e) + flags,
            str(len(e.documents)),
        ]
        t.add_row(*([e.id] if with_id else []) + row)
    return t


def demo_view(evs, docs) -> list:
    """The events table, then one table per event with claims: who says how many of whom."""
    from rich.table import Table
    from rich.text import Text

    by_id = {d.id: d for d in docs}
    out: list = [events_table(evs, with_id=False)]
    for e in evs:
        if not e.claims:
            continue
        title = f"{e.event_date or '?'} · {_place(e)} · {e.sub_event_type}: {_actors(e)}"
        rec = f"reconciled low / best / high: {_range(e) or 'none'}; ACLED fatalities {_n(e.fatalities)}"
        caption = Text(rec)
        if e.disputed:
            caption.append("  DISPUTED", style="bold red")
        t = Table(title=title, caption=caption, title_justify="left", caption_justify="left")
        for col in ("claimant", "victims", "outcome", "figure", "report"):
            t.add_column(col, overflow="fold")
        for c in e.claims:
            d = by_id.get(c.document)
            src = d.lang if d else c.document
            who = short(c.claimant) + (f" via {', '.join(c.via)}" if c.via else "")
            victims = "; ".join(short(v) for v in (c.victims or "?").split("; ")) + (" (inferred)" if c.victims_inferred else "")
            t.add_row(who, victims, c.outcome, figure(c), src)
        out.append(t)
    return out


def example_paths() -> list[Path]:
    """The bundled example reports (``fogofwar/examples/*.txt``, each with a ``.json`` sidecar)."""
    from importlib.resources import files

    root = Path(str(files("fogofwar") / "examples"))
    found = sorted(root.glob("*.txt"))
    if not found:
        raise FogError(f"no example reports found in {root} (broken installation?)")
    return found


_mount_evaluate()
_mount_gazetteer()

if __name__ == "__main__":  # pragma: no cover
    app()
