"""The locked-down kiosk session on Debian 12: `kiosk install-session` / `uninstall-session`.

What an install leaves on the machine, each piece undone by an uninstall:
- a system user (`borne` by default) whose home holds the kiosk's data folder, and the
  site's configuration file made readable by its group only (it holds the hub token);
- `borne-kiosk.service`, enabled: at boot the kiosk runs alone on tty1 inside cage, restarted
  according to kiosk/system/exit_codes.py and by systemd's watchdog;
- `kiosk-session`, the unit's main process: cage 0.1.4 does not pass its client's exit status
  through, this script does;
- logind and sleep drop-ins: the machine never suspends, whatever key or lid is touched.

Everything is written under `root` ("/" on the kiosk, a throw-away folder in the tests), with
the system's own tools (useradd and userdel --prefix, systemctl --root), so the same code runs
in both. A manifest records what the install made, so the uninstall removes that and nothing
the machine had before (a user of the same name, a folder that was there).
"""

from __future__ import annotations

import json
import os
import shlex
import shutil
import stat
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from string import Template

from kiosk.config import load_config
from kiosk.paths import assets_dir
from kiosk.system.exit_codes import RESTART_REQUESTED, STOPPED_BY_STAFF

SERVICE = "borne-kiosk.service"
UNIT = Path("etc/systemd/system") / SERVICE
SESSION_SCRIPT = Path("usr/local/lib/borne-kiosk/kiosk-session")
MANIFEST = Path("usr/local/lib/borne-kiosk/installed.json")
LOGIND_DROP_IN = Path("etc/systemd/logind.conf.d/borne-kiosk.conf")
SLEEP_DROP_IN = Path("etc/systemd/sleep.conf.d/borne-kiosk.conf")
DEFAULT_CONFIG = "/etc/borne-kiosk/kiosk.toml"
DEFAULT_USER = "borne"
DEFAULT_WATCHDOG_SEC = 30
MIN_WATCHDOG_SEC = 5
RESTART_SEC = 3
CONFIG_MODE = 0o640
# Device access comes from the logind session the unit opens (seat0 ACLs on tty1); the groups
# keep the display, touch screen and sound reachable if a site's logind gives no ACL.
DEVICE_GROUPS = ("video", "render", "input", "audio")
# What cage needs at run time, and the Debian package that brings it.
RUNTIME_PROGRAMS = {"usr/bin/cage": "cage", "usr/bin/Xwayland": "xwayland"}


class InstallError(Exception):
    """What stopped the install, for an operator: the file or tool, and what to do."""


@dataclass(frozen=True)
class SessionOptions:
    root: Path
    kiosk: str  # the kiosk program, as the machine sees it: the bundle's `kiosk` or the venv's
    config: str = DEFAULT_CONFIG
    user: str = DEFAULT_USER
    watchdog_sec: int = DEFAULT_WATCHDOG_SEC

    @property
    def home(self) -> str:
        return f"/var/lib/{self.user}"

    def on_disk(self, path: str | Path) -> Path:
        """`path` as the machine sees it (absolute, or relative to /), inside `root`."""
        return self.root / str(path).lstrip("/")


def unit_word(word: str) -> str:
    """One ExecStart= word: quoted as systemd reads it, `%` and `$` kept literal."""
    word = word.replace("%", "%%").replace("$", "$$")
    if any(char in word for char in " \t\"'\\;"):
        return '"' + word.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return word


def exec_start(options: SessionOptions) -> list[str]:
    """The unit's command line: the session script, then the kiosk it runs inside cage."""
    return ["/" + str(SESSION_SCRIPT), options.kiosk, "run", "--config", options.config]


def unit_text(options: SessionOptions) -> str:
    template = Template((assets_dir() / "system" / "borne-kiosk.service").read_text("utf-8"))
    return template.substitute(
        user=options.user, watchdog_sec=options.watchdog_sec, restart_sec=RESTART_SEC,
        stopped_by_staff=STOPPED_BY_STAFF, restart_requested=RESTART_REQUESTED,
        exec_start=" ".join(unit_word(word) for word in exec_start(options)))


def planned_files(options: SessionOptions) -> dict[Path, tuple[str, int]]:
    """Every file the install writes: path under root -> (text, mode)."""
    shipped = assets_dir() / "system"
    return {
        UNIT: (unit_text(options), 0o644),
        SESSION_SCRIPT: ((shipped / "kiosk-session").read_text("utf-8"), 0o755),
        LOGIND_DROP_IN: ((shipped / "logind.conf").read_text("utf-8"), 0o644),
        SLEEP_DROP_IN: ((shipped / "sleep.conf").read_text("utf-8"), 0o644),
    }


