"""The audio cache: one file per (text, voice, rate, volume), bounded, never half-written."""

import os

from kiosk.voice.cache import AudioCache, UtteranceKey


def _store(cache: AudioCache, text: str, size: int = 1000, **key) -> UtteranceKey:
    utterance = UtteranceKey(text, key.get("voice", "roa/fr"), key.get("wpm", 150),
                             key.get("volume", 100))
    partial = cache.partial_path()
    partial.write_bytes(b"x" * size)
    cache.store(utterance, partial)
    return utterance


def test_each_rate_voice_and_volume_has_its_own_recording(tmp_path):
    keys = {UtteranceKey("Bonjour", "roa/fr", 150, 100),
            UtteranceKey("Bonjour", "roa/fr", 120, 100),
            UtteranceKey("Bonjour", "gmw/en", 150, 100),
            UtteranceKey("Bonjour", "roa/fr", 150, 50),
            UtteranceKey("Bonjour.", "roa/fr", 150, 100)}
    assert len({key.file_name() for key in keys}) == len(keys)


def test_a_stored_recording_is_found_again_after_a_restart(tmp_path):
    cache = AudioCache(tmp_path, max_bytes=10_000)
    key = _store(cache, "Bonjour")
    again = AudioCache(tmp_path, max_bytes=10_000)
    assert again.lookup(key) == tmp_path / key.file_name()
    assert again.lookup(UtteranceKey("Au revoir", "roa/fr", 150, 100)) is None


def test_the_least_recently_played_go_first_when_the_bound_is_reached(tmp_path):
    cache = AudioCache(tmp_path, max_bytes=3000)
    first, second, third = (_store(cache, text) for text in ("un", "deux", "trois"))
    for age, key in enumerate((first, second, third)):  # explicit ages: no sleeping
        os.utime(tmp_path / key.file_name(), ns=(age * 10**9, age * 10**9))
    cache.lookup(first)  # played again: now the most recent
    fourth = _store(cache, "quatre")
    assert cache.lookup(second) is None
    assert all(cache.lookup(key) for key in (first, third, fourth))
    assert cache.total_bytes <= 3000


def test_a_zero_bound_still_keeps_the_sentence_being_played(tmp_path):
    cache = AudioCache(tmp_path, max_bytes=0)
    _store(cache, "un")
    latest = _store(cache, "deux")
    assert cache.lookup(latest) is not None
    assert len(list(tmp_path.glob("*.wav"))) == 1


def test_half_written_files_of_a_killed_worker_are_swept_at_start(tmp_path):
    (tmp_path / "partial-123-0.wav").write_bytes(b"RIFF")
    AudioCache(tmp_path, max_bytes=10_000)
    assert not (tmp_path / "partial-123-0.wav").exists()
