"""Pygments lexers for lyricpad's texts, and lexing one line at a time with the lexer state carried over."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache

from pygments.lexer import ExtendedRegexLexer, Lexer, RegexLexer, inherit
from pygments.token import Error, Generic, Keyword, Name, Punctuation, String, Text, Whitespace, _TokenType

__all__ = [
    "BACKING_VOCALS",
    "CHORD",
    "MARK",
    "ROOT_STACK",
    "SECTION",
    "SECTION_NAME",
    "TokenType",
    "LyricsLexer",
    "MarkdownSourceLexer",  # noqa: F822  (defined on first use: see __getattr__)
    "can_lex_lines",
    "lex_line",
    "lyrics_token_types",
]

SECTION = Generic.Heading
"""A section header such as ``[Verse 1]`` or ``[Bridge: Both]`` (brackets included)."""
SECTION_NAME = Name.Label
"""Who sings a section: the part after the colon in ``[Chorus: Ann & Bo]``."""
CHORD = Keyword.Type
"""One chord symbol on a chord line: ``C``, ``F#m7``, ``Bb/D``, ``N.C.``."""
MARK = Punctuation
"""Bars and beat slashes on a chord line (``|``, ``||:``, ``/``), and repeat counts (``x2``, ``(x2)``)."""
BACKING_VOCALS = Generic.Emph
"""Parenthesised backing vocals, ``(carry what we never said)``, anywhere in a line."""

ROOT_STACK: tuple[str, ...] = ("root",)
"""The state stack a RegexLexer starts from."""

TokenType = _TokenType


def lyrics_token_types() -> tuple[TokenType, ...]:
    """Every token type LyricsLexer produces, plain text first."""
    return (Text, Whitespace, SECTION, SECTION_NAME, CHORD, MARK, BACKING_VOCALS)


def _groups(*tokens: TokenType) -> Callable[[Lexer, object], Iterator[tuple[int, TokenType, str]]]:
    """Like pygments' bygroups for plain token types, but skipping groups that matched nothing."""

    def callback(lexer, match):
        for index, token in enumerate(tokens, 1):
            value = match.group(index)
            if value:
                yield match.start(index), token, value

    return callback


# A chord symbol. Roots are capitals, so "a" or "am" never qualify; the quality, extensions,
# alterations and bass note follow the usual lead-sheet spellings.
_ACCIDENTAL = r"(?:#|b|♯|♭)"
_CHORD_SYMBOL = (
    rf"(?:[A-G]{_ACCIDENTAL}?"
    r"(?:maj|min|dim|aug|sus|add|m|M|°|ø|Δ|\+)?"
    rf"(?:6/9|\d+)?(?:(?:maj|sus|add|no|{_ACCIDENTAL}|\+)\d+)*"
    r"(?:\((?:maj|sus|add|no|[#b♯♭+])?\d*(?:,(?:maj|sus|add|no|[#b♯♭+])?\d+)*\))?"
    rf"(?:/[A-G]{_ACCIDENTAL}?)?"
    r"|N\.?C\.?)"
)
# Each chord ends at a space, a bar or the end of the line: "CE" is not two chords.
_CHORD = rf"{_CHORD_SYMBOL}(?=[ \t|]|$)"
# A run of bar characters is one mark ("||:", ":|"); beat slashes and repeat counts stand alone.
_BAR = r"(?>[|:]*\|[|:]*)"
_BEATS = r"(?>/+|%)(?=[ \t|]|$)"
_REPEAT_COUNT = r"(?:[x×]\d+|\d+[x×])"
_REPEAT = rf"(?:\({_REPEAT_COUNT}\)|{_REPEAT_COUNT})(?=[ \t|]|$)"
_MARK = rf"(?:{_BAR}|{_BEATS}|{_REPEAT})"
# A chord line holds at least one chord and nothing but chords and marks. A line that is just
# "A" is read as the word, not the chord: it is as likely a lyric broken after "A", and a lyric
# coloured as a chord reads worse than one chord left plain. Every other lone chord ("Am", "E")
# is a chord line: none of them is a word that makes a line on its own.
_CHORD_LINE = (
    r"^(?![ \t]*A[ \t]*$)"
    rf"(?=[ \t]*(?:{_MARK}[ \t]*)*{_CHORD}(?:[ \t]*(?:{_CHORD}|{_MARK}))*[ \t]*$)"
)

