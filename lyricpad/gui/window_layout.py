"""The main window's layout between runs: geometry, docks, the lyrics/article split and the text size."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QByteArray,
    QDataStream,
    QEvent,
    QObject,
    QRect,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QFont, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication

from lyricpad.app.settings import Settings
from lyricpad.gui.notice_bar import NOTICE_MS

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from lyricpad.gui.main_window import MainWindow

DEFAULT_SIZE = (1280, 800)
SIDEBAR_WIDTH = 190
ANNOTATIONS_WIDTH = 320
"""The docks' widths when the window has room to spare beside the lyrics and the article."""
NARROW_SIDEBAR_WIDTH = 170
NARROW_ANNOTATIONS_WIDTH = 260
"""The least widths the docks are given to make room for the reading panes (the sidebar's is also its minimum)."""
ARTICLE_WIDTH = 460
"""The article pane's width the docks narrow for (down to their least widths) in a first run's layout."""
ARTICLE_LEAST_TEXT = 240
"""The article's text is not made narrower than this to keep the lyrics from wrapping (a pane of about
MIN_PANE_WIDTH). 280 would wrap a dozen demo lines beside the study view's margin at 1024 px, 240 none."""
ARTICLE_CHROME = 40
"""The article pane's width around its text (frame, margins, scroll bar) before the pane has been laid out."""
TYPICAL_LYRICS_WIDTH = 420
"""The lyrics pane's width the docks' default widths are planned for before a song is measured."""
LIST_SHARE = 3 / 5
"""The Annotations list's part of the height it shares with the Note panel, at first and as the window grows."""
LYRICS_SHARE = 35
"""The least percent of the centre the lyrics get: short lines leave the article no wider than the rest."""
NARROW_WIDTH = 1100
"""A window narrower than this starts without the Library sidebar (View > Library brings it back):
the lyrics and the article need the width more."""
MIN_PANE_WIDTH = 280
"""A saved layout that leaves the lyrics or the article narrower than this is not restored."""
EMPTY_ARTICLE_WIDTH = MIN_PANE_WIDTH
"""The width of the article pane while the song has no article: room for its hint and New Article
button; the lyrics get the rest, and give it back when an article is opened."""
EMPTY_ARTICLE_LEAST = 160
"""The empty article pane narrows down to this (or its hint's own minimum) when the lyrics need the room."""
TRANSLATION_LEAST = 200
"""The least the translation beside the lyrics is given for the lyrics' sake (its lines do not wrap)."""
DOCK_HANDLE = 6
"""The handle between a column of docks and the centre, on top of the docks' widths."""
RESET_MARGIN = 32
"""A saved layout is reset only when the default one would give the centre (or the wrapping lyrics, their
lines then whole) at least this much more."""
FONT_DELTA_LIMIT = 12.0
RESET_MESSAGE = QT_TRANSLATE_NOOP(
    "WindowLayout", "The saved window layout did not fit this screen: the default layout is back."
)
WRAP_HINT = QT_TRANSLATE_NOOP(
    "WindowLayout",
    "The lyrics do not fit beside the Library: hide Annotations and Note ({keys}) to give them room.",
)


def default_dock_widths(
    window_width: int,
    centre_wanted: int = TYPICAL_LYRICS_WIDTH + ARTICLE_WIDTH,
    sidebar_shown: bool | None = None,
) -> tuple[int, int]:
    """(Library sidebar, Annotations column) widths of the default layout in a window this wide.

    The docks are as wide as SIDEBAR_WIDTH and ANNOTATIONS_WIDTH while the lyrics and the article
    (together *centre_wanted*) still have their room; narrower, down to their least widths, as long
    as the centre is short of it. *sidebar_shown* None: as a first run shows it at this width.
    """
    if sidebar_shown is None:
        sidebar_shown = window_width >= NARROW_WIDTH
    most = [SIDEBAR_WIDTH if sidebar_shown else 0, ANNOTATIONS_WIDTH]
    least = [NARROW_SIDEBAR_WIDTH if sidebar_shown else 0, NARROW_ANNOTATIONS_WIDTH]
    handles = DOCK_HANDLE * (1 + sidebar_shown)
    short = centre_wanted - (window_width - sum(most) - handles)
    spare = sum(most) - sum(least)
    give = max(0, min(short, spare))
    # Each dock gives in proportion to what it can give: they reach their least widths together.
    sidebar = most[0] - round(give * (most[0] - least[0]) / spare) if spare else most[0]
    annotations = most[1] - (give - (most[0] - sidebar))
    return (sidebar if sidebar_shown else NARROW_SIDEBAR_WIDTH), annotations


