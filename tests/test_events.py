import datetime as dt

from fogofwar.ingest import make_document
from fogofwar.pipeline import extract

BATTLE = (
    "Fighting broke out on 3 March near Boni between the Malian army and JNIM fighters. "
    "The next day, the jihadists ambushed a supply column near Boni, holding out until 5 March. "
    "The army said it lost four soldiers over the three days, while JNIM claimed 30 soldiers killed."
)


def _extract(*texts, published="2024-03-08", per_document=False, outlets=None):
    docs = [make_document(t, name=f"t{i}", published=published, outlet=(outlets or [None] * len(texts))[i]) for i, t in enumerate(texts)]
    return extract(docs, per_document=per_document)


def test_one_event_per_day_and_claims_shared_by_the_episode():
    r = _extract(BATTLE)
    battles = [e for e in r.events if e.event_type == "Battles"]
    assert [e.event_date for e in battles] == [dt.date(2024, 3, 3), dt.date(2024, 3, 4), dt.date(2024, 3, 5)]
    assert all(e.location == "Boni" and e.geo_precision == 2 for e in battles)
    assert {e.episode.id for e in battles if e.episode} and len({e.episode.id for e in battles}) == 1
    # four killed over three days (the army's lowest figure): 2 on the first day, 1 on each other day
    assert [e.fatalities for e in battles] == [2, 1, 1]
    assert all(len(e.claims) == 2 and e.disputed for e in battles)
    assert all((e.fatalities_low, e.fatalities_high) == (4, 30) for e in battles)


def test_background_event_keeps_its_own_date():
    r = _extract("Gunmen attacked the gendarmerie in Gossi on Sunday. The town had already been attacked in March 2019 by the same group.",
                 published="2024-03-12")
    live = [e for e in r.events if not e.background]
    past = [e for e in r.events if e.background]
    assert live and all(e.event_date == dt.date(2024, 3, 10) for e in live)
    assert past and past[0].event_date == dt.date(2019, 3, 1) and past[0].time_precision == 3


def test_undated_event_sentence_joins_the_dated_event():
    r = _extract("JNIM fighters attacked the army camp in Boulkessi on Saturday. The attack on Boulkessi was one of the deadliest this year.",
                 published="2024-03-12")
    assert len([e for e in r.events if e.event_type == "Battles"]) == 1


def test_reports_of_the_same_event_merge_with_all_sources_and_claims():
    a = "Suspected jihadists killed nine civilians in Bankass on Tuesday, local sources said."
    b = "Des hommes armés ont tué 12 civils mardi à Bankass, selon un élu local."
    r = _extract(a, b, published="2024-03-14", outlets=["Wire A", "Journal B"])
    attacks = [e for e in r.events if e.sub_event_type == "Attack"]
    assert len(attacks) == 1, [(e.event_date, e.location, e.actor1) for e in r.events]
    e = attacks[0]
    assert len(e.documents) == 2 and {c.low for c in e.claims} >= {9, 12}
    assert e.fatalities == 9 and e.fatalities_high == 12 and e.disputed
    r2 = _extract(a, b, published="2024-03-14", per_document=True)
    assert len([e for e in r2.events if e.sub_event_type == "Attack"]) == 2


def test_every_event_field_has_its_evidence_span():
    r = _extract(BATTLE)
    text = r.documents[0].text
    for e in r.events:
        for ev in e.evidence:
            assert text[ev.start : ev.end] == ev.quote
        fields = {ev.field for ev in e.evidence}
        assert {"event_type", "event_date", "location"} <= fields
        for actor in ("actor1", "actor2"):
            if getattr(e, actor):
                assert actor in fields or actor in e.reasons, (actor, e.reasons)


def test_report_without_publication_date_still_codes_its_event_and_figures():
    doc = make_document("Warplanes struck a village in the north, killing six civilians.", name="nodate", lang="en")
    r = extract([doc])
    assert r.events and r.events[0].event_date is None and r.events[0].fatalities == 6


def test_place_names_unknown_to_the_gazetteer_are_reported():
    r = _extract("Gunmen attacked the village of Zorbatunga near Douentza on Sunday, killing three herders.", published="2024-03-12")
    assert r.events and "Zorbatunga" in r.events[0].reasons.get("unresolved_places", "")


def _events(text, published, lang="en"):
    return extract([make_document(text, name="t", published=published, lang=lang)]).events


def test_an_accuser_is_not_a_party_and_an_unnamed_drone_strike_is_the_states():
    text = ("The rebel alliance CSP-DPA accused Mali's army on Monday of killing 13 civilians in a drone strike "
            "the previous day in the Gao region. In a statement, the army said it had carried out precision strikes "
            "against terrorist targets in the area.")
    (e,) = [e for e in _events(text, "2024-03-19") if not e.background]
    assert e.sub_event_type == "Air/drone strike" and e.event_date == dt.date(2024, 3, 17)
    assert (e.actor1, e.actor2) == ("Military Forces of Mali (2021-)", "Civilians (Mali)")


def test_a_unit_that_falls_into_an_ambush_is_the_target():
    text = "Une unité de l'armée nigérienne est tombée mardi dans une embuscade près de Tillabéri. Les combats ont duré plusieurs heures."
    (e,) = _events(text, "2024-06-27", lang="fr")
    assert e.actor2 == "Military Forces of Niger (2023-)" and e.actor1 == "Unidentified Armed Group (Niger)"


def test_a_claim_of_responsibility_names_the_gunmen():
    text = ("Gunmen opened fire on Saturday on residents digging a trench in Barsalogho, killing at least 150 people. "
            "JNIM, the al-Qaeda affiliate, claimed responsibility for the attack on Sunday.")
    (e,) = _events(text, "2024-08-26")
    assert e.sub_event_type == "Attack" and e.event_date == dt.date(2024, 8, 24)
    assert (e.actor1, e.actor2) == ("JNIM: Group for Support of Islam and Muslims", "Civilians (Burkina Faso)")
    assert e.assoc_actor_1 == []  # al-Qaeda describes JNIM; it took no part


def test_a_capital_named_as_a_party_is_not_the_place():
    text = ("Des hommes armés ont attaqué lundi le village de Ouatagouna, dans la région de Gao. "
            "Depuis la reprise des hostilités entre les rebelles et Bamako, la zone est instable.")
    events = _events(text, "2024-03-19", lang="fr")
    assert events and all(e.location != "Bamako" for e in events)


def test_a_raid_that_hurt_nobody_is_looting_and_a_bare_islamic_state_is_the_local_branch():
    text = ("Des combattants de l'État islamique au Sahel ont fait irruption mercredi à la foire de Ménaka, pillant les boutiques. "
            "Personne n'a été blessé, a indiqué un élu local. L'État islamique a renforcé son emprise sur la région depuis 2022, "
            "attaquant les villages qui soutiennent ses rivaux.")
    (e,) = _events(text, "2024-01-19", lang="fr")
    assert e.sub_event_type == "Looting/property destruction" and e.event_date == dt.date(2024, 1, 17)
    assert e.actor1 == "Islamic State (Sahel)"


