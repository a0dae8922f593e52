"""The deployable bundle: built from kiosk.spec, started frozen, headless, rendering real text."""

import os
import subprocess
import sys
import wave
from pathlib import Path

import pytest
from PIL import Image, ImageChops

ROOT = Path(__file__).resolve().parent.parent
PYINSTALLER = Path(sys.executable).parent / "pyinstaller"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def frozen_kiosk(tmp_path_factory) -> Path:
    build = tmp_path_factory.mktemp("bundle")
    result = subprocess.run(
        [str(PYINSTALLER), "--noconfirm", "--distpath", str(build / "dist"),
         "--workpath", str(build / "work"), str(ROOT / "kiosk.spec")],
        capture_output=True, text=True, timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return build / "dist" / "kiosk" / "kiosk"


def clean_env(tmp_path: Path) -> dict[str, str]:
    """No venv on PATH and no display: as on a freshly installed kiosk PC's console."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}


def test_the_frozen_kiosk_prints_its_version(frozen_kiosk, tmp_path):
    result = subprocess.run([str(frozen_kiosk), "--version"], capture_output=True, text=True,
                            env=clean_env(tmp_path), check=True)
    assert result.stdout.startswith("kiosk ")


def test_the_frozen_kiosk_renders_the_same_screens_as_the_source(frozen_kiosk, tmp_path):
    frozen_dir, source_dir = tmp_path / "frozen", tmp_path / "source"
    subprocess.run([str(frozen_kiosk), "screenshots", "--out", str(frozen_dir)],
                   env=clean_env(tmp_path), check=True, capture_output=True, timeout=120)
    subprocess.run([sys.executable, "-m", "ui", "screenshots", "--out", str(source_dir)],
                   env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, check=True,
                   capture_output=True, timeout=120, cwd=ROOT)
    frozen = sorted(p.name for p in frozen_dir.glob("*.png"))
    assert frozen == sorted(p.name for p in source_dir.glob("*.png")) and len(frozen) >= 7
    for name in frozen:
        a = Image.open(frozen_dir / name).convert("L")
        b = Image.open(source_dir / name).convert("L")
        assert a.size == b.size, name
        diff = ImageChops.difference(a, b).point(lambda v: 255 if v > 40 else 0)
        changed = sum(diff.histogram()[255:]) / (a.width * a.height)
        # Same fonts, same text: a missing font would turn every glyph into boxes.
        assert changed < 0.02, f"{name}: {changed:.1%} of pixels differ from the source render"


def test_the_frozen_kiosk_speaks_french_through_its_own_speech_worker(frozen_kiosk, tmp_path):
    wav_path = tmp_path / "bonjour.wav"
    result = subprocess.run(
        [str(frozen_kiosk), "voice", "say", "Bonjour, je suis la borne de la mairie.",
         "--to", str(wav_path)],
        env=clean_env(tmp_path), capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    with wave.open(str(wav_path)) as wav:
        assert wav.getframerate() >= 22050
        assert 1.0 < wav.getnframes() / wav.getframerate() < 8.0


def test_the_bundle_carries_no_back_office_and_no_private_key(frozen_kiosk, tmp_path):
    bundle = frozen_kiosk.parent
    assert not list(bundle.rglob("*private*.pem"))
    assert not [p for p in bundle.rglob("*") if p.name in ("django", "flask", "waitress", "hub")]
    result = subprocess.run([str(frozen_kiosk), "hub", "list"], capture_output=True, text=True,
                            env=clean_env(tmp_path), timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == "kiosk hub: install the hub: pip install borne-kiosk[hub]"


def test_the_frozen_tour_says_in_one_line_that_there_is_no_hub_and_queues(frozen_kiosk,
                                                                          tmp_path):
    result = subprocess.run([str(frozen_kiosk), "demo", "--headless", "--tour-dir",
                             str(tmp_path / "tour")], capture_output=True, text=True,
                            env=clean_env(tmp_path), timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    assert (": queued encrypted; no local hub to send it to (no hub in this installation; "
            "install the hub: pip install borne-kiosk[hub])." in result.stdout)
