"""How an article ends: its own last lines (quotes, citations, a list of songs) stay; a scraped page's links go.

Both lists are one parametrized test, so a rule too strict and a rule too loose both go red.
"""

import pytest

from lyricpad.core.furniture import (
    BUTTON,
    RELATED_HEADING,
    RELATED_LINK,
    SOCIAL_PROFILE,
    detect_furniture,
    remove_furniture,
)

BODY = (
    "The song opens on a ferry that never leaves. The singer waits on the wall, and the chorus "
    "waits with him.\n\nIt ends, fittingly, mid-thought:\n\n"
)
TITLE = "Why the ferry never leaves"
SITE_TITLE = "Why the ferry never leaves | Harbour Notes"

ARTICLE_ENDINGS = [
    # verses quoted with "...": plain, as a blockquote, in italics, in quotation marks
    "So light a lantern, carry it home...\nAnd leave the door ajar...",
    "> So light a lantern...\n> and leave the door ajar...",
    "*So light a lantern...*\n*carry what we never said...*",
    "_So light a lantern..._\n\n_and leave the door ajar…_",
    "“So light a lantern, carry it home...”\n“And leave the door ajar...”",
    "> Lanterns on the water | carry what we never said\n> Harbour lights | and the ferry never leaves",
    # songs cited as "Song – Artist", even by the same band
    "Lanterns on the water – The Hollow Pines\nCarry what we never said – The Hollow Pines",
    "Night ferry - Wren Alder\nHarbour lights - Ivo Marsh",
    # a last paragraph naming a platform: one line of it is a sentence, not a profile
    "I still play it most nights on Spotify",
    "Find the live take on YouTube",
    "The band posts the demos on Instagram",
    "Wren Alder shared the demo on X",
    "Every verse of it went round on TikTok...",
    # the list of songs that ends a listicle
    "1. Lanterns on the water – The Hollow Pines\n2. Night ferry – Wren Alder\n3. Harbour lights – Ivo Marsh",
    "- Lanterns on the water (The Hollow Pines)\n- Night ferry (Wren Alder)\n- Harbour lights (Ivo Marsh)",
    # one line alone that might be a link is the article's
    "A short history of harbour ballads – Tideline Magazine",
    "How the tide got into the chorus...\nTen songs about ferries…",
    "It went round on TikTok.",
    "And still the ferry waits...\nSo do we.",
    "Lanterns on the Water – The Hollow Pines\nThat is the whole of it, and it is enough.",
    "It ends where it started, on the wall, with the lanterns going out one by one… and nobody counting them.",
]

SCRAPED_ENDINGS = [
    # a lone "close" goes; the songs cited above it stay
    (
        "Lanterns on the water – The Hollow Pines\nCarry what we never said – The Hollow Pines\nclose",
        TITLE,
        [BUTTON],
    ),
    ("Jo Writer (@jowriter) • Instagram photos and videos", TITLE, [SOCIAL_PROFILE]),
    ("Harbour Notes (@harbournotes) / X", TITLE, [SOCIAL_PROFILE]),
    ("Harbour Notes | Facebook\nclose", TITLE, [SOCIAL_PROFILE, BUTTON]),
    ("Harbour Notes - YouTube", TITLE, [SOCIAL_PROFILE]),
    (
        "Harbour Notes - YouTube\nThe quiet art of the chord | Harbour Notes",
        TITLE,
        [SOCIAL_PROFILE, RELATED_LINK],
    ),
    ("The quiet art | Harbour Notes\nA short history – Tideline", TITLE, [RELATED_LINK, RELATED_LINK]),
    (
        "How the tide got into the chorus...\n\nThe quiet art of the unresolved chord | Harbour Notes\n\nclose",
        TITLE,
        [RELATED_LINK, RELATED_LINK, BUTTON],
    ),
    # the page's own site after a title names it a link, with a dash too
    ("A short history of harbour ballads – Harbour Notes", SITE_TITLE, [RELATED_LINK]),
    (
        "How the tide got into the chorus...\nTen songs about ferries… – Harbour Notes",
        SITE_TITLE,
        [RELATED_LINK, RELATED_LINK],
    ),
    # a related heading above: cut titles and dashes are links
    (
        "Read next\nHow the tide got into the chorus...\nTen songs about ferries…",
        TITLE,
        [RELATED_HEADING, RELATED_LINK, RELATED_LINK],
    ),
    (
        "More from Harbour Notes\n\nLanterns on the water – Wren Alder\nNight ferry – Ivo Marsh",
        TITLE,
        [RELATED_HEADING, RELATED_LINK, RELATED_LINK],
    ),
]


@pytest.mark.parametrize(
    "ending, title, rules",
    [pytest.param(ending, TITLE, [], id=f"article-{n}") for n, ending in enumerate(ARTICLE_ENDINGS)]
    + [pytest.param(*case, id=f"scraped-{n}") for n, case in enumerate(SCRAPED_ENDINGS)],
)
def test_an_articles_own_ending_stays_and_a_scraped_pages_links_go(ending, title, rules):
    text = BODY + ending + "\n"
    found = detect_furniture(text, title=title)
    assert [item.rule for item in found] == rules
    first_ending_line = BODY.count("\n") + 1
    assert all(item.line >= first_ending_line for item in found)  # the body is never touched
    cleaned = remove_furniture(text, found)
    assert cleaned.startswith(BODY.rstrip("\n"))
    if not rules:
        assert cleaned == text  # what --clean would do: nothing
