import datetime as dt

from fogofwar.dates import find_dates, resolve_dates
from fogofwar.ingest import make_document
from fogofwar.nlp import parse


def _dates(text, published="2024-07-30", lang="en"):
    doc = make_document(text, name="t", published=published, lang=lang)
    parsed = parse(doc)
    return parsed, resolve_dates(parsed)


def test_narrative_anchor_moves_with_the_story():
    _, sd = _dates("Fighting started on 25 July near the town. The next day, the rebels attacked again. In the following hours, soldiers surrendered.")
    assert [s.date for s in sd] == [dt.date(2024, 7, 25), dt.date(2024, 7, 26), dt.date(2024, 7, 26)]


def test_weekday_counts_back_from_publication():
    # 30 July 2024 is a Tuesday: "on Saturday" is 27 July, "last Monday" is 29 July
    _, sd = _dates("Gunmen attacked the village on Saturday. The army responded last Monday.")
    assert sd[0].date == dt.date(2024, 7, 27)
    assert sd[1].date == dt.date(2024, 7, 29)


def test_statement_date_is_not_the_event_date():
    _, sd = _dates("The group said in a statement published on Monday that it lost fighters.")
    assert sd[0].date is None


def test_year_is_inferred_backwards_from_publication():
    ms = find_dates("The attack of 28 December killed three.", 0, 40, "en", dt.date(2025, 1, 3), None)
    assert ms[0].date == dt.date(2024, 12, 28)


def test_month_and_year_give_month_precision():
    ms = find_dates("the capture of the city in November 2023", 0, 41, "en", dt.date(2024, 7, 30), None)
    assert (ms[0].date, ms[0].precision) == (dt.date(2023, 11, 1), 3)


def test_until_closes_a_span():
    _, sd = _dates("On 25 July the column was attacked. The next day it was ambushed, holding out until 27 July.")
    assert sd[1].date == dt.date(2024, 7, 26)
    assert sd[1].until is not None and sd[1].until.date == dt.date(2024, 7, 27)


def test_habitual_sentences_are_flagged():
    _, sd = _dates("The group frequently attacks convoys on this road.")
    assert sd[0].habitual


def test_french_relative_dates():
    _, sd = _dates("Les combats ont éclaté le 25 juillet. Le lendemain, les rebelles ont repris l'offensive.", lang="fr")
    assert sd[0].date == dt.date(2024, 7, 25)
    assert sd[1].date == dt.date(2024, 7, 26)


def test_month_without_day_after_a_cue_and_never_bare():
    pub = dt.date(2024, 8, 26)
    late = find_dates("the battle there in late July", 0, 30, "en", pub, None)
    assert [(m.date, m.precision) for m in late] == [(dt.date(2024, 7, 25), 3)]
    fin = find_dates("une bataille fin juillet", 0, 24, "fr", pub, None)
    assert [(m.date, m.precision) for m in fin] == [(dt.date(2024, 7, 25), 3)]
    assert find_dates("they may march on the town", 0, 26, "en", pub, None) == []
    # the report's own month says no more than the report's date
    assert find_dates("earlier in August", 0, 17, "en", pub, None) == []


def test_a_night_between_two_days_is_the_first_day():
    text = "132 villagers were killed in the night of 4 to 5 June 2021"
    ms = find_dates(text, 0, len(text), "en", dt.date(2024, 8, 26), None)
    assert [(m.date, m.role) for m in ms] == [(dt.date(2021, 6, 4), "point")]
    text = "dans la nuit du 4 au 5 juin 2021"
    ms = find_dates(text, 0, len(text), "fr", dt.date(2024, 8, 26), None)
    assert [(m.date, m.role) for m in ms] == [(dt.date(2021, 6, 4), "point")]


def test_two_days_joined_by_and_are_not_a_span():
    text = "operations on January 4 and 9 near Serma, and fighting from July 25 to 27"
    ms = find_dates(text, 0, len(text), "en", dt.date(2024, 8, 26), None)
    got = [(m.date, m.role) for m in ms]
    assert (dt.date(2024, 1, 4), "point") in got and (dt.date(2024, 1, 9), "point") in got
    assert (dt.date(2024, 7, 25), "point") in got and (dt.date(2024, 7, 27), "until") in got


def test_a_statement_date_anchors_the_previous_day():
    # published Tuesday 19 March 2024: the accusation is Monday's, the strike the day before it
    _, sd = _dates("The rebels accused the army on Monday of killing 13 civilians in a drone strike the previous day near Gao.", published="2024-03-19")
    assert dt.date(2024, 3, 17) in [m.date for m in sd[0].mentions]


def test_a_night_between_two_weekdays_is_the_first():
    text = "douze civils ont été tués dans la nuit de jeudi à vendredi près de Kombori"
    ms = find_dates(text, 0, len(text), "fr", dt.date(2020, 2, 2), None)
    assert [m.date for m in ms] == [dt.date(2020, 1, 30)]


