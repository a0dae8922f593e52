"""Faults the kiosk must survive: it keeps answering and says the voice is unavailable."""

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.voice import VoiceHealth


def _broken_pyttsx3(tmp_path: Path) -> str:
    """A folder whose `pyttsx3` fails to import, as on a kiosk with a broken install."""
    package = tmp_path / "broken" / "pyttsx3"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text("raise ImportError('simulated: pyttsx3 is broken')\n")
    return str(package.parent)


def test_no_player_installed_is_reported_and_synthesis_still_works(make_service, wait_for):
    service = make_service(player="/nonexistent/bin/aplay {file}")
    wait_for(lambda: service.health is VoiceHealth.PLAYER_MISSING)
    assert "not installed" in service.status.detail
    service.speak("Bonjour")
    assert service.synthesize("Bonjour").result(10).exists()
    assert service.health is VoiceHealth.PLAYER_MISSING


def test_a_player_that_fails_means_no_audio_device(make_service, wait_for):
    # Real aplay on a machine without a sound card: the state a kiosk with unplugged
    # speakers gets, which pyttsx3 alone would hide.
    if not shutil.which("aplay") or "card " in subprocess.run(
            ["aplay", "-l"], capture_output=True, text=True).stdout:
        pytest.skip("needs aplay and a machine without a sound card")
    service = make_service(player="aplay")
    service.speak("Bonjour")
    wait_for(lambda: service.health is VoiceHealth.NO_AUDIO_DEVICE)
    assert "status" in service.status.detail


def test_the_voice_recovers_when_the_device_comes_back(make_service, make_player, tmp_path,
                                                       wait_for):
    broken = make_player(status=1, name="broken-player")
    working = make_player(name="working-player")
    service = make_service(player=broken.command)
    service.speak("Bonjour")
    wait_for(lambda: service.health is VoiceHealth.NO_AUDIO_DEVICE)
    service.update(player=working.command)
    service.speak("Bonjour")
    wait_for(lambda: service.health is VoiceHealth.OK and working.ended())


def test_a_failing_pyttsx3_import_falls_back_to_the_espeak_ng_command(make_service, tmp_path,
                                                                      fake_player, wait_for):
    service = make_service(player=fake_player.command, worker_env={
        "PYTHONPATH": _broken_pyttsx3(tmp_path), "KIOSK_VOICE_ENGINE": "pyttsx3"})
    service.speak("Bonjour")
    wait_for(lambda: fake_player.ended(), what="speech through the fallback engine")
    assert service.status.engine == "espeak-ng"


def test_no_engine_at_all_is_reported_and_speak_still_returns(make_service, no_engine_env,
                                                             fake_player, wait_for):
    service = make_service(player=fake_player.command, worker_env=no_engine_env)
    wait_for(lambda: service.health is VoiceHealth.ENGINE_MISSING)
    assert "pyttsx3" in service.status.detail and "espeak-ng" in service.status.detail
    service.speak("Bonjour")
    with pytest.raises(RuntimeError, match="no speech engine"):
        service.synthesize("Bonjour").result(10)
    assert fake_player.started() == []


def test_a_worker_stopped_with_sigstop_is_killed_and_replaced(make_service, fake_player,
                                                              recorder, wait_for):
    service = make_service(player=fake_player.command, synth_timeout_s=1.0)
    service.speak("Première phrase.")
    wait_for(lambda: len(fake_player.ended()) == 1)
    stopped = service.worker_pid
    os.kill(stopped, signal.SIGSTOP)
    service.speak("Deuxième phrase, pendant que le moteur est figé.")
    wait_for(lambda: "worker_hung" in recorder.healths(), what="the watchdog")
    wait_for(lambda: len(fake_player.ended()) == 2, what="the sentence after the restart")
    wait_for(lambda: service.health is VoiceHealth.OK)
    assert service.worker_pid != stopped
    assert service.restart_count == 1
    wait_for(lambda: not _alive(stopped), what="the stopped worker to be gone")


def test_a_worker_killed_mid_sentence_is_replaced_and_the_sentence_said(make_service,
                                                                       fake_player, wait_for):
    service = make_service(player=fake_player.command, synth_timeout_s=5.0)
    service.speak("Bonjour.")
    wait_for(lambda: len(fake_player.ended()) == 1)
    first = service.worker_pid
    # Freeze it so the next sentence is surely in its hands, then kill it there.
    os.kill(first, signal.SIGSTOP)
    service.speak("Une phrase que le moteur n'a pas finie.")
    service.synthesize("point de synchronisation")  # queued behind it
    wait_for(lambda: service._dispatcher._in_flight is not None, what="a sentence in flight")
    os.kill(first, signal.SIGKILL)
    wait_for(lambda: len(fake_player.ended()) == 2, what="the sentence said by a new worker")
    assert service.worker_pid not in (None, first)
    assert service.health is VoiceHealth.OK


def test_a_worker_killed_while_idle_is_replaced_without_fuss(make_service, fake_player,
                                                            wait_for):
    service = make_service(player=fake_player.command)
    service.speak("Bonjour.")
    wait_for(lambda: len(fake_player.ended()) == 1)
    first = service.worker_pid
    os.kill(first, signal.SIGKILL)
    wait_for(lambda: service.worker_pid not in (None, first), what="a new worker")
    service.speak("Encore une phrase.")
    wait_for(lambda: len(fake_player.ended()) == 2)


def test_a_worker_that_never_starts_is_caught_by_the_watchdog(make_service, fake_player,
                                                             tmp_path, recorder, wait_for):
    sleeper = tmp_path / "sleepy-worker.py"
    sleeper.write_text("import time\ntime.sleep(60)\n")
    service = make_service(player=fake_player.command, start_timeout_s=0.5,
                           worker_command=(sys.executable, str(sleeper)))
    wait_for(lambda: "worker_hung" in recorder.healths(), what="the start watchdog")
    assert service.health is not VoiceHealth.OK  # it never says hello: never pretends


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # A zombie still answers kill(0); the dispatcher does not reap killed workers at once.
    status = Path(f"/proc/{pid}/stat")
    return status.exists() and status.read_text().split()[2] not in ("Z", "X")
