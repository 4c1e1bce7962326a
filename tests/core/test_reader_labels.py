"""Places written for readers: the section from the lyrics' headers, then the line."""

import pytest

from lyricpad.core.export.labels import place, places, sections

LYRICS = """Before any header
[Verse 1]
first line
second line

[Chorus]
hook line
🎵 [Bridge: Both]
bridge line
[Pre-Chorus 2]
pre line"""


def test_each_line_knows_its_section():
    assert sections(LYRICS) == [
        "",
        "verse 1",
        "verse 1",
        "verse 1",
        "verse 1",
        "chorus",
        "chorus",
        "bridge",
        "bridge",
        "pre-chorus 2",
        "pre-chorus 2",
    ]


@pytest.mark.parametrize(
    ("first", "last", "expected"),
    [
        (1, 1, "line 1"),
        (3, 3, "verse 1, line 3"),
        (3, 4, "verse 1, lines 3–4"),
        (7, 7, "chorus, line 7"),
        (99, 99, "line 99"),  # past the end: the number alone
    ],
)
def test_place(first, last, expected):
    assert place(sections(LYRICS), first, last) == expected


def test_places_group_lines_by_section():
    found = places(sections(LYRICS), [(3, 3), (4, 4), (7, 7), (9, 9), (1, 1)])
    assert found == "verse 1, lines 3 and 4; chorus, line 7; bridge, line 9; line 1"
    assert places(sections(LYRICS), [(3, 4)]) == "verse 1, lines 3–4"


def test_a_bracket_inside_a_line_is_not_a_header():
    assert sections("[Verse]\nshe said [laughs] and went\nnext") == ["verse", "verse", "verse"]


def test_a_header_may_share_its_line_with_lyrics():
    assert sections("[Chorus] hook line\nnext") == ["chorus", "chorus"]
