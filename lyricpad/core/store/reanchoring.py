"""Re-anchoring: after a text is edited, its annotations follow their words, and the study data of
lyrics (corrections, translation) their lines (inside the edit's transaction)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lyricpad.core.anchoring import EditMap, reanchor
from lyricpad.core.line_map import lyric_lines, map_lines
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


def follow_lines(library: Library, song_id: str, old: str, new: str) -> None:
    """After the song's lyrics went from *old* to *new*: its corrections and translation follow their lines."""
    if old == new:
        return
    has_any = library.tuples(
        "SELECT EXISTS (SELECT 1 FROM study_corrections WHERE song_id = ?)"
        " OR EXISTS (SELECT 1 FROM translations WHERE song_id = ?)",
        [song_id, song_id],
    )[0][0]
    if not has_any:
        return  # nothing to follow: no diff to compute
    old_lines, new_lines = lyric_lines(old), lyric_lines(new)
    moved = map_lines(old_lines, new_lines)
    library.corrections.follow(song_id, old_lines, new_lines, moved)
    library.translations.follow(song_id, moved)