def test_without_an_exchange_of_fire_there_is_no_clash():
    text = "La gendarmerie a interpellé mardi trois suspects à Sévaré. L'opération s'est déroulée sans échange de tirs."
    (e,) = _events(text, "2023-03-16", lang="fr")
    assert e.sub_event_type == "Arrests"


def test_a_frame_names_both_sides_and_a_group_s_own_soldiers_are_its_fighters():
    evs = _events(
        "Ménaka : l'EIGS et le JNIM s'affrontent\n\n"
        "De violents combats ont opposé samedi les jihadistes de l'État islamique au Sahel à ceux du Groupe de soutien à l'islam "
        "et aux musulmans (JNIM) près d'Andéramboukane, selon des sources locales. "
        "L'État islamique affirme que ses « soldats » ont tué 25 membres du JNIM.", "2024-03-11", lang="fr")
    pairs = {frozenset((e.actor1, e.actor2)) for e in evs if not e.background}
    assert pairs == {frozenset(("Islamic State (Sahel)", "JNIM: Group for Support of Islam and Muslims"))}


def test_an_army_that_took_no_part_is_no_side():
    evs = _events(
        "Ménaka : combats entre jihadistes\n\n"
        "Des combats ont opposé samedi des combattants du JNIM à ceux de l'EIGS près d'Andéramboukane. "
        "Les forces armées maliennes n'ont pas pris part aux combats, selon des sources locales.", "2024-03-11", lang="fr")
    assert all("Military" not in (e.actor1 or "") + (e.actor2 or "") for e in evs)


def test_the_small_hours_of_a_night_are_the_second_day():
    evs = _events(
        "Attaque à Téra\n\n"
        "Des hommes armés ont enlevé six personnes dans la nuit de dimanche à lundi, vers 3 heures du matin, à Téra, selon des sources locales.",
        "2024-02-21", lang="fr")
    assert {e.event_date for e in evs} == {dt.date(2024, 2, 19)}


def test_a_past_perfect_days_before_the_report_is_background():
    evs = _events(
        "Attaque près de Bandiagara\n\n"
        "Des hommes armés ont tué vendredi quatre civils près de Bandiagara, selon une source sécuritaire.\n\n"
        "La semaine dernière, 18 civils avaient été tués dans une embuscade près de Bandiagara.", "2019-05-11", lang="fr")
    live = [e for e in evs if not e.background]
    assert {e.event_date for e in live} == {dt.date(2019, 5, 10)}
    assert all(e.fatalities != 18 for e in live)
    assert any(e.background and e.fatalities == 18 for e in evs)


def test_a_protest_dispersed_with_tear_gas_is_one_event_with_the_police():
    evs = _events(
        "Traders protest in Koudougou\n\n"
        "OUAGADOUGOU, Feb 11 - Hundreds of traders protested on Monday in Koudougou against the demolition of their stalls, witnesses said.\n\n"
        "Police moved in at around 10 a.m. and fired tear gas into the crowd. A police source said 12 people had been arrested.",
        "2025-02-11")
    (e,) = evs
    assert (e.event_date, e.sub_event_type) == (dt.date(2025, 2, 10), "Protest with intervention")
    assert e.actor2 == "Police Forces of Burkina Faso (2022-)" and e.location == "Koudougou"


def test_the_group_the_sources_blame_stands_for_the_unnamed_attackers():
    evs = _events(
        "Tillia attack\n\nGunmen killed 14 villagers on Saturday near Tillia, in Niger's Tahoua region, local officials said. "
        "No group has claimed responsibility, but residents blamed the Islamic State Sahel Province.\n\n"
        "In March 2021, more than 140 people were killed near Tillia in an attack blamed on Dozo hunters.", "2024-04-15")
    live = [e for e in evs if not e.background]
    assert {(e.actor1, e.actor2) for e in live} == {("Islamic State (Sahel)", "Civilians (Niger)")}
    evs = _events(
        "Attaque près de Macina\n\nDes hommes armés ont tué mardi neuf bergers peuls près de Macina. Les assaillants, des chasseurs "
        "traditionnels dozos d'après plusieurs témoins, sont repartis avec le bétail.", "2024-02-16", lang="fr")
    assert {e.actor1 for e in evs if not e.background} == {"Dozo Communal Militia (Mali)"}


def test_two_armed_groups_named_together_fight_each_other():
    evs = _events(
        "Islamic State and al Qaeda affiliates battle near Ansongo\n\n"
        "BAMAKO, May 15 - Fighters from Islamic State's Sahel Province and al Qaeda-linked JNIM clashed on Friday near Ansongo "
        "in Mali's Gao region. Residents of villages along the Niger River said they heard heavy gunfire. JNIM said it repelled "
        "the attackers.", "2023-05-15")
    live = [e for e in evs if not e.background]
    assert {frozenset((e.actor1, e.actor2)) for e in live} == {frozenset(("Islamic State (Sahel)", "JNIM: Group for Support of Islam and Muslims"))}
    assert {e.location for e in live} == {"Ansongo"}


def test_people_hurt_at_a_protest_are_the_protesters():
    evs = _events(
        "Manifestation à Koudougou\n\nDes commerçants ont manifesté lundi à Koudougou avant d'être dispersés au gaz lacrymogène par la police. "
        "Sept personnes ont été blessées, selon des témoins.", "2025-02-11", lang="fr")
    (e,) = evs
    assert {(c.victims, c.outcome, c.low) for c in e.claims} == {("Protesters (Burkina Faso)", "wounded", 7)}


def test_allies_named_together_in_a_headline_are_one_side():
    text = ("Mali : des FAMa et des instructeurs russes pris en embuscade près de Ménaka\n\n"
            "Des soldats maliens et leurs alliés russes sont tombés mardi dans une embuscade près de Ménaka, selon des sources sécuritaires.")
    (e,) = _events(text, "2024-03-14", lang="fr")
    assert {e.actor1, e.actor2} == {"Unidentified Armed Group (Mali)", "Military Forces of Mali (2021-)"}
    assert "Wagner Group" in e.assoc_actor_1 + e.assoc_actor_2 and "Wagner Group" not in (e.actor1, e.actor2)


def test_a_colon_ends_a_negated_clause():
    text = "Le site n'était pas épargné par les violences : le 3 décembre 2023, une frappe de drone de l'armée malienne avait fait six morts à Intahaka."
    assert any(e.sub_event_type == "Air/drone strike" and e.event_date == dt.date(2023, 12, 3) for e in _events(text, "2024-02-09", lang="fr"))


def test_a_party_s_own_fighters_are_the_party():
    text = ("Le CSP-DPA parle d'un repli stratégique autour d'Intahaka. Son porte-parole affirme que ses combattants ont tué mardi "
            "sept éléments des FAMa et de Wagner avant de se retirer.")
    (e,) = _events(text, "2024-02-09", lang="fr")
    assert e.actor1.startswith("CSP-DPA") and e.actor2 == "Military Forces of Mali (2021-)" and "Wagner Group" in e.assoc_actor_2


