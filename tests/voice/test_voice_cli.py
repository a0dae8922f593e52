"""`kiosk voice say` and `kiosk voice prepare`, run as an installer would."""

import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.voice.wavinfo import measure


@pytest.fixture
def site_config(tmp_path: Path, fake_player) -> Path:
    path = tmp_path / "kiosk.toml"
    path.write_text(
        f'[storage]\ndata_dir = "{tmp_path / "data"}"\n'
        f'[voice]\nplayer = "{fake_player.command}"\ncache_mb = 8\n', encoding="utf-8")
    return path


def test_say_to_a_file_writes_a_french_wav(site_config, tmp_path, capsys):
    out = tmp_path / "essai.wav"
    assert main(["voice", "say", "--config", str(site_config), "--to", str(out),
                 "Bonjour, ceci est un essai."]) == 0
    figures = measure(out)
    assert figures.sample_rate >= 22050 and figures.duration_s > 1 and figures.rms > 0.01
    assert "22050 Hz" in capsys.readouterr().out


def test_say_plays_through_the_configured_player(site_config, fake_player, capsys):
    assert main(["voice", "say", "--config", str(site_config), "--rate", "slow", "Bonjour"]) == 0
    assert len(fake_player.ended()) == 1
    assert "spoken" in capsys.readouterr().out


def test_say_fails_honestly_when_the_player_fails(tmp_path, make_player, capsys):
    broken = make_player(status=1, name="broken")
    config = tmp_path / "broken.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path / "data"}"\n'
                      f'[voice]\nplayer = "{broken.command}"\n', encoding="utf-8")
    assert main(["voice", "say", "--config", str(config), "Bonjour"]) == 1
    assert "no_audio_device" in capsys.readouterr().err


def test_prepare_fills_the_cache_from_a_list_of_sentences(site_config, tmp_path, capsys):
    sentences = tmp_path / "phrases.txt"
    sentences.write_text("# one a line\nBonjour\nen\tHello\n\nAu revoir\n", encoding="utf-8")
    assert main(["voice", "prepare", "--config", str(site_config), "--from", str(sentences),
                 "--rates", "slow,normal"]) == 0
    assert "prepared 6 of 6" in capsys.readouterr().out
    assert len(list((tmp_path / "data" / "voice-cache").glob("*.wav"))) == 6


def test_prepare_without_a_list_takes_the_interface_and_catalogue_texts(site_config, capsys):
    assert main(["voice", "prepare", "--config", str(site_config)]) == 0
    prepared = int(capsys.readouterr().out.split()[1])
    assert prepared > 50


def test_the_worker_subcommand_speaks_the_protocol(tmp_path):
    # The frozen bundle starts its worker as `kiosk voice worker`: check that door works.
    out = tmp_path / "w.wav"
    request = ('{"id": 1, "text": "Bonjour", "voice": "roa/fr", "wpm": 150, "volume": 100, '
               f'"out": "{out}"}}\n')
    run = subprocess.run([sys.executable, "-m", "kiosk", "voice", "worker"], input=request,
                         capture_output=True, text=True, timeout=30)
    assert '"hello"' in run.stdout and '"ok": true' in run.stdout
    assert measure(out).duration_s > 0.3
