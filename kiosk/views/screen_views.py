"""The views of the screens between the welcome and a guided request: languages, comfort,
themes, a service, tracking, help, the idle warning, confirmations, assisted consent.

Loaded with the first screen after the welcome (kiosk.views.build dispatches here), with
their records (kiosk.views.screen_records).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.catalog import Action, localized
from kiosk.catalog.model import written_in
from kiosk.i18n import LANGUAGE_NAMES, tr
from kiosk.journey_state import AssistedConsentStage, Confirm, JourneyState, SpeechRate, TextSize
from kiosk.opening import closed_sentence
from kiosk.tracking.messages import message as track_message
from kiosk.views.records import Option, ServiceAction, Speech
from kiosk.views.screen_records import (
    AssistedConsentView,
    ComfortRow,
    ComfortView,
    ConfirmView,
    HelpView,
    HomeView,
    IdleView,
    LanguageView,
    ServiceView,
    ThemeView,
    TrackView,
)

if TYPE_CHECKING:
    from kiosk.journey import Journey
    from kiosk.views.build import ViewFacts

# (setting, label key, [(value, option label key)])
COMFORT_ROWS = (
    ("text_size", "comfort.text_size", ((TextSize.NORMAL, "comfort.size.normal"),
                                        (TextSize.LARGE, "comfort.size.large"),
                                        (TextSize.LARGER, "comfort.size.larger"))),
    ("high_contrast", "comfort.colors", ((False, "comfort.standard"),
                                         (True, "comfort.high_contrast"))),
    ("voice_on", "comfort.voice", ((True, "comfort.voice_on"), (False, "comfort.voice_off"))),
    ("speech_rate", "comfort.rate", ((SpeechRate.SLOW, "comfort.rate.slow"),
                                     (SpeechRate.NORMAL, "comfort.rate.normal"),
                                     (SpeechRate.FAST, "comfort.rate.fast"))),
)



def language(journey: Journey, state: JourneyState, facts: ViewFacts) -> LanguageView:
    """Each language named in itself; the title in the language of the moment.

    The voice says the title, then each other language's name in that language's own voice:
    a person who reads none of the screen hears their language. (One voice reading every
    name, Arabic script by the French voice, would be noise.)
    """
    options = tuple(Option(code, LANGUAGE_NAMES[code], code == state.language)
                    for code in journey.languages)
    title = tr("language.title", state.language)
    others = tuple((f"{LANGUAGE_NAMES[code]}.", code) for code in journey.languages
                   if code != state.language)
    return LanguageView(state.language, title, options, Speech(f"{title}.", then=others))


def comfort(journey: Journey, state: JourneyState, facts: ViewFacts) -> ComfortView:
    lang = state.language
    rows, spoken = [], [tr("comfort.title", lang) + ".", tr("comfort.hint", lang)]
    for setting, label_key, choices in COMFORT_ROWS:
        current = getattr(state.comfort, setting)
        options = tuple(Option(value, tr(key, lang), value == current) for value, key in choices)
        rows.append(ComfortRow(setting, tr(label_key, lang), options))
        chosen = next(option.label for option in options if option.chosen)
        spoken.append(f"{tr(label_key, lang)} : {chosen}.")
    label = tr("comfort.continue", lang)
    return ComfortView(lang, tr("comfort.title", lang), tuple(rows), label,
                       Speech(" ".join([*spoken, f"{label} ?"])))


def home(journey: Journey, state: JourneyState, facts: ViewFacts) -> HomeView:
    lang = state.language
    tiles = tuple(Option(theme.id, localized(theme.title, lang))
                  for theme in journey.catalog.themes)
    title, hint = tr("home.title", lang), tr("home.hint", lang)
    track = track_message("track.open", lang)
    spoken = f"{title} {hint} {', '.join(tile.label for tile in tiles)}. {track}."
    return HomeView(lang, title, hint, tiles, track, Speech(spoken))


def theme(journey: Journey, state: JourneyState, facts: ViewFacts) -> ThemeView:
    lang = state.language
    catalog = journey.catalog
    services = tuple(Option(service.id, localized(service.title, lang),
                            description=localized(service.summary, lang))
                     for service in catalog.services_for(state.theme_id))
    title, hint = localized(catalog.theme(state.theme_id).title, lang), tr("theme.hint", lang)
    spoken = f"{title}. {hint} {', '.join(option.label for option in services)}."
    return ThemeView(lang, title, hint, services, Speech(spoken))


def service(journey: Journey, state: JourneyState, facts: ViewFacts) -> ServiceView:
    lang = state.language
    service = journey.catalog.service(state.service_id)
    title, summary = localized(service.title, lang), localized(service.summary, lang)
    who = localized(service.authority, lang)
    documents = tuple(service.documents.get(lang) or service.documents["fr"])
    actions = []
    if Action.GUIDED_REQUEST in service.actions:
        actions.append(Option(ServiceAction.START_REQUEST, tr("service.start_request", lang)))
    closed = closed_sentence(facts.desk, lang)  # no ticket while nobody is at the desk
    if Action.MEDIATOR_TICKET in service.actions and not closed.shown:
        actions.append(Option(ServiceAction.TAKE_TICKET, tr("help.take_ticket", lang)))
    if Action.CHECKLIST in service.actions and facts.can_print:
        actions.append(Option(ServiceAction.PRINT_CHECKLIST,
                              tr("service.print_checklist", lang)))
    actions.append(Option(ServiceAction.OTHER_SERVICE, tr("service.other", lang)))
    checklist = (tr("service.checklist_title", lang, service=title),
                 tr("service.checklist_where", lang, authority=who),
                 *(f"- {item}" for item in documents),
                 *((tr("service.checklist_link", lang, url=service.official_url),)
                   if service.official_url else ()))
    what_now = said_now = tr("service.what_now", lang)
    if Action.MEDIATOR_TICKET in service.actions and closed.shown:  # instead of the ticket
        what_now, said_now = f"{closed.shown} {what_now}", f"{closed.spoken} {what_now}"
    in_french = "" if written_in(service, lang) else tr("service.in_french", lang)
    spoken = (f"{in_french} {title}. {summary} {tr('service.who', lang)} {who}. ".lstrip()
              + f"{tr('service.documents', lang)} : {'. '.join(documents)}. {said_now} "
              + " ".join(f"{option.label}." for option in actions))
    return ServiceView(lang, service.id, title, summary, tr("service.who", lang), who,
                       tr("service.documents", lang), documents, service.official_url,
                       tr("service.qr", lang), what_now, tuple(actions), checklist,
                       Speech(spoken), in_french)


def track(journey: Journey, state: JourneyState, facts: ViewFacts) -> TrackView:
    lang = state.language
    title, prompt = track_message("track.title", lang), track_message("track.prompt", lang)
    return TrackView(lang, title, f"{prompt} {track_message('track.example', lang)}",
                     track_message("track.field", lang), prompt,
                     track_message("track.again", lang), Speech(f"{title}. {prompt}"))


def help(journey: Journey, state: JourneyState, facts: ViewFacts) -> HelpView:
    from kiosk.mediator import messages

    lang = state.language
    title, body = tr("help.title", lang), tr("help.body", lang)
    ticket = tr("help.take_ticket", lang)
    sentence = messages.text("ticket.taken", lang, code=state.ticket) if state.ticket else ""
    spoken = sentence or f"{title} {body} {ticket} ?"
    closed = closed_sentence(facts.desk, lang)
    if closed.shown and not state.ticket:  # nobody to ask: when they are back, instead
        alone = tr("help.closed_alone", lang)
        body, ticket = f"{closed.shown} {alone}", ""
        spoken = f"{title} {closed.spoken} {alone}"
    return HelpView(lang, title, body, ticket, tr("help.back", lang), state.ticket or "",
                    sentence, Speech(spoken))


def idle(journey: Journey, state: JourneyState, facts: ViewFacts) -> IdleView:
    lang = state.language
    title = tr("idle.title", lang)
    body = tr("idle.body", lang, seconds=facts.idle_reset_seconds)
    more = tr("idle.more_time", lang)
    return IdleView(lang, title, body, more, tr("idle.finish", lang),
                    Speech(f"{title} {body} {more} ?"))


def confirm(journey: Journey, state: JourneyState, facts: ViewFacts) -> ConfirmView:
    lang = state.language
    if state.confirm is Confirm.LEAVE_FORM:
        prefix, fields = "confirm.leave", {}
    else:
        reference = journey.submission.reference if journey.submission else ""
        prefix, fields = "confirm.finish", {"reference": reference}
    title, body = tr(f"{prefix}.title", lang), tr(f"{prefix}.body", lang, **fields)
    yes, no = tr(f"{prefix}.yes", lang), tr(f"{prefix}.no", lang)
    return ConfirmView(lang, state.confirm, title, body, yes, no,
                       Speech(f"{title}. {body} {no} ? {yes} ?"))


def assisted_consent(journey: Journey, state: JourneyState,
                     facts: ViewFacts) -> AssistedConsentView:
    from kiosk.session import ConsentRequest

    lang = state.language
    service_id = journey.form.service.id if journey.form is not None else state.service_id
    if service_id:  # the words the recorded consent keeps (kiosk.session.ConsentRequest)
        request = ConsentRequest.for_service(journey.catalog.service(service_id), lang)
    else:
        request = ConsentRequest("", tr("assisted.any_procedure", lang),
                                 (tr("assisted.general", lang),), "", lang)
    text = request.text(facts.mediator_name)
    go_on = tr("assisted.refused.continue", lang)
    if state.assisted is AssistedConsentStage.REFUSED:
        title = tr("assisted.refused.title", lang)
        body = tr("assisted.refused.body", lang)
        speech = Speech(f"{title}. {body} {go_on}.")
    else:
        title, body = text["title"], text["body"]
        speech = Speech(f"{title}. {body} {text['accept']} ? {text['refuse']} ?")
    return AssistedConsentView(lang, state.assisted or AssistedConsentStage.ASKED, service_id,
                               title, body, text["accept"], text["refuse"], go_on, speech)
