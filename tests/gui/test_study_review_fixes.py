"""Issue 19's review in the real window: the language hint, the margin at a bigger text size, times shown
once set, the translation's Edit mode and practice line, corrections set aside by an edit, the stress
toggle's wording, rhyme colours per section, a loop that keeps the lyrics still, spaced stress, a stale view."""

from __future__ import annotations

import pytest
from gui_testing import study_computed
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication

from lyricpad.core.store import Library
from lyricpad.core.study_hints import LANGUAGE_HINT
from lyricpad.gui.study_margin import colour_shift, rhyme_colour, spaced_stress
from lyricpad.gui.study_notices import DETAILS_LINK
from lyricpad.gui.study_view import RECOMPUTING, STRESS_ALWAYS

GERMAN = """[Strophe 1]
Der Wind geht über das Feld
Die Schatten werden lang
Ich habe nichts von dieser Welt
Als meinen alten Gang

[Refrain]
Wandern, wandern, immer fort
Bis an einen stillen Ort"""

RHYMES = """[Verse 1]
I walk along the bay
and sing until the day

[Chorus]
hold the light
through the night

[Verse 2]
I lean against the wall
and wait until you call

[Chorus]
hold the light
through the night"""

TIMED = "line one here\nline two here\nline three here"


def add_song(path, title, lyrics, **fields):
    with Library.open(path) as library:
        return library.songs.add(title, lyrics=lyrics, **fields).id


def study_window(open_window, path, song_id, width=1280, height=800):
    window = open_window(path, song_id)
    window.resize(width, height)
    window.study_view.set_shown(True)
    return window


# ------------------------------------------------------------------ 2: the language hint


def test_german_lyrics_without_a_language_get_a_hint_that_opens_song_details(
    qtbot, open_window, demo_path, monkeypatch, shots
):
    song_id = add_song(demo_path, "Wind", GERMAN)
    window = study_window(open_window, demo_path, song_id)
    study_computed(qtbot, window, 50)
    hint = window.study_view.hint
    assert hint.isVisible() and hint.hint == LANGUAGE_HINT
    shots(window, "19-review-language-hint")
    asked = []

    def ask(song, focus="title"):
        asked.append((song.id, focus))
        return {"title": song.title, "artist": "", "album": "", "year": None, "language": "de"}

    monkeypatch.setattr(window.sidebar, "ask_song_details", ask)
    hint.linkActivated.emit(DETAILS_LINK)
    assert asked == [(song_id, "language")]  # the cursor starts where the hint asks to type
    qtbot.waitUntil(lambda: window.study_view.state.view.language == "de", timeout=20_000)
    assert not hint.isVisible()


def test_song_details_from_the_language_hint_has_the_cursor_in_language(qtbot, open_window, demo_path, shots):
    song_id = add_song(demo_path, "Wind", GERMAN)
    window = study_window(open_window, demo_path, song_id)
    study_computed(qtbot, window, 50)
    seen = []

    def look() -> None:  # the real dialog, while it is open
        dialog = QApplication.activeModalWidget()
        seen.append((dialog.windowTitle(), dialog.focusWidget() is dialog.language_edit))
        shots(dialog, "19-review-language-hint-details")
        dialog.language_edit.setText("German")
        dialog.accept()

    QTimer.singleShot(0, look)
    window.study_view.hint.linkActivated.emit(DETAILS_LINK)
    assert seen == [("Song Details", True)]
    qtbot.waitUntil(lambda: window.study_view.state.view.language == "de", timeout=20_000)
    window.sidebar.set_current(song_id)
    QTimer.singleShot(0, lambda: seen.append(QApplication.activeModalWidget().focusWidget().accessibleName()))
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    window.sidebar.edit_details_action.trigger()  # opened from the menu: the title first, as before
    assert seen[-1] == "Title"


