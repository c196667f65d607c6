import datetime as dt

from fogofwar.actors import find_actors
from fogofwar.claims import find_claims, find_quantities, name_claims, reconcile
from fogofwar.ingest import make_document
from fogofwar.models import Claim
from fogofwar.nlp import parse


def _claims(text, lang="en", outlet="Test Wire"):
    doc = make_document(text, name="t", published="2024-03-10", outlet=outlet, lang=lang)
    parsed = parse(doc)
    raw = find_claims(parsed, find_actors(doc.text, lang))
    return name_claims(raw, doc, dt.date(2024, 3, 9), "Mali", {})


def test_figures_by_victim_group_and_claimant():
    cs = _claims("A JNIM statement speaks of 40 soldiers and 7 Wagner members killed.")
    got = {(c.claimant, c.victims, c.outcome, c.low) for c in cs}
    assert ("JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali (2021-)", "killed", 40) in got
    assert ("JNIM: Group for Support of Islam and Muslims", "Wagner Group", "killed", 7) in got


def test_own_side_admission():
    cs = _claims("The Malian army admitted three dead and eight wounded among its own.")
    assert {(c.outcome, c.low, c.victims) for c in cs} == {("killed", 3, "Military Forces of Mali (2021-)"), ("wounded", 8, "Military Forces of Mali (2021-)")}


def test_vague_quantity_is_a_range():
    cs = _claims("Local sources reported dozens of civilians killed.")
    assert len(cs) == 1
    c = cs[0]
    assert c.vague and c.low == 12 and c.high == 99 and c.claimant_kind == "sources"


def test_relay_is_kept_as_via():
    cs = _claims("At least 12 soldiers were killed, according to the army, AFP reported.")
    c = cs[0]
    assert c.claimant == "Military Forces of Mali (2021-)" and "AFP" in c.via and c.low == 12 and c.high is None


def test_numbers_that_are_not_casualties_stay_out():
    assert _claims("A convoy of a dozen vehicles carrying 300 men left the base. Three of our men remain.") == []
    assert _claims("Tens of thousands of people have fled to Mauritania.") == []


def test_outlet_is_claimant_when_nobody_is_cited():
    cs = _claims("Five civilians were killed in the attack.", outlet="Sahel Wire")
    assert cs[0].claimant == "Sahel Wire" and cs[0].claimant_kind == "outlet"


def test_french_vague_quantity():
    qs = find_quantities("une vingtaine de terroristes neutralisés", 0, 40, "fr")
    assert qs and qs[0].vague and qs[0].low <= 20 <= qs[0].high


def _c(claimant, low, high=None, vague=False, term=None, outcome="killed"):
    return Claim(claimant=claimant, victims=None, outcome=outcome, low=low, high=high if high is not None else low, vague=vague,
                 vague_term=term, document="d", start=0, end=1, quote="x")


def test_reconcile_low_best_high_and_dispute():
    r = reconcile([_c("army", 2), _c("rebels", 50), _c("rebels", 10), _c("sources", 12, 99, True, "dozens"), _c("army", 10, outcome="wounded")])
    assert (r.low, r.high) == (2, 99)
    assert r.best == 12  # median of the claimants' point figures 2, 60, 12
    assert r.acled == 2
    assert r.disputed


def test_reconcile_agreeing_sources_are_not_disputed():
    r = reconcile([_c("army", 5), _c("local sources", 5)])
    assert (r.low, r.best, r.high, r.disputed) == (5, 5, 5, False)


def test_side_phrases_in_an_army_communique():
    text = ("Selon l'armée malienne, des terroristes ont attaqué le poste de Boni. "
            "Côté ami, deux soldats ont été blessés ; côté ennemi, quinze terroristes ont été neutralisés.")
    doc = make_document(text, name="t", published="2024-03-10", lang="fr")
    parsed = parse(doc)
    raw = find_claims(parsed, find_actors(parsed.text, "fr"))
    by_figure = {r.quantity.low: r for r in raw}
    assert by_figure[2].victims_own and not by_figure[2].victims_enemy
    assert by_figure[15].victims_enemy and not by_figure[15].victims_own


def _claims_of(text, published="2024-08-26", lang="en"):
    from fogofwar.ingest import make_document
    from fogofwar.pipeline import extract

    r = extract([make_document(text, name="t", published=published, lang=lang, outlet="Test Wire")])
    return {(c.claimant, c.victims, c.outcome, c.low, c.high) for e in r.events for c in e.claims}


def test_the_source_nearest_its_verb_speaks_not_the_victims_before_it():
    got = _claims_of("Gunmen opened fire on Saturday on residents digging a trench in Barsalogho, killing at least 150 people, a security source said.")
    assert ("security sources", "Civilians (Burkina Faso)", "killed", 150, None) in got


def test_a_pronoun_speaker_is_the_last_named_subject():
    got = _claims_of(
        "Les FAMa ont repoussé jeudi une attaque contre le camp de Boulkessi. Le JNIM livre une autre version. "
        "Dans une revendication diffusée par Az-Zallaqa, il affirme avoir tué 40 militaires et reconnaît avoir perdu trois de ses combattants.",
        published="2024-06-08", lang="fr")
    jnim = "JNIM: Group for Support of Islam and Muslims"
    assert (jnim, "Military Forces of Mali (2021-)", "killed", 40, 40) in got
    assert (jnim, jnim, "killed", 3, 3) in got


