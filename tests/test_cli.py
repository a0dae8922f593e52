"""The command line: every subcommand answers --help, and the README names each one."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk import __version__
from ui.cli import build_parser, main

ROOT = Path(__file__).resolve().parent.parent
KIOSK = Path(sys.executable).parent / "kiosk"


def subcommands() -> list[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return sorted(action.choices)


def test_version_is_printed(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"kiosk {__version__}"


@pytest.mark.parametrize("command", subcommands())
def test_every_subcommand_has_help_and_takes_a_config(command, capsys):
    with pytest.raises(SystemExit) as exit_:
        main([command, "--help"])
    assert exit_.value.code == 0
    assert "--config PATH" in capsys.readouterr().out


def test_every_subcommand_is_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    named = set(re.findall(r"`kiosk ([a-z-]+)", readme))
    assert set(subcommands()) <= named, sorted(set(subcommands()) - named)


def test_a_bad_config_stops_with_the_key_named_and_exit_code_2(tmp_path):
    bad = tmp_path / "kiosk.toml"
    bad.write_text('[hub]\nurl = "ftp://hub"\n', encoding="utf-8")
    result = subprocess.run([str(KIOSK), "doctor", "--config", str(bad)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert "'hub.url'" in result.stderr and "http:// or https://" in result.stderr


def test_screenshots_writes_one_png_per_screen(tmp_path):
    result = subprocess.run([str(KIOSK), "screenshots", "--out", str(tmp_path)],
                            capture_output=True, text=True, check=True)
    pngs = sorted(p.name for p in tmp_path.glob("*.png"))
    assert pngs[:6] == ["01-attract.png", "02-language.png", "03-comfort.png", "04-home.png",
                        "05-theme.png", "06-service.png"]
    assert {"question-text", "question-error", "review", "consent", "receipt", "help",
            "idle_warning"} <= {name[3:-4] for name in pngs}
    assert f"{len(pngs)} screens written" in result.stdout


def test_demo_without_a_display_says_so_and_runs_the_guided_tour(tmp_path):
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    result = subprocess.run([str(KIOSK), "demo", "--tour-dir", str(tmp_path / "tour")],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    first_line = result.stdout.splitlines()[0]
    assert first_line.startswith("No display found: running the headless guided tour instead")
    shown = int(re.search(r"Tour complete: (\d+) screens shown", result.stdout)[1])
    assert len(list((tmp_path / "tour").glob("*.png"))) == shown >= 15
    assert "says: Êtes-vous toujours là ?" in result.stdout
    assert "-> ReceiptScreen" in result.stdout
    # The citizen's request really crossed the loopback link to a hub, which holds it once.
    assert re.search(r"Request [2-9A-Z]{3}-[2-9A-Z]{3}: queued encrypted, sent to the local "
                     r"hub at http://127\.0\.0\.1:\d+, which holds 1 request", result.stdout)
    assert re.search(r"^    signalement-rue [0-9a-f-]{36}$", result.stdout, re.MULTILINE)


def test_doctor_prints_one_line_per_check_and_fails_when_something_is_wrong(tmp_path):
    config = tmp_path / "kiosk.toml"
    config.write_text(f'[hub]\nurl = "http://127.0.0.1:9"\n[storage]\ndata_dir = "{tmp_path}"\n')
    result = subprocess.run([str(KIOSK), "doctor", "--config", str(config)],
                            capture_output=True, text=True, env={"PATH": "/usr/bin:/bin"})
    lines = result.stdout.splitlines()
    assert result.returncode == 1
    assert any(line.startswith("PROBLEM  hub: http://127.0.0.1:9 cannot be reached")
               for line in lines)
    assert any(line.startswith("ok       fonts:") for line in lines)
    assert any(line.startswith("PROBLEM  display:") for line in lines)


@pytest.mark.parametrize("argv", [["demo", "--help"], ["--config", "k.toml", "run", "--help"],
                                  ["screenshots", "--help"]])
def test_a_screen_command_parses_as_with_every_command_registered(argv, capsys):
    """`kiosk run` and `kiosk demo` register their own parser only (start-up time): the help
    and the options they take are those of the full parser."""
    from kiosk import cli
    from ui.cli import COMMAND_MODULES, screen_command_asked

    assert screen_command_asked(argv) == next(w for w in argv if w in ("demo", "run",
                                                                        "screenshots"))
    with pytest.raises(SystemExit):
        cli.main(argv, COMMAND_MODULES)
    full = capsys.readouterr().out
    with pytest.raises(SystemExit):
        main(argv)
    assert capsys.readouterr().out == full


@pytest.mark.parametrize("argv", [["--help"], ["--version"], ["doctor"], ["--config", "demo"],
                                  []])
def test_other_command_lines_get_every_command(argv):
    from ui.cli import screen_command_asked

    assert screen_command_asked(argv) is None
