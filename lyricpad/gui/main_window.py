"""The main window: library sidebar, lyrics and article side by side, annotations and the note editor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from lyricpad.app.current_song import CurrentSong
from lyricpad.app.session import Session
from lyricpad.app.settings import Settings
from lyricpad.core.models import Song
from lyricpad.gui.annotations_panel import AnnotationsPanel
from lyricpad.gui.article_pane import ArticlePane
from lyricpad.gui.empty_song_hint import EmptySongHint
from lyricpad.gui.handout_actions import HandoutActions
from lyricpad.gui.library_sidebar import LibrarySidebar
from lyricpad.gui.lyrics_pane import LyricsPane
from lyricpad.gui.note_editor import NoteEditor
from lyricpad.gui.notice_bar import NOTICE_MS, NoticeBar
from lyricpad.gui.pane_header import PaneHeader
from lyricpad.gui.practice_mode import PracticeMode
from lyricpad.gui.settings_dialog_apply import WindowPreferences
from lyricpad.gui.study_view import StudyViewController
from lyricpad.gui.translation_view import TranslationView
from lyricpad.gui.window_actions import WindowActions
from lyricpad.gui.window_editing import WindowEditing
from lyricpad.gui.window_files import WindowFiles
from lyricpad.gui.window_highlighting import WindowHighlighting
from lyricpad.gui.window_layout import WindowLayout
from lyricpad.gui.window_links import WindowLinks
from lyricpad.gui.window_safety import WindowSafety

if TYPE_CHECKING:  # the dialogs are imported when first opened, not before the window's first paint
    from lyricpad.gui.backup_dialog import BackupDialog
    from lyricpad.gui.check_dialog import CheckDialog
    from lyricpad.gui.export_dialog import ExportDialog
    from lyricpad.gui.lens_dialog import LensDialog
    from lyricpad.gui.publish_dialog import PublishDialog

APP_TITLE = "lyricpad"  # the product's name, the same in every language


def song_details(song: Song) -> str:
    """The line under a song's title: artist, album and year, those that are known."""
    return " · ".join(str(x) for x in (song.artist, song.album, song.year) if x)


