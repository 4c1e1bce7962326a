"""Issue 19, the study view in the window: margin, outline, rhyme colours, corrections and one-click annotations."""

from __future__ import annotations

import time

import pytest
from gui_testing import settle, study_computed
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from lyricpad.core.store import Library
from lyricpad.core.study import Section, StudyLine, StudyView
from lyricpad.core.text import line_count
from lyricpad.gui.study_margin import compact_stress, rhyme_colour
from lyricpad.gui.study_outline import section_label
from lyricpad.gui.study_view import STUDY_VIEW_SHORTCUT

SIZES = [(1024, 700), (1280, 800)]

SMALL = StudyView(
    "en",
    (Section("Verse", 1, 3, header_line=1), Section("Chorus", 4, 5, inferred=True, repeat_of=1)),
    (
        StudyLine(1, "[Verse]", "header"),
        StudyLine(2, "the night is long", "lyric", 5, "x / x x /", "A", "perfect", (12, 16), (5,)),
        StudyLine(3, "(so long)", "backing", 2, "x /"),
        StudyLine(
            4, "we sing along", "lyric", 4, "x / x /", "A", "near", (9, 14), corrected=frozenset({"rhyme"})
        ),
        StudyLine(5, "the night is long", "lyric", 5, "x / x x /", "B", None, (12, 16), (2,)),
    ),
)


def open_study(open_window, path, song=None):
    window = open_window(path, song)
    window.study_view.set_shown(True)
    return window


def song_with(path, title, lyrics):
    with Library.open(path) as library:
        return library.songs.add(title, lyrics=lyrics).id


# ------------------------------------------------------------------- drawing (views made here)


def test_compact_forms():
    assert compact_stress("x / x /") == "x/x/"
    assert compact_stress("x " * 20).endswith("…") and len(compact_stress("x " * 20)) == 12
    assert section_label(SMALL.sections[1]) == "Chorus ↻"
    assert rhyme_colour("A", _palette()) != rhyme_colour("B", _palette())


def _palette():
    from PySide6.QtWidgets import QApplication

    return QApplication.palette()


def test_margin_tooltips_say_what_is_corrected_and_where_lines_repeat(qtbot, window):
    margin = window.study_view.margin
    computed = StudyView(
        SMALL.language,
        SMALL.sections,
        (*SMALL.lines[:3], StudyLine(4, "we sing along", "lyric", 4, "x / x /", "C"), SMALL.lines[4]),
    )
    window.lyrics_pane.setPlainText("\n".join(line.text for line in SMALL.lines))
    margin.show()
    margin.show_view(SMALL, computed)
    columns = margin.columns()
    pane = window.lyrics_pane

    def y(n: int) -> int:
        block = pane.document().findBlockByNumber(n - 1)
        return round(pane.blockBoundingGeometry(block).translated(pane.contentOffset()).center().y())

    rhyme_x = columns.rhyme[0] + 1
    assert "corrected (computed: C)" in margin.tooltip_at(QPoint(rhyme_x, y(4)))
    assert "also at line 5" in margin.tooltip_at(QPoint(columns.repeats[0] + 1, y(2)))
    assert "backing" in margin.tooltip_at(QPoint(columns.syllables[0] + 1, y(3)))
    assert margin.tooltip_at(QPoint(rhyme_x, y(1))) == ""  # a header has no values


def test_loading_message_while_the_dictionary_loads(qtbot, window):
    margin = window.study_view.margin
    margin.show()
    margin.show_view(None, loading=True)
    assert margin.width() > 0
    assert margin.tooltip_at(QPoint(2, 2)) == "Loading the pronunciation dictionary…"


# ------------------------------------------------------------------- the real view


