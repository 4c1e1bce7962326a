"""Where an annotation sits, as the note editor, the review bar and the window's messages say it:
"Lyrics · lines 3–4", "line 12", "lines 8, 22 … 295 (40 places)"."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication

from lyricpad.core.models import Annotation

PLACES_SHOWN = 4
"""A reference to more places than this names the first ones and the last: "lines 22, 29 … 295 (40 places)"."""
TOOLTIP_PLACES = 200
"""The place label's tooltip names this many places at most: every one of thousands is no help."""
TOOLTIP_WIDTH = 420
"""The width, in pixels, at which the place tooltip wraps: never a line wider than the screen."""


def line_reference(
    annotation: Annotation, *, proposed: bool = False, limit: int | None = PLACES_SHOWN
) -> str:
    """Where the annotation sits: "line 3", "lines 3–4" or "lines 8, 22, 35" (*proposed*: where it may go).

    More than *limit* places (None: no limit) are shortened, so that the reference stays one short line.
    """
    if proposed:
        spans = sorted(
            {(f.proposal.line_start, f.proposal.line_end) for f in annotation.fragments if f.proposal}
        )
    else:
        spans = sorted({(f.line_start, f.line_end) for f in annotation.fragments})
    if not spans:
        return ""
    parts = [str(first) if first == last else f"{first}–{last}" for first, last in spans]
    if len(spans) == 1 and spans[0][0] == spans[0][1]:
        return QCoreApplication.translate("NoteEditor", "line {line}").format(line=parts[0])
    if limit is not None and len(parts) > max(limit, 3):
        # Not a plural message: pyside6-lupdate extracts translate() with a variable count as a plain one.
        # The count is always more than 3 here, written with a thousands separator: "(1,000 places)".
        return QCoreApplication.translate(
            "NoteEditor", "lines {first} … {last} ({count} places)", "count is 4 or more"
        ).format(first=", ".join(parts[: limit - 2]), last=parts[-1], count=f"{len(parts):,}")
    return QCoreApplication.translate("NoteEditor", "lines {lines}").format(lines=", ".join(parts))


def wrapped_tooltip(text: str) -> str:
    """*text* as a rich-text tooltip that wraps at TOOLTIP_WIDTH pixels (plain text would be one long line)."""
    return f'<table width="{TOOLTIP_WIDTH}"><tr><td>{html.escape(text)}</td></tr></table>'


def place_text(annotation: Annotation, *, limit: int | None = PLACES_SHOWN) -> str:
    """ "Lyrics · line 3"; for an annotation whose text was edited, where it may go or where it was."""
    where = {
        "lyrics": QCoreApplication.translate("NoteEditor", "Lyrics"),
        "translation": QCoreApplication.translate("NoteEditor", "Translation"),
    }.get(annotation.target) or QCoreApplication.translate("NoteEditor", "Article")
    if annotation.status == "anchored":
        return QCoreApplication.translate("NoteEditor", "{where} · {place}").format(
            where=where, place=line_reference(annotation, limit=limit)
        )
    if annotation.status == "needs_review" and annotation.proposal is not None:
        return QCoreApplication.translate("NoteEditor", "{where} · proposed: {place}").format(
            where=where, place=line_reference(annotation, proposed=True, limit=limit)
        )
    # Its own lines are those of an older text: said as such, never as where it is now.
    return QCoreApplication.translate("NoteEditor", "{where} · was {place}").format(
        where=where, place=line_reference(annotation, limit=limit)
    )
