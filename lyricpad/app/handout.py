"""Printing a handout (`lyricpad.core.export.handout`): paged onto a PDF or a printer, "n / N" under each page."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QMarginsF,
    QPointF,
    QRectF,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPalette,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextFrame,
    QTextFrameFormat,
    QTextTable,
)

from lyricpad.core.errors import InvalidValue
from lyricpad.core.export.files import ExportFailed, check_target, write_atomic, write_atomic_bytes
from lyricpad.core.export.handout import KEEP_WHOLE, KEEP_WITH_NEXT, PAPERS

PAGE_SIZES = {"a4": QPageSize.PageSizeId.A4, "letter": QPageSize.PageSizeId.Letter}
MARGINS_MM = (16.0, 14.0, 16.0, 18.0)
"""Left, top, right, bottom: the bottom one holds the footer."""
SCREEN_DPI = 96.0
"""The resolution Qt's rich text counts pixel lengths (table padding, widths) in; scaled to the device."""
PDF_DPI = 600
_BREAK = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore


def page_layout(paper: str) -> QPageLayout:
    """The whole sheet of *paper*, no margin of Qt's own: the handout draws its margins and footer itself."""
    if paper not in PAPERS:
        raise InvalidValue(f"unknown paper size {paper!r}; choose one of {', '.join(PAPERS)}")
    return QPageLayout(QPageSize(PAGE_SIZES[paper]), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))


def _document(html: str, device: QPagedPaintDevice) -> QTextDocument:
    """*html* laid out in pages as big as *device*'s, the margins on every page (in device pixels)."""
    document = QTextDocument()
    document.setUndoRedoEnabled(False)
    # Measured on the device itself: fonts in points and lengths in pixels both come out at its resolution.
    document.documentLayout().setPaintDevice(device)
    document.setDefaultFont(QFont("DejaVu Sans", 10))
    document.setHtml(html)
    _scale_indents(document, device.logicalDpiX() / SCREEN_DPI)
    left, top, right, bottom = (mm / 25.4 * SCREEN_DPI for mm in MARGINS_MM)
    frame = QTextFrameFormat(document.rootFrame().frameFormat())
    # The root frame's margins repeat on every page of a paginated document (scaled to the device).
    frame.setLeftMargin(left)
    frame.setTopMargin(top)
    frame.setRightMargin(right)
    frame.setBottomMargin(bottom)
    document.rootFrame().setFrameFormat(frame)
    document.setPageSize(QSizeF(device.width(), device.height()))
    _keep_together(document)
    return document


def _scale_indents(document: QTextDocument, scale: float) -> None:
    """Scale the blocks' left and right margins and first-line indents to the device.

    Qt scales a block's top and bottom margins to a printer's resolution but takes these as device
    pixels: on a 600 dpi PDF a lyric line's hanging indent or a quotation's margin would all but vanish.
    """
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    block = document.begin()
    while block.isValid():
        old = block.blockFormat()
        if old.leftMargin() or old.rightMargin() or old.textIndent():
            new = QTextBlockFormat()
            new.setLeftMargin(old.leftMargin() * scale)
            new.setRightMargin(old.rightMargin() * scale)
            new.setTextIndent(old.textIndent() * scale)
            cursor.setPosition(block.position())
            cursor.mergeBlockFormat(new)
        block = block.next()
    cursor.endEditBlock()


def _items(document: QTextDocument) -> list[QTextBlock | QTextFrame]:
    """The blocks and tables of the root frame, in order: what the printer moves as units."""
    items: list[QTextBlock | QTextFrame] = []
    it = document.rootFrame().begin()
    while not it.atEnd():
        frame, block = it.currentFrame(), it.currentBlock()
        items.append(frame if frame is not None else block)
        it += 1
    return items


def _span(document: QTextDocument, item: QTextBlock | QTextFrame) -> tuple[float, float]:
    """Where *item*'s ink begins and ends, in document pixels (a block's from its first line to its last)."""
    layout = document.documentLayout()
    if isinstance(item, QTextFrame):
        rect = layout.frameBoundingRect(item)
        return rect.top(), rect.bottom()
    lines = item.layout()
    origin = lines.position().y()
    if not lines.lineCount():
        rect = layout.blockBoundingRect(item)
        return rect.top(), rect.bottom()
    first, last = lines.lineAt(0), lines.lineAt(lines.lineCount() - 1)
    return origin + first.y(), origin + last.y() + last.height()


def _break_before(document: QTextDocument, item: QTextBlock | QTextFrame) -> None:
    """Start *item* on a new page (the layout follows at once)."""
    if isinstance(item, QTextFrame):
        frame = item.frameFormat()
        frame.setPageBreakPolicy(_BREAK)
        item.setFrameFormat(frame)
        return
    cursor = QTextCursor(item)
    block = QTextBlockFormat()
    block.setPageBreakPolicy(_BREAK)
    cursor.mergeBlockFormat(block)


