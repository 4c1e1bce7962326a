"""Options remembered in the INI settings file are read back as they were written, and refused values fall back."""

import pytest
from PySide6.QtCore import QSettings

from lyricpad.app.exporting import ExportOptions
from lyricpad.app.publishing import PublishOptions, last_folders


def ini(tmp_path, text: str) -> QSettings:
    # Written as text, as a file left by an earlier run: Qt gives its booleans back as strings.
    path = tmp_path / "lyricpad.ini"
    path.write_text(text, encoding="utf-8")
    return QSettings(str(path), QSettings.Format.IniFormat)


@pytest.mark.parametrize("word, expected", [("true", True), ("false", False), ("1", True), ("no", False)])
def test_booleans_come_back_from_the_ini_file(tmp_path, word, expected):
    settings = ini(tmp_path, f"[export]\nfootnotes={word}\n[publish]\npage={word}\nsource={word}\n")
    assert ExportOptions.load(settings).footnotes is expected
    publish = PublishOptions.load(settings)
    assert (publish.page, publish.source) == (expected, expected)


def test_an_unknown_value_gives_the_defaults(tmp_path):
    settings = ini(tmp_path, "[export]\nformat=pdf\nfootnotes=true\n[publish]\nfmt=docx\npage=true\n")
    assert ExportOptions.load(settings) == ExportOptions()
    assert PublishOptions.load(settings) == PublishOptions()


def test_options_saved_are_loaded_again(tmp_path):
    settings = QSettings(str(tmp_path / "saved.ini"), QSettings.Format.IniFormat)
    export = ExportOptions(scope="all", profile="obsidian", full_lyrics=True)
    publish = PublishOptions(profile="obsidian", notes="inline", ids=True)
    export.save(settings)
    publish.save(settings)
    settings.sync()
    again = QSettings(str(tmp_path / "saved.ini"), QSettings.Format.IniFormat)
    assert ExportOptions.load(again) == export and PublishOptions.load(again) == publish


def test_save_looks_first_in_the_folder_of_the_last_post_then_of_the_last_export(tmp_path):
    settings = ini(tmp_path, "[export]\nfolder=/exports\n")
    assert last_folders(settings) == ["", "/exports"]
