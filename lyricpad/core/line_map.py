"""LineMap: where each line of a text went after an edit (kept, changed or deleted), from a diff by lines.

What follows whole lines through an edit uses it: the user's corrections of the study view
(which keep to lines whose text is unchanged) and a song's translation (whose lines go with
their lyric lines, changed or not, and get an empty line for each inserted one). Annotations
follow characters instead (`edit_map.EditMap`).
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from lyricpad.core.text import lyrics_text

NEAR = 0.5
"""Least likeness (0-1) for a changed line to be taken for the edited form of an old one, where an
edit changed a different number of lines than it replaced."""
MAX_PAIRING = 250_000
"""Largest product of old and new line counts of one changed block paired by likeness; a bigger
block pairs its lines in order."""
_ANY_PAIR = 0.01
"""What pairing two unlike lines is worth: more than leaving both unpaired, less than any like pair."""


def lyric_lines(text: str) -> list[str]:
    """The lines of *text* as the lyrics count them (`text.line_count`): a final newline ends the
    last line, it does not start another; "" has none."""
    return lyrics_text(text).split("\n") if text else []


@dataclass(frozen=True)
class LineMap:
    """Per old line (0-based): the index of the new line it became (None: deleted), and whether
    its text is unchanged."""

    new_of: tuple[int | None, ...]
    same: tuple[bool, ...]
    new_count: int

    def old_of(self) -> list[int | None]:
        """Per new line (0-based): the old line it was (None: inserted)."""
        old: list[int | None] = [None] * self.new_count
        for i, j in enumerate(self.new_of):
            if j is not None:
                old[j] = i
        return old


def map_lines(old: Sequence[str], new: Sequence[str]) -> LineMap:
    """Where each of the *old* lines is among the *new* ones.

    Unchanged lines are found by a diff of the lines (difflib, as `EditMap` does first). In a
    block of changed lines, as many new lines as old: each old line became the new line in its
    place; otherwise old and new lines are paired by likeness, in order, so that a line edited
    while another was inserted beside it keeps to its edited form.
    """
    new_of: list[int | None] = [None] * len(old)
    same = [False] * len(old)
    head = 0
    while head < min(len(old), len(new)) and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(new)) - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    for i in range(head):
        new_of[i], same[i] = i, True
    for k in range(1, tail + 1):
        new_of[len(old) - k], same[len(old) - k] = len(new) - k, True
    a, b = old[head : len(old) - tail], new[head : len(new) - tail]
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            for k in range(i2 - i1):
                new_of[head + i1 + k], same[head + i1 + k] = head + j1 + k, True
        elif tag == "replace":
            for i, j in _pairs(a[i1:i2], b[j1:j2]):
                new_of[head + i1 + i] = head + j1 + j
    return LineMap(tuple(new_of), tuple(same), len(new))


def _pairs(old: Sequence[str], new: Sequence[str]) -> list[tuple[int, int]]:
    """Old and new lines of one changed block paired in order (indexes within the block)."""
    if len(old) == len(new) or len(old) * len(new) > MAX_PAIRING:
        return list(zip(range(len(old)), range(len(new)), strict=False))
    from rapidfuzz.fuzz import ratio

    rows, cols = len(old), len(new)
    # best[i][j]: the most the first i old lines and first j new lines can be worth, paired in order.
    best = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    for i in range(1, rows + 1):
        for j in range(1, cols + 1):
            likeness = ratio(old[i - 1], new[j - 1]) / 100
            worth = likeness if likeness >= NEAR else _ANY_PAIR
            best[i][j] = max(best[i - 1][j], best[i][j - 1], best[i - 1][j - 1] + worth)
    pairs = []
    i, j = rows, cols
    while i and j:
        if best[i][j] == best[i - 1][j]:
            i -= 1
        elif best[i][j] == best[i][j - 1]:
            j -= 1
        else:
            pairs.append((i - 1, j - 1))
            i, j = i - 1, j - 1
    return pairs[::-1]
