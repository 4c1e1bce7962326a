"""Anchors: where an annotation's text sits, stored redundantly so it can be found again after edits."""

from __future__ import annotations

import bisect
import difflib
from dataclasses import asdict, dataclass

from lyricpad.core.errors import InvalidAnchor
from lyricpad.core.text import LineIndex, normalise_text

CONTEXT_CHARS = 32
"""How many code points of text before and after a quote are kept as its context."""


@dataclass(frozen=True)
class Anchor:
    """One fragment of an annotation: a range over normalised text plus what identifies it."""

    start: int
    end: int
    quote: str
    prefix: str
    suffix: str
    line_start: int
    line_end: int
    occurrence: int  # 1-based index among every place the quote occurs in the text

    def to_dict(self) -> dict:
        return asdict(self)


def find_occurrences(text: str, quote: str) -> list[int]:
    """Start offsets of every occurrence of *quote* in *text*, overlapping ones included."""
    if not quote:
        return []
    found = []
    pos = text.find(quote)
    while pos != -1:
        found.append(pos)
        pos = text.find(quote, pos + 1)
    return found


def anchor_for_range(text: str, start: int, end: int, index: LineIndex | None = None) -> Anchor:
    """Build the anchor of [start, end) in *text* (already normalised)."""
    if not 0 <= start < end <= len(text):
        raise InvalidAnchor(f"the range {start}-{end} is outside the text (0-{len(text)}) or empty")
    quote = text[start:end]
    if not quote.strip():
        raise InvalidAnchor("the chosen text is blank; there is nothing to highlight")
    index = index or LineIndex(text)
    line_start, line_end = index.lines_of_range(start, end)
    occurrence = find_occurrences(text, quote).index(start) + 1
    return Anchor(
        start=start,
        end=end,
        quote=quote,
        prefix=text[max(0, start - CONTEXT_CHARS) : start],
        suffix=text[end : end + CONTEXT_CHARS],
        line_start=line_start,
        line_end=line_end,
        occurrence=occurrence,
    )


def anchor_for_lines(text: str, first: int, last: int) -> Anchor:
    """Anchor covering whole 1-based lines first..last (line breaks between them included).

    Blank lines at either end are left out: a highlight starts and ends on text.
    """
    if not text.strip():
        raise InvalidAnchor("the text is empty; there is nothing to highlight")
    index = LineIndex(text)
    if first < 1 or last < first or last > index.line_count:
        raise InvalidAnchor(f"lines {first}-{last} do not exist: the text has lines 1-{index.line_count}")
    blank = [not text[slice(*index.line_span(n))].strip() for n in range(first, last + 1)]
    if all(blank):
        span = f"line {first} is" if first == last else f"lines {first}-{last} are"
        raise InvalidAnchor(f"{span} blank; there is nothing to highlight")
    first += blank.index(False)
    last -= blank[::-1].index(False)
    return anchor_for_range(text, index.line_span(first)[0], index.line_span(last)[1], index)


def anchors_for_quote(text: str, quote: str, occurrence: int | None) -> list[Anchor]:
    """Anchors for the *occurrence*-th (1-based) place *quote* occurs, or every place when None."""
    quote = normalise_text(quote)
    if not quote.strip():
        raise InvalidAnchor("the quote is empty")
    starts = find_occurrences(text, quote)
    if not starts:
        raise InvalidAnchor(
            f"the quote {quote!r} does not occur in the text (a quote matches exactly: "
            "the same case, apostrophes and line breaks)"
        )
    if occurrence is not None:
        if not 1 <= occurrence <= len(starts):
            raise InvalidAnchor(
                f"the quote {quote!r} occurs {len(starts)} time(s); occurrence {occurrence} does not exist"
            )
        starts = [starts[occurrence - 1]]
    index = LineIndex(text)
    return [anchor_for_range(text, s, s + len(quote), index) for s in starts]


class EditMap:
    """Maps offsets in a text before an edit to offsets in the text after it, through a diff.

    The common start and end of the two texts are set aside first, so a local edit of a long
    text only diffs the part that changed.
    """

    def __init__(self, old: str, new: str):
        limit = min(len(old), len(new))
        head = 0
        while head < limit and old[head] == new[head]:
            head += 1
        tail = 0
        while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        self._head = head
        self._old_length = len(old)
        self._old_tail = len(old) - tail
        self._shift = len(new) - len(old)
        matcher = difflib.SequenceMatcher(
            None, old[head : len(old) - tail], new[head : len(new) - tail], autojunk=False
        )
        self._opcodes = [
            (tag, i1 + head, i2 + head, j1 + head, j2 + head) for tag, i1, i2, j1, j2 in matcher.get_opcodes()
        ]
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


def follow_edit(
    anchor: Anchor, edit: EditMap, new_text: str, index: LineIndex | None = None
) -> Anchor | None:
    """The anchor moved through *edit*, if its exact quote is still where the diff takes it; else None."""
    start = edit.map(anchor.start)
    end = edit.map(anchor.end, end=True)
    if end <= start or new_text[start:end] != anchor.quote:
        return None
    return anchor_for_range(new_text, start, end, index)
