"""Where the library lives: --library, then $LYRICPAD_LIBRARY, then the platform's user data folder."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from lyricpad.core.errors import InvalidValue

ENV_LIBRARY = "LYRICPAD_LIBRARY"
LIBRARY_FILENAME = "library.sqlite"


def default_library_path() -> Path:
    """The platform's user data directory for lyricpad, plus library.sqlite."""
    return platformdirs.user_data_path("lyricpad", appauthor=False) / LIBRARY_FILENAME


def library_path(option: str | os.PathLike | None = None) -> Path:
    """The library file to use: the command-line option wins, then the environment, then the default."""
    if option is not None:
        if not str(option).strip():
            raise InvalidValue("--library needs the path of a library file, not an empty value")
        return _expand(option)
    from_env = os.environ.get(ENV_LIBRARY, "").strip()
    if from_env:
        return _expand(from_env)
    return default_library_path()


def _expand(path: str | os.PathLike) -> Path:
    try:
        return Path(path).expanduser()
    except RuntimeError:  # "~someone" where no user someone exists
        raise InvalidValue(f"cannot find the home folder in {os.fspath(path)!r}") from None
