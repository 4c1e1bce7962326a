"""The labelled verses in tests/data/study/verses: loading, the tuning/held-out split, and scoring.

Shared by tests/core/test_prosody.py, tests/core/test_rhyme.py and benchmarks/study.py, so all
score the same way. See the set's README.md for the labelling conventions.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / "data" / "study" / "verses"


@dataclass(frozen=True)
class Verse:
    """One labelled section: its lines, their accepted syllable counts and the hand-marked scheme."""

    file: str
    language: str
    held_out: bool
    name: str
    lines: tuple[str, ...]
    syllables: tuple[tuple[int, ...], ...]
    rhyme: str


def load_verses() -> list[Verse]:
    """Every labelled section; in each language, the last third of the files (by name) is held out, and every indep-* file."""
    files = sorted(DATA.glob("*.json"))
    by_language: dict[str, list[Path]] = {}
    documents = {path: json.loads(path.read_text(encoding="utf-8")) for path in files}
    for path, document in documents.items():
        by_language.setdefault(document["language"], []).append(path)
    verses = []
    for language, paths in by_language.items():
        # indep-* files (an independent writer's set) are always held out and leave the split of the others as it was
        tuned = round(len([path for path in paths if not path.name.startswith("indep-")]) * 2 / 3)
        for number, path in enumerate(paths):
            for section in documents[path]["sections"]:
                counts = tuple(
                    tuple(count) if isinstance(count, list) else (count,) for _, count in section["lines"]
                )
                verses.append(
                    Verse(
                        path.name,
                        language,
                        number >= tuned or path.name.startswith("indep-"),
                        section["name"],
                        tuple(text for text, _ in section["lines"]),
                        counts,
                        section["rhyme"],
                    )
                )
    return verses


@dataclass
class Score:
    lines: int = 0
    exact: int = 0
    within_one: int = 0
    rhyme_right: int = 0
    misses: list = None  # (file, line text, expected, got) of syllable counts off, and of rhyme letters

    def rate(self, field: str) -> float:
        return getattr(self, field) / self.lines if self.lines else 0.0


def score(
    verses: list[Verse],
    count: Callable[[str, str], int | None],
    scheme: Callable[[list[str], str], list[str]],
) -> Score:
    """How many lines get the labelled syllable count (exactly, within one) and the labelled rhyme letter."""
    result = Score(misses=[])
    for verse in verses:
        letters = scheme(list(verse.lines), verse.language)
        for text, accepted, expected, got in zip(
            verse.lines, verse.syllables, verse.rhyme, letters, strict=True
        ):
            counted = count(text, verse.language)
            result.lines += 1
            if counted in accepted:
                result.exact += 1
            else:
                result.misses.append((verse.file, text, accepted, counted))
            if counted is not None and min(abs(counted - a) for a in accepted) <= 1:
                result.within_one += 1
            if got == expected:
                result.rhyme_right += 1
            else:
                result.misses.append((verse.file, text, f"rhyme {verse.rhyme}", "".join(letters)))
    return result
