"""Lyric lines dragged out of the lyrics pane, and the Markdown blockquote they become in an article."""

from __future__ import annotations

import json

from PySide6.QtCore import QMimeData

from lyricpad.gui.quote_links_view import lines_reference

LYRIC_LINES_MIME = "application/x-lyricpad-lyric-lines"
"""Lines of a song's lyrics: JSON {"song_id", "first", "last", "lines": [text, ...]} (1-based, inclusive)."""


def lyric_lines_mime(song_id: str, first: int, last: int, lines: list[str]) -> QMimeData:
    """Lines *first*..*last* of a song, as plain text (for any other program) and as lyric lines."""
    mime = QMimeData()
    mime.setText("\n".join(lines))
    payload = {"song_id": song_id, "first": first, "last": last, "lines": lines}
    mime.setData(LYRIC_LINES_MIME, json.dumps(payload).encode("utf-8"))
    return mime


def dragged_lines(mime: QMimeData) -> tuple[int, int, list[str]] | None:
    """(first, last, lines) of lyric lines carried by *mime*; None when it carries none (or garbled ones)."""
    if not mime.hasFormat(LYRIC_LINES_MIME):
        return None
    try:
        payload = json.loads(bytes(mime.data(LYRIC_LINES_MIME).data()).decode("utf-8"))
        first, last, lines = int(payload["first"]), int(payload["last"]), [str(x) for x in payload["lines"]]
    except (ValueError, KeyError, TypeError):
        return None
    if not 1 <= first <= last or len(lines) != last - first + 1:
        return None
    return first, last, lines


def lyric_blockquote(first: int, last: int, lines: list[str]) -> str:
    """Lines *first*..*last* as a Markdown blockquote with its line reference as a caption line.

    Each line ends in a hard break ("\\"), so the article keeps the lyric lines as lines (a
    soft break would run them and the caption together into one sentence); blank lyric lines
    are left out, and the text is escaped so it renders exactly as the lyrics read.
    """
    from lyricpad.core.export.commonmark import escape_line  # the exporter's: loaded on a first drop

    quoted = [escape_line(line) for line in lines if line.strip()]
    caption = "— " + lines_reference(list(range(first, last + 1)))
    return "\n".join(f"> {line}\\" for line in quoted) + f"\n> {caption}"