def test_a_referenced_event_with_its_own_date_is_background_with_its_own_toll():
    text = ("Les Forces armées nigériennes ont mené mardi des frappes aériennes près d'Abala. Ces frappes interviennent trois mois après "
            "l'embuscade meurtrière du 16 juillet dernier, au cours de laquelle six militaires avaient trouvé la mort près d'Abala.")
    evs = _events(text, "2024-10-10", lang="fr")
    (old,) = [e for e in evs if e.background]
    assert old.event_date == dt.date(2024, 7, 16) and any(c.low == 6 for c in old.claims)


def test_an_aim_and_a_place_s_relative_clause_are_not_events():
    text = ("Les vecteurs aériens de l'armée burkinabè ont frappé mardi un plot logistique près de Gorgadji, d'où les terroristes s'apprêtaient "
            "à lancer des attaques contre les positions de l'armée. L'état-major invite les populations à fournir des renseignements, "
            "afin de permettre la poursuite de l'offensive.")
    (e,) = _events(text, "2024-08-24", lang="fr")
    assert e.sub_event_type == "Air/drone strike" and e.actor1 == "Military Forces of Burkina Faso (2022-)"


def test_another_story_of_a_roundup_is_another_event():
    text = ("Au moins 23 civils ont été tués dimanche dans l'attaque de villages du centre du Mali par des hommes armés, a déclaré un élu local. "
            "Par ailleurs, dans le cercle de Koro, onze personnes ont été tuées dimanche par un engin explosif, a rapporté un élu de Guiré.")
    evs = [e for e in _events(text, "2019-07-02", lang="fr") if not e.background]
    assert {e.sub_event_type for e in evs} == {"Attack", "Remote explosive/landmine/IED"}


def test_those_who_died_in_an_attack_are_its_target():
    text = "Vingt et un militaires maliens ont perdu la vie mardi dans des attaques contre deux positions de l'armée près de Boni, revendiquées par le JNIM."
    (e,) = [e for e in _events(text, "2025-08-21", lang="fr") if not e.background]
    assert {e.actor1, e.actor2} == {"JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali (2021-)"}


def test_civilians_named_alone_are_the_victims_of_someone_unnamed():
    (e,) = _events("On September 19, a child was killed near Talataye after picking up a grenade.", "2019-09-20")
    assert (e.actor1, e.actor2) == ("Unidentified Armed Group (Mali)", "Civilians (Mali)")
    got = _events("Des hommes armés ont attaqué mardi un convoi près de Boni. Trois chauffeurs ont été tués, selon un responsable local.", "2025-06-26", lang="fr")
    assert any(c.victims == "Civilians (Mali)" and c.low == 3 for e in got for c in e.claims)


def test_a_report_with_no_place_name_is_placed_in_the_country_its_demonyms_say():
    text = "Des hommes armés ont tué mardi sept civils dans l'est du pays, selon des sources locales burkinabè."
    (e,) = _events(text, "2024-03-14", lang="fr")
    assert e.country == "Burkina Faso" and e.actor2 == "Civilians (Burkina Faso)"


def test_the_army_of_an_event_abroad_is_that_country_s_and_a_destination_does_not_place_it():
    text = ("Des hommes armés ont attaqué lundi une position de l'armée près de Djibo, dans la province du Soum. Sept soldats ont été tués, "
            "selon des sources sécuritaires. La zone est frontalière du Mali, où les FAMa mènent aussi des opérations.")
    (e,) = _events(text, "2024-03-14", lang="fr")
    assert e.country == "Burkina Faso" and e.actor2 == "Military Forces of Burkina Faso (2022-)"
    text = "Des hommes armés ont attaqué lundi un détachement militaire près de Djibo. Les assaillants ont pris la fuite vers le Mali."
    (e,) = _events(text, "2024-03-14", lang="fr")
    assert (e.country, e.location) == ("Burkina Faso", "Djibo")


def test_an_attack_with_nobody_named_is_on_civilians_by_someone_unnamed_and_a_militia_is_not_the_terrorists():
    text = ("L'armée a repoussé mardi une attaque près de Djibo. Dans la nuit du 11 au 12 juin 2022, le massacre de Seytenga, "
            "dans la province du Séno, avait fait 86 morts selon le gouvernement.")
    (old,) = [e for e in _events(text, "2024-12-18", lang="fr") if e.background]
    assert (old.actor1, old.actor2) == ("Unidentified Armed Group (Burkina Faso)", "Civilians (Burkina Faso)")
    text = ("Des frappes aériennes ont visé mardi des terroristes près de Djibo, où les VDP sont déployés. « Les frappes ont permis "
            "de neutraliser une centaine de terroristes », selon l'état-major.")
    got = [c for e in _events(text, "2024-09-12", lang="fr") for c in e.claims]
    assert got and not any(c.victims and "VDP" in c.victims for c in got)


def test_a_claimed_attack_told_again_does_not_retype_the_explosion():
    text = ("Dablo : un convoi touché\n\nMardi 9 mai, un convoi escorté par l'armée a sauté sur un engin explosif improvisé à l'entrée de Dablo. "
            "Six militaires ont été tués. Jeudi, le JNIM a revendiqué l'attaque, affirmant avoir tué onze militaires.")
    live = [e for e in _events(text, "2023-05-12", lang="fr") if not e.background]
    assert [e.sub_event_type for e in live] == ["Remote explosive/landmine/IED"]


def test_a_date_opening_its_sentence_dates_the_act_not_the_later_statement():
    text = ("Dablo sous blocus\n\nLe capitaine Traoré, au pouvoir depuis le coup d'État de septembre 2022, a misé sur les VDP. "
            "Le 17 février 2023, une unité de l'armée était tombée dans une embuscade à Tin-Akoff ; l'armée avait reconnu la mort de 51 soldats.")
    (e,) = [e for e in _events(text, "2023-05-12", lang="fr") if e.sub_event_type == "Armed clash"]
    assert e.event_date == dt.date(2023, 2, 17) and e.background


def test_a_toll_without_an_act_in_its_sentence_counts_the_act_told_before_it():
    text = ("Gourma : 19 morts dans l'attaque de Natiaboani\n\n"
            "Des individus armés ont ouvert le feu samedi soir sur des habitants au marché de Natiaboani, a-t-on appris de sources locales. "
            "Le bilan, selon ces mêmes sources, s'élève à 19 morts.\n\n"
            "Le lendemain, dimanche, une unité de l'armée a été prise à partie par les assaillants près de Fada N'Gourma. "
            "L'état-major indique que trois soldats ont perdu la vie au cours de ces accrochages et de la riposte, et que les combats ont duré deux heures.")
    events = _events(text, "2023-10-17", lang="fr")
    attack = next(e for e in events if e.sub_event_type == "Attack")
    clash = next(e for e in events if e.sub_event_type == "Armed clash")
    assert attack.fatalities == 19 and attack.event_date == dt.date(2023, 10, 14)
    assert clash.event_date == dt.date(2023, 10, 15) and {c.low for c in clash.claims} == {3}


