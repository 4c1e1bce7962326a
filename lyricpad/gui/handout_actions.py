"""File > Print Handout… and Save Handout as PDF…: the song shown (and its article shown) on paper;
File > Handout with Syllables and Rhymes: whether the handout shows the study view's marks."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QDialog, QMessageBox

from lyricpad.app.handout_options import HandoutOptions
from lyricpad.core.errors import LyricpadError
from lyricpad.core.export.files import safe_file_stem
from lyricpad.gui import file_dialogs
from lyricpad.gui.notice_bar import NOTICE_MS

if TYPE_CHECKING:
    from PySide6.QtPrintSupport import QPrinter

    from lyricpad.gui.main_window import MainWindow


def default_paper() -> str:
    """Letter where the locale measures in inches (the US), A4 everywhere else."""
    return "letter" if QLocale().measurementSystem() == QLocale.MeasurementSystem.ImperialUSSystem else "a4"


class HandoutActions(QObject):
    """The handout actions of the File menu: both outputs print what `core.export.handout` builds,
    with the scheme letters and syllable counts when the checkable option is on (remembered)."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self._window = window
        self.print_action = QAction(self.tr("&Print Handout…"), window)
        self.print_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Print))
        self.print_action.setStatusTip(
            self.tr(
                "Print the song's lyrics, numbered, with its highlights, notes and lenses (and the article shown)"
            )
        )
        self.print_action.triggered.connect(self.print_handout)
        self.save_pdf_action = QAction(self.tr("Save &Handout as PDF…"), window)
        self.save_pdf_action.setStatusTip(
            self.tr(
                "Save the song's lyrics, numbered, with its highlights, notes and lenses (and the article shown) "
                "as a PDF"
            )
        )
        self.save_pdf_action.triggered.connect(self.save_pdf)
        self.study_action = QAction(self.tr("Handout with Scheme Letters and S&yllable Counts"), window)
        self.study_action.setCheckable(True)
        self.study_action.setChecked(HandoutOptions.load().study)
        self.study_action.setStatusTip(
            self.tr(
                "Print each lyric line's syllable count and rhyme letter after it, as ⟨8 · A⟩, and name the sections"
            )
        )
        self.study_action.toggled.connect(self._on_study_action_toggled)
        self.actions = [self.print_action, self.save_pdf_action, self.study_action]

    def enable(self, has_song: bool) -> None:
        for action in (self.print_action, self.save_pdf_action):
            action.setEnabled(has_song)

    def options(self) -> HandoutOptions:
        """The handout's options as the menu shows them."""
        return HandoutOptions(study=self.study_action.isChecked())

    def _on_study_action_toggled(self, _checked: bool) -> None:
        self.options().save()

    # --------------------------------------------------------------- the work

    def _handout(self, paper: str) -> tuple[str, str, str] | None:
        """(html, title, footer) of the song shown, with the article shown; None without a song."""
        window = self._window
        window.flush_edits()  # what was just typed is on the page too
        song = window.current_song.song
        if song is None:
            return None
        article_id = window.article_pane.current_article_id or None
        from lyricpad.core.export.handout import handout_html  # the handout's machinery: when first used

        study = self.options().study
        html = handout_html(window.session.library, song.id, article_id=article_id, paper=paper, study=study)
        return html, song.title, song.display_name

    def save_pdf(self) -> Path | None:
        """Ask where, then write the handout there as a PDF; returns the file written (None: cancelled)."""
        song = self._window.current_song.song
        if song is None:
            return None
        path = self.ask_save_path(self._start_folder() / f"{safe_file_stem(song.display_name)} - handout.pdf")
        if path is None:
            return None
        if not path.suffix:
            path = path.with_suffix(".pdf")
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            paper = default_paper()
            html, title, footer = self._handout(paper)
            from lyricpad.app.handout import write_handout

            written = write_handout(html, path, paper=paper, title=title, footer=footer)
        except LyricpadError as exc:
            self.show_error(self.tr("The handout was not saved: {reason}").format(reason=exc))
            return None
        finally:
            QGuiApplication.restoreOverrideCursor()
        self._window.statusBar().showMessage(
            self.tr("Saved the handout to {path}").format(path=written), NOTICE_MS
        )
        return written

    def print_handout(self) -> bool:
        """Ask for a printer (and its paper), then print the handout on it; False when cancelled."""
        if self._window.current_song.song is None:
            return False
        from PySide6.QtPrintSupport import QPrinter  # loaded when first used: the window starts faster

        from lyricpad.app.handout import page_layout, paint_handout

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setFullPage(True)  # the handout draws its own margins and footer
        printer.setPageLayout(page_layout(default_paper()))
        if not self.ask_printer(printer):
            return False
        try:
            html, title, footer = self._handout(default_paper())
            printer.setDocName(title)
            paint_handout(html, printer, footer=footer)
        except LyricpadError as exc:
            self.show_error(self.tr("The handout was not printed: {reason}").format(reason=exc))
            return False
        self._window.statusBar().showMessage(self.tr("Sent the handout to the printer"), NOTICE_MS)
        return True

    # ------------------------------------------------- questions (tests replace them)

    def ask_save_path(self, suggested: Path) -> Path | None:
        name = file_dialogs.save_file_name(
            self._window,
            self.tr("Save Handout as PDF"),
            str(suggested),
            self.tr("PDF ({patterns})").format(patterns="*.pdf"),
        )
        return Path(name) if name else None

    def ask_printer(self, printer: QPrinter) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog

        dialog = QPrintDialog(printer, self._window)
        dialog.setWindowTitle(self.tr("Print Handout"))
        try:
            return dialog.exec() == QDialog.DialogCode.Accepted
        finally:
            dialog.deleteLater()

    def show_error(self, message: str) -> None:
        QMessageBox.critical(self._window, self.tr("Handout"), message)

    @staticmethod
    def _start_folder() -> Path:
        from lyricpad.gui.output_dialog import start_folder  # the dialogs load when first used

        return start_folder()