def test_an_official_toll_is_the_state_body_quoted_before_and_the_attackers_are_the_named_group():
    got = _claims_of(
        "Les Forces armées nigériennes affirment avoir repoussé mardi une attaque de l'État islamique au Sahel près de Banibangou. "
        "Selon un communiqué du ministère de la Défense, les assaillants se sont repliés.\n\n"
        "Le bilan officiel fait état, côté ami, de deux soldats blessés. "
        "Des sources locales évoquent des dizaines de morts parmi les assaillants.",
        published="2024-03-22", lang="fr")
    assert ("Military Forces of Niger (2023-)", "Military Forces of Niger (2023-)", "wounded", 2, 2) in got
    assert ("local sources", "Islamic State (Sahel)", "killed", 20, 99) in got


def test_about_a_dozen_is_a_range():
    from fogofwar.claims import find_quantities

    text = "a toll of about a dozen dead"
    (q,) = find_quantities(text, 0, len(text), "en")
    assert (q.low, q.high, q.term) == (10, 14, "about a dozen")


def test_one_person_named_with_an_article_counts_one():
    from fogofwar.claims import find_claims
    from fogofwar.ingest import make_document
    from fogofwar.nlp import parse
    from fogofwar.actors import find_actors

    def raw(text, lang="en"):
        doc = make_document(text, name="t", published="2019-11-01", lang=lang)
        return [(r.outcome, r.quantity.low) for r in find_claims(parse(doc), find_actors(doc.text, lang)) if r.quantity]

    assert raw("Unknown gunmen killed a policeman and a bystander and wounded two others in Menaka.") == [("killed", 1), ("killed", 1), ("wounded", 2)]
    assert raw("The mayor of Boni was assassinated by unidentified gunmen.") == [("killed", 1)]
    assert raw("Le maire de Boni a été assassiné mardi par des hommes armés.", "fr") == [("killed", 1)]
    assert raw("A convoy of the army was attacked near Boni.") == []  # an article alone is no victim


def test_french_speakers_after_their_verb_and_quoted_outcomes():
    got = _claims_of(
        "Seize soldats nigériens ont été tués et un autre est porté « disparu » après une embuscade samedi près de Tillia, "
        "a annoncé à la télévision publique le gouverneur de la région.", published="2021-05-03", lang="fr")
    outcomes = {(c[0], c[2], c[3]) for c in got}
    assert ("Government of Niger (2021-2023)", "killed", 16) in outcomes or any(c[2:4] == ("killed", 16) and c[0].startswith("Government") for c in got)
    assert any(c[2:4] == ("missing", 1) for c in got)


def test_a_sentence_inside_a_quotation_is_the_word_of_whom_it_is_attributed_to():
    got = _claims_of(
        "Une patrouille est tombée samedi dans une embuscade près de Tillia.\n\n"
        "« Nos hommes sont tombés hier dans une embuscade tendue par des bandits armés. Le bilan de cette attaque est "
        "de 16 morts et 6 blessés », a annoncé à la télévision publique le gouverneur de la région.", published="2021-05-03", lang="fr")
    assert {c[0] for c in got if c[2:4] in (("killed", 16), ("wounded", 6))} == {"Government of Niger (2021-2023)"}


def _fr(text, published="2023-03-08"):
    return _claims_of("Attaque près de Boni\n\n" + text, published=published, lang="fr")


def test_an_article_is_not_a_count_of_one():
    # "une source", "une position" are articles, not the first figure of a list
    got = _fr("Selon une source de sécurité, au moins neuf soldats ont été tués mardi près de Boni.")
    assert {c[3] for c in got if c[2] == "killed"} == {9}
    got = _fr("Attaque contre une position de l'armée près de Boni, trois soldats et des dizaines de terroristes tués.")
    assert 1 not in {c[3] for c in got}


def test_french_sources_as_written():
    cases = [
        ("Neuf soldats ont été tués mardi près de Boni, a indiqué une deuxième source sécuritaire.", "security sources"),
        ("Neuf soldats ont perdu la vie mardi près de Boni, apprend-on de sources de sécurité.", "security sources"),
        ("Neuf civils ont été tués mardi près de Boni, ont indiqué deux responsables du gouvernorat.", "local officials"),
        ("Un autre responsable a fait état mardi de neuf morts à Boni.", "local officials"),
        ("« Neuf personnes ont été tuées à Boni », a dit un représentant local.", "local sources"),
        ("Un précédent bilan communiqué par une source locale faisait état de neuf civils tués à Boni mardi.", "local sources"),
    ]
    for text, label in cases:
        assert any(c[0] == label and c[3] == 9 for c in _fr(text)), text


def test_a_toll_and_a_spokesman_speak_for_the_army():
    got = _fr("Des jihadistes ont attaqué mardi un camp de l'armée à Boni. Un précédent bilan de l'armée malienne faisait état de cinq soldats tués.")
    assert any(c[0] == "Military Forces of Mali (2021-)" and c[3] == 5 for c in got)
    got = _fr("« Nous déplorons neuf morts dans nos rangs », a affirmé le porte-parole de l'armée, le colonel Diarra, après l'attaque de Boni mardi.")
    assert any(c[0] == "Military Forces of Mali (2021-)" and c[3] == 9 for c in got)


def test_fallen_soldiers_are_dead_but_not_those_who_fell_into_an_ambush():
    got = _fr("Le bilan provisoire fait état de sept militaires tombés lors de l'attaque de Boni mardi, précise l'armée.")
    assert any(c[2:4] == ("killed", 7) for c in got)
    got = _fr("Sept militaires tombés dans une embuscade mardi près de Boni ont été secourus.")
    assert not any(c[2] == "killed" for c in got)


def test_weapons_are_not_casualties():
    got = _fr("Selon l'armée, les assaillants ont abandonné 12 corps, 9 AK-47 et 4 motos après l'attaque de Boni mardi.")
    assert {c[3] for c in got} == {12}