def test_an_armed_group_s_own_toll_does_not_retype_or_take_over_the_state_s_strike():
    text = ("Attaque de Tiloa\n\nLe mardi 5 novembre 2024, une unité des FAN stationnée à Tiloa a fait l'objet d'une attaque de terroristes. "
            "Le lendemain, mercredi, l'armée de l'air a mené des frappes sur une colonne de terroristes en fuite près de Chinégodar. "
            "Une trentaine d'entre eux ont été neutralisés, selon le ministère. L'attaque de Tiloa a été revendiquée jeudi par l'État islamique "
            "au Sahel. Le groupe jihadiste y affirme avoir tué plus de 30 soldats.")
    strike = [e for e in _events(text, "2024-11-08", lang="fr") if e.event_date == dt.date(2024, 11, 6)]
    assert [(e.sub_event_type, e.actor1) for e in strike] == [("Air/drone strike", "Military Forces of Niger (2023-)")]


def test_grace_a_is_no_place():
    text = ("Attaque repoussée\n\n« Grâce à la réaction de nos hommes, l'ennemi a été repoussé mardi près de Chinégodar », indique l'armée nigérienne.")
    (e,) = _events(text, "2024-11-08", lang="fr")
    assert e.country == "Niger"


def test_a_pronoun_subject_is_the_actor_the_sentence_before_had_as_subject():
    text = ("Enlèvement à Dan Issa\n\nSamedi, des bandits armés ont enlevé 17 personnes à Dan Issa, dans la région de Maradi. "
            "Alertées, les Forces de défense et de sécurité (FDS) ont lancé une opération de poursuite. Dimanche, elles ont accroché les "
            "ravisseurs près de Madarounfa ; trois d'entre eux ont été tués, a-t-on appris de source sécuritaire.")
    clash = [e for e in _events(text, "2024-05-21", lang="fr") if e.sub_event_type == "Armed clash"]
    assert [(e.actor1, e.actor2) for e in clash] == [("Military Forces of Niger (2023-)", "Unidentified Armed Group (Niger)")]


def test_tear_gas_grenades_are_no_grenade_attack():
    text = ("Marche à San\n\nJeudi, des manifestants ont marché à San contre les coupures d'électricité. « Ils ont lancé les grenades "
            "lacrymogènes sans sommation », raconte un organisateur.")
    assert "Grenade" not in {e.sub_event_type for e in _events(text, "2024-04-19", lang="fr")}


def test_a_title_case_dateline_and_a_date_inside_a_trigger_phrase():
    text = ("Yagha : les FDS reprennent Mansila\n\n"
            "Mansila, 22 fév. 2025 (Faso Actualités) - Les Forces de défense et de sécurité (FDS) ont repris le jeudi 20 février 2025 "
            "le contrôle de la commune de Mansila, a-t-on appris de source militaire. L'offensive visait à déloger les terroristes du JNIM "
            "qui occupaient la localité depuis juin 2024.\n\n"
            "La veille, des frappes aériennes ont visé des concentrations de terroristes à Solhan.")
    got = {(e.event_date, e.sub_event_type, e.actor2) for e in _events(text, "2025-02-22", lang="fr") if not e.background}
    assert (dt.date(2025, 2, 20), "Government regains territory", "JNIM: Group for Support of Islam and Muslims") in got
    assert (dt.date(2025, 2, 19), "Air/drone strike", "JNIM: Group for Support of Islam and Muslims") in got


def test_the_subject_of_faire_l_objet_d_une_attaque_is_its_target_and_kamikaze_drones_are_no_suicide_bombers():
    text = ("Attaque du camp de Léré\n\nLe samedi 03 février 2024, le camp FAMa de Léré a fait l'objet d'une attaque complexe menée par "
            "des combattants du JNIM à bord de motos, avec usage de drones kamikazes.")
    events = _events(text, "2024-02-05", lang="fr")
    assert ("JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali (2021-)") in {(e.actor1, e.actor2) for e in events}
    assert "Suicide bomb" not in {e.sub_event_type for e in events}


def test_a_toll_alone_in_a_dated_sentence_dates_the_event():
    text = ("Mali : au moins 18 civils tués\n\nDes hommes armés ont tiré sur les villageois près de Diallassagou, selon plusieurs sources.\n\n"
            "Des habitants et un élu local ont précisé qu'au moins 18 civils ont été tués le 25 mai par des hommes armés.")
    (e,) = _events(text, "2022-05-29", lang="fr")
    assert e.event_date == dt.date(2022, 5, 25) and e.sub_event_type == "Attack"


def test_an_act_s_participle_before_a_reported_day_and_a_habit_of_attacks():
    text = ("Attaque du camp de Boulkessi\n\nLes Forces armées maliennes (FAMa) affirment avoir repoussé jeudi une attaque du JNIM contre "
            "leur camp de Boulkessi. Depuis des mois, le JNIM multiplie les attaques contre les convois sur les axes reliant le pays au Sénégal.")
    events = _events(text, "2024-06-08", lang="fr")
    assert [(e.event_date, e.country) for e in events] == [(dt.date(2024, 6, 6), "Mali")]


def test_undated_attacks_with_nobody_named_join_the_dated_news():
    text = ("Marche à Dosso\n\nDes milliers de personnes ont marché vendredi à Dosso contre l'insécurité. Les habitants dénoncent "
            "les attaques et les enlèvements sur les routes de la région.")
    events = _events(text, "2025-01-25", lang="fr")
    assert [e.event_date for e in events] == [dt.date(2025, 1, 24)]


def test_an_auxiliary_of_the_security_forces_is_not_the_security_forces():
    text = ("Burkina : 14 morts\n\nAu moins quatorze personnes, dont un supplétif civil des forces de sécurité, ont été tuées dans "
            "l'attaque d'un village du nord du Burkina Faso vendredi soir, ont indiqué des sources sécuritaires.")
    (e,) = _events(text, "2022-10-02", lang="fr")
    assert e.actor1 != "Military Forces of Burkina Faso (2022-)"


def test_a_report_whose_news_is_told_undated_happened_on_its_one_news_day():
    text = ("Mali denies wedding party killed\n\nMali's government on Thursday denied allegations that an air strike killed civilians "
            "attending a wedding near Douentza. The incident on Sunday in central Mali's remote Douentza area remains unclear.")
    events = [e for e in _events(text, "2021-01-07") if not e.background]
    assert events and {e.event_date for e in events} == {dt.date(2021, 1, 3)}


