"""The main window's layout between runs: geometry, docks, the lyrics/article split and the text size."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QFont, QGuiApplication

from lyricpad.app.settings import Settings

if TYPE_CHECKING:
    from lyricpad.gui.main_window import MainWindow

DEFAULT_SIZE = (1280, 800)
SIDEBAR_WIDTH = 210
ANNOTATIONS_WIDTH = 300
LYRICS_SHARE = 57
"""Percent of the centre the lyrics get at first; the article has the rest."""
FONT_DELTA_LIMIT = 12.0


class WindowLayout(QObject):
    """Restores and remembers the window's layout (*settings* None: nothing is kept), and zooms the text."""

    def __init__(self, window: MainWindow, settings: Settings | None):
        super().__init__(window)
        self._window = window
        self._settings = settings
        self._split_on_show = False
        self._font_delta = 0.0
        self._base_fonts = {pane: pane.font() for pane in (window.lyrics_pane, window.article_pane)}

    def restore(self) -> None:
        window, settings = self._window, self._settings
        geometry_restored = state_restored = False
        if settings is not None:
            geometry = settings.window_geometry()
            geometry_restored = not geometry.isEmpty() and window.restoreGeometry(geometry)
            state = settings.window_state()
            state_restored = not state.isEmpty() and window.restoreState(state)
            splitter = settings.splitter_state()
            if not splitter.isEmpty():
                window.splitter.restoreState(splitter)
            self._font_delta = settings.font_delta()
            self._apply_fonts()
            window.sidebar.set_sort_order(settings.sort_order())
        if settings is None or settings.splitter_state().isEmpty():
            self._split_on_show = True
        if not geometry_restored:
            window.resize(*self._default_size())
        if not state_restored:
            window.resizeDocks(
                [window.library_dock, window.annotations_dock],
                [SIDEBAR_WIDTH, ANNOTATIONS_WIDTH],
                Qt.Orientation.Horizontal,
            )

    @staticmethod
    def _default_size() -> tuple[int, int]:
        width, height = DEFAULT_SIZE
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            width, height = min(width, available.width()), min(height, available.height())
        return width, height

    def split_on_first_show(self) -> None:
        if self._split_on_show:
            # Only now does the splitter know its width. Lyrics lines are long and set
            # in monospace, so they get the larger share.
            self._split_on_show = False
            splitter = self._window.splitter
            total = sum(splitter.sizes())
            lyrics = total * LYRICS_SHARE // 100
            splitter.setSizes([lyrics, total - lyrics])

    def save(self) -> None:
        """Remember geometry, panel layout, text size and the open song for the next run."""
        window, settings = self._window, self._settings
        if settings is None:
            return
        settings.set_window_geometry(window.saveGeometry())
        settings.set_window_state(window.saveState())
        settings.set_splitter_state(window.splitter.saveState())
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
