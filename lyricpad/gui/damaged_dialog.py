"""The dialog shown when the library cannot be opened because it is damaged: the user chooses what happens.

Nothing is done to the damaged file until the user picks a way out; every way sets it aside
(renamed beside the new one), so it can still be given to someone who can repair it.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from lyricpad.core import livefiles
from lyricpad.core.backup import BackupInfo, list_backups
from lyricpad.core.errors import LyricpadError
from lyricpad.core.salvage import restore_into, salvage, set_aside

RESTORE, SALVAGE, NEW = "restore", "salvage", "new"


class DamagedLibraryDialog(QDialog):
    """Names the damaged file and the problem; offers restore a backup, salvage, or a new library.

    *running*: the damage was found by the window's background check, in a library open already:
    the window stops writing to it, and either keeps showing it (read-only) or closes to do what
    the user chose, then opens the library again.
    """

    def __init__(
        self,
        path: Path,
        problem: str,
        parent: QWidget | None = None,
        aside: Path | None = None,
        *,
        running: bool = False,
    ):
        super().__init__(parent)
        self.path = path
        self.setWindowTitle(
            self.tr("lyricpad — the library is damaged")
            if running
            else self.tr("lyricpad — the library cannot be opened")
        )
        layout = QVBoxLayout(self)
        heading = QLabel(
            (
                self.tr("<b>The library {name} is damaged.</b>")
                if running
                else self.tr("<b>The library {name} cannot be opened.</b>")
            ).format(name=path.name)
        )
        heading.setTextFormat(Qt.TextFormat.RichText)
        salvageable = livefiles.is_sqlite_file(aside or path)
        if running:
            kept = self.tr(
                "lyricpad found this while checking the library in the background, and saves nothing to it "
                "any more: it has not changed it. Choose what to do: the window closes, does it and opens the "
                "library again; the damaged file is kept beside the library with “-damaged-” in its name. "
                "Or keep reading it as it is (read-only)."
            )
        elif aside is None:
            kept = self.tr(
                "lyricpad has not changed it. Choose what to do; whatever you choose, the file is kept "
                "beside the library with “-damaged-” in its name."
            )
        else:
            kept = self.tr("It has been set aside, unchanged, as {name}. Choose another way out.").format(
                name=aside.name
            )
        detail = QLabel(
            self.tr("{problem}\n\nFile: {path}\n\n{kept}").format(problem=problem, path=path, kept=kept)
        )
        detail.setWordWrap(True)
        detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(heading)
        layout.addWidget(detail)

        try:
            self.backups: list[BackupInfo] = list_backups(path)
        except LyricpadError:
            self.backups = []
        self.choices = QButtonGroup(self)
        self.restore_button = QRadioButton(self.tr("&Restore a backup:"))
        self.backup_combo = QComboBox()
        self.backup_combo.setAccessibleName(self.tr("Backup to restore"))
        for backup in self.backups:
            self.backup_combo.addItem(backup.label, str(backup.path))
        if not self.backups:
            self.restore_button.setEnabled(False)
            self.restore_button.setText(self.tr("&Restore a backup (there are none)"))
            self.backup_combo.setVisible(False)
        self.salvage_button = QRadioButton(self.tr("&Salvage what can still be read into a new library"))
        if not salvageable:
            self.salvage_button.setEnabled(False)
            self.salvage_button.setText(
                self.tr("&Salvage (impossible: the file is not an SQLite database at all)")
            )
        self.new_button = QRadioButton(self.tr("Start a &new library (with only the demo song)"))
        for button, choice in (
            (self.restore_button, RESTORE),
            (self.salvage_button, SALVAGE),
            (self.new_button, NEW),
        ):
            button.setProperty("choice", choice)
            self.choices.addButton(button)
            layout.addWidget(button)
            if button is self.restore_button:
                layout.addWidget(self.backup_combo)
        if self.backups:
            self.restore_button.setChecked(True)
        elif salvageable:
            self.salvage_button.setChecked(True)
        else:
            self.new_button.setChecked(True)
        self.backup_combo.setEnabled(self.restore_button.isChecked())
        self.restore_button.toggled.connect(self.backup_combo.setEnabled)

        buttons = QDialogButtonBox()
        self.continue_button = buttons.addButton(self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(
            self.tr("Keep Reading") if running else self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def choice(self) -> str:
        return self.choices.checkedButton().property("choice")

    def chosen_backup(self) -> Path | None:
        data = self.backup_combo.currentData()
        return Path(data) if data else None


def recover(
    path: Path, choice: str, backup: Path | None = None, aside: Path | None = None
) -> tuple[str, Path]:
    """Do what the user chose for the damaged library at *path*: (a sentence saying what was done, where
    the damaged file now is). *aside*: where it was set aside by an earlier attempt that failed."""
    if choice == RESTORE and backup is None:
        raise LyricpadError(QCoreApplication.translate("DamagedLibraryDialog", "choose a backup to restore"))
    if aside is None:
        aside = set_aside(path)
    if choice == RESTORE:
        restore_into(path, backup)
        done = QCoreApplication.translate(
            "DamagedLibraryDialog", "The library was restored from the backup of {name}."
        ).format(name=backup.name)
    elif choice == SALVAGE:
        done = salvage(aside, path).summary()
    else:
        done = QCoreApplication.translate("DamagedLibraryDialog", "A new library was started.")
    kept = QCoreApplication.translate(
        "DamagedLibraryDialog", "{done} The damaged file is kept as {name}."
    ).format(done=done, name=aside.name)
    return kept, aside


def ask_and_recover(path: Path, problem: str, parent: QWidget | None = None) -> bool:
    """Show the dialog until a way out works; True when a usable library is now at *path*, False to quit."""
    aside: Path | None = None
    while True:
        dialog = DamagedLibraryDialog(path, problem, parent, aside)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            done, aside = recover(path, dialog.choice(), dialog.chosen_backup(), aside)
        except LyricpadError as exc:
            if aside is None and not path.exists():
                aside = _newest_aside(path)
            QMessageBox.warning(
                parent,
                "lyricpad",
                QCoreApplication.translate("DamagedLibraryDialog", "That did not work: {reason}").format(
                    reason=exc
                ),
            )
            continue
        QMessageBox.information(parent, "lyricpad", done)
        return True


def _newest_aside(path: Path) -> Path | None:
    found = sorted(path.parent.glob(f"{path.stem}-damaged-*{path.suffix}"))
    return found[-1] if found else None
