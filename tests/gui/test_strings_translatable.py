"""Every string the window shows goes through Qt's translation machinery, in a form lupdate extracts.

Reads the source of lyricpad/gui and lyricpad/app: a text literal handed straight to a call that
shows it (setText, QAction, QMessageBox...) is a string no translation can reach; a tr() or
translate() of an f-string, a concatenation or a % format is one lupdate cannot extract (the
translator would see "{name}" pieces that never match at run time). A literal meant to stay as
it is (the product's name, a symbol) carries `# untranslated: why` on its line.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import lyricpad

ROOT = Path(lyricpad.__file__).resolve().parent
FOLDERS = (ROOT / "gui", ROOT / "app")

SHOWN_FIRST = {
    "setText",
    "setWindowTitle",
    "setToolTip",
    "setStatusTip",
    "setWhatsThis",
    "setPlaceholderText",
    "setAccessibleName",
    "setAccessibleDescription",
    "addMenu",
    "setTitle",
    "showMessage",
    "setLabelText",
    "setPrefix",
    "setSuffix",
    "setSpecialValueText",
    "setInformativeText",
    "setDetailedText",
    "setIconText",
    "addAction",
    "setUndoText",
    "setRedoText",
    "setHeaderLabels",
    "setHtml",
    "setMarkdown",
    "QAction",
    "QLabel",
    "QPushButton",
    "QCheckBox",
    "QRadioButton",
    "QGroupBox",
    "QMenu",
    "QToolButton",
    "QCommandLinkButton",
    "QProgressDialog",
}
"""Calls whose first argument, when it is text, is shown to the user."""
SHOWN_SECOND = {"setTabText", "addTab", "setTabToolTip", "setItemText", "insertTab", "setButtonText"}
"""Calls whose second argument is shown (the first is an index or a widget)."""
MESSAGE_BOXES = {"information", "warning", "critical", "question", "about"}
"""QMessageBox's static calls: (parent, title, text, ...)."""
WORDS = re.compile(r"[A-Za-z]{2,}")
ALLOWED = {"lyricpad"}
"""The product's name is the same in every language."""


def _texty(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return bool(WORDS.search(node.value)) and node.value not in ALLOWED
    if isinstance(node, ast.JoinedStr):
        return any(_texty(part) for part in node.values if isinstance(part, ast.Constant))
    if isinstance(node, ast.BinOp):
        return _texty(node.left) or _texty(node.right)
    return False


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""


def _shown_arguments(call: ast.Call) -> list[ast.AST]:
    name = _name(call)
    args = call.args
    if name in SHOWN_FIRST:
        if name == "addAction" and args and not isinstance(args[0], ast.Constant | ast.JoinedStr | ast.BinOp):
            return []
        return args[:1]
    if name in SHOWN_SECOND:
        return args[1:2]
    if name in MESSAGE_BOXES and isinstance(call.func, ast.Attribute):
        owner = call.func.value
        if isinstance(owner, ast.Name) and owner.id == "QMessageBox":
            return args[1:3]
    return []


def _is_text(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _translation_source(call: ast.Call) -> ast.AST | None:
    """The text argument of tr(text, ...) or translate(context, text, ...)."""
    name = _name(call)
    if name == "tr" and call.args:
        return call.args[0]
    if name == "translate" and len(call.args) >= 2 and _is_text(call.args[0]):
        return call.args[1]  # QCoreApplication.translate("Context", text): not QPainter.translate(x, y)
    return None


def _problems(source: str, name: str) -> list[str]:
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        where = f"{name}:{node.lineno}"
        if "# untranslated:" in lines[node.lineno - 1]:
            continue
        for arg in _shown_arguments(node):
            if _texty(arg):
                found.append(f"{where}: text shown without tr(): {ast.unparse(arg)[:70]}")
        if _translation_source(node) is not None and _name(node) == "translate" and len(node.args) >= 4:
            found.append(
                f"{where}: a count through translate(), which lupdate drops: use self.tr(text, '', n)"
            )
        text = _translation_source(node)
        if text is not None and isinstance(text, ast.JoinedStr | ast.BinOp):
            found.append(
                f"{where}: tr() of a built string, which lupdate cannot extract: {ast.unparse(text)[:70]}"
            )
    return found


def test_every_shown_string_is_translatable():
    problems = [
        problem
        for folder in FOLDERS
        for path in sorted(folder.rglob("*.py"))
        for problem in _problems(path.read_text(encoding="utf-8"), str(path.relative_to(ROOT.parent)))
    ]
    assert not problems, f"{len(problems)} strings:\n" + "\n".join(problems)


def test_the_check_finds_an_untranslated_label():
    """The scan is not blind: each kind of mistake it exists for is found in a sample."""
    sample = (
        "def f(self, box, n, name):\n"
        "    box.setText('Open the song')\n"
        "    box.setTabText(0, 'Notes')\n"
        "    QMessageBox.warning(self, 'lyricpad', 'It failed')\n"
        "    self.tr(f'Cannot open {name}')\n"
        "    box.setToolTip(self.tr('Fine'))\n"
        "    box.setText('…')\n"
        "    box.setText('Kept')  # untranslated: a test of the escape\n"
        "    QCoreApplication.translate('K', '%n song(s)', '', n)\n"
    )
    found = _problems(sample, "sample")
    assert [p.split(": ", 1)[0].rsplit(":", 1)[1] for p in found] == ["2", "3", "4", "5", "9"]
