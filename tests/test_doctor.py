"""`kiosk doctor` on a site's queue: what waits, and a damaged file named with what to do."""

import subprocess
import sys
from pathlib import Path

KIOSK = Path(sys.executable).parent / "kiosk"


def doctor(config: Path) -> list[str]:
    result = subprocess.run([str(KIOSK), "doctor", "--config", str(config)],
                            capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    return result.stdout.splitlines()


def site(tmp_path: Path) -> Path:
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[storage]\ndata_dir = "{tmp_path / "data"}"\n'
                      '[hub]\nurl = "http://127.0.0.1:9"\n', encoding="utf-8")
    return config


def test_doctor_counts_the_requests_waiting_in_the_queue(tmp_path):
    config = site(tmp_path)
    subprocess.run([str(KIOSK), "simulate", "--requests", "3", "--config", str(config)],
                   check=True, capture_output=True)
    [line] = [line for line in doctor(config) if "request queue" in line]
    assert line.startswith("ok") and "3 waiting to be sent, 0 held" in line


def test_a_damaged_queue_file_is_named_with_the_recovery_to_follow(tmp_path):
    config = site(tmp_path)
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "outbox.sqlite3").write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    [line] = [line for line in doctor(config) if "request queue" in line]
    assert line.startswith("PROBLEM") and "outbox.sqlite3 is damaged" in line
    assert "quarantine" in line


def test_doctor_says_receipts_print_in_every_language_with_libfribidi(tmp_path):
    [line] = [line for line in doctor(site(tmp_path)) if "receipt scripts" in line]
    assert line.startswith("ok") and "every language offered" in line


def test_doctor_names_the_languages_without_receipts_when_libfribidi_is_missing(
        make_config, monkeypatch):
    # A stand-in for the fault: libfribidi0 is installed on this machine and Pillow finds
    # it with dlopen, which no environment variable can hide.
    from kiosk import doctor as doctor_module
    from kiosk.printing import typeset

    monkeypatch.setattr(typeset, "complex_layout", lambda: False)
    result = doctor_module.check_receipt_scripts(make_config())
    assert not result.ok
    assert "arabe (ar) and persan (fa)" in result.message
    assert "apt-get install libfribidi0" in result.message
    offered = make_config(interface__languages=["fr", "en"])
    assert doctor_module.check_receipt_scripts(offered).ok  # nobody asks for those receipts
