"""``fogofwar gazetteer ...`` sub-commands (mounted by the main CLI)."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

app = typer.Typer(help="Gazetteer: import place lists into the user overlay index.", no_args_is_help=True)


@app.command("import")
def import_cmd(
    geonames: Optional[Path] = typer.Option(None, "--geonames", help="GeoNames dump file (19 tab-separated columns)", exists=True, dir_okay=False),
    acled: Optional[Path] = typer.Option(None, "--acled", help="Your own ACLED CSV export", exists=True, dir_okay=False),
    index: Optional[Path] = typer.Option(None, "--index", help="Overlay index to write (default: the user cache overlay)"),
) -> None:
    """Import places from a GeoNames dump and/or an ACLED export into the overlay index."""
    from .importers import import_acled, import_geonames
    from .index import default_overlay_path

    if geonames is None and acled is None:
        raise typer.BadParameter("give --geonames FILE and/or --acled FILE")
    db = index or default_overlay_path()
    if geonames is not None:
        c = import_geonames(geonames, db)
        typer.echo(f"geonames: {c['rows']} rows read, {c['places']} places, {c['names']} name keys -> {db}")
    if acled is not None:
        c = import_acled(acled, db)
        typer.echo(f"acled: {c['rows']} rows read, {c['places']} distinct locations, {c['skipped']} skipped, "
                   f"countries {','.join(c['countries'])} -> {db}")


@app.command("build")
def build_cmd() -> None:
    """(Re)build the package base index in the user cache and print its statistics."""
    from .index import build_base, default_base_path

    typer.echo(build_base(default_base_path()))