def test_english_sources_and_figures_as_written():
    got = _claims_of(
        "Attack near Gayeri\n\nFive soldiers and two members of a civilian militia that backs the army were killed on Thursday near Gayeri, "
        "a security source said. Nine members of the Volunteers for the Defence of the Homeland (VDP), a civilian auxiliary force that "
        "fights alongside the army, also died in the assault, the source said. A health worker at the hospital in Gayeri said 19 wounded "
        "people had been brought in.", published="2025-02-07")
    assert {(c[0], c[2], c[3]) for c in got} >= {("security sources", "killed", 5), ("security sources", "killed", 2),
                                                ("security sources", "killed", 9), ("medical sources", "wounded", 19)}
    assert not any(c[3] == 1 for c in got)


def test_a_range_is_one_figure():
    got = _fr("Différentes sources locales confirment 30 à 32 morts mardi dans l'attaque du camp de Boni.")
    assert any(c[3:5] == (30, 32) for c in got)


def test_a_french_source_refined_by_its_place_keeps_its_label():
    # "une source à l'hôpital de Boni" is a medical source; the English label must survive the French lookup
    got = _fr("Neuf civils ont été tués mardi près de Boni, a indiqué une source à l'hôpital de Boni.")
    assert any(c[0] == "medical sources" and c[3] == 9 for c in got)
    got = _fr("Neuf civils ont été tués mardi près de Boni, selon des sources hospitalières.")
    assert any(c[0] == "medical sources" and c[3] == 9 for c in got)


def test_organisations_group_media_and_others():
    intro = "Des combats ont opposé jeudi l'armée malienne au CSP-DPA près de Tinzaouatène. "
    got = _claims_of("Combats\n\n" + intro + "D'après un bilan de l'ONU, au moins 30 civils ont été tués.", published="2024-07-28", lang="fr")
    assert any(c[0] == "United Nations" and c[3] == 30 for c in got)
    got = _claims_of("Combats\n\n" + intro + "Les moudjahidines ont tué 20 soldats, selon un communiqué diffusé par Az-Zallaqa.",
                     published="2024-07-28", lang="fr")
    assert any(c[0] == "JNIM: Group for Support of Islam and Muslims" and c[3] == 20 for c in got)
    got = _claims_of("Combats\n\n" + intro + "L'armée reconnaît avoir perdu deux soldats, tandis que dix autres ont été blessés.",
                     published="2024-07-28", lang="fr")
    assert ("Military Forces of Mali (2021-)", "Military Forces of Mali (2021-)", "wounded", 10, 10) in got


def test_english_organisations_and_counted_sources():
    got = _claims_of("Attack near Boni\n\nGunmen attacked a military post near Boni on Monday. At least 20 soldiers were killed, "
                     "two security sources told Reuters. Human Rights Watch said soldiers later executed at least 30 villagers.",
                     published="2024-05-08")
    assert {(c[0], c[3]) for c in got} == {("security sources", 20), ("Human Rights Watch", 30)}


def test_more_french_sources_as_written():
    cases = [
        ("Selon nos informations, au moins quinze civils ont été tués mardi près de Boni.", "Test Wire"),
        ("Quinze civils ont été tués mardi près de Boni, selon le bilan du gouvernorat de Mopti.", "Government of Mali (2021-)"),
        ("Quinze civils ont été tués mardi près de Boni, a déclaré sous couvert d'anonymat un élu de la commune.", "local officials"),
        ("D'après un notable de la localité, quinze civils ont été tués mardi près de Boni.", "community leaders"),
        ("Le chef du village, joint par téléphone, a parlé de quinze morts mardi à Boni.", "community leaders"),
    ]
    for text, claimant in cases:
        got = _fr(text)
        assert {(c[0], c[3]) for c in got} == {(claimant, 15)}, text


def test_french_officials_commanders_and_community_voices():
    cases = [
        ("Quinze civils ont été tués mardi près de Boni, a indiqué le commandant de zone.", "security sources"),
        ("Quinze civils ont été tués mardi près de Boni, selon un responsable sécuritaire.", "security sources"),
        ("Quinze civils ont été tués mardi près de Boni, a-t-on appris auprès de la mairie.", "local officials"),
        ("Quinze civils ont été tués mardi près de Boni, selon les autorités locales.", "local officials"),
        ("Quinze civils ont été tués mardi près de Boni, affirme un leader de la communauté peule.", "community leaders"),
        ("Quinze civils ont été tués mardi près de Boni, selon un responsable d'une organisation humanitaire.", "humanitarian sources"),
    ]
    for text, claimant in cases:
        assert {(c[0], c[3]) for c in _fr(text)} == {(claimant, 15)}, text


def test_the_displaced_killed_and_lives_cost():
    assert {(c[3], c[2]) for c in _fr("Quinze déplacés ont été tués mardi près de Boni, selon des sources locales.")} == {(15, "killed")}
    assert {(c[3], c[2]) for c in _fr("L'attaque a coûté la vie à quinze civils mardi à Boni, selon des sources locales.")} == {(15, "killed")}
    assert not _fr("L'attaque de mardi près de Boni a fait fuir 15 000 déplacés, selon des sources locales.")


def test_victims_shared_along_a_list_and_with_others():
    got = _fr("Le bilan fait état de cinq morts et neuf blessés côté FAMa mardi à Boni, selon l'armée.")
    assert {(c[1], c[2], c[3]) for c in got} == {("Military Forces of Mali (2021-)", "killed", 5), ("Military Forces of Mali (2021-)", "wounded", 9)}
    got = _fr("L'attaque a fait cinq morts parmi les soldats et deux parmi les civils mardi à Boni, selon des sources locales.")
    assert {(c[1], c[3]) for c in got} == {("Military Forces of Mali (2021-)", 5), ("Civilians (Mali)", 2)}


