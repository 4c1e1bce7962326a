"""Practice mode in the real window: Space plays, lines light up with time, clicks seek, loops wrap,
tag and next sets the times (one undo step), and audio is hidden without QtMultimedia."""

import pytest
from PySide6.QtCore import QPoint, Qt

from lyricpad.app.practice_clock import audio_available
from lyricpad.core.store import Library

NO_AUDIO = "PySide6-Addons (QtMultimedia) is not installed: lyricpad[audio]"

LYRICS = "\n".join(
    [
        "[Verse]",  # 1
        "lanterns on the water",  # 2
        "light the harbour wall",  # 3
        "",  # 4
        "[Chorus]",  # 5
        "carry me home",  # 6
        "carry me all",  # 7
        "",  # 8
        "[Verse]",  # 9
        "morning on the water",  # 10
    ]
)
TIMES = [None, [2000], [5000], None, None, [8000, 20000], [11000, 23000], None, None, [15000]]


class FakeTime:
    def __init__(self):
        self.seconds = 50.0

    def __call__(self) -> float:
        return self.seconds

    def advance(self, ms: int) -> None:
        self.seconds += ms / 1000


@pytest.fixture
def song_ids(tmp_path):
    path = tmp_path / "practice.sqlite"
    library = Library.open(path)
    timed = library.songs.add("Harbour Lights", lyrics=LYRICS, lyrics_format="lrc", line_times=TIMES)
    plain = library.songs.add("Plain Harbour", lyrics="first line\n\n[Chorus]\nsecond line\nthird line")
    empty = library.songs.add("No Words Yet")
    library.close()
    return path, timed.id, plain.id, empty.id


@pytest.fixture
def practice(open_window, song_ids, qtbot):
    path, timed_id, _plain, _empty = song_ids
    window = open_window(path, timed_id)
    time = FakeTime()
    window.practice.clock.set_time_source(time)
    window.lyrics_pane.setFocus()
    qtbot.waitUntil(window.lyrics_pane.hasFocus)
    return window, time


def advance(window, time, ms):
    time.advance(ms)
    window.practice.clock.tick()


def line_point(window, line):
    rect = window.practice.line_rect(line)
    return QPoint(40, int(rect.center().y()))


def test_space_starts_the_clock_and_lines_light_up_as_time_goes(practice, qtbot):
    window, time = practice
    mode = window.practice
    window.practice.practice_action.trigger()
    assert mode.is_active() and mode.bar.isVisible()
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_Space)
    assert mode.clock.is_playing()
    assert mode.bar.play_button.text() == "Pause"
    advance(window, time, 2500)
    assert mode.current_line == 2
    assert mode.bar.time_label.text() == "0:02 · line 2"
    advance(window, time, 6000)
    assert mode.current_line == 6
    advance(window, time, 12_000)  # 20.5 s: the chorus again
    assert mode.current_line == 6
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_Space)
    assert not mode.clock.is_playing()
    advance(window, time, 5000)
    assert mode.clock.position() == 20_500


def test_space_plays_nothing_outside_practice_and_types_in_the_note_editor(practice, qtbot):
    from lyricpad.core.anchoring import anchor_for_lines

    window, _time = practice
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_Space)
    assert not window.practice.clock.is_playing()
    note_id = window.session.annotation_edits.create(
        window.current_song.song_id, [anchor_for_lines(LYRICS, 2, 2)], note="still"
    )
    window.select_annotation(note_id)
    window.practice.practice_action.trigger()
    editor = window.note_editor.note_edit
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus)
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    qtbot.keyClick(editor, Qt.Key.Key_Space)
    assert editor.toPlainText() == "still "
    assert not window.practice.clock.is_playing()
    songs = window.sidebar.list_view  # Space is the list's own there, not the clock's
    songs.setFocus()
    qtbot.waitUntil(songs.hasFocus)
    qtbot.keyClick(songs, Qt.Key.Key_Space)
    assert not window.practice.clock.is_playing()


