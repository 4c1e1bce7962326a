"""Quotations of the lyrics found in an article: candidates, alignment, thresholds, repeats, misquotes."""

from __future__ import annotations

import pytest

from lyricpad.core import quotations
from lyricpad.core.markdown import render_article
from lyricpad.core.quotations import compare, detect_links, find_quotations

LYRICS = """[Verse 1]
The harbour lights are folding in
So light a lantern in the window
I'm goin' where the river's been
And every boat forgets its name

[Chorus]
Paper lanterns, paper lanterns
Burning down the summer road
Paper lanterns, paper lanterns
Carry home the heavy load

[Verse 2]
My mother sang it on the stair
C  G  Am  F
Don't you wait for me tonight
Oh, love you

[Chorus]
Paper lanterns, paper lanterns
Burning down the summer road
"""
TITLE = "Paper Lanterns"


def links(article: str, lyrics: str = LYRICS, **kwargs) -> dict[str, tuple[int, ...]]:
    kwargs.setdefault("title", TITLE)
    return {m.quotation.text: m.lines for m in detect_links(lyrics, render_article(article), **kwargs)}


def only(article: str, lyrics: str = LYRICS):
    found = detect_links(lyrics, render_article(article), title=TITLE)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    "article",
    [
        "She sings “so light a lantern in the window” softly.",
        'She sings "So light a lantern in the window" softly.',
        "She sings ‘So light a lantern in the window’ softly.",
        "She sings 'So light a lantern in the window' softly.",
        "Elle chante « So light a lantern in the window » doucement.",
        "Sie singt „So light a lantern in the window“ leise.",
        "> So light a lantern in the window",
        "*So light a lantern in the window*",
        "She sings “SO LIGHT — a lantern; in the WINDOW!” softly.",
    ],
)
def test_every_quote_style_links_the_line(article):
    assert list(links(article).values()) == [(3,)]


def test_the_span_is_the_text_inside_the_marks_in_rendered_code_points():
    article = "Intro *x*.\n\nShe sings “so light a lantern in the window,” softly."
    rendered = render_article(article)
    match = only(article)
    assert rendered.text[match.quotation.start : match.quotation.end] == "so light a lantern in the window"
    assert match.quotation.kind == "quoted"


@pytest.mark.parametrize(
    ("quote", "lyric_line"),
    [
        ("I’m going where the river’s been", 4),  # apostrophe style and a sung -in'
        ("I'm goin’ where the riverʼs been", 4),  # three apostrophe styles
        ("I am goin' where the river's been", 4),  # a contraction spelled out
        ("don’t you wait for me tonight", 16),
        ("Do not you wait for me tonight", 16),
        ("the harbour lights are folding-in", 2),  # a dash for a space
    ],
)
def test_apostrophes_contractions_and_dashes_are_not_differences(quote, lyric_line):
    match = only(f"He wrote “{quote}”.")
    assert match.lines == (lyric_line,)
    assert not match.misquoted, match.differences


@pytest.mark.parametrize(
    "quote",
    [
        "Don't you wait [...] tonight",
        "Don't you wait […] tonight",
        "Don't you wait … tonight",
        "Don't you wait ... tonight",
    ],
)
def test_cut_words_are_not_differences(quote):
    match = only(f"She ends with “{quote}”.")
    assert match.lines == (16,)
    assert not match.misquoted


def test_cut_words_without_a_mark_are_a_misquote():
    match = only("She ends with “Don't you wait tonight”.")
    assert match.lines == (16,)
    assert match.misquoted
    assert [d.to_json() for d in match.differences] == [{"quote": "", "lyrics": "for me"}]


def test_a_changed_word_is_linked_and_marked_misquoted_with_the_difference():
    match = only("The “every boat forgets his name” line.")
    assert match.lines == (5,)
    assert match.misquoted
    assert [d.to_json() for d in match.differences] == [{"quote": "his", "lyrics": "its"}]
    assert 0 < match.score < 1


