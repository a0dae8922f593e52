"""What each setting the back office can set does, and what it accepts, in French.

The settings schema (offline_cache.settings_schema) says it in English, for the configuration
file's readers and docs/configuration.md; the back office's pages are French, and an IT
officer reading "Attendu :" after an English line reads two languages in one sentence.
The no-break spaces keep « and » with their words when the page wraps.
"""

from __future__ import annotations

from offline_cache.settings_schema import SUPPORTED_LANGUAGES

_CODES = ", ".join(SUPPORTED_LANGUAGES)

# key: (what it does, what a valid value looks like)
FRENCH: dict[str, tuple[str, str]] = {
    "interface.languages": (
        "Langues proposées aux usagers, dans l'ordre.",
        f"une liste prise parmi {_CODES}"),
    "interface.default_language": (
        "Langue de l'écran d'accueil.",
        f"un code parmi {_CODES}"),
    "interface.idle_warning_seconds": (
        "Secondes sans toucher l'écran avant l'avertissement "
        "«\u00a0Êtes-vous toujours là\u00a0?\u00a0».",
        "un nombre entier de secondes, de 15 à 1800"),
    "interface.idle_reset_seconds": (
        "Secondes d'attente de l'avertissement avant d'effacer la session.",
        "un nombre entier de secondes, de 10 à 600"),
    "voice.enabled": (
        "Lire chaque écran à voix haute ; non : la borne reste muette.",
        "oui ou non"),
    "voice.rate": (
        "Vitesse de la voix au début d'une session ; l'usager la change dans "
        "«\u00a0Confort\u00a0».",
        "slow (lente), normal ou fast (rapide)"),
    "voice.volume": (
        "Volume de la voix, en pourcentage du niveau normal.",
        "un nombre entier de 0 à 100"),
    "voice.read_answers_aloud": (
        "Lire à voix haute les réponses personnelles (relecture, suivi) : seulement si la "
        "borne a un casque. Non : elles sont affichées, et la voix le dit.",
        "oui ou non"),
    "voice.cache_mb": (
        "Place sur le disque pour les phrases déjà dites (les plus anciennes partent d'abord).",
        "un nombre entier de mégaoctets, de 0 à 4096"),
    "voice.player": (
        "Programme qui joue la voix : auto, aplay, paplay, pw-play, play, ou une commande "
        "avec {file}.",
        "auto, aplay, paplay, pw-play, play, ou une commande qui contient {file}"),
    "printer.kind": (
        "Où vont les reçus : none (aucun), pdf (fichiers dans printer.pdf_dir), escpos-usb, "
        "escpos-serial, escpos-network (imprimantes thermiques) ou system (file CUPS).",
        "none, pdf, escpos-usb, escpos-serial, escpos-network ou system"),
    "printer.device": (
        "L'imprimante : un chemin de périphérique (/dev/usb/lp0, /dev/ttyUSB0), hôte:port "
        "(192.168.1.50:9100) ou le nom d'une file CUPS ; vide pour none et pdf.",
        "un chemin de périphérique, hôte:port, un nom de file CUPS, ou rien"),
    "printer.codepage": (
        "Table de caractères ESC/POS qui imprime les accents : cp858 (ESC t 19, avec €), "
        "cp1252 (ESC t 16) ou cp850 (ESC t 2, sans €).",
        "cp858, cp1252 ou cp850"),
    "printer.width_chars": (
        "Caractères par ligne de l'imprimante thermique : 48 (80 mm), 42 (80 mm, 512 points), "
        "32 (58 mm).",
        "32, 42 ou 48"),
    "printer.baudrate": (
        "Vitesse d'une imprimante thermique série (escpos-serial) : voir sa page de test.",
        "9600, 19200, 38400, 57600 ou 115200"),
    "printer.timeout_seconds": (
        "Secondes pour joindre une imprimante réseau ou lui remettre un reçu, avant "
        "d'abandonner.",
        "un nombre entier de secondes, de 1 à 120"),
    "printer.pdf_paper": (
        "Page d'un reçu PDF (pdf et system) : a6, ou roll80 (rouleau de 80 mm).",
        "a6 ou roll80"),
    "opening.hours": (
        "Les horaires de l'accueil : un jour par ligne, de mon à sun, comme "
        "«\u00a0mon = 09:00-12:00, 14:00-17:30\u00a0» ; un jour absent ou vide est fermé ; "
        "rien du tout : toujours ouvert.",
        "un jour par ligne, chacun comme «\u00a009:00-12:00, 14:00-17:30\u00a0»"),
    "opening.requests_when_closed": (
        "En dehors des horaires, les usagers peuvent encore utiliser la borne et faire des "
        "demandes ; non : elle est fermée aussi (seuls les horaires s'affichent).",
        "oui ou non"),
    "opening.timezone": (
        "Fuseau horaire des horaires (un site d'outre-mer met le sien, par exemple "
        "Indian/Reunion).",
        "un nom de fuseau comme Europe/Paris"),
    "site.message_of_the_day": (
        "Un message court sur l'écran d'accueil, affiché et lu, par exemple «\u00a0Fermé le 24 "
        "décembre\u00a0» ; vide : aucun.",
        "une ligne de 100 caractères au plus, ou rien"),
}