def test_the_attackers_repelled_are_the_group_the_attack_names():
    # an undated "repousser les assaillants" shares the named group's side: it joins the attack, never the day's
    # looting of the market that names no attacker
    text = ("Dioura : les FAMa repoussent une attaque\n\n"
            "Dans la nuit de samedi à dimanche, le poste des FAMa de Dioura a fait l'objet d'une attaque menée par des terroristes du JNIM.\n\n"
            "La riposte des unités présentes a permis de repousser les assaillants.\n\n"
            "Le bilan est de 4 morts côté ami, selon l'armée.\n\n"
            "Samedi soir, des habitants de Dioura font état de boutiques pillées au marché.")
    evs = [e for e in _events(text, "2024-03-10", lang="fr") if not e.background]
    clash = next(e for e in evs if e.sub_event_type == "Armed clash")
    assert any(ev.quote.startswith("repousser") for ev in clash.evidence)
    assert [c.low for c in clash.claims] == [4]


def test_who_announces_an_attack_is_no_party_to_it():
    # the ministry that announced the attack, and the aim "retrouver et neutraliser les auteurs", code nothing of their own
    text = ("Attaque de Sakoïra\n\n« Le jeudi 17 avril 2025, le village de Sakoïra, dans le département de Tillabéri, a été la cible "
            "d'une attaque perpétrée par des terroristes de l'EIGS. Le bilan fait état de 21 civils tués. » C'est en ces termes que le "
            "ministère de la Défense nationale a annoncé l'attaque, dans un communiqué lu vendredi soir. Des opérations sont en cours "
            "pour « retrouver et neutraliser les auteurs de ce crime odieux ».")
    evs = [e for e in _events(text, "2025-04-20", lang="fr") if not e.background]
    assert [(e.sub_event_type, e.actor1, e.actor2) for e in evs] == [("Attack", "Islamic State (Sahel)", "Civilians (Niger)")]


def test_a_speaker_before_said_and_a_comma_is_no_party_and_the_blamed_group_names_the_gunmen():
    text = ("Gunmen on motorbikes attacked the village of Sakoira in Niger's Tillaberi region on Thursday, the defence ministry said, "
            "in the latest deadly raid on civilians.\n\nIn a statement broadcast on Friday, the ministry said 21 civilians were killed "
            "in the attack, which it blamed on Islamic State Sahel fighters.")
    evs = [e for e in _events(text, "2025-04-21") if not e.background]
    assert [(e.event_date, e.actor1, e.actor2, e.fatalities) for e in evs] == [
        (dt.date(2025, 4, 17), "Islamic State (Sahel)", "Civilians (Niger)", 21)]


BARA = ("Mali : une foire attaquée près d'Ansongo\n\n"
        "Au moins 17 civils ont été tués dimanche lors d'une attaque contre la foire de Bara, dans le cercle d'Ansongo, a indiqué un élu local.\n\n"
        "Une source sécuritaire a attribué l'attaque à l'État islamique au Sahel, qui dispute depuis plus d'un an le contrôle de la zone au JNIM, "
        "la branche sahélienne d'Al-Qaïda.\n\n"
        "Le lendemain, une unité des Forces armées maliennes a accroché un groupe d'assaillants près du village de Fafa. Dans un communiqué "
        "publié mardi, l'armée affirme que « 9 terroristes ont été neutralisés » lors de cet accrochage et déplore « 2 blessés légers » "
        "dans ses rangs.\n\n"
        "Les autorités maliennes n'avaient pas réagi officiellement mardi soir au bilan de l'attaque de Bara.")


def test_this_clash_is_the_one_told_before_and_its_assailants_are_the_blamed_group():
    evs = [e for e in _events(BARA, "2023-06-13", lang="fr") if not e.background]
    assert [(e.event_date, e.sub_event_type, e.actor1, e.actor2, e.location) for e in evs] == [
        (dt.date(2023, 6, 11), "Attack", "Islamic State (Sahel)", "Civilians (Mali)", "Bara"),
        (dt.date(2023, 6, 12), "Armed clash", "Military Forces of Mali (2021-)", "Islamic State (Sahel)", "Fafa")]
    # the army's figures: the enemy it fought, and its own wounded (the speaker of "déplore" is outside the quotation)
    assert {(c.claimant, c.victims, c.outcome, c.low) for c in evs[1].claims} == {
        ("Military Forces of Mali (2021-)", "Islamic State (Sahel)", "killed", 9),
        ("Military Forces of Mali (2021-)", "Military Forces of Mali (2021-)", "wounded", 2)}
    # the authorities that did not react to the toll are nobody's attacker; "l'attaque de Bara" is evidence of the attack
    assert sum(ev.quote == "attaque" for ev in evs[0].evidence) == 2


def test_shells_that_fell_count_nobody_and_hit_the_civilians_of_the_town():
    text = ("Bourem : des obus s'abattent sur des quartiers d'habitation\n\n"
            "Plusieurs obus sont tombés mardi après-midi sur des quartiers d'habitation de Bourem, dans la région de Gao. Des habitants "
            "font état de trois morts.\n\n"
            "« Un obus est tombé dans une concession près du marché, un autre derrière l'école », raconte un commerçant.\n\n"
            "Les habitants attribuent ces tirs aux combattants du JNIM, qui multiplient depuis plusieurs semaines les pressions sur la ville.\n\n"
            "Bourem avait déjà été le théâtre, le 7 septembre 2023, d'une attaque d'envergure contre le camp militaire, revendiquée par le "
            "JNIM. L'armée avait alors annoncé la mort de 10 soldats.")
    evs = _events(text, "2024-10-23", lang="fr")
    news = [e for e in evs if not e.background]
    assert [(e.event_date, e.sub_event_type, e.actor1, e.actor2) for e in news] == [
        (dt.date(2024, 10, 22), "Shelling/artillery/missile attack", "JNIM: Group for Support of Islam and Muslims", "Civilians (Mali)")]
    assert [(c.outcome, c.low) for c in news[0].claims] == [("killed", 3)]  # not "plusieurs obus ... tombés"
    # the claimed attack of 2023 keeps its own day ("revendiquée" describes it; it does not date a statement) and its toll
    (old,) = [e for e in evs if e.background]
    assert old.event_date == dt.date(2023, 9, 7) and [c.low for c in old.claims] == [10]


def test_the_shells_named_again_are_no_event_of_their_own():
    text = ("Three civilians were killed on Thursday evening when shells fired from outside the city landed in Gao, the governor said. "
            "The governor, who visited the wounded on Friday, said security forces had begun searching the area from which the shells were fired.")
    evs = [e for e in _events(text, "2025-02-08") if not e.background]
    assert [e.event_date for e in evs] == [dt.date(2025, 2, 6)]


