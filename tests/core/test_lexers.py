"""The lyrics lexer and line-at-a-time lexing: token spans, the round trip, state across lines."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pygments.lexers.markup import MarkdownLexer
from pygments.token import Error, String, Text, Whitespace

from lyricpad.core.demo import DEMO_LYRICS
from lyricpad.core.lexers import (
    BACKING_VOCALS,
    CHORD,
    MARK,
    ROOT_STACK,
    SECTION,
    SECTION_NAME,
    LyricsLexer,
    MarkdownSourceLexer,
    can_lex_lines,
    lex_line,
    lyrics_token_types,
)

LEXER = LyricsLexer()


def spans(line: str) -> list[tuple[object, str]]:
    """The line's tokens, neighbours of the same type merged: [(token type, text), ...]."""
    merged: list[tuple[object, str]] = []
    for _, token, value in LEXER.get_tokens_unprocessed(line):
        if merged and merged[-1][0] is token:
            merged[-1] = (token, merged[-1][1] + value)
        else:
            merged.append((token, value))
    return merged


def only_chords(line: str) -> list[str]:
    return [value for token, value in spans(line) if token is CHORD]


@pytest.mark.parametrize(
    "line,expected",
    [
        ("[Verse 1]", [(SECTION, "[Verse 1]")]),
        ("[Chorus]", [(SECTION, "[Chorus]")]),
        ("[Pre-Chorus 2]", [(SECTION, "[Pre-Chorus 2]")]),
        ("[Bridge: Both]", [(SECTION, "[Bridge: "), (SECTION_NAME, "Both"), (SECTION, "]")]),
        (
            "[Chorus: Name & Other]",
            [(SECTION, "[Chorus: "), (SECTION_NAME, "Name & Other"), (SECTION, "]")],
        ),
        ("[Bridge:]", [(SECTION, "[Bridge:]")]),  # no name: all header
        ("  [Outro]", [(Text, "  "), (SECTION, "[Outro]")]),
        ("🎵 [Chorus]", [(Text, "🎵 "), (SECTION, "[Chorus]")]),
        ("[Chorus] (x2)", [(SECTION, "[Chorus]"), (Text, " "), (MARK, "(x2)")]),
        ("[Refrain] hold on", [(SECTION, "[Refrain]"), (Text, " hold on")]),
        # Not headers: brackets inside a line, empty brackets, words before the bracket.
        ("she said [laughs]", [(Text, "she said [laughs]")]),
        ("[]", [(Text, "[]")]),
        ("[unclosed", [(Text, "[unclosed")]),
        ("Chorus [x]", [(Text, "Chorus [x]")]),
    ],
)
def test_section_headers(line, expected):
    assert spans(line) == expected


@pytest.mark.parametrize(
    "line,chords",
    [
        ("G                D               Em", ["G", "D", "Em"]),
        ("C Am F#m7 Bb/D Gsus4 Cmaj7 D/F#", ["C", "Am", "F#m7", "Bb/D", "Gsus4", "Cmaj7", "D/F#"]),
        ("N.C.", ["N.C."]),
        ("  Am", ["Am"]),  # a single chord other than "A" is a chord line
        ("A  D  E", ["A", "D", "E"]),
        ("| G | D/F# | Em7 | Cadd9 ||", ["G", "D/F#", "Em7", "Cadd9"]),
        ("|G|D|Em|C|", ["G", "D", "Em", "C"]),
        ("||: Am | F :||", ["Am", "F"]),
        ("G / / / | D / / /", ["G", "D"]),
        (
            "C6/9 Am7b5 F#m7(b5) Ebdim7 Caug C+ Bbm(maj7)",
            ["C6/9", "Am7b5", "F#m7(b5)", "Ebdim7", "Caug", "C+", "Bbm(maj7)"],
        ),
        ("G D Em C (x2)", ["G", "D", "Em", "C"]),
        ("C♯m B♭", ["C♯m", "B♭"]),
    ],
)
def test_chord_lines(line, chords):
    assert only_chords(line) == chords
    # Everything else on a chord line is whitespace or a mark, never lyrics.
    assert {token for token, _ in spans(line)} <= {CHORD, MARK, Whitespace}


