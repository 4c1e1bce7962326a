"""Where a dragged selection of text ends when snapped to whole words, in any script (no Qt: offsets are code points)."""

from __future__ import annotations

import unicodedata

APOSTROPHES = "'\u2019"
"""Inside a word ("don't") or standing for dropped letters ("foldin'", "'n'") they belong to it."""
JOINERS = APOSTROPHES + "-\u2010\u2011\u00b7\u05f3\u05f4"
"""Between two letters they join them into one word ("well-worn", "don't", Catalan "col·lecció", Hebrew geresh)."""
OPENING_QUOTES = "\u2018'"
"""A quotation opened by one of these before the selection is closed by the apostrophe after it."""
ELIDED_ENDINGS = ("in", "s")
"""Words whose apostrophe after them stands for dropped letters: "foldin'", "singers'"."""
ELIDED_WORDS = frozenset({"n", "an", "o", "ol", "th"})
"""Short forms ending in an apostrophe: rock 'n' roll, rock an' roll, o' the morning, good ol' days."""
LEADING_ELISIONS = frozenset({"n", "em", "cause", "til", "bout", "round", "tis", "twas"})
"""Words an apostrophe starts ('n', 'em, 'cause): the apostrophe before them belongs to them."""

# Scripts written without spaces between words: a selection there keeps its exact characters
# (whole graphemes), since growing to the next space would take a whole clause.
_UNSPACED = (
    (0x0E00, 0x0EFF),  # Thai, Lao
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3100, 0x312F),  # Bopomofo
    (0x31F0, 0x31FF),  # Katakana phonetic extensions
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFF66, 0xFF9F),  # half-width Katakana
    (0x20000, 0x3FFFF),  # CJK extensions B and on
)
_ZWJ = "\u200d"


def _unspaced(ch: str) -> bool:
    code = ord(ch)
    return any(low <= code <= high for low, high in _UNSPACED)


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M"


def _is_word(ch: str) -> bool:
    """A letter, digit or combining mark of a script that puts spaces between words."""
    return unicodedata.category(ch)[0] in "LNM" and not _unspaced(ch)


def _is_edge(ch: str) -> bool:
    """Space, a line break or punctuation: left out at either end of a snapped selection."""
    return ch.isspace() or unicodedata.category(ch)[0] in "PZC" and ch != _ZWJ


def _is_regional(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


def _extends(text: str, index: int) -> bool:
    """Whether the character at *index* continues the grapheme before it (no boundary before it)."""
    if index <= 0 or index >= len(text):
        return False
    ch, before = text[index], text[index - 1]
    if _is_mark(ch) or ch == _ZWJ or before == _ZWJ or 0x1F3FB <= ord(ch) <= 0x1F3FF:
        return True  # a combining mark, a variation selector, a joined emoji, a skin tone
    if _is_regional(ch) and _is_regional(before):
        run = index
        while run > 0 and _is_regional(text[run - 1]):
            run -= 1
        return (index - run) % 2 == 1  # flags are pairs of regional indicators
    return False


def grapheme_start(text: str, index: int) -> int:
    """*index* moved back to the start of the grapheme (the character with its marks) it falls in."""
    while _extends(text, index):
        index -= 1
    return index


def grapheme_end(text: str, index: int) -> int:
    """*index* moved on to the end of the grapheme it falls in."""
    while _extends(text, index):
        index += 1
    return index


def _letters_before(text: str, end: int) -> str:
    start = end
    while start > 0 and _is_word(text[start - 1]):
        start -= 1
    return text[start:end]


def _word_start(text: str, start: int) -> int:
    """Where the word holding the character at *start* begins."""
    while start > 0:
        before = text[start - 1]
        if _is_word(before):
            start -= 1
        elif before in JOINERS and start > 1 and _is_word(text[start - 2]) and _is_word(text[start]):
            start -= 1
        else:
            break
    if start > 0 and text[start - 1] in APOSTROPHES and (start == 1 or not _is_word(text[start - 2])):
        word_end = start
        while word_end < len(text) and _is_word(text[word_end]):
            word_end += 1
        if text[start:word_end].casefold() in LEADING_ELISIONS:
            start -= 1  # 'n', 'cause: the apostrophe stands for the dropped letters
    return start


def _word_end(text: str, end: int) -> int:
    """Where the word holding the character before *end* ends (an eliding apostrophe included)."""
    while end < len(text):
        here = text[end]
        if _is_word(here):
            end += 1
        elif here in JOINERS and end + 1 < len(text) and _is_word(text[end + 1]):
            end += 1
        else:
            break
    return end


def _elided(text: str, end: int) -> bool:
    """Whether the apostrophe at *end* closes the word before it as dropped letters ("foldin'")."""
    if end >= len(text) or text[end] not in APOSTROPHES:
        return False
    if end + 1 < len(text) and _is_word(text[end + 1]):
        return False  # a letter follows: it would be inside a word, not after one
    word = _letters_before(text, end).casefold()
    return bool(word) and (word in ELIDED_WORDS or word.endswith(ELIDED_ENDINGS))


def _opens_quote(text: str, start: int) -> bool:
    """Whether the selection starting at *start* follows an opening quotation mark."""
    if start == 0 or text[start - 1] not in OPENING_QUOTES:
        return False
    # ASCII ' opens a quotation only after a space, a line break or punctuation (else it is inside a word).
    return text[start - 1] == "\u2018" or start == 1 or _is_edge(text[start - 2])


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) of *text* widened to whole words, with spaces and punctuation at its ends left out.

    A selection inside one word grows to that word; one holding nothing but spaces and
    punctuation is left as it is (the user meant those very characters). Emoji and symbols
    selected are kept; in scripts written without spaces (Chinese, Japanese, Thai...) only whole
    characters are taken, never the clause around them; a character is never split from its
    combining marks. An apostrophe after the last word is taken when it stands for dropped
    letters ("foldin'"), unless it closes a quotation opened just before the selection.
    """
    start, end = max(0, min(start, end)), min(len(text), max(start, end))
    first, last = start, end
    while first < last and _is_edge(text[first]):
        first += 1
    while last > first and _is_edge(text[last - 1]):
        last -= 1
    if first >= last:
        return start, end
    first, last = grapheme_start(text, first), grapheme_end(text, last)
    if _is_word(text[first]):
        first = _word_start(text, first)
    if _is_word(text[last - 1]):
        last = _word_end(text, last)
        if _elided(text, last) and not _opens_quote(text, first):
            last += 1
    return first, grapheme_end(text, last)
