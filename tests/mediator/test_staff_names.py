"""What the staff screens call each place of the journey and each ticket reason."""

import pytest

from kiosk.catalog import load_catalog
from kiosk.journey_state import Step
from kiosk.mediator.names import StaffNames
from kiosk.mediator.tickets import HELP_REASON

NAMES = StaffNames(load_catalog())


@pytest.mark.parametrize("step", list(Step), ids=lambda step: step.value)
def test_every_screen_a_help_call_can_come_from_has_a_french_name(step):
    assert NAMES.screen(step.value) != step.value  # 'confirm' and 'staff' were shown as ids


def test_a_help_ticket_and_a_service_are_named_in_the_staff_language():
    assert NAMES.service(HELP_REASON, "fr") == "Aide"
    assert NAMES.service("carte-identite", "fr") == "Carte d'identité"
    assert NAMES.service("retired-service") == "retired-service"