def test_study_view_toggle_is_remembered_and_shows_margin_and_outline(qtbot, open_window, demo_path):
    window = open_window(demo_path)
    assert window.study_view.action.shortcut().toString() == STUDY_VIEW_SHORTCUT
    assert window.study_view.action in window.menus.view_menu.actions()
    QTest.keyClick(
        window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert window.study_view.is_shown()
    view = study_computed(qtbot, window)
    assert window.study_view.margin.isVisible() and window.study_view.margin.width() > 40
    assert window.study_view.outline.isVisible()
    assert [s.name for s in view.sections][:2] == ["Verse 1", "Chorus"]
    assert window.study_view.outline.count() == len(view.sections)
    window.close()
    again = open_window(demo_path)
    assert again.study_view.is_shown()
    again.study_view.set_shown(False)
    assert not again.study_view.margin.isVisible()


def test_outline_click_jumps_to_the_section(qtbot, open_window, demo_path):
    window = open_study(open_window, demo_path)
    view = study_computed(qtbot, window)
    outline = window.study_view.outline
    bridge = next(i for i, s in enumerate(view.sections) if s.name.startswith("Bridge"))
    item = outline.item(bridge)
    QTest.mouseClick(outline.viewport(), Qt.MouseButton.LeftButton, pos=outline.visualItemRect(item).center())
    section = view.sections[bridge]
    assert window.lyrics_pane.flashing_lines() == [(section.start_line, section.end_line)]


def test_correcting_a_value_is_undoable_and_drawn_as_corrected(qtbot, open_window, demo_path, monkeypatch):
    window = open_study(open_window, demo_path)
    view = study_computed(qtbot, window)
    controller = window.study_view
    line = next(item for item in view.lines if item.kind == "lyric")
    monkeypatch.setattr(controller, "ask_value", lambda title, label, text: "13")
    margin = controller.margin
    pane = window.lyrics_pane
    block = pane.document().findBlockByNumber(line.line - 1)
    y = round(pane.blockBoundingGeometry(block).translated(pane.contentOffset()).center().y())
    QTest.mouseDClick(margin, Qt.MouseButton.LeftButton, pos=QPoint(margin.columns().syllables[0] + 2, y))
    qtbot.waitUntil(
        lambda: controller.state.view.lines[line.line - 1].syllables == 13 and not controller.state.is_busy()
    )
    corrected = controller.state.view.lines[line.line - 1]
    assert "syllables" in corrected.corrected
    tip = margin.tooltip_at(QPoint(margin.columns().syllables[0] + 2, y))
    assert f"corrected (computed: {line.syllables})" in tip
    # The computed stress pattern counts other syllables: none is shown, and the tooltip says why.
    assert line.stress and corrected.stress is None
    assert (
        f"No stress pattern: the computed one ({line.stress}) has {line.syllables} syllables, not 13" in tip
    )
    with Library.open(demo_path) as library:
        assert [
            (c.line, c.field, c.value) for c in library.corrections.for_song(window.current_song.song_id)
        ] == [(line.line, "syllables", "13")]
    window.undo_action.trigger()
    qtbot.waitUntil(lambda: controller.state.view.lines[line.line - 1].syllables == line.syllables)
    window.menus.redo_action.trigger()
    qtbot.waitUntil(lambda: controller.state.view.lines[line.line - 1].syllables == 13)
    controller.reset(line.line, "syllables")
    qtbot.waitUntil(lambda: "syllables" not in controller.state.view.lines[line.line - 1].corrected)


def test_a_bad_value_is_refused_with_a_message(qtbot, open_window, demo_path, monkeypatch):
    window = open_study(open_window, demo_path)
    view = study_computed(qtbot, window)
    controller = window.study_view
    line = next(item for item in view.lines if item.kind == "lyric")
    monkeypatch.setattr(controller, "ask_value", lambda title, label, text: "seven")
    controller.ask_correction(line.line, "syllables")
    with Library.open(demo_path) as library:
        assert library.corrections.for_song(window.current_song.song_id) == []
    assert window.session.undo_stack.count() == 0


def test_annotate_rhyme_group_makes_one_annotation_with_a_fragment_per_word(
    qtbot, open_window, demo_path, menus
):
    window = open_study(open_window, demo_path)
    view = study_computed(qtbot, window)
    controller = window.study_view
    first = next(item for item in view.lines if item.kind == "lyric" and item.rhyme and item.rhyme_span)
    group = [
        item
        for item in view.lines[: view.section_of(first.line).end_line]
        if item.rhyme == first.rhyme
        and item.kind == "lyric"
        and item.line >= view.section_of(first.line).start_line
    ]
    menu = controller.build_line_menu(first.line)
    texts = [a.text() for a in menu.actions()]
    assert f"Annotate Rhyme Group {first.rhyme}" in texts
    next(a for a in menu.actions() if a.text().startswith("Annotate Rhyme")).trigger()
    annotation = window.current_song.current()
    assert annotation is not None and len(annotation.fragments) == len(group)
    assert annotation.lens is not None and "rhyme" in annotation.lens.name.lower()
    words = [f.quote for f in annotation.fragments]
    assert words[0] == first.text[slice(*first.rhyme_span)]


def test_annotate_repeated_line_and_section(qtbot, open_window, demo_path):
    window = open_study(open_window, demo_path)
    view = study_computed(qtbot, window)
    controller = window.study_view
    repeated = next(item for item in view.lines if item.kind == "lyric" and item.repeats)
    new_id = controller.annotate_repeated_line(repeated.line)
    annotation = window.session.annotation(new_id)
    assert len(annotation.fragments) == len(repeated.repeats) + 1
    assert {f.quote for f in annotation.fragments} == {repeated.text.strip()}
    assert annotation.lens.name == "Structure"
    verse = view.sections[0]
    section_id = controller.annotate_section(verse.start_line)
    section = window.session.annotation(section_id)
    assert section.fragments[0].quote.startswith(view.lines[verse.start_line].text.strip()[:10])
    assert "[Verse 1]" not in section.fragments[0].quote


def test_margin_hidden_while_editing_and_recomputed_after(qtbot, open_window, demo_path):
    window = open_study(open_window, demo_path)
    study_computed(qtbot, window)
    controller = window.study_view
    window.edit_lyrics_action.trigger()
    assert not controller.margin.isVisible()
    pane = window.lyrics_pane
    cursor = pane.textCursor()
    cursor.movePosition(cursor.MoveOperation.End)
    pane.setTextCursor(cursor)
    QTest.keyClick(pane, Qt.Key.Key_Return)
    QTest.keyClicks(pane, "A brand new closing line")
    window.edit_lyrics_action.trigger()
    assert controller.margin.isVisible()
    qtbot.waitUntil(
        lambda: (
            controller.state.view.lines[-1].text == "A brand new closing line"
            and not controller.state.is_busy()
        )
    )


def test_empty_song_and_switching_songs(qtbot, open_window, demo_path):
    empty = song_with(demo_path, "Aaa Empty", "")
    window = open_study(open_window, demo_path, empty)
    controller = window.study_view
    qtbot.waitUntil(lambda: not controller.state.is_busy() and controller.state.view is not None)
    assert (
        controller.margin.width() == 0
        or not controller.state.view.lines
        or controller.state.view.lines[0].kind == "blank"
    )
    assert not controller.outline.isVisible()
    demo = next(s.id for s in window.session.songs() if s.id != empty)
    window.session.select_song(demo)
    qtbot.waitUntil(lambda: controller.state.view_song_id == demo and not controller.state.is_busy())
    assert controller.outline.isVisible()


def three_hundred_lines() -> str:
    verses = []
    for n in range(30):
        verses.append(f"[Verse {n + 1}]" if n % 3 else "[Chorus]")
        verses += [
            f"the lantern burns at night {n}",
            "and carries all we said",
            "the harbour holds its light",
            "and turns the way it led",
        ]
        verses += ["", "", "", "", ""]
    return "\n".join(verses)[:-1]


@pytest.mark.parametrize(("width", "height"), SIZES)
def test_screenshots_with_the_study_view(qtbot, open_window, demo_path, shots, width, height):
    window = open_window(demo_path)
    settle(qtbot, window, width, height)
    pane = window.lyrics_pane
    without = _wrapped(pane)
    window.study_view.set_shown(True)
    study_computed(qtbot, window)
    qtbot.wait(50)
    shots(window, f"19-study-view-{width}x{height}")
    assert window.study_view.margin.geometry().right() < pane.width()
    assert window.study_view.margin.geometry().left() >= pane.viewport().geometry().right()
    # The margin makes no lyric line wrap: the layout gives the lyrics its width (in its compact form at 1024).
    assert without == []
    assert _wrapped(pane) == []


def _wrapped(pane) -> list[str]:
    return [b.text() for b in _blocks(pane) if b.layout().lineCount() > 1]


def test_three_hundred_lines_show_quickly(qtbot, open_window, demo_path, shots):
    song = song_with(demo_path, "Long Study", three_hundred_lines())
    window = open_study(open_window, demo_path, song)
    started = time.perf_counter()
    view = study_computed(qtbot, window)
    shown = time.perf_counter() - started
    assert len(view.lines) == line_count(three_hundred_lines())  # a final newline ends the last line
    print(
        f"300-line song: study() {window.study_view.state.seconds * 1000:.1f} ms, shown after {shown * 1000:.0f} ms"
    )
    shots(window, "19-study-view-300-lines")


def _blocks(pane):
    block = pane.document().firstBlock()
    while block.isValid():
        yield block
        block = block.next()
