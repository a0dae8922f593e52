"""A receipt in each registry language, for the tests of printing in every script.

The real receipt lines (kiosk.receipt) when the language's catalogue translates them, else the
same sentences written here by hand in that language, so the fonts, the bidi and the raster are
tested with real words of each script before the translators' .po files land.
"""

from __future__ import annotations

import unicodedata
from datetime import UTC, datetime

from fontTools.ttLib import TTFont
from printing_helpers import CLIENT_ID, HUB, sample_lines

from kiosk.formats import clock, short_date
from kiosk.forms.messages import MESSAGES
from kiosk.receipt import qr_payload, reference_for
from offline_cache.languages import language

REFERENCE = reference_for(CLIENT_ID)
MOMENT = datetime(2025, 3, 14, 9, 30, tzinfo=UTC)

# title, reference, date (with {date} {time}), keep
HAND_WRITTEN = {
    "ar": ("تم تسجيل طلبك", "رقمك: {reference}", "في {date} الساعة {time}",
           "احتفظ بهذه التذكرة. تساعدك على متابعة طلبك."),
    "fa": ("درخواست شما ثبت شد", "شماره شما: {reference}", "در {date} ساعت {time}",
           "این برگه را نگه دارید. برای پیگیری درخواست شما است."),
    "uk": ("Ваш запит зареєстровано", "Ваш номер: {reference}", "{date} о {time}",
           "Збережіть цей квиток. Він потрібен, щоб стежити за вашим запитом."),
    "tr": ("Başvurunuz kaydedildi", "Numaranız: {reference}", "{date} saat {time}",
           "Bu fişi saklayın. İsteğinizi takip etmek için işe yarar."),
    "ro": ("Cererea dumneavoastră este înregistrată", "Numărul dumneavoastră: {reference}",
           "Pe {date} la ora {time}", "Păstrați acest bilet. Vă ajută să urmăriți cererea."),
    "es": ("Su solicitud está registrada", "Su número: {reference}", "El {date} a las {time}",
           "Guarde este tique. Sirve para seguir su solicitud."),
    "pt": ("O seu pedido está registado", "O seu número: {reference}", "Em {date} às {time}",
           "Guarde este talão. Serve para acompanhar o seu pedido."),
}


def receipt(lang: str) -> tuple[list[str], str]:
    """The lines of a receipt in `lang` and its QR payload."""
    if MESSAGES.translated("receipt.title", lang) or lang not in HAND_WRITTEN:
        return sample_lines(lang)
    title, reference, when, keep = HAND_WRITTEN[lang]
    local = MOMENT.astimezone()
    field = _isolated if language(lang).right_to_left else str
    return [title, reference.format(reference=field(REFERENCE)),
            when.format(date=field(short_date(local.date(), lang)),
                        time=field(clock(local, lang))),
            keep], qr_payload(HUB, CLIENT_ID)


def _isolated(value: str) -> str:
    """A field as messages fill it into a right-to-left sentence: in a bidi isolate."""
    return f"\u2068{value}\u2069"


def characters_of(path: str) -> set[str]:
    """What a font file really holds, read by fontTools (independently of Pillow)."""
    return {chr(code) for code in TTFont(path).getBestCmap()}


def drawable(char: str, held: set[str]) -> bool:
    """Held as one glyph, or as letter and accents, which HarfBuzz composes (Turkish "İ")."""
    return char in held or set(unicodedata.normalize("NFD", char)) <= held
