"""How annotations look in a text pane: lens colours, hover tooltips, hit tests and outlines."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QIcon,
    QPainter,
    QPalette,
    QPen,
    QPixmap,
    QTextBlock,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip

from lyricpad.core.models import Annotation

LIGHT_ALPHA = 85
"""Opacity (0-255) of a highlight on a light background: translucent so overlaps stay visible."""

DARK_ALPHA = 120
"""On a dark background a lens colour needs more opacity to be seen at all."""

SELECTED_LIGHT_ALPHA = 170
SELECTED_DARK_ALPHA = 200
"""Opacity of the highlights of the annotation the note editor shows: clearly stronger than the rest."""

INACTIVE_SELECTION_ALPHA = 46
"""Opacity of the text colour that marks a selection in a pane without the focus: a pale grey wash
through which the lens colours show (the selection is kept there for Link to Lyrics Lines)."""


@dataclass(frozen=True)
class Highlight:
    """One highlighted range of a Qt text document, and the annotation it belongs to."""

    start: int
    end: int
    annotation: Annotation


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def calm_inactive_selection(editor: QPlainTextEdit | QTextEdit) -> bool:
    """Make *editor*'s selection a pale grey wash, the text keeping its colour, while it has no focus.

    Qt paints the selection of an editor without the focus in the palette's Inactive colours;
    the stock ones are as solid as the focused blue and hide the lens colours under them.
    Returns whether the palette was changed (its own PaletteChange event follows at once).
    """
    palette = editor.palette()
    inactive = QPalette.ColorGroup.Inactive
    text = palette.color(inactive, QPalette.ColorRole.Text)
    wash = QColor(text)
    wash.setAlpha(INACTIVE_SELECTION_ALPHA)
    if (
        palette.color(inactive, QPalette.ColorRole.Highlight) == wash
        and palette.color(inactive, QPalette.ColorRole.HighlightedText) == text
    ):
        return False
    palette.setColor(inactive, QPalette.ColorRole.Highlight, wash)
    palette.setColor(inactive, QPalette.ColorRole.HighlightedText, text)
    editor.setPalette(palette)
    return True


def lens_colour(annotation: Annotation, palette: QPalette) -> QColor:
    """The opaque colour of the annotation's lens (the palette's highlight without a lens)."""
    if annotation.lens is not None:
        return QColor(annotation.lens.colour)
    # The Active one: the Inactive highlight of a reading pane is a translucent wash.
    return palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)


def highlight_colour(annotation: Annotation, palette: QPalette) -> QColor:
    colour = lens_colour(annotation, palette)
    colour.setAlpha(DARK_ALPHA if is_dark(palette) else LIGHT_ALPHA)
    return colour


def selected_highlight_colour(annotation: Annotation, palette: QPalette) -> QColor:
    """The stronger background of the annotation the user is working on."""
    colour = lens_colour(annotation, palette)
    colour.setAlpha(SELECTED_DARK_ALPHA if is_dark(palette) else SELECTED_LIGHT_ALPHA)
    return colour


def outline_colour(annotation: Annotation, palette: QPalette) -> QColor:
    """An opaque lens colour that stands out against the background, for outlines."""
    colour = lens_colour(annotation, palette)
    return colour.lighter(140) if is_dark(palette) else colour.darker(140)


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
        lens = html.escape(
            annotation.lens.name if annotation.lens else QCoreApplication.translate("highlights", "No lens")
        )
        note = _inline_markdown(annotation.note) or QCoreApplication.translate("highlights", "<i>No note</i>")
        tags = " ".join(f"#{html.escape(t)}" for t in annotation.tags)
        tag_line = f"<br><small>{tags}</small>" if tags else ""
        parts.append(f"<p><span style='color:{colour}'>&#9632;</span> <b>{lens}</b><br>{note}{tag_line}</p>")
    return "<qt>" + "".join(parts) + "</qt>"


def proposal_tooltip_html(annotations: list[Annotation], palette: QPalette) -> str:
    """Rich text saying whose proposed place this is: "Proposed place for: <note or quote>"."""
    parts = []
    for annotation in annotations:
        colour = lens_colour(annotation, palette).name()
        about = _first_line(annotation.note) or f"“{_first_line(annotation.quote)}”"
        says = QCoreApplication.translate(
            "highlights",
            "<b>Proposed place</b> for: {about}<br>"
            "<small>The text was edited — accept it in the annotations panel.</small>",
        ).format(about=_inline_markdown(about))
        parts.append(f"<p><span style='color:{colour}'>&#9632;</span> {says}</p>")
    return "".join(parts)


def _first_line(text: str) -> str:
    return next((line.strip() for line in text.splitlines() if line.strip()), "")


def show_tooltip(
    editor: QPlainTextEdit | QTextEdit,
    event: QEvent,
    highlights: list[Highlight],
    proposals: list[Highlight] | None = None,
) -> bool:
    """Handle a viewport tooltip event: show the notes of the highlights (and proposals) under the mouse.

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
    proposed = [a for a in annotations_at(proposals or [], position) if a not in annotations]
    if annotations or proposed:
        text = tooltip_html(annotations, editor.palette()) if annotations else "<qt></qt>"
        if proposed:
            text = text.removesuffix("</qt>") + proposal_tooltip_html(proposed, editor.palette()) + "</qt>"
        QToolTip.showText(event.globalPos(), text, editor.viewport())
    else:
        QToolTip.hideText()
        event.ignore()
    return True


