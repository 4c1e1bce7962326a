"""The layering rule: imports point one way (core <- app <- gui <- main; the CLI uses core only), and core
(and the CLI built on it) never loads Qt."""

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import lyricpad
import lyricpad.cli
import lyricpad.core

FORBIDDEN = {
    "lyricpad.core": (
        "lyricpad.app",
        "lyricpad.gui",
        "lyricpad.main",
        "lyricpad.command_line",
        "lyricpad.cli",
        "PySide6",
        "shiboken6",
    ),
    "lyricpad.app": (
        "lyricpad.gui",
        "lyricpad.main",
        "lyricpad.command_line",
        "lyricpad.cli",
        "PySide6.QtWidgets",
    ),
    "lyricpad.gui": ("lyricpad.main", "lyricpad.command_line", "lyricpad.cli"),
    "lyricpad.cli": (
        "lyricpad.app",
        "lyricpad.gui",
        "lyricpad.main",
        "lyricpad.command_line",
        "PySide6",
        "shiboken6",
    ),
}
"""For each layer, what none of its modules may import: the layers above it, Qt where it has none,
and widgets in app (Qt without widgets)."""


class Violation(NamedTuple):
    path: Path
    line: int
    module: str
    imported: str
    layer: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.module} imports {self.imported} ({self.layer} never does)"


def within(name: str, prefix: str) -> bool:
    return name == prefix or name.startswith(prefix + ".")


def module_name(path: Path, root: Path) -> tuple[str, bool]:
    """The dotted name of a module file under the package folder root, and whether it is a package."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        return ".".join(parts[:-1]), True
    return ".".join(parts), False


def imported_names(tree: ast.AST, module: str, is_package: bool):
    """(line, name) of every import anywhere in a module: at the top, in functions, relative or not.

    `from a import b` counts as importing a and a.b, since b may be a module (`from lyricpad import gui`).
    """
    package = module if is_package else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{base}.{node.module}" if node.module else base
            else:
                base = node.module
            yield node.lineno, base
            for alias in node.names:
                yield node.lineno, f"{base}.{alias.name}"
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute | ast.Name)
            and (node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id) == "import_module"
            and node.args
            and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)
        ):
            yield node.lineno, node.args[0].value


def layering_violations(root: Path) -> list[Violation]:
    """Every import, in every module under the package folder root, that points the wrong way."""
    found = []
    for path in sorted(root.rglob("*.py")):
        module, is_package = module_name(path, root)
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for layer, forbidden in FORBIDDEN.items():
            if not within(module, layer):
                continue
            seen = set()
            for line, name in imported_names(tree, module, is_package):
                wrong = next((f for f in forbidden if within(name, f)), None)
                if wrong and (line, wrong) not in seen:  # `from x import a, b` is one wrong import
                    seen.add((line, wrong))
                    found.append(Violation(path, line, module, name, layer))
    return found


def test_every_import_points_the_right_way():
    violations = layering_violations(Path(lyricpad.__file__).parent)
    assert not violations, "imports against the layering:\n" + "\n".join(map(str, violations))


def test_the_checker_finds_each_kind_of_wrong_import(tmp_path):
    files = {
        "__init__.py": "",
        "main.py": "from lyricpad.gui import launch\nfrom lyricpad import cli\n",  # the top may
        "core/__init__.py": "",
        "core/models.py": "import json\n\nfrom lyricpad.core import text\nfrom . import text as same\n",
        "core/store.py": "import lyricpad.app.session\n",
        "core/lazy.py": "def show():\n    from PySide6.QtWidgets import QLabel\n\n    return QLabel\n",
        "core/named.py": "from lyricpad import gui\n",
        "core/dynamic.py": "import importlib\n\nimportlib.import_module('lyricpad.main')\n",
        "app/__init__.py": "",
        "app/session.py": "from lyricpad.core import store\nfrom PySide6.QtCore import QObject\n",
        "app/models.py": "from lyricpad.gui.window import Window\n",
        "app/relative.py": "\n\nfrom ..gui import panes\n",
        "gui/__init__.py": "",
        "gui/window.py": "from lyricpad.app import session\n\n\ndef run():\n    import lyricpad.main\n",
        "cli/__init__.py": "from . import songs\nfrom ..app import settings\n",
        "cli/songs.py": "from lyricpad.core.store import Library\nfrom .. import gui\n",
    }
    root = tmp_path / "lyricpad"
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    found = {(v.module, v.line, v.imported) for v in layering_violations(root)}
    assert found == {
        ("lyricpad.core.store", 1, "lyricpad.app.session"),
        ("lyricpad.core.lazy", 2, "PySide6.QtWidgets"),  # inside a function
        ("lyricpad.core.named", 1, "lyricpad.gui"),  # from lyricpad import gui
        ("lyricpad.core.dynamic", 3, "lyricpad.main"),  # by name, at run time
        ("lyricpad.app.models", 1, "lyricpad.gui.window"),
        ("lyricpad.app.relative", 3, "lyricpad.gui"),  # from ..gui import panes
        ("lyricpad.gui.window", 5, "lyricpad.main"),
        ("lyricpad.cli", 2, "lyricpad.app"),  # relative, from a package's __init__
        ("lyricpad.cli.songs", 2, "lyricpad.gui"),
    }
    message = str(next(v for v in layering_violations(root) if v.module == "lyricpad.app.relative"))
    assert message.endswith(
        "relative.py:3: lyricpad.app.relative imports lyricpad.gui (lyricpad.app never does)"
    )


def package_modules(package) -> list[str]:
    prefix = package.__name__ + "."
    return sorted(m.name for m in pkgutil.walk_packages(package.__path__, prefix))


def core_modules() -> list[str]:
    return package_modules(lyricpad.core)


def test_core_has_modules():
    assert {"lyricpad.core.store", "lyricpad.core.schema", "lyricpad.core.anchoring"} <= set(core_modules())


def test_core_and_cli_load_no_qt():
    modules = [*core_modules(), "lyricpad.cli", *package_modules(lyricpad.cli), "lyricpad.main"]
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
