"""File dialogs that never open the files they list: Qt's own would unlock the library for other programs.

Qt's file dialog asks its icon provider for each file's icon and type, and the standard one
finds them with QMimeDatabase, which reads the first bytes of every file whose name does not
say its type: the library, its -wal and its -shm among them, when the dialog shows their
folder. Each open() and close() of those drops every SQLite lock this process holds on them
(POSIX locks belong to the process: see `lyricpad.core.livefiles`), and another program may
then delete the -wal the window is writing into. So every dialog here uses an icon provider
that goes by the name alone, in Qt's own dialog (a native one would sniff files the same way,
in this process).

Inside a Flatpak sandbox the one exception: the file chooser is the desktop portal's, which runs in
another process (so it drops none of our locks) and is the only way the user can pick a file
outside the folders the sandbox may read.
"""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication, QFileInfo
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
            return QCoreApplication.translate("NamesOnlyIconProvider", "Folder")
        suffix = info.suffix()
        if suffix:
            return QCoreApplication.translate("NamesOnlyIconProvider", "{suffix} File").format(
                suffix=suffix.upper()
            )
        return QCoreApplication.translate("NamesOnlyIconProvider", "File")


def file_dialog(parent: QWidget | None, caption: str, start: str, file_filter: str = "") -> QFileDialog:
    """A file dialog that lists files without opening them (see the module's docstring)."""
    dialog = QFileDialog(parent, caption, start, file_filter)
    portal = in_flatpak()
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, not portal)
    if not portal:
        dialog.setIconProvider(NamesOnlyIconProvider())
    return dialog


FLATPAK_INFO = "/.flatpak-info"
"""A file every Flatpak sandbox has, and no system outside one."""


def in_flatpak() -> bool:
    """True inside a Flatpak sandbox, where file dialogs are the desktop portal's."""
    return os.path.exists(FLATPAK_INFO)


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
