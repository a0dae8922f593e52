"""The composition object: builds the window, the screens (ui.screen_table), the journey and
the services once, and wires them. Nothing writes attributes onto the window from outside.

The journey's state reaches the screen through `present`: the core builds the view record
(kiosk.views), the window paints it, the speaker says its speech. Slow work (the queue's
fsync, the printer, the ticket and tracking databases) goes through ui.tasks.run_task, with
"Un instant…" on the screen while the citizen waits.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from kiosk.catalog import Catalog
from kiosk.config import KioskConfig
from kiosk.i18n import tr
from kiosk.journey import Journey
from kiosk.journey_state import Comfort, JourneyState, SpeechRate, Step
from kiosk.services import KioskServices
from kiosk.session import MediatorDesk
from kiosk.views import Speech, ViewFacts, build_view
from kiosk.views.records import ServiceAction
from ui.desk_watch import DeskWatch
from ui.main_window import KioskWindow
from ui.screen_table import SCREENS
from ui.tasks import run_task
from ui.theme import HIGH_CONTRAST, Theme
from ui.voice_bridge import SilentSpeaker

log = logging.getLogger(__name__)


class KioskApp(QObject):
    """One kiosk: its journey, its window and its services, and the intents between them."""

    def __init__(self, config: KioskConfig, catalog: Catalog | None = None,
                 theme: Theme | None = None, idle_warning_ms: int | None = None,
                 services: KioskServices | None = None, desk: MediatorDesk | None = None,
                 speaker=None, finish_later: bool = False, notifier=None, clock=None):
        """`finish_later`: what only a person's touch needs waits for `finish_start`, right
        after the first paint (`kiosk run`); otherwise it is built at once (tests,
        screenshots, the tour). `notifier`: the service manager's (kiosk.system.notify),
        for `kiosk run` under systemd. `clock` (seconds, like time.time) decides whether
        the desk is open (tests move it)."""
        super().__init__()
        from ui.app import apply_theme, ensure_application

        self.qt = ensure_application()
        self.services = services or KioskServices(config)
        config = self.config  # the settings in effect: the file's, the back office's over them
        self.desk = desk or MediatorDesk(config)
        self.speaker = speaker or SilentSpeaker()
        self.site_name = config["site.name"]
        self.read_answers_aloud = config["voice.read_answers_aloud"]
        self.voice = None  # ui.voice_bridge.VoiceBridge, after the first paint
        catalog = catalog or self.services.current_catalog()  # the hub's signed one if any
        theme = theme or Theme()
        apply_theme(self.qt, theme)
        self.journey = Journey(
            catalog, tuple(config["interface.languages"]), config["interface.default_language"],
            outbox=lambda: self.desk.assisted_outbox(self.services),
            default_comfort=Comfort(text_size=theme.text_size,
                                    high_contrast=theme.palette is HIGH_CONTRAST,
                                    speech_rate=SpeechRate(config["voice.rate"])),
            needs_assisted_consent=self._needs_assisted_consent)
        self.desk_hours = DeskWatch(lambda: self.config, clock, parent=self)
        self.window = KioskWindow(self, self.site_name, lambda step: SCREENS[step](self),
                                  self._wire_nav_bar)
        self.setParent(self.window)  # the composition lives as long as its window
        self._notifier = notifier
        self.service_manager = None  # ui.service_manager.ServiceLink, from finish_start
        self.window.setFixedSize(1280, 800)  # a kiosk screen; full screen takes the display's
        warning_ms = idle_warning_ms or config["interface.idle_warning_seconds"] * 1000
        self.idle_warning_seconds = warning_ms // 1000
        self.idle_watcher = self._idle_watcher(warning_ms)
        self.voice_volume = config["voice.volume"]
        self.settings_bridge = None  # ui.remote_settings_bridge.SettingsBridge, finish_start
        self.staff = None  # ui.staff.controller.StaffController, from add_mediator_mode
        self.tap_guard = None  # ui.tap_guard.TapGuard, from finish_start
        if not finish_later:
            self.finish_start()
        self._comfort: Comfort | None = None
        self._last_view = None
        self._last_said: tuple[Speech, str] | None = None
        self._had_form = False
        self.journey.subscribe(self.present)
        self.desk_hours.changed.connect(self.desk_changed)
        self.window.destroyed.connect(lambda *_: self.desk.close())
        self.present(self.journey.state)

    @property
    def config(self) -> KioskConfig:
        """Read at each use: a live setting the back office changes shows at once."""
        return self.services.config

    def finish_start(self, notifier=None) -> None:
        """The link to the service manager (READY, watchdog, nightly restart, clean stops;
        `notifier` as in __init__, which `kiosk run` reads from the environment once painted),
        mediator mode, the two filters that see every event of the application (the idle
        watcher's, the tap guard's) and the bridge for live settings. Nobody can touch the
        attract screen before it is painted, and a Python filter on the whole application makes
        PySide6 build the Python type of every object it is shown, hundreds of Qt enums with
        them: an eighth of the start-up's work when they came before the first paint
        (callgrind, `make bench`)."""
        from ui.service_manager import ServiceLink
        from ui.tap_guard import install_tap_guard

        if self.service_manager is None:
            self.service_manager = ServiceLink(self, notifier or self._notifier)
        self.add_mediator_mode()
        if self.tap_guard is None:
            self.qt.installEventFilter(self.idle_watcher)
            # A tap right after the screen changed is dropped; it still counts as someone here.
            self.tap_guard = install_tap_guard(self.window.stack)
            self.tap_guard.tap_ignored.connect(self.idle_watcher.still_here)
            from ui.remote_settings_bridge import SettingsBridge

            # Live settings the back office changes (fetched by the background jobs, which
            # start after the first paint too).
            self.settings_bridge = SettingsBridge(self)

    def add_mediator_mode(self) -> None:
        """The staff gesture, PIN screen, dashboard and assisted-mode banner. Nobody can make
        the gesture before the attract screen is painted, so `kiosk run` adds it just after:
        it and kiosk.mediator are not needed for the first paint."""
        if self.staff is None:
            from ui.staff.controller import StaffController

            self.staff = StaffController(self.window, self)

    def _wire_nav_bar(self, nav) -> None:
        nav.back_requested.connect(self.journey.back)
        nav.home_requested.connect(self.journey.home)
        nav.help_requested.connect(self.journey.ask_for_help)
        nav.repeat_requested.connect(self.repeat)
        nav.comfort_requested.connect(self.journey.open_comfort)
        nav.language_requested.connect(self.journey.open_language)
        nav.set_language_choice_available(len(self.journey.languages) > 1)

    def _idle_watcher(self, warning_ms: int):
        from ui.idle import IdleWatcher

        watcher = IdleWatcher(self.journey, warning_ms,
                              self.config["interface.idle_reset_seconds"],
                              on_countdown=lambda seconds: self.window.idle.show_countdown(
                                  seconds), parent=self.window)
        return watcher

    # Showing the journey --------------------------------------------------------------------
    def facts(self) -> ViewFacts:
        staff = self.desk.staff
        return ViewFacts(
            idle_reset_seconds=self.config["interface.idle_reset_seconds"],
            hub_url=self.services.hub_url, link_up=self.services.link_up(),
            # Configured, as ViewFacts asks (printer_from_config builds none for "none"):
            # read from the settings, the printing code is not imported before the first paint.
            can_print=self.config["printer.kind"] != "none",
            read_answers_aloud=self.read_answers_aloud,
            mediator_name=staff.mediator.name if staff is not None else "",
            desk=self.desk_hours.status(),
            message_of_the_day=self.config["site.message_of_the_day"])

    def desk_changed(self) -> None:
        """The desk opened or closed, or the back office changed its hours or message of the
        day: the attract screen says so; other screens take it when next shown (a citizen's
        page is not redrawn under their eyes)."""
        if self.journey.state.step is Step.ATTRACT:
            self.present(self.journey.state)

    def present(self, state: JourneyState) -> None:
        """Paint the screen on top and say it (only when what it says changed)."""
        has_form = self.journey.form is not None or self.journey.submission is not None
        over = state.place is Step.ATTRACT or (self._had_form and not has_form)
        if over and self._last_view is not None:  # at start-up nothing was shown yet
            self.window.wipe()  # the session or its request is over: nothing stays shown
        self._had_form = has_form
        if state.comfort != self._comfort:  # size, contrast, voice: before the screen is drawn
            self._comfort = state.comfort
            self.apply_comfort(state.comfort)
        view = build_view(self.journey, self.facts())
        self.window.show_view(view)
        if view != self._last_view:
            self._last_view = view
            self._say(view.speech, view.language)

    def apply_comfort(self, comfort: Comfort) -> None:
        from ui.app import apply_theme

        apply_theme(self.qt, Theme.for_comfort(comfort))
        if self.voice is not None:
            self.voice.set_comfort(comfort)
            self._update_repeat()

    def _update_repeat(self) -> None:
        """"Répéter" only where it says something: a working voice the citizen kept on."""
        voice_on = self.journey.state.comfort.voice_on
        self.window.nav_bar.set_repeat_available(not self.voice.unavailable and voice_on)

    def _say(self, speech: Speech, lang: str) -> None:
        self._last_said = (speech, lang)
        self.speaker.say(speech, lang)

    def repeat(self) -> None:
        """"Répéter": the last thing said, as it was said."""
        if self._last_said is not None:
            self.speaker.say(*self._last_said)

    def say(self, text: str) -> None:
        """A sentence that is no screen's own (a print result, a ticket called)."""
        self._say(Speech(text), self.journey.state.language)

    # Intents that need the services -------------------------------------------------------
    def service_action(self, action: str) -> None:
        if action == ServiceAction.START_REQUEST:
            self.journey.start_request()
        elif action == ServiceAction.TAKE_TICKET:
            self.take_ticket()
        elif action == ServiceAction.PRINT_CHECKLIST:
            self.print_checklist()
        elif action == ServiceAction.OTHER_SERVICE:
            self.journey.choose_theme(self.journey.state.theme_id)

    def take_ticket(self) -> None:
        """A number for a mediator (SQLite, off the GUI thread); mediators see the place the
        citizen called from."""
        place = self.journey.state.place.value

        def done(ticket, error: Exception | None) -> None:
            if error is not None:
                log.error("no ticket could be taken: %s", error)
                self.window.help.ticket_button.setEnabled(True)
                self.say(tr("ticket.failed", self.journey.state.language))
                return
            self.journey.ticket_taken(ticket.code)

        run_task(lambda: self.desk.take_ticket(place), done, parent=self)

    def send_request(self) -> None:
        """"J'accepte": the request is written to the queue (fsync) off the GUI thread."""
        lang = self.journey.state.language
        self.window.consent.show_waiting(tr("wait", lang))
        self.window.nav_bar.setEnabled(False)  # nothing moves the journey while it writes

        def done(_result, error: Exception | None) -> None:
            self.window.nav_bar.setEnabled(True)
            self.journey.consent_done(error or _result)

        run_task(self.journey.send, done, parent=self)

    def spell_reference(self) -> None:
        view = self.window.receipt.view
        if view is not None:
            self._say(view.spelled, view.language)

    def print_receipt(self) -> None:
        """Print on a worker thread; the outcome is shown and spoken on the receipt screen."""
        view = self.window.receipt.view

        def done(text: str, printed: bool) -> None:
            if printed:
                self.journey.printed()
            self.window.receipt.show_print_result(text)
            self.say(text)

        self._print(list(view.lines), view.qr_payload, done)

    def print_checklist(self) -> None:
        """The documents to bring, the authority and the official link (as a QR code)."""
        screen = self.window.service
        view = screen.view
        screen.show_print_status(tr("receipt.printing", view.language), busy=True)

        def done(text: str, printed: bool) -> None:
            if printed:
                text = tr("service.checklist_printed", view.language)
            screen.show_print_status(text, busy=False)
            self.say(text)

        self._print(list(view.checklist), view.official_url, done)

    def _print(self, lines: list[str], qr_payload: str, done) -> None:
        printer = self.services.printer()
        lang = self.journey.state.language

        def finished(result, error: Exception | None) -> None:
            if error is not None or result is None:
                from kiosk.printing.messages import message as print_message

                done(print_message("print.failed_no_reference", lang), False)
            else:
                done(result.message(lang), result.ok)

        run_task(lambda: printer.print_receipt(lines, qr_payload), finished, parent=self)

    def track_reference(self, typed: str) -> None:
        """Look a typed reference up on a worker (SQLite); "Un instant…" meanwhile."""
        from kiosk.tracking.lookup import unavailable_view

        lang = self.journey.state.language
        self.window.track.show_waiting(tr("wait", lang))

        def done(view, error: Exception | None) -> None:
            if error is not None:
                log.error("tracking lookup failed: %s", error)
                view = unavailable_view(typed, lang)
            self.window.track.show_result(view)
            if self.journey.state.step is Step.TRACK:
                self._say(self.tracking_speech(view, lang), lang)

        run_task(lambda: self.services.track(typed, lang), done, parent=self)

    @staticmethod
    def tracking_speech(view, lang: str) -> Speech:
        """A service's message is written for the citizen to hear (the tracking page shows
        it too, nothing personal in it), but it is said once: its audio is never kept."""
        return Speech(view.spoken, cacheable=not view.found)

    # Assisted mode --------------------------------------------------------------------------
    def _needs_assisted_consent(self, service_id: str) -> bool:
        return self.desk.assisting and self.desk.assistance.consent_needed(service_id)

    # Voice ----------------------------------------------------------------------------------
    def attach_voice(self) -> None:
        """The speech worker starts here, after the first paint; `voice.rate` and the
        citizen's comfort reach it at once."""
        from ui.voice_bridge import VoiceBridge, VoiceSpeaker

        bridge = VoiceBridge(self.config, parent=self.window)
        self.voice = bridge
        if isinstance(self.speaker, SilentSpeaker):
            self.speaker = VoiceSpeaker(bridge, self.read_answers_aloud)
        bridge.set_comfort(self.journey.state.comfort)
        nav = self.window.nav_bar
        nav.show_voice_unavailable(bridge.unavailable)
        bridge.unavailable_changed.connect(nav.show_voice_unavailable)
        nav.show_no_voice(bridge.no_voice)
        bridge.no_voice_changed.connect(nav.show_no_voice)
        self._update_repeat()
        bridge.unavailable_changed.connect(lambda _unavailable: self._update_repeat())
        self.services.report_voice(bridge.unavailable)  # told to the back office by heartbeat
        bridge.unavailable_changed.connect(self.services.report_voice)
        service = bridge.service  # the worker process must not outlive the window
        QApplication.instance().aboutToQuit.connect(service.shutdown)
        self.window.destroyed.connect(lambda *_: service.shutdown())

    def set_voice_volume(self, percent: int) -> None:
        self.voice_volume = percent
        if self.voice is not None:
            self.voice.service.update(volume=percent)
