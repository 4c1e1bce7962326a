"""The library search panel (Ctrl+Shift+F): words and filters in, a ranked list of hits out, a page at a time."""

from __future__ import annotations

import html
from collections.abc import Callable

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPointF,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPalette, QTextDocument, QTextOption
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from lyricpad.app.worker import LibraryWorker
from lyricpad.core.search_query import Query, parse
from lyricpad.core.store.search import SearchFilters, SearchPage

PAGE_SIZE = 50
"""Hits read at a time; more are read when the list is scrolled to its end (or F3 goes past it)."""
TYPING_MS = 150
"""Typing pauses this long before the search runs."""
MARKS = ("\x02", "\x03")
"""How the store marks the words found in a snippet (never in the texts: control characters are stripped)."""
HIT_ROLE = Qt.ItemDataRole.UserRole + 1
_PLACES = {
    "lyrics": QT_TRANSLATE_NOOP("LibrarySearchPanel", "lyrics"),
    "title": QT_TRANSLATE_NOOP("LibrarySearchPanel", "title"),
    "article": QT_TRANSLATE_NOOP("LibrarySearchPanel", "article"),
    "translation": QT_TRANSLATE_NOOP("LibrarySearchPanel", "translation"),
    "note": QT_TRANSLATE_NOOP("LibrarySearchPanel", "note"),
    "tag": QT_TRANSLATE_NOOP("LibrarySearchPanel", "tag"),
}
"""A hit's `where`, as its first line says it."""
_HIGHLIGHT_PLACES = {
    "lyrics": QT_TRANSLATE_NOOP("LibrarySearchPanel", "lyrics highlight"),
    "article": QT_TRANSLATE_NOOP("LibrarySearchPanel", "article highlight"),
    "translation": QT_TRANSLATE_NOOP("LibrarySearchPanel", "translation highlight"),
}
"""The `where` of a hit in a highlighted passage (kind "quote"), as its first line says it."""


def hit_label(hit: dict) -> str:
    """The first line of a hit: the song, and where in it the words are."""
    translate = QCoreApplication.translate
    song = hit["song_title"] + (f" — {hit['artist']}" if hit.get("artist") else "")
    places = _HIGHLIGHT_PLACES if hit["kind"] == "quote" else _PLACES
    where = hit["where"]
    where = translate("LibrarySearchPanel", places[where]) if where in places else where
    if hit["kind"] == "article" and hit.get("title"):
        where = translate("LibrarySearchPanel", "article “{title}”").format(title=hit["title"])
    elif hit["kind"] == "translation" and hit.get("title"):  # "translation (German)"
        where = hit["title"][:1].lower() + hit["title"][1:]
    return f"{song} · {where}"


def snippet_html(snippet: str, colour: str) -> str:
    """The snippet as HTML, the words found in bold on *colour*."""
    text = html.escape(" / ".join(snippet.split("\n")))
    return text.replace(MARKS[0], f'<b style="background-color:{colour}">').replace(MARKS[1], "</b>")


