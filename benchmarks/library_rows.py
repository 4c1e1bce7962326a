"""Benchmarks of the library in this process: a search's first page, and an export; each against
the SQLite work it cannot do without, measured in the same run (the two taken in turn)."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from lyricpad.core.store import Library

FIRST_PAGE = 20


def in_turn(measured, baseline, repeat: int) -> tuple[float, float]:
    """Median seconds of *measured* and of *baseline* (called with the round's number), run in turn."""
    times: tuple[list[float], list[float]] = ([], [])
    for n in range(repeat):
        for action, kept in ((baseline, times[1]), (measured, times[0])):
            start = time.perf_counter()
            action(n)
            kept.append(time.perf_counter() - start)
    return statistics.median(times[0]), statistics.median(times[1])


def search_first_page(path: Path, words: tuple[str, str], repeat: int) -> tuple[float, float, float]:
    """The first page of a library search for a word found everywhere (ranking, titles, snippets),
    two such *words* in turn, so that no search finds the last one's ranking kept; against an FTS5
    MATCH of the notes' index with the same LIMIT; and the floor of ranking: the same MATCH ordered
    by bm25 (every match of the notes' index ranked)."""
    lib = Library.open(path, seed_demo=False)
    try:
        for word in words:
            if not lib.search.find(word, limit=FIRST_PAGE):
                raise RuntimeError(f"the search for {word!r} found nothing")

        def bare(n: int) -> None:
            lib.tuples(
                "SELECT rowid FROM annotations_fts WHERE annotations_fts MATCH ? LIMIT ?",
                [words[n % 2], FIRST_PAGE],
            )

        measured, baseline = in_turn(lambda n: lib.search.find(words[n % 2], limit=FIRST_PAGE), bare, repeat)

        def ranked(n: int) -> None:  # the floor of a ranked search: bm25 of every match of one index
            lib.tuples(
                "SELECT rowid, bm25(annotations_fts) AS r FROM annotations_fts"
                " WHERE annotations_fts MATCH ? ORDER BY r LIMIT ?",
                [words[n % 2], FIRST_PAGE],
            )

        floor, _ = in_turn(ranked, bare, repeat)
        return measured, baseline, floor
    finally:
        lib.close()


def export_annotations(path: Path, repeat: int) -> tuple[float, float, int]:
    """Exporting the song of *path* (all its annotations, each mentioning the article quoting its
    line when one does) to Markdown; against reading its annotations."""
    from lyricpad.core.export import export_markdown

    lib = Library.open(path, seed_demo=False)
    try:
        song = lib.songs.all()[0]
        count = len(lib.annotations.for_song(song.id))
        measured, baseline = in_turn(
            lambda _n: export_markdown(lib, song.id), lambda _n: lib.annotations.for_song(song.id), repeat
        )
    finally:
        lib.close()
    return measured, baseline, count
