"""Write the services' translations into the catalogue: `./dev.sh messages` runs it.

Translators work in assets/locale/<lang>/LC_MESSAGES/catalog.po (gettext, like the screens);
the kiosk reads the catalogue's JSON, which the hub signs and sends, so each language's texts
must travel inside it. This writes every translated text next to its French and removes a
language's text whose French changed since (it falls back to French, and `kiosk catalog check`
names it). A list (documents) is written only when every line of it is translated.

    python scripts/catalog_translations.py [CATALOG_JSON] [LOCALE_DIR]
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from babel.messages.pofile import read_po

from offline_cache.languages import CODES, SOURCE_LANGUAGE
from offline_cache.message_extract import catalog_texts

ROOT = Path(__file__).resolve().parent.parent


def translations(po_file: Path) -> dict[tuple[str, str], str]:
    """(context, French) -> translation, for the entries a translator filled and did not flag."""
    if not po_file.exists():
        return {}
    with po_file.open("rb") as handle:
        catalog = read_po(handle)
    return {(message.context, message.id): message.string for message in catalog
            if message.id and message.string and not message.fuzzy}


def merge(data: dict, locale_dir: Path) -> dict[str, int]:
    """Write each language's translations into `data`; returns how many texts per language."""
    counts: dict[str, int] = {}
    texts = list(catalog_texts(data))
    for lang in CODES:
        if lang == SOURCE_LANGUAGE:
            continue
        found = translations(locale_dir / lang / "LC_MESSAGES" / "catalog.po")
        lists: dict[int, list[str | None]] = {}
        counts[lang] = 0
        for text in texts:
            translated = found.get((text.context, text.french))
            counts[lang] += translated is not None
            if text.index is None:
                if translated:
                    text.holder[lang] = translated
                else:
                    text.holder.pop(lang, None)
            else:
                lines = lists.setdefault(id(text.holder), [None] * len(text.holder["fr"]))
                lines[text.index] = translated
                if None in lines:
                    text.holder.pop(lang, None)
                else:
                    text.holder[lang] = lines
        if counts[lang]:
            data["languages"] = [*dict.fromkeys([*data.get("languages", ["fr"]), lang])]
    data["languages"] = [code for code in CODES if code in data["languages"]]
    return counts


def main(argv: list[str]) -> int:
    catalog_path = Path(argv[0]) if argv else ROOT / "assets" / "catalog" / "catalog.json"
    locale_dir = Path(argv[1]) if len(argv) > 1 else ROOT / "assets" / "locale"
    data = json.loads(catalog_path.read_text(encoding="utf-8"))
    counts = merge(data, locale_dir)
    catalog_path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n",
                            encoding="utf-8")
    total = len(list(catalog_texts(data)))
    for lang, count in counts.items():
        print(f"{catalog_path.name} {lang}: {count} of {total} texts translated")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
