from fogofwar.ingest import make_document
from fogofwar.nlp import by_language, model_name, normalize, parse


def test_model_per_language_can_be_overridden(monkeypatch):
    assert model_name("fr") == "fr_core_news_sm"
    monkeypatch.setenv("FOGOFWAR_MODEL_FR", "fr_core_news_md")
    assert model_name("fr") == "fr_core_news_md"


def test_normalised_text_keeps_offsets():
    text = "L’armée a dit « non » – puis\u00a0rien."
    assert len(normalize(text)) == len(text)
    assert normalize(text).startswith("L'armée")


def test_paragraph_breaks_end_sentences():
    doc = make_document("Mali: attack near Gao\n\nGunmen attacked a post on Monday. Two soldiers died.", name="t", lang="en")
    parsed = parse(doc)
    assert [s.text for s in parsed.sentences][0] == "Mali: attack near Gao"
    assert [s.para for s in parsed.sentences] == [0, 1, 1]


MIXED = (
    "Attaque contre un poste de l'armée près de Ménaka\n\n"
    "Des hommes armés ont attaqué mardi un poste des Forces armées maliennes à Ménaka. Selon l'armée, "
    "cinq soldats ont été tués et trois autres blessés lors des combats, qui ont duré plusieurs heures.\n\n"
    "Armed men attacked a Malian army post in Menaka on Tuesday. Local sources said that twelve "
    "assailants were killed in the fighting, which lasted several hours."
)


def test_a_page_mixing_languages_is_read_paragraph_by_paragraph():
    doc = make_document(MIXED, name="mixed", published="2024-05-09")
    assert doc.lang == "fr"
    assert [(s.lang, MIXED[s.start : s.start + 10]) for s in doc.lang_spans] == [("en", "Armed men ")]
    views = by_language(doc)
    assert [v.lang for v in views] == ["fr", "en"]
    for v in views:  # offsets are those of the page as read
        assert len(v.text) == len(MIXED) and v.text.count("\n") == MIXED.count("\n")
    assert "Armed men" not in views[0].text and "Des hommes" in views[0].text
    assert "Armed men" in views[1].text and "Des hommes" not in views[1].text


def test_a_mixed_page_gives_one_event_with_the_claims_of_both_languages():
    from fogofwar.pipeline import extract_document

    doc = make_document(MIXED, name="mixed", published="2024-05-09")
    events = extract_document(doc)
    assert len(events) == 1
    claims = {(c.claimant, c.outcome, c.low) for c in events[0].claims}
    assert ("Military Forces of Mali (2021-)", "killed", 5) in claims  # read with the French lexicon
    assert ("local sources", "killed", 12) in claims  # read with the English one
    for c in events[0].claims:
        assert MIXED[c.start : c.end] == c.quote


def test_given_language_covers_the_whole_page():
    doc = make_document(MIXED, name="mixed", lang="fr")
    assert doc.lang_spans == () and by_language(doc) == [doc]


def test_short_lines_in_another_language_do_not_split_the_page():
    text = "Reuters - Bamako\n\nLes Forces armées maliennes ont repoussé une attaque jeudi près de Boni, selon un communiqué de l'armée publié vendredi soir."
    assert make_document(text, name="t").lang_spans == ()


def test_a_sentence_cut_mid_way_by_the_model_is_rejoined():
    text = ("Une double attaque contre les positions de Samira, dans le département de Goteye (région de Tillabéri), a fait 10 morts "
            "et 15 blessés parmi les Forces de défense et de sécurité ce vendredi 4 juillet, a indiqué le ministère de la Défense dans un communiqué.")
    parsed = parse(make_document(text, name="t", lang="fr"))
    assert len(parsed.sentences) == 1
