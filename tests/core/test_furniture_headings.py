"""A lone "Related posts" / "More from …" heading above the block of related links that ends a scraped page."""

import pytest

from lyricpad.core.furniture import RELATED_HEADING, RELATED_LINK, detect_furniture, remove_furniture

BODY = "The song opens on a cold morning.\n\nThe last chorus never resolves, and the ferry never leaves.\n\n"
LINKS = "The quiet art of the unresolved chord | Harbour Notes\n\nTen songs about ferries you should...\n"


@pytest.mark.parametrize(
    "heading", ["Related", "Related posts", "## More from Harbour Notes", "Read next:", "You may also like"]
)
def test_a_heading_right_above_the_related_links_goes_with_them(heading):
    text = BODY + heading + "\n\n" + LINKS
    found = {item.line: item.rule for item in detect_furniture(text, "Why the ferry never leaves")}
    assert found == {5: RELATED_HEADING, 7: RELATED_LINK, 9: RELATED_LINK}
    cleaned = remove_furniture(text, detect_furniture(text, "Why the ferry never leaves"))
    assert cleaned == BODY.rstrip("\n") + "\n"  # the last paragraph of the article stays


def test_a_heading_with_one_link_under_it_is_a_block_too():
    text = BODY + "Read next\n\nWhy ferries sing | Harbour Notes\n"
    assert [item.rule for item in detect_furniture(text, "T")] == [RELATED_HEADING, RELATED_LINK]


def test_a_heading_of_the_articles_own_is_never_taken():
    # A section heading of the body, then its paragraph: no related links under it.
    text = (
        "Intro paragraph here.\n\n## Related songs on the album\n\nThe ferry comes back in the last track.\n"
    )
    assert detect_furniture(text, "T") == []
    # "Related" as the article's last line, with no links under it, stays.
    assert detect_furniture(BODY + "Related\n", "T") == []
    # A heading word inside the last paragraph is prose, not a heading.
    text = BODY + "You may also like the B-side, which is slower.\n\n" + LINKS
    found = detect_furniture(text, "T")
    assert [item.rule for item in found] == [RELATED_LINK, RELATED_LINK]
