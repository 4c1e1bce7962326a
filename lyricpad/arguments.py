"""The types of the command line's arguments: each turns one argument into a value, or says in one
line what is wrong with it (argparse shows that line as the usage error)."""

from __future__ import annotations

import argparse
import re


def text(value: str) -> str:
    """A text argument (a title, quote, note, tag): it must be valid Unicode."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # Bytes that are not UTF-8 reach Python as lone surrogates.
        raise argparse.ArgumentTypeError("is not valid UTF-8 text") from None
    return value


def ascii_number(value: str) -> int:
    """A whole number written in ASCII digits: int() would also read "3_0", " 3", "+3" and "٣"."""
    if not (value.isascii() and value.isdigit()):
        raise ValueError(value)
    return int(value)


def reference(value: str) -> str:
    """A reference to an item (a title, an id): text that is not empty."""
    value = text(value)
    if not value.strip():
        raise argparse.ArgumentTypeError("is empty: give a title, an id or the first 4+ characters of an id")
    return value


def occurrence(value: str):
    if value == "all":
        return "all"
    return ordinal(value, "a number or 'all'")


def ordinal(value: str, wanted: str = "a number") -> int:
    """Which one of several (1-based), in ASCII digits."""
    try:
        number = ascii_number(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not {wanted}") from None
    if number < 1:
        raise argparse.ArgumentTypeError("occurrences are counted from 1")
    return number


def page_size(value: str) -> int:
    """How many search hits to show: 1 to 1000."""
    number = page_offset(value)
    if not 1 <= number <= 1000:
        raise argparse.ArgumentTypeError("give 1 to 1000 hits")
    return number


def page_offset(value: str) -> int:
    """How many search hits to skip, in ASCII digits."""
    try:
        return ascii_number(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a number") from None


def words(value: str) -> str:
    """Words to look for: text that is not blank."""
    value = text(value)
    if not value.strip():
        raise argparse.ArgumentTypeError("is empty: give the words of the quotation, as the article has them")
    return value


_SONG_TIME = re.compile(r"([0-9]{1,4}):([0-5][0-9])(?:\.([0-9]{1,2}))?")
"""M:SS or M:SS.xx in ASCII digits only (a regex digit class would take other scripts' digits too); seconds under 60."""


def song_time(value: str) -> int:
    """A moment of the song, M:SS or M:SS.xx (minutes, seconds, hundredths), as milliseconds."""
    found = _SONG_TIME.fullmatch(value)
    if found is None:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a time in the song: give M:SS or M:SS.xx, seconds under 60 (e.g. 1:23 or 1:23.45)"
        )
    minutes, seconds, fraction = found.groups()
    hundredths = int((fraction or "0").ljust(2, "0"))
    return (int(minutes) * 60 + int(seconds)) * 1000 + hundredths * 10


def line_range(value: str) -> tuple[int, int]:
    first, sep, last = value.partition("-")
    try:
        a = ascii_number(first)
        b = ascii_number(last) if sep else a
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a line or a range like 3-5") from None
    if a < 1 or b < a:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a line range: lines count from 1, the first before the last"
        )
    return a, b
