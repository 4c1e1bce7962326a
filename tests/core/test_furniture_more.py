"""Issue 17, import without Qt: bylines fill the author, scraped page furniture, front matter, final newlines, duplicates."""

from dataclasses import MISSING, fields
from pathlib import Path

import pytest

from lyricpad.core.duplicates import find_duplicate
from lyricpad.core.front_matter import split_front_matter
from lyricpad.core.furniture import (
    BUTTON,
    BYLINE,
    READING_TIME,
    RELATED_LINK,
    REPEATED_TITLE,
    SOCIAL_PROFILE,
    byline_author,
    detect_furniture,
    remove_furniture,
    title_without_site,
)
from lyricpad.core.html_import import article_from_clipboard
from lyricpad.core.importers import read_import
from lyricpad.core.models import Song
from lyricpad.core.text import LineIndex, line_count, lyrics_text

DATA = Path(__file__).parent.parent / "data" / "import"
LAST_PARAGRAPH = (
    "In the end the ferry stays where it is, and so do we: listening for a horn that never sounds, "
    "and finding, somewhere in the waiting, that the waiting was the song."
)
SITE_TITLE = "Why the ferry never leaves | Harbour Notes"
BODY = (
    "The song opens on a cold morning. The kettle sings before anyone speaks, and the narrator counts "
    "the lanterns drifting past the harbour wall."
)

# ------------------------------------------------------------------ bylines


@pytest.mark.parametrize(
    "byline, author",
    [
        ("By Jo Writer", "Jo Writer"),
        ("*By Ivo Marsh*", "Ivo Marsh"),
        ("By [Jo Writer](https://harbour-notes.example/jo)", "Jo Writer"),
        ("By Wren Alder · 12,480 views", "Wren Alder"),
        ("Written by Zoë Marchand · 5 March 2024", "Zoë Marchand"),
        ("By Wren Alder and Ivo Marsh", "Wren Alder and Ivo Marsh"),
    ],
)
def test_a_pasted_byline_fills_the_author(byline, author):
    pasted = article_from_clipboard(None, f"Why the ferry never leaves\n{byline}\n{BODY}\n")
    assert pasted.author == author
    assert any(item.text == byline for item in pasted.furniture)  # still offered for removal


def test_a_paste_without_a_byline_leaves_the_author_empty():
    assert (
        article_from_clipboard(
            None, f"Why the ferry never leaves\nBy the river the ferry waits\n{BODY}\n"
        ).author
        == ""
    )
    assert byline_author([]) == ""


def test_an_imported_markdown_file_never_takes_its_file_name_for_author_or_source():
    plain = read_import(DATA / "article.md")
    assert (plain.author, plain.article_source) == ("", "")
    assert plain.source == "article.md"  # still named in messages
    bylined = read_import(DATA / "byline_article.md")
    assert (bylined.title, bylined.author, bylined.article_source) == ("Lanterns, counted", "Ivo Marsh", "")


def test_front_matter_gives_title_author_date_and_address_and_leaves_the_text():
    article = read_import(DATA / "scraped_article.md")
    assert (article.title, article.author, article.date) == (
        "Why the ferry never leaves",
        "Jo Writer",
        "2024-03-05",
    )
    assert article.article_source == "https://harbour-notes.example/why-the-ferry"
    assert "---" not in article.text and "tags:" not in article.text
    assert article.text.startswith("Why the ferry never leaves\n")  # the title repeated: furniture
    assert [(item.line, item.rule) for item in article.furniture] == [
        (1, REPEATED_TITLE), (7, RELATED_LINK), (9, RELATED_LINK), (11, BUTTON)
    ]  # fmt: skip
    cleaned = article.without_furniture().text
    assert cleaned.startswith("The song opens") and cleaned.rstrip().endswith("the waiting was the song.")


@pytest.mark.parametrize(
    "text, meta, body",
    [
        ("---\nauthor: Jo Writer\n---\nText", {"author": "Jo Writer"}, "Text"),
        ("---\nauthors:\n  - Jo Writer\n  - Ivo Marsh\n...\n\nText", {"author": "Jo Writer"}, "Text"),
        (
            "---\nauthors: [Jo Writer, Ivo Marsh]\ntitle: 'A: b'\n---\nT",
            {"author": "Jo Writer, Ivo Marsh", "title": "A: b"},
            "T",
        ),
        ("---\n---\nText", {}, "---\n---\nText"),  # two rules, not a block
        (
            "---\nauthor: Jo Writer\nText that never closes",
            {},
            "---\nauthor: Jo Writer\nText that never closes",
        ),
        ("---\nThe song opens here.\n---\nText", {}, "---\nThe song opens here.\n---\nText"),
        ("Text\n---\nauthor: X\n---", {}, "Text\n---\nauthor: X\n---"),
    ],
)
def test_front_matter_is_read_only_when_it_is_front_matter(text, meta, body):
    assert split_front_matter(text) == (meta, body)


# ---------------------------------------------------------------- furniture


