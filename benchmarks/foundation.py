"""The foundation's speed, the second table of benchmarks/run.py: reading, re-anchoring, saving,
exporting, opening and checking, each against a baseline measured in the same run.

`rows(quick)` gives (name, measured seconds, baseline seconds); quick uses small sizes.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import libraries  # benchmarks/libraries.py
from timing import median_seconds  # benchmarks/timing.py

from lyricpad.core.anchoring import EditMap, anchor_for_lines, reanchor
from lyricpad.core.store import Library
from lyricpad.core.text import LineIndex


def cli_start(folder: Path, quick: bool = False) -> tuple[float, float]:
    """`lyricpad songs --json` against `python -c 'import sqlite3'`, both as new processes."""
    library = folder / "cli.sqlite"
    Library.open(library).close()
    repeat = 2 if quick else 7
    baseline = median_seconds(
        lambda: subprocess.run([sys.executable, "-c", "import sqlite3"], check=True), repeat
    )
    command = [sys.executable, "-m", "lyricpad", "--library", str(library), "songs", "--json"]
    measured = median_seconds(lambda: subprocess.run(command, check=True, capture_output=True), repeat)
    return measured, baseline


def load_annotations(folder: Path, count: int = 2000) -> tuple[float, float]:
    """Reading a song's `count` annotations, against reading the song row alone."""
    lib = Library.open(folder / "many.sqlite", seed_demo=False)
    lyrics = "\n".join(f"line {i} of the song, with some words" for i in range(count))
    song = lib.songs.add("Many", lyrics=lyrics)
    with lib.write():
        for i in range(1, count + 1):
            lib.annotations.add(song.id, [anchor_for_lines(lyrics, i, i)], note=f"note {i}", tags=["t"])
    baseline = median_seconds(lambda: lib.songs.get(song.id), 20)
    measured = median_seconds(lambda: lib.annotations.for_song(song.id), 5)
    lib.close()
    return measured, baseline


def _long_lyrics(lines: int) -> str:
    words = ["river", "lantern", "harbour", "tide", "salt", "water", "night", "light", "shore", "boat"]
    return "\n".join(
        f"{words[i % 10]} {words[(i * 7) % 10]} line {i} where the {words[(i * 3) % 10]} goes"
        for i in range(lines)
    )


def _reanchor_all(anchors, new: str, old: str) -> list:
    edit, index = EditMap(old, new), LineIndex(new)
    return [reanchor([a], "anchored", new, edit, index) for a in anchors]


