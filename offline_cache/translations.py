"""Messages written once in French, read in every language through gettext catalogues.

Each messages module keeps a `Messages` table: stable keys (what code and tests name) to the
French source text, with {named} fields. The key is the gettext context and the French is the
msgid, so translators read the source and two screens may say "Normale" differently. The
`.po` files are extracted from these tables (`./dev.sh messages`, pybabel with
offline_cache/message_extract.py) and compiled to `.mo` at build time; French needs none.

Why here, in the layer both ends share: the kiosk and the back office's tracking page use it.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from offline_cache.bidi import template_for
from offline_cache.languages import SOURCE_LANGUAGE

if TYPE_CHECKING:
    import gettext

logger = logging.getLogger(__name__)


class Plural:
    """A message that changes with a count: French singular (0 and 1) and plural forms.

    A plain class, not a dataclass: the tables are built before the first paint, and a
    dataclass costs its generated code at import (kiosk/views/records.py says how much).
    """

    __slots__ = ("one", "other")

    def __init__(self, one: str, other: str):
        self.one, self.other = one, other

    def french(self, count: int) -> str:
        return self.one if count <= 1 else self.other


Source = str | Plural


@cache
def _catalogue(locale_dir: Path, domain: str, lang: str) -> gettext.GNUTranslations | None:
    """The compiled catalogue of `domain` in `lang`, read once; None when it is not there."""
    import gettext  # on first use: French, the attract screen's usual language, needs none

    mo_file = locale_dir / lang / "LC_MESSAGES" / f"{domain}.mo"
    try:
        with mo_file.open("rb") as handle:
            return gettext.GNUTranslations(handle)
    except FileNotFoundError:
        logger.warning("no compiled translations for %r in %s: French is shown instead "
                       "(run ./dev.sh setup to compile them)", lang, mo_file)
        return None


class Messages(Mapping[str, Source]):
    """One table of French source messages of a gettext `domain`, looked up by key."""

    def __init__(self, domain: str, locale_dir: Path, sources: dict[str, Source]):
        self.domain, self.locale_dir, self._sources = domain, locale_dir, sources

    def __getitem__(self, key: str) -> Source:
        return self._sources[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)

    def catalogue(self, lang: str) -> gettext.GNUTranslations | None:
        if lang == SOURCE_LANGUAGE:
            return None
        return _catalogue(self.locale_dir, self.domain, lang)

    def template(self, key: str, lang: str, count: int | None = None) -> str:
        """The unfilled text of `key` in `lang` (French when it has no translation)."""
        source = self._sources[key]
        translations = self.catalogue(lang)
        if isinstance(source, Plural):
            if count is None:
                raise TypeError(f"message {key!r} changes with a count: pass count=")
            if translations is None:
                return source.french(count)
            return translations.npgettext(key, source.one, source.other, count)
        return translations.pgettext(key, source) if translations else source

    def templates(self, lang: str) -> Iterator[tuple[str, str]]:
        """(key, unfilled text) of every message in `lang`, each plural form once."""
        for key, source in self._sources.items():
            if isinstance(source, Plural):
                forms = {self.template(key, lang, count) for count in (1, 2, 5, 21, 100)}
                yield from ((key, form) for form in sorted(forms))
            else:
                yield key, self.template(key, lang)

    def text(self, key: str, lang: str, /, **fields: object) -> str:
        """`key` in `lang` with its {fields} filled in; a `count` field picks the plural form.
        In a right-to-left language each field is a bidi isolate (offline_cache.bidi): a
        French commune name or a number inside an Arabic sentence keeps its own order."""
        count = fields.get("count")
        template = self.template(key, lang, count if isinstance(count, int) else None)
        return template_for(lang, template).format(**fields)

    def translated(self, key: str, lang: str) -> bool:
        """Whether `lang` has its own text for `key` (French always has)."""
        translations = self.catalogue(lang)
        if translations is None:
            return lang == SOURCE_LANGUAGE
        source = self._sources[key]
        msgid = source.one if isinstance(source, Plural) else source
        lookup = f"{key}\x04{msgid}"
        # gettext has no public "is it there?"; its catalogue keys plurals by (msgid, form)
        entry = translations._catalog.get((lookup, 0) if isinstance(source, Plural) else lookup)
        return bool(entry)
