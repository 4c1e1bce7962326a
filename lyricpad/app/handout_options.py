"""What a printed handout shows besides the numbered lyrics and notes, remembered between runs."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSettings

from lyricpad.app.option_settings import store_fields, stored_fields
from lyricpad.app.settings import open_qsettings

SETTINGS_GROUP = "handout"


@dataclass(frozen=True)
class HandoutOptions:
    """The handout's options (`core.export.handout.handout_html` takes them as keywords)."""

    study: bool = False  # scheme letters and syllable counts after each lyric line

    @classmethod
    def load(cls, settings: QSettings | None = None) -> HandoutOptions:
        """The options used last time (defaults for anything missing)."""
        return cls(
            **stored_fields(cls, SETTINGS_GROUP, settings if settings is not None else open_qsettings())
        )

    def save(self, settings: QSettings | None = None) -> None:
        """Remember these options for the next handout."""
        store_fields(self, SETTINGS_GROUP, settings if settings is not None else open_qsettings())
