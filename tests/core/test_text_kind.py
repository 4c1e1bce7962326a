"""Lyrics known by their lines (chords, [Chorus], LRC stamps) without asking; a plain article's line breaks kept."""

import pytest

from lyricpad.core.importers import read_import
from lyricpad.core.markdown import render_article
from lyricpad.core.text import plain_article_markdown
from lyricpad.core.text_kind import is_chord_line, surely_lyrics

CHORD_SHEET = (
    "G        D          Em\nThe ferry leaves at nine\nC          G\nAnd nobody waves goodbye\n"
    "Am      F       C\nThe lanterns drift away\n"
)
SECTIONS = "[Verse 1]\nThe ferry leaves at nine\n\n[Chorus]\nSo light a lantern\n"
LRC_LIKE = "[00:01.00]The ferry leaves at nine\n[00:05.00]And nobody waves\n[00:09.50]The lanterns drift\n"
PROSE = (
    "The song is built on G, D and Em, and nothing else.\n"
    "[Chorus] is where it opens up, the writer says, and the ferry finally moves.\n"
)


@pytest.mark.parametrize(
    "text, reason",
    [(CHORD_SHEET, "chord lines"), (SECTIONS, "section headers"), (LRC_LIKE, "LRC time stamps")],
)
def test_unambiguous_lyrics_are_known(text, reason):
    assert surely_lyrics(text) == reason


@pytest.mark.parametrize(
    "text",
    [
        PROSE,
        "La la la\n",
        "[Verse 1]\nOne header could head a quotation in an article\n",
        "G D\nTwo chord lines alone\nC G\nare not enough\n",
        SECTIONS + ("An article that quotes the song at length goes on and on. " * 3 + "\n") * 3,
    ],
)
def test_anything_less_sure_is_asked(text):
    assert surely_lyrics(text) is None


def test_chord_lines():
    assert is_chord_line("G   D/F#  Em7  Cadd9")
    assert is_chord_line("| Am | F | C | G |")
    assert not is_chord_line("A day in the life")
    assert not is_chord_line("G")


@pytest.mark.parametrize(
    "name, text, kind, fmt",
    [
        ("sheet.txt", CHORD_SHEET, "lyrics", "plain"),
        ("sections.txt", SECTIONS, "lyrics", "plain"),
        ("timed.txt", LRC_LIKE, "lyrics", "lrc"),
        ("notes.txt", PROSE, None, "plain"),
    ],
)
def test_a_txt_is_read_as_lyrics_when_its_lines_say_so(tmp_path, name, text, kind, fmt):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    imported = read_import(path)
    assert (imported.kind, imported.format) == (kind, fmt)
    if fmt == "lrc":
        assert imported.text == "The ferry leaves at nine\nAnd nobody waves\nThe lanterns drift"
        assert imported.line_times == [[1000], [5000], [9500]]
    # Asked for an article, it is one: the user's word wins.
    assert read_import(path, kind="article").kind == "article"


def test_a_plain_article_keeps_each_line():
    text = "First paragraph.\nSecond paragraph.\nThird.\n"
    assert render_article(plain_article_markdown(text)).text == "First paragraph.\nSecond paragraph.\nThird."
    assert [b.kind for b in render_article(plain_article_markdown(text)).blocks] == ["paragraph"] * 3


def test_a_plain_article_with_blank_lines_keeps_its_inner_breaks():
    text = "12 Harbour Road\nPort Wren\n\nThe next paragraph.\n"
    rendered = render_article(plain_article_markdown(text))
    assert rendered.text == "12 Harbour Road\nPort Wren\nThe next paragraph."
    assert len(rendered.blocks) == 2  # the address is one block with a line break in it


def test_a_markdown_article_keeps_markdown_rules(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("# T\n\nOne line\njoined to the next.\n", encoding="utf-8")
    imported = read_import(path)
    assert imported.article_body == "One line\njoined to the next.\n"
    assert render_article(imported.article_body).text == "One line joined to the next."