def test_the_army_describing_its_auxiliaries_is_not_among_their_dead():
    got = _claims_of("Attack near Diapaga\n\nThree members of the Volunteers for the Defense of the Homeland (VDP), the army's civilian "
                     "auxiliaries, were killed on Thursday near Diapaga, a security source said.", published="2024-09-20")
    assert {(c[1], c[3]) for c in got} == {("VDP: Volunteers for the Defense of the Homeland", 3)}


def test_losses_told_by_a_third_party_are_the_loss_verb_s_subject():
    got = _claims_of("Une patrouille est tombée mardi dans une embuscade près de Ménaka. "
                     "Les militaires russes et maliens ont perdu au moins sept hommes, selon un élu local.",
                     published="2024-03-14", lang="fr")
    assert ("local officials", "Wagner Group; Military Forces of Mali (2021-)", "killed", 7, None) in got


def test_a_communique_speaks_through_the_body_named_after_it():
    got = _fr("Des jihadistes ont attaqué mardi un camp de l'armée à Boni. Dans un communiqué publié le lendemain, l'état-major général "
              "des armées indique que « l'escorte a vigoureusement réagi ». Bilan provisoire : côté ami, 2 morts et 3 blessés.")
    assert ("Military Forces of Mali (2021-)", "Military Forces of Mali (2021-)", "killed", 2, 2) in got
    got = _fr("Des jihadistes ont attaqué mardi un camp de l'armée à Boni. Dans un communiqué, l'état-major a salué une opération "
              "« menée avec professionnalisme », au cours de laquelle plusieurs terroristes ont été neutralisés.")
    assert any(c[0] == "Military Forces of Mali (2021-)" and c[2] == "killed" for c in got)


def test_a_group_described_by_its_affiliation_speaks_for_itself():
    got = _fr("Le JNIM a attaqué mardi un convoi près de Boni. Dans un message diffusé par Az-Zallaqa, le groupe lié à Al-Qaïda "
              "affirme avoir tué 42 militaires.")
    assert any(c[0] == "JNIM: Group for Support of Islam and Muslims" and c[3] == 42 for c in got)
    assert not any(c[0] == "Al Qaeda" for c in got)


def test_french_outcomes_as_written():
    got = _fr("Des hommes armés ont attaqué mardi le village de Boni. « Nous avons inhumé 22 personnes », a indiqué un élu local. "
              "Selon lui, quatre femmes ont été emmenées par les assaillants.")
    assert any(c[2:4] == ("killed", 22) for c in got) and any(c[2:4] == ("missing", 4) for c in got)


def test_back_references_to_a_source_as_french_writes_them():
    got = _fr("Au moins 11 civils ont été tués mardi lors d'une attaque à Boni, a indiqué un élu local. "
              "« Ils ont aussi emmené trois jeunes », a précisé cet élu à notre agence. Selon lui, deux femmes ont été blessées.")
    assert ("local officials", "Civilians (Mali)", "missing", 3, 3) in got
    assert ("local officials", "Civilians (Mali)", "wounded", 2, 2) in got


def test_a_statement_named_after_its_verb_is_the_body_quoted_before():
    got = _fr("Des jihadistes ont attaqué mardi le camp de Boni. C'est ce qu'indique un communiqué du ministère de la Défense lu à la télévision. "
              "Les combats ont duré toute la journée. L'offensive des forces a permis de neutraliser une trentaine de terroristes, précise le communiqué.")
    assert any(c[0] == "Military Forces of Mali (2021-)" and c[2:4] == ("killed", 27) for c in got)


def test_a_bare_toll_of_a_fight_that_only_hit_civilians_counts_civilians():
    got = _fr("Une frappe de drone a visé dimanche un mariage près de Boni. Au moins dix-sept personnes y ont trouvé la mort, selon des notables. "
              "Un élu local fait état, lui, de quatorze morts.")
    assert ("local officials", "Civilians (Mali)", "killed", 14, 14) in got


def test_a_speaker_named_after_the_figure_is_not_among_the_dead_and_a_relative_s_source_speaks():
    got = _fr("Des terroristes ont attaqué lundi un détachement de l'armée à Boni. « La riposte a permis de neutraliser de nombreux "
              "assaillants », poursuit l'état-major.")
    assert any(c[0] == "Military Forces of Mali (2021-)" and c[1] == "Unidentified Armed Group (Mali)" and c[2] == "killed" for c in got)
    got = _fr("Des individus armés ont attaqué mardi un autocar à Boni, ont indiqué des habitants de la région qui ont rapporté "
              "qu'un civil avait été tué.")
    assert ("residents", "Civilians (Mali)", "killed", 1, 1) in got


def test_french_army_bulletins_as_written():
    got = _fr("Des terroristes ont attaqué lundi un poste de l'armée malienne à Boni. Le bilan cumulé fait état de : "
              "Côté FAMa : 14 morts, 11 blessés et un véhicule détruit.")
    assert any(c[1] == "Military Forces of Mali (2021-)" and c[2:4] == ("wounded", 11) for c in got)
    got = _fr("Les affrontements de Boni ont fait lundi chez les militaires « quatre blessés, une soixantaine de portés disparus et "
              "de lourdes pertes en matériels », souligne le communiqué du gouvernement.")
    assert any(c[1] == "Military Forces of Mali (2021-)" and c[2:4] == ("missing", 54) for c in got)
    assert not any(c[3] == 10 for c in got)  # equipment losses are no casualties
    got = _fr("Des terroristes ont attaqué lundi un poste de l'armée malienne à Boni. Un nombre important de terroristes ont été "
              "neutralisés, des dizaines d'autres blessés, selon l'état-major.")
    assert any(c[2:4] == ("wounded", 20) for c in got)