def test_air_support_of_an_assault_and_the_enemy_of_a_two_day_fight():
    text = ("Soum : les forces combattantes reprennent le contrôle de Koutougou\n\n"
            "Les unités engagées dans l'offensive ont repris le 5 courant le contrôle de la commune de Koutougou, dans la province du Soum, "
            "au terme de deux jours d'intenses combats contre les terroristes du Groupe de soutien à l'islam et aux musulmans (GSIM).\n\n"
            "L'opération a débuté le mardi 4 février 2025 par un assaut des forces combattantes, appuyées par les VDP et les vecteurs "
            "aériens, sur les positions que les terroristes occupaient à l'entrée de la localité.\n\n"
            "Koutougou était passée sous l'influence des groupes terroristes après l'attaque meurtrière du 19 août 2019 contre le "
            "détachement militaire de la localité. Selon l'armée, 24 militaires avaient perdu la vie lors de cet assaut.")
    evs = _events(text, "2025-02-07", lang="fr")
    news = [e for e in evs if not e.background]
    jnim, army = "JNIM: Group for Support of Islam and Muslims", "Military Forces of Burkina Faso (2022-)"
    assert [(e.event_date, e.sub_event_type, e.actor1, e.actor2) for e in news] == [
        (dt.date(2025, 2, 4), "Armed clash", army, jnim), (dt.date(2025, 2, 5), "Government regains territory", army, jnim)]
    # "cet assaut" is the attack of 2019 told just before, not the assault of 2025 told by the same word
    (old,) = [e for e in evs if e.background]
    assert [c.low for c in old.claims] == [24] and not any(c.low == 24 for e in news for c in e.claims)


def test_a_village_the_gazetteer_does_not_know_keeps_its_name_at_the_area_s_precision():
    text = ("Gnagna : des femmes enlevées\n\n"
            "Une quarantaine de femmes ont été enlevées dimanche dernier aux abords de Liptougou, dans la province de la Gnagna, "
            "selon des habitants. Trois d'entre elles ont réussi à s'échapper lundi et ont pu regagner Bogandé.")
    evs = [e for e in _events(text, "2024-08-27", lang="fr") if not e.background]
    assert [(e.location, e.admin1, e.geo_precision) for e in evs] == [("Liptougou", "Est", 3)]
    assert "not in the gazetteer" in evs[0].reasons["location"]
    assert next(ev.quote for ev in evs[0].evidence if ev.field == "location") == "Liptougou"


def test_these_strikes_are_the_strikes_told_before_and_the_campaign_s_name_is_no_event():
    text = ("Tapoa : l'aviation frappe un regroupement terroriste\n\n"
            "Les vecteurs aériens des Forces armées nationales ont mené, le jeudi 16 mai 2024, une série de frappes sur un regroupement "
            "de terroristes dans la zone de Tawori, province de la Tapoa, région de l'Est.\n\n"
            "Le 2 mars dernier, des éléments du JNIM avaient tendu une embuscade à une unité de VDP près de Tawori, faisant 11 morts.\n\n"
            "« Ces frappes nous redonnent espoir », témoigne un déplacé installé à Kantchari.\n\n"
            "L'état-major rappelle que l'offensive pour la reconquête du territoire se poursuit sur l'ensemble des fronts et invite "
            "les populations à collaborer.")
    evs = _events(text, "2024-05-18", lang="fr")
    assert [(e.event_date, e.background, e.sub_event_type, e.location) for e in evs] == [
        (dt.date(2024, 3, 2), True, "Armed clash", "Tawori"), (dt.date(2024, 5, 16), False, "Air/drone strike", "Tawori")]
    # "l'ensemble des fronts ... les populations" counts nobody
    assert all(c.low is not None for e in evs for c in e.claims)


def test_a_wave_of_strikes_on_a_day_is_news_and_the_dead_of_the_strikes_are_its_claims():
    text = ("Burkina Faso reports air strikes on militant camp in east\n\n"
            "Burkina Faso's military says a wave of air strikes on Thursday killed more than 100 \"terrorists\" gathered at a camp near "
            "Tawori, in the country's Est region, a figure rejected by the al Qaeda-affiliated group it targeted.\n\n"
            "In a statement carried by state media on Saturday, the army general staff said its aircraft had struck a large gathering "
            "of fighters on the edge of a forest in Tapoa province.\n\n"
            "The Group for Support of Islam and Muslims (JNIM) dismissed the army's account in an audio message shared on Sunday. "
            "The group said four of its fighters and three herders had been killed in the strikes.")
    evs = [e for e in _events(text, "2024-05-20") if not e.background]
    assert [(e.event_date, e.sub_event_type, e.location) for e in evs] == [(dt.date(2024, 5, 16), "Air/drone strike", "Tawori")]
    assert sorted(c.low for c in evs[0].claims) == [3, 4, 100]


def test_the_ends_of_a_road_are_not_where_the_protest_was():
    text = ("Police fired tear gas on Monday to disperse hundreds of young people who had blocked a main road in Bougouni, in southern "
            "Mali, to protest against a fuel shortage, witnesses said. Protesters had gathered at a crossroads on National Road 7, which "
            "links Bamako to the Ivorian border. The shortage has spread since JNIM announced a blockade and began attacking tanker convoys.")
    evs = [e for e in _events(text, "2025-10-22") if not e.background]
    assert [(e.sub_event_type, e.location) for e in evs] == [("Protest with intervention", "Bougouni")]


def test_an_unknown_village_in_a_report_that_names_only_its_country_keeps_its_name():
    text = "Gunmen killed seven civilians on Sunday in Djiguibombo, in central Mali, residents said. Tuesday's funeral drew hundreds."
    evs = [e for e in _events(text, "2024-07-03") if not e.background]
    assert [(e.location, e.country, e.admin1, e.geo_precision) for e in evs] == [("Djiguibombo", "Mali", None, 3)]


def test_a_people_s_name_after_in_is_no_village():
    text = "Gunmen killed seven civilians on Sunday in Kurdish villages of northern Syria, residents said."
    evs = [e for e in _events(text, "2021-03-02") if not e.background]
    assert evs and all(e.location != "Kurdish" for e in evs)


def test_the_village_named_first_and_in_the_event_s_paragraph():
    # the village, not its commune; and a village named in the paragraph's first sentence, where no act is told yet
    text = ("Des hommes armés non identifiés ont attaqué le village de Ségué, dans la commune de Ségué-Iré, cercle de Bankass, "
            "dans la nuit de samedi à dimanche. Selon des habitants, au moins 21 personnes ont été tuées.")
    assert [e.location for e in _events(text, "2024-07-15", lang="fr") if not e.background] == ["Segue"]
    text = ("La commune rurale de Logobou, dans la province de la Tapoa, a reçu la visite d'hommes armés le vendredi 19 novembre. "
            "Ils ont mis le feu à la mairie et au centre de santé, avant de piller les boutiques du marché, sans faire de victime.")
    evs = [e for e in _events(text, "2021-11-22", lang="fr") if not e.background]
    assert [(e.location, e.actor1, e.actor2) for e in evs] == [("Logobou", "Unidentified Armed Group (Burkina Faso)", "Civilians (Burkina Faso)")]


