from fogofwar.ingest import make_document
from fogofwar.nlp import model_name, normalize, parse


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
