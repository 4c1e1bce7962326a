"""Edit > Settings (Ctrl+,): text, colours, annotating, saving, the library and the language, on pages."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTabWidget, QVBoxLayout

from lyricpad.app.settings import Preferences
from lyricpad.app.translations import available_languages
from lyricpad.gui import settings_dialog_apply
from lyricpad.gui.settings_dialog_pages import (
    PANES,
    AnnotatingPage,
    ColoursPage,
    LanguagePage,
    LibraryPage,
    SavingPage,
    TextPage,
)

if TYPE_CHECKING:
    from lyricpad.gui.main_window import MainWindow


class SettingsDialog(QDialog):
    """The user's preferences, on one page per concern; OK and Apply apply them, Cancel changes nothing.

    What is chosen goes to the window's `WindowPreferences` (`preferences_chosen`), which keeps
    it in the settings file and applies it; Open Another Library… and Create New Library… ask it
    to switch libraries (`library_open_requested`, `library_create_requested`).
    """

    preferences_chosen = Signal(object)
    """OK or Apply: the Preferences the pages show."""
    library_open_requested = Signal(object, object)
    """A library file (Path) to open instead of this window's, and the Preferences to keep if it opens."""
    library_create_requested = Signal(object, object)
    """Where (Path) a new library should be made and opened, and the Preferences to keep if it opens."""

    def __init__(self, window: MainWindow):
        super().__init__(window)
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        self._window = window
        applier = window.preferences
        self._shown = applier.preferences
        library_path = window.session.library_path
        self._library_path = os.fspath(library_path) if library_path is not None else ""

        self.text_page = TextPage({pane: applier.builtin_font(pane) for pane in PANES}, self)
        self.colours_page = ColoursPage(self)
        self.annotating_page = AnnotatingPage(window.session.lenses(), self)
        self.saving_page = SavingPage(self)
        self.library_page = LibraryPage(self._library_path, self)
        self.language_page = LanguagePage(available_languages(), self)
        self.pages = QTabWidget(self)
        self.pages.setAccessibleName(self.tr("Settings pages"))
        for page, title in (
            (self.text_page, self.tr("&Text")),
            (self.colours_page, self.tr("&Colours")),
            (self.annotating_page, self.tr("&Annotating")),
            (self.saving_page, self.tr("&Saving")),
            (self.library_page, self.tr("&Library")),
            (self.language_page, self.tr("Lan&guage")),
        ):
            self.pages.addTab(page, title)

        buttons = self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.Apply
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.Apply).clicked.connect(self.apply)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(self.pages, 1)
        layout.addWidget(buttons)

        self.library_page.open_requested.connect(self._on_library_page_open_requested)
        self.library_page.create_requested.connect(self._on_library_page_create_requested)
        self.preferences_chosen.connect(applier.choose)
        self.library_open_requested.connect(applier.open_library)
        self.library_create_requested.connect(applier.create_library)
        self.fill(self._shown)
        # Wide enough for every tab's title: no scroll arrows in the tab bar.
        self.setMinimumWidth(
            self.pages.tabBar().sizeHint().width() + 2 * layout.contentsMargins().left() + 24
        )
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))

    def fill(self, preferences: Preferences) -> None:
        """Show *preferences* on every page."""
        for page in self._pages():
            page.fill(preferences)

    def chosen(self, opening: str = "") -> Preferences:
        """The preferences the pages show (*opening*: a library about to be opened instead of this one)."""
        values: dict[str, object] = {}
        for page in self._pages():
            values.update(page.chosen(opening) if page is self.library_page else page.chosen())
        return replace(self._shown, **values)

    def _pages(self):
        return (
            self.text_page,
            self.colours_page,
            self.annotating_page,
            self.saving_page,
            self.library_page,
            self.language_page,
        )

    def apply(self) -> None:
        """Apply what the pages show (the dialog stays open)."""
        self._shown = self.chosen()
        self.preferences_chosen.emit(self._shown)

    def accept(self) -> None:
        self.apply()
        super().accept()

    def restore_defaults(self) -> None:
        """Show lyricpad's built-in preferences (applied by OK or Apply, like any change)."""
        self.fill(Preferences())

    def _on_library_page_open_requested(self) -> None:
        start = os.path.dirname(self._library_path) if self._library_path else ""
        chosen = settings_dialog_apply.ask_library_to_open(self, start)
        if chosen:
            self._switch_to(Path(chosen), self.library_open_requested)

    def _on_library_page_create_requested(self) -> None:
        start = os.path.dirname(self._library_path) if self._library_path else ""
        chosen = settings_dialog_apply.ask_new_library_path(self, start)
        if chosen:
            self._switch_to(Path(chosen), self.library_create_requested)

    def _switch_to(self, path: Path, request) -> None:
        # What the pages show goes along (the start library among it): kept if the window closes.
        request.emit(path, self.chosen(opening=os.fspath(path)))