class MainWindow(QMainWindow):
    """The window a user studies songs in; it changes the library only through *session*.

    It lays out the panes and wires them: they observe `current_song` (the song's view
    state, re-read from the session's facts) and draw from it themselves; what the user asks
    goes to the session. Menus, file work, saving and editing have their own controllers.
    *settings* None keeps nothing between runs (screenshots, smoke checks, some tests).
    """

    def __init__(self, session: Session, settings: Settings | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self._lens_dialog: LensDialog | None = None
        self.setWindowTitle(APP_TITLE)
        self.setAccessibleName(self.tr("lyricpad main window"))

        # In the saved order at once: the song list is read once, not again when the layout is restored.
        order = settings.sort_order() if settings is not None else "title"
        self.sidebar = LibrarySidebar(session, self, sort_order=order)
        self.song_header = PaneHeader(self.tr("Song heading"), self)
        self.lyrics_pane = LyricsPane(self)
        self.article_pane = ArticlePane(self)
        self.annotations_panel = AnnotationsPanel(self)
        self.note_editor = NoteEditor(self)
        self.window_layout = WindowLayout(self, settings)
        self.preferences = WindowPreferences(self)  # before the layout's zoom: the panes' fonts as built
        self.preferences.load()

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
        central = QWidget(self)
        central_layout = QVBoxLayout(central)
        central_layout.setContentsMargins(0, 0, 0, 0)
        central_layout.setSpacing(0)
        central_layout.addWidget(self.notice_bar)
        central_layout.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        self.library_dock = self._dock(
            self.tr("Library"), "libraryDock", self.sidebar, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.annotations_dock = self._dock(
            self.tr("Annotations"),
            "annotationsDock",
            self.annotations_panel,
            Qt.DockWidgetArea.RightDockWidgetArea,
        )
        self.note_dock = self._dock(
            self.tr("Note"), "noteDock", self.note_editor, Qt.DockWidgetArea.RightDockWidgetArea
        )
        self.splitDockWidget(self.annotations_dock, self.note_dock, Qt.Orientation.Vertical)

        self._path_label = QLabel(self)
        self._counts_label = QLabel(self)
        self.unsaved_label = QLabel(self)
        self.unsaved_label.setObjectName("unsavedLabel")
        self.unsaved_label.setStyleSheet("QLabel { color: #b3261e; font-weight: bold; }")
        self.unsaved_label.hide()
        self.read_only_label = QLabel(self.tr("Read-only"), self)
        self.read_only_label.setStyleSheet("QLabel { color: #b3261e; font-weight: bold; }")
        self.read_only_label.setVisible(bool(session.read_only))
        self.read_only_label.setToolTip(session.read_only or "")
        self.statusBar().addWidget(self._path_label, 1)
        self.statusBar().addPermanentWidget(self.read_only_label)
        self.statusBar().addPermanentWidget(self.unsaved_label)
        self.statusBar().addPermanentWidget(self._counts_label)
        self._show_library_path()

        # The window's own lens slot first: the lens actions exist before the views redraw.
        session.lenses_changed.connect(self._on_session_lenses_changed)
        self.current_song = CurrentSong(session, self)
        self.safety = WindowSafety(self)
        self.importer = self.sidebar.importer
        self.files = WindowFiles(self)
        self.highlighting = WindowHighlighting(self, self.current_song)
        self.editing = WindowEditing(self, self.current_song)
        self.links = WindowLinks(self, self.current_song)
        self.handout = HandoutActions(self)  # before the menus, which list its actions
        self.menus = WindowActions(self)
        self.practice = PracticeMode(self, column_layout)  # its bar under the song heading, its menu items
        self.study_view = StudyViewController(self)  # View > Study View: after the menus it joins
        self.translation_view = TranslationView(self)  # View > Translation and its File and Edit items
        # The actions other code and tests reach on the window by name.
        self.undo_action = self.menus.undo_action
        self.edit_lyrics_action = self.menus.edit_lyrics_action
        self.edit_article_action = self.menus.edit_article_action
        self.export_action = self.menus.export_action
        self.publish_action = self.menus.publish_action
        self.backups_action = self.menus.backups_action
        self.check_action = self.menus.check_action
        self.empty_song_hint = EmptySongHint(
            self.lyrics_pane,
            self.edit_lyrics_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText),
            self.undo_hint(),
        )
        self._on_session_lenses_changed()
        self.window_layout.restore()
        # Wired once the lenses and the layout are in place: observing, each pane shows the song at once.
        self._connect()
        self._on_current_song_switched(self.current_song.song_id)
        self._on_current_song_current_changed(self.current_song.current_id)
        # The song list when the sidebar is there (a narrow window starts without it), else the lyrics.
        start = self.lyrics_pane if self.library_dock.isHidden() else self.sidebar.list_view
        start.setFocus(Qt.FocusReason.OtherFocusReason)

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)  # saveState() needs it
        dock.setFeatures(
            QDockWidget.DockWidgetFeature.DockWidgetClosable | QDockWidget.DockWidgetFeature.DockWidgetMovable
        )
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    def _connect(self) -> None:
        session = self.session
        current = self.current_song
        # Slots run in the order connected. The views first, the note editor last: showing an
        # annotation may first save the note typed in it, which comes back as a change of the
        # annotations.
        self.lyrics_pane.observe(current)
        self.article_pane.observe(current)
        self.annotations_panel.observe(current)
        self.note_editor.observe(current)
        # Then what the window itself shows: the header after the lyrics pane, which ends its
        # editing when another song is shown.
        current.switched.connect(self._on_current_song_switched)
        current.song_changed.connect(self._on_current_song_song_changed)
        current.articles_changed.connect(self._update_counts)
        current.annotations_changed.connect(self._update_counts)
        current.current_changed.connect(self._on_current_song_current_changed)
        session.songs_changed.connect(self._update_counts)
        self.sidebar.song_requested.connect(self._on_sidebar_song_requested)
        hint = self.empty_song_hint
        hint.paste_requested.connect(self.paste_lyrics)
        hint.import_requested.connect(self.files.import_lyrics_into_song)
        hint.type_requested.connect(self.edit_lyrics_action.trigger)

        for pane in (self.lyrics_pane, self.article_pane):
            pane.annotation_clicked.connect(self.select_annotation)
            pane.annotation_activated.connect(self._on_pane_annotation_activated)
            pane.delete_requested.connect(session.annotation_edits.delete)

        panel = self.annotations_panel
        panel.reveal_requested.connect(self.highlighting.reveal)
        panel.annotation_selected.connect(self._on_annotations_panel_annotation_selected)
        panel.activate_requested.connect(self._on_pane_annotation_activated)
        panel.delete_requested.connect(session.annotation_edits.delete)
        panel.restore_requested.connect(session.annotation_edits.restore)
        panel.accept_requested.connect(self.highlighting.accept_proposal)
        panel.place_requested.connect(self.highlighting.place_at_selection)

        editor = self.note_editor
        editor.note_edited.connect(session.annotation_edits.edit_note)
        editor.note_burst_ended.connect(session.end_note_burst)
        editor.lens_change_requested.connect(session.annotation_edits.set_lens)
        editor.tags_change_requested.connect(session.annotation_edits.set_tags)
        editor.delete_requested.connect(session.annotation_edits.delete)
        editor.restore_requested.connect(session.annotation_edits.restore)

        app = QApplication.instance()
        if app is not None:
            app.focusChanged.connect(self._on_app_focus_changed)

    def flush_edits(self) -> None:
        """Hand every pending edit (note, lyrics, article) to the session now: nothing is lost."""
        self.note_editor.flush()
        self.lyrics_pane.flush()
        self.article_pane.flush()
        translation = getattr(self, "translation_view", None)  # made after the menus, which flush
        if translation is not None:
            translation.flush()
        self.session.end_note_burst()

    # ------------------------------------------------------------------ content

    def _show_library_path(self) -> None:
        path = self.session.library_path
        text = (
            self.tr("Library: {path}").format(path=path)
            if path
            else self.tr("Library: in memory (nothing is kept)")
        )
        self._path_label.setText(text)
        self._path_label.setToolTip(text)
        self._path_label.setAccessibleName(self.tr("Library path"))
        self._path_label.setMinimumWidth(1)  # a long path is cut, not the window widened

    def _on_current_song_switched(self, _song_id: str) -> None:
        song = self.current_song.song
        self.show_song_header()
        self.sidebar.set_current(song.id if song else "")
        self._update_counts()
        self.empty_song_hint.refresh()
        self.menus.enable_song_actions(song is not None)
        self.handout.enable(song is not None)

    def show_song_header(self) -> None:
        """The song's title, and its details, or while the lyrics are edited a line saying so; and the window's title."""
        song = self.current_song.song
        if song is None:
            self.song_header.set_text(self.tr("No song"), self.tr("The library has no songs."))
            self.setWindowTitle(APP_TITLE)
            return
        if self.lyrics_pane.is_editing():
            keys = self.edit_lyrics_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            details = self.tr("Editing the lyrics: saved as you pause typing · {keys} to finish").format(
                keys=keys
            )
        else:
            details = song_details(song)
        self.song_header.set_text(song.title, details)
        if self.session.read_only:
            title = self.tr("{app} — {song} (read-only)")
        else:
            title = self.tr("{app} — {song}")
        self.setWindowTitle(title.format(app=APP_TITLE, song=song.display_name))

    def _on_current_song_song_changed(self, _song_id: str) -> None:
        self.show_song_header()

    def _update_counts(self) -> None:
        songs = self.tr(
            "%n song(s)", "", self.session.song_count()
        )  # a COUNT, asked again only when the songs change
        current = self.current_song
        if current.song is None:
            self._counts_label.setText(songs)
            return
        articles = self.tr("%n article(s)", "", len(current.articles()))
        annotations = self.tr("%n annotation(s)", "", len(current.annotations()))
        self._counts_label.setText(
            self.tr("{songs}  │  this song: {articles}, {annotations}").format(
                songs=songs, articles=articles, annotations=annotations
            )
        )

    def paste_lyrics(self) -> None:
        """The empty song's Paste Lyrics: the clipboard's text pasted in Edit mode and saved as typing is, one undo step."""
        clipboard = QGuiApplication.clipboard()
        if self.current_song.song is None or not (clipboard.text() if clipboard else "").strip():
            self.statusBar().showMessage(
                self.tr("The clipboard holds no text to paste as lyrics."), NOTICE_MS
            )
            return
        self.editing.set_lyrics_editing(True)
        self.lyrics_pane.paste()
        self.editing.set_lyrics_editing(False)  # leaving Edit mode saves the pasted lyrics
        self.statusBar().showMessage(
            self.tr("Pasted the lyrics. {undo_hint}").format(undo_hint=self.undo_hint()), NOTICE_MS
        )

    def undo_hint(self) -> str:
        """ "Ctrl+Z undoes it." with the Undo action's own shortcut, as this platform writes it."""
        keys = self.undo_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        return self.tr("{keys} undoes it.").format(keys=keys or self.tr("Edit > Undo"))

    # -------------------------------------------------------------- selection

    def _on_current_song_current_changed(self, _annotation_id: str) -> None:
        self.menus.edit_note_action.setEnabled(self.current_song.current() is not None)

    def select_annotation(self, annotation_id: str) -> None:
        """Show *annotation_id* in the note editor, marked in its pane and the panel."""
        self.current_song.set_current(annotation_id)
        if annotation_id:
            self.annotations_panel.select_annotation(annotation_id)

    @property
    def selected_annotation_id(self) -> str:
        return self.current_song.current_id

    def _on_annotations_panel_annotation_selected(self, annotation_id: str) -> None:
        if annotation_id:
            self.current_song.set_current(annotation_id)

    def _on_pane_annotation_activated(self, annotation_id: str) -> None:
        self.select_annotation(annotation_id)
        self.note_dock.show()
        self.note_editor.focus_note()

    def edit_current_note(self) -> None:
        """Edit > Edit Note: the note of the current annotation, in the note editor."""
        if self.current_song.current_id:
            self._on_pane_annotation_activated(self.current_song.current_id)

    def delete_current_highlight(self) -> None:
        """Edit > Delete Highlight: the current annotation goes to the trash."""
        current_id = self.current_song.current_id
        if current_id and self.current_song.annotation(current_id) is not None:
            self.session.annotation_edits.delete(current_id)

    # ------------------------------------------------------------- highlighting

    def highlight_with_last_lens(self) -> str | None:
        lens_id = self.session.annotation_edits.last_lens_id or self.preferences.default_lens_id()
        return self.highlighting.highlight_selection(lens_id)

    def popup_menu(self, menu: QMenu, point: QPoint) -> QAction | None:
        """Show *menu* at *point* until the user picks an action (None: Esc). Tests replace this."""
        return menu.exec(point)

    def _on_session_lenses_changed(self) -> None:
        self.menus.rebuild_lens_actions()
        lenses = self.session.lenses()
        self.note_editor.set_lenses(lenses)
        self.annotations_panel.set_lenses(lenses)

    def open_lens_dialog(self) -> LensDialog:
        """Show the lens dialog (one, made once); Ctrl+Z and Ctrl+Shift+Z work in it too."""
        if self._lens_dialog is None:
            from lyricpad.gui.lens_dialog import LensDialog

            self._lens_dialog = LensDialog(self.session, self)
            self._lens_dialog.setModal(False)
            self._lens_dialog.addActions([self.menus.undo_action, self.menus.redo_action])
        self._lens_dialog.show()
        self._lens_dialog.raise_()
        self._lens_dialog.activateWindow()
        return self._lens_dialog

    # -------------------------------------------------------------------- files

    def open_export_dialog(self) -> ExportDialog:
        return self.files.open_export_dialog()

    def open_publish_dialog(self) -> PublishDialog:
        return self.files.open_publish_dialog()

    def open_check_dialog(self) -> CheckDialog:
        return self.files.open_check_dialog()

    def open_backup_dialog(self) -> BackupDialog:
        return self.files.open_backup_dialog()

    def open_files(self, paths: list[str]) -> None:
        self.files.open_files(paths)

    # ----------------------------------------------------------------- quitting

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.window_layout.split_on_first_show()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_edits()
        if not self.safety.settle_unsaved():
            event.ignore()
            return
        self.session.library_care.back_up_on_quit()  # while the window is still there to say it failed
        self.window_layout.save()
        super().closeEvent(event)

    def unsaved_box(self) -> QMessageBox:
        return self.safety.unsaved_box()

    def ask_unsaved_on_quit(self) -> str:
        """The user's choice about unsaved changes: "retry", "copy", "quit" or "cancel"."""
        return self.safety.ask_unsaved_on_quit()

    def choose_unsaved_copy_path(self) -> str:
        """Where to save the copy of unsaved changes ("" when the user cancels)."""
        return self.safety.choose_unsaved_copy_path()

    # -------------------------------------------------------------------- slots

    def _on_sidebar_song_requested(self, song_id: str) -> None:
        self.flush_edits()
        self.session.select_song(song_id)

    def _on_app_focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        # Leaving a pane saves what was typed in it, before whatever the user does next.
        for pane in (self.lyrics_pane, self.article_pane):
            if old is not None and (old is pane or pane.isAncestorOf(old)):
                if new is None or not (new is pane or pane.isAncestorOf(new)):
                    pane.flush()