def test_a_language_without_rules_shows_the_form_and_says_why_the_counts_are_missing(
    qtbot, open_window, demo_path
):
    song_id = add_song(demo_path, "Yoru", "[Verse]\n夜の海\n星の歌\n\n[Chorus]\n灯り\n灯り", language="ja")
    window = study_window(open_window, demo_path, song_id)
    view = study_computed(qtbot, window, 50)
    assert [section.name for section in view.sections] == ["Verse", "Chorus"]  # the form is shown
    hint = window.study_view.hint
    assert view.note and hint.isVisible() and hint.hint == view.note  # and why no syllables are counted
    assert view.note in hint.toolTip()


# ------------------------------------------------------------ 3: the margin at a bigger text


def test_margin_grows_with_bigger_text_without_clipping(qtbot, open_window, demo_path, shots):
    window = study_window(open_window, demo_path, None)
    study_computed(qtbot, window, 50)
    margin = window.study_view.margin
    for _ in range(3):
        window.window_layout.zoom(+1.0)
    qtbot.wait(100)
    shots(window, "19-review-margin-bigger-text")
    metrics = QFontMetrics(margin.margin_font())
    columns = margin.columns()
    assert columns.width <= margin.width()
    assert margin.geometry().right() < window.lyrics_pane.width()
    for line in margin.view.lines:
        if line.repeats:
            assert metrics.horizontalAdvance(f"×{len(line.repeats) + 1}") <= columns.repeats[1]
        if line.syllables is not None and line.kind == "lyric":
            assert metrics.horizontalAdvance(str(line.syllables)) <= columns.syllables[1]
        if line.stress and columns.stress[1]:
            assert metrics.horizontalAdvance(margin.stress_text(line.stress)) <= columns.stress[1]
    assert columns.rhyme[1] >= metrics.horizontalAdvance("W")


# --------------------------------------------------------------------- 4: times once set


def test_times_show_in_the_gutter_when_saved_undone_and_redone(qtbot, open_window, demo_path):
    song_id = add_song(demo_path, "Untimed", TIMED)
    window = open_window(demo_path, song_id)
    mode, pane = window.practice, window.lyrics_pane
    mode.set_times_action.trigger()
    for _ in range(3):
        qtbot.keyClick(pane, Qt.Key.Key_T)
        qtbot.wait(20)
    qtbot.keyClick(pane, Qt.Key.Key_Return)
    assert window.session.song(song_id).line_times is not None
    assert pane.gutter.line_times(1) != []
    window.undo_action.trigger()
    assert pane.gutter.line_times(1) == []
    window.menus.redo_action.trigger()
    assert pane.gutter.line_times(1) != []


# -------------------------------------------------- 5 and 10: the translation pane


def translated(path):
    lyrics = "[Verse]\nthe river keeps a clock\nit counts the hours\n\n[Chorus]\ntick tock river"
    german = ["", "der Fluss hält eine Uhr", "er zählt die Stunden", "", "", "tick tack Fluss"]
    with Library.open(path) as library:
        song = library.songs.add(
            "River", lyrics=lyrics, lyrics_format="lrc", line_times=[None, [1000], [3000], None, None, [5000]]
        )
        library.translations.set(song.id, german, language="de")
    return song.id


def test_editing_the_translation_says_so_in_its_heading(qtbot, open_window, demo_path):
    window = open_window(demo_path, translated(demo_path))
    window.resize(1280, 800)
    view = window.translation_view
    view.set_shown(True)
    assert view.header.subtitle() == "3 lines translated"
    view.edit_action.trigger()
    assert view.header.subtitle().startswith("Editing the translation · ")
    view.edit_action.trigger()
    assert view.header.subtitle() == "3 lines translated"


