"""Text normalisation applied once on the way in, and line arithmetic over normalised text."""

from __future__ import annotations

import bisect
import functools
import itertools
import re
import unicodedata

_BOM = "\ufeff"
APOSTROPHES = "'’‘ʼ`"
"""Every character lyrics use as an apostrophe ("don’t", "lovin`"): the straight one first."""
# Every line break Python's str.splitlines() knows, except LF itself, becomes LF.
_LINE_BREAKS = ("\r\n", "\r", "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e")


# What a terminal may act on: C0 but tab and newline, DEL, and C1 (U+0080-U+009F).
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(value: str) -> str:
    """*value* without control characters (but tab and newline), which nobody types on purpose."""
    return _CONTROLS.sub("", value)


def show_controls(text: str) -> str:
    """*text* for a terminal: each control character (but tab and newline) written as ``\\x1b``.

    Text from an imported file could otherwise move the cursor, clear the screen or retitle
    the window when it is printed.
    """
    return _CONTROLS.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def normalise_text(text: str) -> str:
    """Return *text* with LF line endings, in NFC, without a byte-order mark.

    Offsets of annotations are counted in code points over this form, so every
    text is normalised exactly once, before it is stored or compared.
    """
    text = text.lstrip(_BOM)
    for brk in _LINE_BREAKS:
        if brk in text:
            text = text.replace(brk, "\n")
    return unicodedata.normalize("NFC", text)


def normalise_line(value: str) -> str:
    """Normalise a one-line value (a title, a tag): NFC, inner whitespace runs to one space, and
    no control characters."""
    # Split first: a control character that counts as whitespace (U+001F) still parts two words.
    words = (strip_controls(word) for word in normalise_text(value).split())
    return " ".join(word for word in words if word)


def line_count(text: str) -> int:
    """Lines as an editor counts them: a final newline ends the last line ("a\\nb\\n" is 2, "a\\nb\\n\\n" is 3); "" has none."""
    return text.count("\n") + (0 if text.endswith("\n") else 1) if text else 0


def lines_label(first: int, last: int) -> str:
    """ "line 3" or "lines 3-5", as messages and reports name lyric lines."""
    return f"line {first}" if first == last else f"lines {first}-{last}"


def lyrics_text(text: str) -> str:
    """*text* as lyrics are stored: the one final newline that ends the last line taken off.

    Stored lyrics are numbered line by line (a text of n lines holds n - 1 line breaks), so a file
    of 300 lines that ends with a newline is 300 lines, not 300 and an empty 301st; a blank last
    line the file really has ("a\\nb\\n\\n") stays.
    """
    return text[:-1] if text.endswith("\n") else text


def plain_article_markdown(text: str) -> str:
    """A plain-text article as Markdown that keeps its line breaks (Markdown would join them into one paragraph).

    Text copied from a web page puts one newline between paragraphs: with no blank line anywhere,
    each non-blank line is a paragraph. Where blank lines part the paragraphs, a newline inside
    one is a line break the writer meant (an address, a verse, a hard-wrapped file) and stays one.
    """
    lines = text.split("\n")
    if all(line.strip() for line in text.strip("\n").split("\n")):
        return "\n\n".join(line for line in lines if line.strip()) + ("\n" if text.endswith("\n") else "")
    kept = []
    for line, after in zip(lines, [*lines[1:], ""], strict=True):
        breaks = line.strip() and after.strip() and not line.endswith("\\")
        kept.append(line.rstrip() + "\\" if breaks else line)
    return "\n".join(kept)


def fold(value: str) -> str:
    """*value* for comparing without regard to case, in every script ("CAFÉ" matches "café")."""
    return unicodedata.normalize("NFC", value.casefold())


def fold_case_and_accents(value: str) -> str:
    """*value* with case and accents ignored, in every script ("Straße" -> "strasse", "Café" -> "cafe")."""
    if value.isascii():  # the same result, without decomposing (SQLite calls this per row to sort songs)
        return value.lower()
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    # The marks present taken out by one regular expression, in C (a search folds whole songs).
    marks = "".join(sorted(ch for ch in set(decomposed) if unicodedata.combining(ch)))
    return re.sub(f"[{re.escape(marks)}]", "", decomposed) if marks else decomposed


@functools.lru_cache(maxsize=1 << 15)  # SQLite asks again for every listing of the songs
def sort_key(value: str) -> str:
    """*value* for sorting as people expect: case and accents ignored ("Éclair" before "Zebra")."""
    return fold_case_and_accents(value)


class LineIndex:
    """Maps between code-point offsets and 1-based line numbers of one text."""

    def __init__(self, text: str):
        self.text = text
        # Each line starts one past the end of the one before (summed in C, not a Python loop:
        # an index is built for every write that checks or re-anchors a highlight).
        self._starts = [0, *itertools.accumulate(len(line) + 1 for line in text.split("\n"))]
        self._starts.pop()  # the sum after the last line starts no line

    @property
    def line_count(self) -> int:
        return len(self._starts)

    def line_of(self, offset: int) -> int:
        """The 1-based line holding the character at *offset*."""
        return bisect.bisect_right(self._starts, offset)

    def line_span(self, line: int) -> tuple[int, int]:
        """Start and end offsets of 1-based *line*, without its line break."""
        start = self._starts[line - 1]
        if line < len(self._starts):
            end = self._starts[line] - 1
        else:
            end = len(self.text)
        return start, end

    def lines_of_range(self, start: int, end: int) -> tuple[int, int]:
        """First and last 1-based lines touched by the half-open range [start, end)."""
        last = max(start, end - 1)
        return self.line_of(start), self.line_of(last)
