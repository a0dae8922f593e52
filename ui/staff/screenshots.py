"""Scenes of the staff screens for ui/screenshots.py (and the layout tests that walk them).

They run on a scratch data folder (screenshots) or a test's temporary one: the demo account
they add there never reaches a real kiosk's database.
"""

from __future__ import annotations

from collections.abc import Callable

DEMO_NAME, DEMO_PIN = "Claire", "2468"


def staff_scenes(window, request_id: str) -> list[tuple[str, Callable[[], None]]]:
    journey, staff, desk = window.journey, window.staff, window.desk

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
        staff.unlock(account_id(), DEMO_PIN)

    def assisted_question() -> None:
        staff.quit()
        journey.reset()
        journey.start()
        journey.choose_language(journey.default_language)
        journey.comfort_done()
        journey.choose_service(request_id)
        journey.start_request()
        journey.ask_for_help()
        window.take_ticket()
        staff.open()
        staff.unlock(account_id(), DEMO_PIN)
        staff.accompany(desk.assistance.help_call.id)

    def assisted_consent() -> None:
        for answer in ("eclairage", "Rue de la Mairie", "", True, True, "0612345678", ""):
            journey.answer(answer)
        journey.confirm_review()
        journey.give_consent()

    def attract_call() -> None:
        staff.quit()
        journey.reset()
        staff.open()
        staff.unlock(account_id(), DEMO_PIN)
        staff.call_next()

    tab = staff.dashboard_tab
    return [
        ("staff-pin", pin_screen),
        ("staff-pin-code", pin_typed),
        ("staff-waiting", dashboard),
        ("staff-queue", lambda: tab("queue")),
        ("staff-kiosk", lambda: tab("kiosk")),
        ("staff-today", lambda: tab("today")),
        ("staff-settings", lambda: tab("settings")),
        ("assisted-question", assisted_question),
        ("assisted-consent", assisted_consent),
        ("attract-call", attract_call),
    ]