def test_a_click_on_a_line_seeks_there(practice, qtbot):
    window, _time = practice
    mode = window.practice
    mode.practice_action.trigger()
    qtbot.mouseClick(window.lyrics_pane.viewport(), Qt.MouseButton.LeftButton, pos=line_point(window, 10))
    assert mode.clock.position() == 15_000
    assert mode.current_line == 10
    # A line sung twice: the time before the clock, here the second chorus.
    mode.seek(21_000)
    qtbot.mouseClick(window.lyrics_pane.viewport(), Qt.MouseButton.LeftButton, pos=line_point(window, 7))
    assert mode.clock.position() == 11_000
    qtbot.mouseClick(window.lyrics_pane.viewport(), Qt.MouseButton.LeftButton, pos=line_point(window, 4))
    assert mode.clock.position() == 11_000  # a line without a time goes nowhere


def test_a_click_on_a_time_in_the_gutter_seeks_to_that_time(practice, qtbot):
    from gui_testing import settle

    window, _time = practice
    settle(qtbot, window, 1280, 800)  # room for both times of the chorus lines
    mode = window.practice
    gutter = window.lyrics_pane.gutter
    y = line_point(window, 6).y()
    first = next(x for x in range(gutter.width()) if gutter.time_at(QPoint(x, y)) is not None)
    qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton, pos=QPoint(first + 2, y))
    assert mode.clock.position() == 0  # not practising: a click selects the line as ever
    assert window.lyrics_pane.selected_lines() == (6, 6)
    mode.practice_action.trigger()
    qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton, pos=QPoint(first + 2, y))
    assert mode.clock.position() == 8000
    second = next(x for x in range(first, gutter.width()) if gutter.time_at(QPoint(x, y)) == 20_000)
    qtbot.mouseClick(gutter, Qt.MouseButton.LeftButton, pos=QPoint(second + 2, y))
    assert mode.clock.position() == 20_000


def test_loop_takes_the_section_and_wraps(practice, qtbot):
    window, time = practice
    mode = window.practice
    mode.practice_action.trigger()
    mode.seek(9000)  # in the first chorus
    qtbot.mouseClick(mode.bar.loop_button, Qt.MouseButton.LeftButton)
    assert mode.loop_lines == (5, 7)
    assert (mode.clock.loop.start_ms, mode.clock.loop.end_ms) == (8000, 15_000)
    mode.clock.play()
    advance(window, time, 5900)
    assert mode.current_line == 7
    advance(window, time, 200)  # 15.1 s: past the loop's end
    assert mode.clock.position() == 8000
    assert mode.current_line == 6
    qtbot.mouseClick(mode.bar.loop_button, Qt.MouseButton.LeftButton)
    assert mode.clock.loop is None
    advance(window, time, 7500)
    assert mode.current_line == 10


@pytest.mark.parametrize("leave", ["close the bar", "stay in practice"])
def test_a_loop_belongs_to_its_song(practice, song_ids, qtbot, shots, leave):
    from gui_testing import settle

    window, time = practice
    _path, _timed, plain_id, _empty = song_ids
    settle(qtbot, window, 1024, 700)
    mode = window.practice
    mode.practice_action.trigger()
    mode.seek(9000)
    mode.bar.loop_button.click()
    assert mode.bar.loop_text().startswith("Looping lines 5–7") and mode.clock.loop is not None
    if leave == "close the bar":
        mode.bar.close_button.click()
    window.sidebar.song_requested.emit(plain_id)  # another song: the loop was the first song's lines
    assert window.current_song.song_id == plain_id
    assert (mode.loop_lines, mode.clock.loop, mode.bar.loop_text()) == (None, None, "")
    mode.set_times_action.trigger()  # the bar again, for the other song's times
    assert mode.bar.isVisible() and mode.bar.loop_label.text() == ""
    assert not mode.bar.loop_button.isChecked()
    shots(window, "practice-loop-left-with-its-song")