def test_a_named_person_then_a_title_is_that_kind_of_source():
    got = _fr("Des hommes armés ont attaqué dimanche des villages près de Boni, tuant 23 civils, a déclaré Cheick Sankaré, maire de la localité voisine.")
    assert ("local officials", "Civilians (Mali)", "killed", 23, 23) in got


def test_a_generic_word_nobody_named_is_no_speaker():
    got = _fr("Des vecteurs aériens de l'armée malienne ont frappé lundi près de Boni un regroupement de terroristes, avec un bilan de 14 terroristes neutralisés.")
    assert not any(c[0].startswith("Unidentified Armed Group") for c in got)


def test_attackers_counted_as_subjects_are_no_casualties_and_a_place_may_split_verb_and_figure():
    got = _fr("Selon le maire, une cinquantaine d'individus armés ont kidnappé samedi quinze filles dans un village près de Boni.")
    assert not any(c[3] == 45 for c in got) and any(c[2:4] == ("missing", 15) for c in got)
    got = _fr("Jeudi, des combattants présumés ont tué à Boni huit personnes, dont sept travaillant pour la compagnie française Foraco.")
    assert ("Test Wire", "Civilians (Mali)", "killed", 8, 8) in got  # the company's nationality is nobody's dead


def test_a_group_named_again_speaks_and_a_speaker_after_the_quote_wins():
    got = _fr("Le JNIM a revendiqué mardi l'attaque contre une patrouille près de Boni. Selon ce groupe, l'attaque a causé la mort de 5 soldats.")
    assert any(c[0] == "JNIM: Group for Support of Islam and Muslims" and c[3] == 5 for c in got)
    got = _fr("Des individus armés ont enlevé dimanche des passagers près de Boni. « Plusieurs personnes ont été enlevées », a expliqué un élu local, "
              "précisant que des femmes avaient été libérées, selon les témoignages.")
    assert any(c[0] == "local officials" and c[2] == "missing" for c in got)


def test_nobody_hurt_counts_nobody_and_victims_as_english_writes_them():
    got = _claims_of("Gunmen raided the market at Boni on Monday. Most traders had fled and no one was hurt, a local official said.")
    assert not any(c[2] == "wounded" for c in got)
    got = _claims_of("Gunmen attacked an army post near Boni on Monday. A medical source said 12 wounded soldiers had been admitted. "
                     "Local sources put the number of JNIM fighters killed at about 35.")
    assert ("medical sources", "Military Forces of Mali (2021-)", "wounded", 12, 12) in got
    assert any(c[1] == "JNIM: Group for Support of Islam and Muslims" and c[2:4] == ("killed", 35) for c in got)


def test_burkina_and_niger_communiques_as_written():
    got = _fr("Le ministère de la Défense a rendu public mardi un communiqué relatif à l'attaque d'une patrouille près de Boni.\n\n"
              "Le bilan provisoire est le suivant : côté ami, 5 morts, 7 blessés ; côté ennemi, 17 terroristes neutralisés.\n\n"
              "La zone est frontalière de pays où opèrent des groupes affiliés à l'État islamique et à Al-Qaïda.")
    assert ("Military Forces of Mali (2021-)", "Military Forces of Mali (2021-)", "killed", 5, 5) in got
    assert ("Military Forces of Mali (2021-)", "Unidentified Armed Group (Mali)", "killed", 17, 17) in got
    got = _fr("Des hommes armés ont attaqué dimanche le village de Boni. Des ressortissants du village évoquent un bilan plus lourd. "
              "« Nous avons enterré une trentaine de personnes », confie l'un d'eux.")
    assert any(c[0] == "residents" and c[2:4] == ("killed", 27) for c in got)
    got = _fr("Un minicar a sauté dimanche sur un engin explosif près de Boni. Selon des sources sécuritaires, l'explosion a coûté la vie "
              "à sept passagers civils et à deux volontaires.")
    assert any(c[2:4] == ("killed", 2) for c in got)


def test_a_party_s_prisoners_are_its_enemies():
    got = _fr("Des jihadistes ont attaqué lundi un camp de l'armée malienne à Boni. Le JNIM a revendiqué l'attaque. "
              "Le groupe affirme avoir tué 12 soldats et fait deux prisonniers.")
    assert ("JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali (2021-)", "captured", 2, 2) in got


def test_an_english_article_before_a_wounded_victim_is_not_an_auxiliary():
    got = _claims_of("Gunmen attacked a bus near Boni on Monday, killing two soldiers and a wounded civilian, a local official said.")
    assert any(c[2:4] == ("killed", 2) for c in got)


def test_the_wounded_listed_after_several_groups_are_of_every_group():
    got = _fr("Des terroristes ont attaqué lundi le détachement de Boni. « On déplore dans nos rangs quatre militaires et deux VDP tombés, "
              "ainsi que neuf blessés », poursuit le communiqué de l'état-major.", published="2023-06-19")
    assert any(c[2:4] == ("wounded", 9) and set(c[1].split("; ")) == {"Military Forces of Mali (2021-)", "VDP: Volunteers for the Defense of the Homeland"}
               for c in got)


def test_a_following_sentence_gives_the_source_of_the_one_before():
    got = _fr("Au moins 14 civils ont été tués dimanche dans une frappe de drone sur le marché de Boni. "
              "C'est ce qu'affirment des habitants joints par téléphone.", published="2025-03-18")
    assert ("residents", "Civilians (Mali)", "killed", 14, None) in got


