"""Anchors: where an annotation's text sits, stored redundantly so it can be found again after edits."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace

from lyricpad.core.edit_map import EditMap  # also imported from here: re-anchoring follows an EditMap
from lyricpad.core.errors import InvalidAnchor
from lyricpad.core.text import LineIndex, normalise_text


class _Fuzz:
    """rapidfuzz.fuzz, imported when first used: commands that never re-anchor start faster."""

    def __getattr__(self, name: str):
        from rapidfuzz import fuzz as module

        value = getattr(module, name)
        setattr(self, name, value)  # looked up here only once
        return value


fuzz = _Fuzz()


CONTEXT_CHARS = 32
"""How many code points of text before and after a quote are kept as its context."""

# Re-anchoring thresholds, as rapidfuzz similarity scores from 0 (nothing alike) to 100 (equal).
# Context is the ~32 code points stored before and after the quote; its score is the mean of
# the prefix's and the suffix's similarity to the text around a candidate.

CONTEXT_MATCH_MIN = 80.0
"""Step 2: the exact quote found elsewhere is anchored there only when its context scores this much.

Below it the place is only proposed (needs_review): the same words with other surroundings
are often another line altogether (a chorus, a repeated phrase), and must never take the note.
"""

FUZZY_QUOTE_MIN = 75.0
"""Step 3: an inexact match is proposed only when its text is at least this similar to the quote."""

FUZZY_CONTEXT_MIN = 50.0
"""Step 3: ...and the text on at least one side of it this similar to the stored prefix or suffix.

Without it a look-alike line elsewhere in the song would be proposed for a deleted one. One
side is enough: an edited last line has lost its old suffix but kept its prefix.
"""


@dataclass(frozen=True)
class Proposal:
    """Where a needs_review fragment may now be: a range over the current text, for the user to accept."""

    start: int
    end: int
    line_start: int
    line_end: int


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
    proposal: Proposal | None = None  # needs_review only: the place found for it in the edited text

    def to_dict(self) -> dict:
        return asdict(self)

    @property
    def line_aligned(self) -> bool:
        """True when the quote was whole lines (it starts and ends at line breaks or the text's ends)."""
        return (not self.prefix or self.prefix.endswith("\n")) and (
            not self.suffix or self.suffix.startswith("\n")
        )


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


def _times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


def _lines(first: int, last: int) -> str:
    return f"line {first} does" if first == last else f"lines {first}-{last} do"


def anchor_for_lines(
    text: str,
    first: int,
    last: int,
    *,
    index: LineIndex | None = None,
    doing: str = "highlight",
    has_lines: str = "the text has",
) -> Anchor:
    """Anchor covering whole 1-based lines first..last (line breaks between them included).

    Blank lines at either end are left out: a highlight (or a link: *doing* and *has_lines* word
    the messages) starts and ends on text.
    """
    if not text.strip():
        raise InvalidAnchor(f"the text is empty; there is nothing to {doing}")
    index = index or LineIndex(text)
    if first < 1 or last < first or last > index.line_count:
        raise InvalidAnchor(f"{_lines(first, last)} not exist: {has_lines} lines 1-{index.line_count}")
    blank = [not text[slice(*index.line_span(n))].strip() for n in range(first, last + 1)]
    if all(blank):
        span = f"line {first} is" if first == last else f"lines {first}-{last} are"
        raise InvalidAnchor(f"{span} blank; there is nothing to {doing}")
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
                f"the quote {quote!r} occurs {_times(len(starts))}; occurrence {occurrence} does not exist"
            )
        starts = [starts[occurrence - 1]]
    index = LineIndex(text)
    return [anchor_for_range(text, s, s + len(quote), index) for s in starts]


