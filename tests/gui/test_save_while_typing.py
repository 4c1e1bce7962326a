"""Save while typing, in the real window: every editor saves after a pause, and at least every two seconds
while the typing goes on without one, into the library file."""

import itertools
import time
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import QEvent, Qt, SignalInstance
from PySide6.QtGui import QFocusEvent, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPlainTextEdit

from lyricpad.app.autosave import Autosave
from lyricpad.app.save_timer import SAVE_MAX_WAIT_MS
from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.store import Library
from lyricpad.core.text import normalise_text
from lyricpad.gui.article_pane import ARTICLE_SAVE_DEBOUNCE_MS
from lyricpad.gui.lyrics_pane import LYRICS_SAVE_DEBOUNCE_MS
from lyricpad.gui.main_window import MainWindow
from lyricpad.gui.note_editor import NOTE_DEBOUNCE_MS

TYPING_SECONDS = 5.0
KEY_EVERY_MS = 100
LATE = 0.3
"""How late (s) a save may come after it is due: the event loop was busy with a key or another save.
Generous on purpose: what is measured is whether the maximum wait is kept, not the machine's speed."""

EARLY = 0.05
"""How early (s) a timer may fire: Qt's coarse timers (the pause) allow 5%."""

WORDS = itertools.cycle("the pier waits for the tide ")


@dataclass
class Editor:
    """One of the window's editors, as these tests type into it and read back what it saved."""

    keys_to: QPlainTextEdit
    saved: SignalInstance
    text_of: Callable[[tuple], str]  # the text an emission of `saved` carries
    stored: Callable[[], str]  # the text as the library file holds it now (read by another connection)
    flush: Callable[[], None]
    save_timer: Autosave
    pause_ms: int

    def held(self) -> str:
        return self.keys_to.toPlainText()


@dataclass
class Save:
    at: float  # time.monotonic()
    text: str  # what was emitted
    held: str  # what the editor held then


def note_editor(window: MainWindow, path) -> Editor:
    window.lyrics_pane.setFocus()
    window.lyrics_pane.select_lines(16, 16)
    annotation_id = window.highlight_with_last_lens()
    assert annotation_id
    editor = window.note_editor
    editor.focus_note()

    def stored():
        with Library.open(path) as library:
            return library.annotations.get(annotation_id).note

    return Editor(
        editor.note_edit,
        editor.note_edited,
        lambda args: args[1],
        stored,
        editor.flush,
        editor.autosave,
        NOTE_DEBOUNCE_MS,
    )


def lyrics_pane(window: MainWindow, path) -> Editor:
    pane = window.lyrics_pane
    window.edit_lyrics_action.trigger()
    assert pane.is_editing()
    pane.setFocus()
    pane.moveCursor(QTextCursor.MoveOperation.End)

    def stored():
        with Library.open(path) as library:
            return library.songs.resolve(DEMO_TITLE).lyrics

    return Editor(
        pane,
        pane.lyrics_edited,
        lambda args: args[0],
        stored,
        pane.flush,
        pane.autosave,
        LYRICS_SAVE_DEBOUNCE_MS,
    )


def article_pane(window: MainWindow, path) -> Editor:
    pane = window.article_pane
    window.edit_article_action.trigger()
    assert pane.is_editing()
    article_id = pane.current_article_id
    pane.source_edit.setFocus()
    pane.source_edit.moveCursor(QTextCursor.MoveOperation.End)

    def stored():
        with Library.open(path) as library:
            return library.articles.get(article_id).body

    return Editor(
        pane.source_edit,
        pane.article_edited,
        lambda args: args[1],
        stored,
        pane.flush,
        pane.autosave,
        ARTICLE_SAVE_DEBOUNCE_MS,
    )


@pytest.fixture(params=[note_editor, lyrics_pane, article_pane], ids=["note", "lyrics", "article"])
def editor(request, window, demo_path) -> Editor:
    return request.param(window, demo_path)


@pytest.fixture
def saves(editor) -> list[Save]:
    """Every save the editor asks for, with when, and what it held then."""
    seen: list[Save] = []
    editor.saved.connect(
        lambda *args: seen.append(Save(time.monotonic(), editor.text_of(args), editor.held()))
    )
    return seen


def type_key(qtbot, editor: Editor) -> float:
    qtbot.keyClicks(editor.keys_to, next(WORDS))
    return time.monotonic()


def same(a: str, b: str) -> bool:
    return normalise_text(a) == normalise_text(b)


# ------------------------------------------------------------ deterministic


def test_every_editor_saves_after_its_pause_or_the_maximum_wait(editor):
    assert editor.save_timer.pause_ms == editor.pause_ms
    assert editor.save_timer.max_wait_ms == SAVE_MAX_WAIT_MS == 2000