_CHORD_LINES = re.compile(_CHORD_LINE, re.MULTILINE)


def has_chord_line(text: str) -> bool:
    """Whether *text* holds a line the lexer reads as chords (one pass over the whole text)."""
    return _CHORD_LINES.search(text) is not None


# Indentation and decoration such as "🎵 " may come before a header; letters and digits may not.
_HEADER_PREFIX = r"^([ \t]*(?:[^\w\s\[\]()][ \t]*)*)"


def _balanced_parentheses(depth: int) -> str:
    """A regex for a parenthesised span on one line, nesting up to *depth* levels."""
    pattern = r"\([^()\n]*\)"
    for _ in range(depth - 1):
        # One character or one nested span per step: no nested quantifiers, so no runaway backtracking.
        pattern = rf"\((?:[^()\n]|{pattern})*\)"
    return pattern


BACKING_VOCALS_PATTERN = _balanced_parentheses(3)
"""Backing vocals as the lyrics lexer reads them: a parenthesised span on one line, nesting up to three levels."""


class LyricsLexer(RegexLexer):
    """Song lyrics: section headers, chord lines and parenthesised backing vocals; the rest is text.

    Every line is lexed on its own and every line ends in the root state, so a highlighter
    can lex one block at a time. An unclosed "(" and a stray ")" are plain text.
    """

    name = "Lyrics"
    aliases = ["lyrics"]
    filenames = ["*.lyrics"]
    mimetypes = ["text/x-lyrics"]

    tokens = {
        "root": [
            # [Bridge: Both], [Chorus: Ann & Bo]
            (
                rf"{_HEADER_PREFIX}(\[)([^\[\]:\n]+)(:[ \t]*)([^\[\]\n]*[^\[\]\s])([ \t]*\])",
                _groups(Text, SECTION, SECTION, SECTION, SECTION_NAME, SECTION),
            ),
            # [Verse 1], [Pre-Chorus 2]; text after the header on the same line is lyrics.
            (rf"{_HEADER_PREFIX}(\[[^\[\]\n]+\])", _groups(Text, SECTION)),
            (rf"{_CHORD_LINE}([ \t]*)", _groups(Whitespace), "chord-line"),
            (rf"\({_REPEAT_COUNT}\)", MARK),
            (BACKING_VOCALS_PATTERN, BACKING_VOCALS),
            (r"[^(\n]+", Text),
            (r"\(", Text),
            (r"\n", Whitespace),
        ],
        "chord-line": [
            (_CHORD, CHORD),
            (_MARK, MARK),
            (r"[ \t]+", Whitespace),
            (r"\n", Whitespace, "#pop"),
        ],
    }

    def __init__(self, **options):
        # Lyrics are stored as typed: keep their leading and trailing newlines, add none.
        options.setdefault("stripnl", False)
        options.setdefault("ensurenl", False)
        super().__init__(**options)


# Indentation, the fence with its info string ("```python"), trailing blanks and the newline.
_fence_groups = _groups(Whitespace, String.Backtick, String.Backtick, Whitespace)


