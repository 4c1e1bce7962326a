"""Reading lyrics and articles from text and Markdown files, refusing bad input with one clear message."""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from lyricpad.core.errors import ImportRefused
from lyricpad.core.text import normalise_line, normalise_text

MAX_IMPORT_BYTES = 10 * 1024 * 1024
"""Files bigger than this are refused before they are read (no lyrics or article comes near it)."""

IMPORT_SUFFIXES = {".txt": None, ".md": "article", ".markdown": "article"}
"""What can be imported, by lower-case suffix, and the kind it is (None: lyrics or article, ask)."""

_CONTROL_SHARE = 0.05
"""A text with more control characters than this share of its characters is taken for binary data."""
_ALLOWED_CONTROLS = frozenset("\t\n\r\f")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_ARTIST_TITLE_SEPARATORS = (" - ", " – ", " — ")
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")


def _name(path: str | os.PathLike) -> str:
    return f"“{Path(path).name or os.fspath(path)}”"


def _size(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB" if size >= 1024 * 1024 else f"{size:,} bytes"


def guess_kind(path: str | os.PathLike) -> str | None:
    """ "article" for Markdown, None for plain text (lyrics or article: ask); refuses anything else."""
    suffix = Path(path).suffix.lower()
    if suffix not in IMPORT_SUFFIXES:
        raise ImportRefused(
            f"{_name(path)} cannot be imported: lyricpad imports plain text (.txt) "
            "and Markdown (.md, .markdown) files."
        )
    return IMPORT_SUFFIXES[suffix]


def _decode(data: bytes, name: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                message = f"{name} cannot be decoded: it starts like {encoding} text but is not."
                raise ImportRefused(message) from None
    if b"\x00" in data:  # only UTF-16/32 text holds NUL bytes, and that starts with a BOM
        raise ImportRefused(f"{name} is not a text file (it holds binary data).")
    for encoding in ("utf-8", "cp1252"):
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError:
            continue
    raise ImportRefused(f"{name} cannot be decoded: it is neither UTF-8 nor Windows-1252 text.")


def read_text_file(path: str | os.PathLike) -> tuple[str, str]:
    """The text of the file at *path*, normalised, and the encoding it was decoded from.

    Encodings tried: UTF-8 (with or without BOM), UTF-16 with BOM, then cp1252.
    Raises `ImportRefused` for missing or unreadable paths, folders, files over
    `MAX_IMPORT_BYTES` (checked before reading), empty or whitespace-only files,
    binary data and undecodable bytes.
    """
    name = _name(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ImportRefused(f"{name} cannot be imported: there is no such file.") from None
    except OSError as exc:
        raise ImportRefused(f"{name} cannot be read: {exc.strerror or exc}.") from None
    if stat.S_ISDIR(info.st_mode):
        raise ImportRefused(f"{name} is a folder, not a file.")
    if not stat.S_ISREG(info.st_mode):
        raise ImportRefused(f"{name} is not a regular file.")
    if info.st_size > MAX_IMPORT_BYTES:
        raise ImportRefused(
            f"{name} is too big to import ({_size(info.st_size)}; the limit is {_size(MAX_IMPORT_BYTES)})."
        )
    if info.st_size == 0:
        raise ImportRefused(f"{name} is empty.")
    try:
        with open(path, "rb") as file:
            data = file.read(MAX_IMPORT_BYTES + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise ImportRefused(f"{name} cannot be read: {exc.strerror or exc}.") from None
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRefused(f"{name} is too big to import (the limit is {_size(MAX_IMPORT_BYTES)}).")

    text, encoding = _decode(data, name)
    controls = sum(1 for ch in text if (ch < " " or ch == "\x7f") and ch not in _ALLOWED_CONTROLS)
    if "\x00" in text or controls > len(text) * _CONTROL_SHARE:
        raise ImportRefused(f"{name} is not a text file (it holds binary data).")
    text = normalise_text(text)
    if not text.strip():
        raise ImportRefused(f"{name} holds only blank space: there is no text to import.")
    return text, encoding


def title_and_artist(path: str | os.PathLike) -> tuple[str, str]:
    """(title, artist) from a file name "Artist - Title.txt"; (file name without suffix, "") otherwise."""
    stem = normalise_line(Path(path).stem)
    for separator in _ARTIST_TITLE_SEPARATORS:
        artist, found, title = stem.partition(separator)
        if found and artist.strip() and title.strip():
            return title.strip(), artist.strip()
    return stem, ""


def split_markdown_title(text: str, fallback: str) -> tuple[str, str]:
    """(title, body) of a Markdown article: a leading "# heading" becomes the title and leaves the body.

    Without a leading heading the title is *fallback* (the file name) and the body is all of *text*.
    """
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        match = _ATX_HEADING.match(line)
        if match and normalise_line(match.group(1)):
            body = "\n".join(lines[index + 1 :]).lstrip("\n")
            return normalise_line(match.group(1)), body
        break
    return normalise_line(fallback), text