def test_the_loop_label_is_shortened_not_cut(practice, qtbot, shots):
    from gui_testing import settle

    window, _time = practice
    settle(qtbot, window, 1024, 700)
    mode = window.practice
    mode.practice_action.trigger()
    mode.seek(9000)
    mode.bar.loop_button.click()
    shots(window, "practice-loop-label-1024x700")
    label = mode.bar.loop_label
    for width in (400, 150, 100, 60, 45):
        label.resize(width, label.height())
        shown = label.text()
        assert label.fontMetrics().horizontalAdvance(shown) <= width
        assert shown in (label.full_text(), "Looping lines 5–7", "Lines 5–7", "↻ 5–7"), (width, shown)
    assert label.toolTip() == "Looping lines 5–7 (0:08–0:15)"


def test_loop_of_selected_lines(practice, qtbot):
    window, _time = practice
    mode = window.practice
    mode.practice_action.trigger()
    window.lyrics_pane.select_lines(2, 3)
    mode.bar.loop_button.click()
    assert mode.loop_lines == (2, 3)
    assert (mode.clock.loop.start_ms, mode.clock.loop.end_ms) == (2000, 8000)


def test_practice_needs_times_and_set_times_needs_lyrics(open_window, song_ids, qtbot):
    path, _timed, plain_id, empty_id = song_ids
    window = open_window(path, plain_id)
    mode = window.practice
    assert not mode.practice_action.isEnabled()
    assert "no LRC times" in mode.practice_action.statusTip()
    assert mode.set_times_action.isEnabled()
    window.session.select_song(empty_id)
    assert not mode.set_times_action.isEnabled()
    assert mode.set_times_action.statusTip() == "This song has no lyrics to time"


def test_audio_is_hidden_without_qt_multimedia(practice):
    if audio_available():
        pytest.skip("QtMultimedia is installed here: the absent path cannot be seen")
    window, _time = practice
    mode = window.practice
    mode.practice_action.trigger()
    assert not mode.audio_action.isVisible()
    assert not mode.bar.audio_button.isVisible()
    assert not mode.bar.speed_box.isVisible()
    view_texts = [a.text() for a in window.menus.view_menu.actions() if a.isVisible()]
    assert "&Practice Mode" in view_texts and "Play Along with &Audio…" not in view_texts


@pytest.mark.skipif(not audio_available(), reason=NO_AUDIO)
def test_audio_is_offered_with_qt_multimedia(practice):
    window, _time = practice
    window.practice.practice_action.trigger()
    assert window.practice.audio_action.isVisible()
    assert window.practice.bar.audio_button.isVisible()


def test_tag_and_next_stamps_saves_and_undo_restores(open_window, song_ids, qtbot):
    path, _timed, plain_id, _empty = song_ids
    window = open_window(path, plain_id)
    mode = window.practice
    time = FakeTime()
    mode.clock.set_time_source(time)
    pane = window.lyrics_pane
    mode.set_times_action.trigger()
    assert mode.tagging.active and mode.is_active()
    assert mode.current_line == 1
    qtbot.keyClick(pane, Qt.Key.Key_T)  # starts the clock
    assert mode.clock.is_playing()
    advance(window, time, 1200)
    qtbot.keyClick(pane, Qt.Key.Key_T)
    assert mode.current_line == 4  # the blank line and the header are passed over
    advance(window, time, 900)
    qtbot.keyClick(pane, Qt.Key.Key_Space)
    advance(window, time, 400)
    qtbot.keyClick(pane, Qt.Key.Key_Backspace)  # line 4's stamp taken back
    assert mode.current_line == 4
    advance(window, time, 100)
    qtbot.keyClick(pane, Qt.Key.Key_T)
    advance(window, time, 1000)
    qtbot.keyClick(pane, Qt.Key.Key_T)
    assert "all stamped" in mode.bar.status_label.text()
    qtbot.keyClick(pane, Qt.Key.Key_Return)
    assert not mode.tagging.active
    song = window.session.song(plain_id)
    assert song.line_times == [[1200], None, None, [2600], [3600]]
    assert song.lyrics_format == "lrc"
    assert mode.practice_action.isEnabled() and mode.is_active()  # the song can be practised now
    assert window.undo_action.text() == "&Undo Set Line Times"
    window.undo_action.trigger()
    song = window.session.song(plain_id)
    assert song.line_times is None and song.lyrics_format == "plain"
    assert not mode.practice_action.isEnabled() and not mode.is_active()