def test_each_key_restarts_the_pause_but_not_the_maximum_wait(qtbot, editor, saves):
    step = editor.pause_ms // 4
    type_key(qtbot, editor)
    for _ in range(6):
        qtbot.wait(step)
        type_key(qtbot, editor)
    # 1.5 pauses since the first key, never a pause between two: no save yet ...
    assert saves == []
    assert editor.save_timer.is_pending()
    # ... and the maximum wait still counts from the first key (qtbot.wait may end 5% early).
    waited = round(6 * step * 0.95) - 20
    assert editor.save_timer.burst_age_ms() >= waited
    assert 0 <= editor.save_timer.due_in_ms() <= SAVE_MAX_WAIT_MS - waited


def test_flush_saves_what_is_typed_at_once(qtbot, editor, saves):
    type_key(qtbot, editor)
    editor.flush()
    assert [s.text for s in saves] == [editor.held()]
    assert same(editor.stored(), editor.held())
    assert not editor.save_timer.is_pending()
    qtbot.wait(editor.pause_ms + 200)
    assert len(saves) == 1


# ------------------------------------------------------------ in real time


def test_a_pause_saves_after_the_pause_length(qtbot, editor, saves):
    for _ in range(3):
        last_key = type_key(qtbot, editor)
    qtbot.waitUntil(lambda: len(saves) > 0, timeout=editor.pause_ms + 5000)
    (save,) = saves
    assert save.at - last_key >= editor.pause_ms / 1000 * 0.95 - EARLY
    assert save.text == editor.held()
    assert same(editor.stored(), editor.held())


def test_typing_without_a_pause_is_saved_at_least_every_two_seconds(qtbot, editor, saves):
    max_wait = SAVE_MAX_WAIT_MS / 1000
    keys = [type_key(qtbot, editor)]
    while keys[-1] - keys[0] < TYPING_SECONDS:
        qtbot.wait(KEY_EVERY_MS)
        keys.append(type_key(qtbot, editor))
    on_disk_while_typing = editor.stored()

    while_typing = [s for s in saves if s.at <= keys[-1]]
    saved_at = [s.at - keys[0] for s in while_typing]
    assert len(while_typing) >= 2, f"saves while typing, s after the first key: {saved_at}"
    # The first save waits the whole maximum wait (unless the keys themselves paused).
    longest_key_gap = max(b - a for a, b in itertools.pairwise(keys))
    assert saved_at[0] >= max_wait - EARLY or longest_key_gap >= editor.pause_ms / 1000 * 0.95
    # No stretch of typing, up to its last key, goes longer unsaved than the maximum wait.
    gaps = [b - a for a, b in itertools.pairwise([keys[0], *(s.at for s in while_typing), keys[-1]])]
    assert max(gaps) <= max_wait + LATE, f"saves while typing, s after the first key: {saved_at}"
    # Each save holds everything typed until then, and reached the library file.
    assert all(s.text == s.held for s in while_typing)
    assert same(on_disk_while_typing, while_typing[-1].text)

    # Then the rest is saved too, at the latest once the pause is over.
    qtbot.waitUntil(lambda: not editor.save_timer.is_pending(), timeout=editor.pause_ms + 5000)
    assert saves[-1].text == editor.held()
    assert same(editor.stored(), editor.held())


def test_a_popup_taking_the_focus_from_the_lyrics_does_not_save_them(window, qtbot):
    # A context menu takes the focus while the user is still editing: no save (and no undo step) yet.
    pane = window.lyrics_pane
    window.edit_lyrics_action.trigger()
    pane.setFocus()
    qtbot.waitUntil(pane.hasFocus)
    QTest.keyClicks(pane, "K")
    QApplication.sendEvent(pane, QFocusEvent(QEvent.Type.FocusOut, Qt.FocusReason.PopupFocusReason))
    assert not window.session.song(window.session.current_song_id).lyrics.startswith("K")
    assert pane.has_pending_edit()


def test_moving_from_the_article_source_to_its_title_waits_for_the_pause(window, qtbot):
    # Focus still inside the article pane: the body is saved after the pause, as before.
    pane = window.article_pane
    pane.set_editing(True)
    pane.source_edit.setFocus()
    qtbot.waitUntil(pane.source_edit.hasFocus)
    QTest.keyClicks(pane.source_edit, "QQQ")
    title = pane.edit_page.title_edit
    title.setFocus()
    qtbot.waitUntil(title.hasFocus)
    assert "QQQ" not in window.session.articles(window.session.current_song_id)[0].body
    qtbot.waitUntil(lambda: "QQQ" in window.session.articles(window.session.current_song_id)[0].body)
