"""The lyrics pane on its own: selecting text and lines, clicking highlights, menus, Edit mode."""

import pytest
from gui_testing import SOUND, lines_annotation
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QColor, QHelpEvent, QMouseEvent, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QToolTip

from lyricpad.app.positions import utf16_position
from lyricpad.core.anchoring import anchors_for_quote
from lyricpad.core.models import Annotation, Lens, Song
from lyricpad.core.store import Library
from lyricpad.gui import lyrics_highlights as lyrics_highlights_module
from lyricpad.gui import lyrics_pane as lyrics_pane_module
from lyricpad.gui.highlights import LIGHT_ALPHA, SELECTED_LIGHT_ALPHA
from lyricpad.gui.lyrics_gutter import GUTTER_PADDING, format_lrc_time
from lyricpad.gui.lyrics_pane import EDIT_PLACEHOLDER, READ_PLACEHOLDER, LyricsPane
from lyricpad.gui.lyrics_places import moved_range

LIGHT = QPalette(QColor("#efefef"))
IMAGERY = Lens("lens-imagery", "Imagery", "#e6a817", 0)

LYRICS = """[Verse 1]
The harbour lights are folding up their wings,
the gulls have gone to count the silent boats.
I keep your letter where the kettle sings,
and read it twice for every word it quotes.

[Chorus]
So light a lantern, set it on the water,
let the current carry what we never said."""


def make_song(lyrics: str = LYRICS, song_id: str = "song-1", line_times: list | None = None) -> Song:
    return Song(
        id=song_id,
        title="Lanterns",
        artist="",
        album="",
        year=None,
        language="en",
        lyrics=lyrics,
        lyrics_format="lrc" if line_times else "plain",
        source_file="",
        line_times=line_times,
        created="",
        updated="",
    )


def make_annotation(
    text: str, quote: str, annotation_id: str, lens: Lens = IMAGERY, occurrence: int = 1
) -> Annotation:
    return Annotation(
        id=annotation_id,
        song_id="song-1",
        target="lyrics",
        article_id=None,
        lens=lens,
        note=f"note on {quote}",
        status="anchored",
        fragments=tuple(anchors_for_quote(text, quote, occurrence)),
    )


@pytest.fixture
def fast_timers(monkeypatch):
    """Shorter debounce and flash, read when a pane is made: the tests need not wait long."""
    monkeypatch.setattr(lyrics_pane_module, "LYRICS_SAVE_DEBOUNCE_MS", 60)
    monkeypatch.setattr(lyrics_highlights_module, "REVEAL_FLASH_MS", 60)


@pytest.fixture
def make_pane(qtbot, fast_timers):
    def make(lyrics: str = LYRICS, annotations=()) -> LyricsPane:
        pane = LyricsPane()
        qtbot.addWidget(pane)
        pane.setPalette(LIGHT)
        pane.resize(640, 420)
        pane.show_song(make_song(lyrics), list(annotations))
        pane.show()
        qtbot.waitExposed(pane)
        return pane

    return make


@pytest.fixture
def pane(make_pane):
    return make_pane(
        LYRICS,
        [
            make_annotation(LYRICS, "folding up their wings", "wings"),
            make_annotation(LYRICS, "kettle", "kettle", SOUND),
        ],
    )


def block_y(pane: LyricsPane, line: int) -> int:
    """Viewport (and gutter) height of the middle of 1-based *line*'s first row."""
    block = pane.document().findBlockByNumber(line - 1)
    top = pane.blockBoundingGeometry(block).translated(pane.contentOffset()).top()
    return round(top + block.layout().lineAt(0).height() / 2)


def point_in(pane: LyricsPane, position: int) -> QPoint:
    """A viewport point over the character at document *position*."""
    cursor = QTextCursor(pane.document())
    cursor.setPosition(position)
    return pane.cursorRect(cursor).center() + QPoint(2, 0)


def position_of(pane: LyricsPane, words: str, occurrence: int = 1) -> int:
    """Document position (UTF-16) of the *occurrence*-th *words* in the pane's text."""
    text = pane.toPlainText()
    found = -1
    for _ in range(occurrence):
        found = text.index(words, found + 1)
    return utf16_position(text, found)


