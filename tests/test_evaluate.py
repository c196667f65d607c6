"""Evaluation: metrics on tiny hand-made cases, each reader on a made-up fixture, and an
end-to-end ``eval`` on a 20-row slice of each shared gold set (skipped when absent)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from types import SimpleNamespace as NS

import pytest

from fogofwar.errors import InputError, MissingFileError, UnknownFormatError
from fogofwar.evaluate import metrics as M
from fogofwar.evaluate.readers import NO_EVENT, GoldClaim, Skipped, acled_training_rows, read_gold

REPO = Path(__file__).resolve().parent.parent
FIX = REPO / "tests" / "fixtures" / "eval"
SHARED = REPO.parent / "shared" / "eval"
D = dt.date


def ev(day=None, loc=None, lat=None, lon=None, **kw):
    base = dict(event_date=day, location=loc, latitude=lat, longitude=lon, background=False, date_last=None)
    base.update(kw)
    return NS(**base)


# --- metrics ---------------------------------------------------------------------------------------


def test_norm_actor_drops_dated_qualifier_and_unit():
    assert M.norm_actor("Military Forces of Mali (2013-2020)") == M.norm_actor("Military Forces of Mali (2021-)") == "military forces of mali"
    assert M.norm_actor("Police Forces of Mali (2013-) Gendarmerie") == "police forces of mali"
    assert M.norm_actor("Civilians (Mali)") == "civilians (mali)"
    assert M.norm_actor(None) == ""


def test_norm_place_accents_and_admin_aliases():
    assert M.norm_place("Ségou") == M.norm_place("Segou")
    assert M.norm_place("Timbuktu") == M.norm_place("Tombouctou")
    assert M.norm_place("Ti-n-Essako") == "ti n essako"


def test_match_events_date_tolerance_and_place():
    gold = [ev(D(2020, 1, 10), "Boni", 15.075, -2.22)]
    assert M.match_events([ev(D(2020, 1, 11), "Boni", 15.08, -2.22)], gold) == [(0, 0)]  # +1 day, same place
    assert M.match_events([ev(D(2020, 1, 12), "Boni", 15.08, -2.22)], gold) == []  # 2 days off
    assert M.match_events([ev(D(2020, 1, 10), "Elsewhere", 15.2, -2.22)], gold) == [(0, 0)]  # ~14 km
    assert M.match_events([ev(D(2020, 1, 10), "Far", 16.0, -2.22)], gold) == []  # ~100 km
    assert M.match_events([ev(D(2020, 1, 10), "boni")], gold) == [(0, 0)]  # no coordinates: name decides
    assert M.match_events([ev(D(2020, 1, 10), "Boni", -4.0, 15.0)], gold) == []  # same name, other continent
    assert M.match_events([ev(D(2020, 1, 10))], gold, need_place=False) == [(0, 0)]


def test_match_events_one_to_one_closest_first():
    gold = [ev(D(2020, 1, 10), "A", 15.0, -2.0), ev(D(2020, 1, 11), "A", 15.0, -2.0)]
    preds = [ev(D(2020, 1, 11), "A", 15.0, -2.0)]
    assert M.match_events(preds, gold) == [(0, 1)]
    span = ev(D(2020, 1, 1), "A", 15.0, -2.0, date_last=D(2020, 1, 5))
    assert M.date_gap(ev(D(2020, 1, 3)), span) == 0
    assert M.date_gap(ev(D(2020, 1, 6)), span) == 1


def test_prf_and_classification_report():
    assert M.prf(2, 1, 1)["precision"] == pytest.approx(2 / 3)
    assert M.prf(0, 0, 0)["f1"] == 0.0
    pairs = [("A", "A"), ("A", "A"), ("A", "B"), ("B", "B")]
    rep = M.classification_report(pairs)
    assert rep["accuracy"] == 0.75
    a, b = rep["per_class"]["A"], rep["per_class"]["B"]
    assert (a["precision"], a["recall"]) == (1.0, pytest.approx(2 / 3))
    assert (b["precision"], b["recall"]) == (0.5, 1.0)
    f1a, f1b = 0.8, 2 / 3
    assert rep["macro"]["f1"] == pytest.approx((f1a + f1b) / 2)
    assert rep["weighted"]["f1"] == pytest.approx((3 * f1a + 1 * f1b) / 4)
    # restricted labels: a prediction outside them is a miss for the gold class, not a class of its own
    rep2 = M.classification_report([("A", "A"), ("A", NO_EVENT)], labels=["A", "B"])
    assert rep2["per_class"]["A"]["recall"] == 0.5 and rep2["per_class"]["A"]["precision"] == 1.0
    assert NO_EVENT not in rep2["per_class"]


def test_confusion_and_top_confusions():
    m = M.confusion([("A", "B"), ("A", "B"), ("A", "A"), ("B", "C")])
    assert m == {"A": {"B": 2, "A": 1}, "B": {"C": 1}}
    assert M.top_confusions(m)[0] == ("A", "B", 2)


def test_primary_event_uses_codebook_priority_and_skips_background():
    prio = {"Armed clash": 3, "Air/drone strike": 10, "Attack": 19}
    evs = [NS(sub_event_type="Attack", background=False), NS(sub_event_type="Air/drone strike", background=False), NS(sub_event_type="Armed clash", background=True)]
    assert M.primary_event(evs, prio).sub_event_type == "Air/drone strike"
    assert M.primary_event([NS(sub_event_type="Attack", background=True)], prio) is None


def test_actor_pair_either_order():
    g = ("Unidentified Armed Group (Mali)", "Military Forces of Mali (2013-)")
    assert M.actor_pair_match(g, ("Military Forces of Mali (2013-2020)", "Unidentified Armed Group (Mali)"))
    assert not M.actor_pair_match(g, ("Military Forces of Mali (2013-2020)", None))
    assert M.actor_overlap(g, ("Military Forces of Mali (2013-2020)", None))
    assert M.actor_pair_match(("Protesters (Mali)", None), (None, "Protesters (Mali)"))


def test_interaction_code():
    assert M.interaction_code(3, 1) == 13
    assert M.interaction_code(6, None) == 60
    assert M.interaction_code(None, None) is None


def test_ucdp_type_table():
    assert M.ucdp_type(NS(event_type="Battles", inter1=1, inter2=3)) == 1
    assert M.ucdp_type(NS(event_type="Battles", inter1=2, inter2=4)) == 2
    assert M.ucdp_type(NS(event_type="Violence against civilians", inter1=1, inter2=7)) == 3
    assert M.ucdp_type(NS(event_type="Explosions/Remote violence", inter1=2, inter2=7)) == 3
    assert M.ucdp_type(NS(event_type="Explosions/Remote violence", inter1=1, inter2=2)) == 1
    assert M.ucdp_type(NS(event_type="Explosions/Remote violence", inter1=2, inter2=3)) == 2
    assert M.ucdp_type(NS(event_type="Protests", inter1=6, inter2=None)) is None


def test_norm_side_meets_acled_names():
    assert M.norm_side("Government of Mali") == M.norm_side("Military Forces of Mali (2013-2020)") == M.norm_side("Police Forces of Mali (2021-) Gendarmerie")
    assert M.norm_side("Civilians") == M.norm_side("Civilians (Mali)") == "civilians"
    assert M.norm_side("IS") == M.norm_side("Islamic State (Mali)") == "islamic state"
    assert M.norm_side("Taleban") == M.norm_side("Taliban") == "taliban"
    assert M.norm_side("JNIM: Group for Support of Islam and Muslims") == M.norm_side("JNIM") == "jnim"


def test_distance_and_fatality_summaries():
    d = M.distance_summary([0.5, 3.0, 40.0, None])
    assert d["n"] == 3 and d["median_km"] == 3.0 and d["share_within_km"] == pytest.approx(2 / 3)
    assert M.distance_summary([None])["median_km"] is None
    f = M.fatality_summary([(2, 2, 2, 2), (5, 3, 3, 6), (4, None, None, None), (None, 1, 1, 1)])
    assert f["n"] == 3
    assert f["exact"] == pytest.approx(1 / 3)
    assert f["in_range"] == pytest.approx(2 / 3)
    assert f["mae"] == pytest.approx((0 + 2 + 4) / 3)


def test_claim_recall_levels():
    gold = [GoldClaim("Military Forces of Mali (2021-)", "Military Forces of Mali (2021-)", "killed", 3, 3), GoldClaim("local sources", "Civilians (Mali)", "killed", 2, 2)]
    preds = [
        NS(claimant="Military Forces of Mali (2013-2020)", claimant_kind="actor", victims="Military Forces of Mali (2021-)", outcome="killed", low=3, high=3),
        NS(claimant="outlet", claimant_kind="outlet", victims=None, outcome="killed", low=2, high=2),
    ]
    r = M.claim_recall(gold, preds)
    assert r == {"n": 2, "number": 2, "number_claimant": 1, "full": 1}


def test_claim_victims_compare_as_sets():
    gold = GoldClaim("local officials", "Military Forces of Mali (2021-); Wagner Group", "killed", 7, 7)
    same = NS(claimant="local officials", claimant_kind="sources", victims="Wagner Group; Military Forces of Mali (2013-2020)", outcome="killed", low=7, high=7)
    fewer = NS(claimant="local officials", claimant_kind="sources", victims="Military Forces of Mali (2021-)", outcome="killed", low=7, high=7)
    assert M.claim_levels(gold, same) == (True, True, True)
    assert M.claim_levels(gold, fewer) == (True, True, False)


# --- readers on made-up fixtures ---------------------------------------------------------------------


def test_read_acled_fixture_and_splits():
    items = list(read_gold(FIX / "acled.csv", "acled"))
    assert len(items) == 4
    first = items[0]
    assert first.document.published == D(2018, 3, 4)  # the day after the event
    g = first.events[0]
    assert g.event_date == D(2018, 3, 3) and g.sub_event_type == "Armed clash" and g.interaction == 13
    assert (g.actor1, g.actor2) == ("Unidentified Armed Group (Mali)", "Military Forces of Mali (2013-)")  # exact pair wins over monadic
    assert items[1].events[0].actor2 == "Civilians (Mali)"  # monadic pair "A | B"
    assert items[2].events[0].actor2 is None and items[2].events[0].inter1 == 6
    assert [i.row_id for i in read_gold(FIX / "acled.csv", "acled", "dev")] == ["TST1", "TST2"]
    assert [i.row_id for i in read_gold(FIX / "acled.csv", "acled", "test")] == ["TST3", "TST4"]
    rows = list(acled_training_rows(FIX / "acled.csv", "dev"))
    assert [r["sub_event_type"] for r in rows] == ["Armed clash", "Abduction/forced disappearance"]


def test_read_case_fixture():
    items = list(read_gold(FIX / "case.tsv", "case2021"))
    assert [i.events[0].sub_event_type for i in items] == ["Air/drone strike", "Peaceful protest", NO_EVENT, "Abduction/forced disappearance"]
    assert items[0].events[0].event_type == "Explosions/Remote violence"
    assert all(i.mode == "primary" and i.document.published is None for i in items)


def test_read_ucdp_fixture_skips_empty_headlines():
    sk = Skipped()
    items = list(read_gold(FIX / "ucdp.csv", "ucdp", skipped=sk))
    assert [i.row_id for i in items] == ["101", "102"]
    assert sk.why == {"no headline": 1}
    g = items[1].events[0]
    assert (g.type_of_violence, g.side_a, g.side_b, g.location) == (3, "IS", "Civilians", "Tillia")
    assert (g.event_date, g.date_last) == (D(2019, 5, 2), D(2019, 5, 3))
    assert items[1].document.text.count("\n") == 1  # two headlines, one per line


def test_read_fogofwar_fixture():
    items = list(read_gold(FIX / "fogofwar" / "gold", "fogofwar"))
    assert len(items) == 1
    it = items[0]
    assert it.document.id == "test-ambush-2022-05-10" and it.document.published == D(2022, 5, 10)
    assert it.events[0].location == "Boni" and len(it.claims) == 2


def test_reader_errors_are_input_errors():
    with pytest.raises(UnknownFormatError):
        read_gold(FIX / "acled.csv", "gdelt")
    with pytest.raises(MissingFileError):
        read_gold(FIX / "nope.csv", "acled")
    with pytest.raises(InputError):
        read_gold(FIX / "acled.csv", "acled", "train")
    with pytest.raises(InputError):
        read_gold(FIX / "case.tsv", "case2021", "dev")
    with pytest.raises(InputError):
        list(read_gold(FIX / "case.tsv", "acled"))  # wrong columns


def test_eval_command_on_fixture_writes_report(tmp_path):
    import typer
    from typer.testing import CliRunner

    from fogofwar.evaluate.cli import eval_command

    app = typer.Typer()
    app.command("eval")(eval_command)
    app.command("noop")(lambda: None)
    out = tmp_path / "rep"
    res = CliRunner().invoke(app, ["eval", "--gold", str(FIX / "fogofwar" / "gold"), "--format", "fogofwar", "--report", str(out)])
    assert res.exit_code == 0, res.output
    assert "claims" in res.output
    data = json.loads((tmp_path / "rep.json").read_text())
    assert data["claims"]["n"] == 2 and data["items"] == 1
    assert (tmp_path / "rep.md").read_text().startswith("# fogofwar eval")
    bad = CliRunner().invoke(app, ["eval", "--gold", str(FIX / "acled.csv"), "--format", "nope"])
    assert isinstance(bad.exception, UnknownFormatError)


# --- end to end on 20 rows of each shared gold set -----------------------------------------------------

SHARED_SETS = [
    ("acled", SHARED / "acled-mali" / "events.csv", "dev"),
    ("acled", SHARED / "acled-mali" / "events.csv", "test"),
    ("case2021", SHARED / "case2021-task2" / "test.tsv", None),
    ("ucdp", SHARED / "ucdp-ged" / "ged-sample.csv", None),
]


@pytest.mark.parametrize("fmt,path,split", SHARED_SETS, ids=[f"{f}-{s or 'test'}" for f, _, s in SHARED_SETS])
def test_eval_end_to_end_on_shared_slice(fmt, path, split, tmp_path):
    if not path.exists():
        pytest.skip(f"shared evaluation data not found at {path} (expected ../shared/eval next to the repo)")
    from fogofwar.evaluate import run_eval
    from fogofwar.evaluate.report import markdown, write_report

    res = run_eval(path, fmt, split=split, limit=20, progress=False)
    assert res["items"] == 20
    det = res["detection"]
    assert det["tp"] + det["fn"] > 0
    assert 0.0 <= det["precision"] <= 1.0 and 0.0 <= det["recall"] <= 1.0
    if fmt == "case2021":
        assert res["case_acled25"]["reference_weighted_f1"] == 0.839
    if fmt == "ucdp":
        assert res["ucdp"]["n"] == 20
    jp, mp = write_report(res, tmp_path / "r", fmt)
    assert json.loads(jp.read_text())["format"] == fmt
    assert "| section | measure | value |" in markdown(res)


def test_norm_place_drops_admin_kind():
    assert M.norm_place("Idlib governorate") == M.norm_place("Idlib") == "idlib"
    assert M.norm_place("Mopti region") == "mopti"
