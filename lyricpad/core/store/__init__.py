"""The library store: `Library` (connection, transaction, migrations) and one repository per entity."""

from lyricpad.core.store.common import MIN_ID_PREFIX, new_id, now
from lyricpad.core.store.fields import clean_colour
from lyricpad.core.store.library import (
    BACKUP_OF_KEY,
    LIBRARY_FILE_KEY,
    LIBRARY_ID_KEY,
    LIBRARY_PATH_KEY,
    SYNCHRONOUS,
    Library,
)
from lyricpad.core.store.opening import BUSY_TIMEOUT_MS

__all__ = [
    "BACKUP_OF_KEY",
    "BUSY_TIMEOUT_MS",
    "LIBRARY_FILE_KEY",
    "LIBRARY_ID_KEY",
    "LIBRARY_PATH_KEY",
    "MIN_ID_PREFIX",
    "SYNCHRONOUS",
    "Library",
    "clean_colour",
    "new_id",
    "now",
]
