"""Help > Keyboard Shortcuts: every key of the window, read from its real actions, with a filter box."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from lyricpad.core.text import fold_case_and_accents
from lyricpad.gui.window_actions import LISTED_AS

MENU_SEPARATOR = " > "


@dataclass(frozen=True)
class ShortcutEntry:
    """One action with keys: where it is (a menu path, or the part of the window it acts in), its name, its keys."""

    where: str
    text: str
    keys: tuple[str, ...]
    action: QAction

    def matches(self, folded_words: list[str]) -> bool:
        # The keys as shown (German "Strg+F") and as written in English everywhere ("Ctrl+F"): either finds them.
        portable = " ".join(
            key.toString(QKeySequence.SequenceFormat.PortableText) for key in self.action.shortcuts()
        )
        haystack = fold_case_and_accents(f"{self.text} {self.where} {' '.join(self.keys)} {portable}")
        return all(word in haystack for word in folded_words)


def plain_text(text: str) -> str:
    """A menu text as a reader sees it: "&&" is an ampersand, a lone "&" marks the mnemonic, a tab starts the keys."""
    text = text.split("\t", 1)[0]
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".").strip()


def menu_paths(window: QMainWindow) -> dict[QAction, str]:
    """Each action in the menu bar's menus (and their submenus) with its path, "Edit > Highlight With"."""
    paths: dict[QAction, str] = {}

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.isSeparator():
                continue
            if action.menu() is not None:
                walk(action.menu(), f"{path}{MENU_SEPARATOR}{plain_text(action.text())}")
            else:
                paths.setdefault(action, path)

    for top in window.menuBar().actions():
        if top.menu() is not None:
            walk(top.menu(), plain_text(top.text()))
    return paths


def _place(action: QAction) -> str:
    """Where an action outside the menu bar acts: the named part of the window it was added to."""
    for holder in action.associatedObjects():
        if isinstance(holder, QWidget) and not isinstance(holder, QMenu):
            widget = holder
            while widget is not None:
                name = widget.accessibleName() or widget.windowTitle()
                if name and not widget.isWindow():
                    return name
                widget = widget.parentWidget()
    return QCoreApplication.translate("ShortcutsDialog", "Window")


def window_shortcuts(window: QMainWindow) -> list[ShortcutEntry]:
    """Every action of *window* that has keys and is in use (in a menu or on a widget), menu bar order first."""
    paths = menu_paths(window)
    order = {action: index for index, action in enumerate(paths)}
    entries = []
    for action in window.findChildren(QAction):
        # An action on no widget has no working keys (lens actions replaced and not yet deleted, say).
        if not action.shortcuts() or not action.associatedObjects() or action.isSeparator():
            continue
        keys = tuple(key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts())
        where = paths.get(action) or _place(action)
        name = action.property(LISTED_AS) or plain_text(action.text())
        entries.append(ShortcutEntry(where, name, keys, action))
    entries.sort(key=lambda e: (e.action not in order, order.get(e.action, 0), e.where, e.text))
    return entries


class ShortcutsDialog(QDialog):
    """The window's keyboard shortcuts in a table; typing in the filter box keeps the rows that match."""

    def __init__(self, window: QMainWindow, parent: QWidget | None = None):
        super().__init__(parent if parent is not None else window)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.entries = window_shortcuts(window)

        self.filter_edit = QLineEdit(self)
        example = QKeySequence("Ctrl+F").toString(QKeySequence.SequenceFormat.NativeText)
        self.filter_edit.setPlaceholderText(
            self.tr("Filter by action, menu or key ({key}, Edit, lens…)").format(key=example)
        )
        self.filter_edit.setAccessibleName(self.tr("Filter shortcuts"))
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.textChanged.connect(self._on_filter_edit_text_changed)

        self.table = QTreeWidget(self)
        self.table.setAccessibleName(self.tr("Shortcuts"))
        self.table.setColumnCount(3)
        self.table.setHeaderLabels([self.tr("Action"), self.tr("Keys"), self.tr("Where")])
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.items: list[QTreeWidgetItem] = []
        for entry in self.entries:
            item = QTreeWidgetItem([entry.text, ", ".join(entry.keys), entry.where])
            item.setToolTip(0, entry.action.toolTip())
            self.items.append(item)
        self.table.addTopLevelItems(self.items)
        header = self.table.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.count_label = QLabel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(buttons)
        self.resize(640, 560)
        self._on_filter_edit_text_changed("")
        self.filter_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def visible_entries(self) -> list[ShortcutEntry]:
        return [entry for entry, item in zip(self.entries, self.items, strict=True) if not item.isHidden()]

    def _on_filter_edit_text_changed(self, text: str) -> None:
        words = fold_case_and_accents(text).split()
        for entry, item in zip(self.entries, self.items, strict=True):
            item.setHidden(not entry.matches(words))
        shown, total = len(self.visible_entries()), len(self.entries)
        if shown == total:
            self.count_label.setText(self.tr("%n shortcut(s)", "", total))
        else:
            self.count_label.setText(self.tr("{shown} of %n shortcut(s)", "", total).format(shown=shown))
