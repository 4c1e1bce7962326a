"""Help > About lyricpad: the version, the library and data folders, the versions a bug report needs (issue 20)."""

from __future__ import annotations

import os
import platform
import sqlite3

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication

from lyricpad import __version__
from lyricpad.core.backup import backups_folder
from lyricpad.gui.about_dialog import AboutDialog


def menu_action(window, menu_title: str, text: str):
    menu = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == menu_title)
    return next(a for a in menu.actions() if a.text().replace("&", "") == text)


def test_help_about_shows_the_library_data_folder_and_versions(
    qtbot, window, demo_path, isolated_user_dirs, shots
):
    menu_action(window, "Help", "About lyricpad").trigger()
    dialog = window.findChild(AboutDialog)
    assert dialog is not None and dialog.isVisible()
    values = {label: field.text() for label, field in dialog.value_labels.items()}
    assert values["Version"] == __version__
    assert values["Library"] == os.fspath(demo_path)
    assert values["Backups"] == os.fspath(backups_folder(demo_path))
    # The platform's data folder, here the test's own XDG_DATA_HOME, never the real one.
    assert values["Data folder"] == os.fspath(isolated_user_dirs / "xdg_data_home" / "lyricpad")
    assert values["Settings"] == window.settings.file_name
    assert values["Qt"] == qVersion() and values["PySide6"] == PySide6.__version__
    assert values["Python"].startswith(platform.python_version())
    assert values["SQLite"] == sqlite3.sqlite_version
    assert values["Licence"] == "not chosen yet"  # no licence file in the project yet
    assert not dialog.icon_label.pixmap().isNull()  # the application's own icon, from the package
    for field in dialog.value_labels.values():  # a path can be selected and copied by hand too
        assert field.isReadOnly() and field.isVisible()
    dialog.resize(1024, 700)
    shots(dialog, "about-dialog-1024x700")


def test_copy_details_puts_every_row_on_the_clipboard(qtbot, window, demo_path):
    dialog = window.menus.open_about_dialog()
    QApplication.clipboard().clear()
    dialog.copy_button.click()
    copied = QApplication.clipboard().text()
    assert copied.startswith("lyricpad\n")
    assert f"Version: {__version__}\n" in copied
    assert f"Library: {os.fspath(demo_path)}\n" in copied
    assert f"SQLite: {sqlite3.sqlite_version}\n" in copied
    assert copied.count("\n") == len(dialog.rows) + 1
    assert "copied" in dialog.copied_label.text()


def test_a_path_with_markup_characters_is_shown_as_written(qtbot, tmp_path):
    odd = tmp_path / "<b>Tom & Jerry</b>" / "library.sqlite"
    dialog = AboutDialog(odd, None)
    qtbot.addWidget(dialog)
    field = dialog.value_labels["Library"]
    assert field.text() == os.fspath(odd)
    assert dialog.value_labels["Settings"].text() == "not kept in this run"


def test_opening_about_again_replaces_the_dialog(qtbot, window):
    first = window.menus.open_about_dialog()
    with qtbot.waitSignal(first.destroyed):
        second = window.menus.open_about_dialog()
    assert second.isVisible()
    assert len(window.findChildren(AboutDialog)) == 1
    assert second.value_labels["Version"].text() == __version__
