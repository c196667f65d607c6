"""Gold-set readers: one generator per format, each yielding ``GoldItem``s (a Document + its gold).

Every reader streams its file (``csv.DictReader`` row by row, one JSON file at a time) and
keeps nothing but the current row, so a 100 MB export costs the memory of one row.

Formats
-------
``acled``     an ACLED export (CSV). Input = ``notes``; publication date = the day after
              ``event_date``; gold actors = ``actor1``/``actor2`` when present (or the
              ``*_from_2019file`` copies), else the monadic pair ``actors_monadic`` ("A | B").
              Splits (the Mali evaluation set): dev = event years 2017-2019, test = 2020.
``case2021``  CASE 2021 task 2 (TSV: id, EventSnippet, SubType). No date, no place: the
              snippet's primary event is scored; the 5 non-ACLED classes expect "no event".
``ucdp``      UCDP GED (CSV). Input = ``source_headline`` (";"-joined headlines, split into
              lines); publication date = ``date_start``; rows without a headline are skipped
              (counted). Gold = type_of_violence, side_a/side_b, dates, place, deaths.
``fogofwar``  our own gold JSON (``tests/fixtures/gold/*.json``): a file or a folder of them;
              each names its document, read from ``<gold>/../articles/<id>.txt`` (+ sidecar).
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import BadRecordError, InputError, MissingFileError, UnknownFormatError
from ..ingest import make_document, read_path
from ..models import Document

FORMATS = ("acled", "case2021", "ucdp", "fogofwar")
SPLITS = ("dev", "test")
ACLED_SPLIT_YEARS = {"dev": range(2017, 2020), "test": range(2020, 2021)}

# CASE 2021 task 2 label -> ACLED sub-event type (names from its event_types.txt and the ACLED codebook).
CASE_TO_ACLED = {
    "ABDUCT_DISSAP": "Abduction/forced disappearance",
    "AGREEMENT": "Agreement",
    "AIR_STRIKE": "Air/drone strike",
    "ARMED_CLASH": "Armed clash",
    "ARREST": "Arrests",
    "ART_MISS_ATTACK": "Shelling/artillery/missile attack",
    "ATTACK": "Attack",
    "CHANGE_TO_GROUP_ACT": "Change to group/activity",
    "CHEM_WEAP": "Chemical weapon",
    "DISR_WEAP": "Disrupted weapons use",
    "FORCE_AGAINST_PROTEST": "Excessive force against protesters",
    "GOV_REGAINS_TERIT": "Government regains territory",
    "GRENADE": "Grenade",
    "HQ_ESTABLISHED": "Headquarters or base established",
    "MOB_VIOL": "Mob violence",
    "NON_STATE_ACTOR_OVERTAKES_TER": "Non-state actor overtakes territory",
    "NON_VIOL_TERRIT_TRANSFER": "Non-violent transfer of territory",
    "OTHER": "Other",
    "PEACE_PROTEST": "Peaceful protest",
    "PROPERTY_DISTRUCT": "Looting/property destruction",
    "PROTEST_WITH_INTER": "Protest with intervention",
    "REM_EXPLOS": "Remote explosive/landmine/IED",
    "SEX_VIOL": "Sexual violence",
    "SUIC_BOMB": "Suicide bomb",
    "VIOL_DEMONSTR": "Violent demonstration",
}
# CASE's classes outside ACLED's taxonomy: the right answer is "no event".
CASE_NON_ACLED = ("ORG_CRIME", "NATURAL_DISASTER", "MAN_MADE_DISASTER", "DIPLO", "ATTRIB")
NO_EVENT = "(no event)"


@dataclass
class GoldEvent:
    """One gold event in a format-neutral shape; fields a format lacks stay None."""

    event_date: dt.date | None = None
    date_last: dt.date | None = None  # UCDP: date_end (an event dated over a span)
    background: bool = False
    event_type: str | None = None
    sub_event_type: str | None = None  # NO_EVENT for CASE's non-ACLED classes
    actor1: str | None = None
    actor2: str | None = None
    inter1: int | None = None
    inter2: int | None = None
    interaction: int | None = None
    country: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    location: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    fatalities: int | None = None
    fatalities_low: int | None = None
    fatalities_high: int | None = None
    type_of_violence: int | None = None  # UCDP
    side_a: str | None = None  # UCDP
    side_b: str | None = None  # UCDP
    label: str | None = None  # the format's own label (CASE SubType)


@dataclass
class GoldClaim:
    claimant: str
    victims: str | None
    outcome: str
    low: int | None
    high: int | None


@dataclass
class GoldItem:
    """One input document and what should come out of it.

    ``mode`` is how it is scored: "match" (events matched by date and place) or "primary"
    (inputs with no date or place: the document's primary event, or no event, is scored).
    """

    document: Document
    events: list[GoldEvent]
    claims: list[GoldClaim] = field(default_factory=list)
    mode: str = "match"
    row_id: str = ""


def _int(v) -> int | None:
    if v is None:
        return None
    s = str(v).strip()
    if not s or s.lower() in {"na", "nan", "none"}:
        return None
    try:
        return int(float(s))
    except ValueError:
        return None


def _float(v) -> float | None:
    s = "" if v is None else str(v).strip()
    if not s or s.lower() in {"na", "nan", "none"}:
        return None
    try:
        return float(s)
    except ValueError:
        return None


def _acled_date(s: str) -> dt.date:
    s = (s or "").strip()
    for fmt in ("%d %B %Y", "%Y-%m-%d", "%d-%B-%Y", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(s, fmt).date()
        except ValueError:
            pass
    raise BadRecordError(f"bad ACLED event_date {s!r}")


def _open_csv(path: Path, delimiter: str = ","):
    if not path.exists():
        raise MissingFileError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a directory, expected a {('TSV' if delimiter == chr(9) else 'CSV')} file")
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    return path.open(encoding="utf-8-sig", newline="")


def check_split(fmt: str, split: str | None) -> None:
    if split is None:
        return
    if split not in SPLITS:
        raise InputError(f"unknown split {split!r}: expected one of {', '.join(SPLITS)}")
    if fmt != "acled":
        raise InputError(f"--split applies to the acled format only ({fmt} gold sets are test-only)")


def read_acled(path: Path, split: str | None = None) -> Iterator[GoldItem]:
    """ACLED export rows -> GoldItems. ``split`` filters by event year (dev 2017-2019, test 2020)."""
    check_split("acled", split)
    years = ACLED_SPLIT_YEARS[split] if split else None
    with _open_csv(path) as fh:
        reader = csv.DictReader(fh)
        need = {"event_date", "notes", "sub_event_type"}
        missing = need - set(reader.fieldnames or [])
        if missing:
            raise BadRecordError(f"{path}: not an ACLED export (missing columns: {', '.join(sorted(missing))})")
        for lineno, row in enumerate(reader, 2):
            notes = (row.get("notes") or "").strip()
            if not notes:
                continue
            day = _acled_date(row["event_date"])
            if years is not None and day.year not in years:
                continue
            a1 = (row.get("actor1") or row.get("actor1_from_2019file") or "").strip()
            a2 = (row.get("actor2") or row.get("actor2_from_2019file") or "").strip()
            if not a1 and row.get("actors_monadic"):
                parts = [p.strip() for p in row["actors_monadic"].split(" | ")]
                a1 = parts[0]
                a2 = parts[1] if len(parts) > 1 else ""
            interaction = _int(row.get("interaction"))
            inter1 = _int(row.get("inter1"))
            inter2 = _int(row.get("inter2"))
            if interaction is not None and inter1 is None:
                s = str(interaction)
                inter1 = int(s[0])
                inter2 = int(s[1]) if len(s) > 1 and s[1] != "0" else None
            fat = _int(row.get("fatalities"))
            rid = row.get("event_id_cnty") or row.get("data_id") or f"row{lineno}"
            doc = make_document(notes, name=f"{path.name}:{lineno}", id=rid, published=day + dt.timedelta(days=1), lang="en")
            gold = GoldEvent(
                event_date=day,
                event_type=row.get("event_type") or None,
                sub_event_type=row.get("sub_event_type") or None,
                actor1=a1 or None,
                actor2=a2 or None,
                inter1=inter1,
                inter2=inter2,
                interaction=interaction,
                country=row.get("country") or None,
                admin1=row.get("admin1") or None,
                admin2=row.get("admin2") or None,
                location=row.get("location") or None,
                latitude=_float(row.get("latitude")),
                longitude=_float(row.get("longitude")),
                fatalities=fat,
                fatalities_low=fat,
                fatalities_high=fat,
                label=row.get("sub_event_type") or None,
            )
            yield GoldItem(doc, [gold], mode="match", row_id=rid)


def read_case(path: Path) -> Iterator[GoldItem]:
    """CASE 2021 task 2 TSV -> GoldItems scored in 'primary' mode."""
    from ..codebook import categories

    cats = categories()
    with _open_csv(path, "\t") as fh:
        reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        if not {"EventSnippet", "SubType"} <= set(reader.fieldnames or []):
            raise BadRecordError(f"{path}: not a CASE 2021 task 2 file (needs EventSnippet and SubType columns)")
        for lineno, row in enumerate(reader, 2):
            text = (row.get("EventSnippet") or "").strip()
            label = (row.get("SubType") or "").strip()
            if not text:
                continue
            if label in CASE_TO_ACLED:
                sub = CASE_TO_ACLED[label]
                etype = cats.get(sub).event_type
            elif label in CASE_NON_ACLED:
                sub, etype = NO_EVENT, NO_EVENT
            else:
                raise BadRecordError(f"{path}:{lineno}: unknown CASE label {label!r}")
            rid = row.get("id") or f"row{lineno}"
            doc = make_document(text, name=f"{path.name}:{lineno}", id=f"case-{rid}", lang="en")
            yield GoldItem(doc, [GoldEvent(event_type=etype, sub_event_type=sub, label=label)], mode="primary", row_id=rid)


def _headline_text(s: str) -> str:
    parts = [p.strip() for p in s.replace(" | ", ";").split(";")]
    return "\n".join(p if p.endswith((".", "!", "?")) else p + "." for p in parts if p)


class Skipped:
    """Counts rows a reader skipped (e.g. UCDP rows without a headline)."""

    def __init__(self) -> None:
        self.n = 0
        self.why: dict[str, int] = {}

    def add(self, why: str) -> None:
        self.n += 1
        self.why[why] = self.why.get(why, 0) + 1


def read_ucdp(path: Path, skipped: Skipped | None = None) -> Iterator[GoldItem]:
    """UCDP GED CSV -> GoldItems; rows with no headline are skipped and counted."""
    with _open_csv(path) as fh:
        reader = csv.DictReader(fh)
        if not {"source_headline", "type_of_violence", "date_start"} <= set(reader.fieldnames or []):
            raise BadRecordError(f"{path}: not a UCDP GED file (needs source_headline, type_of_violence, date_start)")
        for lineno, row in enumerate(reader, 2):
            text = _headline_text(row.get("source_headline") or "")
            if len(text) < 8:
                if skipped is not None:
                    skipped.add("no headline")
                continue
            start = dt.date.fromisoformat(row["date_start"][:10])
            end = dt.date.fromisoformat(row["date_end"][:10]) if row.get("date_end") else start
            rid = row.get("id") or f"row{lineno}"
            rid = rid[:-2] if rid.endswith(".0") else rid
            where = (row.get("where_coordinates") or "").strip()
            # "Rami village" -> "Rami": UCDP appends the kind of place to the name
            for suffix in (" village", " town", " city", " province", " district", " region", " governorate", " state", " area"):
                if where.lower().endswith(suffix):
                    where = where[: -len(suffix)]
                    break
            best, low, high = _int(row.get("best")), _int(row.get("low")), _int(row.get("high"))
            try:
                doc = make_document(text, name=f"{path.name}:{lineno}", id=f"ucdp-{rid}", published=start, lang="en")
            except InputError:
                if skipped is not None:
                    skipped.add("unreadable headline")
                continue
            gold = GoldEvent(
                event_date=start,
                date_last=end,
                type_of_violence=_int(row.get("type_of_violence")),
                side_a=row.get("side_a") or None,
                side_b=row.get("side_b") or None,
                actor1=row.get("side_a") or None,
                actor2=row.get("side_b") or None,
                country=row.get("country") or None,
                admin1=row.get("adm_1") or None,
                admin2=row.get("adm_2") or None,
                location=where or None,
                latitude=_float(row.get("latitude")),
                longitude=_float(row.get("longitude")),
                fatalities=best,
                fatalities_low=low if low is not None else best,
                fatalities_high=high if high is not None else best,
            )
            yield GoldItem(doc, [gold], mode="match", row_id=rid)


def _gold_files(path: Path) -> list[Path]:
    if not path.exists():
        raise MissingFileError(f"{path}: no such file or folder")
    if path.is_dir():
        files = sorted(path.glob("*.json"))
        if not files:
            raise InputError(f"{path}: no gold .json files in this folder")
        return files
    return [path]


def read_fogofwar(path: Path) -> Iterator[GoldItem]:
    """Our gold JSON (a file or a folder of them); articles from ``<gold dir>/../articles/<id>.txt``."""
    for f in _gold_files(path):
        try:
            data = json.loads(f.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise BadRecordError(f"{f}: not valid JSON ({exc.msg})") from None
        if not isinstance(data, dict) or "document" not in data or "events" not in data:
            raise BadRecordError(f"{f}: not a fogofwar gold file (needs 'document' and 'events')")
        meta = data["document"]
        doc_id = meta.get("id") or f.stem
        article = None
        for cand in (f.parent.parent / "articles" / f"{doc_id}.txt", f.parent / "articles" / f"{doc_id}.txt", f.with_suffix(".txt")):
            if cand.exists():
                article = cand
                break
        if article is None:
            raise MissingFileError(f"{f}: article {doc_id}.txt not found (looked in ../articles/ and next to the gold file)")
        doc = read_path(str(article), id=doc_id, published=meta.get("published"), lang=meta.get("lang", "auto"), outlet=meta.get("outlet"))[0]
        events = []
        for e in data["events"]:
            fat = e.get("fatalities")
            events.append(
                GoldEvent(
                    event_date=dt.date.fromisoformat(e["event_date"]) if e.get("event_date") else None,
                    background=bool(e.get("background", False)),
                    event_type=e.get("event_type"),
                    sub_event_type=e.get("sub_event_type"),
                    actor1=e.get("actor1"),
                    actor2=e.get("actor2"),
                    inter1=e.get("inter1"),
                    inter2=e.get("inter2"),
                    country=e.get("country"),
                    admin1=e.get("admin1"),
                    admin2=e.get("admin2"),
                    location=e.get("location"),
                    latitude=e.get("latitude"),
                    longitude=e.get("longitude"),
                    fatalities=fat,
                    fatalities_low=e.get("fatalities_low", fat),
                    fatalities_high=e.get("fatalities_high", fat),
                    label=e.get("sub_event_type"),
                )
            )
        claims = [
            GoldClaim(c.get("claimant", ""), c.get("victims"), c.get("outcome", "killed"), c.get("low"), c.get("high")) for c in data.get("claims", [])
        ]
        yield GoldItem(doc, events, claims, mode="match", row_id=doc_id)


def read_gold(path: Path, fmt: str, split: str | None = None, skipped: Skipped | None = None) -> Iterator[GoldItem]:
    """The reader for ``fmt``; raises ``UnknownFormatError`` / ``InputError`` before reading anything."""
    if fmt not in FORMATS:
        raise UnknownFormatError(f"unknown gold format {fmt!r}: expected one of {', '.join(FORMATS)}")
    check_split(fmt, split)
    path = Path(path)
    if not path.exists():
        raise MissingFileError(f"{path}: no such file")
    if fmt == "acled":
        return read_acled(path, split)
    if fmt == "case2021":
        return read_case(path)
    if fmt == "ucdp":
        return read_ucdp(path, skipped)
    return read_fogofwar(path)


def acled_training_rows(path: Path, split: str | None = None) -> Iterator[dict]:
    """(notes, sub_event_type) rows of an ACLED export, streamed; ``split`` as in ``read_acled``."""
    check_split("acled", split)
    years = ACLED_SPLIT_YEARS[split] if split else None
    path = Path(path)
    with _open_csv(path) as fh:
        reader = csv.DictReader(fh)
        missing = {"notes", "sub_event_type"} - set(reader.fieldnames or [])
        if missing:
            raise BadRecordError(f"{path}: not an ACLED export with sub-event types (missing columns: {', '.join(sorted(missing))})")
        for row in reader:
            if years is not None and _acled_date(row.get("event_date", "")).year not in years:
                continue
            if (row.get("notes") or "").strip() and (row.get("sub_event_type") or "").strip():
                yield {"notes": row["notes"], "sub_event_type": row["sub_event_type"].strip()}