@pytest.mark.parametrize(
    "line",
    [
        "A man walks into the harbour",
        "Am I wrong",
        "A",  # alone on a line, "A" is read as the word: see _CHORD_LINE
        "  A  ",
        "Em, Am",  # punctuation makes it a sentence
        "CE",  # chords need a space or a bar between them
        "G major",
        "Be",
        "x2",  # a repeat count alone holds no chord
        "| |",
        "a d e",  # roots are capitals
        "Am I wrong (G)",
    ],
)
def test_lyric_lines_that_look_like_chords_are_not_chord_lines(line):
    assert only_chords(line) == []
    assert CHORD not in {token for token, _ in spans(line)}


@pytest.mark.parametrize(
    "line,expected",
    [
        ("(carry what we never said)", [(BACKING_VOCALS, "(carry what we never said)")]),
        (
            "let it go (let it go) and stay",
            [(Text, "let it go "), (BACKING_VOCALS, "(let it go)"), (Text, " and stay")],
        ),
        ("(oh (yeah) oh)", [(BACKING_VOCALS, "(oh (yeah) oh)")]),
        ("(a (b (c)))", [(BACKING_VOCALS, "(a (b (c)))")]),
        ("(one) and (two)", [(BACKING_VOCALS, "(one)"), (Text, " and "), (BACKING_VOCALS, "(two)")]),
        # Unbalanced: an unclosed "(" and a stray ")" stay text; a closed span inside still counts.
        ("(never closed", [(Text, "(never closed")]),
        ("smile :)", [(Text, "smile :)")]),
        ("(a (b) c", [(Text, "(a "), (BACKING_VOCALS, "(b)"), (Text, " c")]),
        ("(done) now)", [(BACKING_VOCALS, "(done)"), (Text, " now)")]),
        ("hold on (x2)", [(Text, "hold on "), (MARK, "(x2)")]),
        ("(Lanterns, lanterns on the water)", [(BACKING_VOCALS, "(Lanterns, lanterns on the water)")]),
        ("()", [(BACKING_VOCALS, "()")]),
    ],
)
def test_backing_vocals(line, expected):
    assert spans(line) == expected


@pytest.mark.parametrize(
    "line,expected",
    [
        ("", []),
        ("the gulls have gone to count the boats", [(Text, "the gulls have gone to count the boats")]),
        ("   ", [(Text, "   ")]),
        ("Ça ira, naïve café — 心 🌊", [(Text, "Ça ira, naïve café — 心 🌊")]),
        ("🌊 (ooh 🌊) 🌊", [(Text, "🌊 "), (BACKING_VOCALS, "(ooh 🌊)"), (Text, " 🌊")]),
    ],
)
def test_plain_lines_and_unicode(line, expected):
    assert spans(line) == expected


def test_every_line_of_the_demo_song():
    kinds = {}
    for line in DEMO_LYRICS.split("\n"):
        kinds[line] = {token for token, _ in spans(line)} - {Whitespace}
    assert kinds["[Chorus]"] == {SECTION}
    assert kinds["[Bridge: Both]"] == {SECTION, SECTION_NAME}
    assert kinds["G                D               Em"] == {CHORD}
    assert kinds["(carry what we never said)"] == {BACKING_VOCALS}
    assert kinds["the gulls have gone to count the silent boats."] == {Text}
    assert kinds[""] == set()


def test_lines_are_independent():
    """Each line ends in the root state, so a highlighter may lex any line on its own."""
    text = DEMO_LYRICS + "\n| Am | F |\n(open\nlast"
    stack = ROOT_STACK
    for line in text.split("\n"):
        tokens, stack = lex_line(LEXER, line, stack)
        assert stack == ROOT_STACK
        assert tokens == [t for t in LEXER.get_tokens_unprocessed(line) if t[2]]


@pytest.mark.parametrize(
    "text",
    [
        DEMO_LYRICS,
        "",
        "\n\n",
        "\n[Chorus]\n\nG D\n",
        "no newline at the end",
        "(a\nb)\n[x\n]\n|\n",
        "  \t G\tD  \n",
        "🎸🎸 [Verse 1]\n(ooh 🌊)",
    ],
)
def test_tokens_join_back_into_the_text(text):
    assert "".join(value for _, _, value in LEXER.get_tokens_unprocessed(text)) == text
    assert "".join(value for _, value in LEXER.get_tokens(text)) == text