@cache
def _markdown_source_lexer() -> type[RegexLexer]:
    """MarkdownSourceLexer, defined on first use: pygments' Markdown lexer module loads many
    other lexers (HTML, CSS, JavaScript...), a cost only editing an article's source should pay."""
    from pygments.lexers.markup import MarkdownLexer

    class MarkdownSourceLexer(MarkdownLexer):
        """pygments' Markdown lexer with fenced code blocks as lexer states, so it can be lexed line by line.

        MarkdownLexer matches a whole fenced block with one multi-line regex, which never matches
        when a highlighter hands it one line; here the opening fence pushes a state that the
        closing fence pops, and the state survives from one line to the next.
        """

        name = "Markdown source"
        aliases = []
        filenames = []
        mimetypes = []

        tokens = {
            "root": [
                (r"^([ \t]{0,3})(`{3,})([^`\n]*)(\n)", _fence_groups, "fenced-backticks"),
                (r"^([ \t]{0,3})(~{3,})([^\n]*)(\n)", _fence_groups, "fenced-tildes"),
                inherit,
            ],
            "fenced-backticks": [
                (r"^([ \t]{0,3})(`{3,})([ \t]*)(\n|$)", _fence_groups, "#pop"),
                (r"[^\n]*\n|[^\n]+", String.Backtick),
            ],
            "fenced-tildes": [
                (r"^([ \t]{0,3})(~{3,})([ \t]*)(\n|$)", _fence_groups, "#pop"),
                (r"[^\n]*\n|[^\n]+", String.Backtick),
            ],
        }

    MarkdownSourceLexer.__qualname__ = "MarkdownSourceLexer"
    return MarkdownSourceLexer


def __getattr__(name: str):
    if name == "MarkdownSourceLexer":
        return _markdown_source_lexer()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def can_lex_lines(lexer: Lexer) -> bool:
    """True when lex_line can run *lexer*: a RegexLexer using pygments' own state machine."""
    return (
        isinstance(lexer, RegexLexer)
        and not isinstance(lexer, ExtendedRegexLexer)
        and type(lexer).get_tokens_unprocessed is RegexLexer.get_tokens_unprocessed
    )


def lex_line(
    lexer: RegexLexer, line: str, stack: tuple[str, ...] = ROOT_STACK
) -> tuple[list[tuple[int, TokenType, str]], tuple[str, ...]]:
    """Lex one *line* (no newline) starting from state *stack*: its tokens and the stack at its end.

    Runs the same state machine as RegexLexer.get_tokens_unprocessed, on the line plus the
    newline lexers expect, but hands back the final state stack so the next line can start
    from it. Token offsets count code points in *line*; the trailing newline is left out.
    """
    text = line + "\n"
    end = len(line)
    tokendefs = lexer._tokens
    statestack = list(stack)
    statetokens = tokendefs[statestack[-1]]
    tokens: list[tuple[int, TokenType, str]] = []
    pos = 0
    while pos < len(text):
        for rexmatch, action, new_state in statetokens:
            m = rexmatch(text, pos)
            if not m:
                continue
            if action is not None:
                if type(action) is _TokenType:
                    tokens.append((pos, action, m.group()))
                else:
                    tokens.extend(action(lexer, m))
            pos = m.end()
            if new_state is not None:
                if isinstance(new_state, tuple):
                    for state in new_state:
                        if state == "#pop":
                            if len(statestack) > 1:
                                statestack.pop()
                        elif state == "#push":
                            statestack.append(statestack[-1])
                        else:
                            statestack.append(state)
                elif isinstance(new_state, int):
                    # "#pop:n" never empties the stack, as in pygments.
                    if -new_state >= len(statestack):
                        del statestack[1:]
                    else:
                        del statestack[new_state:]
                elif new_state == "#push":
                    statestack.append(statestack[-1])
                statetokens = tokendefs[statestack[-1]]
            break
        else:
            if text[pos] == "\n":
                # pygments' rule: a newline no state accepts resets the lexer to the root state.
                statestack = ["root"]
                statetokens = tokendefs["root"]
            else:
                tokens.append((pos, Error, text[pos]))
            pos += 1
    return _clip(tokens, end), tuple(statestack)


def _clip(tokens: list[tuple[int, TokenType, str]], end: int) -> list[tuple[int, TokenType, str]]:
    """The tokens cut off at offset *end*, dropping those left empty."""
    clipped = []
    for pos, token, value in tokens:
        if pos >= end:
            continue
        if pos + len(value) > end:
            value = value[: end - pos]
        if value:
            clipped.append((pos, token, value))
    return clipped