def test_who_the_dead_were_said_after_the_toll():
    got = _fr("Des obus sont tombés mardi sur le marché de Boni. Selon des sources locales, le bilan s'établit à 7 morts, dont des enfants. "
              "L'armée affirme avoir neutralisé 20 terroristes.", published="2025-05-15")
    assert ("local sources", "Civilians (Mali)", "killed", 7, 7) in got
    got = _fr("Des hommes armés ont attaqué samedi un campement près de Boni. Un élu local a fait état d'un bilan de 12 morts, « tous des civils ».",
              published="2024-06-10")
    assert ("local officials", "Civilians (Mali)", "killed", 12, 12) in got


def test_a_quotation_attributed_to_the_statement_speaks_for_its_party():
    got = _fr("Selon un communiqué de l'état-major général des armées, une attaque contre le camp de Boni a été repoussée vendredi. "
              "L'offensive a été menée jusqu'à la neutralisation des assaillants, précise l'état-major.\n\n"
              "« Dans nos rangs, nous déplorons la perte de 6 soldats et de 4 VDP. Une dizaine de blessés ont été pris en charge », souligne le texte.",
              published="2025-01-13")
    assert ("Military Forces of Mali (2021-)", "Military Forces of Mali (2021-)", "killed", 6, 6) in got
    assert any(c[0] == "Military Forces of Mali (2021-)" and c[2] == "wounded"
               and set(c[1].split("; ")) == {"Military Forces of Mali (2021-)", "VDP: Volunteers for the Defense of the Homeland"} for c in got)


def test_the_outlet_s_own_finding_is_not_the_last_speaker_s():
    got = _fr("Le JNIM a revendiqué mardi l'attaque du camp de Boni. Le mouvement affirme avoir tué 19 soldats. "
              "Selon nos informations, le bilan serait plus lourd que celui avancé officiellement : une dizaine de soldats auraient perdu la vie.",
              published="2024-05-15")
    assert ("Test Wire", "Military Forces of Mali (2021-)", "killed", 8, 12) in got


def test_a_french_article_before_a_thing_is_not_a_death():
    got = _fr("Un engin explosif a tué mardi trois soldats près de Boni. Pour les habitants, la route est devenue un couloir de la mort.",
              published="2023-05-12")
    assert {c[3] for c in got if c[2] == "killed"} == {3}
    got = _fr("Une chaîne proche du groupe a confirmé mardi la mort d'un de ses commandants près de Boni.", published="2024-07-29")
    assert any(c[2:4] == ("killed", 1) for c in got)


def test_an_aside_between_subject_and_verb_keeps_the_subject_as_speaker():
    got = _fr("Un élu local fait état de onze civils tués dimanche dans une frappe près de Boni. L'armée a, pour sa part, affirmé dans un "
              "communiqué avoir conduit des frappes contre des terroristes. Ces frappes ont permis de neutraliser 12 terroristes, selon le texte.",
              published="2025-03-19")
    assert any(c[0] == "Military Forces of Mali (2021-)" and c[2:4] == ("killed", 12) for c in got)


def test_a_passive_agent_is_what_a_later_pronoun_speaks_for():
    got = _fr("Onze civils ont été tués dimanche dans une frappe de drone près de Boni, selon un élu.\n\nUn tout autre récit est avancé par "
              "le CSP-DPA. Dans un communiqué, elle a affirmé que 13 civils avaient été tués.", published="2025-03-19")
    assert ("CSP-DPA: Permanent Strategic Framework for the Defense of the People of Azawad", "Civilians (Mali)", "killed", 13, 13) in got


def test_one_soldier_named_with_an_article_and_the_others_are_soldiers_too():
    got = _fr("Le poste militaire de Boni a été la cible de tirs d'obus samedi. Un militaire a perdu la vie et quatre autres ont été blessés, "
              "selon un communiqué du ministère de la Défense.", published="2025-01-13")
    assert ("Military Forces of Mali (2021-)", "Military Forces of Mali (2021-)", "wounded", 4, 4) in got


def test_a_communique_quoted_over_several_paragraphs_speaks_to_its_closing_mark():
    got = _fr("L'État-major général des armées a rendu public dimanche un communiqué sur l'attaque du camp de Boni.\n\n"
              "« L'État-major général des armées informe que le camp de Boni a fait l'objet d'une attaque samedi.\n\n"
              "Le bilan provisoire se présente comme suit :\n\n- côté ami : 03 morts et 07 blessés ;\n\n"
              "- côté ennemi : 28 terroristes neutralisés. »", published="2024-02-05")
    assert ("Military Forces of Mali (2021-)", "Military Forces of Mali (2021-)", "killed", 3, 3) in got
    assert any(c[0] == "Military Forces of Mali (2021-)" and c[2:4] == ("killed", 28) for c in got)


def test_a_side_label_opening_a_sentence_is_the_communique_s_word():
    got = _fr("Selon un communiqué de l'état-major général des armées, les forces ont repris samedi le contrôle de Boni.\n\n"
              "Côté ami, quatre VDP sont tombés les armes à la main.", published="2025-02-22")
    assert ("Military Forces of Mali (2021-)", "VDP: Volunteers for the Defense of the Homeland", "killed", 4, 4) in got


def test_more_than_a_collective_noun_is_at_least_its_value():
    assert [(q.low, q.high) for q in find_quantities("plus d'une centaine de soldats", 0, 30, "fr")] == [(100, None)]
    assert [(q.low, q.high) for q in find_quantities("au moins une dizaine de morts", 0, 29, "fr")] == [(10, None)]
    assert [(q.low, q.high) for q in find_quantities("une centaine de morts", 0, 21, "fr")] == [(90, 110)]


