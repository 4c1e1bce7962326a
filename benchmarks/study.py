"""The study view measured: syllable and rhyme accuracy on the labelled verses, and its speed; run: .venv/bin/python benchmarks/study.py [--json PATH]

Accuracy is scored on tests/data/study/verses (by tests/helpers/verse_set.py, as the tests do), per
language and per part of the set (tuned on, held out). Speed: loading CMUdict (the first call, in
this process), then the study of a 300-line song built from the verses, once loaded: with the
word caches emptied before each run (a song never seen) and warm (the same song again), and the
cost per line. Nothing here is pass/fail; the issue's target is under 50 ms for 300 lines.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from helpers.verse_set import load_verses, score  # noqa: E402
from timing import median_seconds  # noqa: E402  (benchmarks/timing.py)

from lyricpad.core import prosody, rhyme  # noqa: E402

SONG_LINES = 300
TARGET_MS = 50
REPEAT = 15


def song_of(verses, lines: int = SONG_LINES) -> str:
    """A song of *lines* lines: the English verses under their headers, blank lines between, the first
    verse repeated as a chorus after every third section."""
    out: list[str] = []
    english = [verse for verse in verses if verse.language == "en"]
    number = 0
    while len(out) < lines:
        verse = english[number % len(english)]
        out += [f"[{verse.name}]", *verse.lines, ""]
        number += 1
        if number % 3 == 0:
            out += ["[Chorus]", *english[0].lines, ""]
    return "\n".join(out[:lines])


def _clear_caches() -> None:
    for cached in (
        prosody.word_stress,
        rhyme.rhyme_quality,
        rhyme.spelling_key,
        rhyme._english_pronunciations,
    ):
        cached.cache_clear()


def _study_function():
    """study() as the window and `lyricpad study` call it."""
    from lyricpad.core.study import study

    return "study()", lambda text: study(text, language="en")


def accuracy(verses) -> list[dict]:
    rows = []
    for language in sorted({verse.language for verse in verses}):
        for part, chosen in (
            ("tuned on", [v for v in verses if v.language == language and not v.held_out]),
            ("held out", [v for v in verses if v.language == language and v.held_out]),
            ("all", [v for v in verses if v.language == language]),
        ):
            result = score(
                chosen,
                lambda text, lang: prosody.line_sound(text, lang).syllables,
                lambda lines, lang: [m.letter if m else None for m in rhyme.rhyme_scheme(lines, lang)],
            )
            rows.append(
                {
                    "language": language,
                    "part": part,
                    "lines": result.lines,
                    "syllables_exact": result.rate("exact"),
                    "syllables_within_one": result.rate("within_one"),
                    "rhyme_letters": result.rate("rhyme_right"),
                }
            )
    return rows


def speed(verses) -> dict:
    began = time.perf_counter()
    prosody.ensure_loaded()
    load = time.perf_counter() - began
    text = song_of(verses)
    name, run = _study_function()
    run(text)  # imports and pyphen dictionaries, once

    def cold() -> None:
        _clear_caches()
        run(text)

    cold_s = median_seconds(cold, REPEAT)
    warm_s = median_seconds(lambda: run(text), REPEAT)
    return {
        "measured": name,
        "dictionary_load_ms": load * 1000,
        "song_lines": SONG_LINES,
        "study_cold_caches_ms": cold_s * 1000,
        "study_warm_caches_ms": warm_s * 1000,
        "per_line_cold_us": cold_s / SONG_LINES * 1e6,
        "target_ms": TARGET_MS,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--json", metavar="PATH", help="also write the figures as JSON to PATH")
    args = parser.parse_args(argv)
    verses = load_verses()
    timing = speed(verses)  # first: the dictionary load is measured cold
    rows = accuracy(verses)
    print(f"Python {platform.python_version()}, {platform.machine()}")
    print()
    print("| language | part | lines | syllables exact | within one | rhyme letters |")
    print("|---|---|---:|---:|---:|---:|")
    for row in rows:
        print(
            f"| {row['language']} | {row['part']} | {row['lines']} | {row['syllables_exact']:.1%}"
            f" | {row['syllables_within_one']:.1%} | {row['rhyme_letters']:.1%} |"
        )
    print()
    print("| measure | time |")
    print("|---|---:|")
    print(f"| CMUdict load (first call, in process) | {timing['dictionary_load_ms']:.0f} ms |")
    print(
        f"| {timing['measured']}, {SONG_LINES}-line song, word caches emptied | {timing['study_cold_caches_ms']:.1f} ms |"
    )
    print(f"| the same, caches warm | {timing['study_warm_caches_ms']:.1f} ms |")
    print(f"| per line, caches emptied | {timing['per_line_cold_us']:.0f} µs |")
    print(f"| target for {SONG_LINES} lines, once loaded | < {TARGET_MS} ms |")
    if args.json:
        data = {
            "machine": platform.platform(),
            "python": platform.python_version(),
            "accuracy": rows,
            "speed": timing,
        }
        Path(args.json).write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
