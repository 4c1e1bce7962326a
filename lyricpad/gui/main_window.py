"""The main window: library sidebar, lyrics and article side by side, annotations on the right."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lyricpad import __version__
from lyricpad.app.session import Session
from lyricpad.app.settings import Settings
from lyricpad.core.models import Annotation, Song
from lyricpad.gui.annotations_panel import AnnotationsPanel
from lyricpad.gui.article_pane import ArticlePane
from lyricpad.gui.library_sidebar import LibrarySidebar
from lyricpad.gui.lyrics_pane import LyricsPane
from lyricpad.gui.pane_header import PaneHeader

APP_TITLE = "lyricpad"
DEFAULT_SIZE = (1280, 800)
SIDEBAR_WIDTH = 210
ANNOTATIONS_WIDTH = 300
LYRICS_SHARE = 57
"""Percent of the centre the lyrics get at first; the article has the rest."""


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def song_details(song: Song) -> str:
    """The line under a song's title: artist, album and year, those that are known."""
    return " · ".join(str(x) for x in (song.artist, song.album, song.year) if x)


class MainWindow(QMainWindow):
    """A read-only view of the library through *session*; *settings* None keeps nothing between runs."""

    def __init__(self, session: Session, settings: Settings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self._annotations: dict[str, Annotation] = {}
        self._split_on_show = False
        self.setWindowTitle(APP_TITLE)
        self.setAccessibleName("lyricpad main window")

        self.sidebar = LibrarySidebar(session, self)
        self.sidebar.song_requested.connect(self._on_sidebar_song_requested)
        self.song_header = PaneHeader("Song heading", self)
        self.lyrics_pane = LyricsPane(self)
        self.article_pane = ArticlePane(self)
        self.annotations_panel = AnnotationsPanel(self)
        self.annotations_panel.reveal_requested.connect(self._on_annotations_panel_reveal_requested)

        lyrics_column = QWidget(self)
        column_layout = QVBoxLayout(lyrics_column)
        column_layout.setContentsMargins(0, 0, 0, 0)
        column_layout.setSpacing(0)
        column_layout.addWidget(self.song_header)
        column_layout.addWidget(self.lyrics_pane, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("textSplitter")
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(lyrics_column)
        self.splitter.addWidget(self.article_pane)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.setCentralWidget(self.splitter)

        self.library_dock = self._dock(
            "Library", "libraryDock", self.sidebar, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.annotations_dock = self._dock(
            "Annotations", "annotationsDock", self.annotations_panel, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self._build_menus()
        self._path_label = QLabel(self)
        self._counts_label = QLabel(self)
        self.statusBar().addWidget(self._path_label, 1)
        self.statusBar().addPermanentWidget(self._counts_label)
        self._show_library_path()

        session.current_song_changed.connect(self._on_session_current_song_changed)
        self._restore_layout()
        self._on_session_current_song_changed(session.current_song_id)
        self.sidebar.list_view.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------- layout

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState() needs it
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        self.quit_action = QAction("&Quit", self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        view_menu = self.menuBar().addMenu("&View")
        for dock, shortcut in ((self.library_dock, "Ctrl+Shift+L"), (self.annotations_dock, "Ctrl+Shift+A")):
            action = dock.toggleViewAction()
            action.setShortcut(QKeySequence(shortcut))
            view_menu.addAction(action)
        view_menu.addSeparator()
        self.line_numbers_action = QAction("Line &Numbers", self)
        self.line_numbers_action.setCheckable(True)
        self.line_numbers_action.setChecked(True)
        self.line_numbers_action.toggled.connect(self.lyrics_pane.set_line_numbers_visible)
        view_menu.addAction(self.line_numbers_action)
        self.filter_action = QAction("&Filter Songs", self)
        self.filter_action.setShortcut(QKeySequence("Ctrl+L"))
        self.filter_action.triggered.connect(self._on_filter_action_triggered)
        view_menu.addAction(self.filter_action)

        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About lyricpad", self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self._on_about_action_triggered)
        help_menu.addAction(about)

    def _restore_layout(self) -> None:
        geometry_restored = state_restored = False
        if self.settings is not None:
            geometry = self.settings.window_geometry()
            geometry_restored = not geometry.isEmpty() and self.restoreGeometry(geometry)
            state = self.settings.window_state()
            state_restored = not state.isEmpty() and self.restoreState(state)
            splitter = self.settings.splitter_state()
            if not splitter.isEmpty():
                self.splitter.restoreState(splitter)
        if self.settings is None or self.settings.splitter_state().isEmpty():
            self._split_on_show = True
        if not geometry_restored:
            self.resize(*self._default_size())
        if not state_restored:
            self.resizeDocks(
                [self.library_dock, self.annotations_dock],
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

    def save_layout(self) -> None:
        """Remember geometry, panel layout and the open song for the next run."""
        if self.settings is None:
            return
        self.settings.set_window_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.set_splitter_state(self.splitter.saveState())
        self.settings.set_last_song(self.session.current_song_id)
        self.settings.sync()

    # ------------------------------------------------------------------ content

    def _show_library_path(self) -> None:
        path = self.session.library_path
        text = f"Library: {path}" if path else "Library: in memory (nothing is kept)"
        self._path_label.setText(text)
        self._path_label.setToolTip(text)
        self._path_label.setAccessibleName("Library path")
        self._path_label.setMinimumWidth(1)  # a long path is cut, not the window widened

    def _show_song(self, song: Song | None) -> None:
        annotations = self.session.annotations(song.id) if song else []
        articles = self.session.articles(song.id) if song else []
        self._annotations = {a.id: a for a in annotations}
        if song is None:
            self.song_header.set_text("No song", "The library has no songs.")
            self.setWindowTitle(APP_TITLE)
        else:
            self.song_header.set_text(song.title, song_details(song))
            self.setWindowTitle(f"{APP_TITLE} — {song.display_name}")
        self.lyrics_pane.show_song(song, [a for a in annotations if a.target == "lyrics"])
        self.article_pane.show_articles(articles, annotations)
        self.annotations_panel.show_annotations(annotations, articles, song_open=song is not None)
        self.sidebar.set_current(song.id if song else "")
        counts = _plural(self.sidebar.model.rowCount(), "song")
        if song is not None:
            this_song = f"{_plural(len(articles), 'article')}, {_plural(len(annotations), 'annotation')}"
            counts += f"  │  this song: {this_song}"
        self._counts_label.setText(counts)

    # --------------------------------------------------------------- Qt events

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._split_on_show:
            # Only now does the splitter know its width. Lyrics lines are long and set
            # in monospace, so they get the larger share.
            self._split_on_show = False
            total = sum(self.splitter.sizes())
            lyrics = total * LYRICS_SHARE // 100
            self.splitter.setSizes([lyrics, total - lyrics])

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        super().closeEvent(event)

    # -------------------------------------------------------------------- slots

    def _on_session_current_song_changed(self, song_id: str) -> None:
        self._show_song(self.session.song(song_id) if song_id else None)

    def _on_sidebar_song_requested(self, song_id: str) -> None:
        self.session.select_song(song_id)

    def _on_annotations_panel_reveal_requested(self, annotation_id: str) -> None:
        annotation = self._annotations.get(annotation_id)
        if annotation is None:
            return
        if annotation.target == "lyrics":
            self.lyrics_pane.reveal(annotation)
        else:
            self.article_pane.reveal(annotation)

    def _on_filter_action_triggered(self) -> None:
        self.library_dock.show()
        self.sidebar.filter_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.sidebar.filter_edit.selectAll()

    def _on_about_action_triggered(self) -> None:
        QMessageBox.about(
            self,
            "About lyricpad",
            f"<h3>lyricpad {__version__}</h3>"
            "<p>Read a song's lyrics beside an article about it, and highlight and annotate both. "
            "Offline: your library is one SQLite file.</p>",
        )
