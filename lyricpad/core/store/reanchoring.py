"""Re-anchoring: after a text is edited, its annotations follow their words (inside the edit's transaction)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lyricpad.core.anchoring import EditMap, reanchor
from lyricpad.core.store.common import now
from lyricpad.core.text import LineIndex

if TYPE_CHECKING:
    from lyricpad.core.store.library import Library


def reanchor_text(
    library: Library, song_id: str, target: str, article_id: str | None, old: str, new: str
) -> None:
    """Re-anchor every annotation on an edited text (trashed ones too: they may come back).

    See anchoring.reanchor: anchored annotations follow their words through a diff, or are
    found again by quote and context; otherwise they need review (with the place proposed)
    or are orphaned. Quote and note are never lost. Needs-review and orphaned annotations
    are looked for again, so an edit that brings their words back anchors them again.
    """
    if old == new:
        return
    annotations = library.annotations.where(
        "a.song_id = ? AND a.target = ? AND a.article_id IS ?", [song_id, target, article_id]
    )
    if not annotations:
        return  # nothing to follow: no diff to compute
    edit = EditMap(old, new)
    index = LineIndex(new)
    for annotation in annotations:
        result = reanchor(annotation.fragments, annotation.status, new, edit, index, old)
        if result.status == annotation.status and result.fragments == annotation.fragments:
            continue
        library.annotations.write_fragments(annotation.id, result.fragments)
        library.update_row("annotations", annotation.id, {"status": result.status, "updated": now()})
