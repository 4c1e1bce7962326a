"""Big texts open without a freeze: colours in view first, the rest in idle slices; long lyrics and articles load lazily."""

import pytest
from gui_testing import lines_annotation
from PySide6.QtGui import QFont, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit

from lyricpad.core.lexers import LyricsLexer, MarkdownSourceLexer
from lyricpad.core.markdown import render_article
from lyricpad.core.models import Annotation, Song
from lyricpad.gui.article_document import fill_document
from lyricpad.gui.lyrics_editing import document_text
from lyricpad.gui.lyrics_pane import LyricsPane
from lyricpad.gui.pygments_highlighter import SYNC_BLOCKS, PygmentsHighlighter
from lyricpad.gui.text_loading import SLICED_LOAD_CHARS


def lyrics(lines: int) -> str:
    parts = []
    for i in range(lines):
        if i % 10 == 0:
            parts.append(f"[Verse {i // 10}]")
        elif i % 10 == 5:
            parts.append("C   G   Am  F")
        else:
            parts.append(f"line {i} where the lantern (oh the lantern) goes")
    return "\n".join(parts)


def song(text: str, song_id: str = "song-1") -> Song:
    return Song(song_id, "Long", "", "", None, "en", text, "plain", "", None, "", "")


def formats(block) -> list[tuple[int, int, str, bool, bool]]:
    return [
        (
            r.start,
            r.length,
            r.format.foreground().color().name(),
            r.format.fontWeight() == QFont.Weight.Bold,
            r.format.fontItalic(),
        )
        for r in block.layout().formats()
    ]


def all_formats(document: QTextDocument) -> list[list]:
    result, block = [], document.begin()
    while block.isValid():
        result.append(formats(block))
        block = block.next()
    return result


def coloured_at_once(text: str, lexer) -> list[list]:
    """Every block's formats as a highlighter colouring the whole *text* in one go sets them."""
    document = QTextDocument()
    document.documentLayout()
    document.setPlainText(text)
    PygmentsHighlighter(document, lexer, "default").rehighlight()
    return all_formats(document)


@pytest.fixture
def editor(qtbot):
    view = QPlainTextEdit()
    qtbot.addWidget(view)
    view.resize(500, 300)
    view.show()
    qtbot.waitExposed(view)
    return view


def wait_coloured(qtbot, highlighter: PygmentsHighlighter) -> None:
    qtbot.waitUntil(highlighter.is_finished, timeout=20_000)


# ------------------------------------------------------------------ highlighter


def test_a_big_text_is_coloured_at_the_top_at_once_and_to_the_end_in_slices(qtbot, editor):
    highlighter = PygmentsHighlighter(editor.document(), LyricsLexer(), "default", view=editor)
    text = lyrics(3000)
    editor.setPlainText(text)
    document = editor.document()
    assert formats(document.findBlockByNumber(0))  # "[Verse 0]", in view
    assert not formats(document.lastBlock())  # far below: left for the slices
    assert not highlighter.is_finished()
    wait_coloured(qtbot, highlighter)
    assert all_formats(document) == coloured_at_once(text, LyricsLexer())


def test_blocks_scrolled_into_view_are_coloured_before_the_slices_reach_them(qtbot, editor):
    highlighter = PygmentsHighlighter(editor.document(), LyricsLexer(), "default", view=editor)
    editor.setPlainText(lyrics(3000))
    document = editor.document()
    bar = editor.verticalScrollBar()
    bar.setValue(bar.maximum())
    editor.viewport().repaint()  # painted now: no slice has had a turn of the event loop
    assert not highlighter.is_finished()
    last_header = document.findBlockByNumber(2990)  # "[Verse 299]", in view at the bottom
    assert last_header.text() == "[Verse 299]" and formats(last_header)
    assert formats(document.findBlockByNumber(2995))  # the chord line


@pytest.mark.parametrize("where", ["before", "after"])
def test_an_edit_while_the_slices_run_ends_coloured_as_if_typed_in_a_small_text(qtbot, editor, where):
    """A fence opened above (or below) where the slices are turns all that follows into code."""
    lines = [f"Paragraph {i} with *stress* and **weight**." for i in range(2500)]
    highlighter = PygmentsHighlighter(editor.document(), MarkdownSourceLexer(), "default", view=editor)
    editor.setPlainText("\n".join(lines))
    assert not highlighter.is_finished()
    line = 10 if where == "before" else 2000  # the slices have done the first blocks only
    cursor = QTextCursor(editor.document().findBlockByNumber(line))
    cursor.insertText("```\n")
    cursor.movePosition(QTextCursor.MoveOperation.End)
    cursor.insertText("\nlast words")
    wait_coloured(qtbot, highlighter)
    expected = coloured_at_once(editor.toPlainText(), MarkdownSourceLexer())
    assert all_formats(editor.document()) == expected
    # All after the fence is code, in one colour.
    assert len({tuple(f[2] for f in block) for block in expected[line + 1 :]}) == 1


