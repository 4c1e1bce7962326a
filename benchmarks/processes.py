"""Benchmarks of whole processes: the window's start to its first paint, and `lyricpad songs --json`.

Every figure is the median of several runs, the measured process and its baseline run in turn
(interleaved), so that a slower moment of a shared machine touches both alike. The package is
compiled first (run.py does it), as an installed lyricpad is.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_WINDOW = Path(__file__).resolve().parent / "bare_window.py"


def _environment(home: Path) -> dict:
    """The processes' environment: offscreen Qt, and settings and data in a throwaway folder."""
    env = dict(os.environ)
    env.pop("LYRICPAD_LIBRARY", None)
    env.update(
        QT_QPA_PLATFORM="offscreen",
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
    )
    return env


def _seconds(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    took = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()[-500:]}")
    return took


def interleaved(commands: dict[str, list[str]], repeat: int) -> dict[str, float]:
    """The median seconds of each command, the commands run in turn *repeat* times (after one
    unmeasured warm-up round, so no figure pays for a cold disk cache)."""
    times: dict[str, list[float]] = {name: [] for name in commands}
    with tempfile.TemporaryDirectory(prefix="lyricpad-bench-") as home:
        env = _environment(Path(home))
        for round_ in range(repeat + 1):
            for name, command in commands.items():
                took = _seconds(command, env)
                if round_:
                    times[name].append(took)
    return {name: statistics.median(values) for name, values in times.items()}


def lyricpad(*args: str) -> list[str]:
    return [sys.executable, "-m", "lyricpad", *args]


def starts(demo: Path, big: Path, repeat: int) -> dict[str, float]:
    """Seconds from start to first paint and exit: bare window, lyricpad on the demo, on the big
    library; and of processes that only import Qt's widgets, or lyricpad's window (the floors)."""
    return interleaved(
        {
            "bare": [sys.executable, str(BARE_WINDOW)],
            "demo": lyricpad("--library", str(demo), "--smoke"),
            "big": lyricpad("--library", str(big), "--smoke"),
            # The floors: what importing Qt's widgets, and lyricpad's window modules, cost alone.
            "qt_import": [sys.executable, "-c", "import PySide6.QtWidgets"],
            "window_import": [sys.executable, "-c", "import lyricpad.gui.launch"],
        },
        repeat,
    )


LISTING = """
import json, sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.row_factory = sqlite3.Row
rows = conn.execute(
    "SELECT id, title, artist, album, year, language, lyrics_format, source_file, created, updated"
    " FROM songs WHERE deleted = 0 ORDER BY title"
).fetchall()
print(json.dumps([dict(row) for row in rows], ensure_ascii=False, indent=2))
"""
"""The floor of `songs --json`: a bare Python process printing the same listing (no line counts)."""


def songs_json(demo: Path, big: Path, repeat: int) -> dict[str, float]:
    """Seconds of `lyricpad songs --json` on the demo library and on the big library, and of a
    bare Python process printing the big library's listing as JSON (the floor)."""
    return interleaved(
        {
            "demo": lyricpad("--library", str(demo), "songs", "--json"),
            "big": lyricpad("--library", str(big), "songs", "--json"),
            "listing_big": [sys.executable, "-c", LISTING, str(big)],
        },
        repeat,
    )
