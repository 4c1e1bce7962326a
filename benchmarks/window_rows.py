"""Benchmarks of the window in this process: opening a big song, one-annotation edits, the longest
stall while a 100,000-line text opens; each against a baseline measured in the same run.

The window is built as the app builds it (a `Session` on a `Library`, a `MainWindow`, shown) on
the offscreen platform; only public behaviour is used (session edits, `select_song`, events).
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from timing import median_seconds  # noqa: E402  (benchmarks/timing.py)


def _quiet(mode, context, message: str) -> None:
    if "propagateSizeHints" not in message:  # the offscreen platform says so for every window
        print(message, file=sys.stderr)


def _app():
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    if app is None:
        qInstallMessageHandler(_quiet)
        app = QApplication([])
    return app


def settle() -> None:
    """Run what the last action posted (layout, paint), as the event loop would before the next input."""
    app = _app()
    app.processEvents()
    app.processEvents()


@contextmanager
def shown(widget):
    """*widget* shown at 1200 x 800 and settled; closed and deleted (and that settled) after."""
    widget.resize(1200, 800)
    widget.show()
    settle()
    try:
        yield widget
    finally:
        widget.close()
        widget.deleteLater()
        settle()


@contextmanager
def window_on(path: Path, song_id: str | None = None):
    """A shown main window on the library at *path* (the first song, or *song_id*)."""
    from lyricpad.app.session import Session
    from lyricpad.core.store import Library
    from lyricpad.gui.main_window import MainWindow

    _app()
    session = Session(Library.open(path, seed_demo=False))
    window = MainWindow(session, settings=None)
    session.select_song(song_id or session.songs()[0].id)
    try:
        with shown(window):
            yield session, window
    finally:
        session.close()


@contextmanager
def bare_views():
    """The baseline's window: a splitter of a plain-text view and a text browser, shown."""
    from PySide6.QtWidgets import QPlainTextEdit, QSplitter, QTextBrowser

    _app()
    splitter = QSplitter()
    lyrics, article = QPlainTextEdit(), QTextBrowser()
    splitter.addWidget(lyrics)
    splitter.addWidget(article)
    with shown(splitter):
        yield lyrics, article


def _song_ids(path: Path) -> dict[str, str]:
    from lyricpad.core.store import Library

    lib = Library.open(path, seed_demo=False)
    try:
        return {song.title: song.id for song in lib.songs.all()}
    finally:
        lib.close()


def open_song(path: Path, repeat: int) -> tuple[float, float]:
    """Opening the big song of *path* (lyrics, article, annotations) in the window, from a small
    one, until painted; against setPlainText of the same lyrics and article into bare views."""
    from lyricpad.core.store import Library

    ids = _song_ids(path)
    lib = Library.open(path, seed_demo=False)
    song = lib.songs.get(ids["Big"])
    body = lib.articles.for_song(song.id)[0].body
    lib.close()
    with bare_views() as (lyrics, article):

        def bare() -> None:
            lyrics.setPlainText(song.lyrics)
            article.setPlainText(body)
            settle()

        def clear() -> None:
            lyrics.setPlainText("")
            article.setPlainText("")
            settle()

        baseline = _median_between(bare, clear, repeat)
    with window_on(path, ids["Small"]) as (session, _window):

        def big() -> None:
            session.select_song(ids["Big"])
            settle()

        measured = _median_between(big, lambda: (session.select_song(ids["Small"]), settle()), repeat)
    return measured, baseline


