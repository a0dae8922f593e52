"""A reference typed at the kiosk, answered from what the kiosk knows: the hub's last word
on it, else this kiosk's own queue, else a kind "not found". A frozen view record holds what
the screen shows and what the voice says, so the screen only renders it.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from kiosk.formats import day_and_month
from kiosk.receipt import spell_reference
from kiosk.tracking.messages import message
from kiosk.tracking.store import KnownState, StateBook
from offline_cache.outbox import ItemState, OutboxItem
from offline_cache.protocol import normalize_reference, reference_for


class Outcome(enum.Enum):
    """What the kiosk can say about a typed reference."""

    KNOWN = "known"  # the hub sent its state: shown with the agent's message
    NOT_SENT = "not_sent"  # still in this kiosk's queue, waiting for the link
    HELD = "held"  # in the queue but refused by the hub: a person must look
    SENT = "sent"  # left this kiosk; the hub has not sent its state back yet
    UNKNOWN = "unknown"  # neither the hub's states nor this kiosk's queue know it
    MALFORMED = "malformed"  # cannot be a reference (length, letters): typed text kept
    UNAVAILABLE = "unavailable"  # the kiosk could not read its own records (queue, states)


@dataclass(frozen=True, slots=True)
class TrackingView:
    """Everything the "Suivre ma demande" result shows and says."""

    outcome: Outcome
    reference: str  # normalised ("K7M-4QF"), or what was typed when malformed
    label: str  # the state in one or two words ("En cours"); empty when not found
    lines: tuple[str, ...]  # shown, in order
    spoken: str  # read aloud (no answers in it: safe for the speakers)

    @property
    def found(self) -> bool:
        return self.outcome not in (Outcome.UNKNOWN, Outcome.MALFORMED, Outcome.UNAVAILABLE)


def unavailable_view(typed: str, lang: str) -> TrackingView:
    """What to say when the lookup itself failed (the queue or the states file is damaged)."""
    text = message("track.unavailable", lang)
    return TrackingView(Outcome.UNAVAILABLE, typed.strip(), "", (text,), text)


def when_words(moment: datetime, lang: str, now: datetime) -> str:
    """"aujourd'hui à 10 h 12", "hier à 9 h 05", "le 3 mars à 14 h 30" (local time)."""
    clock = message("track.time", lang, hour=moment.hour, minute=moment.minute)
    days = (now.date() - moment.date()).days
    if days == 0:
        return message("track.today", lang, time=clock)
    if days == 1:
        return message("track.yesterday", lang, time=clock)
    return message("track.on_date", lang, date=day_and_month(moment.date(), lang), time=clock)


def _local(iso: str) -> datetime | None:
    try:
        moment = datetime.fromisoformat(iso)
    except ValueError:
        return None
    return moment.astimezone() if moment.tzinfo else moment


def _heard_line(last_heard_at: float | None, lang: str, now: datetime) -> str:
    if last_heard_at is None:
        return message("track.never_heard", lang)
    heard = datetime.fromtimestamp(last_heard_at)
    return message("track.heard", lang, when=when_words(heard, lang, now))


def _known(state: KnownState, lang: str, now: datetime) -> tuple[str, list[str], list[str]]:
    key = state.state.value
    shown = [message(f"track.state.{key}", lang, reference=state.reference)]
    spoken = [message(f"track.state.{key}", lang,
                      reference=spell_reference(state.reference, lang))]
    words = (message("track.message", lang, message=state.message) if state.message
             else message("track.no_message", lang))
    shown.append(words)
    spoken.append(words)
    changed = _local(state.updated_at)
    if changed is not None:
        news = message("track.updated", lang, when=when_words(changed, lang, now))
        shown.append(news)
        spoken.append(news)
    return message(f"track.label.{key}", lang), shown, spoken


_QUEUE_OUTCOME = {ItemState.PENDING: Outcome.NOT_SENT, ItemState.SENDING: Outcome.NOT_SENT,
                  ItemState.HELD: Outcome.HELD, ItemState.SENT: Outcome.SENT}


def look_up(typed: str, book: StateBook, queued: Iterable[OutboxItem], lang: str,
            now: float | None = None) -> TrackingView:
    """What to tell a citizen who typed `typed`; `queued` is this kiosk's outbox items."""
    moment = datetime.fromtimestamp(time.time() if now is None else now)
    reference = normalize_reference(typed)
    if reference is None:
        text = message("track.malformed", lang)
        return TrackingView(Outcome.MALFORMED, typed.strip(), "", (text,), text)
    heard = _heard_line(book.last_heard_at(), lang, moment)
    known = book.find(reference)
    if known is not None:
        label, shown, spoken = _known(known, lang, moment)
        return TrackingView(Outcome.KNOWN, reference, label, (*shown, heard),
                            " ".join([*spoken, heard]))
    spelled = spell_reference(reference, lang)
    item = next((i for i in queued if reference_for(i.item_id) == reference), None)
    if item is not None:
        outcome = _QUEUE_OUTCOME[item.state]
        key = outcome.value
        shown_text = message(f"track.state.{key}", lang, reference=reference)
        spoken_text = message(f"track.state.{key}", lang, reference=spelled)
        lines = (shown_text, heard) if outcome is Outcome.SENT else (shown_text,)
        spoken = f"{spoken_text} {heard}" if outcome is Outcome.SENT else spoken_text
        return TrackingView(outcome, reference, message(f"track.label.{key}", lang), lines,
                            spoken)
    text = message("track.unknown", lang, reference=reference)
    help_text = message("track.unknown_help", lang)
    # On screen above the keyboard: two lines at most; the voice also says when it last heard.
    return TrackingView(Outcome.UNKNOWN, reference, "", (text, help_text),
                        " ".join([message("track.unknown", lang, reference=spelled),
                                  help_text, heard]))
