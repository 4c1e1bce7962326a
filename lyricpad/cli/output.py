"""How the commands print: JSON, numbered lines, and an annotation in a few lines of text.

Every human-readable line goes through `say`, which shows control characters escaped: titles,
notes and file names come from files anyone may have written.
"""

from __future__ import annotations

import json
import os
import re
import sys
import textwrap
from json.encoder import c_make_encoder, encode_basestring
from pathlib import Path
from typing import NamedTuple

from lyricpad.core.models import Annotation
from lyricpad.core.store import Library
from lyricpad.core.text import lines_label, show_controls

# JSON escapes C0 itself; DEL and C1 it leaves raw (ensure_ascii=False), though a terminal acts on them.
_RAW_IN_JSON = re.compile("[\x7f-\x9f]")


def say(text: str = "", *, file=None) -> None:
    """Print one human-readable line (or several), its control characters escaped."""
    print(show_controls(text), file=file)


def write_document(text: str) -> None:
    """An exported document on stdout: exact when it goes to a file or a pipe, its control
    characters escaped when it goes to a terminal (a note could otherwise clear or retitle it)."""
    sys.stdout.write(show_controls(text) if sys.stdout.isatty() else text)


def print_json(data) -> None:
    """*data* as JSON, exactly (DEL and C1 characters written as \\u escapes, as JSON allows)."""
    try:
        text = _rows_json(data)
    except _NotFlat:
        text = json.dumps(data, ensure_ascii=False, indent=2)
    sys.stdout.write(_RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
    sys.stdout.write("\n")


class _NotFlat(Exception):
    """The data is not a list of flat rows: `json.dumps` writes it."""


_SCALARS = frozenset({str, int, float, bool, type(None)})


def _row_encoder():
    """A flat dict as `json.dumps(indent=2)` writes it inside a list, but for its braces: json's C
    encoder (which json itself only uses without `indent`), made once, its items separated by a
    line break and the indent; the Python encoder where there is no C one."""
    separators = (": ", ",\n    ")
    if c_make_encoder is None:  # pragma: no cover - CPython has it
        return json.JSONEncoder(ensure_ascii=False, separators=separators[::-1]).encode
    encoder = c_make_encoder(
        None, json.JSONEncoder().default, encode_basestring, None, *separators, False, False, True
    )
    return lambda row: "".join(encoder(row, 0))


_encode_row = _row_encoder()


def _rows_json(data) -> str:
    """A list of flat dicts (strings, numbers, booleans, nulls) written exactly as `json.dumps(data,
    ensure_ascii=False, indent=2)` writes it, in a fraction of the time (that one is pure Python
    when it indents: `songs --json` of 10,000 songs spent most of its time there). Raises _NotFlat
    for anything else, which json.dumps then writes."""
    if type(data) is not list:
        raise _NotFlat
    rows = []
    for row in data:
        if type(row) is not dict or not set(map(type, row.values())) <= _SCALARS:
            raise _NotFlat
        rows.append("  {\n    " + _encode_row(row)[1:-1] + "\n  }" if row else "  {}")
    return "[\n" + ",\n".join(rows) + "\n]" if rows else "[]"


class MadeFolders(NamedTuple):
    """The folder a command writes into and the missing folders it makes on the way, top-most first."""

    folder: Path
    made: tuple[Path, ...]


def missing_folder(folder: Path) -> MadeFolders | None:
    """*folder* and its missing parents when it does not exist yet, so that a command writing there
    can say what it made; None when it exists."""
    if os.path.lexists(folder):
        return None
    missing = [folder]
    parent = folder.parent
    while parent != missing[-1] and not os.path.lexists(parent):
        missing.append(parent)
        parent = parent.parent
    return MadeFolders(folder, tuple(reversed(missing)))


def _made(created: MadeFolders | None) -> tuple[Path, ...]:
    return created.made if created is not None and created.folder.is_dir() else ()


def created_note(created: MadeFolders | None) -> str:
    """' (created folder F)' after a message, when the command made the folder it wrote into; its
    parents made with it are named too (' (created folder /a/b/c and its missing parents /a, /a/b)')."""
    made = _made(created)
    if not made:
        return ""
    if len(made) == 1:
        return f" (created folder {made[0]})"
    return f" (created folder {made[-1]} and its missing parents {', '.join(str(p) for p in made[:-1])})"


def with_created(data: dict, created: MadeFolders | None) -> dict:
    """*data* (a command's JSON report) with the folder it made (and every folder made, top-most first)."""
    made = _made(created)
    if made:
        data["created_folder"] = str(made[-1])
        data["created_folders"] = [str(path) for path in made]
    return data


def _where(annotation: Annotation) -> str:
    """'line 3', 'lines 3-4', or for several fragments 'lines 8, 22, 35-36'."""
    frags = annotation.fragments
    if len(frags) == 1:
        return lines_label(frags[0].line_start, frags[0].line_end)
    spans = [
        f"{f.line_start}" if f.line_start == f.line_end else f"{f.line_start}-{f.line_end}" for f in frags
    ]
    return "lines " + ", ".join(spans)


def song_time_text(ms: int) -> str:
    """A moment of the song as `annotate --time` takes it: m:ss, or m:ss.xx when it has hundredths."""
    minutes, rest = divmod(ms, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{minutes}:{seconds:02d}" + (f".{millis // 10:02d}" if millis // 10 else "")


def describe(annotation: Annotation, width: int = 72) -> str:
    frag = annotation.first
    where = _where(annotation)
    if annotation.time_ms is not None:
        where += f" at {song_time_text(annotation.time_ms)}"
    lens = annotation.lens.name if annotation.lens else "no lens"
    status = "" if annotation.status == "anchored" else f" [{annotation.status.replace('_', ' ')}]"
    if annotation.status == "needs_review" and annotation.proposal:
        p = annotation.proposal
        status += f" (proposed: {lines_label(p.line_start, p.line_end)})"
    trash = " [in trash]" if annotation.deleted else ""
    quote = " / ".join(frag.quote.split("\n"))
    lines = [
        f"{where}  {lens}{status}{trash}  ({annotation.id[:8]})",
        f"  “{textwrap.shorten(quote, width)}”",
    ]
    if annotation.note:
        first_line = annotation.note.strip().splitlines()[0]
        lines.append(f"  {textwrap.shorten(first_line, width)}")
    if annotation.tags:
        lines.append("  " + " ".join(f"#{t}" for t in annotation.tags))
    return "\n".join(lines)


def print_numbered(text: str) -> None:
    """Text with the line numbers --lines counts by."""
    lines = text.split("\n") if text else []
    width = len(str(len(lines)))
    for number, line in enumerate(lines, 1):
        say(f"{number:>{width}}  {line}".rstrip())


def print_annotations(library: Library, annotations: list[Annotation]) -> None:
    heading = None
    titles = {}
    for annotation in annotations:
        if annotation.target == "lyrics":
            current = "Lyrics"
        elif annotation.target == "translation":
            if "translation" not in titles:
                translation = library.translations.get(annotation.song_id)
                titles["translation"] = translation.title if translation else "Translation (removed)"
            current = titles["translation"]
        else:
            if annotation.article_id not in titles:
                titles[annotation.article_id] = (
                    library.articles.get(annotation.article_id).title or "(untitled)"
                )
            current = f"Article: {titles[annotation.article_id]}"
        if current != heading:
            heading = current
            say(f"\n{heading}")
        say(describe(annotation))