def highlighted_text(pane: LyricsPane) -> dict[str, str]:
    return {h.annotation.id: pane.toPlainText()[h.start : h.end] for h in pane.highlights}


def line_text(number: int, text: str = LYRICS) -> str:
    return text.split("\n")[number - 1]


# ------------------------------------------------------------------ selection


def test_selected_range_counts_code_points_past_emoji(make_pane):
    lyrics = "🎸🎸 strum the rain\nand 🌧 drum the roof 🥁"
    pane = make_pane(lyrics)
    cursor = pane.textCursor()
    start = utf16_position(lyrics, lyrics.index("drum"))
    cursor.setPosition(start)
    end = utf16_position(lyrics, len(lyrics))
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    assert cursor.selectedText() == "drum the roof 🥁"
    start_cp = lyrics.index("drum")
    assert pane.selected_range() == (start_cp, len(lyrics))
    assert lyrics[slice(*pane.selected_range())] == "drum the roof 🥁"


def test_selected_range_is_none_without_a_selection_or_with_only_blanks(pane):
    assert pane.selected_range() is None
    cursor = pane.textCursor()
    blank_line = pane.document().findBlockByNumber(5)  # the empty line before [Chorus]
    cursor.setPosition(blank_line.position() - 1)
    cursor.setPosition(blank_line.position() + 1, QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    assert cursor.hasSelection()
    assert pane.selected_range() is None


def test_clicking_a_line_number_selects_that_line_without_its_break(qtbot, pane):
    qtbot.mouseClick(pane.gutter, Qt.MouseButton.LeftButton, pos=QPoint(6, block_y(pane, 3)))
    assert pane.textCursor().selectedText() == line_text(3)
    start = LYRICS.index(line_text(3))
    assert pane.selected_range() == (start, start + len(line_text(3)))
    assert pane.hasFocus() or not pane.isActiveWindow()


def test_dragging_over_line_numbers_selects_whole_lines(qtbot, pane):
    gutter = pane.gutter
    qtbot.mousePress(gutter, Qt.MouseButton.LeftButton, pos=QPoint(6, block_y(pane, 2)))
    for line in (3, 4):
        move = QMouseEvent(
            QEvent.Type.MouseMove,
            QPointF(6, block_y(pane, line)),
            QPointF(gutter.mapToGlobal(QPoint(6, block_y(pane, line)))),
            Qt.MouseButton.NoButton,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
        QApplication.sendEvent(gutter, move)
    qtbot.mouseRelease(gutter, Qt.MouseButton.LeftButton, pos=QPoint(6, block_y(pane, 4)))
    start = LYRICS.index(line_text(2))
    end = LYRICS.index(line_text(4)) + len(line_text(4))
    assert pane.selected_range() == (start, end)
    assert pane.selected_lines() == (2, 4)


def test_shift_click_on_a_line_number_extends_the_selection(qtbot, pane):
    qtbot.mouseClick(pane.gutter, Qt.MouseButton.LeftButton, pos=QPoint(6, block_y(pane, 5)))
    qtbot.mouseClick(
        pane.gutter, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.ShiftModifier, QPoint(6, block_y(pane, 2))
    )
    assert pane.selected_lines() == (2, 5)
    assert pane.textCursor().selectedText() == "\u2029".join(LYRICS.split("\n")[1:5])


def test_a_second_shift_click_extends_from_the_line_first_clicked(qtbot, pane):
    qtbot.mouseClick(pane.gutter, Qt.MouseButton.LeftButton, pos=QPoint(6, block_y(pane, 5)))
    for line in (2, 7):  # the cursor is on line 2 after the first, the selection still anchored on 5
        qtbot.mouseClick(
            pane.gutter,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ShiftModifier,
            QPoint(6, block_y(pane, line)),
        )
    assert pane.selected_lines() == (5, 7)


def test_the_gutter_looks_clickable_and_has_a_name(pane):
    assert pane.gutter.cursor().shape() == Qt.CursorShape.PointingHandCursor
    assert pane.gutter.accessibleName() == "Line numbers"
    assert pane.accessibleName() == "Lyrics"


@pytest.mark.parametrize(("first", "last", "cursor_line"), [(2, 4, 4), (4, 2, 2), (8, 8, 8)])
def test_select_lines_selects_whole_lines_with_the_cursor_on_the_last_side(pane, first, last, cursor_line):
    pane.select_lines(first, last)
    top, bottom = sorted((first, last))
    assert pane.textCursor().selectedText() == "\u2029".join(LYRICS.split("\n")[top - 1 : bottom])
    assert pane.textCursor().blockNumber() + 1 == cursor_line


def test_select_lines_clamps_to_the_text(pane):
    pane.select_lines(9, 99)
    assert pane.textCursor().selectedText() == line_text(9)


# ------------------------------------------------------------------ highlights


def test_a_click_on_a_highlight_reports_its_annotation(qtbot, pane):
    point = point_in(pane, position_of(pane, "kettle") + 2)
    with qtbot.waitSignal(pane.annotation_clicked, timeout=1000) as blocker:
        qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == ["kettle"]


def test_a_click_beside_the_highlights_reports_nothing(qtbot, pane):
    point = point_in(pane, position_of(pane, "gulls") + 1)
    with qtbot.assertNotEmitted(pane.annotation_clicked):
        qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_a_click_on_overlapping_highlights_picks_the_shortest(qtbot, make_pane):
    pane = make_pane(
        LYRICS, [lines_annotation(LYRICS, 2, 3, "lines"), make_annotation(LYRICS, "lights", "lights")]
    )
    position = position_of(pane, "lights") + 1
    assert pane.annotations_at(position) == ["lights", "lines"]
    with qtbot.waitSignal(pane.annotation_clicked, timeout=1000) as blocker:
        qtbot.mouseClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point_in(pane, position))
    assert blocker.args == ["lights"]


def test_a_double_click_on_a_highlight_opens_it_and_selects_no_word(qtbot, pane):
    point = point_in(pane, position_of(pane, "wings") + 1)
    with qtbot.waitSignal(pane.annotation_activated, timeout=1000) as blocker:
        qtbot.mouseDClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == ["wings"]
    assert not pane.textCursor().hasSelection()


def test_a_double_click_elsewhere_still_selects_a_word(qtbot, pane):
    point = point_in(pane, position_of(pane, "gulls") + 1)
    with qtbot.assertNotEmitted(pane.annotation_activated):
        qtbot.mouseDClick(pane.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert pane.textCursor().selectedText() == "gulls"


def test_the_context_menu_offers_the_windows_actions_first(qtbot, pane):
    highlight = QAction("Highlight with Imagery", pane)
    pane.set_context_actions([highlight])
    menu = pane.build_context_menu(point_in(pane, position_of(pane, "kettle") + 1))
    texts = [a.text().replace("&", "").split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    assert texts[0] == "Highlight with Imagery"
    assert texts[1:3] == ["Edit Note", "Delete Highlight"]
    assert "Copy" in texts and "Select All" in texts
    assert "Paste" not in texts  # read mode
    actions = {a.text().replace("&", ""): a for a in menu.actions()}
    with qtbot.waitSignal(pane.annotation_activated) as opened:
        actions["Edit Note"].trigger()
    with qtbot.waitSignal(pane.delete_requested) as deleted:
        actions["Delete Highlight"].trigger()
    assert opened.args == deleted.args == ["kettle"]
    menu.deleteLater()


def test_the_keyboard_context_menu_uses_the_text_cursor(pane):
    cursor = pane.textCursor()
    cursor.setPosition(position_of(pane, "kettle") + len("kettle"))  # just after the word
    pane.setTextCursor(cursor)
    menu = pane.build_context_menu(None)
    assert "&Edit Note" in [a.text() for a in menu.actions()]
    menu.deleteLater()


def test_the_context_menu_off_a_highlight_in_edit_mode(pane):
    pane.set_context_actions([QAction("Highlight with Imagery", pane)])
    pane.set_editing(True)
    menu = pane.build_context_menu(point_in(pane, position_of(pane, "gulls") + 1))
    texts = [a.text().replace("&", "").split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    assert texts[0] == "Highlight with Imagery"
    assert "Edit Note" not in texts
    assert {"Undo", "Redo", "Cut", "Copy", "Paste", "Select All"} <= set(texts)
    menu.deleteLater()


def test_update_annotations_keeps_scroll_position_and_selection(make_pane):
    lyrics = "\n".join(f"line {n} of a long song" for n in range(1, 301))
    pane = make_pane(lyrics, [make_annotation(lyrics, "line 150 ", "a")])
    pane.select_lines(200, 201)
    bar = pane.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)
    scroll, selection = bar.value(), pane.selected_range()
    assert scroll > 0

    pane.update_annotations(
        [make_annotation(lyrics, "line 150 ", "a"), make_annotation(lyrics, "line 151 ", "b", SOUND)]
    )

    assert bar.value() == scroll
    assert pane.selected_range() == selection
    assert sorted(s.cursor.selectedText() for s in pane.extraSelections()) == ["line 150 ", "line 151 "]


def test_the_selected_annotation_is_drawn_stronger(pane):
    def alphas():
        selections = pane.extraSelections()
        return {s.cursor.selectedText(): s.format.background().color().alpha() for s in selections}

    assert alphas() == {"folding up their wings": LIGHT_ALPHA, "kettle": LIGHT_ALPHA}
    pane.set_selected_annotation("kettle")
    assert alphas() == {"folding up their wings": LIGHT_ALPHA, "kettle": SELECTED_LIGHT_ALPHA}
    assert pane.extraSelections()[-1].cursor.selectedText() == "kettle"  # painted on top
    pane.set_selected_annotation("")
    assert set(alphas().values()) == {LIGHT_ALPHA}


def test_reveal_puts_the_cursor_at_the_passage_and_flashes_it_briefly(qtbot, pane):
    annotation = next(h.annotation for h in pane.highlights if h.annotation.id == "kettle")
    pane.reveal(annotation)
    assert not pane.textCursor().hasSelection()
    assert pane.textCursor().position() == next(
        h.start for h in pane.highlights if h.annotation.id == "kettle"
    )
    assert pane.flashing_annotation() == "kettle"
    qtbot.waitUntil(lambda: pane.flashing_annotation() == "", timeout=2000)


def test_annotations_of_other_targets_and_orphans_are_not_drawn(make_pane):
    kept = make_annotation(LYRICS, "kettle", "kept")
    orphan = Annotation(**{**kept.__dict__, "id": "orphan", "status": "orphaned"})
    article = Annotation(**{**kept.__dict__, "id": "article", "target": "article", "article_id": "x"})
    pane = make_pane(LYRICS, [kept, orphan, article])
    assert [h.annotation.id for h in pane.highlights] == ["kept"]


def test_the_demo_library_shows_every_lyrics_fragment(make_pane, tmp_path):
    with Library.open(tmp_path / "l.sqlite") as library:
        song = library.songs.all()[0]
        annotations = library.annotations.for_song(song.id)
    pane = make_pane()
    pane.show_song(song, annotations)
    lyric_fragments = [f for a in annotations if a.target == "lyrics" for f in a.fragments]
    assert sorted(s.cursor.selectedText() for s in pane.extraSelections()) == sorted(
        f.quote.replace("\n", "\u2029") for f in lyric_fragments
    )


# ------------------------------------------------------------------ edit mode


def type_at(qtbot, pane: LyricsPane, position: int, text: str) -> None:
    cursor = pane.textCursor()
    cursor.setPosition(position)
    pane.setTextCursor(cursor)
    qtbot.keyClicks(pane, text)


def test_the_pane_reads_until_edit_mode_is_switched_on(qtbot, pane):
    assert pane.isReadOnly() and not pane.is_editing()
    qtbot.keyClicks(pane, "xyz")
    assert pane.toPlainText() == LYRICS
    with qtbot.waitSignal(pane.editing_changed) as changed:
        pane.set_editing(True)
    assert changed.args == [True]
    assert pane.is_editing() and not pane.isReadOnly()
    assert pane.placeholderText() == EDIT_PLACEHOLDER


def test_typing_above_a_highlight_moves_it_with_its_words(qtbot, pane):
    pane.set_editing(True)
    before = {h.annotation.id: h.start for h in pane.highlights}
    type_at(qtbot, pane, 0, "Oh ")
    assert pane.toPlainText().startswith("Oh [Verse 1]")
    assert {h.annotation.id: h.start for h in pane.highlights} == {k: v + 3 for k, v in before.items()}
    assert highlighted_text(pane) == {"wings": "folding up their wings", "kettle": "kettle"}
    drawn = sorted(s.cursor.selectedText() for s in pane.extraSelections())
    assert drawn == ["folding up their wings", "kettle"]


def test_a_new_line_above_moves_the_highlight_and_its_gutter_mark_down(qtbot, pane):
    pane.set_editing(True)
    type_at(qtbot, pane, 0, "Intro")
    qtbot.keyClick(pane, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)  # a real new line too
    assert pane.document().blockCount() == LYRICS.count("\n") + 2
    assert pane.toPlainText().split("\n")[0] == "Intro"
    assert highlighted_text(pane)["kettle"] == "kettle"
    kettle_line = pane.document().findBlock(position_of(pane, "kettle")).blockNumber()
    assert kettle_line == 4


def test_typing_inside_a_highlight_stretches_it(qtbot, pane):
    pane.set_editing(True)
    type_at(qtbot, pane, position_of(pane, "up their"), "all ")
    assert highlighted_text(pane)["wings"] == "folding all up their wings"


def test_typing_right_after_a_highlight_does_not_extend_it(qtbot, pane):
    pane.set_editing(True)
    type_at(qtbot, pane, position_of(pane, "kettle") + len("kettle"), "s")
    assert highlighted_text(pane)["kettle"] == "kettle"


def test_deleting_a_highlighted_word_removes_its_highlight(qtbot, pane):
    pane.set_editing(True)
    cursor = pane.textCursor()
    cursor.setPosition(position_of(pane, "kettle"))
    cursor.setPosition(position_of(pane, "kettle") + len("kettle"), QTextCursor.MoveMode.KeepAnchor)
    pane.setTextCursor(cursor)
    qtbot.keyClick(pane, Qt.Key.Key_Backspace)
    assert "kettle" not in pane.toPlainText()
    assert highlighted_text(pane) == {"wings": "folding up their wings"}
    assert [s.cursor.selectedText() for s in pane.extraSelections()] == ["folding up their wings"]


def test_annotations_handed_over_mid_edit_land_on_their_moved_words(qtbot, pane):
    pane.set_editing(True)
    type_at(qtbot, pane, 0, "Oh ")
    # Still counted over the stored lyrics: the window has not saved the edit yet.
    pane.update_annotations([make_annotation(LYRICS, "the silent boats", "boats")])
    assert highlighted_text(pane) == {"boats": "the silent boats"}


def test_lyrics_are_handed_over_once_after_typing_stops(qtbot, pane):
    edits = []
    pane.lyrics_edited.connect(edits.append)
    pane.set_editing(True)
    type_at(qtbot, pane, 0, "Oh ")
    assert edits == []  # not on every key
    qtbot.waitUntil(lambda: len(edits) > 0, timeout=2000)
    qtbot.wait(3 * lyrics_pane_module.LYRICS_SAVE_DEBOUNCE_MS)
    assert edits == ["Oh " + LYRICS]
    assert not pane.has_pending_edit()


def test_flush_hands_the_lyrics_over_at_once_and_only_once(qtbot, pane):
    edits = []
    pane.lyrics_edited.connect(edits.append)
    pane.set_editing(True)
    type_at(qtbot, pane, len(LYRICS), "!")
    assert pane.has_pending_edit()
    pane.flush()
    assert edits == [LYRICS + "!"]
    pane.flush()
    qtbot.wait(3 * lyrics_pane_module.LYRICS_SAVE_DEBOUNCE_MS)
    assert edits == [LYRICS + "!"]


def test_leaving_edit_mode_flushes(qtbot, pane):
    edits, modes = [], []
    pane.lyrics_edited.connect(edits.append)
    pane.editing_changed.connect(modes.append)
    pane.set_editing(True)
    type_at(qtbot, pane, len(LYRICS), "!")
    pane.set_editing(False)
    assert edits == [LYRICS + "!"]
    assert modes == [True, False]
    assert pane.isReadOnly()
    assert pane.placeholderText() == READ_PLACEHOLDER


def test_a_song_shown_while_editing_saves_the_edit_and_ends_edit_mode(qtbot, pane):
    edits = []
    pane.lyrics_edited.connect(edits.append)
    pane.set_editing(True)
    type_at(qtbot, pane, 0, "Oh ")
    pane.show_song(make_song("Other words", "song-2"), [])
    assert edits == ["Oh " + LYRICS]
    assert not pane.is_editing()
    assert pane.toPlainText() == "Other words"


def test_the_saved_edit_shown_again_keeps_the_user_typing(qtbot, pane):
    pane.set_editing(True)
    type_at(qtbot, pane, 0, "Oh ")
    pane.flush()
    cursor_before = pane.textCursor().position()
    saved = make_song("Oh " + LYRICS)
    pane.show_song(saved, [make_annotation(saved.lyrics, "kettle", "kettle")])
    assert pane.is_editing()
    assert pane.textCursor().position() == cursor_before
    assert highlighted_text(pane) == {"kettle": "kettle"}
    assert pane.document().isUndoAvailable()


def test_pasted_text_is_normalised_like_stored_lyrics(pane):
    pane.set_editing(True)
    mime = QMimeData()
    mime.setText("Cafe\u0301\r\nsecond\u2028third")
    pane.moveCursor(QTextCursor.MoveOperation.End)
    pane.insertFromMimeData(mime)
    assert pane.toPlainText().endswith("said.Caf\u00e9\nsecond\nthird")
    assert pane.document().blockCount() == LYRICS.count("\n") + 3


def test_no_break_spaces_survive_edit_mode_untouched(qtbot, make_pane):
    lyrics = "one\u00a0two\nthree"
    pane = make_pane(lyrics)
    edits = []
    pane.lyrics_edited.connect(edits.append)
    pane.set_editing(True)
    pane.set_editing(False)
    assert edits == []
    pane.set_editing(True)
    type_at(qtbot, pane, len(lyrics), "!")
    pane.flush()
    assert edits == [lyrics + "!"]


def test_there_is_no_edit_mode_without_a_song(qtbot):
    pane = LyricsPane()
    qtbot.addWidget(pane)
    pane.show_song(None, [])
    pane.set_editing(True)
    assert not pane.is_editing() and pane.isReadOnly()


# ------------------------------------------------------------------ LRC times

# Per line of LYRICS: the chorus line is sung twice, the section headers and the blank line have no time.
LINE_TIMES = [None, [5300], [9800], [12_000, 105_500], [15_250], None, None, [65_300], [6_065_300]]


@pytest.mark.parametrize(
    ("ms", "shown"),
    [
        (0, "0:00.00"),
        (5300, "0:05.30"),
        (65_300, "1:05.30"),
        (6_065_300, "101:05.30"),
        (59_999, "0:59.99"),  # cut, not rounded up to a minute not yet reached
    ],
)
def test_lrc_times_are_shown_as_minutes_seconds_and_hundredths(ms, shown):
    assert format_lrc_time(ms) == shown


def show_timed(pane: LyricsPane, line_times: list | None, lyrics: str = LYRICS) -> None:
    pane.show_song(make_song(lyrics, line_times=line_times), [])


def gutter_ink(pane: LyricsPane, line: int, left: int, right: int) -> int:
    """How many gutter pixels between x=left and x=right on *line*'s first row differ from the background."""
    image = pane.gutter.grab().toImage()
    background = image.pixelColor(0, 0)
    block = pane.document().findBlockByNumber(line - 1)
    top = round(pane.blockBoundingGeometry(block).translated(pane.contentOffset()).top())
    height = round(block.layout().lineAt(0).height())
    return sum(
        image.pixelColor(x, y) != background
        for x in range(left, min(right, image.width()))
        for y in range(top, min(top + height, image.height()))
    )


def test_a_song_with_lrc_times_gets_a_wider_gutter_with_the_times_in_it(make_pane):
    pane = make_pane()
    plain_width = pane.gutter.width_wanted()
    show_timed(pane, [None] * 9)  # line times, but not one line timed: nothing to show
    assert pane.gutter.width_wanted() == plain_width
    show_timed(pane, LINE_TIMES)
    assert pane.gutter.width_wanted() > plain_width + pane.fontMetrics().horizontalAdvance("101:05.30") // 2
    assert pane.gutter.width() == pane.gutter.width_wanted() == pane.viewportMargins().left()
    time_column = (GUTTER_PADDING, pane.gutter.width_wanted() - plain_width)
    assert gutter_ink(pane, 2, *time_column) > 0
    assert gutter_ink(pane, 1, *time_column) == 0  # [Verse 1] has no time
    show_timed(pane, None)
    assert pane.gutter.width_wanted() == plain_width


def gutter_tooltip(pane: LyricsPane, line: int) -> str:
    """The tooltip the gutter shows over *line*'s time ("" when it ignores the request and shows none)."""
    point = QPoint(GUTTER_PADDING + 2, block_y(pane, line))
    event = QHelpEvent(QEvent.Type.ToolTip, point, pane.gutter.mapToGlobal(point))
    QApplication.sendEvent(pane.gutter, event)
    return QToolTip.text() if event.isAccepted() and QToolTip.isVisible() else ""


def test_the_gutter_tooltip_lists_every_time_of_a_line(make_pane):
    pane = make_pane()
    show_timed(pane, LINE_TIMES)
    assert gutter_tooltip(pane, 4) == "0:12.00, 1:45.50"
    assert gutter_tooltip(pane, 2) == "0:05.30"
    assert gutter_tooltip(pane, 1) == ""


@pytest.mark.parametrize(
    ("line_times", "last_line_tooltip"),
    [
        (LINE_TIMES[:3], ""),  # fewer times than lines: the rest have none
        (LINE_TIMES + [[200_000], [210_000]], "101:05.30"),  # more: the extra ones are not shown
    ],
)
def test_fewer_or_more_times_than_lines_are_safe(make_pane, line_times, last_line_tooltip):
    pane = make_pane()
    show_timed(pane, line_times)
    pane.gutter.grab()  # paints every line
    assert pane.gutter.line_times(2) == [5300]
    assert pane.gutter.line_times(99) == []
    assert gutter_tooltip(pane, 9) == last_line_tooltip


def test_lines_added_in_edit_mode_keep_the_times_where_they_were_stored(qtbot, make_pane):
    pane = make_pane()
    show_timed(pane, LINE_TIMES)
    pane.set_editing(True)
    type_at(qtbot, pane, 0, "Intro")
    qtbot.keyClick(pane, Qt.Key.Key_Return)
    qtbot.keyClick(pane, Qt.Key.Key_Return)
    assert pane.document().blockCount() == len(LINE_TIMES) + 2
    pane.gutter.grab()
    assert gutter_tooltip(pane, 2) == "0:05.30"  # by line number, until the song is re-timed
    assert gutter_tooltip(pane, len(LINE_TIMES) + 2) == ""


# ------------------------------------------------------------------ moving ranges


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ((0, 0, 3), (13, 18)),  # typed before: shifted
        ((10, 0, 2), (12, 17)),  # typed right at the start: shifted, not stretched
        ((15, 0, 2), (10, 15)),  # typed right at the end: not stretched
        ((12, 0, 4), (10, 19)),  # typed inside: stretched
        ((12, 2, 0), (10, 13)),  # deleted inside: shrunk
        ((10, 1, 1), (10, 15)),  # first letter retyped
        ((8, 4, 0), (8, 11)),  # deletion over the start: cut at the front
        ((13, 4, 1), (10, 13)),  # deletion over the end: cut at the back
        ((10, 5, 0), None),  # the words deleted: gone
        ((9, 7, 3), None),  # the words replaced with more around them: gone
        ((20, 5, 0), (10, 15)),  # after: untouched
    ],
)
def test_a_range_follows_a_change(change, expected):
    assert moved_range(10, 15, *change) == expected