def test_tag_and_next_refuses_times_going_backwards_unless_asked(open_window, song_ids, qtbot, dialogs):
    path, timed_id, _plain, _empty = song_ids
    window = open_window(path, timed_id)
    mode = window.practice
    time = FakeTime()
    mode.clock.set_time_source(time)
    pane = window.lyrics_pane
    mode.set_times_action.trigger()
    assert mode.current_line == 2
    qtbot.keyClick(pane, Qt.Key.Key_Space)
    advance(window, time, 3000)
    qtbot.keyClick(pane, Qt.Key.Key_T)  # line 2 at 0:03
    mode.clock.seek(1000)  # sought back
    qtbot.keyClick(pane, Qt.Key.Key_T)
    assert mode.current_line == 3
    assert "Not stamped" in mode.bar.status_label.text()
    qtbot.keyClick(pane, Qt.Key.Key_T, Qt.KeyboardModifier.ShiftModifier)  # anyway
    assert mode.current_line == 6
    qtbot.keyClick(pane, Qt.Key.Key_Return)
    assert dialogs and "go backwards at line 3" in dialogs[-1][1]  # asked; the tests' answer is No
    assert mode.tagging.active
    assert window.session.song(timed_id).line_times == TIMES
    qtbot.keyClick(pane, Qt.Key.Key_Escape)
    assert not mode.tagging.active
    assert window.session.song(timed_id).line_times == TIMES


def test_editing_the_lyrics_leaves_practice_mode(practice):
    window, _time = practice
    mode = window.practice
    mode.practice_action.trigger()
    window.edit_lyrics_action.trigger()
    assert not mode.is_active() and not mode.bar.isVisible()


def test_screenshot_of_practice_mode(practice, qtbot, shots):
    from gui_testing import settle

    window, time = practice
    settle(qtbot, window, 1024, 700)
    mode = window.practice
    mode.practice_action.trigger()
    mode.seek(8500)
    mode.bar.loop_button.click()
    qtbot.wait(50)
    shots(window, "practice-mode-1024x700")


def test_screenshot_of_setting_times(open_window, song_ids, qtbot, shots):
    from gui_testing import settle

    path, _timed, plain_id, _empty = song_ids
    window = open_window(path, plain_id)
    settle(qtbot, window, 1024, 700)
    time = FakeTime()
    window.practice.clock.set_time_source(time)
    window.practice.set_times_action.trigger()
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_T)
    advance(window, time, 1500)
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_T)
    qtbot.wait(50)
    shots(window, "practice-set-times-1024x700")


def test_stamp_note_with_time_shows_in_the_note_panel_seeks_and_undoes(practice, qtbot):
    from lyricpad.core.anchoring import anchor_for_lines

    window, _time = practice
    mode = window.practice
    song_id = window.current_song.song_id
    session = window.session
    note_id = session.annotation_edits.create(song_id, [anchor_for_lines(LYRICS, 6, 6)], note="the turn")
    window.select_annotation(note_id)
    assert not mode.stamp_note_action.isEnabled()  # only while practising
    assert mode.note_time.isHidden()
    mode.practice_action.trigger()
    mode.seek(20_400)
    window.lyrics_pane.setFocus()
    ctrl_alt = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_M, ctrl_alt)
    assert session.annotation(note_id).time_ms == 20_400
    assert window.undo_action.text() == "&Undo Set Note Time"
    assert not mode.note_time.isHidden() and mode.note_time.time_text() == "♪ at 0:20"
    mode.seek(0)
    qtbot.mouseClick(mode.note_time.time_button, Qt.MouseButton.LeftButton)
    assert mode.clock.position() == 20_400 and mode.current_line == 6
    window.undo_action.trigger()
    assert session.annotation(note_id).time_ms is None
    assert mode.note_time.isHidden()
