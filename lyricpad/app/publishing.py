"""File > Publish Article…'s options: what `render_post` is asked for, remembered between runs."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QSettings

from lyricpad.app.exporting import last_folder
from lyricpad.app.option_settings import remember_folder, remembered_folder, store_fields, stored_fields
from lyricpad.core.export.post import NOTE_MODES, POST_FORMATS, POST_PROFILES

SETTINGS_GROUP = "publish"


@dataclass(frozen=True)
class PublishOptions:
    """How the article is published: `render_post`'s options, and whether HTML is shown as its source."""

    profile: str = "blog"
    notes: str = "footnotes"
    fmt: str = "markdown"
    page: bool = False
    ids: bool = False
    show_lens: bool = False
    source: bool = False

    def valid(self) -> bool:
        return self.profile in POST_PROFILES and self.notes in NOTE_MODES and self.fmt in POST_FORMATS

    def post_options(self) -> dict:
        """Keyword arguments for `render_post` (HTML is made from the blog profile)."""
        html = self.fmt == "html"
        profile = "blog" if html else self.profile
        notes = self.notes != "none"
        # An option the dialog shows disabled has no effect, whatever its box says.
        return {
            "profile": profile,
            "notes": self.notes,
            "fmt": self.fmt,
            "ids": self.ids and notes and profile == "blog",
            "page": self.page and html,
            "show_lens": self.show_lens and notes,
        }

    @classmethod
    def load(cls, settings: QSettings) -> PublishOptions:
        """The options used last time (defaults for anything missing or not understood)."""
        options = cls(**stored_fields(cls, SETTINGS_GROUP, settings))
        return options if options.valid() else cls()

    def save(self, settings: QSettings) -> None:
        """Remember these options for the next time."""
        store_fields(self, SETTINGS_GROUP, settings)


def last_folders(settings: QSettings) -> list[str]:
    """Where Save… looks first: the folder of the last post, else of the last export ("" for none)."""
    return [remembered_folder(SETTINGS_GROUP, settings), last_folder(settings)]


def set_last_folder(folder: str | Path, settings: QSettings) -> None:
    remember_folder(SETTINGS_GROUP, folder, settings)
