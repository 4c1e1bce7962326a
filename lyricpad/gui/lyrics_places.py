"""Where the lyrics pane draws annotations: their stored offsets, moved through the edits typed since."""

from __future__ import annotations

from lyricpad.app.positions import Utf16Map
from lyricpad.core.models import Annotation
from lyricpad.gui.highlights import Highlight


def moved_range(start: int, end: int, position: int, removed: int, added: int) -> tuple[int, int] | None:
    """Where the range [start, end) is after *removed* characters at *position* became *added* ones.

    Text typed or deleted before the range shifts it; a change inside it stretches or shrinks
    it; text typed right at either edge stays outside it. None when nothing of it is left.
    """
    changed_end = position + removed
    delta = added - removed
    if changed_end <= start:
        return start + delta, end + delta
    if position >= end:
        return start, end
    if start <= position and changed_end <= end:
        new_start, new_end = start, end + delta
    else:  # the change overlaps one edge, or swallows the whole range
        new_start = start if start < position else position + added
        new_end = end + delta if end > changed_end else position
    return (new_start, new_end) if new_start < new_end else None


def moved_highlights(highlights: list[Highlight], position: int, removed: int, added: int) -> list[Highlight]:
    """*highlights* after an edit of the document (see `moved_range`); those whose text went are dropped."""
    moved_highlights = []
    for highlight in highlights:
        moved = moved_range(highlight.start, highlight.end, position, removed, added)
        if moved is None:
            continue
        if moved == (highlight.start, highlight.end):
            moved_highlights.append(highlight)
        else:
            moved_highlights.append(Highlight(moved[0], moved[1], highlight.annotation))
    return moved_highlights


def places_from(
    annotations: list[Annotation], stored: str, changes: list[tuple[int, int, int]], target: str = "lyrics"
) -> tuple[list[Highlight], list[Highlight]]:
    """(highlights, proposals): where the anchored annotations are, and where those needing review may be.

    Only annotations on *target* are placed ("lyrics", or "translation" for the translation pane).

    Offsets count over the *stored* lyrics; the *changes* (position, removed, added) typed since
    are applied to them, so that they land on their words in the document shown.
    """
    positions = Utf16Map(stored)
    length = len(stored)
    highlights: list[Highlight] = []
    proposals: list[Highlight] = []

    def place(start: int, end: int, annotation: Annotation, into: list[Highlight]) -> None:
        if not 0 <= start < end <= length:
            return  # offsets over another text than the one shown (a save still on its way)
        moved: tuple[int, int] | None = (positions.to_utf16(start), positions.to_utf16(end))
        for change in changes:
            moved = moved_range(*moved, *change)
            if moved is None:
                return
        if moved is not None and moved[0] < moved[1]:
            into.append(Highlight(moved[0], moved[1], annotation))

    for annotation in annotations:
        if annotation.target != target or annotation.deleted:
            continue
        if annotation.status == "anchored":
            for fragment in annotation.fragments:
                place(fragment.start, fragment.end, annotation, highlights)
        elif annotation.status == "needs_review":
            for fragment in annotation.fragments:
                if fragment.proposal is not None:
                    place(fragment.proposal.start, fragment.proposal.end, annotation, proposals)
    return highlights, proposals
