"""Quitting with changes not saved always asks: Retry, Save a Copy as Markdown…, Quit Anyway (issue 12)."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMessageBox

from lyricpad.core.store import Library
from lyricpad.gui.main_window import MainWindow


def refuse_note_edits(window: MainWindow) -> None:
    """Every change of a note fails in SQLite with "constraint failed", as a damaged library did."""
    window.session.library.db.execute(
        "CREATE TEMP TRIGGER refuse BEFORE UPDATE OF note ON annotations "
        "BEGIN SELECT RAISE(ABORT, 'constraint failed'); END"
    )


def type_note(window: MainWindow, qtbot, text: str) -> str:
    annotation = window.session.annotations(window.session.current_song_id)[0]
    window.select_annotation(annotation.id)
    window.note_editor.focus_note()
    qtbot.keyClicks(window.note_editor.note_edit, text)
    window.flush_edits()
    return annotation.id


def close(window: MainWindow) -> bool:
    event = QCloseEvent()
    window.closeEvent(event)
    return event.isAccepted()


def test_a_note_refused_at_every_pause_is_never_lost_on_quit(window, qtbot, monkeypatch, tmp_path, demo_path):
    refuse_note_edits(window)
    annotation_id = type_note(window, qtbot, " and the words I typed")
    assert window.unsaved_label.isVisible() and "1 change not saved" in window.unsaved_label.text()
    answers = ["retry", "retry", "cancel"]
    asked = []
    monkeypatch.setattr(
        MainWindow,
        "ask_unsaved_on_quit",
        lambda self: asked.append(1) or (answers.pop(0) if answers else "quit"),
    )
    assert not close(window)  # asked after every failed retry, and Cancel keeps the window
    assert len(asked) == 3
    copy = tmp_path / "kept.md"
    answers[:] = ["copy"]
    monkeypatch.setattr(MainWindow, "choose_unsaved_copy_path", lambda self: str(copy))
    assert close(window)
    tokens = MarkdownIt().parse(copy.read_text(encoding="utf-8"))
    fences = [t.content for t in tokens if t.type == "fence"]
    assert len(fences) == 1 and fences[0].endswith(" and the words I typed\n")
    with Library.open(demo_path) as other:  # refused: the library was not changed
        assert "the words I typed" not in other.annotations.get(annotation_id).note


def test_retry_that_succeeds_quits_without_asking_again(window, qtbot, monkeypatch, demo_path):
    db = window.session.library.db
    db.execute("PRAGMA query_only = 1")
    annotation_id = type_note(window, qtbot, " saved at last")
    assert window.session.safekeeping.retryable_count == 1

    def answer(self):
        db.execute("PRAGMA query_only = 0")  # the disk is back while the question is shown
        return "retry"

    monkeypatch.setattr(MainWindow, "ask_unsaved_on_quit", answer)
    assert close(window)
    with Library.open(demo_path) as other:
        assert other.annotations.get(annotation_id).note.endswith(" saved at last")


def test_quit_anyway_quits(window, qtbot, monkeypatch):
    window.session.library.db.execute("PRAGMA query_only = 1")
    type_note(window, qtbot, " let go")
    monkeypatch.setattr(MainWindow, "ask_unsaved_on_quit", lambda self: "quit")
    assert close(window)
    window.session.library.db.execute("PRAGMA query_only = 0")


def test_a_copy_that_cannot_be_written_asks_again(window, qtbot, monkeypatch, tmp_path, dialogs):
    refuse_note_edits(window)
    type_note(window, qtbot, " kept")
    answers = ["copy", "cancel"]
    monkeypatch.setattr(MainWindow, "ask_unsaved_on_quit", lambda self: answers.pop(0) if answers else "quit")
    (tmp_path / "in-the-way").write_text("a file where a folder should be")
    monkeypatch.setattr(
        MainWindow, "choose_unsaved_copy_path", lambda self: str(tmp_path / "in-the-way" / "x.md")
    )
    assert not close(window)
    assert any("The copy was not saved" in text for _, text in dialogs)


@pytest.mark.real_questions
def test_the_question_is_a_real_box_with_the_four_answers(window, qtbot):
    refuse_note_edits(window)
    type_note(window, qtbot, " asked")
    box = window.unsaved_box()
    names = sorted(button.objectName() for button in box.buttons() if button.objectName())
    assert names == ["cancel", "copy", "quit", "retry"]  # and Qt's own Show Details… button
    assert box.defaultButton().objectName() == "copy"
    assert box.escapeButton().objectName() == "cancel"
    assert "1 change could not be saved" in box.text() and "constraint failed" in box.detailedText()
    box.setParent(None)

    def press(name: str) -> None:
        active = QApplication.activeModalWidget()
        assert isinstance(active, QMessageBox)
        if name == "escape":
            qtbot.keyClick(active, Qt.Key.Key_Escape)
        else:
            next(b for b in active.buttons() if b.objectName() == name).click()

    for name, expected in (("quit", "quit"), ("retry", "retry"), ("escape", "cancel")):
        QTimer.singleShot(50, lambda name=name: press(name))
        assert window.ask_unsaved_on_quit() == expected
    QTimer.singleShot(50, lambda: press("quit"))
    assert close(window)  # Quit Anyway: the window closes, and does not ask again
    assert window.session.safekeeping.unsaved_count == 0


def test_after_a_retry_the_note_editor_shows_the_newest_words_not_an_older_save(window, qtbot, demo_path):
    """Typed in bursts while the library could not be written: once it can, the newest text is saved
    once, and the editor keeps it (an older burst saved last would have come back into the editor,
    and the next keystroke would have saved it over the newest)."""
    db = window.session.library.db
    db.execute("PRAGMA query_only = 1")
    annotation_id = type_note(window, qtbot, " first burst")
    for burst in (" second burst", " third burst"):
        window.note_editor.focus_note()
        qtbot.keyClicks(window.note_editor.note_edit, burst)
        window.flush_edits()
    typed = window.note_editor.note_text()
    assert typed.endswith(" first burst second burst third burst")
    assert (
        window.session.safekeeping.retryable_count == 1
        and "1 change not saved" in window.unsaved_label.text()
    )
    db.execute("PRAGMA query_only = 0")
    assert window.session.safekeeping.retry_unsaved()
    assert window.note_editor.note_text() == typed
    qtbot.keyClicks(window.note_editor.note_edit, "!")
    window.flush_edits()
    with Library.open(demo_path) as other:
        assert other.annotations.get(annotation_id).note == typed + "!"
