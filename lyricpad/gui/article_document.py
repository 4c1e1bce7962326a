"""A Qt text document typeset from a rendered article: what the article pane shows.

The document holds exactly ``RenderedArticle.text``: one Qt block per rendered block, a line
break inside a block as U+2028, list markers drawn by ``QTextList`` (never text). So
``toPlainText()`` equals the rendered text (Qt shows a no-break space as a space there) and
document positions are the rendered text's code-point offsets counted in UTF-16.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QGuiApplication,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLength,
    QTextList,
    QTextListFormat,
    QTextOption,
)

from lyricpad.app.positions import Utf16Map
from lyricpad.core.markdown import Block, RenderedArticle, Span

HREF_PROPERTY = int(QTextFormat.Property.UserProperty) + 1
"""Char format property holding a link's target (data only: the pane never follows it)."""

IMAGE_SOURCE_PROPERTY = int(QTextFormat.Property.UserProperty) + 2
"""Char format property holding an image's source (never fetched: the alt text stands in)."""

QUOTE_LEVEL_PROPERTY = QTextFormat.Property.BlockQuoteLevel
"""Block format property: how many block quotes hold the block (the pane draws a bar for each)."""

_HEADING_SCALE = {1: 1.6, 2: 1.3, 3: 1.15, 4: 1.05, 5: 1.0, 6: 0.95}
_BULLET_STYLES = (
    QTextListFormat.Style.ListDisc,
    QTextListFormat.Style.ListCircle,
    QTextListFormat.Style.ListSquare,
)


def utf16_positions(text: str):
    """A function mapping code-point offsets of *text* to Qt document positions (UTF-16 units)."""
    return Utf16Map(text).to_utf16


def mix(first: QColor, second: QColor, amount: float) -> QColor:
    """*amount* (0-1) of *second* blended into *first*."""
    return QColor.fromRgbF(
        first.redF() + (second.redF() - first.redF()) * amount,
        first.greenF() + (second.greenF() - first.greenF()) * amount,
        first.blueF() + (second.blueF() - first.blueF()) * amount,
    )


def line_height(font: QFont) -> float:
    return QFontMetricsF(font).height()


def quote_indent(font: QFont) -> float:
    """How far each level of block quote moves its text right, in pixels."""
    return round(line_height(font) * 1.4)


def quote_bar_colour(palette: QPalette) -> QColor:
    return mix(palette.color(QPalette.ColorRole.Base), palette.color(QPalette.ColorRole.Text), 0.3)


class _Styles:
    """Block and character formats for one palette and base font."""

    def __init__(self, palette: QPalette, font: QFont):
        self.palette = palette
        self.font = font
        self.line = line_height(font)
        self.quote_step = quote_indent(font)
        text = palette.color(QPalette.ColorRole.Text)
        base = palette.color(QPalette.ColorRole.Base)
        self.muted = mix(text, base, 0.3)
        self.code_background = mix(base, text, 0.07)
        self.link = palette.color(QPalette.ColorRole.Link)
        self.mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)

    def _sized(self, char_format: QTextCharFormat, factor: float) -> None:
        if self.font.pointSizeF() > 0:
            char_format.setFontPointSize(self.font.pointSizeF() * factor)
        else:
            char_format.setProperty(QTextFormat.Property.FontPixelSize, round(self.font.pixelSize() * factor))

    def _monospace(self, char_format: QTextCharFormat) -> None:
        char_format.setFontFamilies([self.mono.family()])
        char_format.setFontFixedPitch(True)
        char_format.setFontStyleHint(QFont.StyleHint.Monospace)

    def block(self, block: Block, next_block: Block | None) -> tuple[QTextBlockFormat, QTextCharFormat]:
        block_format = QTextBlockFormat()
        char_format = QTextCharFormat()
        gap = self.line * 0.6
        # Items of a list (and rows of a table) sit close together; the list as a whole is spaced.
        close = next_block is not None and (
            (block.list_depth and next_block.list_depth)
            or (block.kind == "table_row" and next_block.table_id == block.table_id)
        )
        block_format.setBottomMargin(self.line * 0.2 if close else gap)
        if block.kind == "heading":
            block_format.setHeadingLevel(block.level)
            block_format.setTopMargin(self.line * (1.1 if block.level <= 2 else 0.8))
            block_format.setBottomMargin(self.line * 0.3)
            char_format.setFontWeight(QFont.Weight.Bold)
            self._sized(char_format, _HEADING_SCALE.get(block.level, 1.0))
        elif block.kind == "code":
            block_format.setBackground(self.code_background)
            block_format.setNonBreakableLines(True)
            block_format.setLeftMargin(self.line * 0.5)
            block_format.setRightMargin(self.line * 0.5)
            self._monospace(char_format)
        elif block.kind == "rule":
            block_format.setProperty(
                QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
                QTextLength(QTextLength.Type.PercentageLength, 100),
            )
            block_format.setTopMargin(gap)
        elif block.kind == "table_row" and block.header:
            char_format.setFontWeight(QFont.Weight.Bold)
        if block.quote_depth:
            block_format.setProperty(QUOTE_LEVEL_PROPERTY, block.quote_depth)
            block_format.setLeftMargin(block_format.leftMargin() + block.quote_depth * self.quote_step)
            char_format.setForeground(self.muted)
        if block.list_depth and block.item is None:
            block_format.setIndent(block.list_depth)  # a later paragraph of an item lines up with it
        return block_format, char_format

    def list_format(self, block: Block) -> QTextListFormat:
        item = block.item
        list_format = QTextListFormat()
        list_format.setIndent(item.depth)
        if item.ordered:
            list_format.setStyle(QTextListFormat.Style.ListDecimal)
            list_format.setStart(item.number)
            list_format.setNumberSuffix(item.delimiter)
        else:
            list_format.setStyle(_BULLET_STYLES[min(item.depth, len(_BULLET_STYLES)) - 1])
        return list_format

    def span(self, span: Span) -> QTextCharFormat:
        char_format = QTextCharFormat()
        if span.kind == "emphasis":
            char_format.setFontItalic(True)
        elif span.kind == "strong":
            char_format.setFontWeight(QFont.Weight.Bold)
        elif span.kind == "strikethrough":
            char_format.setFontStrikeOut(True)
        elif span.kind == "code":
            self._monospace(char_format)
            char_format.setBackground(self.code_background)
        elif span.kind == "link":
            char_format.setForeground(self.link)
            char_format.setFontUnderline(True)
            char_format.setProperty(HREF_PROPERTY, span.href)
        elif span.kind == "image":
            char_format.setForeground(self.muted)
            char_format.setFontItalic(True)
            char_format.setProperty(IMAGE_SOURCE_PROPERTY, span.href)
        return char_format

    def table_tabs(self, article: RenderedArticle, rows: list[Block]) -> list[QTextOption.Tab]:
        """Tab stops that line a table's columns up: each column as wide as its widest cell."""
        bold = QFont(self.font)
        bold.setBold(True)
        widths: list[float] = []
        for row in rows:
            metrics = QFontMetricsF(bold if row.header else self.font)
            for column, cell in enumerate(article.text[row.start : row.end].split("\t")):
                width = metrics.horizontalAdvance(cell)
                if column < len(widths):
                    widths[column] = max(widths[column], width)
                else:
                    widths.append(width)
        tabs, x = [], 0.0
        for width in widths[:-1]:
            x += width + self.line * 1.5
            tabs.append(QTextOption.Tab(x, QTextOption.TabType.LeftTab))
        return tabs


