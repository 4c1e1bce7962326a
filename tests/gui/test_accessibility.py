"""Accessibility: every control of the main window and its dialogs has a name a screen reader can say,
and every action can be reached without the mouse (a shortcut, or a place in the menus)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible, QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from lyricpad.gui.shortcuts_dialog import menu_paths, plain_text

CONTROLS = (
    QAbstractButton,
    QLineEdit,
    QMenu,
    QTextEdit,
    QPlainTextEdit,
    QAbstractItemView,
    QComboBox,
    QAbstractSpinBox,
    QAbstractSlider,
)
"""What a user operates: each needs a name of its own (its text, a buddy label, or an accessible name)."""
INSIDE_A_CONTROL = (QComboBox, QAbstractSpinBox, QTabBar, QAbstractItemView)
"""Qt's own parts of a control (a combo box's line edit, a tab bar's arrows, a list's header) are named by Qt."""

DIALOG_ACTIONS = (
    ("File", "Export…"),
    ("File", "Publish Article…"),
    ("File", "Backups…"),
    ("File", "Check Library…"),
    ("File", "Edit Details…"),
    ("Edit", "Lenses…"),
    ("Edit", "Settings…"),
    ("Help", "Keyboard Shortcuts"),
    ("Help", "About lyricpad"),
)
"""The menu entries that open the window's dialogs (file choosers are Qt's own and not listed)."""


def accessible_name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name).strip() if interface is not None else ""


def unnamed_controls(top: QWidget) -> list[str]:
    found = []
    for widget in top.findChildren(QWidget):
        if not isinstance(widget, CONTROLS) or isinstance(widget, QScrollBar):
            continue
        if not widget.isVisibleTo(top) or isinstance(widget.parent(), INSIDE_A_CONTROL):
            continue
        if not accessible_name(widget):
            found.append(
                f"{type(widget).__name__} {widget.objectName()!r} in {type(widget.parent()).__name__}"
            )
    return found


def menu_action(window, menu_title: str, text: str) -> QAction:
    paths = menu_paths(window)
    for action, path in paths.items():
        if path.split(" > ")[0] == menu_title and plain_text(action.text()) == plain_text(text):
            return action
    raise AssertionError(f"no {menu_title} > {text} in the menus: {sorted(set(paths.values()))}")


def test_every_control_of_the_main_window_has_a_name(window):
    window.annotations_dock.show()
    window.note_dock.show()
    window.library_dock.show()
    assert unnamed_controls(window) == []


def keyboard_ways(action: QAction, menu_bar_paths: dict[QAction, str]) -> list[str]:
    """How a keyboard user reaches *action*: its keys, its menu path, or a button or button's menu Tab reaches."""
    ways = [action.shortcut().toString()] if not action.shortcut().isEmpty() else []
    if action in menu_bar_paths:
        ways.append(menu_bar_paths[action])
    for shown_on in action.associatedObjects():
        if isinstance(shown_on, QAbstractButton) and shown_on.focusPolicy() & Qt.FocusPolicy.TabFocus:
            ways.append(f"its button in {type(shown_on.parent()).__name__}")
        if isinstance(shown_on, QMenu):
            for button in shown_on.parent().findChildren(QToolButton) if shown_on.parent() else []:
                if button.menu() is shown_on and button.focusPolicy() & Qt.FocusPolicy.TabFocus:
                    ways.append(f"the menu of {button.accessibleName()!r}")
    return ways


def test_every_action_has_a_name_and_a_way_in_without_the_mouse(window):
    paths = menu_paths(window)
    problems = []
    for action in window.findChildren(QAction):
        if action.isSeparator() or action.menu() is not None or isinstance(action, QWidgetAction):
            continue  # a widget put in a toolbar is checked as a control
        if action.objectName().startswith("_q_"):
            continue  # Qt's own (a line edit's clear button): named by Qt
        if not action.associatedObjects() and action.shortcut().isEmpty():
            continue  # shown nowhere and no keys (a toolbar's unused show/hide toggle): no user can meet it
        name = plain_text(action.text())
        if not name:
            problems.append(f"an action with no text in {type(action.parent()).__name__}")
        elif not keyboard_ways(action, paths):
            problems.append(f"{name!r}: no shortcut, in no menu, on nothing Tab reaches")
    assert problems == [], "\n".join(problems)


def test_the_action_check_sees_an_action_only_the_mouse_reaches(window):
    """A button Tab skips, with an action that has no keys and is in no menu: found."""
    hidden = QAction("Mouse Only", window.lyrics_pane)
    button = QToolButton(window.lyrics_pane)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setDefaultAction(hidden)
    assert keyboard_ways(hidden, menu_paths(window)) == []
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    assert keyboard_ways(hidden, menu_paths(window)) == ["its button in LyricsPane"]


@pytest.mark.parametrize("menu, text", DIALOG_ACTIONS, ids=[text for _menu, text in DIALOG_ACTIONS])
def test_every_control_of_each_dialog_has_a_name(qtbot, window, menu, text):
    before = set(QApplication.topLevelWidgets())
    seen: list[list[str]] = []

    def inspect_modal() -> None:  # a dialog run with exec() is inspected from inside its own loop
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not window:
            seen.append(unnamed_controls(modal))
            modal.close()

    QTimer.singleShot(200, inspect_modal)
    menu_action(window, menu, text).trigger()
    qtbot.wait(300)
    dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, QDialog) and w.isVisible()]
    dialogs += [d for d in window.findChildren(QDialog) if d.isVisible() and d not in dialogs]
    for dialog in dialogs:
        if dialog not in before or dialog.parent() is window:
            seen.append(unnamed_controls(dialog))
            dialog.close()
    assert seen, f"{menu} > {text} opened no dialog"
    assert [name for names in seen for name in names] == []
