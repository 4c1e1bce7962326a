"""File > Backups…: the library's backups, newest first; back up now, or restore one."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lyricpad.app.session import Session
from lyricpad.core.backup import backups_folder, list_backups
from lyricpad.core.errors import LyricpadError


def _size(path: Path) -> str:
    try:
        size = path.stat().st_size
    except OSError:
        return "?"
    if size >= 1024 * 1024:
        return QCoreApplication.translate("BackupDialog", "{size} MB").format(
            size=f"{size / (1024 * 1024):.1f}"
        )
    return QCoreApplication.translate("BackupDialog", "{size} KB").format(size=max(1, size // 1024))


class BackupDialog(QDialog):
    """Lists the backups of the session's library; Back Up Now, and Restore (after a confirmation)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.setWindowTitle(self.tr("Backups"))
        self.resize(560, 380)
        layout = QVBoxLayout(self)
        path = session.library_path
        folder = backups_folder(path) if path else self.tr("(no folder: the library is in memory)")
        intro = QLabel(
            self.tr(
                "lyricpad backs the library up before an upgrade, when you quit, and every %n minute(s) while you"
                " work; it keeps the newest few and one a day. They are in {folder}.",
                "",
                max(1, session.library_care.backup_interval_seconds // 60),  # as chosen in Settings > Saving
            ).format(folder=folder)
        )
        intro.setWordWrap(True)
        intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(intro)
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Backups list"))
        self.list.setAlternatingRowColors(True)
        layout.addWidget(self.list, 1)
        self.empty_label = QLabel(self.tr("No backups yet."))
        layout.addWidget(self.empty_label)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.backup_button = QPushButton(self.tr("&Back Up Now"))
        self.restore_button = QPushButton(self.tr("&Restore…"))
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.backup_button.clicked.connect(self._on_backup_button_clicked)
        self.restore_button.clicked.connect(self.restore_selected)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.list.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        layout.addWidget(buttons)
        editable = path is not None and not session.read_only
        self.backup_button.setEnabled(editable)
        self.reload()

    def reload(self) -> None:
        self.list.clear()
        path = self._session.library_path
        try:
            found = list_backups(path) if path else []
        except LyricpadError as exc:
            found = []
            self.empty_label.setText(str(exc))
        for backup in found:
            item = QListWidgetItem(f"{backup.label}    {_size(backup.path)}")
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            item.setToolTip(str(backup.path))
            self.list.addItem(item)
        self.empty_label.setVisible(not found)
        if found:
            self.list.setCurrentRow(0)
        self._update_buttons()

    def selected_backup(self) -> Path | None:
        item = self.list.currentItem()
        return Path(item.data(Qt.ItemDataRole.UserRole)) if item else None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected_backup() is not None and not self._session.read_only)

    def _on_backup_button_clicked(self) -> None:
        if self._session.library_care.backup("manual") is not None:
            self.reload()

    def confirm_restore(self, backup: Path) -> bool:
        """Ask before replacing the library (tests replace this method)."""
        answer = QMessageBox.question(
            self,
            self.tr("Restore Backup"),
            self.tr(
                "Replace everything in the library with the backup {name}?\n\n"
                "The library as it is now is backed up first, so this can be undone by restoring that backup."
            ).format(name=backup.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore_selected(self) -> Path | None:
        backup = self.selected_backup()
        if backup is None or not self.confirm_restore(backup):
            return None
        safety = self._session.library_care.restore_backup(backup)
        if safety is not None:
            QMessageBox.information(
                self,
                self.tr("Restore Backup"),
                self.tr(
                    "The library was restored from {backup}. The state before is kept as {safety}."
                ).format(backup=backup.name, safety=safety.name),
            )
            self.reload()
        return safety
