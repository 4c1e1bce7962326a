"""Speed measurements of the foundation, printed as a table; run: .venv/bin/python benchmarks/run.py

Each figure is a median of repeated runs, with a ratio to a baseline measured in the same run,
so results from different machines can be compared. Nothing here is a pass/fail test.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from lyricpad.core.anchoring import anchor_for_lines
from lyricpad.core.store import Library


def median_seconds(action, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


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
    song = lib.add_song("Many", lyrics=lyrics)
    with lib.write():
        for i in range(1, count + 1):
            lib.add_annotation(song.id, [anchor_for_lines(lyrics, i, i)], note=f"note {i}", tags=["t"])
    baseline = median_seconds(lambda: lib.song(song.id), 20)
    measured = median_seconds(lambda: lib.annotations(song.id), 5)
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
    song = lib.add_song("Many", lyrics=lyrics)
    with lib.write():
        for i in range(1, count + 1):
            lib.add_annotation(song.id, [anchor_for_lines(lyrics, i, i)], note=f"note {i}")
    lenses = [lens.id for lens in lib.lenses()]
    target = lib.annotations(song.id)[count // 2].id
    flips = iter(range(10_000))
    baseline = median_seconds(lambda: lib.set_lens(target, lenses[next(flips) % 2]), 20)
    session = Session(lib)
    window = MainWindow(session, settings=None)
    session.select_song(song.id)
    window.show()
    app.processEvents()

    def change() -> None:
        session.set_annotation_lens(target, lenses[next(flips) % 2])
        app.processEvents()

    measured = median_seconds(change, 20)
    window.close()
    session.close()
    return measured, baseline


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        rows = [
            ("CLI start: `lyricpad songs --json` vs `python -c 'import sqlite3'`", *cli_start(folder)),
            ("load 2,000 annotations of a song vs load the song", *load_annotations(folder)),
            (
                "window: re-lens 1 of 2,000 shown annotations vs the store's write alone",
                *window_update(folder),
            ),
        ]
    print(f"{'measurement':<72} {'measured':>10} {'baseline':>10} {'ratio':>8}")
    for name, measured, baseline in rows:
        print(f"{name:<72} {measured * 1000:>8.1f}ms {baseline * 1000:>8.2f}ms {measured / baseline:>8.1f}")


if __name__ == "__main__":
    main()
