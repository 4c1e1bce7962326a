"""Offsets in stored text (code points) turned into positions in a Qt text document (UTF-16 units)."""

from __future__ import annotations

import re
from bisect import bisect_left

_BMP_LIMIT = 0xFFFF
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


class Utf16Map:
    """Converts between code-point offsets of one text and its QTextDocument positions.

    Built once per text (one regex pass), then each conversion is a binary search: turning
    the offsets of 2,000 annotations costs no more than one walk over the text.
    """

    def __init__(self, text: str):
        self._astral = [] if text.isascii() else [m.start() for m in _ASTRAL.finditer(text)]
        self._astral_units = [offset + k for k, offset in enumerate(self._astral)]

    def to_utf16(self, offset: int) -> int:
        return offset + bisect_left(self._astral, offset)

    def to_code_point(self, position: int) -> int:
        return position - bisect_left(self._astral_units, position)


def utf16_position(text: str, offset: int) -> int:
    """The QTextDocument position of code-point *offset* in *text*.

    The store counts code points; Qt counts UTF-16 code units, so every character
    outside the Basic Multilingual Plane (most emoji) before *offset* counts twice.
    """
    return Utf16Map(text).to_utf16(offset)


def code_point_position(text: str, position: int) -> int:
    """The code-point offset in *text* of QTextDocument *position* (the inverse of utf16_position)."""
    if text.isascii():
        return position
    head = text[: max(position, 0)]
    if not head or max(head) <= chr(_BMP_LIMIT):  # one unit per character up to there: no walk
        return min(max(position, 0), len(text))
    units = 0
    for index, ch in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(ch) > _BMP_LIMIT else 1
    return len(text)
