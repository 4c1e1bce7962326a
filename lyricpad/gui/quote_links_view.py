"""How quote links look in the window: line references, tooltips, quotation places and the Quotes list."""

from __future__ import annotations

import html
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from lyricpad.core.markdown import RenderedArticle
from lyricpad.core.text import fold
from lyricpad.gui.article_document import utf16_positions

if TYPE_CHECKING:
    from lyricpad.core.models import Article, QuoteLink

QUOTE_CHARS = 60
"""Quotations longer than this are shortened in the Quotes list and the gutter's tooltip."""

TIP_LINES = 6
"""At most this many lyric lines are quoted in a quotation's tooltip (the rest are counted)."""

LINK_ROLE = Qt.ItemDataRole.UserRole + 1
"""The link id of a row of the Quotes list."""

DETAILS_ROLE = Qt.ItemDataRole.UserRole + 2
"""The second line of a row of the Quotes list: misquoted, lines, article."""

MISQUOTED_ROLE = Qt.ItemDataRole.UserRole + 3
"""Whether a row's quotation misquotes the lyrics (its bar is drawn in the warning colour)."""

MENU_QUOTE_CHARS = 32
"""Quotations are shortened to this in menu items that name them."""

MISQUOTE_COLOUR = "#b3261e"
"""A misquotation's underline and bar: a warning red that no default lens uses (theirs are lighter)."""

_PAD = 6
_BAR = 3


def link_colour(link: QuoteLink, palette: QPalette) -> QColor:
    """The colour a linked quotation is drawn in: the link colour, or a warning red when it misquotes."""
    return QColor(MISQUOTE_COLOUR) if link.misquoted else palette.color(QPalette.ColorRole.Link)


def differences_text(link: QuoteLink) -> str:
    """How *link* misquotes the lyrics, as “its words” for “the lyrics' words”, one after another."""
    changes = [
        QCoreApplication.translate("QuoteLinksList", "“{quote}” for “{lyrics}”").format(
            quote=d.quote or "…", lyrics=d.lyrics or "…"
        )
        for d in link.differences
    ]
    return "; ".join(changes) or QCoreApplication.translate("QuoteLinksList", "the words differ")


@dataclass(frozen=True)
class QuotePlace:
    """A linked quotation as drawn: document positions (UTF-16) over the rendered article, and its tooltip."""

    start: int
    end: int
    link: QuoteLink
    tip: str


def lines_reference(lines: tuple[int, ...] | list[int]) -> str:
    """ "line 14", "lines 14–15" or "lines 3–4, 30": runs of lines joined by a dash."""
    runs: list[list[int]] = []
    for number in sorted(set(lines)):
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    parts = [str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs]
    if len(parts) == 1 and len(runs[0]) == 1:
        return QCoreApplication.translate("QuoteLinksList", "line {number}").format(number=parts[0])
    return (
        QCoreApplication.translate("QuoteLinksList", "lines {numbers}").format(numbers=", ".join(parts))
        if parts
        else ""
    )


