"""Pygments colours in Qt documents: lyrics in the lyrics pane, Markdown with fences across blocks."""

import pytest
from pygments.token import Generic, String, Text
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette, QTextCursor, QTextDocument

from lyricpad.core.demo import DEMO_LYRICS
from lyricpad.core.lexers import (
    BACKING_VOCALS,
    CHORD,
    SECTION,
    SECTION_NAME,
    LyricsLexer,
    MarkdownSourceLexer,
)
from lyricpad.gui.lyrics_pane import LyricsPane
from lyricpad.gui.pygments_highlighter import DARK_STYLE, LIGHT_STYLE, PygmentsHighlighter, is_dark

LIGHT = QPalette(QColor("#efefef"))
DARK = QPalette(QColor("#2b2b2b"))


def highlighted(text: str, lexer=None, style: str | None = LIGHT_STYLE, palette: QPalette = LIGHT):
    document = QTextDocument()
    document.documentLayout()  # as a view would: without a layout, edits announce no change
    document.setPlainText(text)
    highlighter = PygmentsHighlighter(document, lexer or LyricsLexer(), style, palette=palette)
    highlighter.rehighlight()  # Qt would do it on the next turn of the event loop
    return document, highlighter


def block(document: QTextDocument, text: str):
    found = document.begin()
    while found.isValid():
        if found.text() == text:
            return found
        found = found.next()
    raise AssertionError(f"no block {text!r}")


def ranges(document: QTextDocument, text: str) -> list[tuple[int, int, QColor, bool, bool]]:
    """(start, length, foreground, bold, italic) of each format the highlighter set on block *text*."""
    return [
        (
            r.start,
            r.length,
            r.format.foreground().color(),
            r.format.fontWeight() == QFont.Weight.Bold,
            r.format.fontItalic(),
        )
        for r in block(document, text).layout().formats()
    ]


def colour(highlighter: PygmentsHighlighter, token) -> QColor:
    return highlighter.format_for(token).foreground().color()


@pytest.fixture
def demo(qapp):
    return highlighted(DEMO_LYRICS)


def test_a_section_header_is_bold_and_coloured_over_its_whole_length(demo):
    document, highlighter = demo
    heading = colour(highlighter, SECTION)
    assert heading.isValid() and heading != QColor("black")
    assert ranges(document, "[Chorus]") == [(0, len("[Chorus]"), heading, True, False)]


def test_a_header_with_a_name_shows_the_name_apart(demo):
    document, highlighter = demo
    spans = ranges(document, "[Bridge: Both]")
    # Qt merges neighbouring ranges of the same format: "[Bridge: " is one range.
    assert [(start, length) for start, length, *_ in spans] == [(0, 9), (9, 4), (13, 1)]
    name, header = colour(highlighter, SECTION_NAME), colour(highlighter, SECTION)
    assert spans[1][2] == name != header == spans[0][2]


def test_a_chord_line_has_the_chord_format_on_each_chord(demo):
    document, highlighter = demo
    line = "G                D               Em"
    chord = colour(highlighter, CHORD)
    assert ranges(document, line) == [
        (line.index("G"), 1, chord, False, False),
        (line.index("D"), 1, chord, False, False),
        (line.index("Em"), 2, chord, False, False),
    ]


def test_backing_vocals_are_set_apart(demo):
    document, highlighter = demo
    [(start, length, _, bold, italic)] = ranges(document, "(carry what we never said)")
    assert (start, length, bold, italic) == (0, len("(carry what we never said)"), False, True)
    assert highlighter.format_for(BACKING_VOCALS).fontItalic()


def test_a_plain_lyric_line_keeps_the_palettes_text_colour(demo):
    document, highlighter = demo
    assert ranges(document, "The pier is patient, planks worn into grey,") == []
    assert ranges(document, "") == []
    assert highlighter.format_for(Text) is None


def test_no_format_has_a_background_so_lens_highlights_show_through(demo):
    document, _ = demo
    current = document.begin()
    while current.isValid():
        for r in current.layout().formats():
            assert r.format.background().style() == Qt.BrushStyle.NoBrush, current.text()
        current = current.next()


