"""A back-office hub on this machine, as its own process: for `kiosk demo`, the tour, tests.

The kiosk never imports the hub (it is a separate server with its own dependencies): it runs
`python -m hub serve --data-dir DIR --host H --port P` and waits for the line
`Hub listening on http://HOST:PORT`. The PyInstaller bundle carries no hub: there,
`start_local_hub` raises HubUnavailable and the kiosk simply queues offline.
"""

from __future__ import annotations

import collections
import importlib.util
import json
import os
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

READY = "Hub listening on "
INSTALL_HINT = "install the hub: pip install borne-kiosk[hub]"


class HubUnavailable(Exception):
    """No hub could be started; str() says why in one line."""


def hub_installed() -> bool:
    """The hub package and Django are importable by this interpreter (not in the bundle)."""
    if getattr(sys, "frozen", False):
        return False
    return all(importlib.util.find_spec(name) is not None for name in ("hub", "django"))


def hub_command(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "hub", *arguments]


@dataclass
class LocalHub:
    """A running hub process; `stop()` ends it (SIGTERM, then waits)."""

    url: str
    data_dir: Path
    process: subprocess.Popen
    output: collections.deque = field(default_factory=lambda: collections.deque(maxlen=50))

    def stop(self, timeout: float = 15.0) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def __enter__(self) -> LocalHub:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.stop()


def _drain(process: subprocess.Popen, lines: collections.deque, ready: threading.Event,
           found: list[str]) -> None:
    """Read the hub's output for ever (a full pipe would block it); note the ready line."""
    assert process.stdout is not None
    for line in process.stdout:
        lines.append(line.rstrip())
        if not found and line.startswith(READY):
            found.append(line[len(READY):].strip())
            ready.set()
    ready.set()


def start_local_hub(data_dir: Path, host: str = "127.0.0.1", port: int = 0,
                    timeout: float = 60.0, env: dict[str, str] | None = None) -> LocalHub:
    """Start `python -m hub serve` on `host:port` (0: any free port) with its data in
    `data_dir`; returns once it listens, or raises HubUnavailable with the hub's own words."""
    if not hub_installed():
        raise HubUnavailable(f"no hub in this installation; {INSTALL_HINT}")
    data_dir = Path(data_dir)
    process = subprocess.Popen(
        hub_command("serve", "--data-dir", str(data_dir), "--host", host, "--port", str(port)),
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "1", **(env or {})})
    lines: collections.deque = collections.deque(maxlen=50)
    ready, found = threading.Event(), []
    threading.Thread(target=_drain, args=(process, lines, ready, found), daemon=True,
                     name="local-hub-output").start()
    if not ready.wait(timeout) or not found:
        process.kill()
        process.wait()
        last = next((line for line in reversed(lines) if line.strip()), "no output")
        raise HubUnavailable(f"the hub did not start: {last}")
    return LocalHub(found[0], data_dir, process, lines)


def hub_requests(data_dir: Path, limit: int = 50) -> list[dict]:
    """What the hub in `data_dir` holds, newest first (`kiosk-hub list --json`: no content)."""
    done = subprocess.run(hub_command("list", "--data-dir", str(data_dir), "--json",
                                      "--limit", str(limit)),
                          capture_output=True, text=True, timeout=120)
    if done.returncode != 0:
        raise HubUnavailable(done.stderr.strip() or "kiosk-hub list failed")
    return json.loads(done.stdout)


class _StateFinder(HTMLParser):
    """The text of the element with id="etat": where the tracking page states the state."""

    def __init__(self) -> None:
        super().__init__()
        self.depth, self.parts = 0, []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.depth:
            self.depth += 1
        elif ("id", "etat") in attrs:
            self.depth = 1

    def handle_endtag(self, tag: str) -> None:
        if self.depth:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if self.depth:
            self.parts.append(data)


def tracking_page_state(url: str, timeout: float = 10.0) -> str:
    """The state a tracking page shows, or why it cannot be read, in one line."""
    import requests  # not at import: `kiosk hub` starts without HTTP libraries

    try:
        answer = requests.get(url, timeout=timeout)
    except requests.RequestException as error:
        return f"tracking page not available ({type(error).__name__})"
    if answer.status_code != 200:
        return f"tracking page not available (HTTP {answer.status_code})"
    finder = _StateFinder()
    finder.feed(answer.text)
    state = " ".join(" ".join(finder.parts).split())
    return state or "tracking page not available (no element with id=\"etat\")"
