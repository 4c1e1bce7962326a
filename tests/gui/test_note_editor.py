"""The note editor on its own: what it shows, and which intents the user's keys and edits emit."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from lyricpad.core.anchoring import anchor_for_range
from lyricpad.core.models import Annotation, Lens
from lyricpad.core.schema import DEFAULT_LENSES, default_lens_id
from lyricpad.gui.note_editor import (
    NOTE_DEBOUNCE_MS,
    PLACEHOLDER,
    NoteEditor,
)
from lyricpad.gui.note_places import line_reference
from lyricpad.gui.note_tags import parse_tags

LENSES = [Lens(default_lens_id(name), name, colour, i) for i, (name, colour) in enumerate(DEFAULT_LENSES)]
THEME, IMAGERY = LENSES[0], LENSES[1]
LYRICS = "Down where the hollow pines lean\nover water\nthe river runs\nand the river runs\n"
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
SIGNALS = (
    "lens_change_requested",
    "note_edited",
    "note_burst_ended",
    "tags_change_requested",
    "delete_requested",
    "restore_requested",
)


def quote(text: str, occurrence: int = 1):
    start = -1
    for _ in range(occurrence):
        start = LYRICS.index(text, start + 1)
    return anchor_for_range(LYRICS, start, start + len(text))


def annotation(annotation_id="a1", **changes) -> Annotation:
    base = Annotation(
        id=annotation_id,
        song_id="s1",
        target="lyrics",
        article_id=None,
        lens=THEME,
        note="The pines are **hollow**.",
        status="anchored",
        fragments=(quote("hollow pines"),),
        tags=("imagery", "Family"),
    )
    return replace(base, **changes)


@pytest.fixture
def editor(qtbot):
    widget = NoteEditor()
    qtbot.addWidget(widget)
    widget.set_lenses(LENSES)
    widget.set_known_tags(["family", "imagery", "nocturne", "river"])
    widget.show_annotation(annotation())
    widget.resize(320, 460)
    widget.show()
    widget.activateWindow()
    qtbot.waitActive(widget)
    return widget


@pytest.fixture
def emitted(editor):
    """Every signal the editor emits, in order, as (name, *args)."""
    seen = []
    for name in SIGNALS:
        getattr(editor, name).connect(lambda *args, name=name: seen.append((name, *args)))
    return seen


def type_note(qtbot, editor, text):
    editor.focus_note()
    qtbot.keyClicks(editor.note_edit, text)


def press(qtbot, widget, key):
    """Press *key* as a user would: an open completion popup gets it first."""
    qtbot.keyClick(QApplication.activePopupWidget() or widget, key)


def settle(qtbot):
    """Long enough for a debounced edit, if one were still pending, to go out."""
    qtbot.wait(2 * NOTE_DEBOUNCE_MS)


# --------------------------------------------------------------- pure helpers


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("#a, b  c", ["a", "b", "c"]),
        ("", []),
        ("  ,, # ", []),
        ("#love #Night, love night", ["love", "Night"]),
        ("##deep\tcut", ["deep", "cut"]),
    ],
)
def test_tags_are_typed_comma_or_space_separated_with_optional_hash(text, tags):
    assert parse_tags(text) == tags


@pytest.mark.parametrize(
    ("fragments", "reference"),
    [
        ((quote("hollow pines"),), "line 1"),
        ((anchor_for_range(LYRICS, 14, 40),), "lines 1–2"),
        ((quote("river runs", 2), quote("river runs", 1)), "lines 3, 4"),
    ],
)
def test_line_reference(fragments, reference):
    assert line_reference(annotation(fragments=fragments)) == reference


# ------------------------------------------------------------------- showing


def test_show_annotation_fills_every_field_and_emits_nothing(qtbot, editor, emitted):
    shown = annotation(
        "a2",
        lens=IMAGERY,
        note="Second *note*",
        status="needs_review",
        fragments=(quote("river runs", 1), quote("river runs", 2)),
        tags=("river",),
    )
    editor.show_annotation(shown)
    assert editor.current_annotation_id == "a2"
    assert editor.quote_label.full_text() == "“river runs”"
    assert editor.place_label.text() == "Lyrics · was lines 3, 4"  # no place proposed: its old lines
    assert editor.lens_combo.currentData() == IMAGERY.id
    assert editor.swatch.colour() == IMAGERY.colour
    assert editor.note_text() == "Second *note*"
    assert editor.tags_edit.text() == "#river"
    assert not editor.status_badge.isHidden() and editor.status_badge.text() == "Needs review"
    assert editor.delete_button.isVisibleTo(editor) and not editor.restore_button.isVisibleTo(editor)
    settle(qtbot)
    assert emitted == []


def test_no_annotation_shows_the_placeholder_and_disables_the_inputs(qtbot, editor, emitted):
    editor.show_annotation(None)
    assert editor.current_annotation_id == ""
    assert editor.placeholder.isVisible() and editor.placeholder.text() == PLACEHOLDER
    assert not editor.form.isVisible()
    for control in (editor.lens_combo, editor.note_edit, editor.tags_edit, editor.delete_button):
        assert not control.isEnabled()
    editor.delete_action.trigger()
    editor.focus_note()
    settle(qtbot)
    assert emitted == []


def test_every_control_has_an_accessible_name(editor):
    editor.show_annotation(annotation(status="orphaned"))
    controls = [
        editor.lens_combo,
        editor.tabs,
        editor.note_edit,
        editor.preview,
        editor.tags_edit,
        editor.delete_button,
        editor.restore_button,
        editor.status_badge,
        editor.placeholder,
    ]
    assert all(control.accessibleName() for control in controls)
    assert editor.quote_label.accessibleName() == "Quote: hollow pines"
    assert editor.place_label.accessibleName() == "Place: Lyrics · was line 1"
    assert editor.status_badge.accessibleName() == "Status: Orphaned"


def test_tab_goes_header_then_note_then_tags_then_buttons(qtbot, editor):
    editor.lens_combo.setFocus()
    order = [QApplication.focusWidget()]
    for _ in range(4):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        order.append(QApplication.focusWidget())
    assert order == [
        editor.lens_combo,
        editor.tabs.tabBar(),
        editor.note_edit,
        editor.tags_edit,
        editor.delete_button,
    ]


# -------------------------------------------------------------------- the note


def test_typing_emits_the_whole_note_once_after_a_pause(qtbot, editor, emitted):
    with qtbot.waitSignal(editor.note_edited, timeout=5000) as blocker:
        type_note(qtbot, editor, " Quiet.")
    assert blocker.args == ["a1", "The pines are **hollow**. Quiet."]
    settle(qtbot)
    assert [e for e in emitted if e[0] == "note_edited"] == [("note_edited", *blocker.args)]


def test_flush_emits_the_pending_edit_at_once_and_nothing_after(qtbot, editor, emitted):
    type_note(qtbot, editor, "!")
    editor.flush()
    assert emitted == [("note_edited", "a1", "The pines are **hollow**.!")]
    settle(qtbot)
    editor.flush()
    assert emitted == [("note_edited", "a1", "The pines are **hollow**.!")]


def test_typing_a_note_back_as_it_was_emits_nothing(qtbot, editor, emitted):
    type_note(qtbot, editor, "x")
    qtbot.keyClick(editor.note_edit, Qt.Key.Key_Backspace)
    editor.flush()
    assert emitted == []


def test_leaving_the_note_flushes_and_ends_the_typing_burst(qtbot, editor, emitted):
    type_note(qtbot, editor, "!")
    editor.tags_edit.setFocus()
    assert emitted == [("note_edited", "a1", "The pines are **hollow**.!"), ("note_burst_ended",)]


def test_a_refresh_of_the_same_annotation_keeps_what_is_being_typed(qtbot, editor, emitted):
    type_note(qtbot, editor, " Still typ")
    editor.show_annotation(annotation(lens=IMAGERY))  # e.g. the lens changed elsewhere mid-typing
    assert editor.note_text() == "The pines are **hollow**. Still typ"
    assert editor.lens_combo.currentData() == IMAGERY.id
    qtbot.keyClicks(editor.note_edit, "ing")
    editor.flush()
    assert emitted == [("note_edited", "a1", "The pines are **hollow**. Still typing")]


def test_an_older_note_coming_back_does_not_replace_a_newer_one(qtbot, editor, emitted):
    type_note(qtbot, editor, " One")
    editor.flush()
    qtbot.keyClicks(editor.note_edit, " two")
    editor.flush()
    editor.show_annotation(annotation(note="The pines are **hollow**. One"))  # a late echo
    assert editor.note_text() == "The pines are **hollow**. One two"


def test_a_note_changed_elsewhere_is_shown(qtbot, editor, emitted):
    type_note(qtbot, editor, " One")
    editor.flush()
    editor.show_annotation(annotation(note="Undone to this"))  # e.g. undo from the Edit menu
    assert editor.note_text() == "Undone to this"
    assert emitted == [("note_edited", "a1", "The pines are **hollow**. One")]


def test_showing_another_annotation_first_emits_the_pending_edit_for_the_old_one(qtbot, editor, emitted):
    type_note(qtbot, editor, "!")
    editor.show_annotation(annotation("a2", note="Other"))
    assert emitted == [("note_edited", "a1", "The pines are **hollow**.!"), ("note_burst_ended",)]
    assert editor.current_annotation_id == "a2"
    assert editor.note_text() == "Other"
    settle(qtbot)
    assert len(emitted) == 2


def test_focus_note_puts_the_cursor_at_the_end(editor):
    editor.tabs.setCurrentIndex(1)
    editor.focus_note()
    assert editor.note_edit.hasFocus()
    assert editor.note_edit.textCursor().position() == len(editor.note_text())


def test_preview_renders_the_markdown(qtbot, editor):
    editor.focus_note()
    qtbot.keyClick(editor.note_edit, Qt.Key.Key_P, CTRL_SHIFT)
    assert editor.tabs.currentWidget() is editor.preview
    assert editor.preview.hasFocus()
    assert editor.preview.toPlainText().strip() == "The pines are hollow."
    assert "**" not in editor.preview.toPlainText()
    assert not editor.preview.openLinks()
    qtbot.keyClick(editor.preview, Qt.Key.Key_P, CTRL_SHIFT)
    assert editor.tabs.currentWidget() is editor.note_edit and editor.note_edit.hasFocus()


# -------------------------------------------------------------- lens and tags


def test_picking_a_lens_by_keyboard_asks_for_it(qtbot, editor, emitted):
    editor.lens_combo.setFocus()
    qtbot.keyClick(editor.lens_combo, Qt.Key.Key_Down)
    assert emitted == [("lens_change_requested", "a1", IMAGERY.id)]


def test_picking_the_current_lens_asks_nothing(editor, emitted):
    editor.lens_combo.activated.emit(editor.lens_combo.findData(THEME.id))
    assert emitted == []


def test_changed_tags_are_asked_for_on_enter(qtbot, editor, emitted):
    editor.tags_edit.setFocus()
    editor.tags_edit.selectAll()
    qtbot.keyClicks(editor.tags_edit, "#a, b  c")
    press(qtbot, editor.tags_edit, Qt.Key.Key_Return)
    assert emitted == [("tags_change_requested", "a1", ["a", "b", "c"])]


def test_tags_typed_as_they_were_ask_nothing(qtbot, editor, emitted):
    editor.tags_edit.setFocus()
    editor.tags_edit.selectAll()
    qtbot.keyClicks(editor.tags_edit, "family, #IMAGERY")
    press(qtbot, editor.tags_edit, Qt.Key.Key_Tab)  # leaving the field applies it
    assert not editor.tags_edit.hasFocus()
    assert emitted == []
    assert editor.tags_edit.text() == "#imagery #Family"


def test_leaving_the_tags_field_applies_a_change(qtbot, editor, emitted):
    editor.tags_edit.setFocus()
    editor.tags_edit.end(False)
    qtbot.keyClicks(editor.tags_edit, " river")
    press(qtbot, editor.tags_edit, Qt.Key.Key_Tab)
    assert editor.delete_button.hasFocus()
    assert emitted == [("tags_change_requested", "a1", ["imagery", "Family", "river"])]


def test_known_tags_complete_the_tag_being_typed(qtbot, editor):
    editor.tags_edit.setFocus()
    editor.tags_edit.end(False)
    qtbot.keyClicks(editor.tags_edit, " #noc")
    assert editor.tag_completer.currentCompletion() == "#imagery #Family #nocturne"


# ----------------------------------------------------------- delete, restore


def test_delete_shortcut_asks_to_delete_after_the_pending_note(qtbot, editor, emitted):
    type_note(qtbot, editor, "!")
    qtbot.keyClick(editor.note_edit, Qt.Key.Key_Delete, CTRL_SHIFT)
    assert emitted == [
        ("note_edited", "a1", "The pines are **hollow**.!"),
        ("delete_requested", "a1"),
    ]
    assert editor.note_text() == "The pines are **hollow**.!"  # the key deleted no text


def test_a_trashed_highlight_offers_restore_instead_of_delete(qtbot, editor, emitted):
    editor.show_annotation(annotation(deleted=True))
    assert editor.restore_button.isVisible() and not editor.delete_button.isVisible()
    assert editor.status_badge.text() == "In trash"
    assert editor.note_edit.isReadOnly() and not editor.tags_edit.isEnabled()
    editor.focus_note()
    qtbot.keyClick(editor.note_edit, Qt.Key.Key_Delete, CTRL_SHIFT)
    qtbot.keyClick(editor.note_edit, Qt.Key.Key_R, CTRL_SHIFT)
    assert emitted == [("restore_requested", "a1")]
    editor.restore_button.click()
    assert emitted == [("restore_requested", "a1")] * 2


def test_colours_follow_the_palette(editor):
    editor.show_annotation(annotation(status="needs_review"))
    dark = QPalette(editor.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#2b2b2b"))
    dark.setColor(QPalette.ColorRole.PlaceholderText, QColor("#8a8a8a"))
    editor.setPalette(dark)
    assert editor.place_label.palette().color(QPalette.ColorRole.WindowText) == QColor("#8a8a8a")
    badge = editor.status_badge.palette().color(QPalette.ColorRole.Window)
    assert badge.alpha() < 255  # a tint over the panel, not a fixed light or dark fill
    assert editor.status_badge.palette().color(QPalette.ColorRole.WindowText) == dark.color(
        QPalette.ColorRole.WindowText
    )