def default_kiosk_program(bundle: str | None) -> str:
    """The bundle's `kiosk` (kiosk.spec's one-folder build), else the program running now:
    the frozen bundle itself, or the `kiosk` entry point beside the venv's python."""
    if bundle:
        return str(Path(bundle).absolute() / "kiosk")
    if getattr(sys, "frozen", False):
        return sys.executable
    return str(Path(sys.executable).absolute().with_name("kiosk"))


def install(options: SessionOptions) -> list[str]:
    """Make the session; idempotent. Returns one line per change (none on a second run)."""
    check_machine(options)
    manifest = read_manifest(options.root)
    done: list[str] = []
    if not user_exists(options.root, options.user):
        create_user(options)
        manifest["users"] = sorted({*manifest["users"], options.user})
        done.append(f"created the system user {options.user} (home {options.home})")
    done += share_config_with_kiosk(options, manifest)
    for path, (text, mode) in planned_files(options).items():
        manifest["dirs"] = sorted({*manifest["dirs"], *make_parents(options.root, path)})
        if write_file(options.root / path, text, mode):
            done.append(f"wrote /{path}")
    write_file(options.root / MANIFEST, json.dumps(manifest, indent=2) + "\n", 0o644)
    done += systemctl(options.root, "enable", SERVICE)
    return done


def share_config_with_kiosk(options: SessionOptions, manifest: dict) -> list[str]:
    """The site's file holds the hub token: readable by root and the kiosk's group only.
    Its group and mode before are kept in the manifest, for the uninstall to put back."""
    path = options.on_disk(options.config)
    gid = int(passwd_entries(options.root)[options.user][3])
    info = path.stat()
    if info.st_gid == gid and stat.S_IMODE(info.st_mode) == CONFIG_MODE:
        return []
    manifest["config"] = manifest["config"] or {
        "path": options.config, "gid": info.st_gid, "mode": stat.S_IMODE(info.st_mode)}
    os.chown(path, -1, gid)
    path.chmod(CONFIG_MODE)
    return [f"{options.config}: readable by root and the group {options.user} only "
            f"({CONFIG_MODE:04o})"]


def uninstall(root: Path, purge: bool = False) -> list[str]:
    """Undo what install() made (per its manifest); `purge` also deletes the user's home,
    the kiosk's data folder with any request not yet sent."""
    manifest = read_manifest(root)
    done = systemctl(root, "disable", SERVICE) if (root / UNIT).exists() else []
    for path in (UNIT, SESSION_SCRIPT, LOGIND_DROP_IN, SLEEP_DROP_IN, MANIFEST):
        if (root / path).exists():
            (root / path).unlink()
            done.append(f"removed /{path}")
    config = manifest["config"]
    if config and (root / config["path"].lstrip("/")).exists():
        os.chown(root / config["path"].lstrip("/"), -1, config["gid"])
        (root / config["path"].lstrip("/")).chmod(config["mode"])
        done.append(f"{config['path']}: group and mode as before the install")
    for user in manifest["users"]:
        if user_exists(root, user):
            done += remove_user(root, user, purge)
    for folder in sorted(manifest["dirs"], key=len, reverse=True):
        if (root / folder).is_dir() and not any((root / folder).iterdir()):
            (root / folder).rmdir()
    return done


def remove_user(root: Path, user: str, purge: bool) -> list[str]:
    home = home_of(root, user)
    run_tool(["userdel", *prefix(root), user])
    done = [f"removed the user {user}"]
    if purge and home:
        shutil.rmtree(root / home.lstrip("/"), ignore_errors=True)
        done.append(f"deleted {home}")
    elif home and (root / home.lstrip("/")).exists():
        done.append(f"kept {home}: the kiosk's data (requests not yet sent); --purge deletes it")
    return done


