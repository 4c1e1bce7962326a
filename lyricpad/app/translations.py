"""The window's language: lyricpad's own translations (package data) and Qt's, installed on the application.

Every user-visible string of the window goes through Qt's translation machinery (`self.tr`,
`QCoreApplication.translate`). The sources are `resources/translations/lyricpad_*.ts`, made and
compiled by `scripts/translations` into `lyricpad/translations/lyricpad_*.qm`, which ship in the wheel.

English is the source language, but it has a translation too: counts are written once as
"%n song(s)", and lyricpad_en.qm holds their English singular and plural. It is always installed
first, so any other language falls back to English, plurals included, where it has no entry.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

TRANSLATIONS_FOLDER = Path(__file__).resolve().parent.parent / "translations"
"""Compiled translations, shipped as package data."""
SOURCE_LANGUAGE = "en"
_PREFIX = "lyricpad_"

_installed: list[QTranslator] = []
"""The translators in use: QCoreApplication does not own them, so they are kept alive here."""


def available_languages() -> list[tuple[str, str]]:
    """(code, name in that language) of each language the window can be shown in, English first."""
    codes = {SOURCE_LANGUAGE}
    if TRANSLATIONS_FOLDER.is_dir():
        codes.update(p.stem.removeprefix(_PREFIX) for p in TRANSLATIONS_FOLDER.glob(f"{_PREFIX}*.qm"))
    found = []
    for code in sorted(codes, key=lambda c: (c != SOURCE_LANGUAGE, c)):
        # Qt names "en" after its default territory ("American English"): lyricpad's English is just English.
        name = "English" if code == SOURCE_LANGUAGE else QLocale(code).nativeLanguageName() or code
        found.append((code, name[:1].upper() + name[1:]))
    return found


def chosen_language(setting: str) -> str:
    """The language to show: *setting* when lyricpad has it, else the system's first one it has, else English."""
    have = {code for code, _name in available_languages()}
    wanted = [setting] if setting else []
    wanted += [tag.replace("-", "_") for tag in QLocale.system().uiLanguages()]
    for tag in wanted:
        for candidate in (tag, tag.split("_")[0]):
            if candidate in have:
                return candidate
    return SOURCE_LANGUAGE


def install_translators(app: QCoreApplication, setting: str = "") -> str:
    """Install the translations for *setting* ("" = the system's language) on *app*; the language shown.

    Replaces the translators a previous call installed. A missing or unreadable file is skipped:
    the window then shows English for what it would have held.
    """
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = chosen_language(setting)
    files = [TRANSLATIONS_FOLDER / f"{_PREFIX}{SOURCE_LANGUAGE}.qm"]
    if language != SOURCE_LANGUAGE:
        qt_folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
        files += [qt_folder / f"qtbase_{language}.qm", TRANSLATIONS_FOLDER / f"{_PREFIX}{language}.qm"]
    for path in files:  # the last installed is asked first
        translator = QTranslator(app)
        if path.is_file() and translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
    return language