def snippet_in_view(snippet: str, metrics: QFontMetrics, bold: QFontMetrics, width: int) -> str:
    """*snippet* cut at its start (with "…") so that its first marked words show in a line *width* wide.

    The words before them keep at most a third of the line (as many as fit when the words are long).
    """
    text = " / ".join(snippet.split("\n"))
    first = text.find(MARKS[0])
    if first <= 0:
        return text
    end = text.find(MARKS[1], first)
    marked = text[first + 1 : end if end > 0 else len(text)]
    before = text[:first]
    room = width - bold.horizontalAdvance(marked) - metrics.averageCharWidth()
    if metrics.horizontalAdvance(before) <= room:
        return text
    kept = metrics.elidedText(before, Qt.TextElideMode.ElideLeft, max(0, min(room, width // 3)))
    return (kept or "…") + text[first:]


def heading_in_view(hit: dict, bold: QFontMetrics, width: int) -> str:
    """The hit's first line in one line *width* wide: the song's name gives way before where the hit is."""
    label = hit_label(hit)
    if bold.horizontalAdvance(label) <= width:
        return label
    song, _, where = label.partition(" · ")
    tail = f" · {where}"
    room = max(width - bold.horizontalAdvance(tail), width // 3)
    return bold.elidedText(
        bold.elidedText(song, Qt.TextElideMode.ElideRight, room) + tail, Qt.TextElideMode.ElideRight, width
    )


class _HitDelegate(QStyledItemDelegate):
    """Draws a hit in two lines: where it is (one line, shortened), then the snippet with the words found marked.

    Neither line wraps, so every row has the same height (a long list never measures its rows),
    and the snippet is cut before the words found rather than after them.
    """

    def paint(
        self, painter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        hit = index.data(HIT_ROLE)
        if not hit:
            super().paint(painter, option, index)
            return
        self.initStyleOption(option, index)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        style = option.widget.style() if option.widget else None
        if style is not None:
            option.text = ""
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        group = (
            QPalette.ColorGroup.Normal
            if option.state & QStyle.StateFlag.State_Enabled
            else QPalette.ColorGroup.Disabled
        )
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        colour = option.palette.color(group, role)
        mark = option.palette.color(QPalette.ColorRole.Highlight).lighter(160).name()
        width = option.rect.width() - 8
        bold_font = QFont(option.font)
        bold_font.setBold(True)
        bold = QFontMetrics(bold_font)
        line = option.fontMetrics.lineSpacing()
        painter.save()
        painter.setClipRect(option.rect.adjusted(4, 2, -4, -2))
        painter.setFont(bold_font)
        painter.setPen(colour)
        top = option.rect.top() + 2
        painter.drawText(
            QRectF(option.rect.left() + 4, top, width, line),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            heading_in_view(hit, bold, width),
        )
        document = QTextDocument()
        document.setDefaultFont(option.font)
        document.setDocumentMargin(0)
        document.setDefaultTextOption(QTextOption(Qt.AlignmentFlag.AlignLeft))
        shown = snippet_in_view(hit["snippet"], option.fontMetrics, bold, width)
        html_text = f'<div style="color:{colour.name()}; white-space:pre">{snippet_html(shown, mark)}</div>'
        document.setHtml(html_text)  # the hit's own words, marked
        painter.translate(QPointF(option.rect.left() + 4, top + line))
        document.drawContents(painter, QRectF(0, 0, width, line + 2))
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        # Every hit is two lines: a uniform height, so a long list never measures its rows.
        return QSize(200, option.fontMetrics.lineSpacing() * 2 + 8)


class LibrarySearchPanel(QWidget):
    """Search every song: type words (`word*`, `"a phrase"`), narrow with filters, open a hit with Enter or a click.

    *worker* reads the library off the GUI thread (its own connection), so that no search freezes
    the window: the words typed last win, and the results of an older search are dropped.
    *lenses* lists (id, name) of the lenses for the lens filter.
    """

    hit_activated = Signal(dict)
    """A hit was chosen (Enter, click, F3): the window opens its song at it."""
    close_requested = Signal()
    """Esc in the empty search box: the window puts the panel away."""

    def __init__(
        self,
        worker: LibraryWorker,
        lenses: Callable[[], list[tuple[str, str]]],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self._worker = worker
        self._lenses = lenses
        self._page_query = None
        self._more = False
        self._searches = 0  # numbers the searches: a page of an older one is dropped
        self._waiting: tuple | None = None  # the page asked for while another was read
        self._reading: tuple | None = None  # (search, offset) being read
        self._after_read: str | None = None  # "open first" / "focus first" / "next": asked for meanwhile
        self._stale = False  # the words changed since the hits shown were found: none of them opens
        worker.finished.connect(self._on_worker_finished)
        worker.failed.connect(self._on_worker_failed)
        self.query_edit = QLineEdit(self)
        self.query_edit.setPlaceholderText(self.tr('Search lyrics, articles, notes, tags: word*, "a phrase"'))
        self.query_edit.setAccessibleName(self.tr("Search the library"))
        self.query_edit.setToolTip(
            self.tr(
                "Every word must occur (case and accents ignored); the start of a word is enough; "
                '"words in quotes" in a row. Enter opens the first hit, Down goes to the list, F3 the next hit; '
                "Esc clears the words, then closes the panel."
            )
        )
        self.query_edit.setClearButtonEnabled(True)
        self.lens_box = QComboBox(self)
        self.lens_box.setAccessibleName(self.tr("Only this lens"))
        self.pane_box = QComboBox(self)
        self.pane_box.setAccessibleName(self.tr("Only this pane"))
        panes = (
            (self.tr("All panes"), None),
            (self.tr("Lyrics"), "lyrics"),
            (self.tr("Articles"), "article"),
            (self.tr("Translations"), "translation"),
        )
        for label, value in panes:
            self.pane_box.addItem(label, value)
        self.status_box = QComboBox(self)
        self.status_box.setAccessibleName(self.tr("Only annotations needing review or orphaned"))
        states = (
            (self.tr("Any state"), None),
            (self.tr("Needs review"), "needs_review"),
            (self.tr("Orphaned"), "orphaned"),
        )
        for label, value in states:
            self.status_box.addItem(label, value)
        for box in (self.lens_box, self.pane_box, self.status_box):
            # As narrow as the sidebar: the boxes shorten their texts rather than widen the panel.
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(3)
            box.setToolTip(box.accessibleName())
        self.tag_edit = QLineEdit(self)
        self.tag_edit.setPlaceholderText(self.tr("#tag"))
        self.tag_edit.setAccessibleName(self.tr("Only annotations with this tag"))
        self.artist_edit = QLineEdit(self)
        self.artist_edit.setPlaceholderText(self.tr("Artist"))
        self.artist_edit.setAccessibleName(self.tr("Only songs of this artist"))
        self.note_check = QCheckBox(self.tr("With a note"), self)
        self.results = QListWidget(self)
        self.results.setAccessibleName(self.tr("Search results"))
        self.results.setUniformItemSizes(True)
        self.results.setWordWrap(False)
        self.results.setItemDelegate(_HitDelegate(self.results))
        self.results.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)

        # Two columns, so that the panel is as narrow as the sidebar.
        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.lens_box, 0, 0)
        filters.addWidget(self.pane_box, 0, 1)
        filters.addWidget(self.status_box, 1, 0)
        filters.addWidget(self.tag_edit, 1, 1)
        last_row = QHBoxLayout()
        last_row.addWidget(self.artist_edit, 1)
        last_row.addWidget(self.note_check)
        filters.addLayout(last_row, 2, 0, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query_edit)
        layout.addLayout(filters)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.status_label)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(TYPING_MS)
        self._timer.timeout.connect(self.run)
        for edit in (self.query_edit, self.tag_edit, self.artist_edit):
            edit.textChanged.connect(self._on_words_changed)
        for box in (self.lens_box, self.pane_box, self.status_box):
            box.currentIndexChanged.connect(self.run)
        self.note_check.toggled.connect(self.run)
        self.results.itemActivated.connect(self._on_results_item_activated)
        self.results.itemClicked.connect(self._on_results_item_activated)
        self.results.verticalScrollBar().valueChanged.connect(self._on_results_scrolled)
        self.query_edit.installEventFilter(self)
        self.results.viewport().installEventFilter(self)
        self.refresh_lenses()

    # ------------------------------------------------------------------ searching

    def refresh_lenses(self) -> None:
        """List the lenses in the lens filter (after they change), keeping the one chosen."""
        chosen = self.lens_box.currentData()
        self.lens_box.blockSignals(True)
        self.lens_box.clear()
        self.lens_box.addItem(self.tr("All lenses"), None)
        for lens_id, name in self._lenses():
            self.lens_box.addItem(name, lens_id)
        self.lens_box.setCurrentIndex(max(0, self.lens_box.findData(chosen)))
        self.lens_box.blockSignals(False)

    def query(self) -> Query:
        """What is typed, as every search of the window reads it (every word the start of one)."""
        return parse(self.query_edit.text(), live=True)

    def filters(self) -> SearchFilters:
        return SearchFilters(
            lens_id=self.lens_box.currentData(),
            tag=self.tag_edit.text().lstrip("# \t").strip() or None,  # "#" alone, "# #": no tag asked
            artist=self.artist_edit.text().strip() or None,
            pane=self.pane_box.currentData(),
            has_note=self.note_check.isChecked(),
            status=self.status_box.currentData(),
        )

    def _on_words_changed(self) -> None:
        """The words (or the tag, the artist) changed: the hits shown are stale at once, greyed and not
        openable, and the search runs after a typing pause (or at once when Enter, Down or F3 asks)."""
        self._mark_stale()
        self._timer.start()

    def _mark_stale(self) -> None:
        self._stale = True
        self._more = False
        self._after_read = None  # what was asked for the words before is not done with these
        self.results.setEnabled(False)
        self.status_label.setText(self.tr("Searching…"))

    def is_stale(self) -> bool:
        """Whether the hits shown are of other words than those typed (greyed, none opens)."""
        return self._stale

    def run(self) -> None:
        """Search for what is typed, with the filters chosen: the list shows the first page when it is read.

        The hits of the search before stay, greyed and not openable, until then.
        """
        self._timer.stop()
        self._searches += 1
        query = self.query()
        self._page_query = (query, self.filters())
        if not query:
            self._stale = False
            self._more = False
            self._after_read = None
            self._waiting = None
            self._worker.cancel()
            self.results.clear()
            self.results.setEnabled(True)
            self.status_label.setText(self.tr("Type words to search."))
            return
        self._mark_stale()
        self._read_page(0)

    def _run_now(self, after: str | None) -> bool:
        """Enter, Down, F3 or a click while the hits shown are stale: the search starts at once (if it
        waits for a typing pause) and *after* is done with its first page; False when there are no words."""
        if self._timer.isActive() or self._page_query is None:
            self.run()
        if not self._stale:
            return False
        if after is not None and self._after_read != "open first":
            self._after_read = after  # Down then Enter opens: Enter wins over Down
        return True

    def is_searching(self) -> bool:
        """Whether a page is being read (the list then shows the hits of the search before, greyed)."""
        return self._reading is not None or self._waiting is not None

    def more(self) -> bool:
        """Read the next page onto the list (when it comes); False when there is none."""
        if not self._more or self._page_query is None or self._stale:
            return False
        if not self.is_searching():
            self._read_page(self.results.count())
        return True

    def _read_page(self, offset: int) -> None:
        request = (self._searches, *self._page_query, offset)
        if self._worker.is_running():
            self._waiting = request  # the one read now is dropped: the latest words win
            self._worker.cancel()
            return
        self._start(request)

    def _start(self, request: tuple) -> None:
        number, query, filters, offset = request
        self._waiting = None
        self._reading = (number, offset)

        def job(library, _progress):
            page = library.search.page(query, limit=PAGE_SIZE, offset=offset, filters=filters, marks=MARKS)
            return number, offset, page

        self._worker.run_job(job)

    def _on_worker_finished(self, result) -> None:
        self._reading = None
        if self._waiting is not None:
            self._start(self._waiting)
            return
        if result is None or result[0] != self._searches:
            return  # cancelled, or an older search's
        _number, offset, page = result
        self._show_page(offset, page)

    def _on_worker_failed(self, message: str) -> None:
        self._reading = None
        if self._waiting is not None:
            self._start(self._waiting)
            return
        self._more = False
        self._after_read = None
        if self._stale:
            self.results.clear()  # never the hits of other words, openable
            self._stale = False
        self.results.setEnabled(True)
        self.status_label.setText(self.tr("Cannot search: {reason}.").format(reason=message))

    def _show_page(self, offset: int, page: SearchPage) -> None:
        if offset == 0:
            self.results.clear()
            self._stale = False
        self.results.setEnabled(True)
        for hit in page.hits:
            item = QListWidgetItem(hit_label(hit))
            item.setData(HIT_ROLE, hit)
            snippet = hit["snippet"].replace(MARKS[0], "").replace(MARKS[1], "")
            item.setToolTip(f"{hit_label(hit)}\n{snippet}")
            self.results.addItem(item)
        self._more = page.more
        count = self.results.count()
        if not count:
            found = self.tr("Nothing found.")
        elif page.more:  # more are read when the list is scrolled to its end
            found = self.tr("%n+ hit(s).", "", count)
        else:
            found = self.tr("%n hit(s).", "", count)
        self.status_label.setText(f"{found} {page.note}" if page.note else found)
        after, self._after_read = self._after_read, None
        if after == "open first" and count:
            self.results.setCurrentRow(0)
            self._activate(self.results.item(0))
        elif after == "focus first" and count:
            self._focus_results()
        elif after == "next" and page.hits:
            self.step(True)

    def _focus_results(self) -> None:
        self.results.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.results.currentRow() < 0:
            self.results.setCurrentRow(0)

    # ------------------------------------------------------------------ moving

    def step(self, forward: bool) -> bool:
        """Make the next (or previous) hit current and open it; False when there is none that way.

        Past the hits read so far the next page is read first, and the hit opened when it comes.
        With stale hits shown (the words changed), the search runs at once and its first hit opens.
        """
        if self._stale or self._timer.isActive():
            return self._run_now("open first")
        row = self.results.currentRow()
        target = row + 1 if forward else row - 1
        if forward and target >= self.results.count() and self.more():
            self._after_read = "next"
            return True
        if not 0 <= target < self.results.count():
            return False
        self.results.setCurrentRow(target)
        self._activate(self.results.item(target))
        return True

    def current_hit(self) -> dict | None:
        item = self.results.currentItem()
        return item.data(HIT_ROLE) if item is not None else None

    def _activate(self, item: QListWidgetItem | None) -> dict | None:
        if self._stale:
            return None  # a hit of the words before: what was typed last wins
        hit = item.data(HIT_ROLE) if item is not None else None
        if hit:
            self.hit_activated.emit(hit)
        return hit

    def _on_results_item_activated(self, item: QListWidgetItem) -> None:
        self.results.setCurrentItem(item)
        self._activate(item)

    def _on_results_scrolled(self, value: int) -> None:
        if value >= self.results.verticalScrollBar().maximum() - 2:
            self.more()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.results.viewport() and event.type() == QEvent.Type.MouseButtonPress:
            if self._stale or self._timer.isActive():
                self._run_now(None)  # a click on a stale hit opens nothing: the search starts
                return True
            return super().eventFilter(watched, event)
        if watched is self.query_edit and isinstance(event, QKeyEvent):
            if event.type() == QEvent.Type.ShortcutOverride and event.key() == Qt.Key.Key_Escape:
                event.accept()  # ours, not a window shortcut's
                return True
            if event.type() != QEvent.Type.KeyPress:
                return super().eventFilter(watched, event)
            if event.key() == Qt.Key.Key_Escape:
                if self.query_edit.text():
                    self.query_edit.clear()  # as the sidebar's filter: Esc clears first
                    self.run()
                else:
                    self.close_requested.emit()
                return True
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if not self._run_now("open first") and self.results.count():
                    self.results.setCurrentRow(0)
                    self._activate(self.results.item(0))
                return True
            if event.key() == Qt.Key.Key_Down:
                if not self._run_now("focus first") and self.results.count():
                    self._focus_results()
                return True
        return super().eventFilter(watched, event)
