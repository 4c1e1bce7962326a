"""Hints about a song's study view: lyrics read as English that do not look English (their language unset).

A song whose language is not set is studied as English. When many of its words are not in the
English pronunciation dictionary the syllables, stress and rhymes are guesses; the window says so
and points to the song's language (Song Details).
"""

from __future__ import annotations

from dataclasses import dataclass

from lyricpad.core.prosody import WORD, english_phones, fold_word, trim_quotes, without_backing
from lyricpad.core.study import StudyView

UNKNOWN_SHARE = 0.2
"""More than this share of the words unknown to the English dictionary: the lyrics are likely not English.
(CMUdict knows many foreign words and names: the project's German and Spanish verses have 29-45% of their
words unknown to it, its English verses at most 7%.)"""

LEAST_WORDS = 8
"""Fewer words than this say too little about the language (a title, a refrain of names)."""

MOST_LINES = 2000
"""Lines looked at: the first ones tell the language as well as all of them."""

LANGUAGE_HINT = "Many words are not in the English dictionary: set the song's language in Song Details"


@dataclass(frozen=True)
class EnglishCoverage:
    """How many of the lyric words the English pronunciation dictionary knows."""

    known: int
    words: int

    @property
    def unknown_share(self) -> float:
        return 1 - self.known / self.words if self.words else 0.0


def english_coverage(view: StudyView) -> EnglishCoverage:
    """The lyric lines' words (backing vocals and numbers left out) that CMUdict knows, of all of them.

    Loads the dictionary when it is not yet loaded: call it where `study` ran (or after)."""
    known = words = 0
    for line in view.lines[:MOST_LINES]:
        if line.kind != "lyric":
            continue
        for match in WORD.finditer(without_backing(line.text)):
            _start, _end, word = trim_quotes(match.start(), match.end(), fold_word(match.group()))
            if not word.isalpha() and not word.replace("'", "").isalpha():
                continue  # numbers are read in any language
            words += 1
            if english_phones(word) is not None:
                known += 1
    return EnglishCoverage(known, words)


def view_hint(view: StudyView | None) -> str:
    """What the study view says above the lyrics: its own note (a language without rules), else the
    language hint, else ""."""
    if view is not None and view.note:
        return view.note
    return language_hint(view)


def language_hint(view: StudyView | None) -> str:
    """ "" or what to tell the user: the view reads the lyrics as English and many of their words are not English."""
    if view is None or view.language != "en":
        return ""
    coverage = english_coverage(view)
    if coverage.words < LEAST_WORDS or coverage.unknown_share <= UNKNOWN_SHARE:
        return ""
    return LANGUAGE_HINT
