"""The main window's layout between runs: geometry, docks, the lyrics/article split and the text size."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QObject, QRect, Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

from lyricpad.app.settings import Settings
from lyricpad.gui.notice_bar import NOTICE_MS

if TYPE_CHECKING:
    from lyricpad.gui.main_window import MainWindow

DEFAULT_SIZE = (1280, 800)
SIDEBAR_WIDTH = 190
ANNOTATIONS_WIDTH = 320
NARROW_SIDEBAR_WIDTH = 170
NARROW_ANNOTATIONS_WIDTH = 260
"""The docks' default widths in a window narrower than NARROW_WIDTH: at 1024 px, with the sidebar
turned on too, the lyrics and the article still get MIN_PANE_WIDTH each."""
LIST_SHARE = 3 / 5
"""The Annotations list's part of the height it shares with the Note panel, at first and as the window grows."""
LYRICS_SHARE = (35, 60)
"""The least and most percent of the centre the lyrics get at first: as much as their longest line
needs within these bounds; the article has the rest."""
NARROW_WIDTH = 1100
"""A window narrower than this starts without the Library sidebar (View > Library brings it back):
the lyrics and the article need the width more."""
MIN_PANE_WIDTH = 280
"""A saved layout that leaves the lyrics or the article narrower than this is not restored."""
EMPTY_ARTICLE_WIDTH = MIN_PANE_WIDTH
"""The width of the article pane while the song has no article: room for its hint and New Article
button; the lyrics get the rest, and give it back when an article is opened."""
DOCK_HANDLE = 6
"""The handle between a column of docks and the centre, on top of the docks' widths."""
RESET_MARGIN = 32
"""A saved layout is reset only when the default one would give the centre at least this much more."""
FONT_DELTA_LIMIT = 12.0
RESET_MESSAGE = "The saved window layout did not fit this screen: the default layout is back."


def default_dock_widths(window_width: int) -> tuple[int, int]:
    """(Library sidebar, Annotations column) widths of the default layout in a window this wide."""
    if window_width < NARROW_WIDTH:
        return NARROW_SIDEBAR_WIDTH, NARROW_ANNOTATIONS_WIDTH
    return SIDEBAR_WIDTH, ANNOTATIONS_WIDTH


