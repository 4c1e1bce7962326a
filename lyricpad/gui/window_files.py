"""The main window's file work: importing dropped and handed-over files, exporting, backups, checking the library."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer

from lyricpad.gui.backup_dialog import BackupDialog
from lyricpad.gui.check_dialog import CheckDialog
from lyricpad.gui.export_dialog import ExportDialog
from lyricpad.gui.notice_bar import STATUS_MS
from lyricpad.gui.publish_dialog import PublishDialog

if TYPE_CHECKING:
    from lyricpad.gui.main_window import MainWindow


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
        importer.install_drop_target(window.article_pane.source_edit, "article")
        importer.article_imported.connect(self._on_importer_article_imported)

    def open_files(self, paths: list[str]) -> None:
        """Import files given on the command line or handed over by another start of lyricpad."""
        QTimer.singleShot(0, self, lambda: self.importer.import_paths(list(paths)))

    def _on_importer_article_imported(self, article_id: str) -> None:
        self._window.article_pane.open_article(article_id)

    def open_export_dialog(self) -> ExportDialog:
        """File > Export…: one dialog, made once; "This song" follows the song shown."""
        window = self._window
        window.flush_edits()  # a note still being typed goes into the export
        if self._export_dialog is None:
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
        dialog = CheckDialog(window.session, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def open_backup_dialog(self) -> BackupDialog:
        """File > Backups…: back up now, or restore a backup (the dialog is modal)."""
        window = self._window
        window.flush_edits()
        dialog = BackupDialog(window.session, window)
        dialog.open()
        return dialog