def test_a_scraped_page_loses_its_repeated_title_and_trailing_block_but_not_its_last_paragraph():
    text = (DATA / "scraped_paste.txt").read_text(encoding="utf-8")
    pasted = article_from_clipboard(None, text)
    assert pasted.title == "Why the ferry never leaves"  # the body repeats it without the site's name
    lines = pasted.text.split("\n")
    found = {(item.line, item.rule) for item in pasted.furniture}
    assert found == {
        (1, BYLINE), (2, REPEATED_TITLE), (3, READING_TIME),
        (8, RELATED_LINK), (9, RELATED_LINK), (10, RELATED_LINK), (11, RELATED_LINK),
        (12, SOCIAL_PROFILE), (13, SOCIAL_PROFILE), (14, BUTTON),
    }  # fmt: skip
    assert lines[6] == LAST_PARAGRAPH
    cleaned = remove_furniture(pasted.text, pasted.furniture)
    assert cleaned.split("\n")[-1] == LAST_PARAGRAPH
    assert cleaned.split("\n")[0].startswith("The song opens")
    assert pasted.author == "Jo Writer"


# The article's own endings and scraped pages' trailing blocks: test_furniture_endings.py


def test_a_title_with_its_sites_name_is_found_repeated_without_it():
    text = f"By Jo Writer\n\n## Why the Ferry Never Leaves\n\n{BODY}"
    found = detect_furniture(text, title="Why the ferry never leaves | Harbour Notes")
    assert [(item.line, item.rule) for item in found] == [(1, BYLINE), (3, REPEATED_TITLE)]
    # a title that is not "Title | Site" is compared whole
    assert detect_furniture(f"Why the ferry\n\n{BODY}", title="Why the ferry | and the tide | again") == []


@pytest.mark.parametrize(
    "first, body, site, title",
    [
        (SITE_TITLE, f"Why the Ferry Never Leaves\n{BODY}", "", "Why the ferry never leaves"),
        (SITE_TITLE, f"## Why the ferry never leaves\n\n{BODY}", "", "Why the ferry never leaves"),
        (SITE_TITLE, BODY, "Harbour Notes", "Why the ferry never leaves"),
        (SITE_TITLE, BODY, "harbour-notes", "Why the ferry never leaves"),
        (SITE_TITLE, BODY, "", SITE_TITLE),  # nothing says "Harbour Notes" is a site: kept
        (SITE_TITLE, BODY, "Tideline", SITE_TITLE),
        ("Rock | Paper | Scissors", f"Rock\n{BODY}", "", "Rock | Paper | Scissors"),
        (  # a subtitle, not a site's name
            "Why the ferry never leaves – and what the band never said about it",
            f"Why the ferry never leaves\n{BODY}",
            "",
            "Why the ferry never leaves – and what the band never said about it",
        ),
        (
            "Night Ferry – The Hollow Pines",
            f"Night Ferry – The Hollow Pines\n{BODY}",
            "",
            "Night Ferry – The Hollow Pines",
        ),
    ],
)
def test_a_pages_title_loses_its_sites_name_only_when_that_is_known(first, body, site, title):
    assert title_without_site(first, body, site) == title


def test_a_pasted_pages_title_is_suggested_without_its_sites_name():
    pasted = article_from_clipboard(None, f"{SITE_TITLE}\nWhy the ferry never leaves\n{BODY}\n")
    assert pasted.title == "Why the ferry never leaves"
    assert [item.line for item in pasted.furniture] == [1]  # the repeated title is still offered
    kept = article_from_clipboard(None, f"{SITE_TITLE}\n{BODY}\n")
    assert kept.title == SITE_TITLE


# ------------------------------------------------------------ final newlines


@pytest.mark.parametrize(
    "text, lines, stored",
    [
        ("a\nb\n", 2, "a\nb"),
        ("a\nb", 2, "a\nb"),
        ("a\nb\n\n", 3, "a\nb\n"),
        ("a\n", 1, "a"),
        ("", 0, ""),
    ],
)
def test_a_final_newline_ends_the_last_line(text, lines, stored):
    assert line_count(text) == lines
    assert lyrics_text(text) == stored
    assert LineIndex(stored).line_count == max(lines, 1)  # what the panes and the CLI number


@pytest.mark.parametrize("ending, lines", [("\n", 300), ("", 300), ("\n\n", 301), ("\r\n", 300)])
def test_a_file_of_300_lines_is_300_lines(tmp_path, ending, lines):
    path = tmp_path / "long.txt"
    path.write_bytes(("\n".join(f"line {n}" for n in range(1, 301)) + ending).encode())
    imported = read_import(path, kind="lyrics")
    assert LineIndex(imported.text).line_count == lines == imported.to_json()["line_count"]
    assert imported.text.split("\n")[299] == "line 300"


# ---------------------------------------------------------------- duplicates


def _song(title, lyrics):
    blank = {f.name: None for f in fields(Song) if f.default is MISSING and f.default_factory is MISSING}
    return Song(**{**blank, "id": "s1", "title": title, "artist": "", "lyrics": lyrics})


@pytest.mark.parametrize(
    "title, lyrics, found",
    [
        ("Night Ferry", "one\ntwo", True),
        ("night  ferry", "one\r\ntwo\n", True),  # case, spacing and the final newline aside
        ("Night Ferry", "one  \ntwo\n\n", True),
        ("Night Ferry (live)", "one\ntwo", False),
        ("Night Ferry", "one\ntwo\nthree", False),
        ("", "one\ntwo", False),
    ],
)
def test_a_duplicate_has_the_same_title_and_lyrics(title, lyrics, found):
    songs = [_song("Another", "one\ntwo"), _song("Night Ferry", "one\ntwo\n")]
    assert (find_duplicate(songs, title, lyrics) is songs[1]) is found
