"""docs/deployment.md's kiosk section, run step by step as written: each ```sh block in order,
with ROOT a throw-away folder shaped like a Debian 12 machine (tests/session_root.py), and
what each step should have left checked after it.

The `dist/kiosk` the doc copies is this checkout's `kiosk` command in a folder, not a built
bundle (tests/test_bundle.py builds and runs that, slowly); the doc's ```text blocks (install
Debian, reboot, systemctl start) cannot run on a machine whose PID 1 is not systemd.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from session_root import DEMO_CONFIG, ROOT_ONLY, debian_root, passwd_entry, tree_state

pytestmark = ROOT_ONLY
DEPLOYMENT = Path(__file__).resolve().parent.parent / "docs" / "deployment.md"
SECTION = "## A kiosk: from a blank Debian 12 machine to a locked kiosk"
UNIT = "etc/systemd/system/borne-kiosk.service"


def kiosk_steps() -> dict[str, str]:
    """Step title ("### 2. The packages") -> its ```sh block, in the section's order."""
    section = DEPLOYMENT.read_text("utf-8").split(SECTION + "\n", 1)[1]
    section = re.split(r"^## ", section, flags=re.M)[0]
    steps = {}
    for step in re.split(r"^(?=### )", section, flags=re.M)[1:]:
        blocks = re.findall(r"^```sh\n(.*?)^```$", step, flags=re.M | re.S)
        if blocks:
            [block] = blocks
            steps[step.splitlines()[0]] = block
    return steps


def run_step(block: str, folder: Path, root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-euo", "pipefail", "-c", block], cwd=folder,
                          env={**os.environ, "ROOT": str(root)}, capture_output=True,
                          text=True, timeout=600)


@pytest.fixture
def workplace(tmp_path) -> Path:
    """The IT officer's folder: the built bundle and the site's file, as step 3 expects."""
    (tmp_path / "dist/kiosk").mkdir(parents=True)
    (tmp_path / "dist/kiosk/kiosk").symlink_to(Path(sys.executable).with_name("kiosk"))
    (tmp_path / "site.toml").write_text(DEMO_CONFIG.read_text("utf-8"), "utf-8")
    return tmp_path


def test_the_section_has_the_steps_this_test_checks():
    assert [title.split(" ", 2)[1] for title in kiosk_steps()] == ["2.", "3.", "4.", "6."]


def test_each_step_of_the_kiosk_section_does_what_it_says(workplace, tmp_path):
    root = debian_root(tmp_path / "root", with_site=False)
    blank = tree_state(root)
    packages, bundle, session, uninstall = kiosk_steps().values()

    done = run_step(packages, workplace, root)  # as root, on a machine that has them: a no-op
    assert done.returncode == 0, done.stderr
    for package in re.search(r"--no-install-recommends (.*)", packages).group(1).split():
        state = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package],
                               capture_output=True, text=True)
        assert state.stdout == "install ok installed", package

    done = run_step(bundle, workplace, root)
    assert done.returncode == 0, done.stderr
    config = root / "etc/borne-kiosk/kiosk.toml"
    assert config.read_text("utf-8") == DEMO_CONFIG.read_text("utf-8")
    assert config.stat().st_mode & 0o777 == 0o600

    done = run_step(session, workplace, root)
    assert done.returncode == 0, done.stderr
    assert "created the system user borne" in done.stdout
    assert (root / "etc/systemd/system/multi-user.target.wants/borne-kiosk.service").is_symlink()
    assert passwd_entry(root, "borne")[5] == "/var/lib/borne"
    assert config.stat().st_mode & 0o777 == 0o640
    # `systemd-analyze verify` ran as the block's last line: silent when the unit reads well.
    assert done.stderr == ""
    again = run_step(session, workplace, root)  # "Run it again at any time"
    assert again.stdout.startswith("nothing to change: already as asked")

    done = run_step(uninstall, workplace, root)
    assert done.returncode == 0, done.stderr
    after = tree_state(root)
    accounts = {f"etc/{name}{backup}" for name in ("passwd", "group", "shadow", "gshadow")
                for backup in ("", "-")}
    left = {path for path in set(after) ^ set(blank) if path not in accounts}
    # Step 3's folder and the site's file are the officer's own, not the session's.
    assert left == {"etc/borne-kiosk", "etc/borne-kiosk/kiosk.toml"}
    assert config.stat().st_mode & 0o777 == 0o600
    assert passwd_entry(root, "borne") is None
