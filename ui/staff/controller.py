"""Wires mediator mode into the kiosk window: the discreet gesture, the PIN screen, the
dashboard, take-over with its banner, the idle lock. Rules live in kiosk.mediator; this only
forwards taps and shows outcomes.

The staff screens are in the signed-in staff member's language (kept with the account, French
until they choose; the PIN screen switches to it when their name is tapped); the citizen's
screen underneath, the banner and what the kiosk says to the citizen keep the citizen's.

Staff mode closes (and the journal says so) on "Quitter", after `mediator.idle_lock_seconds`
without a touch, after "Appeler la personne suivante" (the screen goes back to the citizens) and on
"Rendre la main". The citizen's session underneath is never touched by any of these.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.journey_state import JourneyState, SessionEnd, Step
from kiosk.mediator import messages
from kiosk.mediator.audit import record_export, record_settings_change
from kiosk.mediator.journal import Event
from offline_cache.languages import SOURCE_LANGUAGE
from ui.staff.long_press import HOLD_MS, LongPress
from ui.tasks import run_task

log = logging.getLogger(__name__)

IDLE_CHECK_MS = 1000


class StaffController(QObject):
    def __init__(self, window, kiosk, hold_ms: int = HOLD_MS):
        """`kiosk`: the composition (ui.composition.KioskApp) that owns the window."""
        super().__init__(window)
        self.window, self.kiosk, self.desk = window, kiosk, kiosk.desk
        self.journey = kiosk.journey
        self._taking_over = False  # the consent on screen was asked by "Accompagner"
        self.lang = SOURCE_LANGUAGE  # the staff member's, once signed in; never the citizen's
        self.pin_screen = None
        self.dashboard = None
        from ui.staff.banner import AssistBanner

        self.banner = AssistBanner()
        window.add_banner(self.banner)
        self.banner.hand_back_requested.connect(self.hand_back)
        self.banner.dashboard_requested.connect(self.open)
        self.site_press = LongPress(window.nav_bar.site_label, hold_ms)
        self.site_press.held.connect(self.open)
        window.attract.staff_requested.connect(self.open)
        self.idle_timer = QTimer(self, interval=IDLE_CHECK_MS)
        self.idle_timer.timeout.connect(self.check_idle)
        QApplication.instance().installEventFilter(self)
        self.journey.subscribe(self._on_state)
        self.journey.subscribe_end(self._on_session_end)

    # Unlocking ----------------------------------------------------------------------------
    def open(self) -> None:
        """The gesture: the dashboard if staff mode is open, else the PIN screen."""
        if self.desk.staff_open:
            self.show_dashboard()
            return
        if self.pin_screen is None:
            from ui.staff.pin_screen import StaffPinScreen

            self.pin_screen = StaffPinScreen()
            self.pin_screen.pin_entered.connect(self.unlock)
            self.pin_screen.cancelled.connect(self.close_staff_view)
        self.pin_screen.set_accounts([(a.id, a.name, a.language) for a in self.desk.accounts()])
        self.window.show_staff(self.pin_screen)

    def unlock(self, account_id: str, pin: str) -> None:
        """The PIN is checked on a worker (scrypt takes a noticeable moment)."""
        from kiosk.i18n import tr

        lang = self.pin_screen.lang  # the language of the account being opened
        self.pin_screen.say(tr("wait", lang))
        self.pin_screen.setEnabled(False)

        def done(result, error: Exception | None) -> None:
            self.pin_screen.setEnabled(True)
            if error is not None:
                self.pin_screen.say(str(error))
            elif result.ok:
                self.pin_screen.wipe()
                self.idle_timer.start()
                self.lang = result.mediator.language
                self.show_dashboard()
            else:
                self.pin_screen.say(result.message(lang))

        run_task(lambda: self.desk.unlock(account_id, pin), done, parent=self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and self.desk.staff is not None:
            self.desk.touch()
        return False

    def check_idle(self) -> None:
        if self.desk.check_idle():
            self.idle_timer.stop()
            self._show_banner()
            self.close_staff_view()
            self.kiosk.say(messages.text("staff.locked_idle", self.lang))

    # Dashboard ----------------------------------------------------------------------------
    def show_dashboard(self) -> None:
        if self.dashboard is not None and self.dashboard.lang != self.lang:
            self._drop_dashboard()  # built for another staff member's language
        if self.dashboard is None:
            self.dashboard = self._build_dashboard()
        self.dashboard.open_for(self.desk.staff.mediator.name)
        self.window.show_staff(self.dashboard)

    def _drop_dashboard(self) -> None:
        self.window.stack.removeWidget(self.dashboard)
        self.dashboard.deleteLater()
        self.dashboard = None

    def choose_my_language(self, lang: str) -> None:
        """Kept with the account (a write, on a worker), then the dashboard in that language,
        back on the settings where the choice was made."""
        accounts, mediator_id = self.desk.services.accounts, self.desk.staff.mediator.id

        def done(_account, error: Exception | None) -> None:
            if error is not None:
                self._action_failed("keep the staff member's language", error)
                return
            self.lang = lang
            self.show_dashboard()
            self.dashboard.show_tab("settings")

        self.dashboard.panels["settings"].run_action(
            lambda: accounts.set_language(mediator_id, lang), done)

    def _build_dashboard(self):
        from kiosk.mediator.names import StaffNames
        from ui.staff.dashboard import Dashboard
        from ui.staff.health_panel import HealthPanel, HealthProbes
        from ui.staff.queue_panel import QueuePanel
        from ui.staff.settings_panel import SettingsPanel
        from ui.staff.today_panel import TodayPanel
        from ui.staff.waiting_panel import WaitingPanel

        services, lang = self.kiosk.services, self.lang
        names = StaffNames(self.journey.catalog)
        waiting = WaitingPanel(self.desk, lang, names=names)
        waiting.call_next_requested.connect(self.call_next)
        waiting.accompany_requested.connect(self.accompany)
        probes = HealthProbes(
            link=lambda: services.outbox().status().link.value, hub_url=services.hub_url,
            voice_ok=lambda: not self.window.nav_bar.voice_status.isVisibleTo(
                self.window.nav_bar),
            printer_ok=lambda: services.printer() is not None,
            data_dir=services.config.data_dir,
            catalog_version=self.journey.catalog.version)
        panels = {
            "waiting": waiting,
            "queue": QueuePanel(services.outbox, lang, self.retry, self.export, names=names),
            "kiosk": HealthPanel(probes, lang),
            "today": TodayPanel(self.desk, lang, names=names),
            "settings": SettingsPanel(self.settings, self.apply_setting,
                                      self.journey.languages, lang,
                                      stop_kiosk=self.stop_kiosk,
                                      choose_my_language=self.choose_my_language),
        }
        dashboard = Dashboard(panels, lang)
        dashboard.quit_requested.connect(self.quit)
        return dashboard

    def dashboard_tab(self, name: str) -> None:
        self.dashboard.show_tab(name)

    def quit(self) -> None:
        """"Quitter": hands back if assisting, locks staff mode, back to the citizen screen."""
        self.desk.hand_back()
        self.idle_timer.stop()
        self._show_banner()
        self.close_staff_view()

    def close_staff_view(self) -> None:
        if self.pin_screen is not None:
            self.pin_screen.wipe()
        self.window.leave_staff()

    # Waiting list -------------------------------------------------------------------------
    def call_next(self) -> None:
        """Shown big on the attract screen and spoken; staff mode closes for the next person.
        The waiting list is written on a worker (ui.staff.panel.run_action)."""
        self.dashboard.panels["waiting"].run_action(self.desk.call_next, self._called)

    def _called(self, call, error: Exception | None) -> None:
        if error is not None:
            self._action_failed("call the next person", error)
            return
        if call is None:
            self.dashboard.refresh()
            return
        lang = self.journey.state.language
        self.window.attract.show_call(call.display.get(lang, call.display["fr"]))
        self.quit()
        self.kiosk.say(call.speech.get(lang, call.speech["fr"]))

    def accompany(self, help_id: str) -> None:
        """For the session on screen: the citizen is asked first, then the mediator takes
        the controls (consent_given). Another session's call is marked answered."""
        if not self.desk.is_this_session(help_id):
            waiting_list, mediator_id = self.desk.services.waiting_list, self.desk.staff.mediator.id
            self.dashboard.panels["waiting"].run_action(
                lambda: waiting_list.answer_help(help_id, mediator_id), self._answered)
            return
        self.close_staff_view()
        if self.journey.state.step is Step.HELP:
            self.journey.resume()  # back to the question the citizen was stuck on
        self._taking_over = True
        self.journey.ask_assisted_consent()

    def _answered(self, _result, error: Exception | None) -> None:
        if error is not None:
            self._action_failed("mark the help call answered", error)
            return
        self.dashboard.refresh()

    def _action_failed(self, what: str, error: Exception) -> None:
        """The detail for IT in the log; the mediator gets plain words and the list again."""
        log.warning("staff screen: could not %s: %s", what, error)
        self.dashboard.refresh()
        self.dashboard.say(self._tr("staff.action_failed"))

    def consent_given(self) -> None:
        """"J'accepte": the mediator takes over (if that was asked), the consent is recorded
        for the procedure on screen, and what waited for it goes on."""
        if self._taking_over and self.desk.staff_open:
            self.desk.take_over(self.journey.state.place.value)
        self._taking_over = False
        service_id = self._consent_service()
        if service_id and self.desk.assisting:
            self.desk.record_service_consent(self.journey.catalog.service(service_id),
                                             self.journey.state.language)
        self._show_banner()
        if self.journey.assisted_consent_given():
            self.kiosk.send_request()  # the queue write stays off the GUI thread

    def consent_refused(self) -> None:
        """"Je refuse": nobody takes over; a mediator already there hands back."""
        if not self._taking_over and self.desk.assisting:
            self.desk.hand_back()
        self._taking_over = False
        self._show_banner()
        self.journey.assisted_consent_refused()

    def _consent_service(self) -> str | None:
        journey = self.journey
        if journey.form is not None:
            return journey.form.service.id
        return journey.state.service_id if journey.state.place is Step.SERVICE else None

    def hand_back(self) -> None:
        self.desk.hand_back()
        self.idle_timer.stop()
        self._show_banner()
        self.kiosk.say(messages.text("assist.handed_back", self.journey.state.language))

    # Queue actions ------------------------------------------------------------------------
    def retry(self, item_ids: list[str]) -> None:
        from kiosk.mediator.audit import record_retry

        outbox, journal, mediator_id = self._queue_action_parts()

        def work() -> int:  # on a worker: the queue and the journal are files
            retried = [item for item in item_ids if outbox().retry(item)]
            for item in retried:
                record_retry(journal, mediator_id, item)
            return len(retried)

        def done(count, error: Exception | None) -> None:
            if error is not None:
                self._action_failed("put the held requests back in the queue", error)
                return
            self._queue_done(self._tr("staff.queue.retried", count=count))

        self.dashboard.panels["queue"].run_action(work, done)

    def export(self) -> None:
        """Written under <data dir>/exports, on a worker (a USB stick can be slow)."""
        outbox, journal, mediator_id = self._queue_action_parts()
        folder = self.kiosk.services.config.data_dir / "exports"

        def work() -> tuple:
            path, count = outbox().export(folder)
            record_export(journal, mediator_id, count)
            return path, count

        def done(result, error: Exception | None) -> None:
            if error is not None:  # the detail is for IT, in the log; staff get plain words
                log.warning("export of the unsent requests to %s failed: %s", folder, error)
                self._queue_done(self._tr("staff.queue.export_failed"))
                return
            path, count = result
            self._queue_done(self._tr("staff.queue.exported", count=count, path=path))

        self.dashboard.panels["queue"].run_action(work, done)

    def _queue_action_parts(self) -> tuple:
        """What a queue action needs, read on the GUI thread; the queue opened by the worker."""
        return self.kiosk.services.outbox, self.desk.services.journal, self.desk.staff.mediator.id

    def _queue_done(self, text: str) -> None:
        if self.dashboard is not None:
            self.dashboard.refresh()
            self.dashboard.say(text)

    def _tr(self, key: str, **fields) -> str:
        return messages.text(key, self.lang, **fields)

    # Settings (for the running kiosk only) -------------------------------------------------
    def settings(self) -> dict:
        return {"interface.idle_warning_seconds": self.kiosk.idle_warning_seconds,
                "voice.volume": self.kiosk.voice_volume,
                "voice.rate": self.journey.default_comfort.speech_rate.value,
                "interface.default_language": self.journey.default_language}

    def apply_setting(self, key: str, value) -> None:
        from ui.remote_settings_bridge import apply_live_settings

        old = self.settings()[key]
        if key == "interface.default_language":
            self.journey.default_language = value
        else:  # the same path as the back office's live settings
            apply_live_settings(self.kiosk, {key: value})
        record_settings_change(self.desk.services.journal, self.desk.staff.mediator.id, key,
                               old, value)

    def stop_kiosk(self) -> None:
        """Maintenance: journaled, then the kiosk quits with STOPPED_BY_STAFF, which its
        service manager does not restart (ui.service_manager)."""
        self.desk.services.journal.record(Event.KIOSK_STOP, self.desk.staff.mediator.id)
        self.quit()
        self.kiosk.service_manager.stop_by_staff()

    # The citizen's session ----------------------------------------------------------------
    def _on_state(self, state: JourneyState) -> None:
        self._show_banner(state.language)

    def _show_banner(self, lang: str | None = None) -> None:
        lang = lang or self.journey.state.language
        self.banner.show_text(self.desk.banner(lang), lang)

    def _on_session_end(self, end: SessionEnd) -> None:
        self.desk.session_ended(end.service_id, end.completed, end.last_step)
