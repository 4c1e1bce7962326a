"""The window in another language: Settings > Language "Deutsch" gives German menus, counts and Qt's own buttons."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QDialogButtonBox

from lyricpad.app import translations
from lyricpad.app.translations import available_languages, install_translators
from lyricpad.gui.shortcuts_dialog import plain_text


@pytest.fixture
def german(qapp):
    """German for this test only: the shared test application is English again afterwards."""
    assert install_translators(qapp, "de") == "de"
    yield
    assert install_translators(qapp, "en") == "en"


def test_german_is_offered_by_its_own_name():
    assert ("de", "Deutsch") in available_languages()
    assert available_languages()[0] == ("en", "English")


def test_a_window_opened_in_german_has_german_menus_and_counts(german, open_window, demo_path):
    window = open_window(demo_path)
    menus = [plain_text(action.text()) for action in window.menuBar().actions()]
    assert menus == ["Datei", "Bearbeiten", "Ansicht", "Hilfe"]
    edit = window.menuBar().actions()[1].menu()
    assert "Rückgängig" in [plain_text(a.text()) for a in edit.actions()]
    # A count, in German's own plural forms (from lyricpad_de.qm, not English's).
    assert window.safety.tr("%n change(s) not saved", "", 1) == "1 Änderung nicht gespeichert"
    assert window.safety.tr("%n change(s) not saved", "", 3) == "3 Änderungen nicht gespeichert"
    # Qt's own words (qtbase_de.qm): a dialog's standard buttons.
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"


@pytest.fixture
def system_language(monkeypatch):
    """Pretend the system's language is the one given (the tests' machine may have any, or none)."""

    def pretend(name: str) -> None:
        monkeypatch.setattr(translations.QLocale, "system", staticmethod(lambda: QLocale(name)))

    return pretend


def test_an_unknown_language_falls_back_to_the_systems_then_english(
    qapp, open_window, demo_path, system_language
):
    system_language("fr_FR")  # no French translation: English
    try:
        assert install_translators(qapp, "xx") == "en"
        window = open_window(demo_path)
        assert plain_text(window.menuBar().actions()[0].text()) == "File"
    finally:
        install_translators(qapp, "en")


def test_the_system_language_is_used_when_none_is_chosen(qapp, system_language):
    system_language("de_AT")
    try:
        assert install_translators(qapp, "") == "de"  # Austrian German: lyricpad's German
        assert QCoreApplication.translate("WindowActions", "&File") == "&Datei"
    finally:
        install_translators(qapp, "en")


def test_in_german_a_shortcut_is_found_by_its_german_and_its_english_keys(german, open_window, demo_path):
    from lyricpad.core.text import fold_case_and_accents
    from lyricpad.gui.shortcuts_dialog import window_shortcuts

    entries = window_shortcuts(open_window(demo_path))
    for typed in ("Strg+F", "Ctrl+F"):
        found = [e.text for e in entries if e.matches([fold_case_and_accents(typed)])]
        assert "Im Lied suchen" in found, typed