def test_two_speakers_in_one_sentence_each_keep_their_figure():
    got = _fr("En mai 2023, le JNIM avait revendiqué la mort de 30 soldats près de Boni, tandis que des sources sécuritaires "
              "évoquaient plusieurs dizaines de morts dans les rangs de l'armée.", published="2023-05-20")
    assert any(c[0] == "security sources" and c[2:4] == ("killed", 20) for c in got)


def test_a_toll_dealt_to_a_party_counts_that_party():
    got = _fr("Les FAMa ont pris lundi le contrôle de Boni après des combats. Dans un communiqué, le CSP-DPA affirme avoir infligé "
              "« une dizaine de morts » aux FAMa.", published="2024-02-20")
    assert ("CSP-DPA: Permanent Strategic Framework for the Defense of the People of Azawad", "Military Forces of Mali (2021-)", "killed", 8, 12) in got


def test_a_day_between_the_verb_and_its_figure():
    got = _fr("Des hommes armés ont enlevé dimanche soir au moins onze personnes à Boni, selon des sources locales.", published="2024-11-19")
    assert ("local sources", "Civilians (Mali)", "missing", 11, None) in got


def test_whose_bodies_were_counted():
    got = _fr("Des terroristes ont attaqué jeudi une patrouille près de Boni. L'armée a informé qu'une vingtaine de corps de terroristes "
              "avaient été dénombrés lors des opérations de sécurisation.", published="2022-05-06")
    assert any((c[1] or "").startswith("Unidentified Armed Group") for c in got if c[3] == 18)


def test_losses_dealt_to_the_enemy_are_not_the_army_s_own():
    got = _fr("Une centaine de terroristes ont attaqué dimanche le village de Boni. « La réaction des FAMa a permis de repousser l'attaque "
              "en infligeant de lourdes pertes à l'ennemi », a précisé l'armée.", published="2021-07-12")
    assert not any(c[2] == "killed" and c[3] == 10 and c[1] == "Military Forces of Mali (2021-)" for c in got)


def test_a_report_that_is_a_communique_speaks_for_its_body_until_the_report_tells_it():
    got = _fr("L'Etat-major général des Armées informe l'opinion nationale et internationale que le lundi 04 février, une mission "
              "FAMa a essuyé des tirs nourris des groupes terroristes près de Boni.\n\nCes terroristes ont néanmoins tiré sur un car civil "
              "causant la mort de deux civils.\n\nLa reconnaissance offensive, du 03 au 04 février 2024, a permis de neutraliser 5 terroristes.",
              published="2024-02-05")
    assert ("Military Forces of Mali (2021-)", "Civilians (Mali)", "killed", 2, 2) in got
    assert 3 not in {c[3] for c in got}  # "du 03 au 04 février": days, not a toll


def test_communique_words_for_the_army_s_own_wounded_and_things_that_do_not_speak():
    got = _fr("Les FAMa ont réagi lundi à une attaque contre le poste de Boni. L'armée a précisé avoir tué deux assaillants et "
              "enregistré à son niveau deux blessés.", published="2021-09-16")
    assert ("Military Forces of Mali (2021-)", "Military Forces of Mali (2021-)", "wounded", 2, 2) in got
    got = _fr("Les FAMa ont souligné que « le 1er octobre, une mission d'escorte de 160 véhicules civils a été prise à partie par des hommes "
              "armés près de Boni avec un bilan de 06 blessés ». Le 29 septembre, une action a fait le bilan de 01 blessé léger FAMa.",
              published="2022-10-09")
    assert not any(c[0] == "unnamed sources" for c in got)
    assert ("Military Forces of Mali (2021-)", "Military Forces of Mali (2021-)", "wounded", 1, 1) in got


def test_the_report_was_given_by_and_the_article_of_a_source():
    got = _fr("Une douzaine de civils ont été tués jeudi lors d'une attaque contre un village près de Boni. L'information a été rapportée "
              "vendredi, par des responsables locaux.", published="2023-02-24")
    assert ("local officials", "Civilians (Mali)", "killed", 10, 14) in got
    got = _fr("Des hommes armés ont tiré jeudi sur des villageois à Boni. Des habitants, une source policière, un élu et un responsable "
              "administratif ont précisé qu'au moins 18 civils ont été tués.", published="2022-05-29")
    assert 1 not in {c[3] for c in got}


def test_a_group_s_spokesman_and_a_transliterated_name():
    got = _fr("L'attaque contre l'armée malienne le 5 mars près de Boni a été revendiquée par la coalition « Jamaat nousrat El Islam wal "
              "mouslimin ». Ce porte-parole a précisé que « 17 soldats maliens ont été tués ». Selon l'armée malienne, cette attaque a "
              "couté la vie à 11 soldats.", published="2017-03-10")
    assert ("JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali (2013-2020)", "killed", 17, 17) in got
    assert ("Military Forces of Mali (2013-2020)", "Military Forces of Mali (2013-2020)", "killed", 11, 11) in got


def test_a_source_that_mentions_a_toll_and_its_quotation_after_it():
    got = _fr("Des hommes armés ont attaqué dimanche le marché de Boni.\n\nUn élu local, joint au téléphone sous couvert d'anonymat, évoque "
              "un bilan plus lourd. « Nous avons inhumé 22 personnes lundi. Il y a aussi plusieurs blessés », a-t-il indiqué.",
              published="2023-03-07")
    assert ("local officials", "Civilians (Mali)", "killed", 22, 22) in got


