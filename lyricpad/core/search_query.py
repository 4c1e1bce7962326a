"""What the user typed into a search, parsed once: the one engine behind library search, find and filters.

Every search in lyricpad (the library search, `lyricpad search`, Ctrl+F in a song, the sidebar's and the
annotations' filters) reads its text with `parse` and so means the same thing by it:

- words: every word must occur, in any order, case and accents ignored ("cafe" finds "Café"), and a word
  typed as it is written is always found ("Ελληνικά", "x²y", "ﬁnance");
- `word*`: a word starting with *word*; a live filter (typing as you go) takes every word as a start;
- `"a phrase"`: the words one after another (an unclosed quote runs to the end);
- anything else (`NEAR(`, `-`, `:`, emoji, punctuation) separates words and is otherwise ignored, so
  no input can be an error; past `MAX_TERMS` terms the rest are dropped and `dropped` says how many.

A word is what SQLite's FTS5 `unicode61 remove_diacritics 2` tokenizer takes for one: a run of letters and
digits. `Query.fts()` is the FTS5 MATCH expression: the words as typed, which the tokenizer folds as it folded
the text (case, and accents of Latin letters). `Query.matches()` and `Query.spans()` answer the same question
in Python for text held in memory (`haystack` prepares such text once), folding both sides with
`text.fold_case_and_accents`: the same for every word typed as written and for case and Latin accents, and
more forgiving beyond them ("strasse" finds "Straße", "ελληνικα" finds "Ελληνικά", where FTS5 does not).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from lyricpad.core.text import fold_case_and_accents

MAX_TERMS = 32
"""The most terms one search uses: each is matched in four indexes; those after it are dropped (and said)."""

WORD = re.compile(r"[^\W_]+")
"""A word, as FTS5's unicode61 tokenizer reads one: letters and digits (combining marks split words)."""


def fold_word(word: str) -> str:
    """One word as in-memory matching compares it: case and accents ignored ("Straße" -> "strasse")."""
    folded = fold_case_and_accents(word)
    # A compatibility form may hold a space (the ligature U+FDFA is four words): a word stays one word.
    return folded if folded.isalnum() else "".join(folded.split())


def words(text: str) -> list[str]:
    """The folded words of *text*, in order (split as typed, then each folded: as `Query.spans` reads text)."""
    if text.isascii():  # the same result, in C
        return WORD.findall(text.lower())
    return [fold_word(word) for word in WORD.findall(text)]


@dataclass(frozen=True)
class Term:
    """One thing that must occur: a word, or a phrase of words in a row; the last word a start when *prefix*.

    *typed* are the words as the user wrote them (for FTS5, whose tokenizer folds them), *words* folded
    (for matching in memory).
    """

    typed: tuple[str, ...]
    prefix: bool = False
    words: tuple[str, ...] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "words", tuple(fold_word(word) for word in self.typed))

    def fts(self) -> str:
        """The term quoted for FTS5 (so nothing typed is FTS syntax), `*` after the quotes for a start."""
        quoted = " ".join(word.replace('"', '""') for word in self.typed)
        return f'"{quoted}"' + ("*" if self.prefix else "")

    def needle(self) -> str:
        """The term in a `haystack`: words between spaces (no closing space after a prefix)."""
        return " " + " ".join(self.words) + ("" if self.prefix else " ")


@dataclass(frozen=True)
class Query:
    """A parsed search: every term must match. Empty when nothing searchable was typed."""

    terms: tuple[Term, ...] = ()
    dropped: int = 0
    """Terms typed after the first `MAX_TERMS`, left out of the search."""

    def __bool__(self) -> bool:
        return bool(self.terms)

    def fts(self) -> str:
        """The FTS5 MATCH expression: every term quoted, so no FTS syntax typed can reach FTS5."""
        return " ".join(term.fts() for term in self.terms)

    def matches(self, text: str) -> bool:
        """Whether a `haystack` holds every term (an empty query matches everything)."""
        return all(term.needle() in text for term in self.terms)

    def spans(self, text: str, limit: int | None = None) -> list[tuple[int, int]]:
        """Where any term occurs in the plain *text* (not a haystack): (start, end) offsets in order.

        Offsets are code points of *text* itself, so a widget can select them.
        """
        if not self.terms:
            return []
        tokens = [(m.start(), m.end(), fold_word(m.group())) for m in WORD.finditer(text)]
        found: list[tuple[int, int]] = []
        for i in range(len(tokens)):
            for term in self.terms:
                if _term_at(term, tokens, i):
                    found.append((tokens[i][0], tokens[i + len(term.words) - 1][1]))
                    break
            if limit is not None and len(found) >= limit:
                break
        return found

    def note(self) -> str:
        """What the user should know about how the search was read ("" when it took everything)."""
        if not self.dropped:
            return ""
        used = len(self.terms)
        return f"searched for the first {used} words; {self.dropped} more were left out"


def _term_at(term: Term, tokens: list[tuple[int, int, str]], i: int) -> bool:
    if i + len(term.words) > len(tokens):
        return False
    last = len(term.words) - 1
    for k, word in enumerate(term.words):
        token = tokens[i + k][2]
        if token != word and not (term.prefix and k == last and token.startswith(word)):
            return False
    return True


def parse(text: str, *, live: bool = False) -> Query:
    """Read what the user typed (see the module's docstring); *live*: every word is the start of a word."""
    terms: list[Term] = []
    seen: set[Term] = set()
    dropped = 0
    # Split as typed (in NFC, as texts are stored), not folded: FTS5 gets the words as written.
    for phrase, bare in _pieces(unicodedata.normalize("NFC", text or "")):
        if phrase is not None:
            found = WORD.findall(phrase)
            groups = [(tuple(found), live or phrase.endswith("*"))] if found else []
        else:
            groups = []
            for token in bare.split():
                found = WORD.findall(token)
                for k, word in enumerate(found):
                    starred = k == len(found) - 1 and token.rstrip().endswith("*")
                    groups.append(((word,), live or starred))
        for group, prefix in groups:
            term = Term(group, prefix)
            if term in seen:
                continue
            if len(terms) >= MAX_TERMS:
                dropped += 1
                continue
            seen.add(term)
            terms.append(term)
    return Query(tuple(terms), dropped)


def _pieces(text: str):
    """(phrase, None) for each quoted part (a `*` right after the quote kept on it) and (None, rest) between."""
    at = 0
    while at < len(text):
        quote = text.find('"', at)
        if quote < 0:
            yield None, text[at:]
            return
        yield None, text[at:quote]
        close = text.find('"', quote + 1)
        if close < 0:
            yield text[quote + 1 :], None
            return
        star = close + 1 < len(text) and text[close + 1] == "*"
        yield text[quote + 1 : close] + ("*" if star else ""), None
        at = close + 1 + star


def haystack(*fields: str) -> str:
    """*fields* prepared for `Query.matches`: folded words between spaces, one field per line.

    Prepare once per item (a song's title, artist and album; an annotation's quotes, note and tags)
    and keep it: matching is then a few substring tests.
    """
    return "\n".join(" " + " ".join(words(field)) + " " for field in fields)