def test_a_communique_header_speaks_for_the_report_and_a_title_s_announcer_does_not_fight():
    text = ("Attaque du détachement de Falagountou : le Gouvernement annonce une centaine de terroristes neutralisés\n\n"
            "COMMUNIQUÉ DU GOUVERNEMENT\n\n"
            "Le dimanche 21 mai 2023, le détachement militaire de Falagountou a fait l'objet d'une attaque menée par des terroristes.\n\n"
            "Le bilan provisoire fait état d'une centaine de terroristes neutralisés.\n\n"
            "Malheureusement, 6 VDP et 2 soldats sont tombés les armes à la main.")
    (e,) = [e for e in _events(text, "2023-05-23", lang="fr") if not e.background]
    assert "Government" not in (e.actor1 or "") + (e.actor2 or "")
    assert {c.claimant for c in e.claims} == {"Government of Burkina Faso (2022-)"}


def test_a_two_day_offensive_that_retakes_a_town():
    text = ("Yagha : les FDS réinvestissent Mansila\n\n"
            "Les Forces armées nationales, appuyées par les VDP, ont réinvesti lundi la localité de Mansila, au terme d'une offensive "
            "contre les terroristes du JNIM, selon un communiqué de l'État-major.\n\n"
            "D'après le communiqué, l'offensive a été lancée dans la matinée du dimanche 9 février. Les premiers accrochages ont eu lieu "
            "aux abords de Mansila, où les terroristes avaient posé des engins explosifs sur les principaux accès.")
    evs = [e for e in _events(text, "2025-02-11", lang="fr") if not e.background]
    army, jnim = "Military Forces of Burkina Faso (2022-)", "JNIM: Group for Support of Islam and Muslims"
    assert [(e.event_date, e.sub_event_type, e.actor1, e.actor2) for e in evs] == [
        (dt.date(2025, 2, 9), "Armed clash", army, jnim), (dt.date(2025, 2, 10), "Government regains territory", army, jnim)]


def test_who_announces_the_dead_tells_of_the_attack():
    text = ("Treize morts lors d'une attaque dans le nord du Burkina Faso\n\n"
            "L'armée burkinabè annonce la mort d'au moins treize personnes lors d'une attaque lundi 30 janvier dans le nord du Burkina Faso. "
            "Dans un communiqué, l'état-major annonce que des gendarmes et supplétifs de l'armée stationnés à Falagountou, dans la région "
            "du Sahel, ont fait face à une attaque terroriste.")
    evs = _events(text, "2023-01-31", lang="fr")
    assert not any("Military" in (e.actor1 or "") for e in evs)
    (e,) = [e for e in evs if e.sub_event_type == "Armed clash"]
    assert (e.event_date, e.actor1, e.actor2, e.location) == (
        dt.date(2023, 1, 30), "Unidentified Armed Group (Burkina Faso)", "Police Forces of Burkina Faso (2022-)", "Falagountou")
    assert "Civilians (Burkina Faso)" not in e.assoc_actor_2
    # the army's own operation keeps the army ("la mort de 20 terroristes")
    text = ("Opération près de Djibo\n\nL'armée burkinabè annonce la mort de vingt terroristes lors d'une offensive lundi près de Djibo.")
    (e,) = _events(text, "2023-01-31", lang="fr")
    assert e.actor1 == "Military Forces of Burkina Faso (2022-)"


def test_a_weekend_and_its_sunday_are_one_strike():
    text = ("Drone strikes near Diafarabe\n\nResidents said on Tuesday that drone strikes carried out by the army over the weekend killed "
            "11 civilians at a livestock market in Diafarabe. Army drones struck the outskirts of Diafarabe on Sunday afternoon, according "
            "to the general staff, which said it had destroyed a gathering of JNIM fighters.")
    evs = _events(text, "2025-09-09")
    assert [(e.event_date, e.sub_event_type) for e in evs] == [(dt.date(2025, 9, 7), "Air/drone strike")]


def test_the_first_and_second_strike_are_air_strikes():
    text = ("Frappes près de Gargando\n\nTreize civils ont été tués jeudi et vendredi dans deux frappes de drones attribuées aux FAMa dans la "
            "région de Tombouctou, selon des sources locales. La première frappe, survenue jeudi vers 21 heures, a visé le village de Tangata. "
            "Le lendemain, une seconde frappe a touché un campement nomade près de Gargando.")
    evs = _events(text, "2025-11-15", lang="fr")
    assert {e.sub_event_type for e in evs} == {"Air/drone strike"}
    assert ("Tangata", dt.date(2025, 11, 13)) in {(e.location, e.event_date) for e in evs}


def test_a_silent_government_and_its_seat_are_neither_party_nor_place():
    text = ("Sebba\n\nLe détachement de l'armée burkinabè basé à Sebba a été la cible d'une violente attaque mercredi. Si, à ce stade, la "
            "junte au pouvoir à Ouagadougou n'a pas réagi, le JNIM a revendiqué l'assaut.")
    evs = _events(text, "2025-01-23", lang="fr")
    assert [(e.location, e.actor1, e.actor2) for e in evs] == [
        ("Sebba", "JNIM: Group for Support of Islam and Muslims", "Military Forces of Burkina Faso (2022-)")]


def test_a_banned_march_dispersed_the_day_after_riots():
    text = ("Niamey\n\nLa police nigérienne a tiré des gaz lacrymogènes dimanche pour disperser un petit groupe de manifestants réunis à "
            "Niamey malgré l'interdiction de leur marche, au lendemain de violentes émeutes dans la capitale. Une manifestation interdite "
            "n'est pas une décision nouvelle.")
    evs = _events(text, "2015-01-19", lang="fr")
    assert [(e.event_date, e.sub_event_type, e.actor1, e.actor2) for e in evs] == [
        (dt.date(2015, 1, 18), "Protest with intervention", "Protesters (Niger)", "Police Forces of Niger (2011-2021)")]


def test_an_unlisted_village_takes_the_region_its_sentence_names_and_an_air_intervention_strikes():
    text = ("Biba\n\nTôt samedi matin, des terroristes ont afflué par centaines pour semer la terreur à Biba dans la Boucle du Mouhoun, "
            "mais les Forces combattantes les ont affrontés au Burkina.")
    (e,) = _events(text, "2023-11-27", lang="fr")
    assert (e.location, e.admin1, e.geo_precision) == ("Biba", "Boucle du Mouhoun", 3)
    text = ("Mané\n\nMercredi, dans la zone de Mané, des terroristes sont venus harceler les positions des forces amies; au moins une dizaine "
            "d'agresseurs et leurs motos ont été réduits en cendres grâce à une intervention aérienne.")
    assert "Air/drone strike" in {e.sub_event_type for e in _events(text, "2023-03-03", lang="fr")}
    assert "Looting/property destruction" not in {e.sub_event_type for e in _events(text, "2023-03-03", lang="fr")}


def test_a_village_called_so_named_again_and_a_night_from_one_weekday_to_the_next():
    text = ("Eight soldiers killed\n\nJihadists ambushed the troops on Monday close to the Niger border in Yagha province, a security source "
            "told AFP. The attack took place in a village called Kankanfogouol, the sources said.")
    (e,) = _events(text, "2020-04-01")
    assert (e.event_date, e.location, e.admin1) == (dt.date(2020, 3, 30), "Kankanfogouol", "Sahel")
    text = "Raid near Djibo\n\nOvernight Thursday to Friday armed men raided a village near Djibo, killing 15 people, a regional governor said."
    assert [e.event_date for e in _events(text, "2019-08-20")] == [dt.date(2019, 8, 15)]