def reanchoring(lines: int = 5000, count: int = 500, broken: int = 0) -> tuple[float, float]:
    """Re-anchoring `count` annotations on a `lines`-line text after an edit in its middle
    (`broken` of them have a word of their own changed, so they go through steps 2 and 3),
    against computing the diff alone."""
    old = _long_lyrics(lines)
    step = lines // count
    anchors = [anchor_for_lines(old, 1 + i * step, 1 + i * step) for i in range(count)]
    new_lines = old.split("\n")
    for i in range(broken):
        n = i * step * (count // broken)
        new_lines[n] = new_lines[n].replace(" line ", " lime ")
    new_lines.insert(lines // 2, "a new line typed in the middle")
    new = "\n".join(new_lines)
    results = _reanchor_all(anchors, new, old)
    assert sum(r.status == "anchored" for r in results) == count - broken
    baseline = median_seconds(lambda: EditMap(old, new), 5)
    measured = median_seconds(lambda: _reanchor_all(anchors, new, old), 5)
    return measured, baseline


def _bare_and_annotated(lib: Library, lyrics: str, lines: int, count: int):
    """Two songs of the same *lyrics* in *lib*: one bare, one with *count* one-line annotations spread evenly."""
    bare = lib.songs.add("Bare", lyrics=lyrics)
    song = lib.songs.add("Annotated", lyrics=lyrics)
    step = lines // count
    with lib.write():
        for i in range(count):
            lib.annotations.add(song.id, [anchor_for_lines(lyrics, 1 + i * step, 1 + i * step)])
    return bare, song


def store_reanchoring(folder: Path, lines: int = 5000, count: int = 500) -> tuple[float, float]:
    """Saving an edit of a `lines`-line song with `count` annotations (re-anchored and written
    in the same transaction), against saving the same edit of a song with none."""
    lib = Library.open(folder / "reanchor.sqlite", seed_demo=False)
    old = _long_lyrics(lines)
    bare, song = _bare_and_annotated(lib, old, lines, count)
    middle = f"line {lines // 2} "
    texts = [old.replace(middle, f"{middle}edit {k} ") for k in range(2)]
    state = {"k": 0}

    def edit(song_id):
        state["k"] ^= 1
        lib.songs.update(song_id, lyrics=texts[state["k"]])

    baseline = median_seconds(lambda: edit(bare.id), 5)
    measured = median_seconds(lambda: edit(song.id), 5)
    lib.close()
    return measured, baseline


def every_line_changed(lines: int = 5000, count: int = 500) -> tuple[float, float]:
    """Saving an edit that changes every line of a `lines`-line song (all `count` annotations go
    through the fuzzy search), against the same edit of a song with no annotations."""
    lib = Library.open(None, seed_demo=False)
    old = "\n".join(f"the line number {i} of the song goes here" for i in range(lines))
    bare, song = _bare_and_annotated(lib, old, lines, count)
    texts = [old, old.replace("the ", "The ")]
    state = {"bare": 0, "song": 0}

    def edit(song_id, key):
        state[key] ^= 1
        lib.songs.update(song_id, lyrics=texts[state[key]])

    baseline = median_seconds(lambda: edit(bare.id, "bare"), 3)
    measured = median_seconds(lambda: edit(song.id, "song"), 3)
    lib.close()
    return measured, baseline


def _annotated_library(folder: Path, count: int) -> Library:
    """A copy of the cached library of one song with *count* annotated lines (see libraries.export_song)."""
    return Library.open(libraries.working_copy(libraries.export_song(count), folder), seed_demo=False)


def open_library(folder: Path, count: int = 10_000) -> tuple[float, float]:
    """Opening a library of `count` annotations (its checks at open, then the writer),
    against a bare sqlite3 connection reading one row of it."""
    import sqlite3

    path = libraries.working_copy(libraries.export_song(count), folder)

    def bare() -> None:
        conn = sqlite3.connect(path)
        conn.execute("SELECT count(*) FROM songs").fetchone()
        conn.close()

    baseline = median_seconds(bare, 20)
    measured = median_seconds(lambda: Library.open(path).close(), 20)
    return measured, baseline


def search_index_check(folder: Path, count: int = 10_000) -> tuple[float, float]:
    """FTS5's integrity-check (content compared too) of a library of `count` annotations,
    against loading its annotations."""
    lib = _annotated_library(folder, count)
    song = lib.songs.all()[0]
    baseline = median_seconds(lambda: lib.annotations.for_song(song.id), 3)
    measured = median_seconds(lib.search.problems, 3)
    lib.close()
    return measured, baseline


def check_library_10k(folder: Path, count: int = 10_000) -> tuple[float, float]:
    """`lyricpad check` (pages, links, search index, every anchor) of `count` annotations,
    against loading them."""
    from lyricpad.core.check import check_library

    lib = _annotated_library(folder, count)
    song = lib.songs.all()[0]
    baseline = median_seconds(lambda: lib.annotations.for_song(song.id), 3)
    reader = lib.reader()
    measured = median_seconds(lambda: check_library(reader), 3)
    reader.close()
    lib.close()
    return measured, baseline


def rows(folder: Path, quick: bool) -> list[tuple[str, float, float]]:
    """The table's rows: (what, measured seconds, baseline seconds)."""
    n = 200 if quick else 2000  # annotations of a song
    lines, count = (500, 50) if quick else (5000, 500)
    big = 500 if quick else 10_000
    return [
        ("CLI start: `lyricpad songs --json` vs `python -c 'import sqlite3'`", *cli_start(folder, quick)),
        (f"load {n:,} annotations of a song vs load the song", *load_annotations(folder, n)),
        (
            f"re-anchor {count} annotations, {lines:,} lines, one line inserted vs the diff",
            *reanchoring(lines, count),
        ),
        (f"...with 20 of the {count} annotations' words edited vs the diff", *reanchoring(lines, count, 20)),
        (
            "save that edit of an annotated song vs of a bare one (store)",
            *store_reanchoring(folder, lines, count),
        ),
        (f"save an edit of every line, {count} annotations vs none", *every_line_changed(lines, count)),
        (f"open a library of {big:,} annotations vs a bare sqlite3 connection", *open_library(folder, big)),
        (f"search-index check, {big:,} annotations vs loading them", *search_index_check(folder, big)),
        (f"`lyricpad check`, {big:,} annotations vs loading them", *check_library_10k(folder, big)),
    ]
