"""Knowing a song is already in the library before it is imported again: same title, same lyrics."""

from __future__ import annotations

from collections.abc import Iterable

from lyricpad.core.models import Song
from lyricpad.core.text import fold, normalise_line, normalise_text


def lyrics_key(lyrics: str) -> str:
    """*lyrics* compared as a reader sees them: line endings, Unicode form, trailing spaces and blank
    lines at either end do not count (a song stored before the final newline was taken off still matches)."""
    lines = [line.rstrip() for line in normalise_text(lyrics).split("\n")]
    return "\n".join(lines).strip("\n")


def find_duplicate(songs: Iterable[Song], title: str, lyrics: str) -> Song | None:
    """The first of *songs* with the same title (case and spacing aside) and the same lyrics, or None.

    Two songs of one title with different lyrics (a live version) are not duplicates, nor are
    the same lyrics under another title (a cover the user names apart).
    """
    wanted_title = fold(normalise_line(title))
    if not wanted_title:
        return None
    wanted = lyrics_key(lyrics)
    for song in songs:
        if fold(normalise_line(song.title)) == wanted_title and lyrics_key(song.lyrics) == wanted:
            return song
    return None


def already_there(song: Song) -> str:
    """ "“Night Ferry” by Wren Alder": the song a duplicate matched, named by what is known of it
    (it may have been typed, pasted or imported: where its lyrics came from is not said)."""
    return f"“{song.title}” by {song.artist}" if song.artist else f"“{song.title}”"
