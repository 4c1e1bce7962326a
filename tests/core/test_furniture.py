"""Page furniture: each rule finds its lines, and no paragraph of a real-looking article is ever flagged."""

from pathlib import Path

import pytest

from lyricpad.core.furniture import (
    BUTTON,
    BYLINE,
    READING_TIME,
    RELATED_HEADING,
    RELATED_LINK,
    REPEATED_TITLE,
    VIEW_COUNT,
    Furniture,
    detect_furniture,
    remove_furniture,
)

DATA = Path(__file__).parent.parent / "data" / "import"
BODY = (
    "The song opens on a cold morning. The kettle sings before anyone speaks, and the narrator counts "
    "the lanterns drifting past the harbour wall."
)


@pytest.mark.parametrize(
    "line, rule",
    [
        ("Share", BUTTON),
        ("Close", BUTTON),
        ("Share | Tweet | Email", BUTTON),
        ("Copy link · Facebook · X", BUTTON),
        ("[Share](https://example.org/share)", BUTTON),
        ("5 min read", READING_TIME),
        ("Mar 5, 2024 · 12 min read", READING_TIME),
        ("Reading time: 4 minutes", READING_TIME),
        ("By Wren Alder · 12,480 views", VIEW_COUNT),
        ("1.2K views", VIEW_COUNT),
        ("By Wren Alder", BYLINE),
        ("By Wren Alder and Ivo Marsh", BYLINE),
        ("Written by Zoë Marchand · 5 March 2024", BYLINE),
    ],
)
def test_each_rule_finds_its_line(line, rule):
    found = detect_furniture(f"{BODY}\n\n{line}\n\n{BODY}", title="Some title")
    assert [(item.line, item.text, item.rule) for item in found] == [(3, line, rule)]
    assert found[0].reason


@pytest.mark.parametrize(
    "line",
    [
        "Close.",
        "Share the load, she sings, and the chorus does.",
        "By the river the ferry waits",
        "by wren alder",
        "The video reached a million views.",
        "It takes 5 min read aloud, she says. Then it ends.",
        BODY,
        "The chorus answers the question nobody asked.",
        "[Chorus: Wren Alder]",
        "Related",
    ],
)
def test_body_lines_are_not_furniture(line):
    assert detect_furniture(f"{BODY}\n\n{line}\n\n{BODY}", title="Some title") == []


def test_the_title_repeated_is_flagged_wherever_it_is():
    text = f"The Long Wait\n{BODY}\n## The long wait\n{BODY}"
    found = detect_furniture(text, title="The Long Wait")
    assert [(item.line, item.rule) for item in found] == [(1, REPEATED_TITLE), (3, REPEATED_TITLE)]


def test_without_a_title_the_first_line_is_the_title_and_only_its_repeats_are_flagged():
    text = f"The Long Wait\n{BODY}\nThe Long Wait\n{BODY}"
    assert [(item.line, item.rule) for item in detect_furniture(text)] == [(3, REPEATED_TITLE)]


def test_trailing_related_list_needs_its_heading():
    related = "Ten songs about rivers\nThe quiet art of the chord\nHow a kettle became a drum"
    found = detect_furniture(f"{BODY}\n\nMore from Harbour Notes\n{related}\n", title="T")
    assert [(item.line, item.rule) for item in found] == [
        (3, RELATED_HEADING), (4, RELATED_LINK), (5, RELATED_LINK), (6, RELATED_LINK)
    ]  # fmt: skip
    assert detect_furniture(f"{BODY}\n\n{related}\n", title="T") == []
    # a list in the middle of the article is not a trailing list
    assert detect_furniture(f"{BODY}\n\nRelated\n{related}\n\n{BODY}", title="T") == []


def test_pasted_article_fixture():
    text = (DATA / "pasted.txt").read_text(encoding="utf-8")
    found = detect_furniture(text)
    lines = text.split("\n")
    assert {item.line for item in found} == {2, 3, 4, 5, 8, 10, 11, 12, 13, 14}
    for item in found:
        assert lines[item.line - 1] == item.text
    cleaned = remove_furniture(text, found)
    for paragraph in (line for line in lines if len(line.split()) > 12):
        assert paragraph in cleaned.split("\n")
    assert "The chorus answers the question nobody asked." in cleaned
    assert "Share" not in cleaned and "views" not in cleaned and "min read" not in cleaned
    assert cleaned.startswith("Why the ferry never leaves: a close reading\nThe song opens")


def test_real_looking_article_paragraphs_are_never_flagged():
    article = (DATA / "article_long.md").read_text(encoding="utf-8")
    assert detect_furniture(article, title="Lanterns on the Water, line by line") == []


def test_remove_furniture_squeezes_blank_lines_and_skips_changed_lines():
    text = "Share\n\nFirst paragraph.\n\n5 min read\n\nSecond paragraph.\n\nClose\n"
    found = detect_furniture(text, title="T")
    assert remove_furniture(text, found) == "First paragraph.\n\nSecond paragraph.\n"
    stale = [Furniture(3, "not what line 3 says", BUTTON)]
    assert remove_furniture(text, stale) == text
    assert remove_furniture(text, [Furniture(99, "Share", BUTTON)]) == text
