"""The headless tour (`kiosk demo` without a display): a full request at "Très grande", with
one refused answer corrected, reaching the real back office on this machine."""

from PIL import Image

from ui.tour import run_tour


def test_the_tour_makes_a_request_at_the_largest_size_with_a_wrong_answer_corrected(
        qtbot, make_config, tmp_path):
    result = run_tour(make_config(), tmp_path / "tour")
    steps = {step.action: step for step in result.steps}
    actions = list(steps)
    larger = actions.index("The largest text, from the top bar's 'Confort'")
    refused = steps["A digit is missing: the kiosk says so and keeps what was typed"]
    assert larger < actions.index(refused.action) < actions.index("I agree: the receipt")
    assert refused.screen == "QuestionScreen"
    assert refused.spoken.startswith("Ce numéro de téléphone n'est pas complet")
    review = steps["Corrected; no e-mail"]
    assert review.screen == "ReviewScreen"
    assert "06 12 34 56 78" not in review.spoken  # shown, not read through the speakers
    assert "Votre numéro est affiché à l'écran." in review.spoken
    assert steps["I agree: the receipt"].screen == "ReceiptScreen"
    assert steps["Finish: the ticket was not printed, so the kiosk asks"].screen == "ConfirmScreen"
    assert result.hub_missing == ""  # this checkout has the back office (the bundle has not)
    assert [line.split()[0] for line in result.hub_received] == ["signalement-rue"]
    assert f"ref={result.reference}" in result.tracking_url
    assert result.tracking_state == "Reçue"
    assert Image.open(refused.png).size == (1280, 800)