# ------------------------------------------------------- hit tests and outlines


def innermost_annotation(highlights: list[Highlight], position: int) -> Annotation | None:
    """The annotation at *position* whose highlight there is shortest: with overlaps, the one inside."""
    best: Highlight | None = None
    for highlight in highlights:
        if highlight.start <= position < highlight.end and (
            best is None or highlight.end - highlight.start <= best.end - best.start
        ):
            best = highlight
    return best.annotation if best is not None else None


def _block_origin(editor: QPlainTextEdit | QTextEdit, block: QTextBlock) -> QPointF:
    """Where *block*'s layout starts, in viewport coordinates."""
    position = block.layout().position()
    if isinstance(editor, QPlainTextEdit):
        geometry = editor.blockBoundingGeometry(block).translated(editor.contentOffset())
        return geometry.topLeft() + position
    return position - QPointF(editor.horizontalScrollBar().value(), editor.verticalScrollBar().value())


def character_at(editor: QPlainTextEdit | QTextEdit, point: QPoint) -> int:
    """The document position of the character drawn under viewport *point*; -1 off the text.

    Unlike cursorForPosition (the nearest gap between characters), a point in the margin or
    past the end of a line hits nothing.
    """
    block = editor.cursorForPosition(point).block()
    if not block.isValid():
        return -1
    layout = block.layout()
    local = QPointF(point) - _block_origin(editor, block)
    for number in range(layout.lineCount()):
        line = layout.lineAt(number)
        if not line.y() <= local.y() < line.y() + line.height():
            continue
        if not line.x() <= local.x() < line.x() + line.naturalTextWidth():
            return -1
        index = line.xToCursor(local.x(), QTextLine.CursorPosition.CursorOnCharacter)
        index = index[0] if isinstance(index, tuple) else index
        if not line.textStart() <= index < line.textStart() + line.textLength():
            return -1
        return block.position() + index
    return -1


def range_rects(editor: QPlainTextEdit | QTextEdit, start: int, end: int) -> list[QRectF]:
    """One rectangle per line of text that document positions *start*..*end* cover, in viewport coordinates."""
    document = editor.document()
    rects: list[QRectF] = []
    block = document.findBlock(start)
    while block.isValid() and block.position() < end:
        layout = block.layout()
        origin = _block_origin(editor, block)
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            line_start = line.textStart()
            line_end = line_start + line.textLength()
            first = max(start - block.position(), line_start)
            last = min(end - block.position(), line_end)
            if first >= last:
                continue
            left = line.cursorToX(first)
            right = line.cursorToX(last)
            left = left[0] if isinstance(left, tuple) else left
            right = right[0] if isinstance(right, tuple) else right
            rect = QRectF(min(left, right), line.y(), abs(right - left), line.height())
            rects.append(rect.translated(origin))
        block = block.next()
    return rects


def paint_outline(
    painter: QPainter, rects: list[QRectF], colour: QColor, width: float = 1.5, *, dashed: bool = False
) -> None:
    """A rounded outline around each rectangle of a highlight (*dashed*: of a proposed place)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(colour, width)
    if dashed:
        pen.setStyle(Qt.PenStyle.DashLine)
    painter.setPen(pen)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    inset = width / 2
    for rect in rects:
        painter.drawRoundedRect(rect.adjusted(-inset, inset, inset, -inset), 2.5, 2.5)
    painter.restore()


def lens_icon(colour: str, palette: QPalette, size: int = 16, ratio: float = 1.0) -> QIcon:
    """A rounded square in a lens *colour* ("" for no lens: hollow), for lists, menus and toolbars.

    Outlined in the palette's Mid, so pale colours show on a light menu and dark ones on a dark one.
    """
    pixmap = QPixmap(round(size * ratio), round(size * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(palette.color(QPalette.ColorRole.Mid))
    painter.setBrush(QColor(colour) if colour else Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(QRectF(1.5, 1.5, size - 3, size - 3), 3, 3)
    painter.end()
    return QIcon(pixmap)
