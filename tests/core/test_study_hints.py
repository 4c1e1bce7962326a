"""Issue 19 review: lyrics read as English (no language set) that are not English get a hint."""

import json
from pathlib import Path

import pytest

from lyricpad.core.study import study
from lyricpad.core.study_hints import LANGUAGE_HINT, english_coverage, language_hint

VERSES = sorted((Path(__file__).parents[1] / "data" / "study" / "verses").glob("*.json"))


def verse_text(path: Path) -> tuple[str, str]:
    data = json.loads(path.read_text(encoding="utf-8"))
    text = "\n\n".join("\n".join(line[0] for line in s["lines"]) for s in data["sections"])
    return data["language"], text


@pytest.mark.parametrize("path", VERSES, ids=lambda p: p.stem)
def test_hint_for_foreign_lyrics_read_as_english_only(path):
    language, text = verse_text(path)
    assert language_hint(study(text)) == ("" if language == "en" else LANGUAGE_HINT)


def test_no_hint_once_the_language_is_set_or_for_few_words():
    german = "Der Wind geht über das Feld\nDie Schatten werden lang\nIch habe nichts von dieser Welt"
    assert language_hint(study(german)) == LANGUAGE_HINT
    assert language_hint(study(german, language="de")) == ""
    assert language_hint(study("Wanderlied")) == ""  # one word says nothing
    assert language_hint(None) == ""
    coverage = english_coverage(study("the night (ja ja) is 42 long"))
    assert (coverage.known, coverage.words) == (4, 4)  # backing vocals and numbers left out