def saved_size(geometry: QByteArray) -> QSize:
    """The window's size (not its frame) in a QWidget.saveGeometry() (empty when not readable): its
    normal geometry, after the format's magic number, version and frame geometry."""
    stream = QDataStream(geometry)
    stream.setByteOrder(QDataStream.ByteOrder.BigEndian)
    if geometry.size() < 40 or stream.readUInt32() != 0x1D9D0CB:
        return QSize()
    stream.readUInt16(), stream.readUInt16()  # the format's version
    for _ in range(4):
        stream.readInt32()  # the frame geometry
    left, top, right, bottom = (stream.readInt32() for _ in range(4))
    return QSize(right - left + 1, bottom - top + 1)


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
        self._docks_default = False  # the docks are as a first run lays them out: fitted to the song on show
        self._arranging = False  # the layout itself shows or hides docks: not the user's toggle
        self._docks_pending = False  # a dock was shown or hidden: the centre is split again
        self._lent = 0  # the width the Annotations column gave the lyrics when the Library came
        self._split_total = 0  # the centre's width when it was last split
        self._docks_seen: tuple[bool, ...] = ()  # which docks were hidden or floating when last looked at
        self._saved_size = QSize()  # the window's size when its layout was saved

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
            self._saved_size = saved_size(geometry)  # Qt shrinks a window to fit the screen: this was saved
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
        for dock in (window.library_dock, window.annotations_dock, window.note_dock):
            dock.installEventFilter(self)

    def _default_docks(self) -> None:
        window = self._window
        # Narrow: the sidebar starts hidden, its View-menu toggle (Ctrl+Shift+L) still there.
        self._arranging = True
        window.library_dock.setVisible(window.width() >= NARROW_WIDTH)
        self._arranging = False
        window.resizeDocks(
            [window.library_dock, window.annotations_dock],
            list(default_dock_widths(window.width())),
            Qt.Orientation.Horizontal,
        )
        self._docks_default = True  # fitted to the song's lines on show
        self._lent = 0
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
        if event.type() in (QEvent.Type.Show, QEvent.Type.Hide) and watched is not self._window:
            if self._window.isVisible() and not self._arranging and not self._docks_pending:
                self._docks_pending = True  # once Qt has laid the docks out
                QTimer.singleShot(0, self, self._on_docks_toggled)
            return False
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
        panes less than MIN_PANE_WIDTH, and is not reset on every start. Wrapping lyrics are the
        layout's fault only when the default one would show their lines whole (default_makes_lyrics_fit).
        (A sidebar saved narrower than its minimum width comes back at that width: Qt keeps to it.)
        """
        window = self._window
        screen = window.screen()
        available = screen.availableGeometry() if screen is not None else self._available()
        size = window.size().expandedTo(self._saved_size)  # the frame may overlap the edge a little
        if not available.isEmpty() and (
            size.width() > available.width() or size.height() > available.height()
        ):
            return False
        if self.default_makes_lyrics_fit():
            return False  # the lyrics wrap where the default layout would give them their room
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

    def lyrics_wrap(self, margin: bool = False) -> bool:
        """Whether the lyrics pane is narrower than its longest line needs (by more than the cursor's room:
        a window restored a pixel or two narrower still shows them whole).

        *margin* False: as if the study view's margin were not there (it narrows itself to the room,
        and is still loading at the start); True: beside it, in its compact form if need be."""
        pane = self._window.lyrics_pane
        wanted = self._lyrics_wanted(pane.width()) if margin else self._lyrics_width(0)
        return pane.width() < wanted - pane.fontMetrics().averageCharWidth()

    def default_makes_lyrics_fit(self) -> bool:
        """Whether the lyrics wrap where the default layout (with the docks the user shows) would show
        their lines whole, giving them at least RESET_MARGIN more.

        Only then does a reset help: lyrics too wide for any layout at this window's width (a big font
        chosen in Settings, a song of long lines) wrap in the default one too, and the layout the user
        chose is kept rather than reset at every start."""
        pane = self._window.lyrics_pane
        if not self.lyrics_wrap():
            return False
        needed = self._lyrics_width(0) - pane.fontMetrics().averageCharWidth()  # as lyrics_wrap() judges
        room = self.default_lyrics_room()
        return room >= needed and room > pane.width() + RESET_MARGIN

    def default_lyrics_room(self) -> int:
        """How wide the lyrics pane would be in the default layout at this window's width, with the docks
        the user shows, up to the width their lines need. (A sidebar turned on at 1024 px beside the
        Annotations leaves them no room for their lines: that choice is kept, as the default would not
        do better.)"""
        window = self._window
        width = window.width()
        sidebar_shown = not window.library_dock.isHidden() and not window.library_dock.isFloating()
        column_shown = any(
            not dock.isHidden() and not dock.isFloating()
            for dock in (window.annotations_dock, window.note_dock)
        )
        lyrics = self._lyrics_width(0)
        sidebar, annotations = default_dock_widths(width, lyrics + ARTICLE_WIDTH, sidebar_shown)
        docks = (annotations + DOCK_HANDLE if column_shown else 0) + (
            sidebar + DOCK_HANDLE if sidebar_shown else 0
        )
        centre = width - docks - window.splitter.handleWidth()
        least = max(centre * LYRICS_SHARE // 100, min(MIN_PANE_WIDTH, centre // 2))
        return max(least, min(lyrics, centre - self._article_room()))

    def reset(self) -> None:
        """Back to the layout of a first run: default size, docks and split (the text size stays)."""
        window = self._window
        if window.isMaximized() or window.isFullScreen():
            window.showNormal()
        if not self._default_state.isEmpty():
            self._arranging = True
            window.restoreState(self._default_state)
            self._arranging = False
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
            self._on_article_stack_current_changed()  # judged as shown: a song without an article widens the lyrics
            if not self.fits():
                self.reset()
                QApplication.sendPostedEvents()  # the new sizes, before the split below
                window.statusBar().showMessage(self.tr(RESET_MESSAGE), NOTICE_MS)
        if self._split_on_show:
            # Only now does the splitter know its width, and the song its longest line.
            self._split_on_show = False
            if self._docks_default:
                self._fit_docks()
            self.split_panes()
        self._docks_default = False
        self._on_article_stack_current_changed()  # a first song without an article: the lyrics widen
        self._docks_seen = self._docks_state()

    def _docks_state(self) -> tuple[bool, ...]:
        window = self._window
        docks = (window.library_dock, window.annotations_dock, window.note_dock)
        return tuple(flag for dock in docks for flag in (dock.isHidden(), dock.isFloating()))

    def _fit_docks(self) -> None:
        """A first run's docks: as wide as they may be while the lyrics' lines and the article have their room."""
        window = self._window
        sidebar_shown = not window.library_dock.isHidden()
        widths = default_dock_widths(
            window.width(), self._lyrics_wanted(window.width()) + ARTICLE_WIDTH, sidebar_shown
        )
        window.resizeDocks(
            [window.library_dock, window.annotations_dock], list(widths), Qt.Orientation.Horizontal
        )
        self._settle()

    def _settle(self) -> None:
        """Lay the window out now: the splitter's width after the docks changed."""
        window = self._window
        window.layout().activate()
        window.centralWidget().layout().activate()

    def _on_docks_toggled(self) -> None:
        """A dock was shown or hidden (View > Library, Ctrl+Shift+L): the reading panes are shared out again.

        The Library takes its width from the article, down to its least, then from the Annotations
        column, when that lets the lyrics' lines stay whole; hidden again, it gives the width back.
        """
        self._docks_pending = False
        window = self._window
        state = self._docks_state()
        if not window.isVisible() or self._split_on_show or state == self._docks_seen:
            return  # (the window's own showing shows its docks too)
        self._docks_seen = state
        library = window.library_dock
        column = window.note_dock if window.annotations_dock.isHidden() else window.annotations_dock
        docked = any(not dock.isHidden() and not dock.isFloating() for dock in (column, window.note_dock))
        self._settle()
        if (library.isHidden() or library.isFloating()) and self._lent:
            if docked:
                window.resizeDocks([column], [column.width() + self._lent], Qt.Orientation.Horizontal)
            self._lent = 0
            self._settle()
        elif not library.isHidden() and not library.isFloating() and docked and not self._lent:
            room = sum(window.splitter.sizes()) - self._article_room()
            short = self._lyrics_wanted(room + column.width() - NARROW_ANNOTATIONS_WIDTH) - room
            if 0 < short <= column.width() - NARROW_ANNOTATIONS_WIDTH:
                window.resizeDocks([column], [column.width() - short], Qt.Orientation.Horizontal)
                self._lent = short
                self._settle()
        if sum(window.splitter.sizes()) == self._split_total:
            return  # a tab of the left docks brought to the front: the centre kept its width (and the user's split)
        self.split_panes()
        self._say_why_lyrics_wrap()

    def _say_why_lyrics_wrap(self) -> None:
        """Lyrics wrapping beside the sidebar and the Annotations column: the status bar says how to give them room."""
        window = self._window
        status = window.statusBar()
        docks = (window.library_dock, window.annotations_dock, window.note_dock)
        if all(not dock.isHidden() and not dock.isFloating() for dock in docks[:2]) and self.lyrics_wrap(
            margin=True
        ):
            keys = ", ".join(
                dock.toggleViewAction().shortcut().toString(QKeySequence.SequenceFormat.NativeText)
                for dock in docks[1:]
            )
            status.showMessage(self.tr(WRAP_HINT).format(keys=keys), NOTICE_MS)
        elif status.currentMessage().startswith(self.tr(WRAP_HINT)[:30]):
            status.clearMessage()  # no longer true

    def split_panes(self) -> None:
        """Share the centre between the lyrics and the article as a first run does.

        The lyrics get their longest line's width when the article keeps ARTICLE_LEAST_TEXT, the
        article the rest. Without an article the lyrics take all but EMPTY_ARTICLE_WIDTH of it, or
        more, down to the empty pane's least width, when their lines need it.
        """
        splitter = self._window.splitter
        total = self._split_total = sum(splitter.sizes())
        if self._translation_shown():
            # The lyrics get their longest line's width (at least their share, at most all but the
            # translation's least): the translation beside them (and the article, when the side is
            # wide enough for both) takes the rest.
            least = max(total * LYRICS_SHARE // 100, min(MIN_PANE_WIDTH, total // 2))
            room = total - TRANSLATION_LEAST
            lyrics = max(min(least, room), min(room, self._lyrics_wanted(room)))
            splitter.setSizes([lyrics, total - lyrics])
            return
        if self._no_article:
            room = self._article_room()
            article = max(room, min(EMPTY_ARTICLE_WIDTH, total - self._lyrics_wanted(total - room)))
            article = min(article, total // 2)
            splitter.setSizes([total - article, article])
            return
        least = max(total * LYRICS_SHARE // 100, min(MIN_PANE_WIDTH, total // 2))
        # As wide as the longest line wants, leaving the article its room.
        room = total - self._article_room()
        lyrics = max(least, min(room, self._lyrics_wanted(room)))
        splitter.setSizes([lyrics, total - lyrics])

    def _translation_shown(self) -> bool:
        """Whether the song's translation is shown beside the lyrics (View > Translation)."""
        view = getattr(self._window, "translation_view", None)
        return view is not None and view.column.isVisible()

    def _article_least(self) -> int:
        """The article pane's width for ARTICLE_LEAST_TEXT of text."""
        pane = self._window.article_pane
        browser = pane.browser
        chrome = ARTICLE_CHROME
        if browser.isVisible() and browser.viewport().width() > 0:
            text = browser.viewport().width() - round(2 * browser.document().documentMargin())
            bar = browser.verticalScrollBar()  # narrower, the text grows taller and may need it
            chrome = max(0, pane.width() - text) + (0 if bar.isVisible() else bar.sizeHint().width())
        return ARTICLE_LEAST_TEXT + chrome

    def _article_room(self) -> int:
        """The least the article pane is given for the lyrics' sake (its empty page's least without an article)."""
        if self._no_article:
            page = self._window.article_pane.empty_page
            return max(EMPTY_ARTICLE_LEAST, page.minimumSizeHint().width())
        return self._article_least()

    def fit_lyrics(self) -> None:
        """The lyrics' room changed (the study view's margin or the translation came or went): split the
        centre again, unless the user chose the split by dragging it."""
        if not self._user_split and not self._split_on_show and self._window.isVisible():
            self.split_panes()

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

    def _lyrics_wanted(self, room: int) -> int:
        """The lyrics pane's width for its lines whole beside the study view's margin: with the margin's
        stress column when *room* allows, else beside its compact form (which it takes then itself)."""
        study = getattr(self._window, "study_view", None)
        if study is None:
            return self._lyrics_width()
        full, compact = study.margin.widths_wanted()
        wanted = self._lyrics_width(full)
        return wanted if wanted <= room else self._lyrics_width(compact)

    def _lyrics_width(self, margin: int | None = None) -> int:
        """How wide the lyrics pane must be for its longest line (of the first thousand) not to wrap
        beside a study view's margin *margin* wide (None: the margin as it is now)."""
        pane = self._window.lyrics_pane
        metrics = pane.fontMetrics()
        lines = pane.toPlainText().split("\n", 1000)[:1000]
        longest = max((metrics.horizontalAdvance(line) for line in lines), default=0)
        chrome = (
            pane.viewportMargins().left()
            + (pane.viewportMargins().right() if margin is None else margin)  # the study view's margin
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

    def set_base_font(self, pane: QWidget, font: QFont) -> None:
        """Give *pane* the text font *font* (Edit > Settings); View > Bigger Text adds its points to it."""
        self._base_fonts[pane] = QFont(font)
        self._apply_fonts()

    def _apply_fonts(self) -> None:
        for pane, base in self._base_fonts.items():
            font = QFont(base)
            font.setPointSizeF(max(6.0, base.pointSizeF() + self._font_delta))
            pane.setFont(font)
