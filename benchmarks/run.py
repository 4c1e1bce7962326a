"""lyricpad's benchmarks: run `.venv/bin/python benchmarks/run.py [--quick] [--json PATH]`.

The first table is issue 18's: every measure with its baseline taken in the same run (whole
processes interleaved with their baseline, medians of several runs), the ratio, the target and
whether it is met on this machine. The second table is the foundation's (reading, re-anchoring,
saving, checking), then quote-link detection and overlapping highlights. The libraries measured
are built once and cached (benchmarks/libraries.py). `--quick` runs every benchmark on small
libraries with few repeats (a test runs it so none rots): its figures say nothing about speed.
`--json PATH` also writes every figure, the machine and the targets as JSON.

Not run here: `benchmarks/bundle.py BUNDLE` measures a built standalone bundle (its size, and its
start against the installed app); `packaging/build-bundle` builds the bundle and runs it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import libraries  # noqa: E402  (benchmarks/libraries.py)

ISSUE_ROWS = (
    "start",
    "open_song",
    "add_annotation",
    "change_lens",
    "edit_middle_library",
    "edit_big_library",
    "long_text_stall",
    "start_big",
    "songs_json_big",
    "search",
    "export",
)
"""The ids of the first table's rows (issue 18's table), in its order."""


@dataclass(frozen=True)
class Sizes:
    songs: tuple[int, int, int]  # the libraries of the one-annotation edit; the last is the big one
    per_song: int
    song_lines: int
    article_words: int
    song_annotations: int
    long_lines: int
    exported: int
    process_repeat: int
    repeat: int
    settle_seconds: float


FULL = Sizes((100, 1000, 10_000), 10, 2000, 20_000, 2000, 100_000, 10_000, 7, 15, 2.0)
QUICK = Sizes((20, 60, 200), 10, 200, 2000, 200, 5000, 500, 2, 3, 0.3)


@dataclass
class Row:
    id: str
    measure: str
    baseline_name: str
    measured_ms: float
    baseline_ms: float
    target: str
    passed: bool

    @property
    def ratio(self) -> float:
        return self.measured_ms / self.baseline_ms if self.baseline_ms else float("inf")


def _row(id_, measure, baseline_name, measured, baseline, *, ratio=None, below_ms=None) -> Row:
    """A row from seconds; its target is a ratio to the baseline (at most) or a time (below)."""
    measured_ms, baseline_ms = measured * 1000, baseline * 1000
    if ratio is not None:
        target, passed = f"≤ {ratio:g}×", measured_ms <= ratio * baseline_ms
    else:
        target, passed = f"≤ {below_ms:g} ms", measured_ms <= below_ms
    return Row(id_, measure, baseline_name, measured_ms, baseline_ms, target, passed)


def issue_rows(sizes: Sizes, folder: Path, log, floors: dict[str, float]) -> list[Row]:
    import library_rows
    import processes
    import window_rows

    small, middle, big_count = sizes.songs
    log("building or finding the cached libraries...")
    demo = libraries.working_copy(libraries.demo(), folder)
    big = libraries.working_copy(libraries.sized(big_count, sizes.per_song), folder)
    by_size = {
        small: libraries.working_copy(libraries.sized(small, sizes.per_song), folder),
        middle: libraries.working_copy(libraries.sized(middle, sizes.per_song), folder),
        big_count: big,
    }
    song = libraries.working_copy(
        libraries.big_song(sizes.song_lines, sizes.article_words, sizes.song_annotations), folder
    )
    long = libraries.working_copy(libraries.long_text(sizes.long_lines), folder)
    export = libraries.working_copy(libraries.export_song(sizes.exported), folder)
    annotations = big_count * sizes.per_song
    rows = []
    log("whole processes: start to first paint...")
    start = processes.starts(demo, big, sizes.process_repeat)
    floors["python -c 'import PySide6.QtWidgets' (whole process)"] = start["qt_import"]
    floors["python -c 'import lyricpad.gui.launch' (whole process: the window's modules)"] = start[
        "window_import"
    ]
    floors["the bare window (whole process)"] = start["bare"]
    rows.append(
        _row(
            "start",
            "start to first painted window, demo library, whole process",
            "bare PySide6 window, a splitter of two text views",
            start["demo"],
            start["bare"],
            ratio=1.5,
        )
    )
    log("opening a big song...")
    shown = sizes.song_annotations
    rows.append(
        _row(
            "open_song",
            f"open a song of {sizes.song_lines:,} lines + {sizes.article_words:,}-word article"
            f" + {shown:,} annotations",
            "setPlainText of the same texts into bare views",
            *window_rows.open_song(song, sizes.repeat),
            ratio=3,
        )
    )
    import open_floors

    parts = open_floors.open_song_floors(song, sizes.repeat)
    floors.update(parts)
    floors["the three parts above together (open a big song)"] = sum(parts.values())
    log("one-annotation edits...")
    rows.append(
        _row(
            "add_annotation",
            f"add one annotation with {shown:,} shown",
            "the store's write alone",
            *window_rows.add_annotation(song, sizes.repeat),
            below_ms=16,
        )
    )
    rows.append(
        _row(
            "change_lens",
            f"change one annotation's lens with {shown:,} shown",
            "the store's write alone",
            *window_rows.change_lens(song, sizes.repeat),
            below_ms=16,
        )
    )
    edits = window_rows.edits_by_library(by_size, sizes.repeat)
    for name, n in (("middle", middle), ("big", big_count)):
        rows.append(
            _row(
                f"edit_{name}_library",
                f"one-annotation edit, {sizes.per_song} shown, library of {n:,} songs",
                f"the same edit, library of {small:,} songs",
                edits[n],
                edits[small],
                ratio=1.5,
            )
        )
    log("opening a long text...")
    rows.append(
        _row(
            "long_text_stall",
            f"open a {sizes.long_lines:,}-line text: longest event-loop stall",
            "bare setPlainText's stall",
            *window_rows.long_text_stall(long, max(1, sizes.repeat // 3), sizes.settle_seconds),
            below_ms=100,
        )
    )
    rows.append(
        _row(
            "start_big",
            f"window start on {big_count:,} songs / {annotations:,} annotations, whole process",
            "the same on the demo library",
            start["big"],
            start["demo"],
            ratio=2,
        )
    )
    log("lyricpad songs --json...")
    listed = processes.songs_json(demo, big, sizes.process_repeat)
    floors[f"a bare Python process printing the {big_count:,} songs' listing as JSON (sqlite3, json)"] = (
        listed["listing_big"]
    )
    rows.append(
        _row(
            "songs_json_big",
            f"`lyricpad songs --json` on that library ({big_count:,} songs)",
            "the same on the demo library",
            listed["big"],
            listed["demo"],
            ratio=1.5,
        )
    )
    log("search and export...")
    measured, baseline, floor = library_rows.search_first_page(big, libraries.COMMON_WORDS, sizes.repeat)
    floors[f"FTS5 MATCH of the notes ordered by bm25(), LIMIT 20 (all {annotations:,} matches ranked)"] = (
        floor
    )
    rows.append(
        _row(
            "search",
            f"search, a common word, {annotations:,} annotations, first page, in process",
            "FTS5 MATCH with the same LIMIT",
            measured,
            baseline,
            below_ms=50,
        )
    )
    measured, baseline, count = library_rows.export_annotations(export, max(3, sizes.repeat // 2))
    rows.append(
        _row(
            "export",
            f"export of {count:,} annotations (Markdown, with quote links)",
            "reading them",
            measured,
            baseline,
            below_ms=500,
        )
    )
    return rows


def foundation_rows(sizes: Sizes, folder: Path, log) -> list[tuple[str, float, float]]:
    import foundation
    import overlaps
    import quotes

    quick = sizes is QUICK
    log("the foundation's table...")
    rows = foundation.rows(folder, quick)
    cases = quotes.load_cases()
    score = quotes.score_set(cases)
    measured, baseline, placed, found = quotes.detection_time(cases)
    rows.append(
        (
            f"quote links, {quotes.ARTICLE_WORDS:,}-word article ({placed} quotations, {found} found)"
            f" vs rendering it; precision {score.precision:.3f}, recall {score.recall:.3f}",
            measured,
            baseline,
        )
    )
    log("overlapping highlights...")
    rows += overlaps.rows(200 if quick else 2000)
    log("the study view...")
    rows.append(study_row())
    return rows


def study_row() -> tuple[str, float, float]:
    """The study view of a 300-line song (dictionary loaded, word caches emptied) against colouring the
    same text with the lyrics lexer, which the window does anyway; the labelled set's accuracy in the name."""
    import study
    from pygments import lex

    from lyricpad.core.lexers import LyricsLexer

    verses = study.load_verses()
    timing = study.speed(verses)
    english = [row for row in study.accuracy(verses) if row["language"] == "en" and row["part"] == "all"]
    text = study.song_of(verses)
    lexer = LyricsLexer()
    baseline = study.median_seconds(lambda: sum(1 for _ in lex(text, lexer)), study.REPEAT)
    name = (
        f"study view, {study.SONG_LINES}-line song, dictionary loaded, vs colouring it with the lyrics lexer"
    )
    if english:
        name += (
            f"; English syllables exact {english[0]['syllables_exact']:.1%},"
            f" rhyme letters {english[0]['rhyme_letters']:.1%}"
        )
    return name, timing["study_cold_caches_ms"] / 1000, baseline


