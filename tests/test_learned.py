"""The learned sub-event-type classifier: training, ranking, persistence, the seam into events."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from fogofwar.errors import BadRecordError, InputError, MissingFileError
from fogofwar.learned import CARD_FILE, MODEL_FILE, SubTypeClassifier, event_text, features, refine_events
from fogofwar.models import Document, Event, Evidence

REPO = Path(__file__).resolve().parent.parent
SHARED_ACLED = REPO.parent / "shared" / "eval" / "acled-mali" / "events.csv"

# made-up training notes, a few per class
TOY = [
    ("Gunmen kidnapped a trader on the road to the market.", "Abduction/forced disappearance"),
    ("Armed men abducted two teachers from the village school.", "Abduction/forced disappearance"),
    ("A herder was kidnapped by unknown gunmen near the well.", "Abduction/forced disappearance"),
    ("Soldiers and militants clashed near the river for two hours.", "Armed clash"),
    ("The army fought insurgents who attacked its checkpoint.", "Armed clash"),
    ("Fighting broke out between the two armed groups at the camp.", "Armed clash"),
    ("A military vehicle hit a landmine on the road, wounding three soldiers.", "Remote explosive/landmine/IED"),
    ("An improvised explosive device exploded under a truck.", "Remote explosive/landmine/IED"),
    ("A roadside bomb struck a convoy near the town.", "Remote explosive/landmine/IED"),
]


@pytest.fixture(scope="module")
def toy():
    return SubTypeClassifier.train(TOY, epochs=40)


def test_features_unigrams_bigrams_digits_folded():
    f = features("Gunmen killed 12 people")
    assert "gunmen" in f and "gunmen killed" in f and "00" in f and "killed 00" in f


def test_train_predict_ranked(toy):
    ranked = toy.predict("Unknown gunmen kidnapped a village chief.")
    assert ranked[0][0] == "Abduction/forced disappearance"
    assert [c for c, _ in ranked] and len(ranked) == 3
    probs = [p for _, p in ranked]
    assert probs == sorted(probs, reverse=True) and sum(probs) == pytest.approx(1.0, abs=1e-5)
    assert toy.predict("a landmine exploded under a bus")[0][0] == "Remote explosive/landmine/IED"
    assert toy.card["training_rows"] == 9 and set(toy.card["classes"]) == {l for _, l in TOY}


def test_train_accepts_acled_dicts_and_rejects_bad_rows():
    clf = SubTypeClassifier.train([{"notes": t, "sub_event_type": l} for t, l in TOY])
    assert len(clf.classes) == 3
    with pytest.raises(InputError):
        SubTypeClassifier.train(TOY[:3])  # one class only
    with pytest.raises(BadRecordError):
        SubTypeClassifier.train([42, 43])


def test_save_load_roundtrip(toy, tmp_path):
    d = toy.save(tmp_path / "model")
    assert (d / MODEL_FILE).exists() and (d / CARD_FILE).exists()
    assert "training rows: 9" in (d / CARD_FILE).read_text()
    back = SubTypeClassifier.load(d)
    text = "Militants ambushed soldiers and a firefight followed."
    assert [c for c, _ in back.predict(text)] == [c for c, _ in toy.predict(text)]
    assert back.predict(text)[0][1] == pytest.approx(toy.predict(text)[0][1], abs=1e-4)
    with pytest.raises(MissingFileError):
        SubTypeClassifier.load(tmp_path / "nothing")
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / MODEL_FILE).write_text(json.dumps({"format": "other"}))
    with pytest.raises(BadRecordError):
        SubTypeClassifier.load(tmp_path / "bad")


def _event(sub, etype, conf=0.8, start=0, end=5):
    return Event(
        id="e1",
        event_type=etype,
        sub_event_type=sub,
        confidence=conf,
        evidence=[Evidence(field="event_type", document="d1", start=start, end=end, quote="x")],
    )


def test_refine_events_policy(toy):
    text = "Markets reopened. Gunmen kidnapped a trader and abducted his son near the well. Rain fell later."
    doc = Document(id="d1", text=text, published=dt.date(2020, 1, 2))
    start = text.index("kidnapped")
    e = _event("Armed clash", "Battles", start=start, end=start + 9)
    assert event_text(e, doc).startswith("Gunmen kidnapped") and "Rain" not in event_text(e, doc)
    p = toy.predict(event_text(e, doc))[0][1]
    changed = refine_events([e], doc, toy, min_prob=0.0)[0]
    assert changed.sub_event_type == "Abduction/forced disappearance"
    assert changed.event_type == "Violence against civilians" and changed.disorder_type == "Political violence"
    assert "learned classifier" in changed.reasons["sub_event_type"]
    assert refine_events([e], doc, toy, min_prob=1.01)[0].sub_event_type == "Armed clash"  # never
    weak = _event("Armed clash", "Battles", conf=0.3, start=start, end=start + 9)
    assert refine_events([weak], doc, toy, min_prob=1.01, weak_below=0.5)[0].sub_event_type == "Abduction/forced disappearance"
    assert refine_events([e], doc, toy, min_prob=min(1.0, p + 0.01))[0].sub_event_type == "Armed clash"


def test_train_command_on_dev_slice(tmp_path):
    """Train on 300 rows of the ACLED **dev** split (never committed: tmp_path), check it on the next 200 dev rows."""
    if not SHARED_ACLED.exists():
        pytest.skip(f"shared ACLED data not found at {SHARED_ACLED}")
    import itertools

    from fogofwar.evaluate.readers import acled_training_rows

    rows = list(itertools.islice(acled_training_rows(SHARED_ACLED, "dev"), 500))
    clf = SubTypeClassifier.train(rows[:300])
    out = clf.save(tmp_path / "m")
    back = SubTypeClassifier.load(out)
    acc = sum(back.predict(r["notes"])[0][0] == r["sub_event_type"] for r in rows[300:]) / 200
    assert acc > 0.5, acc

    import typer
    from typer.testing import CliRunner

    from fogofwar.evaluate.cli import train_command

    app = typer.Typer()
    app.command("train")(train_command)
    app.command("noop")(lambda: None)
    small = tmp_path / "small.csv"
    with SHARED_ACLED.open(encoding="utf-8") as src, small.open("w", encoding="utf-8") as dst:
        dst.writelines(itertools.islice(src, 301))  # header + 300 rows of 2017 (dev)
    res = CliRunner().invoke(app, ["train", "--gold", str(small), "--out", str(tmp_path / "cli-model"), "--split", "dev"])
    assert res.exit_code == 0, res.output
    assert SubTypeClassifier.load(tmp_path / "cli-model").card["training_rows"] > 250


def test_eval_with_model_reports_rules_baseline_from_same_pass(toy, tmp_path):
    from fogofwar.evaluate import run_eval

    fix = REPO / "tests" / "fixtures" / "eval" / "acled.csv"
    toy.save(tmp_path / "m")
    res = run_eval(fix, "acled", model=tmp_path / "m", progress=False)
    wm = res["without_model"]
    assert wm["primary_sub_event_type"]["n"] == res["primary_sub_event_type"]["n"] == 4
    assert res["model"]["min_prob"] == 0.6
