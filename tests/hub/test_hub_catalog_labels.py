"""The request page's answers read as an agent would say them, not as raw values."""

from hub.catalog import catalogue


def test_a_question_the_citizen_could_not_answer_reads_as_such():
    rows = dict(catalogue().answers("demande-retraite", {"nir": {"unknown": True}}))
    assert "Non connu de la personne" in rows.values()
    assert "True" not in " ".join(rows.values())


def test_choices_are_shown_with_their_french_labels():
    rows = catalogue().answers("acte-naissance", {"type_acte": "copie-integrale"})
    assert rows[0][1].startswith("La copie complète")