def test_practice_lights_the_line_in_the_translation_too(qtbot, open_window, demo_path, shots):
    window = open_window(demo_path, translated(demo_path))
    window.resize(1024, 700)
    view = window.translation_view
    view.set_shown(True)
    qtbot.wait(50)
    mode = window.practice
    mode.practice_action.trigger()
    mode.seek(3500)
    qtbot.wait(50)
    assert mode.current_line == 3
    pane = view.pane
    rect = mode.line_rect(3, pane)
    image = pane.viewport().grab().toImage()
    highlight = pane.palette().color(pane.palette().ColorRole.Highlight)
    assert image.pixelColor(1, int(rect.center().y())).name() == highlight.name()
    assert view.header._subtitle.text() == view.header.subtitle()  # short enough not to be cut
    shots(window, "19-review-translation-practice-1024x700")


# ----------------------------------------------------------- 6: a correction set aside


def test_a_correction_set_aside_by_an_edit_of_its_line_is_said(qtbot, open_window, demo_path):
    song_id = add_song(demo_path, "Aside", "the night is long\nthe day is short\nwe sing along")
    window = study_window(open_window, demo_path, song_id)
    study_computed(qtbot, window, 50)
    window.session.correction_edits.set(song_id, 2, "syllables", "9")
    window.session.song_edits.update(song_id, lyrics="the night is long\nthe day is shorter\nwe sing along")
    message = window.statusBar().currentMessage()
    assert "syllables correction (9) of line 2 was set aside" in message
    window.undo_action.trigger()  # the line's text back: the correction is found again
    with Library.open(demo_path) as library:
        assert [(c.line, c.field) for c in library.corrections.for_song(song_id)] == [(2, "syllables")]


@pytest.mark.parametrize(
    ("lines", "said"),
    [
        ((2, 2), "2 study corrections were set aside: their line was edited (line 2)."),
        ((1, 2), "2 study corrections were set aside: their lines were edited (lines 1 and 2)."),
    ],
)
def test_corrections_set_aside_name_their_lines_in_the_right_number(
    qtbot, open_window, demo_path, lines, said
):
    song_id = add_song(demo_path, "Aside", "the night is long\nthe day is short\nwe sing along")
    window = study_window(open_window, demo_path, song_id)
    study_computed(qtbot, window, 50)
    window.session.correction_edits.set(song_id, lines[0], "syllables", "9")
    window.session.correction_edits.set(song_id, lines[1], "rhyme", "C")
    window.session.song_edits.update(song_id, lyrics="the night is longer\nthe day is shorter\nwe sing along")
    assert window.statusBar().currentMessage().startswith(said)


# ------------------------------------------------------------ 7: the stress toggle's wording


def test_stress_toggle_says_what_it_does_in_both_menus(qtbot, open_window, demo_path, menus):
    window = study_window(open_window, demo_path, None)
    study_computed(qtbot, window, 50)
    controller = window.study_view
    view_texts = [a.text() for a in window.menus.view_menu.actions()]
    assert STRESS_ALWAYS in view_texts and not any(t.startswith("Show Stress") for t in view_texts)
    menu = controller.build_line_menu(2)
    assert controller.stress_action in menu.actions()
    assert not controller.stress_shown()
    controller.stress_action.trigger()
    assert controller.stress_shown() and window.settings.study_stress()


# --------------------------------------------------------------- 8: rhyme colours per section


def test_the_same_letter_in_neighbouring_sections_has_other_colours(qtbot, open_window, demo_path, shots):
    song_id = add_song(demo_path, "Sections", RHYMES)
    window = study_window(open_window, demo_path, song_id)
    view = study_computed(qtbot, window, 50)
    palette = window.lyrics_pane.palette()

    def colour(line):
        item = view.lines[line - 1]
        return rhyme_colour(item.rhyme, palette, False, colour_shift(view, line)).name()

    assert view.lines[1].rhyme == view.lines[9].rhyme == "A"  # "bay" and "wall"
    assert colour(2) != colour(10)  # Verse 1 and Verse 2
    assert colour(2) != colour(6) != colour(10)  # nor the chorus between them
    assert colour(6) == colour(14)  # the chorus again: the chorus's colours
    # The underline under "bay" is drawn in its section's colour.
    pane = window.lyrics_pane
    block = pane.document().findBlockByNumber(1)
    geometry = pane.blockBoundingGeometry(block).translated(pane.contentOffset())
    image = pane.viewport().grab().toImage()
    start = view.lines[1].rhyme_span[0]
    cursor = pane.textCursor()
    cursor.setPosition(block.position() + start + 1)
    x = pane.cursorRect(cursor).x()
    found = {image.pixelColor(x, y).name() for y in range(int(geometry.top()), int(geometry.bottom()) + 1)}
    assert colour(2) in found
    shots(window, "19-review-rhyme-colours")


