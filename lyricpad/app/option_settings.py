"""Options remembered between runs: a frozen dataclass of str and bool fields kept in one QSettings group."""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from PySide6.QtCore import QSettings


def as_bool(value, default: bool) -> bool:
    """*value* as stored read back as a bool (*default* when it is neither a bool nor a string)."""
    # INI files give booleans back as the strings "true" and "false".
    if isinstance(value, bool):
        return value
    if isinstance(value, str):
        return value.strip().lower() in {"true", "1", "yes"}
    return default


def stored_fields(cls, group: str, settings: QSettings) -> dict:
    """The fields of dataclass *cls* as stored under *group*: its defaults for anything missing.

    Checking the values is the caller's: a stored string may be one no option knows.
    """
    values = {}
    for name, value in asdict(cls()).items():
        stored = settings.value(f"{group}/{name}", value)
        values[name] = as_bool(stored, value) if isinstance(value, bool) else str(stored)
    return values


def store_fields(options, group: str, settings: QSettings) -> None:
    """Remember every field of the dataclass *options* under *group*."""
    for name, value in asdict(options).items():
        settings.setValue(f"{group}/{name}", value)


def remembered_folder(group: str, settings: QSettings) -> str:
    """The folder last written to from *group*'s dialog, or ""."""
    value = settings.value(f"{group}/folder", "")
    return value if isinstance(value, str) else ""


def remember_folder(group: str, folder: str | Path, settings: QSettings) -> None:
    settings.setValue(f"{group}/folder", str(folder))