def elide(text: str, limit: int = QUOTE_CHARS) -> str:
    """*text* on one line, cut to *limit* characters with "…" (at a space when one is near)."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space >= limit // 2 and text[limit - 1] != " ":  # no half word before the "…"
        cut = cut[:space]
    return cut.rstrip() + "…"


class _QuoteCounts(QObject):
    """The quote links' phrases with a count: lupdate finds a plural in a QObject's tr() only."""

    def more_lines(self, count: int) -> str:
        return self.tr("and %n more line(s)", "", count)


def quote_tooltip_html(link: QuoteLink, lyrics: str) -> str:
    """Rich text for a linked quotation: the lyric lines it quotes, numbered, and how it misquotes them."""
    lines = lyrics.split("\n")
    shown = [n for n in link.lines if 1 <= n <= len(lines)]
    rows = "".join(
        f"<tr><td align='right' style='color:gray'>{n}&nbsp;</td><td>{html.escape(lines[n - 1])}</td></tr>"
        for n in shown[:TIP_LINES]
    )
    more = ""
    if len(shown) > TIP_LINES:
        more = f"<br><small>{_QuoteCounts().more_lines(len(shown) - TIP_LINES)}</small>"
    heading = QCoreApplication.translate("QuoteLinksList", "<b>Quotes {lines} of the lyrics</b>").format(
        lines=lines_reference(link.lines)
    )
    parts = [f"{heading}<table>{rows}</table>{more}"]
    if link.misquoted:
        parts.append(
            QCoreApplication.translate("QuoteLinksList", "<i>misquoted:</i> {differences}").format(
                differences=html.escape(differences_text(link))
            )
        )
    click = QCoreApplication.translate("QuoteLinksList", "Click to show the lines.")
    parts.append(f"<small>{click}</small>")
    return "<qt>" + "<br>".join(parts) + "</qt>"


def article_quote_places(
    links: list[QuoteLink], rendered: RenderedArticle | None, article_id: str, lyrics: str
) -> list[QuotePlace]:
    """The anchored links of article *article_id* as places in the document of *rendered*."""
    if rendered is None or not article_id:
        return []
    text = rendered.text
    to_qt = utf16_positions(text)
    places = []
    for link in links:
        if link.article_id != article_id or link.status != "anchored":
            continue
        if 0 <= link.start < link.end <= len(text):  # offsets of another body are never drawn
            places.append(
                QuotePlace(to_qt(link.start), to_qt(link.end), link, quote_tooltip_html(link, lyrics))
            )
    return places


def mark_tooltip_html(links: list[QuoteLink], titles: dict[str, str]) -> str:
    """Rich text for a quoted lyric line's gutter mark: where each article quotes it."""
    untitled = QCoreApplication.translate("QuoteLinksList", "Untitled article")
    rows = []
    for link in links:
        title = html.escape(titles.get(link.article_id, "") or untitled)
        quote = html.escape(elide(link.quote))
        if link.misquoted:
            row = QCoreApplication.translate(
                "QuoteLinksList", "Quoted in <b>{title}</b>: “{quote}” <i>(misquoted)</i>"
            )
        else:
            row = QCoreApplication.translate("QuoteLinksList", "Quoted in <b>{title}</b>: “{quote}”")
        rows.append(f"<nobr>{row.format(title=title, quote=quote)}</nobr>")
    if len(links) == 1:
        action = QCoreApplication.translate("QuoteLinksList", "Click to go to the quotation.")
    else:
        action = QCoreApplication.translate("QuoteLinksList", "Click for the next quotation.")
    return "<qt>" + "<br>".join(rows) + f"<br><small>{action}</small></qt>"


def link_row_text(link: QuoteLink, title: str) -> tuple[str, str]:
    """A link as the Quotes list shows it: the quote, and whether it misquotes, its lines and article.

    "misquoted" comes first: the end of a long details line is cut off in a narrow panel.
    """
    details = [
        lines_reference(link.lines),
        title or QCoreApplication.translate("QuoteLinksList", "Untitled article"),
    ]
    if link.misquoted:
        details.insert(0, QCoreApplication.translate("QuoteLinksList", "misquoted"))
    return f"“{elide(link.quote)}”", " · ".join(details)


def link_row_tooltip(link: QuoteLink) -> str:
    """A row's tooltip: the whole quotation, how it misquotes the lyrics, and who linked it."""
    lines = [link.quote]
    if link.misquoted:
        lines.append(
            QCoreApplication.translate("QuoteLinksList", "Misquoted: {differences}").format(
                differences=differences_text(link)
            )
        )
    lines.append(
        QCoreApplication.translate("QuoteLinksList", "(added by hand)")
        if link.origin == "user"
        else QCoreApplication.translate("QuoteLinksList", "(found)")
    )
    return "\n".join(lines)