def machine() -> dict:
    import PySide6
    from PySide6.QtCore import qVersion

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "system": f"{platform.system()} {platform.release()}",
        "cpu": cpu,
        "cores": os.cpu_count(),
        "load_average": [round(x, 2) for x in os.getloadavg()] if hasattr(os, "getloadavg") else None,
        "python": platform.python_version(),
        "pyside6": PySide6.__version__,
        "qt": qVersion(),
        "sqlite": sqlite3.sqlite_version,
        "qt_platform": os.environ.get("QT_QPA_PLATFORM", ""),
    }


def _ms(ms: float) -> str:
    return f"{ms:,.0f} ms" if ms >= 100 else f"{ms:.1f} ms" if ms >= 1 else f"{ms:.2f} ms"


def issue_table(rows: list[Row]) -> str:
    lines = [
        "| measure | lyricpad | baseline | ratio | target | met |",
        "|---|---:|---|---:|---|---|",
    ]
    for row in rows:
        lines.append(
            f"| {row.measure} | {_ms(row.measured_ms)} | {row.baseline_name}: {_ms(row.baseline_ms)}"
            f" | {row.ratio:.2f}× | {row.target} | {'yes' if row.passed else '**no**'} |"
        )
    return "\n".join(lines)


def foundation_table(rows: list[tuple[str, float, float]]) -> str:
    lines = ["| measurement | measured | baseline | ratio |", "|---|---:|---:|---:|"]
    for name, measured, baseline in rows:
        ratio = measured / baseline if baseline else float("inf")
        lines.append(f"| {name} | {_ms(measured * 1000)} | {_ms(baseline * 1000)} | {ratio:.1f} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small libraries, few repeats (checks it runs)")
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON to PATH")
    args = parser.parse_args(argv)
    sizes = QUICK if args.quick else FULL
    began = time.perf_counter()

    def log(text: str) -> None:
        print(f"[{time.perf_counter() - began:6.1f} s] {text}", file=sys.stderr, flush=True)

    import compileall

    import lyricpad

    # As a user's install has it: the package compiled once (this machine does not write bytecode
    # on import, which would add ~260 ms to every start measured here).
    compileall.compile_dir(Path(lyricpad.__file__).parent, quiet=1)
    about = machine()
    with tempfile.TemporaryDirectory(prefix="lyricpad-bench-") as tmp:
        folder = Path(tmp)
        (folder / "issue").mkdir()
        (folder / "foundation").mkdir()
        floors: dict[str, float] = {}
        issue = issue_rows(sizes, folder / "issue", log, floors)
        assert [row.id for row in issue] == list(ISSUE_ROWS)
        second = foundation_rows(sizes, folder / "foundation", log)
    print(f"machine: {about['cpu']}, {about['cores']} cores, {about['system']}, Python {about['python']},")
    print(
        f"PySide6 {about['pyside6']} (Qt {about['qt']}), SQLite {about['sqlite']}{' (QUICK run)' if args.quick else ''}"
    )
    print()
    print(issue_table(issue))
    print()
    print("Floors, in the same run:")
    for name, seconds in floors.items():
        print(f"- {name}: {_ms(seconds * 1000)}")
    print()
    print(foundation_table(second))
    if args.json:
        data = {
            "quick": args.quick,
            "machine": about,
            "seconds": round(time.perf_counter() - began, 1),
            "issue": [{**asdict(row), "ratio": row.ratio if row.baseline_ms else None} for row in issue],
            "floors_ms": {name: seconds * 1000 for name, seconds in floors.items()},
            "foundation": [
                {
                    "measure": name,
                    "measured_ms": m * 1000,
                    "baseline_ms": b * 1000,
                    "ratio": m / b if b else None,
                }
                for name, m, b in second
            ],
        }
        Path(args.json).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