def test_a_party_s_prisoners_are_its_named_enemy_not_an_unnamed_group_told_twice():
    got = _fr("Le camp militaire de Boni a été attaqué mardi par des groupes armés terroristes. Le JNIM a revendiqué l'attaque. "
              "Le mouvement affirme avoir tué 19 soldats et fait deux prisonniers.", published="2024-05-15")
    assert ("JNIM: Group for Support of Islam and Muslims", "Military Forces of Mali (2021-)", "captured", 2, 2) in got


def test_the_president_speaks_for_the_government():
    got = _claims_of("About twelve soldiers were killed near Djibo on Friday when gunmen attacked a military post, President Roch Marc "
                     "Christian Kabore said on Friday.", published="2016-12-17")
    assert any(c[0].startswith("Government of Burkina Faso") and c[3] == 12 for c in got)


def test_a_toll_set_out_as_follows_keeps_its_voice_over_the_next_lines():
    got = _fr("Selon un communiqué du gouvernement lu à la télévision, des éléments de Boko Haram ont attaqué vendredi Bosso.\n\n"
              "Le bilan global provisoire s'établit comme suit : Coté FDS, à Bosso : deux gendarmes tués.\n\n"
              "A Diffa, un policier, deux militaires et un gendarme ont été blessés.\n\nCoté ennemi, 109 assaillants sont tués.",
              published="2015-02-07")
    assert all(c[0] != "Test Wire" for c in got)


def test_a_figure_coordinated_with_de_shares_the_victims_before_it():
    got = _fr("Des obus sont tombés jeudi sur Boni. L'armée a fait état de trois civils tués et de sept blessés.", published="2023-08-18")
    assert ("Military Forces of Mali (2021-)", "Civilians (Mali)", "wounded", 7, 7) in got


def test_every_figure_of_a_list_after_dont_is_part_of_the_total():
    got = _fr("Selon le bilan officiel, quarante combattants, dont huit militaires et trente-deux VDP, sont tombés lundi près de Boni.")
    assert [c[3] for c in got if c[2] == "killed"] == [40]
    # a figure after the list's clause is a figure of its own
    got = _fr("Quatre personnes, dont des enfants, ont perdu la vie mardi à Boni et une dizaine d'autres ont été blessées, selon des habitants.")
    assert {(c[2], c[3]) for c in got} == {("killed", 4), ("wounded", 8)}


def test_a_communique_printed_without_its_speaker_counts_by_the_state_s_sides():
    got = _fr("Dimanche, les unités FAMa de Boni ont repoussé une attaque de l'EIGS. Le bilan se présente comme suit : Côté ennemi : 07 morts. "
              "Côté ami : 42 morts et 22 blessés, 09 portés disparus au sein des FAMa, 04 civils tués. Le bilan cumulé fait état de 14 morts "
              "et 11 blessés (coté FAMa).", published="2022-08-10")
    mil = "Military Forces of Mali (2021-)"
    assert {(c[1], c[2], c[3]) for c in got} == {
        ("Islamic State (Sahel)", "killed", 7), (mil, "killed", 42), (mil, "wounded", 22), (mil, "missing", 9),
        ("Civilians (Mali)", "killed", 4), (mil, "killed", 14), (mil, "wounded", 11)}


def test_a_figure_written_twice_is_one_and_a_toll_s_dead_are_not_its_author():
    got = _fr("Le bilan est de cinq (05) policiers tués, un (01) blessé et trois portés disparus à Boni.", published="2022-08-10")
    assert sorted((c[2], c[3]) for c in got) == [("killed", 5), ("missing", 3), ("wounded", 1)]
    got = _fr("Au même moment, indique la Dirpa, un regroupement de terroristes a été traité par les vecteurs aériens près de Boni, "
              "avec un bilan de 14 terroristes neutralisés.", published="2023-01-13")
    assert {(c[0], c[1], c[3]) for c in got} == {("Military Forces of Mali (2021-)", "Unidentified Armed Group (Mali)", 14)}


def test_a_toll_summed_over_years_is_context_not_a_claim():
    got = _fr("Samedi, un soldat a été tué lors d'une attaque contre le camp de Boni. Depuis 2015, les violences ont fait plus de 10.000 "
              "morts au Mali. La mission avait, avant l'attaque de samedi, perdu plus de 160 soldats.", published="2018-04-15")
    assert {c[3] for c in got} == {1}
    got = _claims_of("Attack near Boni\n\nA peacekeeper was killed on Saturday in an attack on the UN camp near Boni. Since 2013 the mission "
                     "has lost more than 160 peacekeepers.", published="2018-04-15")
    assert {(c[1], c[3]) for c in got} == {("MINUSMA: United Nations Multidimensional Integrated Stabilization Mission in Mali (2013-2020)", 1)}
    # a day of its own after the years is the report's act; a record since a year is no sum
    got = _fr("Depuis 2019, le village a été attaqué plusieurs fois, et dimanche 12 civils ont été tués à Boni.", published="2023-03-08")
    assert {c[3] for c in got} == {12}
    got = _fr("Douze soldats ont été tués près de Boni dans l'attaque la plus meurtrière depuis 2015.", published="2023-03-08")
    assert {c[3] for c in got} == {12}
    got = _claims_of("Attack near Boni\n\nTwelve soldiers were killed in the deadliest attack since 2015 near Boni.", published="2023-03-08")
    assert {c[3] for c in got} == {12}


def test_a_figure_s_own_relative_clause_holds_its_outcome():
    got = _fr("Jeudi, une section des FAMa est tombée dans une embuscade près de Boni. Le bilan provisoire est de 4 personnels FAMa qui ont "
              "trouvé la mort, 12 autres blessés.", published="2020-08-28")
    assert {(c[1], c[2], c[3]) for c in got} == {("Military Forces of Mali (2020-2021)", "killed", 4), ("Military Forces of Mali (2020-2021)", "wounded", 12)}
