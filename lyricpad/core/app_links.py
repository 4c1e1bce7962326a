"""Links into the app, ``lyricpad://song/SONG_ID#annotation-ANNOTATION_ID``: made for exports, parsed when opened.

A link names a song (and maybe one of its annotations) by the ids of the library that wrote it:
ids are per library, so a link opened on another library finds nothing. The parser is strict: a
link is only ever the form written here (the scheme and the host in any case, the ids as
`uuid.UUID` writes them, in either case), and anything else is refused with a message that says
what is wrong. File managers may hand over ``file://`` URIs too: `file_uri_path` makes them paths.
"""

from __future__ import annotations

import os
import re
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, unquote_to_bytes, urlsplit

from lyricpad.core.errors import LyricpadError
from lyricpad.core.probe import read_only_uri
from lyricpad.core.schema import APPLICATION_ID
from lyricpad.core.text import show_controls

SCHEME = "lyricpad"
HOST = "song"
FRAGMENT_PREFIX = "annotation-"
MAX_LINK_LENGTH = 256
"""No link written here is longer than 100 characters; a longer one is not ours."""

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
_SHOWN_CHARS = 120  # of a refused link, in its message


class InvalidAppLink(LyricpadError):
    """A ``lyricpad:`` link that is not of the form lyricpad writes; the message names the link and the problem."""


@dataclass(frozen=True)
class AppLink:
    """What a link names: a song, and maybe one of its annotations (None: the song alone)."""

    song_id: str
    annotation_id: str | None = None

    @property
    def url(self) -> str:
        return app_link(self.song_id, self.annotation_id)

    def __str__(self) -> str:
        return self.url


def is_app_link(text: str) -> bool:
    """True when *text* is meant as a link into the app (it starts with ``lyricpad:``), right or wrong."""
    return text[: len(SCHEME) + 1].lower() == SCHEME + ":"


def app_link(song_id: str, annotation_id: str | None = None) -> str:
    """The link to *song_id*, or to its annotation *annotation_id* (ids as the library has them)."""
    for what, value in (("song", song_id), ("annotation", annotation_id)):
        if value is not None and not _UUID.fullmatch(value):
            raise InvalidAppLink(f"a link names a {what} by its id, not {value!r}")
    link = f"{SCHEME}://{HOST}/{song_id.lower()}"
    return f"{link}#{FRAGMENT_PREFIX}{annotation_id.lower()}" if annotation_id else link


def parse_app_link(text: str) -> AppLink:
    """The song and annotation *text* names; raises InvalidAppLink saying what is wrong with it."""

    def refuse(problem: str) -> InvalidAppLink:
        shown = text if len(text) <= _SHOWN_CHARS else text[: _SHOWN_CHARS - 1] + "…"
        return InvalidAppLink(
            f"not a lyricpad link: {show_controls(shown)!r} {problem} "
            f"(a link is {SCHEME}://{HOST}/SONG_ID or {SCHEME}://{HOST}/SONG_ID#{FRAGMENT_PREFIX}ID)"
        )

    if len(text) > MAX_LINK_LENGTH:
        raise refuse(f"is {len(text)} characters long; no link is longer than {MAX_LINK_LENGTH}")
    if not text.isascii() or any(c.isspace() or not c.isprintable() for c in text):
        raise refuse("holds spaces, control characters or characters that are not ASCII")
    if "%" in text:
        raise refuse("is percent-encoded; ids never need it")
    scheme, rest = text.split(":", 1) if ":" in text else ("", text)
    if scheme.lower() != SCHEME:
        raise refuse(f"does not start with {SCHEME}://")
    if not rest.startswith("//"):
        raise refuse(f"does not start with {SCHEME}:// (two slashes)")
    parts = urlsplit(text)
    if parts.query or "?" in text:
        raise refuse("has a query (?…); a link has none")
    if parts.netloc.lower() != HOST:
        raise refuse(f"does not open a song: it should start with {SCHEME}://{HOST}/")
    segments = parts.path.split("/")[1:]  # the path starts with its "/"
    if not segments or segments == [""]:
        raise refuse("names no song: the song's id is missing")
    if len(segments) > 1:
        raise refuse("has more than one path segment after the song's id")
    song_id = segments[0]
    if not _UUID.fullmatch(song_id):
        raise refuse("does not name a song by its id")
    annotation_id = None
    if "#" in text:
        fragment = parts.fragment
        if not fragment.startswith(FRAGMENT_PREFIX):
            raise refuse(f"has a fragment other than #{FRAGMENT_PREFIX}ID")
        annotation_id = fragment[len(FRAGMENT_PREFIX) :]
        if not annotation_id:
            raise refuse("names no annotation: the id after #annotation- is missing")
        if not _UUID.fullmatch(annotation_id):
            raise refuse("does not name an annotation by its id")
        annotation_id = annotation_id.lower()
    return AppLink(song_id.lower(), annotation_id)


def is_file_uri(text: str) -> bool:
    """True when *text* is a ``file:`` URI, as some file managers hand over instead of a path."""
    return text[:5].lower() == "file:"


def file_uri_path(uri: str) -> str:
    """The local path of a ``file://`` URI (percent-decoded); raises InvalidAppLink for another machine's file."""
    parts = urlsplit(uri)
    if parts.scheme.lower() != "file" or parts.query or parts.fragment:
        raise InvalidAppLink(f"not a file URI: {show_controls(uri)!r}")
    if parts.netloc.lower() not in ("", "localhost"):
        raise InvalidAppLink(
            f"the file {show_controls(uri)!r} is on another machine ({parts.netloc}); only local files open"
        )
    if not parts.path.startswith("/"):
        raise InvalidAppLink(f"not a file URI with a whole path: {show_controls(uri)!r}")
    if sys.platform == "win32":  # file:///C:/Music/a.lrc
        path = unquote(parts.path)
        return os.path.normpath(path[1:] if re.match(r"/[A-Za-z]:", path) else path)
    return os.fsdecode(unquote_to_bytes(parts.path))  # the bytes of a file name that is not UTF-8


LOOKUP_TIMEOUT_S = 0.2
"""How long `library_holds_song` waits for a library another process has locked before passing it by."""


def library_holds_song(path: str | os.PathLike, song_id: str) -> bool:
    """Whether the lyricpad library at *path* holds the song *song_id* (not in its trash).

    Read through a connection that changes nothing (`probe.read_only_uri`: no -wal, -shm or
    -journal made, the file never written); a missing, damaged, locked or foreign file holds nothing.
    """
    where = Path(path)
    if not where.is_file():
        return False
    try:
        conn = sqlite3.connect(read_only_uri(where), uri=True, timeout=LOOKUP_TIMEOUT_S)
    except (sqlite3.Error, OSError, ValueError):
        return False
    try:
        (app_id,) = conn.execute("PRAGMA application_id").fetchone()
        if app_id != APPLICATION_ID:
            return False
        row = conn.execute("SELECT 1 FROM songs WHERE id = ? AND deleted = 0", (song_id,)).fetchone()
        return row is not None
    except sqlite3.Error:
        return False
    finally:
        conn.close()
