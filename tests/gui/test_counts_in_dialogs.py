"""Counts and fields in the dialogs' texts after translation: English plurals, and no logic reading translated text."""

import pytest
from PySide6.QtCore import QTranslator
from PySide6.QtWidgets import QLabel

from lyricpad.app.session import Session
from lyricpad.core.backup import BACKUP_INTERVAL_SECONDS
from lyricpad.core.store import Library
from lyricpad.gui.backup_dialog import BackupDialog
from lyricpad.gui.export_dialog import ExportDialog
from lyricpad.gui.song_dialog import SongDialog


class SongDialogInAnotherLanguage(QTranslator):
    """Every text of the song dialog in a language where no English word is left."""

    def translate(self, context, source, disambiguation=None, n=-1):  # noqa: ARG002 (Qt's signature)
        return "Fehler" if context == "SongDialog" else ""

    def isEmpty(self) -> bool:
        return False


@pytest.fixture
def session(demo_path):
    session = Session(Library.open(demo_path))
    session.select_song(session.songs()[0].id)
    yield session
    session.close()


def test_copy_says_how_many_lines_in_english(qtbot, session):
    dialog = ExportDialog(session, None)
    qtbot.addWidget(dialog)
    dialog.refresh_preview()
    lines = dialog.preview_text().count("\n")
    assert lines > 1
    dialog.copy_preview()
    assert dialog.status_label.text() == f"Copied {lines} lines to the clipboard."
    dialog.close()


def backup_intro(qtbot, session) -> str:
    dialog = BackupDialog(session)
    qtbot.addWidget(dialog)
    return next(
        label.text() for label in dialog.findChildren(QLabel) if "backs the library up" in label.text()
    )


def test_backups_say_how_often_they_are_made(qtbot, session):
    intro = backup_intro(qtbot, session)
    assert f"every {BACKUP_INTERVAL_SECONDS // 60} minutes while you work" in intro
    assert "(s)" not in intro


def test_backups_say_the_interval_chosen_in_settings(qtbot, session):
    session.library_care.set_backup_policy(60, 5)
    assert "every 1 minute while you work" in backup_intro(qtbot, session)
    session.library_care.set_backup_policy(25 * 60, 5)
    assert "every 25 minutes while you work" in backup_intro(qtbot, session)


@pytest.mark.parametrize(("title", "year", "focused"), [("", "", "title_edit"), ("Song", "0", "year_edit")])
def test_the_song_dialog_puts_the_cursor_where_its_problem_is_in_any_language(
    qtbot, qapp, title, year, focused
):
    translator = SongDialogInAnotherLanguage()
    qapp.installTranslator(translator)
    try:
        dialog = SongDialog(focus="language")
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        dialog.title_edit.setText(title)
        dialog.year_edit.setText(year)
        dialog.accept()
        assert dialog.error_label.text() == "Fehler"
        assert dialog.focusWidget() is getattr(dialog, focused)
    finally:
        qapp.removeTranslator(translator)
