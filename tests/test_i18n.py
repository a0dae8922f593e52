"""Every message is written in French once and read in each registry language through gettext.

The .po files are what translators edit; these tests read them as a reviewer would: the same
{fields} as the French, nothing missing unless declared, plural forms for counts, and the
compiled catalogues in step with the sources.
"""

from __future__ import annotations

import string
import tomllib

import pytest
from babel.messages.pofile import read_po

from kiosk.i18n import MESSAGES, tr
from kiosk.mediator import messages as staff_messages
from kiosk.paths import locale_dir
from offline_cache.languages import CODES, LANGUAGES, SOURCE_LANGUAGE
from offline_cache.translations import Plural

DOMAINS = ("kiosk", "staff", "catalog")
TRANSLATED = [code for code in CODES if code != SOURCE_LANGUAGE]


def fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def po(lang: str, domain: str):
    with (locale_dir() / lang / "LC_MESSAGES" / f"{domain}.po").open("rb") as handle:
        return read_po(handle)


def declared_fallbacks(lang: str, domain: str) -> set[str]:
    declared = tomllib.loads((locale_dir() / "fallbacks.toml").read_text(encoding="utf-8"))
    return set(declared.get(lang, {}).get(domain, []))


def template():
    return {domain: {m.context: m for m in read_po((locale_dir() / f"{domain}.pot").open("rb"))
                     if m.id} for domain in DOMAINS}


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("domain", DOMAINS)
def test_every_translation_keeps_the_french_fields(lang, domain):
    for message in po(lang, domain):
        if not message.id or not message.string:
            continue
        sources = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for translated in strings:
            if translated:
                assert fields(translated) == fields(sources[0]), (message.context, translated)


@pytest.mark.parametrize("lang", TRANSLATED)
@pytest.mark.parametrize("domain", DOMAINS)
def test_no_language_misses_a_message_unless_it_is_declared_to_fall_back(lang, domain):
    sources = template()[domain]
    translated = {m.context for m in po(lang, domain) if m.id and not m.fuzzy and (
        all(m.string) if isinstance(m.string, tuple) else m.string)}
    missing = set(sources) - translated
    assert missing <= declared_fallbacks(lang, domain), sorted(missing)[:20]


def test_the_templates_hold_every_french_message_as_the_code_has_it():
    """Fails when a French text changed and `./dev.sh messages` was not run since."""
    from kiosk.forms import messages as form_messages
    from kiosk.printing import messages as printing_messages
    from kiosk.tracking import messages as tracking_messages

    sources = template()
    tables = ((MESSAGES, "kiosk"), (form_messages.MESSAGES, "kiosk"),
              (tracking_messages.MESSAGES, "kiosk"), (printing_messages.MESSAGES, "kiosk"),
              (staff_messages.MESSAGES, "staff"))
    for table, domain in tables:
        for key, source in table.items():
            french = (source.one, source.other) if isinstance(source, Plural) else source
            assert sources[domain][key].id == french, key


def test_a_message_reads_in_the_citizens_language_with_its_fields():
    assert tr("idle.body", "en", seconds=12).endswith("in 12 seconds.")
    assert tr("idle.body", "fr", seconds=12).endswith("dans 12 secondes.")


def test_a_count_picks_the_languages_plural_form():
    assert staff_messages.text("staff.queue.retried", "fr", count=1) == (
        "1 demande remise dans la file.")
    assert staff_messages.text("staff.queue.retried", "fr", count=3) == (
        "3 demandes remises dans la file.")
    assert staff_messages.text("staff.queue.retried", "en", count=1).startswith("1 request ")
    assert staff_messages.text("staff.queue.retried", "en", count=3).startswith("3 requests ")


def test_a_language_without_catalogues_reads_french():
    assert tr("nav.home", "de") == "Accueil"


def test_every_registry_language_has_its_own_name_a_voice_and_a_keyboard():
    for language in LANGUAGES:
        assert language.name and language.keyboard and language.locale
        assert (language.code in ("ar", "fa")) == language.right_to_left


def test_the_translators_guide_lists_every_registry_language_as_the_registry_has_it():
    from pathlib import Path

    guide = (Path(__file__).resolve().parent.parent / "docs" / "translations.md").read_text(
        encoding="utf-8")
    rows = {cells[0]: cells for line in guide.splitlines() if line.startswith("| ")
            and (cells := [cell.strip() for cell in line.strip("|").split("|")])[0] in CODES}
    assert set(rows) == set(CODES)
    for language in LANGUAGES:
        _code, name, french, voice, direction, _keyboard = rows[language.code]
        assert (name, french, voice) == (language.name, language.french_name, language.voice)
        assert direction == ("right to left" if language.right_to_left else "left to right")
