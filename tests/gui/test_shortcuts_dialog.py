"""Help > Keyboard Shortcuts: read from the window's real actions, searchable; and no two actions share a key (issue 20)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from lyricpad.gui.shortcuts_dialog import ShortcutsDialog, plain_text, window_shortcuts

WINDOW_WIDE = (Qt.ShortcutContext.WindowShortcut, Qt.ShortcutContext.ApplicationShortcut)


def actions_with_keys(window) -> list[QAction]:
    """The actions whose keys work: they have keys and sit on a widget (a menu, a pane, a toolbar)."""
    return [a for a in window.findChildren(QAction) if a.shortcuts() and a.associatedObjects()]


def roots(action: QAction, window) -> list[QWidget]:
    """The widgets whose focus (or, but for WidgetShortcut, their children's) lets the action's keys work."""
    if action.shortcutContext() in WINDOW_WIDE:
        return [window]
    return [w for w in action.associatedObjects() if isinstance(w, QWidget) and not isinstance(w, QMenu)]


def covers(action: QAction, widget: QWidget, window) -> bool:
    for root in roots(action, window):
        if root is widget or (
            action.shortcutContext() != Qt.ShortcutContext.WidgetShortcut and root.isAncestorOf(widget)
        ):
            return True
    return False


def clashes(window) -> list[tuple[str, str, str]]:
    """Pairs of enabled actions with one key where one focus makes both active: Qt would run neither."""
    found = []
    enabled = [a for a in actions_with_keys(window) if a.isEnabled()]
    for i, first in enumerate(enabled):
        for second in enabled[i + 1 :]:
            shared = {k.toString() for k in first.shortcuts()} & {k.toString() for k in second.shortcuts()}
            if not shared:
                continue
            overlap = any(covers(second, r, window) for r in roots(first, window)) or any(
                covers(first, r, window) for r in roots(second, window)
            )
            if overlap:
                found.append((sorted(shared)[0], plain_text(first.text()), plain_text(second.text())))
    return found


def test_f1_opens_the_shortcuts_of_every_action_with_keys(qtbot, window, shots):
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.findChild(ShortcutsDialog)
    assert dialog is not None and dialog.isVisible()
    listed = {entry.action for entry in dialog.entries}
    missing = [plain_text(a.text()) for a in actions_with_keys(window) if a not in listed]
    assert missing == []
    assert len(dialog.entries) == len(actions_with_keys(window)) == dialog.table.topLevelItemCount()
    rows = {(e.text, e.keys, e.where) for e in dialog.entries}
    native = QKeySequence("Ctrl+F").toString(QKeySequence.SequenceFormat.NativeText)
    assert ("Find in Song", (native,), "Edit") in rows
    assert ("Theme", ("1",), "Edit > Highlight With") in rows  # a lens, in its submenu
    assert ("Keyboard Shortcuts", ("F1", "Ctrl+/"), "Help") in rows
    redo = next(e for e in dialog.entries if e.text == "Redo")
    assert len(redo.keys) == 2  # every key of an action, not only the first
    assert "&" not in "".join(e.text + e.where for e in dialog.entries if "Rhyme" not in e.text)
    dialog.resize(1024, 700)
    shots(dialog, "shortcuts-dialog-1024x700")


def test_undo_is_listed_as_undo_whatever_it_would_undo(qtbot, window):
    """Edit > Undo's text names the step ("Undo Rename Song"); the list of keys names the command."""
    song = window.session.songs()[0]
    window.session.song_edits.update(song.id, title="Renamed for the undo text")
    assert plain_text(window.menus.undo_action.text()) != "Undo"
    texts = {entry.text for entry in window_shortcuts(window)}
    assert {"Undo", "Redo"} <= texts and not any(text.startswith("Undo ") for text in texts)


def test_actions_outside_the_menus_say_where_they_act(qtbot, window):
    entries = {e.text: e for e in window_shortcuts(window)}
    assert entries["Next Article"].where != "Window"  # named by the part of the window it works in
    assert entries["Go to Passage"].keys == ("Space",)


def test_the_filter_matches_action_menu_and_key_ignoring_case_and_accents(qtbot, window, shots):
    dialog = window.menus.open_shortcuts_dialog()
    total = len(dialog.entries)
    qtbot.keyClicks(dialog.filter_edit, "ctrl+f")
    assert {e.text for e in dialog.visible_entries()} >= {"Find in Song", "Filter Annotations"}
    assert all("ctrl+f" in " ".join(e.keys).lower() for e in dialog.visible_entries())
    dialog.filter_edit.setText("LYRICS édit")  # every word, in any order, case and accents folded
    assert {e.text for e in dialog.visible_entries()} == {"Edit Lyrics", "Link to Lyrics Lines"}  # Edit menu
    assert dialog.count_label.text() == f"2 of {total} shortcuts"
    dialog.filter_edit.setText("highlight with")  # a menu path
    shown = {(e.text, e.where) for e in dialog.visible_entries()}
    assert {("Theme", "Edit > Highlight With"), ("Highlight with Last Lens", "Edit")} <= shown
    assert ("Find in Song", "Edit") not in shown
    dialog.filter_edit.setText("no such action")
    assert dialog.visible_entries() == [] and dialog.count_label.text() == f"0 of {total} shortcuts"
    dialog.filter_edit.clear()
    assert len(dialog.visible_entries()) == total


def test_the_new_keys_are_used_by_no_other_action(qtbot, window):
    keys = {"F1", "Ctrl+/"}
    users = [a for a in actions_with_keys(window) if keys & {k.toString() for k in a.shortcuts()}]
    assert users == [window.menus.shortcuts_action]
    qtbot.keyClick(window, Qt.Key.Key_Slash, Qt.KeyboardModifier.ControlModifier)
    assert window.findChild(ShortcutsDialog) is not None


def test_no_two_enabled_actions_share_a_key_where_both_would_act(qtbot, window):
    assert clashes(window) == []


def test_lens_actions_just_replaced_are_listed_once(qtbot, window):
    window.menus.rebuild_lens_actions()
    QCoreApplication.sendPostedEvents(
        None, QEvent.Type.DeferredDelete
    )  # as the next turn of the event loop does
    names = [lens.name for lens in window.session.lenses()]
    listed = [(e.text, e.where) for e in window_shortcuts(window) if e.text in names]
    assert listed == [(name, "Edit > Highlight With") for name in names[: len(listed)]]
    assert len(listed) == min(len(names), 9) > 0
