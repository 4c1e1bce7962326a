"""Searching from the window: the library search (Ctrl+Shift+F), find in the song (Ctrl+F), F3 and Shift+F3.

Both are built when first used, so the window's first paint pays nothing for them. A hit opens its
song at the words found and flashes them; F3 goes on from the search used last.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDockWidget

from lyricpad.app.positions import Utf16Map
from lyricpad.core.errors import LyricpadError
from lyricpad.core.search_query import Query
from lyricpad.gui.window_layout import MIN_PANE_WIDTH, default_dock_widths

if TYPE_CHECKING:
    from lyricpad.gui.library_search_find import SongFindBar
    from lyricpad.gui.library_search_panel import LibrarySearchPanel
    from lyricpad.gui.main_window import MainWindow

STATUS_MS = 6000
_LINES = ("lyrics", "translation")
"""The panes of numbered lines (loaded a slice at a time when long), as against the article."""


def hit_ordinal(query: Query, hit: dict, stored: str) -> int:
    """Which of *query*'s matches in *stored* (0 the first) a hit with an `offset` or a `line` is at."""
    offset = hit.get("offset")
    if offset is None and hit.get("line"):
        offset = 0
        for _ in range(int(hit["line"]) - 1):
            offset = stored.find("\n", offset) + 1
            if offset == 0:
                return 0  # fewer lines than that: the first match
    if offset is None:
        return 0
    spans = query.spans(stored)
    return next((n for n, (_start, end) in enumerate(spans) if end > offset), max(0, len(spans) - 1))


