"""The command line, in-process with Typer's CliRunner (spaCy loads once) plus one real subprocess."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fogofwar import __version__
from fogofwar.cli import app
from fogofwar.export import ACLED_COLUMNS

runner = CliRunner()
FOGOFWAR = Path(sys.executable).parent / "fogofwar"


def run(*args: str, input: str | bytes | None = None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def assert_one_line_error(result, code: str, exit_code: int = 2) -> str:
    assert result.exit_code == exit_code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: [{code}] "), lines[0]
    assert "Traceback" not in result.output
    assert result.stdout == ""
    return lines[0]


@pytest.fixture()
def en_report(example_paths) -> Path:
    return next(p for p in example_paths if p.name.startswith("tinzaouaten-2024-07-30"))


@pytest.fixture()
def in_tmp(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FOGOFWAR_DB", raising=False)
    return tmp_path


# -- version, help ---------------------------------------------------------------------------


def test_version():
    r = run("--version")
    assert r.exit_code == 0 and r.stdout.strip() == f"fogofwar {__version__}"


@pytest.mark.parametrize("command", ["extract", "ingest", "events", "demo"])
def test_every_command_has_help_with_an_example(command):
    r = run(command, "--help")
    assert r.exit_code == 0 and "Example:" in r.stdout


def test_gazetteer_is_mounted():
    r = run("gazetteer", "--help")
    assert r.exit_code == 0 and "import" in r.stdout


# -- extract ---------------------------------------------------------------------------------


def test_extract_prints_json_and_touches_no_database(in_tmp, en_report):
    r = run("extract", en_report)
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert set(data) == {"documents", "events"} and data["events"]
    assert data["documents"][0]["published"] == "2024-07-30"  # from the sidecar
    assert list(in_tmp.iterdir()) == []


def test_extract_options_override_the_sidecar(en_report):
    r = run("extract", en_report, "--published", "2024-07-31", "--outlet", "Somebody", "--url", "https://example.org/a", "--lang", "en")
    assert r.exit_code == 0, r.output
    doc = json.loads(r.stdout)["documents"][0]
    assert doc == {**doc, "published": "2024-07-31", "outlet": "Somebody", "url": "https://example.org/a", "lang": "en"}


def test_extract_reads_stdin(en_report):
    r = run("extract", "-", "--published", "2024-07-30", input=en_report.read_bytes())
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["events"]


@pytest.mark.parametrize("fmt", ["acled-csv", "ucdp-csv"])
def test_extract_csv_formats(en_report, fmt):
    r = run("extract", en_report, "--format", fmt)
    assert r.exit_code == 0, r.output
    header = next(csv.reader(io.StringIO(r.stdout)))
    if fmt == "acled-csv":
        assert tuple(header) == ACLED_COLUMNS and len(header) == 31
    else:
        assert header[:3] == ["id", "year", "type_of_violence"]


def test_extract_geojson(en_report):
    r = run("extract", en_report, "--format", "geojson")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["type"] == "FeatureCollection" and "unlocated" in data


def test_extract_per_document_keeps_events_apart(example_paths):
    tinz = [p for p in example_paths if p.name.startswith("tinzaouaten-2024-07")]
    merged = json.loads(run("extract", *tinz).stdout)["events"]
    apart = json.loads(run("extract", *tinz, "--per-document").stdout)["events"]
    assert all(len(e["documents"]) == 1 for e in apart)
    assert any(len(e["documents"]) == 2 for e in merged)
    assert len(apart) > len(merged)


# -- errors: one red line, the right exit code, nothing on stdout ------------------------------


def test_unknown_format(en_report):
    line = assert_one_line_error(run("extract", en_report, "--format", "xml"), "F106")
    assert "json, acled-csv, geojson, ucdp-csv" in line


def test_unknown_events_format(in_tmp):
    assert_one_line_error(run("events", "--format", "xls"), "F106")


def test_bad_published_date(en_report):
    line = assert_one_line_error(run("extract", en_report, "--published", "30/07/2024"), "F105")
    assert "YYYY-MM-DD" in line


def test_bad_language(en_report):
    assert_one_line_error(run("extract", en_report, "--lang", "de"), "F109")


def test_missing_file(tmp_path):
    assert "no such file" in assert_one_line_error(run("extract", tmp_path / "nope.txt"), "F101")


def test_empty_file(tmp_path):
    (tmp_path / "empty.txt").write_text("  \n")
    assert_one_line_error(run("extract", tmp_path / "empty.txt"), "F102")


def test_binary_file(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    assert_one_line_error(run("extract", tmp_path / "image.txt"), "F103")


def test_undecodable_file(tmp_path):
    (tmp_path / "garbled.txt").write_bytes(bytes(range(128, 256)) * 20)
    assert_one_line_error(run("extract", tmp_path / "garbled.txt"), "F104")


def test_directory_argument(tmp_path):
    assert_one_line_error(run("extract", tmp_path), "F100")


def test_one_bad_input_fails_the_whole_extract(tmp_path, en_report):
    assert_one_line_error(run("extract", en_report, tmp_path / "nope.txt"), "F101")


def test_bad_database_url(in_tmp):
    assert_one_line_error(run("events", "--db", "nosuchdialect://x"), "F300", exit_code=3)


def test_real_process_exit_code_and_no_traceback(tmp_path):
    if not FOGOFWAR.exists():
        pytest.skip(f"{FOGOFWAR} not installed")
    p = subprocess.run([str(FOGOFWAR), "extract", str(tmp_path / "nope.txt")], capture_output=True, text=True, timeout=120)
    assert p.returncode == 2
    assert p.stdout == ""
    assert p.stderr.strip().splitlines() == [f"error: [F101] {tmp_path / 'nope.txt'}: no such file"]


# -- ingest, events, demo --------------------------------------------------------------------


def test_ingest_twice_stores_once(in_tmp, example_paths):
    db = f"sqlite:///{in_tmp / 'x.db'}"
    first = run("ingest", *example_paths, "--db", db)
    assert first.exit_code == 0, first.output
    assert f"{len(example_paths)} new documents" in first.stdout
    events1 = json.loads(run("events", "--db", db, "--format", "json").stdout)
    second = run("ingest", *example_paths, "--db", db)
    assert second.exit_code == 0, second.output
    assert "0 new documents" in second.stdout and f"{len(example_paths)} already stored" in second.stdout
    assert "0 events written" in second.stdout
    assert json.loads(run("events", "--db", db, "--format", "json").stdout) == events1


def test_ingest_reports_bad_inputs_and_keeps_the_good_ones(in_tmp, en_report):
    (in_tmp / "empty.txt").write_text("")
    r = run("ingest", in_tmp / "missing.txt", en_report, in_tmp / "empty.txt", "--db", "x.db")
    assert r.exit_code == 2
    errors = r.stderr.strip().splitlines()
    assert [e[:12] for e in errors if e.startswith("error: [")] == ["error: [F101", "error: [F102"]
    assert "2 of 3 inputs could not be read" in r.stderr
    assert "1 new document" in r.stdout
    stored = json.loads(run("events", "--db", "x.db", "--format", "json").stdout)
    assert [d["id"] for d in stored["documents"]] == ["example-tinzaouaten-en"]


def test_ingest_bad_published_writes_nothing(in_tmp, en_report):
    assert_one_line_error(run("ingest", en_report, "--db", "x.db", "--published", "yesterday"), "F105")
    assert not (in_tmp / "x.db").exists()


def test_events_formats_and_filters(in_tmp, example_paths):
    assert run("ingest", *example_paths, "--db", "x.db").exit_code == 0
    table = run("events", "--db", "x.db")
    assert table.exit_code == 0 and "events" in table.stdout
    every = json.loads(run("events", "--db", "x.db", "--format", "json").stdout)["events"]
    mali = json.loads(run("events", "--db", "x.db", "--format", "json", "--country", "Mali").stdout)["events"]
    assert mali and all(e["country"] == "Mali" for e in mali) and len(mali) < len(every)
    recent = json.loads(run("events", "--db", "x.db", "--format", "json", "--since", "2024-01-01", "--until", "2024-07-31").stdout)["events"]
    assert recent and all("2024-01-01" <= e["event_date"] <= "2024-07-31" for e in recent)
    battles = json.loads(run("events", "--db", "x.db", "--format", "json", "--type", "Battles").stdout)["events"]
    assert battles and all(e["event_type"] == "Battles" for e in battles)
    acled = run("events", "--db", "x.db", "--format", "acled-csv")
    assert acled.stdout.splitlines()[0].split(",") == list(ACLED_COLUMNS)
    assert_one_line_error(run("events", "--db", "x.db", "--since", "July"), "F105")


def test_demo_twice_uses_the_default_database_and_duplicates_nothing(in_tmp, example_paths):
    first = run("demo")
    assert first.exit_code == 0, first.output
    assert (in_tmp / "fogofwar.db").exists()
    assert f"{len(example_paths)} new documents" in first.stdout
    assert "claimant" in first.stdout and "DISPUTED" in first.stdout
    assert "low / best / high" in first.stdout
    events1 = json.loads(run("events", "--format", "json").stdout)
    second = run("demo")
    assert second.exit_code == 0, second.output
    assert "already stored" in second.stdout and "nothing new written" in second.stdout
    assert json.loads(run("events", "--format", "json").stdout) == events1
    assert len({d["id"] for d in events1["documents"]}) == len(example_paths)


def test_ingest_with_no_readable_input_creates_no_database(in_tmp):
    r = run("ingest", in_tmp / "missing.txt", "--db", "x.db")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.splitlines()[0].startswith("error: [F101] ")
    assert not (in_tmp / "x.db").exists()


def test_eval_and_train_are_mounted():
    assert run("eval", "--help").exit_code == 0
    assert run("train", "--help").exit_code == 0


def test_extract_with_a_trained_model(tmp_path):
    """`train` on an ACLED-format file, then `extract --model` uses it (tiny made-up export, our own words)."""
    from typer.testing import CliRunner

    from fogofwar.cli import app

    rows = [
        ("Gunmen attacked a village and killed two herders.", "Attack"),
        ("Soldiers clashed with militants near the town.", "Armed clash"),
        ("An IED struck an army truck on the road.", "Remote explosive/landmine/IED"),
        ("Militants shot dead a trader at the market.", "Attack"),
        ("Troops and jihadists exchanged fire for hours.", "Armed clash"),
        ("A roadside bomb hit a bus carrying passengers.", "Remote explosive/landmine/IED"),
    ] * 3
    csv_path = tmp_path / "export.csv"
    with csv_path.open("w", encoding="utf-8") as f:
        f.write("event_date,year,event_type,sub_event_type,notes\n")
        for i, (note, sub) in enumerate(rows):
            f.write(f'0{1 + i % 9} January 2021,2021,x,{sub},"{note}"\n')
    runner = CliRunner()
    out_dir = tmp_path / "model"
    r = runner.invoke(app, ["train", "--gold", str(csv_path), "--out", str(out_dir)])
    assert r.exit_code == 0, r.output
    assert (out_dir / "model.json").exists()
    report = tmp_path / "r.txt"
    report.write_text("Gunmen attacked the village of Boni on Sunday and killed three herders.", encoding="utf-8")
    r = runner.invoke(app, ["extract", str(report), "--published", "2021-02-01", "--model", str(out_dir)])
    assert r.exit_code == 0, r.output
    import json

    events = json.loads(r.stdout)["events"]
    assert events and all(e["sub_event_type"] for e in events)
