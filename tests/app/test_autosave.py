"""The save-while-typing controller on its own: when it saves, what it saves, and what it says to show."""

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication

from lyricpad.app.autosave import Autosave
from lyricpad.app.save_timer import SAVE_MAX_WAIT_MS

HOUR_MS = 3_600_000
"""Longer than any test: a timer of this length never fires in one."""


class Editor:
    """What an editor gives the controller: its text, and a save that records (or refuses) it."""

    def __init__(self, text: str = ""):
        self.text = text
        self.saves: list[tuple[str, str]] = []
        self.failing = False
        self.on_save = None  # what a save sets off, as the window's refresh would

    def read(self) -> str:
        return self.text

    def save(self, key: str, text: str) -> None:
        if self.failing:
            raise OSError("disk full")
        self.saves.append((key, text))
        if self.on_save is not None:
            self.on_save()

    def type(self, autosave: Autosave, words: str) -> None:
        self.text += words
        autosave.changed()


@pytest.fixture
def editor():
    return Editor("Start.")


@pytest.fixture
def make(qtbot, editor):
    def make_(pause_ms=HOUR_MS, max_wait_ms=HOUR_MS, **kwargs):
        autosave = Autosave(pause_ms, editor.read, editor.save, max_wait_ms=max_wait_ms, **kwargs)
        autosave.switch("a1", editor.text)
        return autosave

    return make_


def test_the_maximum_wait_is_two_seconds_unless_told(editor):
    autosave = Autosave(400, editor.read, editor.save)
    assert (autosave.pause_ms, autosave.max_wait_ms) == (400, SAVE_MAX_WAIT_MS)


def test_a_pause_saves_the_text_as_it_stands(qtbot, make, editor):
    autosave = make(pause_ms=50)
    editor.type(autosave, " One.")
    assert editor.saves == [] and autosave.is_pending() and autosave.has_unsaved()
    qtbot.waitUntil(lambda: editor.saves != [], timeout=5000)
    assert editor.saves == [("a1", "Start. One.")]
    assert not autosave.is_pending() and not autosave.has_unsaved()
    assert autosave.saved_text == "Start. One."


def test_continuous_edits_are_saved_by_the_maximum_wait(qtbot, make, editor):
    autosave = make(pause_ms=HOUR_MS, max_wait_ms=100)
    for n in range(12):  # typing on without the pause ever coming
        editor.type(autosave, f" {n}")
        qtbot.wait(40)
    assert editor.saves, "the maximum wait never saved"
    # Each save held everything typed until then, and the rest waits for the next one.
    assert all(editor.text.startswith(text) for _key, text in editor.saves)
    qtbot.waitUntil(lambda: not autosave.has_unsaved(), timeout=5000)
    assert editor.saves[-1] == ("a1", editor.text)


def test_changes_restart_the_pause_but_not_the_maximum_wait(qtbot, make, editor):
    autosave = make(pause_ms=1000, max_wait_ms=HOUR_MS)
    editor.type(autosave, " a")
    qtbot.wait(300)
    editor.type(autosave, " b")
    assert autosave.burst_age_ms() >= 250
    assert autosave.due_in_ms() > 800
    assert editor.saves == []


def test_flush_saves_at_once_and_only_once(make, editor):
    autosave = make()
    editor.type(autosave, " One.")
    assert autosave.flush() is True
    assert autosave.flush() is False
    assert editor.saves == [("a1", "Start. One.")]


def test_a_text_typed_back_as_it_was_saves_nothing(make, editor):
    autosave = make()
    editor.type(autosave, "x")
    editor.text = "Start."
    autosave.changed()
    assert autosave.flush() is False and editor.saves == []


def test_texts_equal_as_stored_are_the_same_unless_told_otherwise(make, editor):
    editor.text = "Start.\n"
    as_stored, exactly = make(), make(same=str.__eq__)
    editor.text = "Start.\r\n"  # stored as "Start.\n": the store keeps no \r
    assert as_stored.flush() is False and editor.saves == []
    assert exactly.flush() is True and editor.saves == [("a1", "Start.\r\n")]


def test_switching_saves_the_old_item_first_and_ends_its_burst(qtbot, make, editor):
    autosave = make()
    ended = []
    autosave.burst_ended.connect(lambda: ended.append(autosave.key))
    editor.type(autosave, " One.")
    autosave.switch("a2", "Other.")
    assert editor.saves == [("a1", "Start. One.")]
    assert ended == ["a1"]  # the old item's burst, ended after its save
    assert autosave.key == "a2" and autosave.saved_text == "Other." and not autosave.is_pending()
    editor.text = "Other."
    autosave.switch("a3", "Third.")  # nothing typed, nothing saved: no burst to end
    assert len(editor.saves) == 1 and len(ended) == 1


def test_no_item_means_nothing_is_saved(qtbot, make, editor):
    autosave = make(pause_ms=10)
    autosave.close()
    editor.type(autosave, " lost?")
    assert not autosave.is_pending()
    qtbot.wait(50)
    assert autosave.flush() is False and editor.saves == []