@given(st.text(alphabet=st.sampled_from(list("ABCDEFGmb#/| \t\n()[]:.xN7a🎵é"))))
def test_tokens_join_back_into_any_text(text):
    tokens = list(LEXER.get_tokens_unprocessed(text))
    assert "".join(value for _, _, value in tokens) == text
    assert Error not in {token for _, token, _ in tokens}
    assert {token for _, token, _ in tokens} <= set(lyrics_token_types())


def test_token_types_lists_what_the_demo_uses():
    used = {token for _, token, _ in LEXER.get_tokens_unprocessed(DEMO_LYRICS)}
    assert used <= set(lyrics_token_types())
    assert {SECTION, SECTION_NAME, CHORD, BACKING_VOCALS, Text} <= used


def test_a_hundred_thousand_lines_lex():
    # Speed is measured in benchmarks/; this only shows a long text goes through whole.
    lines = (DEMO_LYRICS + "\n| G | D/F# | Em7 |\n(ooh (aah)\n").split("\n")
    text = "\n".join(lines[i % len(lines)] for i in range(100_000))
    total = sum(len(value) for _, _, value in LEXER.get_tokens_unprocessed(text))
    assert total == len(text)


def test_the_lexer_registers_nothing():
    from pygments.lexers import find_lexer_class_by_name
    from pygments.util import ClassNotFound

    with pytest.raises(ClassNotFound):
        find_lexer_class_by_name("lyrics")
    assert LyricsLexer.aliases == ["lyrics"]


# --------------------------------------------------------------- Markdown, line by line

FENCED = """Before *the* fence.

```python
x = "**not bold**"
```

After **bold**.
~~~
code
~~~
# Heading"""


def lex_lines(lexer, text):
    stack = ROOT_STACK
    for line in text.split("\n"):
        tokens, stack = lex_line(lexer, line, stack)
        yield line, tokens, stack


def test_markdown_fences_carry_their_state_from_line_to_line():
    lines = {line: (tokens, stack) for line, tokens, stack in lex_lines(MarkdownSourceLexer(), FENCED)}
    inside, stack = lines['x = "**not bold**"']
    assert inside == [(0, String.Backtick, 'x = "**not bold**"')]
    assert lines["```python"][1] == ("root", "fenced-backticks")
    assert lines["```"][1] == ROOT_STACK
    after = {token for _, token, _ in lines["After **bold**."][0]}
    assert String.Backtick not in after
    assert lines["code"][0] == [(0, String.Backtick, "code")]
    assert lines["~~~"][1] == ROOT_STACK  # the second ~~~ closed the tilde fence


def test_markdown_source_lexer_still_lexes_whole_texts():
    lexer = MarkdownSourceLexer()
    text = FENCED + "\n"
    assert "".join(value for _, _, value in lexer.get_tokens_unprocessed(text)) == text


def test_pygments_markdown_lexer_has_no_fence_state():
    """Why MarkdownSourceLexer exists: pygments' lexer needs the whole fence in one text."""
    states = {stack for _, _, stack in lex_lines(MarkdownLexer(), FENCED)}
    assert states == {ROOT_STACK}


@pytest.mark.parametrize(
    "line",
    [
        "# Heading",
        "## Sub *heading*",
        "- a list item with `code` and **bold**",
        "1. numbered [link](http://example.com)",
        "> a quote",
        "plain words, _emphasis_ and ~~struck~~",
        "",
    ],
)
def test_lex_line_gives_what_pygments_gives_for_a_single_line(line):
    lexer = MarkdownLexer()
    expected = [
        (pos, token, value[: len(line) - pos])
        for pos, token, value in lexer.get_tokens_unprocessed(line + "\n")
        if pos < len(line) and value
    ]
    assert lex_line(lexer, line) == (expected, ROOT_STACK)


def test_which_lexers_lex_line_can_run():
    from pygments.lexers import PythonLexer, RubyLexer
    from pygments.lexers.special import TextLexer

    assert can_lex_lines(LEXER) and can_lex_lines(MarkdownSourceLexer()) and can_lex_lines(PythonLexer())
    assert not can_lex_lines(TextLexer())  # not a RegexLexer
    assert not can_lex_lines(RubyLexer())  # an ExtendedRegexLexer: callbacks of another shape
