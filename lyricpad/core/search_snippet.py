"""The snippet of a search hit, cut in Python: work bounded by the words shown, whatever the text's size.

FTS5's snippet() tokenizes and scores a whole column for every hit (seconds for a song of 20,000 lines)
and does not say where its fragment is. Here the text is searched with the engine's own in-memory matching
(`search_query`): each term's first occurrence is found by one regular expression over the folded text (in
C), the words around it are tokenized, and the snippet says where its first marked word is, so that a
window opening the hit reveals exactly what the snippet shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lyricpad.core.search_query import WORD, Query, Term
from lyricpad.core.text import fold_case_and_accents

WORDS = 12
"""Words a snippet shows (as FTS5's snippet did)."""
_BEFORE = 3
"""Words shown before the hit, from its own line: the hit stays near the start of the snippet..."""
_LINE_START = 5
"""...or every word before it when its line starts at most this many words before it."""
_TRIES = 20
"""Places of a term checked word by word before its first occurrence is given up (folding differs there)."""
_CHUNK = 1 << 15
"""Characters of a text folded and searched at a time (then up to the end of the line)."""
BLANK_LINES = re.compile(r"\n(?:[^\S\n]*\n)+")
ELLIPSIS = "…"


@dataclass(frozen=True)
class Snippet:
    """A few words of a text with the words found between marks; where the first marked word is.

    *offset* is the code-point offset of the first marked word in the text and *line* its 1-based line;
    both None when no word is marked (the text matched in a way only FTS5 sees).
    """

    text: str
    offset: int | None = None
    line: int | None = None


def find_in(text: str, query: Query) -> tuple[int, int] | None:
    """Where the hit of *text* a snippet shows is: (start, end) of one term's occurrence, or None.

    Each term's first occurrence is found; the one found last is shown (a rare word rather than the first
    of a common one: "line 19999" shows line 19999, not line 1), the others marked when near. The text is
    read a chunk of lines at a time, until every term is found: the work grows with where the words are.
    """
    terms = {term: _pattern(term) for term in query.terms}
    first: list[tuple[int, int]] = []
    at = 0
    while terms and at < len(text):
        end = text.find("\n", at + _CHUNK)
        end = len(text) if end < 0 else end
        chunk = text[at:end]
        folded = fold_case_and_accents(chunk)
        for term, pattern in list(terms.items()):
            found = _first(chunk, folded, term, pattern)
            if found is not None:
                first.append((at + found[0], at + found[1]))
                del terms[term]
        at = end + 1
    return max(first, default=None)


def cut(text: str, query: Query, marks: tuple[str, str]) -> Snippet:
    """The snippet of *text* for *query*: ~`WORDS` words from just before the hit, words found marked."""
    hit = find_in(text, query)
    if hit is None:
        start = 0
    else:
        line_start = text.rfind("\n", 0, hit[0]) + 1
        near = max(line_start, hit[0] - 80)  # a word cut at *near* is not shown
        before = [m for m in WORD.finditer(text, near, hit[0]) if m.start() > near or near == line_start]
        if near > line_start or len(before) > _LINE_START:
            before = before[-_BEFORE:]
        start = before[0].start() if before else hit[0]
    shown = []
    for match in WORD.finditer(text, start):
        shown.append(match)
        if len(shown) >= WORDS:
            break
    if not shown:
        return Snippet(BLANK_LINES.sub("\n", text[:200].strip()))  # no word to show: signs, emoji
    start = min(start, shown[0].start())
    end = shown[-1].end()
    window = text[start:end]
    spans = query.spans(window)
    pieces, at = [], 0
    for a, b in spans:
        pieces += [window[at:a], marks[0], window[a:b], marks[1]]
        at = b
    pieces.append(window[at:])
    body = BLANK_LINES.sub("\n", "".join(pieces))
    head = ELLIPSIS if start and not text[:start].isspace() else ""
    tail = ELLIPSIS if WORD.search(text, end) else ""
    if not spans:
        return Snippet(head + body + tail)
    offset = start + spans[0][0]
    return Snippet(head + body + tail, offset, text.count("\n", 0, offset) + 1)


def _pattern(term: Term) -> re.Pattern:
    """*term* as a regular expression over folded text: its words in a row, whole (the last a start)."""
    words = r"[\W_]+".join(re.escape(word) for word in term.words)
    return re.compile(r"(?<![^\W_])" + words + ("" if term.prefix else r"(?![^\W_])"))


def _first(text: str, folded: str, term: Term, pattern: re.Pattern) -> tuple[int, int] | None:
    """The first occurrence of *term* in *text*: found in *folded*, confirmed on its line of *text*."""
    near = folded.find(term.words[0])  # in C: most texts searched do not hold most words
    if near < 0:
        return None
    if text.isascii():  # lower() kept every offset: the place found is the place
        match = pattern.search(folded, near)
        return None if match is None else match.span()
    one = Query((term,))
    for tries, match in enumerate(pattern.finditer(folded, near)):
        if tries >= _TRIES:
            break
        lines = text.split("\n", folded.count("\n", 0, match.start()))
        line_start = len(text) - len(lines[-1])
        line_end = line_start - 1
        for _line in range(folded.count("\n", match.start(), match.end()) + 1):  # a phrase may go on
            line_end = text.find("\n", line_end + 1)
            if line_end < 0:
                break
        spans = one.spans(text[line_start : len(text) if line_end < 0 else line_end], limit=1)
        if spans:
            return line_start + spans[0][0], line_start + spans[0][1]
    return None