def _keeps(item: QTextBlock | QTextFrame, state: int) -> bool:
    return not isinstance(item, QTextFrame) and item.userState() == state


def _keep_together(document: QTextDocument) -> None:
    """Move to the next page what Qt would split: a lyric line (its number and words), a note card
    (a table), a heading or section header left alone at a page's foot.

    Qt's rich text has no "keep together": lay out, find the first unit that straddles a page's
    foot, break the page before it, lay out again. A unit taller than a page is left to split.
    """
    height = document.pageSize().height()
    frame = document.rootFrame().frameFormat()
    room = height - frame.topMargin() - frame.bottomMargin()
    done: set[int] = set()
    while True:
        items = _items(document)
        spans = [_span(document, item) for item in items]
        moved = False
        for k, (item, (top, bottom)) in enumerate(zip(items, spans, strict=True)):
            page = int(top // height)
            whole = isinstance(item, QTextTable) or _keeps(item, KEEP_WHOLE)
            split = whole and int((bottom - 1) // height) != page and bottom - top < room
            alone = (
                _keeps(item, KEEP_WITH_NEXT) and k + 1 < len(items) and int(spans[k + 1][0] // height) > page
            )
            if not (split or alone):
                continue
            first = k
            # A heading before a section header goes with it (and so on up).
            while (
                first
                and _keeps(items[first - 1], KEEP_WITH_NEXT)
                and int(spans[first - 1][0] // height) == page
            ):
                first -= 1
            key = _position(items[first])
            if key in done:
                continue  # already starts a page: nothing more to do
            done.add(key)
            _break_before(document, items[first])
            moved = True
            break
        if not moved:
            return


def _position(item: QTextBlock | QTextFrame) -> int:
    return item.firstPosition() if isinstance(item, QTextFrame) else item.position()


def paint_handout(html: str, device: QPagedPaintDevice, *, footer: str = "") -> int:
    """Paint *html* onto *device* (a PDF writer or a printer, its page layout already set) page by page.

    No lyric line, note card or table shorter than a page is cut between pages, and no heading
    ends a page (`_keep_together`); each page gets *footer* on the left and "n / N" on the right.
    Returns the page count.
    """
    document = _document(html, device)
    pages = max(1, document.pageCount())
    width, height = float(device.width()), float(device.height())
    scale = device.logicalDpiY() / SCREEN_DPI
    left, right, bottom = (
        mm / 25.4 * SCREEN_DPI * scale for mm in (MARGINS_MM[0], MARGINS_MM[2], MARGINS_MM[3])
    )
    font = QFont("DejaVu Sans")
    font.setPointSizeF(8)
    painter = QPainter()
    if not painter.begin(device):
        raise ExportFailed(
            QCoreApplication.translate(
                "handout", "cannot print the handout: the printer or file could not be opened"
            )
        )
    try:
        painter.setFont(font)
        metrics = QFontMetricsF(font, device)
        baseline = height - bottom / 2 + metrics.ascent() / 2
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, QColor("#1d1d1d"))
        for page in range(pages):
            if page:
                device.newPage()
            view = QRectF(0, page * height, width, height)
            painter.save()
            painter.translate(0, -page * height)
            painter.setClipRect(view)
            context.clip = view
            document.documentLayout().draw(painter, context)
            painter.restore()
            painter.setPen(QColor("#777777"))
            number = f"{page + 1} / {pages}"
            painter.drawText(QPointF(width - right - metrics.horizontalAdvance(number), baseline), number)
            if footer:
                room = (
                    width - left - right - metrics.horizontalAdvance(number) - 4 * metrics.averageCharWidth()
                )
                text = metrics.elidedText(footer, Qt.TextElideMode.ElideRight, room)
                painter.drawText(QPointF(left, baseline), text)
    finally:
        painter.end()
    return pages


def handout_pdf(html: str, *, paper: str = "a4", title: str = "", footer: str = "") -> bytes:
    """The handout as a PDF file's bytes, on *paper* ("a4" or "letter")."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(PDF_DPI)
    writer.setPageLayout(page_layout(paper))
    writer.setTitle(title)
    writer.setCreator("lyricpad")
    paint_handout(html, writer, footer=footer)
    del writer  # finishes the file
    buffer.close()
    return bytes(data.data())


def write_handout(
    html: str, path: str | os.PathLike, *, paper: str = "a4", title: str = "", footer: str = ""
) -> Path:
    """Write the handout *html* to *path*, atomically: a PDF, or the HTML itself when the name ends in .html/.htm."""
    target = check_target(Path(path))  # a library, a pipe or a folder is refused before any work
    if target.suffix.lower() in (".html", ".htm"):
        if paper not in PAPERS:
            raise InvalidValue(f"unknown paper size {paper!r}; choose one of {', '.join(PAPERS)}")
        return write_atomic(target, html)
    return write_atomic_bytes(target, handout_pdf(html, paper=paper, title=title, footer=footer))