class WindowLayout(QObject):
    """Restores and remembers the window's layout (*settings* None: nothing is kept), and zooms the text."""

    def __init__(self, window: MainWindow, settings: Settings | None):
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._split_on_show = False
        self._check_on_show = False
        self._default_state = QByteArray()
        self._font_delta = 0.0
        self._base_fonts = {pane: pane.font() for pane in (window.lyrics_pane, window.article_pane)}
        self._no_article = False  # the article pane shows its "no article" page
        self._article_share: float | None = None  # the lyrics' part of the centre beside an article
        self._user_split = False  # the user dragged the splitter: their share is kept
        self._list_share = LIST_SHARE  # the Annotations list's part of its column (the user's drag kept)
        self._height = 0  # the window's height when the share was last measured
        self._keeping_share = False
        self._share_pending = False  # the window's height changed: the share is put back, not measured

    def restore(self) -> None:
        """Put the window as it was last time, or as it starts the first time (checked on the first show)."""
        window, settings = self._window, self._settings
        self._default_state = window.saveState()  # the docks as built, for a reset
        window.article_pane.stack.currentChanged.connect(self._on_article_stack_current_changed)
        window.splitter.splitterMoved.connect(self._on_splitter_moved)
        geometry_restored = state_restored = False
        if settings is not None:
            geometry = settings.window_geometry()
            geometry_restored = not geometry.isEmpty() and window.restoreGeometry(geometry)
            state = settings.window_state()
            state_restored = not state.isEmpty() and window.restoreState(state)
            splitter = settings.splitter_state()
            if not splitter.isEmpty():
                window.splitter.restoreState(splitter)
                self._check_on_show = True
                self._user_split = True  # as the user left it (reset() forgets it)
            self._font_delta = settings.font_delta()
            self._apply_fonts()
            window.sidebar.set_sort_order(settings.sort_order())
        if settings is None or settings.splitter_state().isEmpty():
            self._split_on_show = True
        if geometry_restored or state_restored:
            self._check_on_show = True
        if not geometry_restored:
            window.resize(*self._default_size())
        if not state_restored:
            self._default_docks()
        window.installEventFilter(self)
        for dock in (window.annotations_dock, window.note_dock):
            dock.installEventFilter(self)

    def _default_docks(self) -> None:
        window = self._window
        # Narrow: the sidebar starts hidden, its View-menu toggle (Ctrl+Shift+L) still there.
        window.library_dock.setVisible(window.width() >= NARROW_WIDTH)
        window.resizeDocks(
            [window.library_dock, window.annotations_dock],
            list(default_dock_widths(window.width())),
            Qt.Orientation.Horizontal,
        )
        # The list of annotations is read more than an empty note: it gets the larger part.
        self._list_share = LIST_SHARE
        self._apply_list_share()

    def _apply_list_share(self) -> None:
        window = self._window
        self._share_pending = False
        annotations, note = window.annotations_dock, window.note_dock
        if annotations.isHidden() or note.isHidden() or annotations.isFloating() or note.isFloating():
            return
        column = annotations.height() + note.height()
        if column <= 0:
            column = window.height()
        list_height = round(column * self._list_share)
        self._keeping_share = True
        window.resizeDocks([annotations, note], [list_height, column - list_height], Qt.Orientation.Vertical)
        self._keeping_share = False
        self._height = window.height()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and not self._keeping_share:
            window = self._window
            if watched is window:
                if window.height() != self._height and self._height and not self._share_pending:
                    # Qt gives a dock column's new height to its last dock: share it out as it was.
                    self._share_pending = True
                    QTimer.singleShot(0, self, self._apply_list_share)
                self._height = window.height()
            elif window.height() == self._height and not self._share_pending:
                self._measure_list_share()  # the user dragged the line between the list and the note
        return False

    def _measure_list_share(self) -> None:
        annotations, note = self._window.annotations_dock, self._window.note_dock
        if annotations.isHidden() or note.isHidden() or annotations.isFloating() or note.isFloating():
            return
        column = annotations.height() + note.height()
        if column > 0 and annotations.x() == note.x():
            self._list_share = annotations.height() / column

    @staticmethod
    def _available() -> QRect:
        screen = QGuiApplication.primaryScreen()
        return screen.availableGeometry() if screen is not None else QRect()

    @classmethod
    def _default_size(cls) -> tuple[int, int]:
        width, height = DEFAULT_SIZE
        available = cls._available()
        if not available.isEmpty():
            width, height = min(width, available.width()), min(height, available.height())
        return width, height

    def fits(self) -> bool:
        """Whether the window fits the screen, and its docks leave the lyrics and the article their room.

        Narrow reading panes are the docks' fault only when the docks the user shows, at their
        default widths for this window's width, would give them more room (a sidebar turned on
        in a narrow window is kept): on a small screen even the default layout leaves the
        panes less than MIN_PANE_WIDTH, and is not reset on every start. (A sidebar saved narrower than
        its minimum width comes back at that width: Qt keeps to it.)
        """
        window = self._window
        screen = window.screen()
        available = screen.availableGeometry() if screen is not None else self._available()
        size = window.size()  # the frame is the window manager's, and may overlap the edge a little
        if not available.isEmpty() and (
            size.width() > available.width() or size.height() > available.height()
        ):
            return False
        if min(window.splitter.widget(0).width(), window.splitter.widget(1).width()) >= MIN_PANE_WIDTH:
            return True
        return self.default_centre_width() <= window.centralWidget().width() + RESET_MARGIN

    def default_centre_width(self) -> int:
        """How wide the lyrics and the article together would be at the window's width with the docks
        the user shows (the sidebar, the Annotations column) at their default widths."""
        window = self._window
        sidebar, annotations = default_dock_widths(window.width())
        columns = []
        if not window.library_dock.isHidden() and not window.library_dock.isFloating():
            columns.append(max(sidebar, window.sidebar.minimumWidth()))  # Qt keeps to its minimum
        if any(
            not dock.isHidden() and not dock.isFloating()
            for dock in (window.annotations_dock, window.note_dock)
        ):
            columns.append(annotations)
        return window.width() - sum(columns) - DOCK_HANDLE * len(columns)

    def reset(self) -> None:
        """Back to the layout of a first run: default size, docks and split (the text size stays)."""
        window = self._window
        if window.isMaximized() or window.isFullScreen():
            window.showNormal()
        if not self._default_state.isEmpty():
            window.restoreState(self._default_state)
        window.resize(*self._default_size())
        available = self._available()
        if not available.isEmpty() and not available.contains(window.geometry()):
            window.move(available.topLeft())  # a window restored half off the screen comes back onto it
        self._default_docks()
        self._split_on_show = True
        self._user_split = False

    def split_on_first_show(self) -> None:
        """Called on show: a restored layout that does not fit is reset; a first run's panes are split."""
        window = self._window
        if self._check_on_show:
            self._check_on_show = False
            window.centralWidget().layout().activate()
            if not self.fits():
                self.reset()
                QApplication.sendPostedEvents()  # the new sizes, before the split below
                window.statusBar().showMessage(RESET_MESSAGE, NOTICE_MS)
        if self._split_on_show:
            # Only now does the splitter know its width.
            self._split_on_show = False
            self.split_panes()
        self._on_article_stack_current_changed()  # a first song without an article: the lyrics widen

    def split_panes(self) -> None:
        """Share the centre between the lyrics and the article as a first run does.

        Without an article the lyrics take all but EMPTY_ARTICLE_WIDTH of it.
        """
        splitter = self._window.splitter
        total = sum(splitter.sizes())
        if self._no_article:
            article = min(EMPTY_ARTICLE_WIDTH, total // 2)
            splitter.setSizes([total - article, article])
            return
        least, most = (total * share // 100 for share in LYRICS_SHARE)
        least = max(least, min(MIN_PANE_WIDTH, total // 2))
        # As wide as the longest line wants, within the bounds, leaving the article its room.
        lyrics = max(least, min(most, total - MIN_PANE_WIDTH, self._lyrics_width()))
        splitter.setSizes([lyrics, total - lyrics])

    def _on_article_stack_current_changed(self, _index: int = -1) -> None:
        """A song without an article gives the lyrics the room; the article takes its part back when opened."""
        window = self._window
        pane = window.article_pane
        no_article = pane.stack.currentWidget() is pane.empty_page
        if no_article == self._no_article or self._split_on_show or not window.isVisible():
            return  # the first show splits the panes, and comes back here
        self._no_article = no_article
        splitter = window.splitter
        sizes = splitter.sizes()
        total = sum(sizes)
        # Growing the window widens the lyrics alone while the article pane only shows its hint.
        splitter.setStretchFactor(1, 0 if no_article else 1)
        if total <= 0:
            return
        if no_article:
            self._article_share = sizes[0] / total
            self.split_panes()
        elif self._article_share is None or not self._user_split:
            self.split_panes()  # as wide as this song's lines want
        else:
            lyrics = round(total * self._article_share)
            splitter.setSizes([lyrics, total - lyrics])

    def _on_splitter_moved(self, _position: int, _index: int) -> None:
        if not self._no_article:
            self._user_split = True

    def _lyrics_width(self) -> int:
        """How wide the lyrics pane must be for its longest line (of the first thousand) not to wrap."""
        pane = self._window.lyrics_pane
        metrics = pane.fontMetrics()
        lines = pane.toPlainText().split("\n", 1000)[:1000]
        longest = max((metrics.horizontalAdvance(line) for line in lines), default=0)
        chrome = (
            pane.viewportMargins().left()
            + round(2 * pane.document().documentMargin())
            + 2 * pane.frameWidth()
            + pane.verticalScrollBar().sizeHint().width()
            + metrics.averageCharWidth()  # the cursor and rounding: a line that just fits still wraps
        )
        return longest + chrome

    def save(self) -> None:
        """Remember geometry, panel layout, text size and the open song for the next run."""
        window, settings = self._window, self._settings
        if settings is None:
            return
        settings.set_window_geometry(window.saveGeometry())
        settings.set_window_state(window.saveState())
        splitter = window.splitter
        if self._no_article and self._article_share is not None:
            # Kept as it is beside an article: the next run may well open a song that has one.
            shown = splitter.sizes()
            lyrics = round(sum(shown) * self._article_share)
            splitter.setSizes([lyrics, sum(shown) - lyrics])
            settings.set_splitter_state(splitter.saveState())
            splitter.setSizes(shown)
        else:
            settings.set_splitter_state(splitter.saveState())
        settings.set_last_song(window.session.current_song_id)
        settings.set_font_delta(self._font_delta)
        settings.set_sort_order(window.sidebar.sort_order())
        settings.sync()

    def zoom(self, step: float | None) -> None:
        """Make the reading panes' text *step* points bigger (None: back to normal)."""
        self._font_delta = 0.0 if step is None else max(-4.0, min(FONT_DELTA_LIMIT, self._font_delta + step))
        self._apply_fonts()

    def _apply_fonts(self) -> None:
        for pane, base in self._base_fonts.items():
            font = QFont(base)
            font.setPointSizeF(max(6.0, base.pointSizeF() + self._font_delta))
            pane.setFont(font)
