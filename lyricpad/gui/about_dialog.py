"""Help > About lyricpad: the version, where the library and its data live, and the versions a bug report needs."""

from __future__ import annotations

import os
import platform
import sqlite3
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lyricpad import __version__
from lyricpad.app.app_icon import app_icon
from lyricpad.core.backup import backups_folder
from lyricpad.core.paths import default_library_path

LICENCE = QT_TRANSLATE_NOOP("AboutDialog", "not chosen yet")
"""No licence file exists in the project yet; say so rather than guess one."""

SUMMARY = QT_TRANSLATE_NOOP(
    "AboutDialog",
    "Read a song's lyrics beside an article about it, and highlight and annotate both. "
    "Offline: your library is one SQLite file.",
)


def about_details(library_path: Path | None, settings_file: str | None) -> list[tuple[str, str]]:
    """The (label, value) rows the dialog shows and Copy Details copies, in that order.

    The labels are English (they name the rows); they are translated where shown, by `row_label`.
    """
    translate = QCoreApplication.translate
    if library_path is not None:
        library, backups = os.fspath(library_path), os.fspath(backups_folder(library_path))
    else:
        library = translate("AboutDialog", "in memory (nothing is saved)")
        backups = translate("AboutDialog", "none")
    return [
        (QT_TRANSLATE_NOOP("AboutDialog", "Version"), __version__),
        (QT_TRANSLATE_NOOP("AboutDialog", "Library"), library),
        (QT_TRANSLATE_NOOP("AboutDialog", "Backups"), backups),
        (QT_TRANSLATE_NOOP("AboutDialog", "Data folder"), os.fspath(default_library_path().parent)),
        (
            QT_TRANSLATE_NOOP("AboutDialog", "Settings"),
            settings_file or translate("AboutDialog", "not kept in this run"),
        ),
        ("Qt", qVersion()),
        ("PySide6", PySide6.__version__),
        ("Python", f"{platform.python_version()} ({sys.implementation.name})"),
        ("SQLite", sqlite3.sqlite_version),
        (QT_TRANSLATE_NOOP("AboutDialog", "System"), platform.platform()),
        (QT_TRANSLATE_NOOP("AboutDialog", "Licence"), translate("AboutDialog", LICENCE)),
    ]


def row_label(label: str) -> str:
    """A row's label in the window's language."""
    return QCoreApplication.translate("AboutDialog", label)


def details_text(rows: list[tuple[str, str]]) -> str:
    """The rows as plain text, one "label: value" a line, ready to paste into a bug report."""
    return "lyricpad\n" + "".join(f"{row_label(label)}: {value}\n" for label, value in rows)


class AboutDialog(QDialog):
    """What lyricpad this is and where its files are; every value can be selected, Copy Details copies them all."""

    def __init__(self, library_path: Path | None, settings_file: str | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("About lyricpad"))
        self.setAccessibleName(self.tr("About lyricpad"))
        self.rows = about_details(library_path, settings_file)
        self.value_labels: dict[str, QLineEdit] = {}

        heading = QLabel(f"<h2>lyricpad {__version__}</h2>", self)  # untranslated: name and version
        heading.setTextFormat(Qt.TextFormat.RichText)
        summary = QLabel(QCoreApplication.translate("AboutDialog", SUMMARY), self)
        summary.setWordWrap(True)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for label, value in self.rows:
            # A read-only line, not a label: a long path scrolls instead of being cut, and it is
            # plain text (a path may hold "<" or "&") that a click and Ctrl+A, Ctrl+C copy.
            field = QLineEdit(value, self)
            field.setReadOnly(True)
            field.setCursorPosition(0)
            field.setAccessibleName(row_label(label))
            self.value_labels[label] = field
            form.addRow(self.tr("{label}:").format(label=row_label(label)), field)

        self.copy_button = QPushButton(self.tr("&Copy Details"), self)
        self.copy_button.setToolTip(self.tr("Copy these details, to paste them into a bug report"))
        self.copy_button.clicked.connect(self.copy_details)
        self.copied_label = QLabel("", self)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close_button.setDefault(True)

        self.icon_label = QLabel(self)
        self.icon_label.setPixmap(app_icon().pixmap(64, 64))
        self.icon_label.setAccessibleName(self.tr("lyricpad's icon"))
        top = QHBoxLayout()
        top.addWidget(self.icon_label)
        top.addWidget(heading, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(summary)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.copied_label)
        layout.addWidget(self.buttons)
        self.resize(620, 420)
        close_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def details(self) -> str:
        return details_text(self.rows)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details())
        self.copied_label.setText(self.tr("Details copied to the clipboard."))
