"""Every command in docs/operations.md and docs/configuration.md runs, as written (issue 11).

The ```sh blocks run in order, one command at a time (a here-document is one command), in an
empty folder, through bash, with the installed `kiosk` and `kiosk-hub` first on PATH. A line
ending in `# exit N` must end with N, every other with 0, and no output may hold a traceback.
Two things are the test's own, as they are the world's and not the officer's: the example
hub address is a closed loopback port (no network here), and before "Repair the queue" the
queue gets requests and then a damaged page, as a failing SD card would do.
Commands quoted in the prose (`kiosk ...`) must parse with the real command line.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from ui.cli import build_parser

DOCS = Path(__file__).resolve().parent.parent / "docs"
BIN = Path(sys.executable).parent
EXAMPLE_HUB = "https://hub.cluny.example"
CLOSED_PORT = "http://127.0.0.1:9"
EXIT = re.compile(r"#\s*exit (\d+)\s*$")


def sh_blocks(text: str) -> list[tuple[str, str]]:
    """(heading, block) for each ```sh block, the heading being the last `##`/`###` above."""
    found, heading = [], ""
    for part in re.split(r"(^```sh\n.*?^```$)", text, flags=re.M | re.S):
        if part.startswith("```sh"):
            found.append((heading, part[len("```sh\n"):-3]))
        else:
            headings = re.findall(r"^#{2,3} (.+)$", part, flags=re.M)
            heading = headings[-1] if headings else heading
    return found


def commands(block: str) -> list[str]:
    """One entry per command; a here-document goes with the line that opens it."""
    lines, result = block.splitlines(), []
    while lines:
        line = lines.pop(0)
        if not line.strip():
            continue
        opened = re.search(r"<<'?(\w+)'?", line)
        if opened:
            body = []
            while lines and lines[0] != opened[1]:
                body.append(lines.pop(0))
            body.append(lines.pop(0))
            line = "\n".join([line, *body])
        result.append(line)
    return result


def damage_the_queue(folder: Path, env: dict[str, str]) -> None:
    subprocess.run([str(BIN / "kiosk"), "simulate", "--requests", "30", "--config",
                    "cluny/site.toml"], cwd=folder, env=env, check=True, capture_output=True)
    outbox = folder / "cluny" / "data" / "outbox.sqlite3"
    data = bytearray(outbox.read_bytes())
    middle = (len(data) // 4096 // 2) * 4096
    data[middle:middle + 4096] = b"\xa5" * 4096
    outbox.write_bytes(bytes(data))


BEFORE = {"3. Repair the queue": damage_the_queue}


def run_doc(name: str, folder: Path) -> list[str]:
    env = {**os.environ, "PATH": f"{BIN}:/usr/bin:/bin", "HOME": str(folder / "home")}
    for variable in ("KIOSK_CONFIG", "HUB_DATA_DIR", "DISPLAY", "WAYLAND_DISPLAY"):
        env.pop(variable, None)
    ran, prepared = [], set()
    for heading, block in sh_blocks((DOCS / name).read_text(encoding="utf-8")):
        if heading in BEFORE and heading not in prepared:  # once per run of the doc
            prepared.add(heading)
            BEFORE[heading](folder, env)
        for command in commands(block.replace(EXAMPLE_HUB, CLOSED_PORT)):
            expected = EXIT.search(command.splitlines()[0])
            result = subprocess.run(["bash", "-c", command], cwd=folder, env=env,
                                    capture_output=True, text=True, timeout=300)
            output = result.stdout + result.stderr
            assert result.returncode == (int(expected[1]) if expected else 0), (command, output)
            assert "Traceback" not in output, (command, output)
            ran.append(command.splitlines()[0])
    return ran


def test_every_command_of_operations_md_runs(tmp_path):
    ran = run_doc("operations.md", tmp_path)
    assert any(line.startswith("kiosk outbox repair") for line in ran)
    assert len(ran) >= 30
    kept = list((tmp_path / "cluny" / "data" / "quarantine").glob("outbox.sqlite3.*"))
    assert len(kept) == 1  # the repair kept the damaged file
    assert (tmp_path / "hub" / "keys-2026" / "hub-x25519-private.pem").exists()


def test_every_command_of_configuration_md_runs(tmp_path):
    assert len(run_doc("configuration.md", tmp_path)) >= 4


INLINE = re.compile(r"`(kiosk [^`]+)`")


@pytest.mark.parametrize("name", ["operations.md", "configuration.md"])
def test_every_command_quoted_in_the_prose_exists(name):
    parser = build_parser()
    quoted = INLINE.findall((DOCS / name).read_text(encoding="utf-8"))
    assert quoted
    for command in quoted:
        words = shlex.split(command)[1:]
        try:
            parser.parse_args(words)
        except SystemExit as exit_:
            assert exit_.code == 0, f"{name}: `{command}` is not a command"