def test_typing_in_a_coloured_text_recolours_the_line_typed_in_only(qtbot, editor):
    highlighter = PygmentsHighlighter(editor.document(), LyricsLexer(), "default", view=editor)
    editor.setPlainText(lyrics(3000))
    wait_coloured(qtbot, highlighter)
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().findBlockByNumber(2).position())
    editor.setTextCursor(cursor)
    before = highlighter.blocks_lexed
    qtbot.keyClicks(editor, "[Bridge] ")
    assert highlighter.blocks_lexed - before <= 2 * len("[Bridge] ")  # each key: its line, one line after
    assert formats(editor.document().findBlockByNumber(2))[0][3]  # the header typed is bold
    assert highlighter.is_finished()


def test_a_style_change_recolours_a_big_text_in_slices(qtbot, editor):
    highlighter = PygmentsHighlighter(editor.document(), LyricsLexer(), "default", view=editor)
    text = lyrics(3000)
    editor.setPlainText(text)
    wait_coloured(qtbot, highlighter)
    before = highlighter.blocks_lexed
    highlighter.set_style("monokai")
    assert highlighter.blocks_lexed - before < SYNC_BLOCKS + 100  # the first blocks and those in view
    wait_coloured(qtbot, highlighter)
    document = QTextDocument()
    document.documentLayout()
    document.setPlainText(text)
    PygmentsHighlighter(document, LyricsLexer(), "monokai").rehighlight()
    assert all_formats(editor.document()) == all_formats(document)


# ------------------------------------------------------------------ long lyrics in the pane


@pytest.fixture
def pane(qtbot):
    view = LyricsPane()
    qtbot.addWidget(view)
    view.resize(600, 400)
    view.show()
    qtbot.waitExposed(view)
    return view


LONG = lyrics(12_000)


def last_line_annotation() -> Annotation:
    return lines_annotation(LONG, 11_999, 11_999, "ann-last")


def test_long_lyrics_are_shown_in_slices_then_whole_with_their_highlights(qtbot, pane):
    assert len(LONG) > SLICED_LOAD_CHARS
    pane.show_song(song(LONG), [last_line_annotation()])
    assert pane.is_loading()
    assert 0 < pane.document().blockCount() < 12_000  # the first lines are there to read
    assert formats(pane.document().begin())  # and coloured
    assert pane.highlights == []  # placed once the whole text is in
    qtbot.waitUntil(lambda: not pane.is_loading(), timeout=20_000)
    assert document_text(pane.document()) == LONG
    assert [h.annotation.id for h in pane.highlights] == ["ann-last"]
    assert pane.document().availableUndoSteps() == 0  # loading is not an edit to undo
    wait_coloured(qtbot, pane._syntax)
    assert formats(pane.document().lastBlock().previous())


def test_a_song_left_while_it_loads_is_not_saved_cut_short(qtbot, pane):
    saved = []
    pane.lyrics_edited.connect(saved.append)
    pane.show_song(song(LONG), [])
    assert pane.is_loading()
    assert not pane.has_pending_edit()
    pane.flush()
    pane.show_song(song("Other words", "song-2"), [])
    assert saved == []
    assert pane.toPlainText() == "Other words" and not pane.is_loading()


def test_annotations_arriving_while_it_loads_are_the_ones_placed(qtbot, pane):
    pane.show_song(song(LONG), [])
    pane.update_annotations([last_line_annotation()])
    assert pane.is_loading() and pane.highlights == []
    qtbot.waitUntil(lambda: not pane.is_loading(), timeout=20_000)
    assert [h.annotation.id for h in pane.highlights] == ["ann-last"]


def test_revealing_or_editing_while_it_loads_takes_the_whole_text_first(qtbot, pane):
    pane.show_song(song(LONG), [last_line_annotation()])
    pane.reveal(last_line_annotation())
    assert not pane.is_loading()
    assert pane.textCursor().blockNumber() == 11_998
    pane.show_song(song(LONG), [])
    pane.set_editing(True)
    assert not pane.is_loading() and document_text(pane.document()) == LONG
    pane.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(pane, "!")
    pane.flush()
    assert pane.autosave.saved_text == LONG + "!"


# ------------------------------------------------------------------ a long article


def test_an_article_is_typeset_in_one_change_from_nothing_so_qt_lays_it_out_as_it_is_shown(qapp):
    """Qt lays out a document a step at a time only after a change from an empty document to all of it."""
    article = render_article("# Notes\n\n" + "\n\n".join(f"Paragraph {i} with *stress*." for i in range(300)))
    document = QTextDocument()
    document.documentLayout()
    fill_document(document, render_article("An *older* article."), qapp.palette(), qapp.font())
    changes = []
    document.contentsChange.connect(lambda *change: changes.append(change))
    fill_document(document, article, qapp.palette(), qapp.font())
    assert changes[-1] == (0, 0, document.characterCount())
    assert document.toPlainText() == article.text
