"""Cold start of `kiosk demo` to the first painted attract screen, and its peak memory.

Baseline: a bare PySide6 window of the same size started the same way (a Python process on
the same X server), the floor for any Qt application in Python. Both run under Xvfb so the
real xcb platform paints real windows.

Besides the wall time, the CPU time each process used (it quits at its first paint): on a
machine shared with other work the wall time follows the load, the CPU time much less. Where
valgrind is installed, the instructions each start runs (callgrind), which the load does not
change at all: the figure to compare from one change to the next.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path

RUNS = 5
MARKER = b"FIRST_PAINT"
BARE_WINDOW = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(1280, 800)
class Probe(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, lambda: (print("FIRST_PAINT", flush=True), app.quit()))
        return False
probe = Probe()
window.installEventFilter(probe)
window.show()
app.exec()
"""


@contextmanager
def xvfb():
    if shutil.which("Xvfb") is None:
        raise RuntimeError("Xvfb is not installed: run ./dev.sh setup as root")
    display = ":97"
    server = subprocess.Popen(["Xvfb", display, "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        yield display
    finally:
        server.terminate()
        server.wait()


def one_start(command: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Seconds until the first-paint marker, the child's CPU seconds and its peak RSS in MB."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                               env=env)
    elapsed = None
    for line in process.stdout:
        if line.strip() == MARKER:
            elapsed = time.perf_counter() - start
    _pid, status, usage = os.wait4(process.pid, 0)
    if elapsed is None or status != 0:
        raise RuntimeError(f"{command[0]} exited with status {status} before painting")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def instructions(command: list[str], env: dict[str, str]) -> float:
    """Millions of instructions the command's process runs (a forked child, such as Qt's
    D-Bus launcher, reports the parent's count too: the largest is the process's own)."""
    with tempfile.TemporaryDirectory() as out:
        result = subprocess.run(["valgrind", "--tool=callgrind",
                                 f"--callgrind-out-file={out}/callgrind.%p", *command],
                                env=env, capture_output=True, text=True, check=True)
    counts = [int(n.replace(",", "")) for n in re.findall(r"Collected : ([\d,]+)",
                                                          result.stderr)]
    return max(counts) / 1e6


def figures() -> list[tuple[str, float, float, float, str]]:
    kiosk = str(Path(sys.executable).parent / "kiosk")
    with xvfb() as display, tempfile.TemporaryDirectory() as home:
        env = {"PATH": os.environ["PATH"], "HOME": home, "DISPLAY": display,
               "KIOSK_EXIT_AFTER_FIRST_PAINT": "1"}
        kiosk_runs, bare_runs = [], []
        for _ in range(RUNS):  # interleaved, so machine noise hits both alike
            kiosk_runs.append(one_start([kiosk, "demo"], env))
            bare_runs.append(one_start([sys.executable, "-c", BARE_WINDOW], env))
        counted = shutil.which("valgrind") is not None
        if counted:
            kiosk_count = instructions([kiosk, "demo"], env)
            bare_count = instructions([sys.executable, "-c", BARE_WINDOW], env)
    names = ("startup: kiosk demo to first paint (s)", "startup: CPU time to first paint (s)",
             "startup: peak memory (MB)")
    rows = []
    for index, name in enumerate(names):
        kiosk_value = statistics.median(run[index] for run in kiosk_runs)
        bare_value = statistics.median(run[index] for run in bare_runs)
        rows.append((name, kiosk_value, bare_value, kiosk_value / bare_value,
                     "<= 1.5x bare PySide6 window"))
    if counted:
        rows.append(("startup: instructions to first paint (M)", kiosk_count, bare_count,
                     kiosk_count / bare_count, "<= 1.5x bare PySide6 window"))
    return rows