def test_an_emoji_before_a_header_keeps_the_colours_in_place(qapp):
    # Qt counts UTF-16 units: each of these emoji takes two, though Python counts one.
    document, highlighter = highlighted("🎸 [Chorus]\n🌊🌊 (ooh 🌊) la\n[Verse 1]")
    heading = colour(highlighter, SECTION)
    assert ranges(document, "🎸 [Chorus]") == [(3, len("[Chorus]"), heading, True, False)]
    [(start, length, _, _, italic)] = ranges(document, "🌊🌊 (ooh 🌊) la")
    assert (start, length, italic) == (5, len("(ooh ") + 2 + 1, True)
    assert ranges(document, "[Verse 1]") == [(0, 9, heading, True, False)]


def test_switching_to_a_dark_palette_picks_the_dark_style(qapp):
    document, highlighter = highlighted(DEMO_LYRICS, style=None)
    assert highlighter.style_name == LIGHT_STYLE
    light_heading = ranges(document, "[Chorus]")[0][2]

    highlighter.on_palette_changed(DARK)

    assert is_dark(DARK) and not is_dark(LIGHT)
    assert highlighter.style_name == DARK_STYLE
    dark_heading = ranges(document, "[Chorus]")[0][2]
    assert dark_heading != light_heading
    assert dark_heading.lightness() > light_heading.lightness()  # light ink for a dark page


def test_a_chosen_style_stays_whatever_the_palette(qapp):
    document, highlighter = highlighted(DEMO_LYRICS, style=None)
    highlighter.set_style("monokai")
    assert ranges(document, "G                D               Em")[0][2] == QColor("#66d9ef")
    highlighter.on_palette_changed(DARK)
    highlighter.on_palette_changed(LIGHT)
    assert highlighter.style_name == "monokai"
    highlighter.set_style(None)
    assert highlighter.style_name == LIGHT_STYLE


def test_the_lyrics_pane_recolours_when_its_palette_turns_dark(qtbot):
    pane = LyricsPane()
    qtbot.addWidget(pane)
    pane.setPalette(LIGHT)
    pane.setPlainText(DEMO_LYRICS)
    chord_line = "G                D               Em"
    light = ranges(pane.document(), chord_line)[0][2]

    pane.setPalette(DARK)

    dark = ranges(pane.document(), chord_line)[0][2]
    assert light.isValid() and dark.isValid() and dark != light
    assert ranges(pane.document(), "[Chorus]")[0][3]  # still bold


# --------------------------------------------------------------------------- Markdown

MARKDOWN = """Some *text*.

```python
x = "**not bold**"
```

After **bold**."""


@pytest.fixture
def markdown(qapp):
    return highlighted(MARKDOWN, MarkdownSourceLexer())


def code_colour(highlighter) -> QColor:
    return colour(highlighter, String.Backtick)


def test_a_fenced_code_block_is_code_on_every_line(markdown):
    document, highlighter = markdown
    code = code_colour(highlighter)
    assert ranges(document, 'x = "**not bold**"') == [(0, len('x = "**not bold**"'), code, False, False)]
    assert ranges(document, "```python")[0][2] == code


def test_after_the_closing_fence_the_text_is_markdown_again(markdown):
    document, highlighter = markdown
    after = ranges(document, "After **bold**.")
    assert all(fg != code_colour(highlighter) for _, _, fg, _, _ in after)
    assert (6, len("**bold**")) in [(start, length) for start, length, _, bold, _ in after if bold]
    assert highlighter.format_for(Generic.Strong).fontWeight() == QFont.Weight.Bold


def test_removing_and_restoring_the_closing_fence_recolours_the_blocks_below(markdown):
    document, highlighter = markdown
    code = code_colour(highlighter)
    # Delete the closing fence: everything after it becomes code.
    closing = block(document, "```")
    cursor = QTextCursor(closing)
    cursor.select(QTextCursor.SelectionType.BlockUnderCursor)
    cursor.removeSelectedText()
    assert ranges(document, "After **bold**.") == [(0, len("After **bold**."), code, False, False)]
    # Put it back: the text after it is Markdown again.
    cursor.insertText("\n```")
    assert code not in [c for _, _, c, _, _ in ranges(document, "After **bold**.")]
