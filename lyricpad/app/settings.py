"""Window preferences kept between runs: geometry, panel layout, the last song shown and the View menu's toggles."""

from __future__ import annotations

import functools
import math
import os
from dataclasses import dataclass, fields
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from lyricpad import APP_ID

ORGANISATION = APP_ID
APPLICATION = "lyricpad"
OLD_ORGANISATION = "lyricpad"
"""Where settings lived before the application id (0.1.0 and earlier): read once, when the new file is absent."""


def _qsettings(organisation: str) -> QSettings:
    config_home = os.environ.get("XDG_CONFIG_HOME", "").strip()
    if config_home:
        # Qt resolves XDG_CONFIG_HOME once per process; naming the file ourselves lets a
        # changed XDG_CONFIG_HOME (as every test sets) take effect. Same file as Qt's own.
        path = Path(config_home) / organisation / f"{APPLICATION}.ini"
        return QSettings(str(path), QSettings.Format.IniFormat)
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, organisation, APPLICATION)


def open_qsettings() -> QSettings:
    """lyricpad's settings file (INI), for typed readers such as `Settings` and the export options.

    The first time the file under the application id is opened, the settings of an older lyricpad
    (organisation "lyricpad") are copied into it, so an update keeps the user's layout and choices.
    """
    settings = _qsettings(ORGANISATION)
    if not settings.allKeys() and not Path(settings.fileName()).exists():
        old = _qsettings(OLD_ORGANISATION)
        keys = old.allKeys()
        for key in keys:
            settings.setValue(key, old.value(key))
        if keys:
            settings.sync()
    return settings


class Settings:
    """Typed access to lyricpad's INI settings file (organisation `APP_ID`, application "lyricpad")."""

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

    def preferences(self) -> Preferences:
        """What Edit > Settings chose; a value missing or damaged in the file (edited by hand) is the default."""
        return read_preferences(self._qsettings)

    def set_preferences(self, preferences: Preferences) -> None:
        write_preferences(self._qsettings, preferences)

    def sync(self) -> None:
        """Write pending changes to disk now."""
        self._qsettings.sync()


# ------------------------------------------------------------------ preferences (Edit > Settings)

FONT_SIZE_RANGE = (6, 72)
"""Text sizes a pane may be given, in points."""
SAVE_PAUSE_RANGE = (0.1, 10.0)
"""Seconds typing must pause before it is saved, when the user chose a pause (0: each editor's own)."""
SAVE_MAX_WAIT_RANGE = (1.0, 60.0)
"""Seconds the first edit of a burst of typing may wait for its save."""
BACKUP_INTERVAL_RANGE = (1, 24 * 60)
"""Minutes between automatic backups while changes happen."""
BACKUPS_KEPT_RANGE = (1, 100)
"""How many of the newest automatic backups are kept."""
DEFAULT_LIGHT_STYLE = "default"
DEFAULT_DARK_STYLE = "github-dark"
"""The pygments styles used on a light and on a dark palette until the user picks others."""


@dataclass(frozen=True)
class PaneFont:
    """A pane's text font: *family* "" keeps the built-in family, *size* 0 the built-in size."""

    family: str = ""
    size: int = 0

    @property
    def is_default(self) -> bool:
        return not self.family and not self.size


@dataclass(frozen=True)
class Preferences:
    """Everything Edit > Settings chooses; the defaults are lyricpad's built-in behaviour."""

    lyrics_font: PaneFont = PaneFont()
    """The lyrics pane's font (the translation beside it follows it, line for line)."""
    article_font: PaneFont = PaneFont()
    notes_font: PaneFont = PaneFont()
    light_style: str = DEFAULT_LIGHT_STYLE
    dark_style: str = DEFAULT_DARK_STYLE
    default_lens: str = ""
    """The lens id a new highlight gets before any lens was used (""/deleted: the first lens)."""
    save_pause_s: float = 0.0
    """0: each editor keeps its own pause (0.4 s for notes, 0.8 s for lyrics and articles)."""
    save_max_wait_s: float = 2.0
    backup_interval_min: int = 10
    backups_kept: int = 5
    default_library: str = ""
    """The library opened at start when no --library (or LYRICPAD_LIBRARY) names one; "" = the usual one."""
    language: str = ""
    """A language code of `translations.available_languages()`, "" = the system's."""


_FONT_FIELDS = ("lyrics_font", "article_font", "notes_font")
_KEYS = {
    "light_style": "colours/light_style",
    "dark_style": "colours/dark_style",
    "default_lens": "annotating/default_lens",
    "save_pause_s": "saving/pause_seconds",
    "save_max_wait_s": "saving/max_wait_seconds",
    "backup_interval_min": "saving/backup_interval_minutes",
    "backups_kept": "saving/backups_kept",
    "default_library": "library/default",
    "language": "ui/language",
}
_RANGES = {
    "save_max_wait_s": SAVE_MAX_WAIT_RANGE,
    "backup_interval_min": BACKUP_INTERVAL_RANGE,
    "backups_kept": BACKUPS_KEPT_RANGE,
}


def _number(value: object, kind: type) -> float | int | None:
    """*value* (text from an INI file, or a number) as *kind*; None when it is not a finite number."""
    try:
        number = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if not math.isfinite(number) or (kind is int and number != int(number)):
        return None
    return kind(number)