def test_killed_on_sunday_by_an_armed_group_in_an_area_south_east_of_the_capital():
    text = ("Attaque meurtrière\n\nHuit personnes, dont six employés français d'une ONG, ont été tuées dimanche par un groupe armé dans la "
            "région de Kouré, au sud-est de la capitale nigérienne Niamey.")
    (e,) = _events(text, "2020-08-11", lang="fr")
    assert (e.event_date, e.sub_event_type, e.actor1, e.actor2) == (
        dt.date(2020, 8, 9), "Attack", "Unidentified Armed Group (Niger)", "Civilians (Niger)")
    assert (e.location, e.geo_precision) == ("Koure", 3)  # ACLED spells locations without accents
    got = {(c.victims, c.low) for c in e.claims}
    assert got == {("Civilians (Niger)", 8)}
    text = "Enlèvement\n\nDeux Français et un Nigérien ont été tués par des hommes armés à Kouré au Niger."
    assert any("Civilians (France)" in (c.victims or "") for e in _events(text, "2020-08-11", lang="fr") for c in e.claims)


def test_people_listed_after_dont_and_an_attack_suffered_by_the_forces():
    text = ("Soum\n\nAu Burkina Faso, vingt personnes tuées dont dix-neuf gendarmes et un civil, c'est le bilan d'une attaque dans la province "
            "du Soum, dimanche 14 novembre. Il s'agit de l'une des attaques les plus meurtrières subies par les forces de défense et de sécurité.")
    evs = _events(text, "2021-11-15", lang="fr")
    assert {(e.actor1, e.actor2) for e in evs} <= {("Unidentified Armed Group (Burkina Faso)", "Police Forces of Burkina Faso (2015-2022)"),
                                                   ("Unidentified Armed Group (Burkina Faso)", "Military Forces of Burkina Faso (2015-2022)")}
    claims = {(c.victims, c.low) for e in evs for c in e.claims}
    assert ("Police Forces of Burkina Faso (2015-2022); Civilians (Burkina Faso)", 20) in claims
    # a government is never a side of violence
    text = ("Inata\n\nDes hommes armés ont attaqué dimanche le détachement de la gendarmerie d'Inata, a déclaré le porte-parole du "
            "gouvernement en annonçant la nouvelle de l'attaque.")
    assert not any("Government" in (e.actor1 or "") + (e.actor2 or "") for e in _events(text, "2021-11-15", lang="fr"))


def test_a_camp_shelled_wounding_civilian_and_military_persons():
    text = ("Kidal\n\nJeudi 8 juin, le camp de la Minusma à Kidal a été lourdement bombardé : plus d'une dizaine d'obus de mortiers se sont "
            "abattus dans la base, blessant plusieurs personnes civiles et militaires.")
    evs = _events(text, "2017-06-09", lang="fr")
    assert evs and all("Military Forces of Mali" not in (e.actor1 or "") for e in evs)
    assert any("MINUSMA" in (e.actor2 or "") or "MINUSMA" in (e.actor1 or "") for e in evs)


def test_years_of_violence_blamed_on_groups_do_not_name_the_kidnappers():
    text = ("Sincina\n\nDes hommes armés ont enlevé jeudi soir trois ressortissants italiens et un Togolais à Sincina, près de Koutiala. "
            "Le Burkina Faso voisin est pris depuis 2015 dans une spirale de violences attribuées à des mouvements armés terroristes, "
            "affiliés à Al-Qaïda et au groupe Etat islamique.")
    (e,) = _events(text, "2022-05-20", lang="fr")
    assert e.actor1 == "Unidentified Armed Group (Mali)"


def test_who_confirms_the_enemy_s_fire_did_not_fire():
    text = ("Niafunké\n\nDes obus sont tombés lundi sur Niafunké, tuant quatre civils. Dans un communiqué publié mardi, l'État-major "
            "général des armées a confirmé « des tirs indirects de l'ennemi » sur Niafunké, faisant état de 3 civils tués.")
    evs = _events(text, "2023-09-27", lang="fr")
    assert evs and not any("Military" in (e.actor1 or "") for e in evs)


def test_a_ministry_s_communique_and_the_people_a_unit_protects():
    text = ("Méhana\n\nLe ministère de la Défense nationale informe l'opinion que le jeudi 16 novembre 2023, une unité de l'opération "
            "Almahaou, en mission de sécurisation des populations, a été la cible d'une attaque terroriste au nord de Méhana.")
    (e,) = _events(text, "2023-11-18", lang="fr")
    assert (e.sub_event_type, e.actor1, e.actor2) == ("Armed clash", "Unidentified Armed Group (Niger)", "Military Forces of Niger (2023-)")


def test_a_village_taken_before_the_army_drove_them_out():
    text = ("Dimbal\n\nDes jihadistes ont pris dimanche le contrôle du village de Dimbal, dans le cercle de Bankass, après de violents "
            "combats avec les miliciens de Dan Na Ambassagou, avant d'en être chassés mardi par l'armée, a appris l'AOP.")
    evs = _events(text, "2021-04-14", lang="fr")
    taken = [e for e in evs if e.event_date == dt.date(2021, 4, 11)]
    assert taken and taken[0].sub_event_type == "Non-state actor overtakes territory"
    assert "Dan Na Ambassagou" in [taken[0].actor2, *taken[0].assoc_actor_2]


def test_men_claiming_to_belong_to_a_group_burn_a_convoy_of_tankers():
    text = ("Lakamané\n\nUn convoi de camions-citernes en provenance du port de Dakar a été pris pour cible vendredi dernier près de Diéma. "
            "Des hommes armés se réclamant du Groupe de soutien à l'islam et aux musulmans ont mis le feu à 23 citernes. Aucune perte en "
            "vie humaine n'est à déplorer.")
    evs = _events(text, "2025-10-20", lang="fr")
    assert evs and {e.actor1 for e in evs} == {"JNIM: Group for Support of Islam and Muslims"}
    assert {e.actor2 for e in evs} == {"Civilians (Mali)"} and {e.country for e in evs} == {"Mali"}


def test_a_past_perfect_of_reported_speech_or_a_relative_clause_is_not_an_earlier_event():
    text = ("Soudougui\n\nResidents of Burkina Faso's Centre-Est region say an air strike by the army last Friday killed civilians who "
            "had gathered at the weekly market. "
            "The general staff said on Monday that aircraft had struck a gathering of fighters on the outskirts of Soudougui.")
    evs = _events(text, "2026-01-15")
    assert [(e.event_date, e.background) for e in evs] == [(dt.date(2026, 1, 9), False)]
    assert evs[0].location == "Soudougui"