def test_losing_the_focus_saves_and_ends_the_burst(qtbot, make, editor):
    autosave = make()
    widget = QObject()
    autosave.watch(widget)
    ended = []
    autosave.burst_ended.connect(lambda: ended.append(True))
    editor.type(autosave, " One.")
    QApplication.sendEvent(widget, QFocusEvent(QEvent.Type.FocusOut))
    assert editor.saves == [("a1", "Start. One.")] and ended == [True]


def test_a_flush_from_inside_a_save_waits_for_its_own_turn(make, editor):
    autosave = make()

    def typed_while_saving():
        if len(editor.saves) == 1:
            editor.type(autosave, " Two.")  # e.g. the refresh the save set off changed the text
            assert autosave.flush() is False  # not a save inside a save ...

    editor.on_save = typed_while_saving
    editor.type(autosave, " One.")
    autosave.flush()
    assert editor.saves == [("a1", "Start. One.")]
    assert autosave.is_pending()  # ... but its own, due after a pause
    autosave.flush()
    assert editor.saves == [("a1", "Start. One."), ("a1", "Start. One. Two.")]


def test_the_data_coming_back_from_a_save_changes_nothing(make, editor):
    autosave = make()
    shown = []
    editor.on_save = lambda: shown.append(autosave.reload(editor.saves[-1][1]))
    editor.type(autosave, " One.")
    autosave.flush()
    assert shown == [False] and not autosave.has_unsaved()


def test_a_failed_save_keeps_the_text_and_tries_again(qtbot, make, editor):
    autosave = make(pause_ms=50)
    editor.failing = True
    editor.type(autosave, " Precious.")
    with pytest.raises(OSError):
        autosave.flush()
    assert editor.text == "Start. Precious."
    assert autosave.has_unsaved() and autosave.is_pending()  # due again after a pause
    # The library's older text arriving now must not replace the words it could not store.
    assert autosave.reload("Start.") is False
    editor.failing = False
    qtbot.waitUntil(lambda: editor.saves != [], timeout=5000)
    assert editor.saves == [("a1", "Start. Precious.")] and not autosave.has_unsaved()


def test_a_failed_save_from_the_timer_is_tried_again_too(qtbot, make, editor):
    autosave = make(pause_ms=30)
    editor.failing = True
    failures = []
    original = editor.save

    def save(key, text):
        try:
            original(key, text)
        except OSError:
            failures.append(text)
            if len(failures) == 2:
                editor.failing = False
            raise

    autosave._save = save  # counts the tries; the editor's save still decides
    editor.type(autosave, " Precious.")
    with qtbot.captureExceptions() as exceptions:
        qtbot.waitUntil(lambda: editor.saves != [], timeout=5000)
    assert len(exceptions) == 2
    assert failures == ["Start. Precious.", "Start. Precious."]
    assert editor.saves == [("a1", "Start. Precious.")]


def test_reload_while_typing_keeps_the_typed_text(make, editor):
    autosave = make()
    editor.type(autosave, " Still typ")
    assert autosave.reload("Changed elsewhere.") is False  # an edit is waiting: it is newer
    assert autosave.flush() is True
    assert editor.saves == [("a1", "Start. Still typ")]


def test_a_late_echo_of_a_merged_burst_does_not_replace_newer_words(make, editor):
    autosave = make(bursts_merge=True)  # as notes are saved: a burst is one undo step
    editor.type(autosave, " One")
    autosave.flush()
    editor.type(autosave, " two")
    autosave.flush()
    assert autosave.reload("Start. One") is False  # saved earlier in this burst: older than the editor
    assert autosave.saved_text == "Start. One two"
    autosave.end_burst()  # e.g. focus left: an undo back to "One" is a change, not an echo
    assert autosave.reload("Start. One") is True


def test_an_earlier_text_of_the_burst_is_an_undo_when_each_save_is_a_step(make, editor):
    autosave = make()  # as lyrics and articles are saved: every save its own undo step
    editor.type(autosave, " One")
    autosave.flush()
    editor.type(autosave, " two")
    autosave.flush()
    assert autosave.reload("Start. One") is True
    assert autosave.saved_text == "Start. One"


def test_a_text_changed_elsewhere_is_to_be_shown(make, editor):
    autosave = make(bursts_merge=True)
    editor.type(autosave, " One")
    autosave.flush()
    assert autosave.reload("Undone to this") is True
    assert autosave.saved_text == "Undone to this"
    editor.text = "Undone to this"
    assert not autosave.has_unsaved()


def test_asking_whether_to_keep_the_held_text_changes_nothing(make, editor):
    autosave = make()
    editor.type(autosave, " One")
    autosave.flush()
    editor.type(autosave, " two")
    autosave.flush()
    assert autosave.keeps_held_text("Start. One two") is True  # the editor holds it already
    assert autosave.keeps_held_text("Undone.") is False
    # Still the last save: leaving the editor before it shows "Undone." saves nothing again.
    assert autosave.saved_text == "Start. One two" and autosave.flush() is False
