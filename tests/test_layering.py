"""The layering rule: core (and the CLI built on it) never loads Qt."""

import pkgutil
import subprocess
import sys

import lyricpad.core


def core_modules() -> list[str]:
    return sorted(m.name for m in pkgutil.walk_packages(lyricpad.core.__path__, "lyricpad.core."))


def test_core_has_modules():
    assert {"lyricpad.core.store", "lyricpad.core.schema", "lyricpad.core.anchoring"} <= set(core_modules())


def test_core_and_cli_load_no_qt():
    modules = [*core_modules(), "lyricpad.cli", "lyricpad.main"]
    code = (
        "import importlib, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6'))\n"
        "print(','.join(qt))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == ""


def test_a_cli_command_runs_without_loading_qt(tmp_path):
    code = (
        "import sys\n"
        "from lyricpad.main import main\n"
        f"assert main(['--library', {str(tmp_path / 'l.sqlite')!r}, 'songs', '--json']) == 0\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was loaded'\n"
    )
    subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