@pytest.mark.parametrize(
    "article",
    [
        "“The harbour lights are folding in / So light a lantern in the window”",
        "“The harbour lights are folding in, so light a lantern in the window”",
        "> The harbour lights are folding in so light a lantern in the window",
    ],
)
def test_two_lines_run_together_link_both(article):
    assert list(links(article).values()) == [(2, 3)]


def test_a_longer_run_grows_line_by_line_up_to_max_run_lines(monkeypatch):
    three = "“The harbour lights are folding in / So light a lantern in the window / I'm goin' where the river's been”"
    assert list(links(three).values()) == [(2, 3, 4)]
    verse = "> The harbour lights are folding in\n> So light a lantern in the window\n> I'm goin' where the river's been\n> And every boat forgets its name"
    match = only(verse)  # one paragraph: soft breaks run the four lines together
    assert (match.lines, match.score, match.misquoted) == ((2, 3, 4, 5), 1.0, False)
    monkeypatch.setattr(quotations, "MAX_RUN_LINES", 3)
    assert links(verse) == {} or only(verse).score < 1.0


def test_a_repeated_line_links_every_occurrence():
    match = only("The hook, “burning down the summer road”, returns.")
    assert match.places == ((9, 9), (21, 21))
    assert match.lines == (9, 21)


def test_a_fragment_of_a_line_links_the_line():
    assert links("The image of “a lantern in the window” is central.") == {"a lantern in the window": (3,)}


@pytest.mark.parametrize(
    "article",
    [
        # A person's sentence with a few of the song's words.
        "The producer said, “We wanted the harbour lights to feel like they were folding in on you.”",
        "“My mother never sang on the stair, that was my aunt,” she laughed.",
        "The critic: “a lantern of a record, burning with summer light, but the road is long.”",
        # The title, in quotation marks: a mention of the song, not a quotation of its chorus.
        "Their single “Paper Lanterns” was a hit.",
        "Their single 'paper lanterns' was a hit.",
        # Short quotations: scare quotes and common phrases.
        "Critics called it 'sad' and “home”.",
        "The “oh yeah” at the end and the “I love you”.",
        # Code is not prose.
        '```\nprint("So light a lantern in the window")\n```',
        # Apostrophes are not quotation marks.
        "The singers' voices and rock 'n' roll's best lantern in the window.",
    ],
)
def test_what_is_not_a_quotation_of_the_lyrics(article):
    assert links(article) == {}


def test_a_person_quoting_the_song_inside_their_quote_links_only_the_inner_quotation():
    found = links("“When I wrote ‘so light a lantern in the window’ I was sixteen,” she said.")
    assert found == {"so light a lantern in the window": (3,)}


@pytest.mark.parametrize(
    ("article", "expected"),
    [
        ("A “down the summer road” of a song.", {"down the summer road": (9, 21)}),
        ("A “the summer road” of a song.", {"the summer road": (9, 21)}),  # three words, exact
        ("A “the summer rood” of a song.", {}),  # short and not exact
        ("A “summer road” of a song.", {}),  # two words of a line: MIN_FRAGMENT_WORDS
        ("The word “lantern”.", {}),  # one word: only when it is a whole line
    ],
)
def test_short_quotations_link_only_when_exact_and_distinctive(article, expected):
    assert links(article) == expected


def test_a_one_word_line_quoted_whole_links():
    lyrics = "Hallelujah\nThe lantern burns\nHallelujah"
    assert links("She sings “Hallelujah!”.", lyrics, title="Burns") == {"Hallelujah!": (1, 3)}


def test_names_are_not_quotations():
    lyrics = "Midnight harbour band\nplays on and on"
    assert links("By “Midnight Harbour Band”.", lyrics, title="x", names=("Midnight Harbour Band",)) == {}


def test_section_headers_and_chord_lines_are_not_lyrics():
    assert links("“Verse 2”, “C G Am F”, “chorus”") == {}


