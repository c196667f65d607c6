from fogofwar.detect import detect_mentions
from fogofwar.ingest import make_document
from fogofwar.nlp import parse


def _subs(text, lang="en"):
    parsed = parse(make_document(text, name="t", published="2024-01-10", lang=lang))
    return [(t.text.lower(), t.sub_event_type or t.resolve) for t in detect_mentions(parsed)]


def test_triggers_map_to_sub_types():
    got = _subs("A drone strike hit the camp. An IED exploded under a truck. Gunmen kidnapped two teachers.")
    subs = {s for _, s in got}
    assert {"Air/drone strike", "Remote explosive/landmine/IED", "Abduction/forced disappearance"} <= subs


def test_negated_and_hypothetical_events_are_not_triggers():
    assert _subs("The army denied that it attacked the village.") == [] or all(s != "violence" for _, s in _subs("The army denied that it attacked the village."))
    assert _subs("Residents fear an attack on the town.") == []


def test_purpose_clause_is_not_an_event():
    assert all(s != "territory" for _, s in _subs("The army launched an offensive to retake the town."))


def test_french_triggers():
    subs = {s for _, s in _subs("Une embuscade a visé un convoi. Une frappe de drone a touché un marché.", lang="fr")}
    assert "Armed clash" in subs and "Air/drone strike" in subs
