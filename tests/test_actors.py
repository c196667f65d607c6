import datetime as dt

from fogofwar.actors import find_actors, name_actor


def _names(text, lang="en", day=dt.date(2024, 7, 26), country="Mali"):
    return [name_actor(m, day, country).name for m in find_actors(text, lang)]


def test_aliases_and_acronyms_resolve_to_acled_names():
    names = _names("FAMa soldiers and Wagner mercenaries fought the CSP-DPA and JNIM.")
    assert names == ["Military Forces of Mali (2021-)", "Wagner Group", "CSP-DPA: Permanent Strategic Framework for the Defense of the People of Azawad",
                     "JNIM: Group for Support of Islam and Muslims"]


def test_dated_names_follow_the_event_date():
    m = find_actors("The Malian army said", "en")[0]
    assert name_actor(m, dt.date(2019, 5, 1), "Mali").name == "Military Forces of Mali (2013-2020)"
    assert name_actor(m, dt.date(2024, 5, 1), "Mali").name == "Military Forces of Mali (2021-)"


def test_generic_words_take_the_nearest_named_actor_of_their_kind():
    names = _names("JNIM claimed the attack. The jihadists then withdrew.")
    assert names[1] == "JNIM: Group for Support of Islam and Muslims"


def test_generic_words_fall_back_to_acled_templates_with_the_country():
    names = _names("Unidentified gunmen killed three villagers.", country="Burkina Faso")
    assert names == ["Unidentified Armed Group (Burkina Faso)", "Civilians (Burkina Faso)"]


def test_army_words_mean_the_report_s_army_not_the_last_one_named():
    names = _names("The Malian army advanced. The Algerian army closed the border. The convoy was attacked.")
    assert names[-1] == "Military Forces of Mali (2021-)"


def test_compound_demonyms_give_both_forces():
    names = set(_names("A Russian-Malian convoy left the base after Wagner arrived."))
    assert {"Military Forces of Mali (2021-)", "Wagner Group"} <= names


def test_french_aliases():
    names = _names("Les Forces armées maliennes ont riposté contre les terroristes de l'EIGS.", lang="fr", day=dt.date(2023, 1, 1))
    assert names[0] == "Military Forces of Mali (2021-)"
    assert "Islamic State (Sahel)" in names


def test_unnamed_russian_forces_are_the_contractor_in_place():
    m = find_actors("Des soldats russes patrouillaient.", "fr")[0]
    assert name_actor(m, dt.date(2023, 3, 1), "Mali").name == "Wagner Group"
    assert name_actor(m, dt.date(2025, 9, 1), "Mali").name == "Africa Corps"  # after Wagner's announced departure
    assert name_actor(m, dt.date(2024, 9, 1), "Burkina Faso").name == "Africa Corps"
    assert name_actor(m, dt.date(2023, 3, 1), "Ukraine").name == "Military Forces of Russia (2000-)"


def test_coordinated_demonyms_give_both_forces():
    assert set(_names("Les militaires russes et maliens ont riposté.", lang="fr", day=dt.date(2024, 3, 1))) == {
        "Wagner Group", "Military Forces of Mali (2021-)"}
    assert set(_names("French and Malian forces counter-attacked.", day=dt.date(2019, 7, 17))) == {
        "Military Forces of France", "Military Forces of Mali (2013-2020)"}


def test_a_capital_without_its_accent_still_names_the_actor():
    assert _names("selon l'Etat-major général des armées", lang="fr")[0] == "Military Forces of Mali (2021-)"
    assert _names("les combattants de l'Etat islamique au Sahel", lang="fr")[0] == "Islamic State (Sahel)"


def test_a_generic_word_in_apposition_after_a_name_is_that_actor():
    # "the VDP, a civilian militia that fights alongside the army": no communal militia of its own
    from fogofwar.actors import find_actors

    text = "Troops backed by the Volunteers for the Defence of the Homeland (VDP), a civilian militia that fights alongside the army, attacked."
    militia = [a for a in find_actors(text, "en") if a.text == "militia"]
    assert militia and all(a.entry is not None and a.entry.id == "vdp" for a in militia)


def test_a_soldier_named_by_demonym_is_his_country_s_dated_forces():
    from fogofwar.ingest import make_document
    from fogofwar.pipeline import extract

    text = ("I-n-Deliman\n\nOn November 16 2019, French forces conducted an air-ground operation targeting an ISGS camp south of "
            "I-n-Deliman; five militants were killed and arms seized by the French forces, a French soldier was severely wounded.")
    (e,) = extract([make_document(text, name="t", published="2019-11-20", lang="en")]).events
    assert (e.actor1, e.assoc_actor_1) == ("Military Forces of France (2017-)", [])


def test_french_names_of_the_azawad_front_and_the_rapid_intervention_battalions():
    from fogofwar.ingest import make_document
    from fogofwar.nlp import parse
    from fogofwar.events.analysis import analyse

    for name, key in [("le Front de libération de l'Azawad (FLA)", "csp"), ("le BIR", "bfa.military"), ("les forces spéciales", None)]:
        text = f"Attaque\n\nMardi, {name} a attaqué une position près de Boni."
        keys = [a.key for a in analyse(parse(make_document(text, name="t", published="2025-03-20", lang="fr"))).actors]
        assert keys and (keys[0] == key if key else keys[0].startswith("generic:Military Forces")), name
