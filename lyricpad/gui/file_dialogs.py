"""File dialogs that never open the files they list: Qt's own would unlock the library for other programs.

Qt's file dialog asks its icon provider for each file's icon and type, and the standard one
finds them with QMimeDatabase, which reads the first bytes of every file whose name does not
say its type: the library, its -wal and its -shm among them, when the dialog shows their
folder. Each open() and close() of those drops every SQLite lock this process holds on them
(POSIX locks belong to the process: see `lyricpad.core.livefiles`), and another program may
then delete the -wal the window is writing into. So every dialog here uses an icon provider
that goes by the name alone, in Qt's own dialog (a native one would sniff files the same way,
in this process).
"""

from __future__ import annotations

from PySide6.QtCore import QFileInfo
from PySide6.QtGui import QAbstractFileIconProvider, QIcon
from PySide6.QtWidgets import QApplication, QFileDialog, QStyle, QWidget


class NamesOnlyIconProvider(QAbstractFileIconProvider):
    """Icons and type names from a file's name and kind alone: no file is ever opened to guess them."""

    def icon(self, what) -> QIcon:
        style = QApplication.style()
        if isinstance(what, QFileInfo):
            kind = QStyle.StandardPixmap.SP_DirIcon if what.isDir() else QStyle.StandardPixmap.SP_FileIcon
            return style.standardIcon(kind)
        if what == QAbstractFileIconProvider.IconType.Folder:
            return style.standardIcon(QStyle.StandardPixmap.SP_DirIcon)
        if what == QAbstractFileIconProvider.IconType.Drive:
            return style.standardIcon(QStyle.StandardPixmap.SP_DriveHDIcon)
        if what == QAbstractFileIconProvider.IconType.Computer:
            return style.standardIcon(QStyle.StandardPixmap.SP_ComputerIcon)
        return style.standardIcon(QStyle.StandardPixmap.SP_FileIcon)

    def type(self, info: QFileInfo) -> str:
        if info.isDir():
            return "Folder"
        suffix = info.suffix()
        return f"{suffix.upper()} File" if suffix else "File"


def file_dialog(parent: QWidget | None, caption: str, start: str, file_filter: str = "") -> QFileDialog:
    """A file dialog that lists files without opening them (see the module's docstring)."""
    dialog = QFileDialog(parent, caption, start, file_filter)
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setIconProvider(NamesOnlyIconProvider())
    return dialog


def open_file_names(parent: QWidget | None, caption: str, start: str, file_filter: str) -> list[str]:
    """Files to open, chosen by the user ([] when cancelled)."""
    dialog = file_dialog(parent, caption, start, file_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
    return _run(dialog)


def open_file_name(parent: QWidget | None, caption: str, start: str, file_filter: str) -> str:
    """One file to open, chosen by the user ("" when cancelled)."""
    dialog = file_dialog(parent, caption, start, file_filter)
    dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    found = _run(dialog)
    return found[0] if found else ""


def save_file_name(parent: QWidget | None, caption: str, start: str, file_filter: str) -> str:
    """A file to write, chosen by the user ("" when cancelled); it asks before replacing one."""
    dialog = file_dialog(parent, caption, start, file_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    found = _run(dialog)
    return found[0] if found else ""


def existing_folder(parent: QWidget | None, caption: str, start: str) -> str:
    """A folder, chosen by the user ("" when cancelled)."""
    dialog = file_dialog(parent, caption, start)
    dialog.setFileMode(QFileDialog.FileMode.Directory)
    dialog.setOption(QFileDialog.Option.ShowDirsOnly, True)
    found = _run(dialog)
    return found[0] if found else ""


def _run(dialog: QFileDialog) -> list[str]:
    try:
        return dialog.selectedFiles() if dialog.exec() == QFileDialog.DialogCode.Accepted else []
    finally:
        dialog.deleteLater()
