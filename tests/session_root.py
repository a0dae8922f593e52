"""A throw-away root shaped like a Debian 12 kiosk PC, for `kiosk install-session --root`, and
the tools to read back what an install left in it.

The root holds what those parts of a real machine hold: this machine's own account files
(/etc/passwd, group, shadow, gshadow, login.defs and their `-` backups), its systemd units
(so `systemctl --root` and `systemd-analyze verify --root` see multi-user.target), cage and
Xwayland where their packages put them, the site's configuration file, and the kiosk
program where the bundle goes. Installing needs root (useradd); the tests that do skip
otherwise.
"""

from __future__ import annotations

import os
import shlex
import shutil
import stat
import sys
from pathlib import Path

import pytest

ROOT_ONLY = pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("useradd"),
                               reason="useradd --prefix and systemctl --root need root")
DEMO_CONFIG = Path(__file__).resolve().parent.parent / "assets" / "config" / "demo.toml"
ACCOUNT_FILES = ("passwd", "group", "shadow", "gshadow", "login.defs")
BUNDLE = "/opt/borne-kiosk"


def debian_root(root: Path, with_site: bool = True) -> Path:
    """The machine after Debian's install and step 2's packages; `with_site`: the bundle and
    the site's file in place too, as install-session expects them."""
    (root / "etc").mkdir(parents=True)
    for name in ACCOUNT_FILES:
        shutil.copy2(Path("/etc") / name, root / "etc" / name)
        if name != "login.defs":
            shutil.copy2(Path("/etc") / name, root / "etc" / f"{name}-")
    (root / "usr/lib/systemd").mkdir(parents=True)
    shutil.copytree("/usr/lib/systemd/system", root / "usr/lib/systemd/system", symlinks=True)
    (root / "usr/bin").mkdir()
    for program in ("cage", "Xwayland"):
        if shutil.which(program):
            (root / "usr/bin" / program).symlink_to(shutil.which(program))
    (root / "var/lib").mkdir(parents=True)
    (root / "opt").mkdir()
    if not with_site:
        return root
    (root / "etc/borne-kiosk").mkdir()
    shutil.copy2(DEMO_CONFIG, root / "etc/borne-kiosk/kiosk.toml")
    # The bundle's folder, its `kiosk` being this checkout's (the same program, unfrozen).
    (root / BUNDLE.lstrip("/")).mkdir()
    (root / BUNDLE.lstrip("/") / "kiosk").symlink_to(Path(sys.executable).with_name("kiosk"))
    return root


def tree_state(root: Path) -> dict[str, tuple]:
    """Every path under root: its type, mode, owner, and content or link target, and its
    modification time (a rewrite with the same bytes is a change too)."""
    state = {}
    for path in sorted(root.rglob("*")):
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            what = ("link", os.readlink(path))
        elif stat.S_ISDIR(info.st_mode):
            what = ("dir",)
        else:
            what = ("file", path.read_bytes(), info.st_mtime_ns)
        state[str(path.relative_to(root))] = (stat.S_IMODE(info.st_mode), info.st_uid,
                                              info.st_gid, *what)
    return state


def unit_entries(text: str) -> dict[str, list[str]]:
    """A unit file as systemd reads it: "Section.Key" -> its values in order (keys repeat)."""
    entries: dict[str, list[str]] = {}
    section = ""
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith(("#", ";")):
            continue
        if line.startswith("["):
            section = line.strip("[]")
            continue
        key, _, value = line.partition("=")
        entries.setdefault(f"{section}.{key}", []).append(value)
    return entries


def unit_environment(unit: dict[str, list[str]]) -> dict[str, str]:
    """The unit's Environment= lines as the variables systemd sets."""
    return dict(word.split("=", 1) for line in unit.get("Service.Environment", [])
                for word in shlex.split(line))


def passwd_entry(root: Path, user: str) -> list[str] | None:
    for line in (root / "etc/passwd").read_text("utf-8").splitlines():
        fields = line.split(":")
        if fields[0] == user:
            return fields
    return None


def group_members(root: Path, group: str) -> list[str]:
    for line in (root / "etc/group").read_text("utf-8").splitlines():
        fields = line.split(":")
        if fields[0] == group:
            return [name for name in fields[3].split(",") if name]
    return []
