"""The main window: library sidebar, lyrics and article side by side, annotations and the note editor."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QPoint, QSignalBlocker, Qt, QTimer
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QFont, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from lyricpad import __version__
from lyricpad.app.session import Session
from lyricpad.app.settings import Settings
from lyricpad.core.anchoring import Anchor, anchor_for_range, anchors_for_quote, find_occurrences
from lyricpad.core.errors import LyricpadError, NotFound
from lyricpad.core.markdown import rendered_text
from lyricpad.core.models import Annotation, Article, Song
from lyricpad.core.text import LineIndex
from lyricpad.gui import file_dialogs
from lyricpad.gui.annotations_panel import PLACE_SHORTCUT, AnnotationsPanel
from lyricpad.gui.article_pane import ArticlePane
from lyricpad.gui.backup_dialog import BackupDialog
from lyricpad.gui.check_dialog import CheckDialog
from lyricpad.gui.export_dialog import ExportDialog
from lyricpad.gui.highlights import lens_icon
from lyricpad.gui.lens_dialog import LensDialog
from lyricpad.gui.library_sidebar import LibrarySidebar
from lyricpad.gui.lyrics_pane import LyricsPane
from lyricpad.gui.note_editor import NoteEditor, line_reference
from lyricpad.gui.notice_bar import NoticeBar
from lyricpad.gui.pane_header import PaneHeader

APP_TITLE = "lyricpad"
DEFAULT_SIZE = (1280, 800)
SIDEBAR_WIDTH = 210
ANNOTATIONS_WIDTH = 300
LYRICS_SHARE = 57
"""Percent of the centre the lyrics get at first; the article has the rest."""
LENS_KEYS = 9
"""Lenses 1-9 have number keys."""
STATUS_MS = 6000
FONT_STEP = 1.0
FONT_DELTA_LIMIT = 12.0


THIS_OCCURRENCE = "this"
EVERY_OCCURRENCE = "every"
"""The answers of `MainWindow.ask_occurrences`."""


def _whole_lines(text: str, start: int, end: int) -> bool:
    """Whether [start, end) of *text* begins at a line's start and stops at a line's end."""
    return (start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")


def repeated_places(text: str, start: int, end: int) -> list[int]:
    """Where the text selected at [start, end) occurs in *text* (start offsets, the selection's included).

    Whole lines are compared as lines: lines 8-9 of a song repeat where the same two lines
    stand alone again, not where their words sit inside a longer line.
    """
    quote = text[start:end]
    places = find_occurrences(text, quote)
    if _whole_lines(text, start, end):
        places = [p for p in places if _whole_lines(text, p, p + len(quote))]
    return places


def _plural(count: int, word: str) -> str:
    return f"{count} {word}" if count == 1 else f"{count} {word}s"


def song_details(song: Song) -> str:
    """The line under a song's title: artist, album and year, those that are known."""
    return " · ".join(str(x) for x in (song.artist, song.album, song.year) if x)


class MainWindow(QMainWindow):
    """The window a user studies songs in; it changes the library only through *session*.

    *settings* None keeps nothing between runs (screenshots, smoke checks, some tests).
    """

    def __init__(self, session: Session, settings: Settings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.settings = settings
        # What the panes show of the current song, as last read from the session: a view of
        # the data, refreshed from the session's facts, never written to directly.
        self._annotations: dict[str, Annotation] = {}
        self._trashed: dict[str, Annotation] = {}
        self._articles: list[Article] = []
        self._song: Song | None = None
        self._selected_id = ""
        self._active_pane = "lyrics"
        self._split_on_show = False
        self._font_delta = 0.0
        self._lens_dialog: LensDialog | None = None
        self._export_dialog: ExportDialog | None = None
        self.setWindowTitle(APP_TITLE)
        self.setAccessibleName("lyricpad main window")

        self.sidebar = LibrarySidebar(session, self)
        self.song_header = PaneHeader("Song heading", self)
        self.lyrics_pane = LyricsPane(self)
        self.article_pane = ArticlePane(self)
        self.annotations_panel = AnnotationsPanel(self)
        self.note_editor = NoteEditor(self)
        self._base_fonts = {pane: pane.font() for pane in (self.lyrics_pane, self.article_pane)}

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
        self.notice_bar = NoticeBar(self)
        self._notice_about_unsaved = False
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.notice_bar)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.library_dock = self._dock(
            "Library", "libraryDock", self.sidebar, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.annotations_dock = self._dock(
            "Annotations", "annotationsDock", self.annotations_panel, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.note_dock = self._dock(
            "Note", "noteDock", self.note_editor, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.splitDockWidget(self.annotations_dock, self.note_dock, Qt.Orientation.Vertical)

        self.lens_actions: list[QAction] = []
        self._build_actions()
        self._build_menus()
        self._path_label = QLabel(self)
        self._counts_label = QLabel(self)
        self.unsaved_label = QLabel(self)
        self.unsaved_label.setObjectName("unsavedLabel")
        self.unsaved_label.setStyleSheet("QLabel { color: #b3261e; font-weight: bold; }")
        self.unsaved_label.hide()
        self.read_only_label = QLabel("Read-only", self)
        self.read_only_label.setStyleSheet("QLabel { color: #b3261e; font-weight: bold; }")
        self.read_only_label.setVisible(bool(session.read_only))
        self.read_only_label.setToolTip(session.read_only or "")
        self.statusBar().addWidget(self._path_label, 1)
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.statusBar().addPermanentWidget(self.unsaved_label)
        self.statusBar().addPermanentWidget(self._counts_label)
        self._show_library_path()
        self._connect()
        # Import: File > Import…, paste as a new song or article, files dropped anywhere on the
        # window (on the lyrics: as lyrics; on the article: as an article).
        self.importer = self.sidebar.importer
        self.importer.install_drop_target(self)
        self.importer.install_drop_target(self.lyrics_pane, "lyrics")
        self.importer.install_drop_target(self.article_pane.browser, "article")
        self.importer.install_drop_target(self.article_pane.source_edit, "article")
        self.importer.article_imported.connect(self._on_importer_article_imported)
        self._on_session_lenses_changed()
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

    def _action(
        self, text: str, shortcut: str | QKeySequence.StandardKey | None, slot, *, checkable=False
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        (action.toggled if checkable else action.triggered).connect(slot)
        return action

    def _build_actions(self) -> None:
        stack = self.session.undo_stack
        # Our own actions rather than QUndoStack's: typing not yet saved is saved first, so an
        # undo never leaves words on screen that the library does not have (or the reverse).
        self.undo_action = self._action("&Undo", QKeySequence.StandardKey.Undo, self._on_undo_triggered)
        self.redo_action = self._action("&Redo", None, self._on_redo_triggered)
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        stack.canUndoChanged.connect(self.undo_action.setEnabled)
        stack.canRedoChanged.connect(self.redo_action.setEnabled)
        stack.undoTextChanged.connect(lambda text: self.undo_action.setText(f"&Undo {text}".rstrip()))
        stack.redoTextChanged.connect(lambda text: self.redo_action.setText(f"&Redo {text}".rstrip()))
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        self.find_annotations_action = self._action(
            "&Find Annotations", "Ctrl+Shift+F", self._on_find_annotations_triggered
        )
        self.last_lens_action = self._action(
            "Highlight with &Last Lens", "Ctrl+H", self.highlight_with_last_lens
        )
        self.edit_note_action = self._action("Edit &Note", "Ctrl+Return", self._on_edit_note_action_triggered)
        self.delete_highlight_action = self._action(
            "&Delete Highlight", "Delete", self._on_delete_highlight_triggered
        )
        self.edit_lyrics_action = self._action(
            "Edit &Lyrics", "Ctrl+E", self._on_edit_lyrics_toggled, checkable=True
        )
        self.edit_article_action = self._action(
            "Edit &Article", "Ctrl+Shift+E", self._on_edit_article_toggled, checkable=True
        )
        self.new_article_action = self._action(
            "New Ar&ticle", "Ctrl+Shift+N", self._on_article_pane_new_article_requested
        )
        self.lenses_action = self._action("Le&nses…", "Ctrl+Shift+K", self.open_lens_dialog)
        self.export_action = self._action("&Export…", "Ctrl+Shift+X", self.open_export_dialog)
        self.export_action.setStatusTip(
            "Export annotations as Markdown, lyricpad JSON or W3C Web Annotations"
        )
        self.backups_action = self._action("&Backups…", None, self.open_backup_dialog)
        self.backups_action.setStatusTip("Back up the library now, or restore an automatic backup")
        self.check_action = self._action("&Check Library…", None, self.open_check_dialog)
        self.check_action.setStatusTip(
            "Look for damage: pages, links, the search index, highlights off their words; repair what can be"
        )
        self.quit_action = self._action("&Quit", "Ctrl+Q", self.close)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.bigger_action = self._action(
            "&Bigger Text", QKeySequence.StandardKey.ZoomIn, lambda: self._zoom(+FONT_STEP)
        )
        self.smaller_action = self._action(
            "&Smaller Text", QKeySequence.StandardKey.ZoomOut, lambda: self._zoom(-FONT_STEP)
        )
        self.reset_zoom_action = self._action("&Normal Text Size", "Ctrl+0", lambda: self._zoom(None))
        # A key that deletes text in an editor acts on highlights only where the reading panes have focus.
        self.delete_highlight_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.lens_group = QActionGroup(self)
        self.lens_group.setExclusive(False)
        self.lens_group.triggered.connect(self._on_lens_group_triggered)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("&File")
        sidebar = self.sidebar
        for action in (
            sidebar.new_song_action,
            sidebar.import_action,
            sidebar.edit_details_action,
            sidebar.rename_action,
            sidebar.delete_action,
            sidebar.show_trash_action,
        ):
            file_menu.addAction(action)
        file_menu.addActions(self.sidebar.importer.actions)
        file_menu.addAction(self.new_article_action)
        file_menu.addSeparator()
        file_menu.addAction(self.export_action)
        file_menu.addAction(self.backups_action)
        file_menu.addAction(self.check_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        edit_menu = self.menuBar().addMenu("&Edit")
        edit_menu.addAction(self.undo_action)
        edit_menu.addAction(self.redo_action)
        edit_menu.addSeparator()
        self.highlight_menu = edit_menu.addMenu("&Highlight With")
        edit_menu.addAction(self.last_lens_action)
        edit_menu.addAction(self.edit_note_action)
        edit_menu.addAction(self.delete_highlight_action)
        edit_menu.addSeparator()
        # The panel's own actions (one shortcut each, window-wide): they act on the selected annotation.
        edit_menu.addAction(self.annotations_panel.accept_action)
        edit_menu.addAction(self.annotations_panel.place_action)
        edit_menu.setToolTipsVisible(True)
        edit_menu.addSeparator()
        edit_menu.addAction(self.edit_lyrics_action)
        edit_menu.addAction(self.edit_article_action)
        edit_menu.addSeparator()
        edit_menu.addAction(self.lenses_action)

        view_menu = self.menuBar().addMenu("&View")
        for dock, shortcut in (
            (self.library_dock, "Ctrl+Shift+L"),
            (self.annotations_dock, "Ctrl+Shift+A"),
            (self.note_dock, "Ctrl+Shift+O"),
        ):
            action = dock.toggleViewAction()
            action.setShortcut(QKeySequence(shortcut))
            view_menu.addAction(action)
        view_menu.addAction(self.find_annotations_action)
        view_menu.addSeparator()
        self.line_numbers_action = self._action(
            "Line &Numbers", None, self.lyrics_pane.set_line_numbers_visible, checkable=True
        )
        with QSignalBlocker(self.line_numbers_action):
            self.line_numbers_action.setChecked(True)
        view_menu.addAction(self.line_numbers_action)
        self.filter_action = self._action("&Filter Songs", "Ctrl+L", self._on_filter_action_triggered)
        view_menu.addAction(self.filter_action)
        view_menu.addSeparator()
        for action in (self.bigger_action, self.smaller_action, self.reset_zoom_action):
            view_menu.addAction(action)

        help_menu = self.menuBar().addMenu("&Help")
        about = QAction("&About lyricpad", self)
        about.setMenuRole(QAction.MenuRole.AboutRole)
        about.triggered.connect(self._on_about_action_triggered)
        help_menu.addAction(about)

        self.toolbar = QToolBar("Highlight", self)
        self.toolbar.setObjectName("highlightToolbar")
        self.toolbar.setAccessibleName("Highlight toolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.toolbar)
        view_menu.addAction(self.toolbar.toggleViewAction())

    def _connect(self) -> None:
        session = self.session
        session.current_song_changed.connect(self._on_session_current_song_changed)
        session.song_changed.connect(self._on_session_song_changed)
        session.songs_changed.connect(self._update_counts)
        session.unsaved_changed.connect(self._on_session_unsaved_changed)
        session.changed_elsewhere.connect(self._on_session_changed_elsewhere)
        session.library_repaired.connect(self._on_session_library_repaired)
        session.articles_changed.connect(self._on_session_articles_changed)
        session.annotations_changed.connect(self._on_session_annotations_changed)
        session.lenses_changed.connect(self._on_session_lenses_changed)
        session.write_failed.connect(self._on_session_write_failed)
        session.change_kept.connect(self._on_session_change_kept)
        session.notice.connect(self._on_session_notice)
        self.sidebar.song_requested.connect(self._on_sidebar_song_requested)

        for pane in (self.lyrics_pane, self.article_pane):
            pane.annotation_clicked.connect(self.select_annotation)
            pane.annotation_activated.connect(self._on_pane_annotation_activated)
            pane.delete_requested.connect(session.delete_annotation)
            pane.editing_changed.connect(self._on_pane_editing_changed)
        self.lyrics_pane.lyrics_edited.connect(self._on_lyrics_pane_lyrics_edited)
        self.article_pane.article_edited.connect(self._on_article_pane_article_edited)
        self.article_pane.article_title_edited.connect(self._on_article_pane_article_title_edited)
        self.article_pane.new_article_requested.connect(self._on_article_pane_new_article_requested)

        panel = self.annotations_panel
        panel.reveal_requested.connect(self._on_annotations_panel_reveal_requested)
        panel.annotation_selected.connect(self._on_annotations_panel_annotation_selected)
        panel.activate_requested.connect(self._on_pane_annotation_activated)
        panel.delete_requested.connect(session.delete_annotation)
        panel.restore_requested.connect(session.restore_annotation)
        panel.accept_requested.connect(self._on_annotations_panel_accept_requested)
        panel.place_requested.connect(self.place_at_selection)

        editor = self.note_editor
        editor.note_edited.connect(session.edit_note)
        editor.note_burst_ended.connect(session.end_note_burst)
        editor.lens_change_requested.connect(session.set_annotation_lens)
        editor.tags_change_requested.connect(session.set_annotation_tags)
        editor.delete_requested.connect(session.delete_annotation)
        editor.restore_requested.connect(session.restore_annotation)

        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._on_app_focus_changed)

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
            self._font_delta = self.settings.font_delta()
            self._apply_fonts()
            self.sidebar.set_sort_order(self.settings.sort_order())
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
        """Remember geometry, panel layout, text size and the open song for the next run."""
        if self.settings is None:
            return
        self.settings.set_window_geometry(self.saveGeometry())
        self.settings.set_window_state(self.saveState())
        self.settings.set_splitter_state(self.splitter.saveState())
        self.settings.set_last_song(self.session.current_song_id)
        self.settings.set_font_delta(self._font_delta)
        self.settings.set_sort_order(self.sidebar.sort_order())
        self.settings.sync()

    def _zoom(self, step: float | None) -> None:
        self._font_delta = 0.0 if step is None else max(-4.0, min(FONT_DELTA_LIMIT, self._font_delta + step))
        self._apply_fonts()

    def _apply_fonts(self) -> None:
        for pane, base in self._base_fonts.items():
            font = QFont(base)
            font.setPointSizeF(max(6.0, base.pointSizeF() + self._font_delta))
            pane.setFont(font)

    # -------------------------------------------------------------- flushing

    def flush_edits(self) -> None:
        """Hand every pending edit (note, lyrics, article) to the session now: nothing is lost."""
        self.note_editor.flush()
        self.lyrics_pane.flush()
        self.article_pane.flush()
        self.session.end_note_burst()

    # ------------------------------------------------------------------ content

    def _show_library_path(self) -> None:
        path = self.session.library_path
        text = f"Library: {path}" if path else "Library: in memory (nothing is kept)"
        self._path_label.setText(text)
        self._path_label.setToolTip(text)
        self._path_label.setAccessibleName("Library path")
        self._path_label.setMinimumWidth(1)  # a long path is cut, not the window widened

    def _read_song(self, song_id: str) -> None:
        """Read the song's articles and annotations from the session into the view."""
        self._song = self.session.song(song_id) if song_id else None
        self._articles = self.session.articles(song_id) if song_id else []
        self._annotations = {a.id: a for a in self.session.annotations(song_id)} if song_id else {}
        self._trashed = {a.id: a for a in self.session.trashed_annotations(song_id)} if song_id else {}

    def _ordered(self) -> list[Annotation]:
        """The current song's annotations in text order: lyrics, then each article in turn."""
        article_order = {article.id: index for index, article in enumerate(self._articles)}

        def key(annotation: Annotation):
            pane = annotation.target != "lyrics"
            return (
                pane,
                article_order.get(annotation.article_id, len(article_order)),
                annotation.first.start,
            )

        return sorted(self._annotations.values(), key=key)

    def _show_song(self) -> None:
        song = self._song
        annotations = self._ordered()
        if song is None:
            self.song_header.set_text("No song", "The library has no songs.")
            self.setWindowTitle(APP_TITLE)
        else:
            self._show_song_header()
            self.setWindowTitle(
                f"{APP_TITLE} — {song.display_name}" + (" (read-only)" if self.session.read_only else "")
            )
        self.lyrics_pane.show_song(song, [a for a in annotations if a.target == "lyrics"])
        self.article_pane.show_articles(self._articles, annotations)
        self.annotations_panel.show_annotations(
            annotations, self._articles, song_open=song is not None, trashed=list(self._trashed.values())
        )
        self.sidebar.set_current(song.id if song else "")
        self._select("")
        self._update_counts()
        has_song = song is not None
        for action in (self.edit_lyrics_action, self.edit_article_action, self.new_article_action):
            action.setEnabled(has_song)

    def _refresh_annotations(self) -> None:
        """Redraw the annotations in every view without resetting the texts."""
        annotations = self._ordered()
        self.lyrics_pane.update_annotations([a for a in annotations if a.target == "lyrics"])
        self.article_pane.update_annotations(annotations)
        # The panel moves its current row when a row goes away; that is not the user choosing it.
        with QSignalBlocker(self.annotations_panel):
            self.annotations_panel.update_annotations(
                annotations, self._articles, trashed=list(self._trashed.values())
            )
        self.note_editor.set_known_tags(self.session.tags())
        selected = self._annotations.get(self._selected_id) or self._trashed.get(self._selected_id)
        if selected is None and self._selected_id:
            self._select("")
        else:
            self.note_editor.show_annotation(selected)
        self._update_counts()

    def _update_counts(self) -> None:
        counts = _plural(len(self.session.songs()), "song")
        if self._song is not None:
            this_song = (
                f"{_plural(len(self._articles), 'article')}, {_plural(len(self._annotations), 'annotation')}"
            )
            counts += f"  │  this song: {this_song}"
        self._counts_label.setText(counts)

    # -------------------------------------------------------------- selection

    def _select(self, annotation_id: str) -> None:
        self._selected_id = annotation_id
        annotation = self._annotations.get(annotation_id) or self._trashed.get(annotation_id)
        self.note_editor.show_annotation(annotation)
        self.lyrics_pane.set_selected_annotation(annotation_id)
        self.article_pane.set_selected_annotation(annotation_id)
        self.edit_note_action.setEnabled(annotation is not None)

    def select_annotation(self, annotation_id: str) -> None:
        """Show *annotation_id* in the note editor, marked in its pane and the panel."""
        self._select(annotation_id)
        if annotation_id:
            self.annotations_panel.select_annotation(annotation_id)

    @property
    def selected_annotation_id(self) -> str:
        return self._selected_id

    # ------------------------------------------------------------- highlighting

    def _selection(self) -> tuple[str, str | None, int, int] | None:
        """(target, article id, start, end) of the text selected in the pane last used."""
        if self._active_pane == "lyrics":
            if self.lyrics_pane.is_editing() or (selected := self.lyrics_pane.selected_range()) is None:
                return None
            return "lyrics", None, selected[0], selected[1]
        # Never the other pane's leftover selection: only what the user is looking at.
        if (chosen := self.article_pane.selected_range()) is None:
            return None
        article_id, start, end = chosen
        return "article", article_id, start, end

    def highlight_selection(self, lens_id: str | None) -> str | None:
        """Highlight the selected text with *lens_id*; returns the new annotation's id."""
        song = self._song
        selection = self._selection()
        if song is None or selection is None:
            self.statusBar().showMessage(
                "Select some text first, or click line numbers to take whole lines.", STATUS_MS
            )
            return None
        target, article_id, start, end = selection
        if target == "lyrics":
            text = song.lyrics
        else:
            article = next((a for a in self._articles if a.id == article_id), None)
            if article is None:
                return None
            text = rendered_text(article.body)
        try:
            fragments = self._fragments_for(text, start, end, target)
        except LyricpadError as exc:
            self.statusBar().showMessage(str(exc), STATUS_MS)
            return None
        if fragments is None:
            return None  # the user closed the question
        new_id = self.session.create_annotation(
            song.id, fragments, target=target, article_id=article_id, lens_id=lens_id
        )
        if new_id:
            self.select_annotation(new_id)
        return new_id

    def _fragments_for(self, text: str, start: int, end: int, target: str) -> list[Anchor] | None:
        """The anchors to highlight for [start, end) of *text*; None when the user cancels.

        When the same text occurs elsewhere (a chorus), the user chooses: this occurrence, or
        every occurrence as one annotation with a fragment per place.
        """
        index = LineIndex(text)
        this = anchor_for_range(text, start, end, index)  # refuses blank text before anything is asked
        places = repeated_places(text, start, end)
        if len(places) < 2:
            return [this]
        answer = self.ask_occurrences(len(places), target)
        if answer is None:
            return None
        if answer == THIS_OCCURRENCE:
            return [this]
        if len(places) == len(find_occurrences(text, this.quote)):
            return anchors_for_quote(text, this.quote, None)
        return [anchor_for_range(text, p, p + len(this.quote), index) for p in places]

    def build_occurrence_menu(self, count: int) -> QMenu:
        """The question asked when the selected text occurs *count* times: this one, or every one."""
        menu = QMenu(self)
        menu.setAccessibleName("Highlight which occurrence")
        menu.setToolTipsVisible(True)
        this = menu.addAction("&This Occurrence")
        this.setData(THIS_OCCURRENCE)
        this.setToolTip("Highlight only the text selected")
        every = menu.addAction(f"&Every Occurrence ({count})")
        every.setData(EVERY_OCCURRENCE)
        every.setToolTip(f"One annotation over all {count} places this text occurs, sharing one note")
        menu.setDefaultAction(this)  # shown bold; Enter takes it
        menu.setActiveAction(this)
        return menu

    def ask_occurrences(self, count: int, target: str) -> str | None:
        """Ask at the selection whether to highlight this occurrence or all *count*; None when cancelled (Esc)."""
        menu = self.build_occurrence_menu(count)
        if target == "lyrics":
            editor = self.lyrics_pane
        else:
            editor = self.article_pane.browser
        rect = editor.cursorRect()
        point = editor.viewport().mapToGlobal(rect.bottomLeft() + QPoint(0, 2))
        chosen = self.popup_menu(menu, point)
        menu.deleteLater()
        return chosen.data() if chosen is not None else None

    def popup_menu(self, menu: QMenu, point: QPoint) -> QAction | None:
        """Show *menu* at *point* until the user picks an action (None: Esc). Tests replace this."""
        return menu.exec(point)

    def highlight_with_last_lens(self) -> str | None:
        lenses = self.session.lenses()
        lens_id = self.session.last_lens_id or (lenses[0].id if lenses else None)
        return self.highlight_selection(lens_id)

    def _rebuild_lens_actions(self) -> None:
        for action in self.lens_actions:
            self.lens_group.removeAction(action)
            for pane in (self.lyrics_pane, self.article_pane):
                pane.removeAction(action)
            action.deleteLater()
        self.lens_actions = []
        self.highlight_menu.clear()
        self.toolbar.clear()
        for number, lens in enumerate(self.session.lenses(), 1):
            action = QAction(
                lens_icon(lens.colour, self.palette()), lens.name.replace("&", "&&"), self
            )  # no mnemonic
            action.setData(lens.id)
            action.setToolTip(
                f"Highlight the selection as {lens.name}" + (f" ({number})" if number <= LENS_KEYS else "")
            )
            if number <= LENS_KEYS:
                action.setShortcut(QKeySequence(str(number)))
                # Number keys type digits anywhere else; here they act only in the reading panes.
                action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.lens_group.addAction(action)
            self.lens_actions.append(action)
            self.highlight_menu.addAction(action)
            self.toolbar.addAction(action)
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.lenses_action)
        self._attach_pane_shortcuts()
        context = [*self.lens_actions, self.last_lens_action]
        self.lyrics_pane.set_context_actions(context)
        self.article_pane.set_context_actions(context)

    def _attach_pane_shortcuts(self) -> None:
        """Give the reading panes the number keys and Delete; a pane being edited types them instead."""
        for pane in (self.lyrics_pane, self.article_pane):
            for action in (*self.lens_actions, self.delete_highlight_action):
                if pane.is_editing():
                    pane.removeAction(action)
                else:
                    pane.addAction(action)

    def open_lens_dialog(self) -> LensDialog:
        """Show the lens dialog (one, made once); Ctrl+Z and Ctrl+Shift+Z work in it too."""
        if self._lens_dialog is None:
            self._lens_dialog = LensDialog(self.session, self)
            self._lens_dialog.setModal(False)
            self._lens_dialog.addActions([self.undo_action, self.redo_action])
        self._lens_dialog.show()
        self._lens_dialog.raise_()
        self._lens_dialog.activateWindow()
        return self._lens_dialog

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
        self.flush_edits()
        if not self.settle_unsaved():
            event.ignore()
            return
        self.session.back_up_on_quit()  # while the window is still there to say it failed
        self.save_layout()
        super().closeEvent(event)

    def settle_unsaved(self) -> bool:
        """Before closing: True when everything is saved, or the user chose what becomes of what is not.

        Asked again after every failed Retry, however often saving failed before: quitting
        never drops a change without the user's word.
        """
        session = self.session
        while session.unsaved_count:
            if session.retry_unsaved() and not session.unsaved_count:
                return True
            choice = self.ask_unsaved_on_quit()
            if choice == "retry":
                continue
            if choice == "copy":
                path = self.choose_unsaved_copy_path()
                if not path:
                    continue
                try:
                    written = session.save_unsaved_copy(path)
                except LyricpadError as exc:
                    QMessageBox.warning(self, "lyricpad", f"The copy was not saved: {exc}")
                    continue
                self.statusBar().showMessage(f"Saved a copy of the unsaved changes to {written}", STATUS_MS)
                session.discard_unsaved()
                return True
            if choice == "quit":
                session.discard_unsaved()
                return True
            return False
        return True

    def unsaved_box(self) -> QMessageBox:
        """The question asked on quitting with changes not saved: Retry, Save a Copy as Markdown…, Quit Anyway."""
        session = self.session
        count = session.unsaved_count
        lines = [f"{_plural(count, 'change')} could not be saved in the library."]
        if session.retryable_count:
            lines.append(
                f"lyricpad tried again at {datetime.now():%H:%M:%S} and failed: {session.last_unsaved_reason()}"
            )
        if session.lost_count:
            lines.append(
                f"{_plural(session.lost_count, 'change')} were refused for good, but what you typed is kept here."
            )
        lines.append(
            "Retry, save a copy of what you typed as a Markdown file, or quit without them. "
            "(Cancel keeps the window open.)"
        )
        box = QMessageBox(QMessageBox.Icon.Warning, "Changes not saved", "\n\n".join(lines), parent=self)
        box.setObjectName("unsavedBox")
        box.setDetailedText("\n".join(session.unsaved_descriptions()))
        retry = box.addButton("&Retry", QMessageBox.ButtonRole.AcceptRole)
        retry.setObjectName("retry")
        copy = box.addButton("&Save a Copy as Markdown and Quit…", QMessageBox.ButtonRole.ActionRole)
        copy.setObjectName("copy")
        quit_ = box.addButton("&Quit Anyway", QMessageBox.ButtonRole.DestructiveRole)
        quit_.setObjectName("quit")
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName("cancel")
        box.setDefaultButton(copy)
        box.setEscapeButton(cancel)
        return box

    def ask_unsaved_on_quit(self) -> str:
        """The user's choice about unsaved changes: "retry", "copy", "quit" or "cancel"."""
        box = self.unsaved_box()
        box.exec()
        clicked = box.clickedButton()
        return clicked.objectName() if clicked is not None else "cancel"

    def choose_unsaved_copy_path(self) -> str:
        """Where to save the copy of unsaved changes ("" when the user cancels).

        Offered in the Documents folder, not the library's: a full disk there may be why
        the changes could not be saved.
        """

        from PySide6.QtCore import QStandardPaths

        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(
            Path.home()
        )
        name = f"lyricpad unsaved changes {datetime.now():%Y-%m-%d %H%M}.md"
        return file_dialogs.save_file_name(
            self, "Save a Copy of the Unsaved Changes, then Quit", str(Path(folder) / name), "Markdown (*.md)"
        )

    def open_export_dialog(self) -> ExportDialog:
        """File > Export…: one dialog, made once; "This song" follows the song shown."""
        self.flush_edits()  # a note still being typed goes into the export
        if self._export_dialog is None:
            self._export_dialog = ExportDialog(self.session, self)
            self._export_dialog.exported.connect(
                lambda message: self.statusBar().showMessage(message, STATUS_MS)
            )
        self._export_dialog.show()
        self._export_dialog.raise_()
        self._export_dialog.activateWindow()
        return self._export_dialog

    def open_check_dialog(self) -> CheckDialog:
        """File > Check Library…: check the library off the GUI thread, and repair it (the dialog is modal)."""
        self.flush_edits()  # a note still being typed is saved before a repair could clear the undo history
        dialog = CheckDialog(self.session, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_backup_dialog(self) -> BackupDialog:
        """File > Backups…: back up now, or restore a backup (the dialog is modal)."""
        self.flush_edits()
        dialog = BackupDialog(self.session, self)
        dialog.open()
        return dialog

    def open_files(self, paths: list[str]) -> None:
        """Import files given on the command line or handed over by another start of lyricpad."""
        QTimer.singleShot(0, self, lambda: self.importer.import_paths(list(paths)))

    def _on_importer_article_imported(self, article_id: str) -> None:
        self.article_pane.open_article(article_id)

    def _on_session_changed_elsewhere(self) -> None:
        self.statusBar().showMessage(
            "Another program changed the library: its changes are shown, and the undo history was cleared.",
            STATUS_MS * 2,
        )

    def _on_session_unsaved_changed(self, count: int) -> None:
        if count == 0 and self.unsaved_label.isVisible():
            self.statusBar().clearMessage()
            if self.notice_bar.isVisible() and self._notice_about_unsaved:
                self.notice_bar.show_notice("Everything is saved now.")
                saved = self.notice_bar.label.text()
                QTimer.singleShot(
                    STATUS_MS, self, lambda: self.notice_bar.label.text() == saved and self.notice_bar.hide()
                )
        self.unsaved_label.setVisible(count > 0)
        retrying = ", retrying…" if self.session.retryable_count else ""
        self.unsaved_label.setText(
            f"{_plural(count, 'change')} not saved{' yet' if retrying else ''}{retrying}"
        )
        self.unsaved_label.setToolTip(
            "The library could not be written (a full disk, a lock held by another program, damage...). "
            "What you did is kept in this window and saved as soon as possible; on quitting, lyricpad "
            "asks before anything is lost and can save a copy of what you typed."
        )

    def _on_session_library_repaired(self, message: str) -> None:
        self._notice_about_unsaved = False
        self.notice_bar.show_notice(message)

    def _on_session_notice(self, message: str) -> None:
        self._notice_about_unsaved = False
        self.notice_bar.show_notice(message)

    def _on_session_change_kept(self, message: str) -> None:
        # Maybe in the middle of typing: told without taking the keyboard.
        self._notice_about_unsaved = True
        self.notice_bar.show_notice(message)

    # -------------------------------------------------------------------- slots

    def _on_session_current_song_changed(self, song_id: str) -> None:
        self._read_song(song_id)
        self._show_song()

    def _on_session_song_changed(self, song_id: str) -> None:
        if self._song is None or song_id != self._song.id:
            return
        song = self.session.song(song_id)
        self._song = song
        self._show_song_header()
        self.setWindowTitle(
            f"{APP_TITLE} — {song.display_name}" + (" (read-only)" if self.session.read_only else "")
        )
        if song.deleted:
            return
        # toRawText keeps no-break spaces (toPlainText turns them into spaces); blocks end in U+2029.
        shown = self.lyrics_pane.document().toRawText().replace("\u2029", "\n")
        if shown != song.lyrics:
            # Not our own typing coming back: an undo, a redo or another change of the lyrics.
            self.lyrics_pane.show_song(song, [a for a in self._ordered() if a.target == "lyrics"])

    def _on_session_articles_changed(self, song_id: str) -> None:
        if self._song is None or song_id != self._song.id:
            return
        self._articles = self.session.articles(song_id)
        # Also while editing: the pane keeps what is being typed and takes in an undo.
        self.article_pane.show_articles(self._articles, self._ordered())
        self.annotations_panel.update_annotations(
            self._ordered(), self._articles, trashed=list(self._trashed.values())
        )
        self._update_counts()

    def _on_session_annotations_changed(self, song_id: str, annotation_ids: list) -> None:
        if self._song is None or song_id != self._song.id:
            return
        for annotation_id in annotation_ids:
            self._annotations.pop(annotation_id, None)
            self._trashed.pop(annotation_id, None)
            try:
                annotation = self.session.annotation(annotation_id)
            except NotFound:
                continue  # erased (an undone highlight)
            (self._trashed if annotation.deleted else self._annotations)[annotation.id] = annotation
        self._refresh_annotations()

    def _on_session_lenses_changed(self) -> None:
        self._rebuild_lens_actions()
        lenses = self.session.lenses()
        self.note_editor.set_lenses(lenses)
        self.annotations_panel.set_lenses(lenses)
        if self._song is not None:
            # Every annotation carries its lens: read them again.
            self._annotations = {a.id: a for a in self.session.annotations(self._song.id)}
            self._trashed = {a.id: a for a in self.session.trashed_annotations(self._song.id)}
            self._refresh_annotations()

    def _on_session_write_failed(self, message: str) -> None:
        self.statusBar().showMessage(message, STATUS_MS * 2)
        QMessageBox.warning(self, "lyricpad", message)

    def _on_sidebar_song_requested(self, song_id: str) -> None:
        self.flush_edits()
        self.session.select_song(song_id)

    def _on_app_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Leaving a pane saves what was typed in it, before whatever the user does next.
        for pane in (self.lyrics_pane, self.article_pane):
            if old is not None and (old is pane or pane.isAncestorOf(old)):
                if new is None or not (new is pane or pane.isAncestorOf(new)):
                    pane.flush()
        if new is None:
            return
        if new is self.lyrics_pane or self.lyrics_pane.isAncestorOf(new):
            self._active_pane = "lyrics"
        elif new is self.article_pane or self.article_pane.isAncestorOf(new):
            self._active_pane = "article"

    def _on_undo_triggered(self) -> None:
        self.flush_edits()
        self.session.undo_stack.undo()

    def _on_redo_triggered(self) -> None:
        self.flush_edits()
        self.session.undo_stack.redo()

    def _on_find_annotations_triggered(self) -> None:
        self.annotations_dock.show()
        self.annotations_panel.text_filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.annotations_panel.text_filter.selectAll()

    def _on_lens_group_triggered(self, action: QAction) -> None:
        self.highlight_selection(action.data())

    def _on_pane_annotation_activated(self, annotation_id: str) -> None:
        self.select_annotation(annotation_id)
        self.note_dock.show()
        self.note_editor.focus_note()

    def _on_edit_note_action_triggered(self) -> None:
        if self._selected_id:
            self._on_pane_annotation_activated(self._selected_id)

    def _on_delete_highlight_triggered(self) -> None:
        if self._selected_id and self._selected_id in self._annotations:
            self.session.delete_annotation(self._selected_id)

    def _on_annotations_panel_reveal_requested(self, annotation_id: str) -> None:
        annotation = self._annotations.get(annotation_id)
        if annotation is None:
            return
        self._select(annotation_id)
        if annotation.status == "orphaned" or (
            annotation.status == "needs_review" and not annotation.proposal
        ):
            where = "lyrics" if annotation.target == "lyrics" else "article"
            self.statusBar().showMessage(
                f"The words of this highlight are gone from the {where}; its quote and note are kept. "
                f"Select the words it belongs to, then Place at Selection ({PLACE_SHORTCUT}).",
                STATUS_MS * 2,
            )
            return
        if annotation.target == "lyrics":
            self.lyrics_pane.reveal(annotation)
        else:
            self.article_pane.reveal(annotation)

    def _on_annotations_panel_accept_requested(self, annotation_id: str) -> None:
        annotation = self._annotations.get(annotation_id)
        if annotation is None or annotation.proposal is None:
            return
        self.flush_edits()
        self.session.accept_proposal(annotation_id)
        accepted = self._annotations.get(annotation_id)
        if accepted is not None and accepted.status == "anchored":
            self.select_annotation(annotation_id)
            self.statusBar().showMessage(
                f"Highlight anchored at its proposed place, {line_reference(accepted)}. Ctrl+Z undoes.",
                STATUS_MS,
            )

    def place_at_selection(self, annotation_id: str) -> None:
        """Put *annotation_id* on the text selected in its pane (the lyrics, or its article)."""
        annotation = self._annotations.get(annotation_id)
        song = self._song
        if annotation is None or song is None:
            return
        where = "the lyrics" if annotation.target == "lyrics" else "its article"
        chosen: tuple[int, int] | None = None
        if annotation.target == "lyrics":
            self.lyrics_pane.flush()  # what is selected counts over the saved lyrics
            chosen = self.lyrics_pane.selected_range()
            text = self._song.lyrics if self._song is not None else ""
        else:
            selected = self.article_pane.selected_range()
            if selected is not None and selected[0] == annotation.article_id:
                chosen = selected[1], selected[2]
            article = next((a for a in self._articles if a.id == annotation.article_id), None)
            text = rendered_text(article.body) if article is not None else ""
        if chosen is None:
            self.statusBar().showMessage(
                f"Select the words this highlight belongs to in {where} first, "
                f"then choose Place at Selection ({PLACE_SHORTCUT}).",
                STATUS_MS,
            )
            return
        try:
            fragments = [anchor_for_range(text, *chosen)]
        except LyricpadError as exc:
            self.statusBar().showMessage(str(exc), STATUS_MS)
            return
        self.session.move_annotation(annotation_id, fragments)
        placed = self._annotations.get(annotation_id)
        if placed is not None and placed.status == "anchored":
            self.select_annotation(annotation_id)
            self.statusBar().showMessage(
                f"Highlight placed on {line_reference(placed)}. Ctrl+Z undoes.", STATUS_MS
            )

    def _on_annotations_panel_annotation_selected(self, annotation_id: str) -> None:
        if annotation_id:
            self._select(annotation_id)

    def _on_edit_lyrics_toggled(self, editing: bool) -> None:
        self.lyrics_pane.set_editing(editing)
        self._show_song_header()
        if editing:
            self.lyrics_pane.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _show_song_header(self) -> None:
        """The song's title, and its details, or while the lyrics are edited a line saying so."""
        song = self._song
        if song is None:
            return
        if self.lyrics_pane.is_editing():
            details = "Editing the lyrics: saved as you pause typing · Ctrl+E to finish"
        else:
            details = song_details(song)
        self.song_header.set_text(song.title, details)

    def _on_edit_article_toggled(self, editing: bool) -> None:
        if editing and not self.article_pane.current_article_id:
            self._on_article_pane_new_article_requested()
            return
        self.article_pane.set_editing(editing)

    def _on_pane_editing_changed(self, _editing: bool) -> None:
        with QSignalBlocker(self.edit_lyrics_action):
            self.edit_lyrics_action.setChecked(self.lyrics_pane.is_editing())
        with QSignalBlocker(self.edit_article_action):
            self.edit_article_action.setChecked(self.article_pane.is_editing())
        self._attach_pane_shortcuts()
        if not self.article_pane.is_editing() and self._song is not None:
            # Back to reading: show the article as saved (and its re-anchored highlights).
            self._articles = self.session.articles(self._song.id)
            self.article_pane.show_articles(self._articles, self._ordered())

    def _on_lyrics_pane_lyrics_edited(self, text: str) -> None:
        # The pane's song, not the window's: the window may already be switching songs.
        song_id = self.lyrics_pane.song_id()
        if song_id:
            self.session.update_song(song_id, lyrics=text)

    def _on_article_pane_article_edited(self, article_id: str, body: str) -> None:
        self.session.update_article(article_id, body=body)

    def _on_article_pane_article_title_edited(self, article_id: str, title: str) -> None:
        self.session.update_article(article_id, title=title)

    def _on_article_pane_new_article_requested(self) -> None:
        if self._song is None:
            return
        self.flush_edits()
        self.article_pane.set_editing(False)
        article_id = self.session.add_article(self._song.id, "Untitled article", "")
        if article_id:
            self.article_pane.show_articles(self._articles, self._ordered())
            self.article_pane.open_article(article_id, editing=True)

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