def check_machine(options: SessionOptions) -> None:
    """Refuse an install that would leave a kiosk that cannot start: say what to do instead."""
    absent = [program for program in RUNTIME_PROGRAMS if not options.on_disk(program).exists()]
    if absent:
        packages = " ".join(sorted({RUNTIME_PROGRAMS[program] for program in absent}))
        raise InstallError(f"{', '.join('/' + program for program in absent)}: not found; "
                           f"run `apt-get install {packages}` first")
    if not (os.path.isabs(options.kiosk) and options.on_disk(options.kiosk).is_file()):
        raise InstallError(f"kiosk program {options.kiosk}: no such file; give the bundle's "
                           "folder (the one holding `kiosk`) with --bundle")
    if not os.path.isabs(options.config):
        raise InstallError(f"--config {options.config}: give an absolute path (the unit does "
                           "not start in this folder)")
    load_config(options.on_disk(options.config))  # a ConfigError names the file and the key
    if options.watchdog_sec < MIN_WATCHDOG_SEC:
        raise InstallError(f"--watchdog-sec {options.watchdog_sec}: at least "
                           f"{MIN_WATCHDOG_SEC} seconds (the kiosk pings every half of it)")


def read_manifest(root: Path) -> dict:
    path = root / MANIFEST
    manifest = json.loads(path.read_text("utf-8")) if path.exists() else {}
    return {"users": manifest.get("users", []), "config": manifest.get("config"),
            "dirs": manifest.get("dirs", [])}


def make_parents(root: Path, path: Path) -> list[str]:
    """Create the missing folders above `path`; return those made (relative to root)."""
    made = []
    for parent in reversed(path.parents[:-1]):
        if not (root / parent).exists():
            (root / parent).mkdir(mode=0o755)
            made.append(str(parent))
    return made


def write_file(path: Path, text: str, mode: int) -> bool:
    """Write only what differs: a second install changes no file, not even its time."""
    if path.exists() and path.read_text("utf-8") == text and path.stat().st_mode & 0o777 == mode:
        return False
    temporary = path.with_name(path.name + ".new")
    temporary.write_text(text, "utf-8")
    temporary.chmod(mode)
    temporary.replace(path)
    return True


def passwd_entries(root: Path) -> dict[str, list[str]]:
    passwd = root / "etc/passwd"
    lines = passwd.read_text("utf-8").splitlines() if passwd.exists() else []
    return {fields[0]: fields for fields in (line.split(":") for line in lines) if fields[0]}


def user_exists(root: Path, user: str) -> bool:
    return user in passwd_entries(root)


def home_of(root: Path, user: str) -> str | None:
    fields = passwd_entries(root).get(user)
    return fields[5] if fields and len(fields) > 5 else None


def existing_groups(root: Path, wanted: tuple[str, ...]) -> list[str]:
    group = root / "etc/group"
    names = {line.split(":")[0] for line in group.read_text("utf-8").splitlines()} \
        if group.exists() else set()
    return [name for name in wanted if name in names]


def prefix(root: Path) -> list[str]:
    return [] if root == Path("/") else ["--prefix", str(root)]


def create_user(options: SessionOptions) -> None:
    groups = existing_groups(options.root, DEVICE_GROUPS)
    run_tool(["useradd", *prefix(options.root), "--system", "--user-group", "--create-home",
              "--home-dir", options.home, "--shell", "/usr/sbin/nologin",
              "--comment", "Borne d'acces (kiosk session)",
              *(["--groups", ",".join(groups)] if groups else []), options.user])


def systemctl(root: Path, verb: str, unit: str) -> list[str]:
    """`systemctl enable/disable`, offline under a root (it only makes the symlinks). On the
    running kiosk, disable also stops the service (userdel refuses a user still running)."""
    if root != Path("/"):
        output = run_tool(["systemctl", f"--root={root}", verb, unit])
    elif Path("/run/systemd/system").exists():  # systemd is PID 1 here
        output = run_tool(["systemctl", verb, *(["--now"] if verb == "disable" else []), unit])
        run_tool(["systemctl", "daemon-reload"])
    else:
        output = run_tool(["systemctl", verb, unit])
    # Its changes, one line each; not its warnings about the root (a folder without the
    # system's own units says multi-user.target does not exist).
    return [line for line in output.splitlines() if line.startswith(("Created", "Removed"))]


def run_tool(command: list[str]) -> str:
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    except FileNotFoundError as error:
        raise InstallError(f"{command[0]}: not found; this command is for Debian 12 "
                           "(packages passwd and systemd)") from error
    if done.returncode != 0:
        raise InstallError(f"`{shlex.join(command)}` failed: "
                           f"{(done.stderr or done.stdout).strip()}")
    return done.stdout + done.stderr
