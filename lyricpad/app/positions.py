"""Offsets in stored text (code points) turned into positions in a Qt text document (UTF-16 units)."""

from __future__ import annotations

_BMP_LIMIT = 0xFFFF


def utf16_position(text: str, offset: int) -> int:
    """The QTextDocument position of code-point *offset* in *text*.

    The store counts code points; Qt counts UTF-16 code units, so every character
    outside the Basic Multilingual Plane (most emoji) before *offset* counts twice.
    """
    head = text[:offset]
    if head.isascii():
        return offset
    return offset + sum(1 for ch in head if ord(ch) > _BMP_LIMIT)


def code_point_position(text: str, position: int) -> int:
    """The code-point offset in *text* of QTextDocument *position* (the inverse of utf16_position)."""
    if text.isascii():
        return position
    units = 0
    for index, ch in enumerate(text):
        if units >= position:
            return index
        units += 2 if ord(ch) > _BMP_LIMIT else 1
    return len(text)
