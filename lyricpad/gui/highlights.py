"""How annotations look in a text pane: lens colours, highlight selections and hover tooltips."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QColor, QHelpEvent, QPalette, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from lyricpad.core.models import Annotation

LIGHT_ALPHA = 85
"""Opacity (0-255) of a highlight on a light background: translucent so overlaps stay visible."""

DARK_ALPHA = 120
"""On a dark background a lens colour needs more opacity to be seen at all."""


@dataclass(frozen=True)
class Highlight:
    """One highlighted range of a Qt text document, and the annotation it belongs to."""

    start: int
    end: int
    annotation: Annotation


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def lens_colour(annotation: Annotation, palette: QPalette) -> QColor:
    """The opaque colour of the annotation's lens (the palette's highlight without a lens)."""
    if annotation.lens is not None:
        return QColor(annotation.lens.colour)
    return palette.color(QPalette.ColorRole.Highlight)


def highlight_colour(annotation: Annotation, palette: QPalette) -> QColor:
    colour = lens_colour(annotation, palette)
    colour.setAlpha(DARK_ALPHA if is_dark(palette) else LIGHT_ALPHA)
    return colour


def extra_selections(
    document: QTextDocument, highlights: list[Highlight], palette: QPalette
) -> list[QTextEdit.ExtraSelection]:
    """One translucent background selection per highlight, in the lens colour."""
    selections = []
    last = max(document.characterCount() - 1, 0)
    for highlight in highlights:
        start, end = min(highlight.start, last), min(highlight.end, last)
        if start >= end:
            continue
        cursor = QTextCursor(document)
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        text_format = QTextCharFormat()
        text_format.setBackground(highlight_colour(highlight.annotation, palette))
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = text_format
        selections.append(selection)
    return selections


def annotations_at(highlights: list[Highlight], position: int) -> list[Annotation]:
    """The annotations whose highlight covers the character at *position*, each once."""
    found: dict[str, Annotation] = {}
    for highlight in highlights:
        if highlight.start <= position < highlight.end:
            found.setdefault(highlight.annotation.id, highlight.annotation)
    return list(found.values())


def _inline_markdown(text: str) -> str:
    """Notes are Markdown; a tooltip only needs emphasis, so render just that."""
    text = html.escape(text.strip())
    text = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"<i>\1</i>", text)
    return text.replace("\n", "<br>")


def tooltip_html(annotations: list[Annotation], palette: QPalette) -> str:
    """Rich text describing *annotations*: lens, note and tags of each."""
    parts = []
    for annotation in annotations:
        colour = lens_colour(annotation, palette).name()
        lens = html.escape(annotation.lens.name if annotation.lens else "No lens")
        note = _inline_markdown(annotation.note) or "<i>No note</i>"
        tags = " ".join(f"#{html.escape(t)}" for t in annotation.tags)
        tag_line = f"<br><small>{tags}</small>" if tags else ""
        parts.append(f"<p><span style='color:{colour}'>&#9632;</span> <b>{lens}</b><br>{note}{tag_line}</p>")
    return "<qt>" + "".join(parts) + "</qt>"


def show_tooltip(editor: QPlainTextEdit | QTextEdit, event: QEvent, highlights: list[Highlight]) -> bool:
    """Handle a viewport tooltip event: show the notes of the highlights under the mouse.

    Returns True when the event was a tooltip event (shown or hidden).
    """
    if event.type() != QEvent.Type.ToolTip or not isinstance(event, QHelpEvent):
        return False
    pos: QPoint = event.pos()
    cursor = editor.cursorForPosition(pos)
    # cursorForPosition gives the nearest gap between characters; the character under
    # the mouse is the one after the gap when the mouse is on its left half, else before.
    position = cursor.position()
    rect = editor.cursorRect(cursor)
    if pos.x() < rect.x() and position > 0:
        position -= 1
    annotations = annotations_at(highlights, position)
    if annotations:
        QToolTip.showText(event.globalPos(), tooltip_html(annotations, editor.palette()), editor.viewport())
    else:
        QToolTip.hideText()
        event.ignore()
    return True