class _QuoteRowDelegate(QStyledItemDelegate):
    """A row of the Quotes list: a bar in the colour of the underline, the quote in italics, then its details."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        return QSize(option.rect.width(), 2 * QFontMetrics(option.font).lineSpacing() + 2 * _PAD)

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        palette: QPalette = opt.palette
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        rect = opt.rect.adjusted(_PAD, _PAD, -_PAD, -_PAD)
        painter.save()
        misquoted = bool(index.data(MISQUOTED_ROLE))
        bar = QColor(MISQUOTE_COLOUR) if misquoted else palette.color(QPalette.ColorRole.Link)
        painter.fillRect(QRect(rect.left(), rect.top(), _BAR, rect.height()), bar)
        text = rect.adjusted(_BAR + _PAD, 0, 0, 0)
        line = QFontMetrics(opt.font).lineSpacing()
        italic = QFont(opt.font)
        italic.setItalic(True)
        painter.setFont(italic)
        ink = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(ink))
        first = QFontMetrics(italic).elidedText(
            index.data(Qt.ItemDataRole.DisplayRole) or "", Qt.TextElideMode.ElideRight, text.width()
        )
        painter.drawText(
            QRect(text.left(), text.top(), text.width(), line), Qt.AlignmentFlag.AlignVCenter, first
        )
        painter.setFont(opt.font)
        if not selected:
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
        second = QFontMetrics(opt.font).elidedText(
            index.data(DETAILS_ROLE) or "", Qt.TextElideMode.ElideRight, text.width()
        )
        painter.drawText(
            QRect(text.left(), text.top() + line, text.width(), line), Qt.AlignmentFlag.AlignVCenter, second
        )
        painter.restore()


class QuoteLinksList(QListWidget):
    """The Quotes filter's list: one row per linked quotation; a click or Enter asks to go there."""

    link_activated = Signal(str)
    """(link_id): go to this quotation and the lines it quotes."""

    link_selected = Signal(str)
    """(link_id): the arrow keys moved onto this quotation (shown as the annotations list shows its rows)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Quotations list"))
        self.setAccessibleDescription(
            self.tr("Enter or a click: go to the quotation and the lyric lines it quotes.")
        )
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setItemDelegate(_QuoteRowDelegate(self))
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.itemClicked.connect(self._on_item_clicked)
        self.currentItemChanged.connect(self._on_current_item_changed)
        self._filling = False

    def show_links(self, links: list[QuoteLink], articles: list[Article], text: str = "") -> int:
        """List the anchored *links* whose row holds every word of *text*; returns how many are listed."""
        titles = {a.id: a.title for a in articles}
        current = self.current_link_id()
        words = fold(text).split()
        self._filling = True  # refilling keeps the current row; it moves nothing in the panes
        try:
            self._fill(links, titles, words, current)
        finally:
            self._filling = False
        return self.count()

    def _fill(self, links: list[QuoteLink], titles: dict[str, str], words: list[str], current: str) -> None:
        self.clear()
        for link in links:
            if link.status != "anchored":
                continue
            quote, details = link_row_text(link, titles.get(link.article_id, ""))
            if words and not all(word in fold(f"{quote} {details}") for word in words):
                continue
            item = QListWidgetItem(quote, self)
            item.setData(DETAILS_ROLE, details)
            item.setData(LINK_ROLE, link.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, f"{quote}, {details}")
            item.setData(MISQUOTED_ROLE, link.misquoted)
            item.setToolTip(link_row_tooltip(link))
            if link.id == current:
                self.setCurrentItem(item)

    def link_ids(self) -> list[str]:
        return [self.item(row).data(LINK_ROLE) for row in range(self.count())]

    def current_link_id(self) -> str:
        item = self.currentItem()
        return item.data(LINK_ROLE) if item is not None else ""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter goes to the quotation on every platform (activated() is a double-click on some).
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.current_link_id():
            event.accept()
            self.link_activated.emit(self.current_link_id())
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._filling = True  # the click that follows activates the row: no second move first
        try:
            super().mousePressEvent(event)
        finally:
            self._filling = False

    def _on_item_clicked(self, item: QListWidgetItem) -> None:
        self.link_activated.emit(item.data(LINK_ROLE))

    def _on_current_item_changed(self, item: QListWidgetItem | None, _previous) -> None:
        # Only the keyboard's moves: a click activates the row anyway, a refill moves nothing.
        if item is not None and not self._filling and self.hasFocus():
            self.link_selected.emit(item.data(LINK_ROLE))