def test_of_two_statement_dates_the_later_dates_the_attack():
    from fogofwar.ingest import make_document
    from fogofwar.pipeline import extract

    text = ("Le JNIM revendique l'attaque de Boulkessi\n\nDans un communiqué publié ce lundi, le JNIM a revendiqué l'attaque "
            "contre le camp militaire de Boulkessi le 30 septembre dernier.")
    evs = extract([make_document(text, name="t", published="2019-10-08", lang="fr")]).events
    assert {e.event_date for e in evs} == {dt.date(2019, 9, 30)}


def test_french_dates_as_written():
    from fogofwar.ingest import make_document
    from fogofwar.pipeline import extract

    cases = {"le 3 courant": dt.date(2024, 5, 3), "le 05/05/2024": dt.date(2024, 5, 5), "le week-end dernier": dt.date(2024, 5, 4),
             "en milieu de semaine dernière": dt.date(2024, 5, 1)}
    for when, day in cases.items():
        text = f"Attaque à Boni\n\nDes hommes armés ont attaqué le village de Boni {when}."
        evs = extract([make_document(text, name="t", published="2024-05-08", lang="fr")]).events
        assert [e.event_date for e in evs] == [day], when


def test_the_weekend_just_past_as_written():
    """Monday's paper: "le weekend dernier", "le week-end", "over the weekend" are the Saturday before, at precision 2;
    Friday's "ce week-end" is still to come and dates nothing."""
    from fogofwar.ingest import make_document
    from fogofwar.pipeline import extract

    for lang, act, when in [("fr", "Des hommes armés ont attaqué le village de Boni", "le weekend dernier"),
                            ("fr", "Des hommes armés ont attaqué le village de Boni", "le week-end"),
                            ("en", "Gunmen attacked the village of Boni", "over the weekend")]:
        text = f"Boni\n\n{act} {when}."
        evs = extract([make_document(text, name="t", published="2024-05-06", lang=lang)]).events
        assert [(e.event_date, e.time_precision) for e in evs] == [(dt.date(2024, 5, 4), 2)], when
    text = "Boni\n\nDes hommes armés ont attaqué le village de Boni ce week-end."
    evs = extract([make_document(text, name="t", published="2024-05-10", lang="fr")]).events
    assert [e.event_date for e in evs] != [dt.date(2024, 5, 4)]


def test_a_date_right_after_the_act_is_the_act_s_even_in_a_reported_clause():
    from fogofwar.ingest import make_document
    from fogofwar.pipeline import extract

    text = ("Explosion près de Niono\n\nAu moins onze personnes ont péri le 8 courant lorsque le minibus qui les transportait a sauté "
            "sur un engin explosif improvisé près de Niono, ont indiqué à l'AFP des sources locales.")
    evs = extract([make_document(text, name="t", published="2024-06-10", lang="fr")]).events
    assert [e.event_date for e in evs] == [dt.date(2024, 6, 8)]


def test_a_meeting_date_dates_the_protest_not_a_statement():
    from fogofwar.ingest import make_document
    from fogofwar.pipeline import extract_document

    text = ("Des centaines de personnes s'étaient donné rendez-vous à Bamako pour exiger, ce mercredi 20 janvier, le départ des forces "
            "françaises. Mais la manifestation a été dispersée par des tirs de gaz lacrymogènes.")
    evs = extract_document(make_document(text, name="t", published="2021-01-21", lang="fr"))
    assert [e.event_date for e in evs] == [dt.date(2021, 1, 20)]


def test_a_morning_count_in_a_quotation_is_not_the_day_of_the_killing():
    from fogofwar.ingest import make_document
    from fogofwar.pipeline import extract

    text = ("Civils tués près de Bankass\n\nL'attaque a eu lieu jeudi soir dans un village du cercle de Bankass, a indiqué le maire. "
            "« Ce matin, nous avons dénombré 19 morts », a-t-il ajouté. « Des hommes armés ont tiré sur des gens et brûlé le village », a déclaré un autre élu.")
    events = extract([make_document(text, name="t", published="2023-02-24", lang="fr")]).events
    assert {e.event_date for e in events if not e.background} == {dt.date(2023, 2, 23)}


def test_a_verb_and_noun_that_report_date_the_report():
    # "rendre compte" is a reporting verb only with its noun: the Sunday is the army's account, the attack Saturday night's
    text = ("Dans la nuit de samedi à dimanche, le poste des FAMa de Dioura a fait l'objet d'une attaque menée par des terroristes. "
            "C'est en ces termes que l'armée a rendu compte, ce dimanche 10 mars, de l'attaque de Dioura.")
    _, sd = _dates(text, published="2024-03-10", lang="fr")
    assert sd[0].date == dt.date(2024, 3, 9)
    assert sd[1].mentions and {m.role for m in sd[1].mentions} == {"report"}
