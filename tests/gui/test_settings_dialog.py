"""Edit > Settings (Ctrl+,), issue 20: fonts, colours, default lens, save pace, backups, library and
language, applied to the real window on OK or Apply and kept in the settings file; Cancel changes nothing."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QDialogButtonBox

from lyricpad.app.save_timer import SAVE_MAX_WAIT_MS, save_pace
from lyricpad.app.settings import Preferences, Settings, language, open_qsettings, pygments_style_or
from lyricpad.core.backup import KEEP_RECENT
from lyricpad.core.paths import default_library_path
from lyricpad.core.store import Library
from lyricpad.gui import settings_dialog_apply
from lyricpad.gui.main_window import MainWindow
from lyricpad.gui.pygments_highlighter import DARK_STYLE, LIGHT_STYLE, PygmentsHighlighter, palette_styles
from lyricpad.gui.settings_dialog import SettingsDialog
from lyricpad.gui.shortcuts_dialog import window_shortcuts
from lyricpad.main import main

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture(autouse=True)
def process_wide_choices_restored():
    """The save pace and the palette styles belong to the process: each test leaves them as at start."""
    yield
    save_pace().set_pace(None, SAVE_MAX_WAIT_MS)
    palette_styles().set_styles(LIGHT_STYLE, DARK_STYLE)


def open_settings(qtbot, window) -> SettingsDialog:
    """Ctrl+, pressed in the window, as a user does."""
    window.lyrics_pane.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_Comma, CTRL)
    dialog = window.findChild(SettingsDialog)
    assert dialog is not None and dialog.isVisible()
    return dialog


def press(dialog: SettingsDialog, which: QDialogButtonBox.StandardButton) -> None:
    dialog.buttons.button(which).click()


OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel
APPLY = QDialogButtonBox.StandardButton.Apply


def lyrics_highlighter(window) -> PygmentsHighlighter:
    return window.lyrics_pane.document().findChild(PygmentsHighlighter)


def test_ctrl_comma_opens_settings_from_the_edit_menu_and_keyboard_shortcuts_list_it(qtbot, window):
    dialog = open_settings(qtbot, window)
    action = window.menus.settings_action
    assert action in window.menus.edit_menu.actions()
    assert action.shortcut().toString() == "Ctrl+,"
    entry = next(e for e in window_shortcuts(window) if e.action is action)
    assert entry.keys == ("Ctrl+,",) and "Edit" in entry.where
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_Comma, CTRL)  # again: the same dialog, not a second
    assert window.findChildren(SettingsDialog) == [dialog]


def test_a_lyrics_font_applies_on_ok_the_translation_follows_and_bigger_text_adds_to_it(qtbot, window):
    dialog = open_settings(qtbot, window)
    row = dialog.text_page.rows["lyrics"]
    row.size.setValue(17)
    assert window.lyrics_pane.font().pointSize() != 17  # nothing until OK or Apply
    press(dialog, OK)
    assert window.lyrics_pane.font().pointSize() == 17
    assert window.translation_view.pane.font().pointSize() == 17  # line i beside lyric line i
    window.menus.bigger_action.trigger()
    assert window.lyrics_pane.font().pointSize() == 18
    assert Settings().preferences().lyrics_font.size == 17


def test_article_and_notes_fonts_and_default_gives_the_built_in_back(qtbot, window):
    built_in = window.note_editor.note_edit.font().pointSize()
    dialog = open_settings(qtbot, window)
    dialog.text_page.rows["notes"].size.setValue(21)
    dialog.text_page.rows["article"].size.setValue(13)
    press(dialog, APPLY)
    assert window.note_editor.note_edit.font().pointSize() == 21
    assert window.article_pane.font().pointSize() == 13
    dialog.text_page.rows["notes"].default_button.click()
    press(dialog, OK)
    assert window.note_editor.note_edit.font().pointSize() == built_in
    assert Settings().preferences().notes_font.is_default


def test_cancel_changes_nothing(qtbot, window):
    before = (window.lyrics_pane.font().toString(), lyrics_highlighter(window).style_name)
    dialog = open_settings(qtbot, window)
    dialog.text_page.rows["lyrics"].size.setValue(30)
    dialog.colours_page.light.setCurrentText("monokai")
    dialog.colours_page.dark.setCurrentText("monokai")
    dialog.saving_page.kept.setValue(40)
    press(dialog, CANCEL)
    assert (window.lyrics_pane.font().toString(), lyrics_highlighter(window).style_name) == before
    assert window.session.library_care.backups_kept == KEEP_RECENT
    assert open_qsettings().value("saving/backups_kept") is None  # nothing written


def test_a_style_for_each_palette_recolours_the_lyrics_at_once(qtbot, window):
    highlighter = lyrics_highlighter(window)
    dialog = open_settings(qtbot, window)
    dialog.colours_page.light.setCurrentText("solarized-light")
    dialog.colours_page.dark.setCurrentText("monokai")
    press(dialog, OK)
    expected = "monokai" if highlighter._dark else "solarized-light"
    assert highlighter.style_name == expected
    assert Settings().preferences().light_style == "solarized-light"


def test_the_default_lens_is_used_by_a_new_highlight_until_it_is_deleted(qtbot, window):
    lenses = window.session.lenses()
    dialog = open_settings(qtbot, window)
    page = dialog.annotating_page
    page.lens.setCurrentIndex(page.lens.findData(lenses[2].id))
    press(dialog, OK)
    song_id = window.session.current_song_id
    assert lens_of_new_highlight(qtbot, window, song_id, 1) == lenses[2].id
    window.session.lens_edits.delete(lenses[2].id)  # nothing breaks: the first lens is used
    assert lens_of_new_highlight(qtbot, window, song_id, 3) == lenses[0].id


def test_the_first_lens_is_the_default_until_one_is_chosen_and_stays_the_first(qtbot, window):
    """ "The first lens" is a choice of its own: OK keeps it, so a reordered lens list moves the default too."""
    dialog = open_settings(qtbot, window)
    page = dialog.annotating_page
    assert page.lens.currentIndex() == 0 and page.lens.currentData() == ""
    assert page.lens.count() == len(window.session.lenses()) + 1
    press(dialog, OK)
    assert Settings().preferences().default_lens == ""


def lens_of_new_highlight(qtbot, window, song_id: str, line: int) -> str:
    """Select lyric *line* and press Ctrl+H; the lens id of the highlight it made."""
    before = {a.id for a in window.session.annotations(song_id)}
    window.lyrics_pane.setFocus(Qt.FocusReason.OtherFocusReason)
    window.lyrics_pane.select_lines(line, line)
    qtbot.keyClick(window.lyrics_pane, Qt.Key.Key_H, CTRL)
    (made,) = [a for a in window.session.annotations(song_id) if a.id not in before]
    return made.lens.id


def test_save_pace_and_backups_reach_the_timers_and_the_library_care(qtbot, window):
    dialog = open_settings(qtbot, window)
    page = dialog.saving_page
    page.pause.setValue(1.5)
    page.max_wait.setValue(6)
    page.interval.setValue(3)
    page.kept.setValue(12)
    press(dialog, OK)
    assert (window.note_editor.autosave.pause_ms, window.note_editor.autosave.max_wait_ms) == (1500, 6000)
    care = window.session.library_care
    assert (care.backup_interval_seconds, care.backups_kept) == (180, 12)
    preferences = Settings().preferences()
    assert (preferences.save_pause_s, preferences.backup_interval_min, preferences.backups_kept) == (
        1.5,
        3,
        12,
    )


def test_restore_defaults_shows_the_built_in_values_and_ok_applies_them(qtbot, window):
    dialog = open_settings(qtbot, window)
    dialog.saving_page.kept.setValue(40)
    dialog.text_page.rows["lyrics"].size.setValue(30)
    press(dialog, APPLY)
    dialog.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).click()
    assert dialog.chosen() == Preferences()
    press(dialog, OK)
    assert window.session.library_care.backups_kept == KEEP_RECENT


def test_damaged_values_in_the_settings_file_open_the_window_with_the_defaults(qtbot, open_window, demo_path):
    path = open_qsettings().fileName()
    os.makedirs(os.path.dirname(path), exist_ok=True)
    Path(path).write_text(
        "[text]\nlyrics_size=900\narticle_size=x\n[saving]\nbackups_kept=-1\npause_seconds=abc\n"
        "[colours]\nlight_style=gone\n",
        encoding="utf-8",
    )
    window = open_window(demo_path)
    assert window.preferences.preferences == Preferences()
    assert window.session.library_care.backups_kept == KEEP_RECENT
    dialog = open_settings(qtbot, window)
    assert dialog.chosen() == Preferences()


def test_the_language_is_kept_for_the_next_start(qtbot, window):
    dialog = open_settings(qtbot, window)
    combo = dialog.language_page.language
    assert combo.itemData(0) == ""  # System default first
    combo.setCurrentIndex(combo.findData("en"))
    press(dialog, OK)
    assert open_qsettings().value("ui/language") == "en"
    assert language() == "en"  # what the next start installs


# ------------------------------------------------------------------- library


@pytest.fixture
def started(window) -> list[tuple[str, list[str]]]:
    """What would be started instead of a second lyricpad (tests open no other window)."""
    calls: list[tuple[str, list[str]]] = []

    def record(program, arguments):
        calls.append((program, list(arguments)))
        return True

    window.preferences.start_detached = record
    return calls


def test_open_another_library_starts_lyricpad_on_it_and_closes_this_window(
    qtbot, window, started, tmp_path, monkeypatch
):
    other = tmp_path / "other.sqlite"
    Library.open(other).close()
    monkeypatch.setattr(settings_dialog_apply, "ask_library_to_open", lambda parent, start: str(other))
    dialog = open_settings(qtbot, window)
    dialog.library_page.at_start.setChecked(True)
    dialog.library_page.open_button.click()
    assert started == [(sys.executable, ["-m", "lyricpad", "--library", str(other)])]
    assert not window.isVisible()
    assert Settings().preferences().default_library == str(other)


def test_without_the_tick_the_start_library_is_not_changed(qtbot, window, started, tmp_path, monkeypatch):
    other = tmp_path / "other.sqlite"
    Library.open(other).close()
    monkeypatch.setattr(settings_dialog_apply, "ask_library_to_open", lambda parent, start: str(other))
    open_settings(qtbot, window).library_page.open_button.click()
    assert len(started) == 1
    assert Settings().preferences().default_library == ""


def test_opening_this_windows_own_library_changes_nothing(qtbot, window, started, demo_path, monkeypatch):
    monkeypatch.setattr(settings_dialog_apply, "ask_library_to_open", lambda parent, start: str(demo_path))
    open_settings(qtbot, window).library_page.open_button.click()
    assert started == [] and window.isVisible()
    assert "open in this window" in window.notice_bar.text()


def test_a_new_library_is_refused_over_an_existing_file_with_one_message(
    qtbot, window, started, tmp_path, monkeypatch, dialogs
):
    existing = tmp_path / "taken.sqlite"
    existing.write_text("mine", encoding="utf-8")
    monkeypatch.setattr(settings_dialog_apply, "ask_new_library_path", lambda parent, start: str(existing))
    dialog = open_settings(qtbot, window)
    dialog.library_page.at_start.setChecked(True)
    dialog.library_page.create_button.click()
    assert dialogs == [("warning", f"{existing} exists already. A new library needs a name no file has yet.")]
    assert existing.read_text(encoding="utf-8") == "mine"
    assert started == [] and window.isVisible() and dialog.isVisible()
    assert Settings().preferences().default_library == ""


def test_a_new_library_is_made_and_opened(qtbot, window, started, tmp_path, monkeypatch):
    new = tmp_path / "fresh.sqlite"
    monkeypatch.setattr(settings_dialog_apply, "ask_new_library_path", lambda parent, start: str(new))
    open_settings(qtbot, window).library_page.create_button.click()
    with Library.open(new) as library:
        assert library.songs.count() == 1  # the demo song, as on a first run
        assert library.lenses.all()
    assert started == [(sys.executable, ["-m", "lyricpad", "--library", str(new)])]
    assert not window.isVisible()


def impossible_command(monkeypatch, tmp_path) -> Path:
    """lyricpad is started through a program that is not there: the start fails for real."""
    program = tmp_path / "no-such-folder" / "lyricpad"
    monkeypatch.setattr(
        settings_dialog_apply,
        "lyricpad_command",
        lambda library: (str(program), ["--library", os.fspath(library)]),
    )
    return program


def test_a_library_that_cannot_be_started_keeps_this_window_and_says_so(
    qtbot, window, tmp_path, monkeypatch, dialogs
):
    other = tmp_path / "other.sqlite"
    Library.open(other).close()
    program = impossible_command(monkeypatch, tmp_path)
    monkeypatch.setattr(settings_dialog_apply, "ask_library_to_open", lambda parent, start: str(other))
    dialog = open_settings(qtbot, window)
    dialog.library_page.at_start.setChecked(True)
    dialog.library_page.open_button.click()
    assert dialogs == [
        (
            "critical",
            f"lyricpad could not be started on {other}. This window stays open. "
            f"Start it with: {program} --library {other}",
        )
    ]
    assert window.isVisible() and dialog.isVisible()
    assert Settings().preferences().default_library == ""  # nothing switched
    window.menus.settings_action.trigger()  # the window still works
    assert window.findChildren(SettingsDialog) == [dialog]


def test_a_new_library_that_cannot_be_started_is_said_where_it_is(
    qtbot, window, tmp_path, monkeypatch, dialogs
):
    new = tmp_path / "fresh.sqlite"
    program = impossible_command(monkeypatch, tmp_path)
    monkeypatch.setattr(settings_dialog_apply, "ask_new_library_path", lambda parent, start: str(new))
    open_settings(qtbot, window).library_page.create_button.click()
    assert dialogs == [
        (
            "critical",
            f"The new library was made at {new}, but lyricpad could not be started on it. This window "
            f"stays open. Start it with: {program} --library {new}",
        )
    ]
    assert window.isVisible()
    with Library.open(new) as library:  # there, as said, and whole
        assert library.songs.count() == 1


def refuse_note_edits_and_type(window, qtbot, text: str) -> None:
    """A note typed while the library refuses every change of a note: the change is not saved."""
    window.session.library.db.execute(
        "CREATE TEMP TRIGGER refuse BEFORE UPDATE OF note ON annotations "
        "BEGIN SELECT RAISE(ABORT, 'constraint failed'); END"
    )
    annotation = window.session.annotations(window.session.current_song_id)[0]
    window.select_annotation(annotation.id)
    window.note_editor.focus_note()
    qtbot.keyClicks(window.note_editor.note_edit, text)
    window.flush_edits()
    assert window.session.safekeeping.unsaved_count == 1


def test_unsaved_work_the_user_keeps_starts_nothing_and_makes_no_file(
    qtbot, window, started, tmp_path, monkeypatch
):
    other = tmp_path / "other.sqlite"
    Library.open(other).close()
    new = tmp_path / "fresh.sqlite"
    monkeypatch.setattr(settings_dialog_apply, "ask_library_to_open", lambda parent, start: str(other))
    monkeypatch.setattr(settings_dialog_apply, "ask_new_library_path", lambda parent, start: str(new))
    refuse_note_edits_and_type(window, qtbot, " not saved yet")
    answers = ["cancel", "cancel"]  # asked once each time: Cancel keeps the window as it is
    monkeypatch.setattr(MainWindow, "ask_unsaved_on_quit", lambda self: answers.pop(0) if answers else "quit")
    dialog = open_settings(qtbot, window)
    dialog.library_page.open_button.click()
    dialog.library_page.create_button.click()
    assert answers == []
    assert started == [] and window.isVisible()
    assert not new.exists()  # refused before anything was made
    assert window.session.safekeeping.unsaved_count == 1  # still kept, still said


def test_a_window_that_refuses_to_close_says_a_second_window_opened(
    qtbot, window, started, tmp_path, monkeypatch
):
    other = tmp_path / "other.sqlite"
    Library.open(other).close()
    monkeypatch.setattr(settings_dialog_apply, "ask_library_to_open", lambda parent, start: str(other))
    refusal = CloseRefused(window)
    window.installEventFilter(refusal)
    try:
        open_settings(qtbot, window).library_page.open_button.click()
        assert refusal.refused == 1
    finally:
        window.removeEventFilter(refusal)
    assert len(started) == 1 and window.isVisible()
    assert f"{other} opened in a second lyricpad window; this one stays open." in window.notice_bar.text()


class CloseRefused(QObject):
    """Refuses the window's close, as something still running in it might."""

    def __init__(self, parent):
        super().__init__(parent)
        self.refused = 0

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Close:
            self.refused += 1
            event.ignore()
            return True
        return False


