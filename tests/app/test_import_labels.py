"""The words of the import review: what was read, where its names come from, the encodings offered."""

import pytest

from lyricpad.app.import_labels import (
    ENCODINGS,
    describe_format,
    encoding_names,
    encoding_note,
    furniture_text,
    origin_text,
    preview_title,
)
from lyricpad.core.importers import ImportedText
from lyricpad.core.text import line_count

pytestmark = pytest.mark.usefixtures("qapp")  # counts take their English plural forms from the translator


@pytest.mark.parametrize(("text", "lines"), [("", 0), ("one", 1), ("one\n", 1), ("one\ntwo", 2), ("\n\n", 2)])
def test_line_count(text, lines):
    assert line_count(text) == lines


@pytest.mark.parametrize(
    ("imported", "pasted", "expected"),
    [
        (ImportedText("lyrics", "a\nb", format="plain"), False, "Plain text · 2 lines"),
        (ImportedText("lyrics", "a", format="lrc", line_times=[100]), False, "LRC lyrics · 1 line, 1 timed"),
        (
            ImportedText("lyrics", "a\nb", format="lrc", line_times=[None, 5]),
            False,
            "LRC lyrics · 2 lines, 1 timed",
        ),
        (
            ImportedText("article", "a", format="html"),
            True,
            "Pasted HTML (headings, quotes and emphasis kept) · 1 line",
        ),
        (ImportedText("article", "a", format="markdown"), True, "Pasted text · 1 line"),
        (ImportedText("article", "x\n" * 1200, format="odd"), False, "odd · 1,200 lines"),
    ],
)
def test_describe_format(imported, pasted, expected):
    assert describe_format(imported, pasted) == expected


@pytest.mark.parametrize(
    ("imported", "starts"),
    [
        (ImportedText("article", "a", title="Page"), "The title is the page's own"),
        (
            ImportedText("lyrics", "a", lrc_tags={"ar": "Band"}),
            "Title and artist come from the file's LRC tags",
        ),
        (ImportedText("lyrics", "a", title="Song"), "Title and artist come from the file name"),
        (ImportedText("lyrics", "a"), "Nothing names this song"),
    ],
)
def test_origin_text(imported, starts):
    assert origin_text(imported).startswith(starts)


def test_furniture_and_preview_titles():
    assert furniture_text(1).startswith("1 line looks like page furniture")
    assert furniture_text(3).startswith("3 lines look like")
    assert preview_title(10, 10) == "Preview"
    assert preview_title(2000, 2500) == "Preview (the first 2,000 of 2,500 lines)"


@pytest.mark.parametrize(
    ("detected", "current", "first"),
    [
        ("cp1252", "cp1252", ["cp1252", "utf-8", "iso8859-1"]),
        ("utf-8", "latin-9", ["utf-8", "latin-9", "cp1252"]),
        ("", "latin-9", ["utf-8", "latin-9"]),
        ("", "", ["utf-8", "cp1252"]),
    ],
)
def test_encoding_names_put_the_detected_one_first_then_the_one_in_use(detected, current, first):
    names = encoding_names(detected, current)
    assert names[: len(first)] == first
    assert set(ENCODINGS) <= set(names)
    assert len(names) == len(set(names))


def test_encoding_note():
    assert encoding_note("utf-8", "utf-8") == "detected"
    assert encoding_note("utf-8", "cp1252") == "detected: utf-8"