class LibrarySearch(QObject):
    """The window's searches; `open_panel`, `open_find` and `step` are what its actions do."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window
        self.panel: LibrarySearchPanel | None = None
        self.dock: QDockWidget | None = None
        self.worker = None
        self.find_bar: SongFindBar | None = None
        self._last = ""  # "library" or "song": what F3 goes on with
        self._matches: list[tuple[str, int, int]] = []  # (pane, start, end) in document positions
        self._match = -1
        self._matched_for: tuple = ()
        self._selected: tuple[str, int, int] | None = None  # the match selected last: (pane, start, end)

    # ------------------------------------------------------------------ the library

    def open_panel(self) -> LibrarySearchPanel:
        """Show the library search with the focus in its words (built the first time)."""
        window = self._window
        if self.panel is None:
            from lyricpad.app.worker import LibraryWorker
            from lyricpad.gui.library_search_panel import LibrarySearchPanel

            session = window.session
            self.worker = LibraryWorker(session, self)
            self.worker.what = "the search"
            self.panel = LibrarySearchPanel(
                self.worker, lambda: [(lens.id, lens.name) for lens in session.lenses()], window
            )
            self.panel.hit_activated.connect(self._on_panel_hit_activated)
            self.panel.close_requested.connect(self._on_panel_close_requested)
            session.lenses_changed.connect(self.panel.refresh_lenses)
            shares = window.splitter.sizes()  # the lyrics' and the article's shares of the centre, kept
            self.dock = QDockWidget(self.tr("Search"), window)
            self.dock.setObjectName("searchDock")
            self.dock.setWidget(self.panel)
            window.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.dock)
            if not self.join_tabs(self.dock):
                # As wide as the sidebar would be: the lyrics and the article keep their room.
                width = default_dock_widths(window.width())[0]
                window.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)
                QTimer.singleShot(0, self, lambda: self._keep_split(shares))
        else:
            self.join_tabs(self.dock)
        self.dock.show()
        self.dock.raise_()
        self.panel.query_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.panel.query_edit.selectAll()
        self._last = "library"
        return self.panel

    def join_tabs(self, dock: QDockWidget) -> bool:
        """The sidebar or the Search panel, shown while the other one is, joins it as a tab (not stacked
        above or below it); True when *dock* is (now) tabbed with the other. The caller raises it."""
        window = self._window
        if self.dock is None or dock not in (self.dock, window.library_dock):
            return False
        other = window.library_dock if dock is self.dock else self.dock
        if other.isHidden() or other.isFloating() or dock.isFloating():
            return False
        if window.dockWidgetArea(other) != window.dockWidgetArea(dock):
            return False  # put elsewhere by the user: left there
        if dock not in window.tabifiedDockWidgets(other):
            window.tabifyDockWidget(other, dock)
        return True

    def _keep_split(self, shares: list[int]) -> None:
        """Share the centre, narrower by the panel, between the lyrics and the article as before it came."""
        splitter = self._window.splitter
        total, before = sum(splitter.sizes()), sum(shares)
        if total > 0 and before > 0:
            least = min(MIN_PANE_WIDTH, total // 2)
            lyrics = max(least, min(total - least, round(total * shares[0] / before)))
            splitter.setSizes([lyrics, total - lyrics])

    def _on_panel_close_requested(self) -> None:
        if self.dock is not None:
            self.dock.hide()
        self._window.lyrics_pane.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_panel_hit_activated(self, hit: dict) -> None:
        self._last = "library"
        self.open_hit(hit)

    def open_hit(self, hit: dict) -> None:
        """Open the song of *hit* at the words found and flash them (a note, quote or tag: its highlight)."""
        window = self._window
        window.flush_edits()
        try:
            window.session.select_song(hit["song_id"])
        except LyricpadError as exc:
            window.statusBar().showMessage(
                self.tr("Cannot open that hit: {reason}.").format(reason=exc), STATUS_MS
            )
            return
        query = self.panel.query() if self.panel is not None else Query()
        if hit.get("annotation_id"):
            window.select_annotation(hit["annotation_id"])
            window.highlighting.reveal(hit["annotation_id"])
        elif hit["kind"] == "article":
            pane = window.article_pane
            pane.set_editing(False)
            pane.open_article(hit["article_id"])
            article = window.current_song.article(hit["article_id"])
            self._show_hit(query, "article", hit, article.body if article is not None else "")
        elif hit["kind"] == "translation":  # View > Translation on, to show the words found
            view = window.translation_view
            view.set_shown(True)
            self._show_hit(query, "translation", hit, self._stored("translation"))
        elif hit["where"] == "lyrics":
            self._show_hit(query, "lyrics", hit, self._stored("lyrics"))
        window.statusBar().showMessage(self.tr("F3 opens the next hit, Shift+F3 the previous."), STATUS_MS)

    def _show_hit(self, query: Query, pane: str, hit: dict, stored: str) -> None:
        """Show the match the hit's snippet shows: the one at its `offset` (or on its `line`) in the *stored*
        text, counted among the matches there; the first when the hit does not say."""
        found = self._spans(query, pane)
        if not found:
            return
        self._clear_matches()
        self._show(pane, *found[min(hit_ordinal(query, hit, stored), len(found) - 1)])

    # ------------------------------------------------------------------ the song

    def open_find(self) -> SongFindBar:
        """Show the find bar over the panes, the focus in it (built the first time)."""
        if self.find_bar is None:
            from lyricpad.gui.library_search_find import SongFindBar

            self.find_bar = SongFindBar(self._window)
            layout = self._window.centralWidget().layout()
            layout.insertWidget(max(0, layout.indexOf(self._window.splitter)), self.find_bar)
            self.find_bar.changed.connect(self._on_find_bar_changed)
            self.find_bar.step_requested.connect(self.step_in_song)
            self.find_bar.closed.connect(self._on_find_bar_closed)
        self.find_bar.open_bar()
        self._last = "song"
        return self.find_bar

    def _on_find_bar_changed(self) -> None:
        self._clear_matches()
        self._matched_for = ()
        self._match = -1
        self._find_matches()
        if self._matches:
            self.step_in_song(True)

    def _on_find_bar_closed(self) -> None:
        self._clear_matches()
        self._window.lyrics_pane.setFocus(Qt.FocusReason.OtherFocusReason)

    def _find_matches(self) -> None:
        """The matches of the find bar's words in the lyrics, the translation when it is shown, then the
        article shown (again if any of them changed)."""
        window = self._window
        translation = window.translation_view.pane if window.translation_view.is_shown() else None
        translation = translation if translation is not None and translation.isVisible() else None
        key = (
            window.session.current_song_id,
            window.lyrics_pane.document().revision(),
            translation.document().revision() if translation is not None else None,
            window.article_pane.current_article_id,
            window.article_pane.browser.document().revision(),
            self.find_bar.edit.text() if self.find_bar else "",
        )
        if key == self._matched_for:
            return
        self._matched_for = key
        query = self.find_bar.query() if self.find_bar else Query()
        self._matches = [("lyrics", *span) for span in self._spans(query, "lyrics")]
        if translation is not None:
            self._matches += [("translation", *span) for span in self._spans(query, "translation")]
        if not window.article_pane.is_editing():
            self._matches += [("article", *span) for span in self._spans(query, "article")]
        self._match = min(self._match, len(self._matches) - 1)
        if self.find_bar is not None:
            self.find_bar.show_count(self._match + 1, len(self._matches))

    def step_in_song(self, forward: bool) -> None:
        """Select the next (or previous) match in the song, going round at the end."""
        self._last = "song"
        self._find_matches()
        if not self._matches:
            return
        self._match = (self._match + (1 if forward else -1)) % len(self._matches)
        self._clear_matches()  # one current match: not one left selected in the other pane
        self._show(*self._matches[self._match], flash=False)
        self.find_bar.show_count(self._match + 1, len(self._matches))

    # ------------------------------------------------------------------ both

    def step(self, forward: bool) -> None:
        """F3 / Shift+F3: the next (previous) match of the search used last; the find bar if none was."""
        panel = self.panel
        if self._last == "library" and panel is not None and (panel.results.count() or panel.is_stale()):
            if not self.panel.step(forward):
                self._window.statusBar().showMessage(
                    self.tr("No more hits.") if forward else self.tr("This is the first hit."), STATUS_MS
                )
        elif self.find_bar is not None and self.find_bar.edit.text().strip():
            self.step_in_song(forward)
        else:
            self.open_find()

    def _spans(self, query: Query, pane: str) -> list[tuple[int, int]]:
        """Where *query* occurs in *pane*'s text, as document positions."""
        if not query:
            return []
        editor = self._editor(pane)
        if pane in _LINES and editor.is_loading():
            # Long lyrics still going into the pane a slice at a time: the stored text is what it will hold.
            text = self._stored(pane)
        else:
            text = editor.toPlainText()
        positions = Utf16Map(text)
        return [(positions.to_utf16(a), positions.to_utf16(b)) for a, b in query.spans(text)]

    def _stored(self, pane: str) -> str:
        """The current song's lyrics or translation as stored ("" when there is none)."""
        window = self._window
        song = window.current_song.song
        if pane == "translation":
            translation = window.translation_view.edits.get(song.id) if song is not None else None
            return translation.text if translation is not None else ""
        return song.lyrics if song is not None else ""

    def _editor(self, pane: str):
        if pane == "translation":
            return self._window.translation_view.pane
        return self._window.lyrics_pane if pane == "lyrics" else self._window.article_pane.browser

    def _show(self, pane: str, start: int, end: int, *, flash: bool = True) -> None:
        """Select document range [start, end) of *pane*, scrolled into view, and flash it (a hit) or not (a
        match of the find bar, which stays selected: the one current match)."""
        editor = self._editor(pane)
        if pane in _LINES:
            line = editor.document().findBlock(start).blockNumber() + 1
            # Long lyrics still loading are loaded first; a match is not flashed as a whole line.
            editor.show_lines([(line, line)] if flash else [])
        elif flash:
            editor.scroll_to(start)
            editor.flash_range(start, end)
        cursor = QTextCursor(editor.document())
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        editor.setTextCursor(cursor)
        editor.ensureCursorVisible()
        self._selected = (pane, start, end)

    def _clear_matches(self) -> None:
        """Unselect the match selected last (where the user has not selected something else since)."""
        if not self._selected:
            return
        pane, start, end = self._selected
        self._selected = None
        editor = self._editor(pane)
        cursor = editor.textCursor()
        if (cursor.selectionStart(), cursor.selectionEnd()) == (start, end):
            cursor.setPosition(start)
            editor.setTextCursor(cursor)
