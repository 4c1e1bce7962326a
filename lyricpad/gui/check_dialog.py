"""File > Check Library…: the library checked on a worker thread, the report shown, and a repair offered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lyricpad.app.checking import LibraryChecker
from lyricpad.app.session import Session
from lyricpad.core.check import CheckReport
from lyricpad.core.repair import RepairReport


class CheckDialog(QDialog):
    """Checks the session's library as soon as it is made; shows the report; Repair when something can be.

    The check runs off the GUI thread (a busy bar while it does); Cancel, or Esc, stops it and
    closes. After a repair the library is checked again and both reports are shown.
    """

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self._session = session
        self.report: CheckReport | None = None
        """The last check's report (None while a check runs, or when it failed)."""
        self.repair_result: RepairReport | None = None
        """What the last repair did (None before any)."""
        self.setWindowTitle(self.tr("Check Library"))
        self.resize(720, 480)
        layout = QVBoxLayout(self)
        self.status_label = QLabel()
        self.status_label.setWordWrap(True)
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.status_label)
        self.progress = QProgressBar()
        self.progress.setTextVisible(False)
        self.progress.setAccessibleName(self.tr("Check progress"))
        layout.addWidget(self.progress)
        self.report_view = QPlainTextEdit()
        self.report_view.setReadOnly(True)
        self.report_view.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.report_view.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont))
        self.report_view.setAccessibleName(self.tr("Check report"))
        layout.addWidget(self.report_view, 1)

        self.buttons = QDialogButtonBox()
        self.repair_button = QPushButton(self.tr("&Repair"))
        self.repair_button.setToolTip(self.tr("Repair what can be repaired; the library is backed up first"))
        self.buttons.addButton(self.repair_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.close_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.repair_button.clicked.connect(self.repair)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.checker = LibraryChecker(session, self)
        self.checker.progressed.connect(self._on_checker_progressed)
        self.checker.finished.connect(self._on_checker_finished)
        self.checker.failed.connect(self._on_checker_failed)
        self.start_check()

    # ------------------------------------------------------------------ check

    def start_check(self) -> None:
        """Check the library (again) on the worker thread."""
        self.report = None
        self.status_label.setText(self.tr("Checking the library…"))
        self.progress.setRange(0, 0)  # busy until the first step says how many there are
        self.progress.show()
        self.repair_button.hide()
        self.close_button.hide()
        self.cancel_button.show()
        self._set_default(self.cancel_button)
        self.checker.start()

    def is_checking(self) -> bool:
        return self.checker.is_running()

    def reject(self) -> None:
        """Esc, Cancel and Close: a running check is stopped first (its worker ends on its own)."""
        if self.checker.is_running():
            self.checker.cancel()
        super().reject()

    def _set_default(self, button: QPushButton) -> None:
        for other in (self.repair_button, self.cancel_button, self.close_button):
            other.setDefault(other is button)
            other.setAutoDefault(other is button)
        button.setFocus()

    def _on_checker_progressed(self, done: int, total: int) -> None:
        if total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def _on_checker_finished(self, report: CheckReport | None) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.close_button.show()
        if report is None:
            self.status_label.setText(self.tr("The check was cancelled."))
            self._set_default(self.close_button)
            return
        self.report = report
        self.status_label.setText(report.headline())
        text = report.details()  # the headline is the line above it
        if self.repair_result is not None:
            checked = self.tr("Checked again: {headline}").format(headline=report.headline())
            text = f"{self.repair_result.summary()}\n\n{checked}\n\n{text}".rstrip()
        self.report_view.setPlainText(text)
        self.report_view.setVisible(bool(text))  # a library in order needs no empty box
        if not text:
            self.resize(self.width(), self.minimumSizeHint().height())
        can_repair = bool(report.repairable) and not self._session.read_only
        self.repair_button.setVisible(can_repair)
        self.repair_button.setEnabled(can_repair)
        self._set_default(self.repair_button if can_repair else self.close_button)

    def _on_checker_failed(self, message: str) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.close_button.show()
        self.status_label.setText(
            self.tr("The library could not be checked: {message}").format(message=message)
        )
        self._set_default(self.close_button)

    # ----------------------------------------------------------------- repair

    def repair(self) -> RepairReport | None:
        """Repair what the last check found (through the session), then check again."""
        if self.report is None or not self.report.repairable or self.checker.is_running():
            return None
        refused: list[str] = []
        self._session.write_failed.connect(refused.append)
        self.repair_button.setEnabled(False)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            result = self._session.library_care.repair_library(self.report)
        finally:
            QApplication.restoreOverrideCursor()
            self._session.write_failed.disconnect(refused.append)
        if result is None:
            self.status_label.setText(refused[-1] if refused else self.tr("The library was not repaired."))
            self.repair_button.setEnabled(True)
            return None
        self.repair_result = result
        self.start_check()
        return result