def follow_edit(
    anchor: Anchor, edit: EditMap, new_text: str, index: LineIndex | None = None
) -> Anchor | None:
    """The anchor moved through *edit*, if its exact quote is still where the diff takes it; else None."""
    start = edit.map(anchor.start)
    end = edit.map(anchor.end, end=True)
    if end <= start or new_text[start:end] != anchor.quote:
        return None
    return anchor_for_range(new_text, start, end, index)


# ------------------------------------------------------------------ re-anchoring


@dataclass(frozen=True)
class Candidate:
    """A place in the edited text that may hold a fragment, with how well it matches (0-100)."""

    start: int
    end: int
    quote_score: float
    prefix_score: float
    suffix_score: float

    @property
    def context_score(self) -> float:
        """How alike both sides are to the stored context (the mean)."""
        return (self.prefix_score + self.suffix_score) / 2

    @property
    def side_score(self) -> float:
        """How alike the better side is to its stored context."""
        return max(self.prefix_score, self.suffix_score)

    @property
    def score(self) -> float:
        return (self.quote_score + self.context_score) / 2


@dataclass(frozen=True)
class Reanchored:
    """The outcome of re-anchoring one annotation on an edited text."""

    status: str  # "anchored", "needs_review" or "orphaned"
    fragments: tuple[Anchor, ...]
    """anchored: the fragments at their new places. Otherwise the stored fragments unchanged
    (quote, context, last known place), each with the proposal found for it or None."""


def side_scores(anchor: Anchor, text: str, start: int, end: int) -> tuple[float, float]:
    """How alike the text before and after [start, end) is to the stored prefix and suffix (0-100 each)."""
    prefix = text[max(0, start - CONTEXT_CHARS) : start]
    suffix = text[end : end + CONTEXT_CHARS]
    return fuzz.ratio(anchor.prefix, prefix), fuzz.ratio(anchor.suffix, suffix)


def context_score(anchor: Anchor, text: str, start: int, end: int) -> float:
    """How alike the text around [start, end) is to the anchor's stored context (the mean of both sides)."""
    return sum(side_scores(anchor, text, start, end)) / 2


def _candidate(anchor: Anchor, text: str, start: int, end: int) -> Candidate:
    return Candidate(
        start, end, fuzz.ratio(anchor.quote, text[start:end]), *side_scores(anchor, text, start, end)
    )


def exact_candidates(anchor: Anchor, text: str) -> list[Candidate]:
    """Every place the exact quote occurs in *text*, scored by its surroundings (step 2)."""
    n = len(anchor.quote)
    return [_candidate(anchor, text, s, s + n) for s in find_occurrences(text, anchor.quote)]


EDGE_CHARS = 8
"""Characters of context beside each end that help place the ends of an inexact match."""


