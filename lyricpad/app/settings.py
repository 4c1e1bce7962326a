"""Window preferences kept between runs: geometry, panel layout, the last song shown and the View menu's toggles."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "lyricpad"
APPLICATION = "lyricpad"


def open_qsettings() -> QSettings:
    """lyricpad's settings file (INI), for typed readers such as `Settings` and the export options."""
    config_home = os.environ.get("XDG_CONFIG_HOME", "").strip()
    if config_home:
        # Qt resolves XDG_CONFIG_HOME once per process; naming the file ourselves lets a
        # changed XDG_CONFIG_HOME (as every test sets) take effect. Same file as Qt's own.
        path = Path(config_home) / ORGANISATION / f"{APPLICATION}.ini"
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, ORGANISATION, APPLICATION)


class Settings:
    """Typed access to lyricpad's INI settings file (organisation and application "lyricpad")."""

    def __init__(self, qsettings: QSettings | None = None):
        self._qsettings = qsettings if qsettings is not None else open_qsettings()

    @property
    def file_name(self) -> str:
        return self._qsettings.fileName()

    def _bytes(self, key: str) -> QByteArray:
        value = self._qsettings.value(key)
        return value if isinstance(value, QByteArray) else QByteArray()

    def window_geometry(self) -> QByteArray:
        """The saved main-window geometry; empty when there is none."""
        return self._bytes("window/geometry")

    def set_window_geometry(self, value: QByteArray) -> None:
        self._qsettings.setValue("window/geometry", value)

    def window_state(self) -> QByteArray:
        """The saved dock and toolbar layout; empty when there is none."""
        return self._bytes("window/state")

    def set_window_state(self, value: QByteArray) -> None:
        self._qsettings.setValue("window/state", value)

    def splitter_state(self) -> QByteArray:
        """The saved sizes of the lyrics and article panes; empty when there is none."""
        return self._bytes("window/splitter")

    def set_splitter_state(self, value: QByteArray) -> None:
        self._qsettings.setValue("window/splitter", value)

    def last_song(self) -> str:
        """The id of the song shown when the window last closed, or ""."""
        value = self._qsettings.value("session/last_song", "")
        return value if isinstance(value, str) else ""

    def set_last_song(self, song_id: str) -> None:
        self._qsettings.setValue("session/last_song", song_id)

    def font_delta(self) -> float:
        """Points added to the panes' text size (View > Bigger/Smaller Text)."""
        try:
            return float(self._qsettings.value("view/font_delta", 0.0))
        except (TypeError, ValueError):
            return 0.0

    def set_font_delta(self, value: float) -> None:
        self._qsettings.setValue("view/font_delta", float(value))

    def sort_order(self) -> str:
        """How the library sidebar sorts songs ("title", "artist", "updated", "created")."""
        value = self._qsettings.value("library/sort_order", "title")
        return value if isinstance(value, str) else "title"

    def set_sort_order(self, value: str) -> None:
        self._qsettings.setValue("library/sort_order", value)

    def _flag(self, key: str) -> bool:
        # INI files give back "true" and "false" as text.
        value = self._qsettings.value(key, False)
        return value is True or str(value).lower() == "true"

    def study_view(self) -> bool:
        """Whether View > Study View was on."""
        return self._flag("view/study_view")

    def set_study_view(self, shown: bool) -> None:
        self._qsettings.setValue("view/study_view", bool(shown))

    def study_stress(self) -> bool:
        """Whether View > Show Stress Patterns was on (the study view's stress column even where the lyrics wrap)."""
        return self._flag("view/study_stress")

    def set_study_stress(self, shown: bool) -> None:
        self._qsettings.setValue("view/study_stress", bool(shown))

    def translation_shown(self) -> bool:
        """Whether View > Translation was on (the pane shows on a song that has a translation)."""
        return self._flag("view/translation")

    def set_translation_shown(self, shown: bool) -> None:
        self._qsettings.setValue("view/translation", bool(shown))

    def sync(self) -> None:
        """Write pending changes to disk now."""
        self._qsettings.sync()
