"""Speed measurements of the foundation, printed as a table; run: .venv/bin/python benchmarks/run.py

Each figure is a median of repeated runs, with a ratio to a baseline measured in the same run,
so results from different machines can be compared. Nothing here is a pass/fail test.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from timing import median_seconds  # benchmarks/timing.py

from lyricpad.core.anchoring import EditMap, anchor_for_lines, reanchor
from lyricpad.core.store import Library
from lyricpad.core.text import LineIndex


def cli_start(folder: Path) -> tuple[float, float]:
    """`lyricpad songs --json` against `python -c 'import sqlite3'`, both as new processes."""
    library = folder / "cli.sqlite"
    Library.open(library).close()
    baseline = median_seconds(lambda: subprocess.run([sys.executable, "-c", "import sqlite3"], check=True), 7)
    command = [sys.executable, "-m", "lyricpad", "--library", str(library), "songs", "--json"]
    measured = median_seconds(lambda: subprocess.run(command, check=True, capture_output=True), 7)
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


def window_update(folder: Path, count: int = 2000) -> tuple[float, float]:
    """Changing the lens of one of `count` annotations on screen (window redraw included),
    against the same change written by the store alone."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from lyricpad.app.session import Session
    from lyricpad.gui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    lib = Library.open(folder / "window.sqlite", seed_demo=False)
    lyrics = "\n".join(f"line {i} of the song, with some words" for i in range(count))
    song = lib.songs.add("Many", lyrics=lyrics)
    with lib.write():
        for i in range(1, count + 1):
            lib.annotations.add(song.id, [anchor_for_lines(lyrics, i, i)], note=f"note {i}")
    lenses = [lens.id for lens in lib.lenses.all()]
    target = lib.annotations.for_song(song.id)[count // 2].id
    flips = iter(range(10_000))
    baseline = median_seconds(lambda: lib.annotations.set_lens(target, lenses[next(flips) % 2]), 20)
    session = Session(lib)
    window = MainWindow(session, settings=None)
    session.select_song(song.id)
    window.show()
    app.processEvents()

    def change() -> None:
        session.annotation_edits.set_lens(target, lenses[next(flips) % 2])
        app.processEvents()

    measured = median_seconds(change, 20)
    window.close()
    session.close()
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


def store_reanchoring(folder: Path, lines: int = 5000, count: int = 500) -> tuple[float, float]:
    """Saving an edit of a `lines`-line song with `count` annotations (re-anchored and written
    in the same transaction), against saving the same edit of a song with none."""
    lib = Library.open(folder / "reanchor.sqlite", seed_demo=False)
    old = _long_lyrics(lines)
    bare = lib.songs.add("Bare", lyrics=old)
    song = lib.songs.add("Annotated", lyrics=old)
    step = lines // count
    with lib.write():
        for i in range(count):
            lib.annotations.add(song.id, [anchor_for_lines(old, 1 + i * step, 1 + i * step)])
    texts = [old.replace("line 2500 ", f"line 2500 edit {k} ") for k in range(2)]
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
    bare = lib.songs.add("Bare", lyrics=old)
    song = lib.songs.add("Annotated", lyrics=old)
    step = lines // count
    with lib.write():
        for i in range(count):
            lib.annotations.add(song.id, [anchor_for_lines(old, 1 + i * step, 1 + i * step)])
    texts = [old, old.replace("the ", "The ")]
    state = {"bare": 0, "song": 0}

    def edit(song_id, key):
        state[key] ^= 1
        lib.songs.update(song_id, lyrics=texts[state[key]])

    baseline = median_seconds(lambda: edit(bare.id, "bare"), 3)
    measured = median_seconds(lambda: edit(song.id, "song"), 3)
    lib.close()
    return measured, baseline


def export_markdown_10k(folder: Path, count: int = 10_000) -> tuple[float, float]:
    """Exporting a song with `count` annotations to Markdown (blog), against reading its annotations.
    A third of the notes are plain, a third inline Markdown, a third have a list."""
    from lyricpad.core.export import export_markdown

    lib = Library.open(folder / "export.sqlite", seed_demo=False)
    lyrics = "\n".join(f"line {i} of the song, with some words" for i in range(count))
    song = lib.songs.add("Many", artist="Band: x", lyrics=lyrics)
    notes = [
        "A plain note about line {i}.",
        "Some *emphasis* and a [link](https://example.com/{i}).",
        "A list:\n\n- line {i}\n- more",
    ]
    with lib.write():
        for i in range(1, count + 1):
            lib.annotations.add(
                song.id, [anchor_for_lines(lyrics, i, i)], note=notes[i % 3].format(i=i), tags=["t"]
            )
    baseline = median_seconds(lambda: lib.annotations.for_song(song.id), 3)
    measured = median_seconds(lambda: export_markdown(lib, song.id), 3)
    lib.close()
    return measured, baseline


def _annotated_library(path: Path, count: int) -> Library:
    lib = Library.open(path, seed_demo=False)
    lyrics = "\n".join(f"line {i} of the song, with some words" for i in range(count))
    song = lib.songs.add("Many", lyrics=lyrics)
    with lib.write():
        for i in range(1, count + 1):
            lib.annotations.add(song.id, [anchor_for_lines(lyrics, i, i)], note=f"note {i} about the sea")
    return lib


def open_library(folder: Path, count: int = 10_000) -> tuple[float, float]:
    """Opening a library of `count` annotations (read-only probe with quick_check, then the writer),
    against a bare sqlite3 connection reading one row of it."""
    import sqlite3

    path = folder / "open.sqlite"
    _annotated_library(path, count).close()

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
    lib = _annotated_library(folder / "fts.sqlite", count)
    song = lib.songs.all()[0]
    baseline = median_seconds(lambda: lib.annotations.for_song(song.id), 3)
    measured = median_seconds(lib.search.problems, 3)
    lib.close()
    return measured, baseline


def check_library_10k(folder: Path, count: int = 10_000) -> tuple[float, float]:
    """`lyricpad check` (pages, links, search index, every anchor) of `count` annotations,
    against loading them."""
    from lyricpad.core.check import check_library

    lib = _annotated_library(folder / "check.sqlite", count)
    song = lib.songs.all()[0]
    baseline = median_seconds(lambda: lib.annotations.for_song(song.id), 3)
    reader = lib.reader()
    measured = median_seconds(lambda: check_library(reader), 3)
    reader.close()
    lib.close()
    return measured, baseline


def main() -> None:
    import compileall

    import lyricpad

    # As a user's install has it: the package compiled once (this machine does not write
    # bytecode on import, which would add ~260 ms to every start measured below).
    compileall.compile_dir(Path(lyricpad.__file__).parent, quiet=1)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = [
            ("CLI start: `lyricpad songs --json` vs `python -c 'import sqlite3'`", *cli_start(folder)),
            ("load 2,000 annotations of a song vs load the song", *load_annotations(folder)),
            ("re-anchor 500 annotations, 5,000 lines, one line inserted vs the diff", *reanchoring()),
            ("...with 20 of the 500 annotations' words edited vs the diff", *reanchoring(broken=20)),
            ("save that edit of an annotated song vs of a bare one (store)", *store_reanchoring(folder)),
            ("save an edit of every line, 500 annotations vs none", *every_line_changed()),
            ("export 10,000 annotations to Markdown vs loading them", *export_markdown_10k(folder)),
            ("open a library of 10,000 annotations vs a bare sqlite3 connection", *open_library(folder)),
            ("search-index check, 10,000 annotations vs loading them", *search_index_check(folder)),
            ("`lyricpad check`, 10,000 annotations vs loading them", *check_library_10k(folder)),
            (
                "window: re-lens 1 of 2,000 shown annotations vs the store's write alone",
                *window_update(folder),
            ),
        ]
    print(f"{'measurement':<72} {'measured':>10} {'baseline':>10} {'ratio':>8}")
    for name, measured, baseline in rows:
        print(f"{name:<72} {measured * 1000:>8.1f}ms {baseline * 1000:>8.2f}ms {measured / baseline:>8.1f}")
    import quotes  # benchmarks/quotes.py: quote-link precision, recall and speed

    quotes.main()
    import overlaps  # benchmarks/overlaps.py: layering overlapping highlights

    overlaps.main()


if __name__ == "__main__":
    main()
