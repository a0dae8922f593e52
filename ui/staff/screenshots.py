"""Scenes of the staff screens for ui/screenshots.py (and the layout tests that walk them).

They run on a scratch data folder (screenshots) or a test's temporary one: the demo account
they add there never reaches a real kiosk's database.
"""

from __future__ import annotations

from collections.abc import Callable

from ui.tasks import wait_until

DEMO_NAME, DEMO_PIN = "Claire", "2468"


def staff_scenes(window, request_id: str) -> list[tuple[str, Callable[[], None]]]:
    journey, staff, desk = window.journey, window.staff, window.desk

    def unlock() -> None:
        """The PIN is checked on a worker: wait for the dashboard."""
        staff.open()
        staff.unlock(account_id(), DEMO_PIN)
        wait_until(lambda: desk.staff_open and window.current_screen is staff.dashboard, 10,
                   "unlocking staff mode")
        wait_until(lambda: not staff.dashboard.loading, 10, "reading the dashboard's figures")

    def tab(name: str) -> None:
        """A tab reads its figures on a worker: wait for them, not for "Un instant…"."""
        staff.dashboard_tab(name)
        wait_until(lambda: not staff.dashboard.loading, 10, f"reading the {name} tab")

    def account_id() -> str:
        found = desk.services.accounts.find(DEMO_NAME)
        return (found or desk.services.accounts.add(DEMO_NAME, DEMO_PIN)).id

    def pin_screen() -> None:
        journey.reset()
        account_id()
        staff.open()

    def pin_typed() -> None:
        staff.pin_screen.enter_pin(account_id(), DEMO_NAME)
        staff.pin_screen.field.setText("12")

    def dashboard() -> None:
        desk.services.waiting_list.take_ticket()
        desk.services.waiting_list.take_ticket("carte-identite")
        desk.take_ticket("question")
        unlock()

    def assisted_consent() -> None:
        """"Accompagner": the citizen is asked first, before the mediator sees anything."""
        staff.quit()
        journey.reset()
        journey.start()
        journey.choose_language(journey.default_language)
        journey.comfort_done()
        journey.choose_service(request_id)
        journey.start_request()
        journey.ask_for_help()
        desk.take_ticket(journey.state.place.value)
        unlock()
        staff.accompany(desk.assistance.help_call.id)

    def assisted_question() -> None:
        staff.consent_given()

    def attract_call() -> None:
        staff.quit()
        journey.reset()
        unlock()
        staff.call_next()  # on a worker: the attract screen shows the call once it is done
        wait_until(lambda: window.current_screen is window.attract
                   and window.attract.call is not None and window.attract.call.isVisible(),
                   10, "calling the next person")

    return [
        ("staff-pin", pin_screen),
        ("staff-pin-code", pin_typed),
        ("staff-waiting", dashboard),
        ("staff-queue", lambda: tab("queue")),
        ("staff-kiosk", lambda: tab("kiosk")),
        ("staff-today", lambda: tab("today")),
        ("staff-settings", lambda: tab("settings")),
        ("assisted-consent", assisted_consent),
        ("assisted-question", assisted_question),
        ("attract-call", attract_call),
    ]