def _median_between(action, reset, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        reset()
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def add_annotation(path: Path, repeat: int) -> tuple[float, float]:
    """Highlighting one more line of the big song, its annotations shown (undone between runs,
    outside the timing); against the same annotation added by the store alone."""
    from lyricpad.core.anchoring import anchor_for_lines
    from lyricpad.core.store import Library

    ids = _song_ids(path)
    lib = Library.open(path, seed_demo=False)
    lyrics = lib.songs.get(ids["Big"]).lyrics
    anchor = anchor_for_lines(lyrics, 2, 2)
    made = []
    baseline = median_seconds(
        lambda: made.append(lib.annotations.add(ids["Big"], [anchor], note="x")), repeat
    )
    with lib.write():
        for annotation in made:
            lib.annotations.set_deleted(annotation.id)
    lib.close()
    with window_on(path, ids["Big"]) as (session, _window):

        def add() -> None:
            session.annotation_edits.create(ids["Big"], [anchor], note="x")
            settle()

        def undo() -> None:
            if session.undo_stack.canUndo():
                session.undo_stack.undo()
            settle()

        measured = _median_between(add, undo, repeat)
    return measured, baseline


def _flip_lens(session, lib, song_id: str, repeat: int) -> tuple[float, float]:
    lenses = [lens.id for lens in lib.lenses.all()]
    shown = lib.annotations.for_song(song_id)
    target = shown[len(shown) // 2].id
    flips = iter(range(1_000_000))
    baseline = median_seconds(lambda: lib.annotations.set_lens(target, lenses[next(flips) % 2]), repeat)

    def change() -> None:
        session.annotation_edits.set_lens(target, lenses[next(flips) % 2])
        settle()

    change()  # the first change builds what later ones reuse
    return median_seconds(change, repeat), baseline


def change_lens(path: Path, repeat: int) -> tuple[float, float]:
    """Changing the lens of one of the big song's annotations, all shown (window redraw included);
    against the same change written by the store alone."""
    ids = _song_ids(path)
    with window_on(path, ids["Big"]) as (session, _window):
        return _flip_lens(session, session.library, ids["Big"], repeat)


def edits_by_library(paths: dict[int, Path], repeat: int, passes: int = 3) -> dict[int, float]:
    """Changing the lens of one of a song's 10 annotations in a window on each library of *paths*
    (songs -> file): one window at a time, the libraries taken in turn *passes* times (so a busier
    moment of the machine touches each alike), the median of all the edits on each."""
    times: dict[int, list[float]] = {size: [] for size in paths}
    for _ in range(passes):
        for size, path in paths.items():
            with window_on(path) as (session, _window):
                lenses = [lens.id for lens in session.library.lenses.all()]
                shown = session.library.annotations.for_song(session.current_song_id)
                target = shown[len(shown) // 2].id
                for n in range(max(2, repeat // passes) + 1):
                    start = time.perf_counter()
                    session.annotation_edits.set_lens(target, lenses[n % 2])
                    settle()
                    if n:  # the first edit builds what later ones reuse
                        times[size].append(time.perf_counter() - start)
    return {size: statistics.median(values) for size, values in times.items()}


def longest_stall(action, settle_seconds: float) -> float:
    """The longest time the event loop did not turn (between two ticks of a 2 ms heartbeat) while
    *action* runs from the loop and for *settle_seconds* after it (work done later in slices counts)."""
    from PySide6.QtCore import QEventLoop, QTimer

    ticks: list[float] = []
    heartbeat = QTimer()
    heartbeat.setInterval(2)
    heartbeat.timeout.connect(lambda: ticks.append(time.perf_counter()))
    loop = QEventLoop()
    heartbeat.start()
    QTimer.singleShot(50, action)
    QTimer.singleShot(50 + int(settle_seconds * 1000), loop.quit)
    loop.exec()
    heartbeat.stop()
    return max(b - a for a, b in zip(ticks, ticks[1:], strict=False))


def long_text_stall(path: Path, repeat: int, settle_seconds: float) -> tuple[float, float]:
    """The longest event-loop stall while the 100,000-line song opens in the window (from a small
    song); against the stall of setPlainText of the same text into a bare view."""
    from lyricpad.core.store import Library

    ids = _song_ids(path)
    lib = Library.open(path, seed_demo=False)
    text = lib.songs.get(ids["Long"]).lyrics
    lib.close()
    bare, measured = [], []
    with bare_views() as (lyrics, _article):
        for _ in range(repeat):
            lyrics.setPlainText("")
            settle()
            bare.append(longest_stall(lambda: lyrics.setPlainText(text), settle_seconds))
    with window_on(path, ids["Small"]) as (session, _window):
        for _ in range(repeat):
            session.select_song(ids["Small"])
            settle()
            measured.append(longest_stall(lambda: session.select_song(ids["Long"]), settle_seconds))
    return statistics.median(measured), statistics.median(bare)