# -------------------------------------------------------- 9: a loop keeps the lyrics still


def test_loop_section_does_not_move_the_lyrics(qtbot, open_window, demo_path):
    window = open_window(demo_path, translated(demo_path))
    window.resize(1024, 700)
    mode = window.practice
    mode.practice_action.trigger()
    mode.seek(5200)
    qtbot.wait(50)
    pane = window.lyrics_pane
    top = pane.mapTo(window, QPoint(0, 0)).y()
    mode.bar.loop_button.click()
    qtbot.wait(50)
    assert mode.bar.loop_text().startswith("Looping lines 5–6 ")
    assert pane.mapTo(window, QPoint(0, 0)).y() == top


# ---------------------------------------------------- 12: spaced stress, clicks below the lines


def test_stress_is_spaced_where_there_is_room_and_squeezed_where_not(qtbot, open_window, demo_path, shots):
    song_id = add_song(demo_path, "Short", "the night is long\nwe sing along")
    window = study_window(open_window, demo_path, song_id)
    study_computed(qtbot, window, 50)
    margin = window.study_view.margin
    assert margin.spaced and margin.stress_text("x / x /") == "x / x /" == spaced_stress("x/x/")
    shots(window, "19-review-spaced-stress")
    window.study_view.set_stress_shown(True)
    window.splitter.setSizes([200, 1000])
    qtbot.wait(100)
    margin.relayout()
    assert not margin.spaced and margin.stress_text("x / x /") == "x/x/"
    assert margin.columns().stress[1] > 0


def test_a_click_below_the_last_line_does_not_seek(qtbot, open_window, demo_path):
    window = open_window(demo_path, translated(demo_path))
    window.resize(1024, 700)
    mode = window.practice
    mode.practice_action.trigger()
    mode.seek(1200)
    pane = window.lyrics_pane
    last = mode.line_rect(6)
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, int(last.bottom()) + 60))
    assert mode.clock.position() == 1200
    qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(40, int(last.center().y())))
    assert mode.clock.position() == 5000


# --------------------------------------------------- defect 3: a view of the lyrics before an edit


def test_a_view_of_the_lyrics_before_an_edit_is_not_acted_on(qtbot, open_window, demo_path):
    lyrics = "I walk the night\nand hold the light\nI see the day\nand go away"
    song_id = add_song(demo_path, "Stale", lyrics)
    window = study_window(open_window, demo_path, song_id)
    study_computed(qtbot, window, 50)
    controller = window.study_view
    count = len(window.session.library.annotations.for_song(song_id))
    # The user adds a first line; the worker has not answered yet (no event is processed in between).
    window.session.song_edits.update(song_id, lyrics="A new first line\n" + lyrics)
    assert controller.fresh_view() is None
    assert controller.annotate_rhyme_group(1) is None
    assert window.statusBar().currentMessage() == RECOMPUTING
    menu = controller.build_line_menu(2)
    assert [a.text() for a in menu.actions()] == ["Computing the Study View Again…"]
    assert len(window.session.library.annotations.for_song(song_id)) == count
    qtbot.waitUntil(lambda: controller.fresh_view() is not None, timeout=20_000)
    new_id = controller.annotate_rhyme_group(2)
    quotes = sorted(f.quote for f in window.session.annotation(new_id).fragments)
    assert quotes == ["light", "night"]