def _text(value: object, default: str) -> str:
    return value.strip() if isinstance(value, str) else default


def pygments_styles(dark: bool | None = None) -> list[str]:
    """The pygments styles installed, by name: all, or those drawn on a dark (or a light) background.

    A style is offered only for the palette it is drawn for: its colours on the other one would be
    unreadable (a dark style's near-white text on a light pane).
    """
    if dark is None:
        return list(_installed_styles())
    return [name for name in _installed_styles() if _has_dark_background(name) == dark]


@functools.cache
def _has_dark_background(name: str) -> bool:
    from pygments.styles import get_style_by_name
    from pygments.util import ClassNotFound

    try:
        background = (get_style_by_name(name).background_color or "#ffffff").lstrip("#")
    except (ClassNotFound, ImportError, AttributeError):
        return False
    if len(background) == 3:
        background = "".join(2 * c for c in background)
    try:
        red, green, blue = (int(background[i : i + 2], 16) / 255 for i in (0, 2, 4))
    except ValueError:  # a colour by name ("white"): pygments' own styles use #rrggbb
        return False
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue < 0.5


def pygments_style_or(name: str, default: str) -> str:
    """*name* when it is an installed pygments style, else *default* (one of lyricpad's built-in styles).

    The one check of a style name: for the settings file as it is read, and for the styles the
    highlighters are given. The default itself is taken as it is (no style lookup at start).
    """
    return name if name == default or name in _installed_styles() else default


@functools.cache
def _installed_styles() -> tuple[str, ...]:
    # Looked up once, when first needed (not on every import): the styles installed do not change while lyricpad runs.
    from pygments.styles import get_all_styles

    return tuple(sorted(get_all_styles()))


def read_preferences(qsettings: QSettings) -> Preferences:
    """The preferences in *qsettings*, each value checked: one out of bounds or unreadable is the default."""
    defaults = Preferences()
    values: dict[str, object] = {}
    low, high = FONT_SIZE_RANGE
    for name in _FONT_FIELDS:
        pane = name.removesuffix("_font")
        family = _text(qsettings.value(f"text/{pane}_family", ""), "")
        size = _number(qsettings.value(f"text/{pane}_size", 0), int)
        values[name] = PaneFont(family, size if size is not None and low <= size <= high else 0)
    for field in fields(Preferences):
        key = _KEYS.get(field.name)
        if key is None:
            continue
        default = getattr(defaults, field.name)
        raw = qsettings.value(key, default)
        if isinstance(default, str):
            value = _text(raw, default)
            if field.name.endswith("_style"):
                value = pygments_style_or(value, default)
        elif field.name == "save_pause_s":
            number = _number(raw, float)
            low_s, high_s = SAVE_PAUSE_RANGE
            value = number if number is not None and (number == 0 or low_s <= number <= high_s) else default
        else:
            number = _number(raw, type(default))
            low_v, high_v = _RANGES[field.name]
            value = number if number is not None and low_v <= number <= high_v else default
        values[field.name] = value
    return Preferences(**values)


def write_preferences(qsettings: QSettings, preferences: Preferences) -> None:
    for name in _FONT_FIELDS:
        pane = name.removesuffix("_font")
        font: PaneFont = getattr(preferences, name)
        qsettings.setValue(f"text/{pane}_family", font.family)
        qsettings.setValue(f"text/{pane}_size", int(font.size))
    for name, key in _KEYS.items():
        qsettings.setValue(key, getattr(preferences, name))


def default_library() -> str | None:
    """The library chosen in Settings to open at start ("Open this library at start"), else None.

    Only the Settings choice: the command line and LYRICPAD_LIBRARY, which come before it, are
    `core.paths.library_path`'s to read.
    """
    chosen = _text(open_qsettings().value(_KEYS["default_library"], ""), "")
    return chosen or None


def language() -> str:
    """The language chosen in Settings (a code, or "" for the system's): `translations.install_translators`' setting."""
    return _text(open_qsettings().value(_KEYS["language"], ""), "")


RECENT_LIBRARIES_KEPT = 10
"""How many of the libraries the window opened are remembered (a lyricpad:// link looks in them)."""
_RECENT_LIBRARIES_KEY = "library/recent"


def recent_libraries(qsettings: QSettings | None = None) -> list[str]:
    """The library files the window opened lately, the most recent first (at most `RECENT_LIBRARIES_KEPT`)."""
    value = (qsettings or open_qsettings()).value(_RECENT_LIBRARIES_KEY, [])
    if isinstance(value, str):  # an INI file gives back a list of one as its one item
        value = [value]
    if not isinstance(value, list):
        return []
    paths = [item.strip() for item in value if isinstance(item, str) and item.strip()]
    return list(dict.fromkeys(paths))[:RECENT_LIBRARIES_KEPT]


def remember_library(path: str | os.PathLike) -> None:
    """Put the library file *path* first among `recent_libraries` (once; the oldest beyond the limit forgotten)."""
    where = os.path.realpath(os.path.expanduser(os.fspath(path)))
    settings = open_qsettings()
    kept = [where, *(p for p in recent_libraries(settings) if p != where)][:RECENT_LIBRARIES_KEPT]
    settings.setValue(_RECENT_LIBRARIES_KEY, kept)
    settings.sync()
