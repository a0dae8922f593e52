"""The arrows ui -> kiosk -> offline_cache hold, and the guard really bites."""

import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LINT_IMPORTS = Path(sys.executable).parent / "lint-imports"


def test_importing_the_core_and_the_cache_loads_no_qt():
    code = (
        "import sys, kiosk, kiosk.journey, kiosk.config, kiosk.catalog, kiosk.doctor, "
        "kiosk.cli, offline_cache; "
        "import pkgutil, importlib\n"
        "for pkg in (kiosk, offline_cache):\n"
        "    for info in pkgutil.walk_packages(pkg.__path__, pkg.__name__ + '.'):\n"
        "        if not info.name.endswith('__main__'):\n"
        "            importlib.import_module(info.name)\n"
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6', 'ui'))))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"


def test_the_layer_contracts_pass_on_the_project():
    result = subprocess.run([str(LINT_IMPORTS)], capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stdout


def test_the_layer_contracts_fail_when_offline_cache_imports_qt(tmp_path):
    for name in ("kiosk", "ui", "offline_cache"):
        shutil.copytree(ROOT / name, tmp_path / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    (tmp_path / "offline_cache" / "sneaky.py").write_text("import PySide6.QtCore\n")
    result = subprocess.run([str(LINT_IMPORTS)], capture_output=True, text=True, cwd=tmp_path,
                            env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"})
    assert result.returncode != 0
    assert "offline_cache.sneaky -> PySide6" in result.stdout


def test_the_command_line_starts_without_loading_heavy_libraries():
    # Every `kiosk` command pays for what kiosk.cli imports before it runs; the kiosk's
    # start-up budget (make bench) leaves no room for storage, HTTP or Qt at parse time.
    code = (
        "import sys, ui.cli; ui.cli.build_parser(); "
        "heavy = ('PySide6', 'sqlite_utils', 'requests', 'flask', 'waitress', 'cryptography', "
        "'pyttsx3', 'qrcode', 'PIL', 'phonenumbers', 'stdnum'); "
        "print(sorted({m.split('.')[0] for m in sys.modules if m.startswith(heavy)}))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"
