"""EditMap: where each offset of a text is after an edit of it, from a diff by lines then characters."""

from __future__ import annotations

import bisect
import difflib


class EditMap:
    """Maps offsets in a text before an edit to offsets in the text after it, through a diff.

    The common start and end of the two texts are set aside first, so a local edit of a long
    text only diffs the part that changed; the rest is diffed line by line, then character by
    character only inside lines that changed, so edits all over a long text stay fast.
    """

    def __init__(self, old: str, new: str):
        head = _common_length(old, new)
        tail = _common_length(old[head:][::-1], new[head:][::-1])
        self._head = head
        self._old_length = len(old)
        self._old_tail = len(old) - tail
        self._shift = len(new) - len(old)
        self._opcodes = _opcodes(old[head : len(old) - tail], new[head : len(new) - tail], head)
        self._starts = [op[1] for op in self._opcodes]

    @property
    def changed_span(self) -> tuple[int, int]:
        """The part of the old text outside the common start and end (empty: nothing changed)."""
        return self._head, max(self._head, self._old_tail)

    def map(self, position: int, *, end: bool = False) -> int:
        """Where offset *position* of the old text is in the new one.

        A start offset follows the character after it, an end offset the character before
        it; where that character was changed, the offset goes to the change's start (for a
        start) or its end (for an end), so a range over changed text no longer holds its quote.
        """
        if end:
            if position == 0:
                return 0
            tag, mapped = self._map_char(position - 1, end=True)
            return mapped + 1 if tag == "equal" else mapped
        if position >= self._old_length:
            return position + self._shift
        return self._map_char(position, end=False)[1]

    def change_around(self, position: int) -> int:
        """How many old characters the change holding *position* spans (0 when it is unchanged text)."""
        if position < self._head or position >= self._old_tail:
            return 0
        op = bisect.bisect_right(self._starts, position) - 1
        while op > 0 and self._opcodes[op][1] == self._opcodes[op][2]:
            op -= 1
        tag, i1, i2, _j1, _j2 = self._opcodes[op]
        return 0 if tag == "equal" else i2 - i1

    def _map_char(self, index: int, *, end: bool) -> tuple[str, int]:
        if index < self._head:
            return "equal", index
        if index >= self._old_tail:
            return "equal", index + self._shift
        # The opcode holding this character (insertions hold none, so they are passed over).
        op = bisect.bisect_right(self._starts, index) - 1
        while self._opcodes[op][1] == self._opcodes[op][2]:
            op -= 1
        tag, i1, _i2, j1, j2 = self._opcodes[op]
        if tag == "equal":
            return tag, j1 + (index - i1)
        return tag, j2 if end else j1


def _common_length(a: str, b: str) -> int:
    """Length of the common start of *a* and *b* (a binary search over slice comparisons, done in C)."""
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


MAX_CHAR_DIFF = 20_000 * 20_000
"""A block of changed lines is aligned character by character only up to this product of its
old and new lengths (that one takes about 0.1 s); a bigger one counts as changed as a whole."""


def _opcodes(old: str, new: str, offset: int) -> list[tuple[str, int, int, int, int]]:
    """difflib opcodes of old -> new in character offsets (plus *offset*), by lines then characters."""
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    old_at, new_at = _line_starts(old_lines), _line_starts(new_lines)
    result = []
    lines = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in lines.get_opcodes():
        a1, a2, b1, b2 = old_at[i1], old_at[i2], new_at[j1], new_at[j2]
        if tag == "replace":
            # Inside changed lines, character by character: rapidfuzz's bit-parallel Levenshtein
            # alignment (difflib's SequenceMatcher takes minutes when every line of a long text
            # changed). As many lines changed as replace them: each line with its counterpart.
            from rapidfuzz.distance import Levenshtein

            if i2 - i1 == j2 - j1:
                pairs = [
                    (old_at[i], old_at[i + 1], new_at[j], new_at[j + 1])
                    for i, j in zip(range(i1, i2), range(j1, j2), strict=True)
                ]
            elif (a2 - a1) * (b2 - b1) <= MAX_CHAR_DIFF:
                pairs = [(a1, a2, b1, b2)]
            else:  # too big to align character by character: one change (steps 2 and 3 find the words)
                result.append(("replace", a1 + offset, a2 + offset, b1 + offset, b2 + offset))
                continue
            for p1, p2, q1, q2 in pairs:
                result.extend(
                    (t, x1 + p1 + offset, x2 + p1 + offset, y1 + q1 + offset, y2 + q1 + offset)
                    for t, x1, x2, y1, y2 in Levenshtein.opcodes(old[p1:p2], new[q1:q2])
                )
        else:
            result.append((tag, a1 + offset, a2 + offset, b1 + offset, b2 + offset))
    return _merge_changes(result)


def _merge_changes(opcodes: list[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """Neighbouring changes as one: an offset anywhere inside a changed stretch goes to its edges."""
    merged: list[tuple[str, int, int, int, int]] = []
    for tag, i1, i2, j1, j2 in opcodes:
        if merged and tag != "equal" and merged[-1][0] != "equal":
            _, p1, _p2, q1, _q2 = merged[-1]
            merged[-1] = ("replace", p1, i2, q1, j2)
        else:
            merged.append((tag, i1, i2, j1, j2))
    return merged


def _line_starts(lines: list[str]) -> list[int]:
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    return starts