# ------------------------------------------------------------ the start library


def test_lyricpad_library_naming_a_new_file_opens_it_without_a_warning(qapp, tmp_path, monkeypatch, capsys):
    chosen = tmp_path / "chosen.sqlite"
    Library.open(chosen).close()
    settings = Settings()
    settings.set_preferences(Preferences(default_library=str(chosen)))
    settings.sync()
    new = tmp_path / "from-the-environment.sqlite"
    monkeypatch.setenv("LYRICPAD_LIBRARY", str(new))
    assert main(["--smoke"]) == 0
    captured = capsys.readouterr()
    assert "warning" not in captured.err
    assert captured.out.startswith("lyricpad — Lanterns on the Water")
    assert new.exists()  # the environment's library opened (made new), not the one chosen in Settings


def test_a_start_library_chosen_in_settings_and_gone_opens_the_usual_one_with_a_warning(
    qapp, tmp_path, capsys
):
    gone = tmp_path / "gone.sqlite"
    settings = Settings()
    settings.set_preferences(Preferences(default_library=str(gone)))
    settings.sync()
    assert main(["--smoke"]) == 0
    err = capsys.readouterr().err
    assert f"the library chosen in Settings to open at start is not there ({gone})" in err
    assert default_library_path().exists() and not gone.exists()


# ------------------------------------------------------------------ styles


@pytest.mark.parametrize("name", ["monokai", "stata-light", "Monokai", "solarized", "no-such-style", ""])
def test_a_style_name_is_checked_once_the_same_for_the_settings_file_and_the_highlighters(name):
    write = open_qsettings()
    write.setValue("colours/light_style", name)
    write.sync()
    expected = pygments_style_or(name, LIGHT_STYLE)
    assert expected == (name if name in ("monokai", "stata-light") else LIGHT_STYLE)
    assert Settings().preferences().light_style == expected
    palette_styles().set_styles(name, DARK_STYLE)
    assert palette_styles().light == expected


def test_the_dialog_fits_and_is_tidy_at_1024_by_700(qtbot, window, shots):
    window.resize(1024, 700)
    dialog = open_settings(qtbot, window)
    assert dialog.width() <= 1024 and dialog.height() <= 700
    tabs = dialog.pages.tabBar()
    assert tabs.sizeHint().width() <= tabs.width()  # every tab title shows: no scroll arrows
    for index, name in enumerate(("text", "colours", "annotating", "saving", "library", "language")):
        dialog.pages.setCurrentIndex(index)
        shots(dialog, f"settings-{name}")
