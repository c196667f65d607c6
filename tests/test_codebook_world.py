"""The world-wide codebook data (actors_world.yaml, demonyms.yaml) is well-formed and does not clash with the Sahel registry."""

import datetime as dt
import re
from collections import defaultdict

import pytest
import yaml

from fogofwar.codebook import SHIPPED

WORLD = SHIPPED / "actors_world.yaml"
DEMONYMS = SHIPPED / "demonyms.yaml"
SAHEL = SHIPPED / "actors.yaml"
GENERIC = SHIPPED / "generic.yaml"

KINDS = {"jihadist", "separatist", "rebel", "militia", "progovernment_militia", "identity_militia", "foreign_military"}


def _load(path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def world():
    return _load(WORLD)


@pytest.fixture(scope="module")
def demonyms():
    return _load(DEMONYMS)


def _aliases(actor):
    """Every alias string of an actor, all languages (the matcher reads every key under `aliases`)."""
    return [a for words in (actor.get("aliases") or {}).values() for a in (words or ())]


def _acronyms(actor):
    return list(actor.get("acronyms") or ()) + list(actor.get("context_acronyms") or ())


def _date(v):
    return v if v is None or isinstance(v, dt.date) else dt.date.fromisoformat(str(v))


def test_both_files_parse_and_carry_a_version(world, demonyms):
    assert world["version"] and demonyms["version"]
    assert isinstance(world["actors"], list) and world["actors"]
    assert isinstance(demonyms["countries"], list) and demonyms["countries"]


def test_every_actor_is_complete(world):
    for a in world["actors"]:
        assert isinstance(a.get("id"), str) and a["id"], a
        assert isinstance(a.get("inter"), int) and 1 <= a["inter"] <= 8, a["id"]
        assert a.get("kind") in KINDS, a["id"]
        assert a.get("names"), a["id"]
        for n in a["names"]:
            assert isinstance(n.get("name"), str) and n["name"].strip(), a["id"]
            assert n.get("inter", 1) in range(1, 9), a["id"]
            start, end = _date(n.get("from")), _date(n.get("to"))
            assert start is None or end is None or start <= end, (a["id"], n["name"])
        starts = [_date(n["from"]) for n in a["names"] if n.get("from")]
        assert starts == sorted(starts), a["id"]
        assert set(a.get("aliases") or {}) <= {"en", "fr", "units"}, a["id"]
        for s in _aliases(a) + _acronyms(a):
            assert isinstance(s, str) and s == s.strip() and s, (a["id"], s)


def test_ids_are_unique_and_do_not_collide_with_the_sahel_registry(world):
    ids = [a["id"] for a in world["actors"]]
    assert len(ids) == len(set(ids)), [i for i in ids if ids.count(i) > 1]
    sahel = {a["id"] for a in _load(SAHEL)["actors"]}
    assert not set(ids) & sahel


def test_canonical_names_are_unique_across_both_registries(world):
    seen = {}
    for a in _load(SAHEL)["actors"] + world["actors"]:
        for n in a["names"]:
            assert seen.setdefault(n["name"], a["id"]) == a["id"], (n["name"], seen[n["name"]], a["id"])


def test_no_alias_names_two_actors(world):
    """Aliases are matched case-insensitively: one lower-cased alias, one actor, across both registries.
    Canonical names count too, since the matcher reads them as aliases."""
    owner = defaultdict(set)
    for a in _load(SAHEL)["actors"] + world["actors"]:
        for s in _aliases(a) + [n["name"] for n in a["names"]]:
            owner[s.lower()].add(a["id"])
    clashes = {k: v for k, v in owner.items() if len(v) > 1}
    assert not clashes


def test_no_acronym_names_two_actors(world):
    owner = defaultdict(set)
    for a in _load(SAHEL)["actors"] + world["actors"]:
        for s in _acronyms(a):
            owner[s].add(a["id"])
    clashes = {k: v for k, v in owner.items() if len(v) > 1}
    assert not clashes


def test_aliases_are_not_generic_words(world):
    """A generic word ("rebels", "militants", "FDS") must stay generic, not become a named actor."""
    gen = _load(GENERIC)
    words = {w.lower() for g in gen["generic"] for lang in ("en", "fr") for w in g.get(lang) or ()}
    for a in world["actors"]:
        for s in _aliases(a) + _acronyms(a):
            assert s.lower() not in words, (a["id"], s)


def test_context_acronyms_belong_to_one_country(world):
    for a in world["actors"]:
        if a.get("context_acronyms"):
            assert a.get("country"), a["id"]


def test_by_country_points_at_known_actors(world):
    ids = {a["id"] for a in world["actors"]} | {a["id"] for a in _load(SAHEL)["actors"]}
    countries = {c["country"] for c in _load(DEMONYMS)["countries"]}
    holders = [a for a in world["actors"] if a.get("by_country")]
    assert [a["id"] for a in holders] == ["islamic_state"]
    for country, target in holders[0]["by_country"].items():
        assert country in countries, country
        assert target in ids, target


def test_actor_countries_are_demonym_countries(world):
    countries = {c["country"] for c in _load(DEMONYMS)["countries"]}
    for a in world["actors"]:
        assert a.get("country") is None or a["country"] in countries, (a["id"], a["country"])
    for sf in world.get("state_forces") or ():
        assert sf["country"] in countries, sf["country"]


def test_state_forces_are_dated_and_ordered(world):
    seen = set()
    for sf in world.get("state_forces") or ():
        assert sf["country"] not in seen, sf["country"]
        seen.add(sf["country"])
        prev_end = None
        for n in sf["names"]:
            assert n["name"].startswith("Military Forces of "), n["name"]
            assert re.search(r"\(\d{4}-(\d{4})?\)$", n["name"]), n["name"]
            start = _date(n["from"])
            assert prev_end is None or start > prev_end, n["name"]
            prev_end = _date(n.get("to"))


def test_every_demonym_entry_has_country_and_iso3(demonyms):
    isos, names = [], []
    for c in demonyms["countries"]:
        assert isinstance(c.get("country"), str) and c["country"], c
        assert isinstance(c.get("iso3"), str) and re.fullmatch(r"[A-Z]{3}", c["iso3"]), c
        assert set(c) <= {"country", "iso3", "en", "fr", "forces_of"}, c
        assert c.get("en") or c.get("fr"), c["country"]
        isos.append(c["iso3"])
        names.append(c["country"])
    assert len(isos) == len(set(isos))
    assert len(names) == len(set(names))
    # the 193 UN member states plus Palestine, Kosovo, Taiwan and Western Sahara
    assert len(demonyms["countries"]) == 197
    assert {"PSE", "XKX", "TWN", "ESH", "AFG", "SYR", "COD", "CAF", "MMR", "RUS", "USA", "UKR"} <= set(isos)


def test_no_demonym_names_two_countries(demonyms):
    """Shared demonyms ("Congolese", "Dominican") are listed once, under the country news most often mean."""
    for lang in ("en", "fr"):
        owner = defaultdict(set)
        for c in demonyms["countries"]:
            for w in c.get(lang) or ():
                assert isinstance(w, str) and w.strip() == w and w, (c["country"], w)
                owner[w if lang == "en" else w.lower()].add(c["country"])
        clashes = {k: v for k, v in owner.items() if len(v) > 1}
        assert not clashes, (lang, clashes)


def test_demonyms_agree_with_the_sahel_table(demonyms):
    """generic.yaml's hand-made Sahel demonyms must map to the same country here."""
    by_word = {}
    for c in demonyms["countries"]:
        for lang in ("en", "fr"):
            for w in c.get(lang) or ():
                by_word[(lang, w.lower())] = c["country"]
    gen = _load(GENERIC).get("demonyms", {})
    for lang, table in gen.items():
        for word, info in table.items():
            if (lang, word.lower()) in by_word:
                assert by_word[(lang, word.lower())] == info["country"], (lang, word)


@pytest.mark.parametrize(
    ("word", "country"),
    [("Afghan", "Afghanistan"), ("Syrian", "Syria"), ("Congolese", "Democratic Republic of Congo"), ("Nigerian", "Nigeria"),
     ("Ivorian", "Ivory Coast"), ("Burkinabè", "Burkina Faso"), ("Emirati", "United Arab Emirates"), ("Saudi", "Saudi Arabia"),
     ("Israeli", "Israel"), ("Palestinian", "Palestine"), ("Ukrainian", "Ukraine"), ("Russian", "Russia"), ("American", "United States"),
     ("U.S.", "United States"), ("US", "United States"), ("British", "United Kingdom"), ("French", "France"), ("Syria's", "Syria"),
     ("Nigeria's", "Nigeria"), ("Burmese", "Myanmar")],
)
def test_common_english_demonyms(demonyms, word, country):
    assert any(word in (c.get("en") or ()) and c["country"] == country for c in demonyms["countries"])


@pytest.mark.parametrize(
    ("word", "country"),
    [("afghanes", "Afghanistan"), ("syrienne", "Syria"), ("congolaises", "Democratic Republic of Congo"), ("israéliens", "Israel"),
     ("américaine", "United States"), ("burkinabè", "Burkina Faso"), ("nigérian", "Nigeria"), ("nigérien", "Niger"), ("ukrainiens", "Ukraine")],
)
def test_common_french_demonyms(demonyms, word, country):
    assert any(word in (c.get("fr") or ()) and c["country"] == country for c in demonyms["countries"])


def test_ambiguous_words_are_left_out(demonyms):
    en = {w for c in demonyms["countries"] for w in c.get("en") or ()}
    assert not {"Chad", "Chad's", "Jordan's", "Georgia's", "Korean"} & en


@pytest.mark.parametrize(
    ("alias", "name"),
    [("al-Shabaab", "Al Shabaab"), ("Taliban", "Taliban"), ("Houthi rebels", "Military Forces of Yemen (2017-) Houthi"),
     ("Boko Haram", "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"), ("Hamas", "Hamas Movement"), ("Hezbollah", "Hezbollah"),
     ("Syrian Democratic Forces", "QSD: Syrian Democratic Forces"), ("Arakan Army", "AA: Arakan Army"),
     ("Rapid Support Forces", "RSF: Rapid Support Forces"), ("March 23 Movement", "M23: March 23 Movement")],
)
def test_headline_groups_are_named(world, alias, name):
    hits = [a for a in world["actors"] if alias.lower() in {s.lower() for s in _aliases(a)}]
    assert len(hits) == 1, alias
    assert name in [n["name"] for n in hits[0]["names"]]


def test_dated_names_switch_with_the_regime(world):
    by_id = {a["id"]: a for a in world["actors"]}

    def name_on(actor, day):
        for n in actor["names"]:
            if (n.get("from") is None or _date(n["from"]) <= day) and (n.get("to") is None or day <= _date(n["to"])):
                return n["name"], n.get("inter", actor["inter"])
        raise AssertionError(f"no name in force on {day}")

    assert name_on(by_id["taliban"], dt.date(2020, 6, 1)) == ("Taliban", 2)
    assert name_on(by_id["taliban"], dt.date(2022, 6, 1)) == ("Military Forces of Afghanistan (2021-)", 1)
    assert name_on(by_id["houthis"], dt.date(2016, 1, 1))[0] == "Military Forces of Yemen (2015-2017) Houthi-Saleh"
    assert name_on(by_id["rsf"], dt.date(2023, 5, 1)) == ("RSF: Rapid Support Forces", 2)
    assert name_on(by_id["hts"], dt.date(2025, 3, 1)) == ("Military Forces of Syria (2024-)", 1)


def test_a_name_with_commas_is_one_alias_not_its_words():
    # "Retour, réclamation et réhabilitation" (3R) once split into "Retour" and "réclamation et réhabilitation"
    from fogofwar.actors import find_actors

    assert find_actors("Il appelle à un retour sécurisé. Return to normal.", "fr") == []
    assert [a.entry.id for a in find_actors("Les rebelles des 3R ont attaqué.", "fr")] == ["three_r"]
