"""A big library built in seconds (10,000 songs, 100,000 annotations), for tests and benchmarks of scale.

For tests (``from helpers.big_library import build_big_library``, tests/ is on sys.path); the
benchmarks build theirs through lyricpad's JSON import instead (benchmarks/libraries.py), which is
slower but measures what a user's import makes. Here the rows are written with
executemany in one transaction and the full-text indexes are rebuilt once at the end (their triggers
are dropped while the rows go in, then put back exactly as they were), so the library is one a user
could have made: every annotation's fragment is anchored on the words of its song's lyrics.

Titles and artists mix case and accents ("Éclair", "apple", "Zebra"...) so the song list's order
(case and accents ignored) is exercised; every title is unique.
"""

from __future__ import annotations

import random
import sqlite3
from pathlib import Path

from lyricpad.core.anchoring import CONTEXT_CHARS
from lyricpad.core.store import Library

_WORDS = (
    "lantern",
    "Éclair",
    "apple",
    "Zebra",
    "river",
    "ödland",
    "night",
    "Über",
    "echo",
    "álamo",
    "stone",
    "Café",
    "light",
    "wind",
    "Ångström",
    "harbour",
    "rain",
    "Ñandú",
    "ember",
    "oak",
)
_ARTISTS = ("", "The Weavers", "ada", "Ábaco", "zoë", "Björk Band", "", "nomad", "Élan", "quiet")
_TAGS = ("imagery", "rhyme", "chorus", "Élan", "question")


def song_lyrics(number: int, lines: int) -> str:
    """The lyrics of song *number*: *lines* lines, each different (no line repeats within a song)."""
    return "\n".join(
        f"line {i} of song {number} with {_WORDS[(number + i) % len(_WORDS)]}" for i in range(1, lines + 1)
    )


def build_big_library(
    path: str | Path,
    *,
    songs: int = 10_000,
    annotations: int = 100_000,
    lines: int = 12,
    trashed: int = 0,
    tagged_every: int = 10,
    seed: int = 18,
) -> Path:
    """Write a new library at *path* with *songs* songs and *annotations* annotations over their lyrics.

    Annotations are spread evenly (song k gets `annotations // songs`, the first ones one more when it
    does not divide), one line each (a song has at least as many *lines* as annotations); every
    *tagged_every*-th annotation has a tag. The last *trashed* songs are in the trash. Returns *path*.
    """
    path = Path(path)
    if path.exists():
        raise FileExistsError(f"{path} exists; the big library is built into a new file")
    per_song, extra = divmod(annotations, songs) if songs else (0, 0)
    lines = max(lines, per_song + (1 if extra else 0), 1)
    rng = random.Random(seed)
    library = Library.open(path, seed_demo=False)
    try:
        lens_ids = [lens.id for lens in library.lenses.all()]
        conn = library.db.conn
        with library.write():
            triggers = _drop_fts_triggers(conn)  # in the transaction: a failure puts them back
            song_rows, annotation_rows, fragment_rows, tag_rows = [], [], [], []
            tag_ids = {name: f"00000000-0000-4000-8000-{n:012d}" for n, name in enumerate(_TAGS)}
            made = 0
            for number in range(songs):
                song_id = f"{number:08x}-0000-4000-8000-{rng.getrandbits(48):012x}"
                stamp = f"2024-01-01T00:00:{number % 60:02d}.{number % 1000:03d}+00:00"
                title = f"{_WORDS[rng.randrange(len(_WORDS))]} {_WORDS[rng.randrange(len(_WORDS))]} {number}"
                lyrics = song_lyrics(number, lines)
                song_rows.append(
                    (
                        song_id,
                        title,
                        _ARTISTS[number % len(_ARTISTS)],
                        f"Album {number % 97}",
                        1960 + number % 60 if number % 3 else None,
                        "en",
                        lyrics,
                        stamp,
                        stamp,
                        int(number >= songs - trashed),
                    )
                )
                starts = _line_starts(lyrics)
                for line in range(1, per_song + (1 if number < extra else 0) + 1):
                    annotation_id = f"{number:08x}-{line:04x}-4000-8000-{rng.getrandbits(48):012x}"
                    start, end = starts[line - 1], starts[line] - 1
                    annotation_rows.append(
                        (
                            annotation_id,
                            song_id,
                            lens_ids[made % len(lens_ids)] if lens_ids else None,
                            f"note {made} on line {line} of song {number}",
                            stamp,
                            stamp,
                        )
                    )
                    fragment_rows.append(
                        (
                            annotation_id,
                            start,
                            end,
                            lyrics[start:end],
                            lyrics[max(0, start - CONTEXT_CHARS) : start],
                            lyrics[end : end + CONTEXT_CHARS],
                            line,
                            line,
                        )
                    )
                    if tagged_every and made % tagged_every == 0:
                        tag_rows.append((annotation_id, tag_ids[_TAGS[made // tagged_every % len(_TAGS)]]))
                    made += 1
            conn.executemany(
                "INSERT INTO tags (id, name, created) VALUES (?, ?, '2024-01-01T00:00:00.000+00:00')",
                [(tag_id, name) for name, tag_id in tag_ids.items()],
            )
            conn.executemany(
                "INSERT INTO songs (id, title, artist, album, year, language, lyrics, created, updated, deleted)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                song_rows,
            )
            conn.executemany(
                "INSERT INTO annotations (id, song_id, target, lens_id, note, created, updated)"
                " VALUES (?, ?, 'lyrics', ?, ?, ?, ?)",
                annotation_rows,
            )
            conn.executemany(
                "INSERT INTO fragments (annotation_id, position, char_start, char_end, quote, prefix, suffix,"
                " line_start, line_end) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?)",
                fragment_rows,
            )
            conn.executemany("INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)", tag_rows)
            for table in ("songs", "annotations", "fragments", "articles"):
                conn.execute(f"INSERT INTO {table}_fts ({table}_fts) VALUES ('rebuild')")
            for sql in triggers:
                conn.execute(sql)
    finally:
        library.close()
    return path


def _line_starts(text: str) -> list[int]:
    """Where each line of *text* starts, and one past the end (as if the text ended with a newline)."""
    starts = [0]
    for line in text.split("\n"):
        starts.append(starts[-1] + len(line) + 1)
    return starts


def _drop_fts_triggers(conn: sqlite3.Connection) -> list[str]:
    """Drop the triggers that keep the full-text indexes current; returns their SQL to put them back."""
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name IN"
        " ('songs', 'annotations', 'fragments', 'articles')"
    ).fetchall()
    for name, _sql in rows:
        conn.execute(f"DROP TRIGGER {name}")
    return [sql for _name, sql in rows]