def fill_document(document: QTextDocument, article: RenderedArticle, palette: QPalette, font: QFont) -> None:
    """Replace *document*'s content with *article*, typeset in *font* with *palette*'s colours."""
    styles = _Styles(palette, font)
    document.setUndoRedoEnabled(False)
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    # Cleared inside the edit block, the document changes from nothing to the whole article in one
    # change: Qt then lays it out a step at a time as it is shown, not all of it before this returns.
    document.clear()
    document.setDefaultFont(font)
    # List markers and nested lists step right by this (Qt's default, 40 px, suits no font size).
    document.setIndentWidth(round(styles.line * 1.8))
    text = article.text
    lists: dict[int, QTextList] = {}
    tables: dict[int, list[Block]] = {}
    for block in article.blocks:
        if block.kind == "table_row":
            tables.setdefault(block.table_id, []).append(block)
    tabs = {table_id: styles.table_tabs(article, rows) for table_id, rows in tables.items()}
    blocks = article.blocks
    for index, block in enumerate(blocks):
        block_format, char_format = styles.block(
            block, blocks[index + 1] if index + 1 < len(blocks) else None
        )
        if block.kind == "table_row":
            block_format.setTabPositions(tabs[block.table_id])
        if index == 0:
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(char_format)
        else:
            cursor.insertBlock(block_format, char_format)
        if block.end > block.start:
            # Inside a block "\n" is a line break; to Qt a "\n" would start a new block.
            cursor.insertText(text[block.start : block.end].replace("\n", "\u2028"), char_format)
        if block.item is not None:
            if block.item.list_id in lists:
                lists[block.item.list_id].add(cursor.block())
            else:
                lists[block.item.list_id] = cursor.createList(styles.list_format(block))
    to_qt = utf16_positions(text)
    for span in article.spans:
        cursor.setPosition(to_qt(span.start))
        cursor.setPosition(to_qt(span.end), QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(styles.span(span))
    cursor.endEditBlock()


def build_document(
    article: RenderedArticle,
    palette: QPalette | None = None,
    font: QFont | None = None,
    parent=None,
) -> QTextDocument:
    """A new document holding *article* (the application's palette and font unless given)."""
    document = QTextDocument(parent)
    fill_document(
        document,
        article,
        palette if palette is not None else QGuiApplication.palette(),
        font if font is not None else QGuiApplication.font(),
    )
    return document


def format_property_at(document: QTextDocument, position: int, prop: int) -> str:
    """The string *prop* of the character at *position* ("" when it has none)."""
    if not 0 <= position < document.characterCount() - 1:
        return ""
    cursor = QTextCursor(document)
    cursor.setPosition(position + 1)  # a cursor's char format is that of the character before it
    value = cursor.charFormat().property(prop)
    return value if isinstance(value, str) else ""
