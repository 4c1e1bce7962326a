"""The shortcuts of escape_text (text with nothing to escape) and escape_lines (one line): text holding
any one special character still goes through the escaping and reads back as exactly itself, and a
single line gives what the same line among others gives."""

from __future__ import annotations

import pytest
from markdown_it import MarkdownIt

from lyricpad.core.export.commonmark import escape_lines, escape_text

_PARSER = MarkdownIt("commonmark").enable("strikethrough").enable("table")
SPECIALS = ["\\", "`", "*", "_", "[", "]", "<", "|", "~", "{", "}", "&amp;", "&#35;", "{#", "{%", "{{"]
OBSIDIAN_ONLY = ["#", "^", "$", "%", "="]


def _read_back(markdown: str) -> str:
    """The text a Markdown reader shows for *markdown* (an inline line); fails on any other markup."""
    children = _PARSER.parseInline(markdown)[0].children
    assert {t.type for t in children} <= {"text", "text_special"}, (markdown, [t.type for t in children])
    return "".join(t.content for t in children)


@pytest.mark.parametrize("special", SPECIALS)
def test_text_with_one_special_character_reads_back_as_itself(special):
    text = f"a plain line {special}quiet{special} words"
    escaped = escape_text(text)
    assert escaped != text
    assert _read_back(escaped) == text


@pytest.mark.parametrize("special", SPECIALS + OBSIDIAN_ONLY)
def test_obsidian_escapes_its_own_characters_too(special):
    text = f"a plain line {special}quiet{special} words"
    assert escape_text(text, obsidian=True) != text


@pytest.mark.parametrize("text", ["a plain line of the song", "Ünïcödé words, commas; and stops.", ""])
def test_plain_text_comes_out_as_it_is(text):
    assert escape_text(text) == text == escape_text(text, obsidian=True)


@pytest.mark.parametrize(("text", "shown"), [("nul\x00here", "nul\ufffdhere"), ("two\nlines", "two lines")])
def test_control_characters_are_still_replaced(text, shown):
    assert escape_text(text) == shown


@pytest.mark.parametrize(
    "line", ["a line", "  padded line  ", "", "   ", "# not a heading", "1. not a list", "*x*"]
)
def test_one_line_is_escaped_as_it_is_among_others(line):
    among_others = escape_lines(f"{line}\n\nnext")
    alone = escape_lines(line)
    assert among_others == ([*alone, ""] if alone else []) + ["next"]
