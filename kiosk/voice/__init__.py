"""Voice guidance: speech that never freezes the kiosk, with honest health.

The GUI talks to `SpeechService` (non-blocking) and shows `VoiceHealth`; `kiosk doctor` runs
`voice_checks`. No Qt here: the Qt bridge in `ui/` re-emits the callbacks as signals.
"""

from kiosk.voice.checks import voice_checks
from kiosk.voice.health import VoiceHealth, VoiceStatus
from kiosk.voice.options import RateStep, VoiceOptions, options_from_config, words_per_minute
from kiosk.voice.service import SpeechService

__all__ = [
    "RateStep", "SpeechService", "VoiceHealth", "VoiceOptions", "VoiceStatus",
    "options_from_config", "voice_checks", "words_per_minute",
]