def _refine(anchor: Anchor, text: str, start: int, end: int) -> tuple[int, int]:
    """Move the ends of [start, end) a little, each way, to where the range is most like the quote.

    Among equally good ranges, the one whose few neighbouring characters are most like the
    stored context wins. Each end is moved in turn, twice over.
    """
    before, after = anchor.prefix[-EDGE_CHARS:], anchor.suffix[:EDGE_CHARS]

    def score(s: int, e: int) -> tuple[float, float]:
        return (
            fuzz.ratio(anchor.quote, text[s:e]),
            fuzz.ratio(before, text[max(0, s - len(before)) : s])
            + fuzz.ratio(after, text[e : e + len(after)]),
        )

    reach = min(16, max(2, len(anchor.quote) // 4))
    snap = (lambda s, e: (s, e)) if anchor.line_aligned else (lambda s, e: _whole_words(anchor, text, s, e))
    best = (score(*snap(start, end)), *snap(start, end))
    for moving_start in (True, False, True, False):
        _, start, end = best
        for delta in range(-reach, reach + 1):
            s, e = (start + delta, end) if moving_start else (start, end + delta)
            if 0 <= s < e <= len(text):
                s, e = snap(s, e)
                value = score(s, e)
                if value > best[0]:
                    best = (value, s, e)
    return best[1], best[2]


def _whole_lines(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) widened to whole lines, then narrowed to leave out blank lines at either end."""
    while start < end and text[start] == "\n":  # a line break at an end belongs to no line of it
        start += 1
    while end > start and text[end - 1] == "\n":
        end -= 1
    if start == end:
        return start, end
    start = text.rfind("\n", 0, start) + 1
    stop = text.find("\n", max(start, end - 1))
    end = len(text) if stop == -1 else stop
    while start < end and text[start:end].startswith("\n"):
        start += 1
    while end > start and text[start:end].endswith("\n"):
        end -= 1
    return start, end


def _whole_words(anchor: Anchor, text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) moved out to word boundaries where the quote itself began or ended on one."""
    began_on_edge = not (anchor.prefix and anchor.prefix[-1].isalnum() and anchor.quote[0].isalnum())
    ended_on_edge = not (anchor.suffix and anchor.suffix[0].isalnum() and anchor.quote[-1].isalnum())
    if began_on_edge:
        while 0 < start < end and text[start - 1].isalnum() and text[start].isalnum():
            start -= 1
    if ended_on_edge:
        while start < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
            end += 1
    return start, end


NEAR_CHARS = 3000
"""Step 3 looks this far around the old place first; only when nothing acceptable is there, everywhere."""


def acceptable(candidate: Candidate | None) -> bool:
    """Whether an inexact match is good enough to propose (FUZZY_QUOTE_MIN and FUZZY_CONTEXT_MIN)."""
    return (
        candidate is not None
        and candidate.quote_score >= FUZZY_QUOTE_MIN
        and candidate.side_score >= FUZZY_CONTEXT_MIN
    )


def fuzzy_candidate(anchor: Anchor, text: str, hint: int | None = None) -> Candidate | None:
    """The place most like the quote in its stored context, found inexactly (step 3); None if no text.

    The quote and its context are looked for together, so a look-alike line elsewhere loses to
    the edited line in its old surroundings; then the quote's own range is found inside that
    region, and widened to whole lines when the quote was whole lines. With *hint* (where the
    old place is now), the text around it is searched first: an edit of a long text leaves most
    words near where they were, and searching all of it for each annotation is what costs.
    """
    if not text.strip():
        return None
    if hint is not None and len(text) > 2 * NEAR_CHARS:
        reach = NEAR_CHARS + 2 * len(anchor.quote)
        lo = max(0, hint - reach)
        hi = min(len(text), hint + reach)
        near = _fuzzy_in(anchor, text, lo, hi)
        if acceptable(near):
            return near
    return _fuzzy_in(anchor, text, 0, len(text))


def _fuzzy_in(anchor: Anchor, full: str, first: int, last: int) -> Candidate | None:
    """fuzzy_candidate within full[first:last] (offsets and scores over the whole text)."""
    text = full[first:last]
    if not text.strip():
        return None
    needle = anchor.prefix + anchor.quote + anchor.suffix
    if len(text) > len(needle):
        around = fuzz.partial_ratio_alignment(needle, text)
        slack = len(anchor.quote) // 2 + 8
        lo, hi = max(0, around.dest_start - slack), min(len(text), around.dest_end + slack)
    else:
        lo, hi = 0, len(text)
    region = text[lo:hi]
    if len(region) > len(anchor.quote):
        inside = fuzz.partial_ratio_alignment(anchor.quote, region)
        start, end = lo + inside.dest_start, lo + inside.dest_end
    else:
        start, end = lo, hi
    if end <= start:
        return None
    start, end = _refine(anchor, full, start + first, end + first)
    if anchor.line_aligned:
        start, end = _whole_lines(full, start, end)
    if end <= start or not full[start:end].strip():
        return None
    return _candidate(anchor, full, start, end)


def _find(
    anchor: Anchor,
    text: str,
    hint: int,
    taken: set[int],
    others: set[int] = frozenset(),
    *,
    near: bool = False,
) -> tuple[Candidate | None, bool]:
    """Steps 2 and 3 for one fragment: (best place, whether it is certain enough to anchor).

    *others*: where the edit took the places that held the same quote before it, other than
    this fragment's own. Those are other text (the same line in another chorus, with the same
    surroundings): proposed at most, never anchored.
    """
    exact = [c for c in exact_candidates(anchor, text) if c.start not in taken]
    # Best context first; among equals, the one nearest to where the diff puts the old place.
    exact.sort(key=lambda c: (-c.context_score, abs(c.start - hint)))
    certain = [c for c in exact if c.context_score >= CONTEXT_MATCH_MIN and c.start not in others]
    if len(certain) == 1 or (certain and certain[0].context_score > certain[1].context_score):
        return certain[0], True
    proposal = exact[0] if exact else None
    fuzzy = fuzzy_candidate(anchor, text, hint if near else None)
    if acceptable(fuzzy) and fuzzy.start not in taken and (proposal is None or fuzzy.score > proposal.score):
        proposal = fuzzy
    return proposal, False


def reanchor(
    fragments: Sequence[Anchor],
    status: str,
    new_text: str,
    edit: EditMap | None = None,
    index: LineIndex | None = None,
    old_text: str | None = None,
) -> Reanchored:
    """Re-anchor one annotation's fragments on *new_text* (issue 4's three steps).

    1. An anchored fragment is mapped through *edit* (the diff of old and new text); if the
       mapped range holds the exact quote, it is anchored there.
    2. Else the exact quote is looked for elsewhere; a place whose context also matches
       (CONTEXT_MATCH_MIN) is anchored; other places of the exact quote are only proposals.
    3. Else an inexact match of quote and context above FUZZY_QUOTE_MIN and FUZZY_CONTEXT_MIN
       is proposed.
    Every fragment anchored: "anchored". Some place found or proposed: "needs_review", with
    the places stored as proposals. Nothing: "orphaned". Fragments of needs_review and orphaned
    annotations have no valid old range, so they skip step 1 (a fix that brings their words
    back in context anchors them again in step 2). With *old_text* (the text before the edit),
    a place that held the same quote before the edit is never taken for this one in step 2.
    Step 1 runs for every fragment before steps 2 and 3, so no two fragments take one place.
    """
    index = index or LineIndex(new_text)
    followed: list[Anchor | None] = [
        follow_edit(fragment, edit, new_text, index) if status == "anchored" and edit is not None else None
        for fragment in fragments
    ]
    taken: set[int] = {moved.start for moved in followed if moved is not None}
    placed: list[tuple[Candidate | None, bool]] = []
    for fragment, moved in zip(fragments, followed, strict=True):
        if moved is not None:
            placed.append((Candidate(moved.start, moved.end, 100.0, 100.0, 100.0), True))
            continue
        old_place = None
        if edit is None:
            hint = fragment.start
        elif status == "anchored":
            hint, old_place = edit.map(fragment.start), fragment.start
        elif fragment.proposal is not None:
            hint, old_place = edit.map(fragment.proposal.start), fragment.proposal.start
        else:
            hint = min(fragment.start, len(new_text))
        # Step 3 looks near the old place first only when the diff really says where it went:
        # inside a big change (a whole text replaced) the mapped place means nothing.
        near = old_place is not None and edit.change_around(old_place) <= NEAR_CHARS
        others = _other_places(fragment, status, edit, old_text, new_text)
        found, certain = _find(fragment, new_text, hint, taken, others, near=near)
        if found is not None:
            taken.add(found.start)
        placed.append((found, certain))

    if all(certain for _, certain in placed):
        anchors = tuple(anchor_for_range(new_text, c.start, c.end, index) for c, _ in placed)
        return Reanchored("anchored", anchors)
    with_proposals = tuple(
        replace(fragment, proposal=None if c is None else _proposal(c, index))
        for fragment, (c, _) in zip(fragments, placed, strict=True)
    )
    if any(c is not None for c, _ in placed):
        return Reanchored("needs_review", with_proposals)
    return Reanchored("orphaned", with_proposals)


def _other_places(
    fragment: Anchor, status: str, edit: EditMap | None, old_text: str | None, new_text: str
) -> set[int]:
    """Where the edit took the other places that held this fragment's quote before it."""
    if edit is None or old_text is None:
        return set()
    own = fragment.start if status == "anchored" else -1
    places = set()
    for start in find_occurrences(old_text, fragment.quote):
        if start != own:
            mapped = edit.map(start)
            if new_text[mapped : mapped + len(fragment.quote)] == fragment.quote:
                places.add(mapped)
    return places


def _proposal(candidate: Candidate, index: LineIndex) -> Proposal:
    line_start, line_end = index.lines_of_range(candidate.start, candidate.end)
    return Proposal(candidate.start, candidate.end, line_start, line_end)


def accept_proposals(fragments: Sequence[Anchor], text: str) -> tuple[Anchor, ...]:
    """The anchors a needs_review annotation gets when its proposals are accepted.

    Fragments with no proposal (their text is gone) are dropped; with none at all there is
    nothing to accept and the user must choose a place.
    """
    index = LineIndex(text)
    places = dict.fromkeys((f.proposal.start, f.proposal.end) for f in fragments if f.proposal)
    anchors = tuple(anchor_for_range(text, start, end, index) for start, end in places)
    if not anchors:
        raise InvalidAnchor("no place was found for this annotation; select the text it belongs to instead")
    return anchors


def placed_from_outside(
    status: str, fragments: Sequence[Anchor], text: str, index: LineIndex | None = None
) -> tuple[str, tuple[Anchor, ...]]:
    """An annotation's status and fragments from a file, made to hold on *text* (nothing of theirs trusted).

    Anchored fragments must hold their quote at their offsets, else the annotation is
    re-anchored by quote and context (ending anchored, needs review or orphaned). Line numbers,
    context and occurrence are always recomputed from the offsets: a file's own could point
    anywhere (a `line_end` of 10**12 made later exports build a trillion lines).
    """
    index = index or LineIndex(text)
    if status == "anchored":
        if all(holds(f, text) for f in fragments):
            return "anchored", tuple(anchor_for_range(text, f.start, f.end, index) for f in fragments)
        result = reanchor(fragments, "needs_review", text, None, index)
        status, fragments = result.status, result.fragments
        if status == "anchored":
            return status, fragments
    return status, tuple(_within(f, text, index) for f in fragments)


def holds(fragment: Anchor, text: str) -> bool:
    """Whether *fragment*'s quote is the text at its offsets."""
    return (
        0 <= fragment.start < fragment.end <= len(text)
        and text[fragment.start : fragment.end] == fragment.quote
    )


def _within(fragment: Anchor, text: str, index: LineIndex) -> Anchor:
    """A fragment that is not anchored, its offsets and lines brought within *text*.

    Its place is only where it last was, but it is still stored: kept inside the text (a
    range of at least one code point, as the library requires) and its lines derived from it.
    """
    size = len(text)
    start = min(max(fragment.start, 0), max(size - 1, 0))
    end = min(max(fragment.end, start + 1), max(size, start + 1))
    line_start, line_end = index.lines_of_range(start, min(end, max(size, start)))
    proposal = fragment.proposal
    if proposal is not None:
        valid = 0 <= proposal.start < proposal.end <= size and text[proposal.start : proposal.end].strip()
        proposal = (
            Proposal(proposal.start, proposal.end, *index.lines_of_range(proposal.start, proposal.end))
            if valid
            else None
        )
    return replace(
        fragment, start=start, end=end, line_start=line_start, line_end=line_end, proposal=proposal
    )
