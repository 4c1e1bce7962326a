"""The folder of a library's Markdown export: the files an earlier export wrote there, and the names to use.

A re-export finds each song's file again by the ``lyricpad_id`` of its front matter (and the
index by its ``lyricpad_ids``), so a vault keeps one note per song; no other file is ever
replaced. Files are only opened when regular and not held by an open library (see `livefiles`).
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lyricpad.core import livefiles
from lyricpad.core.export.files import safe_file_stem
from lyricpad.core.models import Song

INDEX_NAME = "index.md"
_ID_LINE = re.compile(r'^lyricpad_id: "([0-9a-fA-F-]{36})"$', re.MULTILINE)
_INDEX_LINE = re.compile(r"^lyricpad_ids:", re.MULTILINE)
_HEAD = 4096
"""How much of a Markdown file is read to find its front matter."""


def _front_matter_text(path: Path) -> str | None:
    """The front matter of a file in an export folder (fences left out), or None when it has none.

    Only regular files are opened, and never one an open library of this process holds (see
    `livefiles`): reading a named pipe would block for ever, and a plain `open()` of the library
    would drop SQLite's locks on it.
    """
    try:
        head = livefiles.read_head(path, _HEAD)
    except livefiles.PathRefused:
        return None
    text = head.decode("utf-8", errors="replace").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 3)
    return text[: end if end != -1 else len(text)]


@dataclass
class ExportFolder:
    """What a folder holds before an export: every name in it, and the files lyricpad wrote there."""

    names: set[str]
    """Every entry of the folder (files, folders, pipes...), casefolded: a name in use is never reused."""
    songs: dict[str, Path]
    """Song id -> the song file of an earlier export (its front matter has `lyricpad_id`)."""
    indexes: set[str]
    """Names of the index files of earlier exports (their front matter has `lyricpad_ids`)."""


def scan_export_folder(folder: Path) -> ExportFolder:
    """Look at *folder* before an export into it: which names are taken, which files lyricpad wrote."""
    found = ExportFolder(set(), {}, set())
    try:
        names = sorted(os.listdir(folder))
    except (OSError, ValueError):  # missing, or not a folder: the export creates it (or says why not)
        return found
    for name in names:
        found.names.add(name.casefold())
        if not name.endswith(".md"):
            continue
        head = _front_matter_text(folder / name)
        if head is None:
            continue
        match = _ID_LINE.search(head)
        if match:
            found.songs.setdefault(match[1].lower(), folder / name)
        elif _INDEX_LINE.search(head):
            found.indexes.add(name)
    return found


def existing_song_files(folder: Path) -> dict[str, Path]:
    """Song id -> the Markdown file of an earlier export in *folder* (read from its front matter).

    A re-export writes over these files, under their names, so a vault keeps one note per song
    (and the links to it) even after the song was renamed. Files this process holds and anything
    but regular files (a named pipe) are never opened.
    """
    return scan_export_folder(Path(folder)).songs


def _names(first: str, stem: str, suffix: str) -> Iterator[str]:
    """*first*, then "stem.suffix", "stem 2.suffix", "stem 3.suffix"... for ever."""
    yield first
    yield f"{stem}{suffix}"
    for n in itertools.count(2):
        yield f"{stem} {n}{suffix}"


def song_file_name(song: Song, taken: set[str]) -> str:
    """'Title - Artist.md', made safe for every file system, or the first name not in *taken* (casefolded).

    The next names are 'Title - Artist (1a2b3c4d).md' (the start of the song's id), then
    'Title - Artist (1a2b3c4d) 2.md'...: the same folder gives the same name every time.
    """
    base = safe_file_stem(f"{song.title} - {song.artist}" if song.artist else song.title)
    names = _names(f"{base}.md", f"{base} ({song.id[:8]})", ".md")
    return next(name for name in names if name.casefold() not in taken)


def index_file_name(folder: ExportFolder, index_name: str = INDEX_NAME) -> str:
    """The name of the index in a folder: an index lyricpad wrote there, else the first name not in use.

    Tried in order: *index_name*, 'index (lyricpad).md', 'index (lyricpad) 2.md'...; a file
    there that is not a lyricpad index (a hand-written index.md) is never replaced.
    """
    stem, dot, suffix = index_name.rpartition(".")
    stem, suffix = (stem, dot + suffix) if stem else (index_name, "")
    names = _names(index_name, f"{stem} (lyricpad)", suffix)
    free = None
    for name in itertools.islice(names, len(folder.names) + 1):  # one of these is free
        if name in folder.indexes:
            return name
        if free is None and name.casefold() not in folder.names:
            free = name
    return free