@pytest.mark.parametrize(
    "article",
    [
        "> My mother sang it on the stair\n>\n> — line 14",
        "> My mother sang it on the stair  \n> — line 14",
        "> My mother sang it on the stair — line 14",
        "> My mother sang it on the stair (line 14)",
    ],
)
def test_a_line_reference_caption_is_not_part_of_the_quotation(article):
    match = only(article)
    assert match.quotation.text == "My mother sang it on the stair"
    assert match.lines == (14,)


def test_a_caption_links_a_short_line_that_detection_alone_would_not():
    article = "> Oh, love you  \n> — line 17"
    assert links(article) == {"Oh, love you": (17,)}
    assert links("> Oh, love you") == {}  # three common words


def test_a_caption_that_names_the_wrong_lines_is_ignored():
    assert links("> My mother sang it on the stair  \n> — line 3") == {
        "My mother sang it on the stair": (14,)
    }


def test_thresholds_decide(monkeypatch):
    article = "The “every boat forgets his name” line."
    assert links(article)  # coverage 0.8, quality 0.8
    monkeypatch.setattr(quotations, "MIN_COVERAGE", 0.85)
    assert links(article) == {}
    monkeypatch.setattr(quotations, "MIN_COVERAGE", 0.75)
    monkeypatch.setattr(quotations, "MIN_QUALITY", 0.85)
    assert links(article) == {}


def test_no_lyrics_no_links():
    assert links("“So light a lantern in the window”", lyrics="") == {}
    assert links("“So light a lantern in the window”", lyrics="[Chorus]\n\n") == {}


def test_detection_is_deterministic_and_in_text_order():
    article = "“Burning down the summer road” then “so light a lantern in the window”."
    first = detect_links(LYRICS, render_article(article), title=TITLE)
    assert [m.quotation.text for m in first] == [
        "Burning down the summer road",
        "so light a lantern in the window",
    ]
    assert detect_links(LYRICS, render_article(article), title=TITLE) == first


def test_find_quotations_kinds():
    rendered = render_article("> a block line\n\n*an italic line*\n\nsaid “a quote” and *not whole*")
    assert [(q.kind, q.text) for q in find_quotations(rendered)] == [
        ("blockquote", "a block line"),
        ("italic", "an italic line"),
        ("quoted", "a quote"),
        ("emphasis", "not whole"),
    ]


def test_compare_describes_a_hand_made_link():
    assert compare("so light a lantern in the window", LYRICS, 3, 3) == (1.0, False, ())
    score, misquoted, differences = compare("so light a candle in the window", LYRICS, 3, 3)
    assert misquoted and 0 < score < 1
    assert [d.to_json() for d in differences] == [{"quote": "candle", "lyrics": "lantern"}]
    assert compare("nothing alike at all", LYRICS, 3, 3)[0] == 0.0


def test_italics_inside_a_sentence_link_only_when_exact():
    assert links("She sings *so light a lantern in the window* twice.") == {
        "so light a lantern in the window": (3,)
    }
    assert links("She sings *so light a candle in the window* twice.") == {}  # a saying, a title...
    assert links("“so light a candle in the window”") == {"so light a candle in the window": (3,)}


def test_the_alignment_takes_the_right_copy_of_a_repeated_word():
    lyrics = "Saint Jude for lost causes and Saint Clare for the TV screens"
    match = only("The line “Saint Clare for the broken screens” is funny.", lyrics)
    assert match.misquoted
    assert [d.to_json() for d in match.differences] == [{"quote": "broken", "lyrics": "TV"}]


def test_a_cut_is_placed_where_the_writer_marked_it():
    lyrics = "I keep my saints in a matchbook in the pocket of my jeans"
    match = only("“I keep my saints ... in the pocket of my jeans”", lyrics)
    assert not match.misquoted, match.differences


