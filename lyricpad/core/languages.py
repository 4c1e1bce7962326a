"""Languages as users write them ("German", "de", "Deutsch", "pt-BR") and as code wants them (ISO 639-1)."""

from __future__ import annotations

import functools
import re

from lyricpad.core.text import fold, normalise_line

DEFAULT = "en"
"""The language of a song that does not say (`songs.language` empty)."""

NAMES = {
    "ar": ("Arabic", "العربية"),
    "ca": ("Catalan", "català"),
    "cs": ("Czech", "čeština"),
    "cy": ("Welsh", "cymraeg"),
    "da": ("Danish", "dansk"),
    "de": ("German", "Deutsch"),
    "el": ("Greek", "ελληνικά"),
    "en": ("English", "English"),
    "es": ("Spanish", "español"),
    "fi": ("Finnish", "suomi"),
    "fr": ("French", "français"),
    "ga": ("Irish", "Gaeilge"),
    "he": ("Hebrew", "עברית"),
    "hi": ("Hindi", "हिन्दी"),
    "hu": ("Hungarian", "magyar"),
    "is": ("Icelandic", "íslenska"),
    "it": ("Italian", "italiano"),
    "ja": ("Japanese", "日本語"),
    "ko": ("Korean", "한국어"),
    "la": ("Latin", "latina"),
    "nl": ("Dutch", "Nederlands"),
    "no": ("Norwegian", "norsk"),
    "pl": ("Polish", "polski"),
    "pt": ("Portuguese", "português"),
    "ro": ("Romanian", "română"),
    "ru": ("Russian", "русский"),
    "sv": ("Swedish", "svenska"),
    "tr": ("Turkish", "Türkçe"),
    "uk": ("Ukrainian", "українська"),
    "zh": ("Chinese", "中文"),
}
"""ISO 639-1 code -> (English name, the language's own name)."""

_BY_NAME = {fold(name): code for code, names in NAMES.items() for name in names}
_CODE = re.compile(r"([a-z]{2,3})(?:[-_][a-z0-9]{2,8})*")


@functools.lru_cache(maxsize=256)  # asked once per line and word by the study view
def language_code(value: str | None) -> str:
    """The code of the language *value* names: "" (unsaid) is English, "German", "Deutsch", "de"
    and "de-AT" are "de"; a code not listed is kept ("gd"); any other name is returned folded."""
    text = fold(normalise_line(value or ""))
    if not text:
        return DEFAULT
    if text in _BY_NAME:
        return _BY_NAME[text]
    match = _CODE.fullmatch(text)
    if match:
        return match.group(1)
    return text


def language_name(value: str | None) -> str:
    """The English name of the language *value* names ("de" -> "German"); else *value* as given."""
    code = language_code(value)
    if code in NAMES:
        return NAMES[code][0]
    return normalise_line(value or "")


def not_a_language(option: str, value: str) -> str:
    """What to say of *value* given for *option* when it is not a language (see is_language)."""
    return f"{option} {value!r} is not a language: give its code (de, pt-BR) or its name (German, Deutsch)"


def is_language(value: str | None) -> bool:
    """Whether *value* reads as a language: a name this module knows ("German", "Deutsch") or a code
    ("de", "pt-BR", "gd": 2 or 3 letters, a region after them); not a misspelt name ("Germna")."""
    text = fold(normalise_line(value or ""))
    return bool(text) and (text in _BY_NAME or _CODE.fullmatch(text) is not None)
