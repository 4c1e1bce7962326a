"""The main window's file work: importing dropped and handed-over files, exporting, backups, checking the library."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer

from lyricpad.app.importing import FileImporter, ImportRequest
from lyricpad.core.errors import SongNotFound
from lyricpad.gui import file_dialogs
from lyricpad.gui.notice_bar import STATUS_MS

IMPORT_SUMMARY_MS = 2 * STATUS_MS
"""A summary of several files takes a while to read."""
LYRICS_FILE_PATTERNS = "*.txt *.lrc"

if TYPE_CHECKING:  # the dialogs are imported when first opened, not before the window's first paint
    from lyricpad.core.importers import ImportedText
    from lyricpad.gui.backup_dialog import BackupDialog
    from lyricpad.gui.check_dialog import CheckDialog
    from lyricpad.gui.export_dialog import ExportDialog
    from lyricpad.gui.main_window import MainWindow
    from lyricpad.gui.publish_dialog import PublishDialog


class WindowFiles(QObject):
    """Opens the dialogs of the File menu, and lets files dropped anywhere on the window be imported."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window
        self._export_dialog: ExportDialog | None = None
        self._publish_dialog: PublishDialog | None = None
        # Import: File > Import…, paste as a new song or article, files dropped anywhere on the
        # window (on the lyrics: as lyrics; on the article: as an article).
        self.importer = importer = window.sidebar.importer
        importer.install_drop_target(window)
        importer.install_drop_target(window.lyrics_pane, "lyrics")
        importer.install_drop_target(window.article_pane.browser, "article")
        window.article_pane.when_edit_page_built(  # the source editor is built when first used
            lambda page: importer.install_drop_target(page.source_edit, "article")
        )
        importer.article_imported.connect(self._on_importer_article_imported)
        importer.existing_song_requested.connect(window.sidebar.song_requested)
        importer.summarised.connect(self._on_importer_summarised)
        self._last_article_id = ""
        importer.preview_font = window.lyrics_pane.font  # zoomed as the pane is
        # The empty song's Import File…: a lyrics file read as import reads it, into that song.
        self._lyrics_reader = FileImporter(window.session, self)
        self._lyrics_reader.file_read.connect(self._on_lyrics_reader_file_read)
        self._lyrics_reader.file_refused.connect(self._on_lyrics_reader_file_refused)
        self._lyrics_song_id = ""

    def open_files(self, paths: list[str]) -> None:
        """Import files given on the command line or handed over by another start of lyricpad."""
        QTimer.singleShot(0, self, lambda: self.importer.import_paths(list(paths)))

    def ask_lyrics_file(self) -> str:
        """Ask for one lyrics file; its path ("" if cancelled). Tests replace this method."""
        filters = self.tr("Lyrics ({patterns});;All files ({all})").format(
            patterns=LYRICS_FILE_PATTERNS, all="*"
        )
        return file_dialogs.open_file_name(self._window, self.tr("Import Lyrics"), "", filters)

    def import_lyrics_into_song(self) -> None:
        """The empty song's Import File…: the lyrics of a .txt or .lrc file become this song's, one undo step.

        Read as File > Import reads lyrics (encoding, LRC times, the final newline), off the GUI thread.
        """
        window = self._window
        song = window.current_song.song
        if song is None:
            return
        path = self.ask_lyrics_file()
        if not path:
            return
        self._lyrics_song_id = song.id
        self._lyrics_reader.read([ImportRequest(path, kind="lyrics")])

    def _on_lyrics_reader_file_read(self, _index: int, imported: ImportedText) -> None:
        window = self._window
        song_id, self._lyrics_song_id = self._lyrics_song_id, ""
        if not song_id or window.current_song.song_id != song_id:
            # Another song opened (or this one undone) while the file was read: nothing is replaced.
            window.statusBar().showMessage(
                self.tr("Another song is open now: the lyrics file was not imported."), STATUS_MS
            )
            return
        try:
            lyrics = window.session.song(song_id).lyrics
        except SongNotFound:
            lyrics = None
        if lyrics is None or lyrics:
            # Typed or pasted while the file was read: nothing is replaced.
            window.statusBar().showMessage(
                self.tr("The song already has lyrics now: the file was not imported."), STATUS_MS
            )
            return
        window.session.song_edits.update(
            song_id,
            lyrics=imported.text,
            lyrics_format=imported.lyrics_format,
            line_times=imported.line_times,
            lrc_tags=imported.lrc_tags or None,
            word_times=imported.word_times,
        )
        lines = imported.line_count
        window.statusBar().showMessage(
            self.tr("Imported %n line(s) of lyrics from “{source}”. {undo_hint}", "", lines).format(
                source=imported.source, undo_hint=window.undo_hint()
            ),
            STATUS_MS,
        )

    def _on_lyrics_reader_file_refused(self, _index: int, message: str) -> None:
        self._lyrics_song_id = ""
        self._window.statusBar().showMessage(message, STATUS_MS)

    def _on_importer_article_imported(self, article_id: str) -> None:
        self._last_article_id = article_id
        self._window.article_pane.open_article(article_id)

    def _on_importer_summarised(self, summary: str, articles_song_id: str) -> None:
        window = self._window
        window.statusBar().showMessage(summary, IMPORT_SUMMARY_MS)
        # Only articles were added: their song is shown with the last of them (another song may
        # have been opened meanwhile, e.g. an existing one instead of a duplicate). With new songs,
        # the last new song stays open and the summary names the song that got the articles.
        if articles_song_id and window.session.current_song_id != articles_song_id:
            window.sidebar.song_requested.emit(articles_song_id)
            window.article_pane.open_article(self._last_article_id)

    def open_export_dialog(self) -> ExportDialog:
        """File > Export…: one dialog, made once; "This song" follows the song shown."""
        window = self._window
        window.flush_edits()  # a note still being typed goes into the export
        if self._export_dialog is None:
            from lyricpad.gui.export_dialog import ExportDialog

            self._export_dialog = ExportDialog(window.session, window)
            self._export_dialog.exported.connect(
                lambda message: window.statusBar().showMessage(message, STATUS_MS)
            )
        self._export_dialog.show()
        self._export_dialog.raise_()
        self._export_dialog.activateWindow()
        return self._export_dialog

    def open_publish_dialog(self) -> PublishDialog:
        """File > Publish Article…: one dialog, made once; it publishes the article the window shows."""
        window = self._window
        window.flush_edits()  # words still being typed in the article go into the post
        if self._publish_dialog is None:
            from lyricpad.gui.publish_dialog import PublishDialog

            self._publish_dialog = dialog = PublishDialog(window.session, window)
            dialog.published.connect(lambda message: window.statusBar().showMessage(message, STATUS_MS))
            # After the article pane's own slots (connected first): it has chosen the article to show.
            window.article_pane.article_changed.connect(self._on_article_shown)
            window.current_song.switched.connect(self._on_article_shown)
            window.current_song.articles_changed.connect(self._on_article_shown)
        self._on_article_shown()
        self._publish_dialog.show()
        self._publish_dialog.raise_()
        self._publish_dialog.activateWindow()
        return self._publish_dialog

    def _on_article_shown(self, *_args) -> None:
        if self._publish_dialog is not None:
            self._publish_dialog.set_article(self._window.article_pane.current_article_id)

    def open_check_dialog(self) -> CheckDialog:
        """File > Check Library…: check the library off the GUI thread, and repair it (the dialog is modal)."""
        window = self._window
        window.flush_edits()  # a note still being typed is saved before a repair could clear the undo history
        from lyricpad.gui.check_dialog import CheckDialog

        dialog = CheckDialog(window.session, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_backup_dialog(self) -> BackupDialog:
        """File > Backups…: back up now, or restore a backup (the dialog is modal)."""
        window = self._window
        window.flush_edits()
        from lyricpad.gui.backup_dialog import BackupDialog

        dialog = BackupDialog(window.session, window)
        dialog.open()
        return dialog