@pytest.mark.parametrize(
    ("article", "quote"),
    [
        ("He calls it 'Rock 'n' roll is a borrowed coat' in the thread.", "Rock 'n' roll is a borrowed coat"),
        ("And 'Singers' ghosts sewn in the lining' too.", "Singers' ghosts sewn in the lining"),
        ("And ‘Singers’ ghosts sewn in the lining’ too.", "Singers’ ghosts sewn in the lining"),
    ],
)
def test_single_quotes_around_words_with_apostrophes(article, quote):
    lyrics = "Rock 'n' roll is a borrowed coat\nSingers' ghosts sewn in the lining"
    assert list(links(article, lyrics, title="Coat")) == [quote]


def test_single_quotation_marks_are_paired_a_bounded_number_of_ways():
    rendered = render_article("'a' " * 500)
    # each opening mark with its nearest closing one, and MAX_LONGER_PAIRS more in all
    assert len(find_quotations(rendered)) == 500 + quotations.MAX_LONGER_PAIRS


RAIN = "Rain came down on the roof\nand the band played on and on\nRain came down"


@pytest.mark.parametrize(
    "article",
    [
        '"Rain came down," she recalled, "and we stood there laughing."',
        "“Rain came down,” said Mara Quill.",
        "She told me: “Rain came down.”",
        "Mara Quill laughs, “Rain came down”, and moves on.",
    ],
)
def test_a_short_quotation_someone_speaks_is_not_a_quotation_of_the_song(article):
    assert links(article, RAIN, title="Roof") == {}


@pytest.mark.parametrize(
    "article",
    [
        "She sings “Rain came down”.",
        "“Rain came down” recalls old songs.",
        "“Rain came down on the roof,” she said.",
    ],
)
def test_singing_or_a_longer_quotation_is_no_sign_of_speech(article):
    assert links(article, RAIN, title="Roof")


def test_a_whole_verse_in_one_block_quote_links_every_line():
    lyrics = "\n".join(
        f"Line {word} of the long verse"
        for word in "one two three four five six seven eight nine ten eleven twelve".split()
    )
    verse = "> " + "\n> ".join(lyrics.split("\n"))  # soft breaks: one paragraph of twelve lines
    match = only(verse, lyrics)
    assert match.places == ((1, 12),)
    assert not match.misquoted


def test_a_quotation_longer_than_max_quote_words_is_not_aligned(monkeypatch):
    article = "“So light a lantern in the window”"
    assert links(article)
    monkeypatch.setattr(quotations, "MAX_QUOTE_WORDS", 6)
    assert links(article) == {}


def test_compare_describes_any_hand_link_it_is_given():
    score, misquoted, differences = compare("the rain takes everything away", RAIN, 1, 1)
    assert misquoted and 0 < score < 1
    score, misquoted, differences = compare("nothing in common", RAIN, 1, 1)
    assert (score, misquoted) == (0.0, True)
    assert [d.to_json() for d in differences] == [
        {"quote": "nothing in common", "lyrics": "Rain came down on the roof"}
    ]


def test_equally_good_overlapping_windows_are_one_place(monkeypatch):
    monkeypatch.setattr(quotations, "MAX_RUN_LINES", 3)  # the four lines below fit no window whole
    verse = "> The harbour lights are folding in\n> So light a lantern in the window\n> I'm goin' where the river's been\n> And every boat forgets its name"
    assert only(verse).places == ((2, 5),)  # not ((2, 4), (3, 5)): one quotation, quoted once


@pytest.mark.parametrize(
    ("quote", "line", "expected"),
    [
        (
            "the radio keeps a station no one knows",
            "the radio keeps a station nobody knows",
            [("no one", "nobody")],
        ),
        (
            "strike two for the ones we lose",
            "strike one for the ones we'll lose",
            [("two", "one"), ("", "we'll")],
        ),
    ],
)
def test_differences_are_whole_stretches_of_words_as_written(quote, line, expected):
    _, _, differences = compare(quote, line, 1, 1)
    assert [(d.quote, d.lyrics) for d in differences] == expected
