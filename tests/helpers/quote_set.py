"""The labelled quote-link set in tests/data/quotes: its cases, checks of its labels, and scoring of a detector.

Shared by tests/core/test_quote_dataset.py and benchmarks/quotes.py, so both score the same way.
Each case is a folder with ``lyrics.txt``, ``article.md`` and ``labels.json`` (see the test's docstring).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from lyricpad.core.markdown import render_article

DATA = Path(__file__).resolve().parents[1] / "data" / "quotes"

MATCH_OVERLAP = 0.8
"""A detected quotation and a label that contain one another match when they share this much of the label."""

_HEADER = re.compile(r"^\s*\[[^\]]*\]\s*$")
_CUT = re.compile(r"\[\s*(?:\.\.\.|…)\s*\]|…|\.\.\.")
_APOSTROPHES = str.maketrans("", "", "'’‘ʼ`")


@dataclass(frozen=True)
class Label:
    quote: str
    note: str
    lines: tuple[int, ...] = ()  # empty for a quotation that must not link
    misquoted: bool = False

    @property
    def link(self) -> bool:
        return bool(self.lines)


@dataclass(frozen=True)
class Case:
    name: str
    lyrics: str
    article: str  # Markdown, as stored
    title: str
    artist: str
    album: str
    links: tuple[Label, ...]
    not_links: tuple[Label, ...]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(n for n in (self.artist, self.album) if n)


def load_cases(folder: Path = DATA) -> list[Case]:
    """Every case of the set, in folder order."""
    cases = []
    for path in sorted(p for p in folder.iterdir() if p.is_dir()):
        labels = json.loads((path / "labels.json").read_text(encoding="utf-8"))
        cases.append(
            Case(
                name=path.name,
                lyrics=(path / "lyrics.txt").read_text(encoding="utf-8"),
                article=(path / "article.md").read_text(encoding="utf-8"),
                title=labels["title"],
                artist=labels["artist"],
                album=labels.get("album", ""),
                links=tuple(
                    Label(x["quote"], x.get("note", ""), tuple(x["lines"]), bool(x["misquoted"]))
                    for x in labels["links"]
                ),
                not_links=tuple(Label(x["quote"], x.get("note", "")) for x in labels["not_links"]),
            )
        )
    return cases


def collapse(text: str) -> str:
    return " ".join(text.split())


# ------------------------------------------------------------------ label checks


def _words(text: str) -> list[str]:
    # A bracketed editorial letter ("[f]lying") is the word it completes.
    text = re.sub(r"\[(\w+)\]", r"\1", unicodedata.normalize("NFKC", text).casefold())
    return re.findall(r"\w+", text.translate(_APOSTROPHES))


def _segments(quote: str) -> list[list[str]]:
    """The quotation's words, split where it marks a cut."""
    return [words for part in _CUT.split(quote) if (words := _words(part))]


def _fits(segments: list[list[str]], lines: list[list[str]]) -> bool:
    """Whether the segments are, in order, runs of the words of *lines*, from its first line to its last."""
    words = [w for line in lines for w in line]
    first_end, last_start = len(lines[0]), len(words) - len(lines[-1])
    position, start = 0, None
    for segment in segments:
        n = len(segment)
        at = next((i for i in range(position, len(words) - n + 1) if words[i : i + n] == segment), None)
        if at is None:
            return False
        start = at if start is None else start
        position = at + n
    return start is not None and start < first_end and position > last_start


def _runs(lines: Sequence[int]) -> list[tuple[int, int]]:
    runs: list[list[int]] = []
    for n in lines:
        if runs and n == runs[-1][1] + 1:
            runs[-1][1] = n
        else:
            runs.append([n, n])
    return [(a, b) for a, b in runs]


def label_problems(case: Case) -> list[str]:
    """Everything wrong with *case*'s own labels (nothing to do with any detector)."""
    problems = []
    lyric_lines = case.lyrics.split("\n")
    if lyric_lines and lyric_lines[-1] == "":
        lyric_lines.pop()
    if not 16 <= len(lyric_lines) <= 60:
        problems.append(f"lyrics have {len(lyric_lines)} lines, not 16-60")
    words = len(case.article.split())
    if not 300 <= words <= 1500:
        problems.append(f"article has {words} words, not 300-1500")
    if not case.title or not case.artist:
        problems.append("title and artist are required")
    text = render_article(case.article).text
    wanted: dict[str, int] = {}
    for label in (*case.links, *case.not_links):
        wanted[label.quote] = wanted.get(label.quote, 0) + 1
        if label.quote != label.quote.strip() or not label.quote:
            problems.append(f"{label.quote!r}: empty, or spaces around it")
    for quote, count in wanted.items():
        found = text.count(quote)
        if found < count:
            problems.append(
                f"{quote!r} is labelled {count} time(s) but is {found} time(s) in the rendered article"
            )
    words_of = [_words(line) for line in lyric_lines]
    for label in case.links:
        problems += [f"{label.quote!r}: {p}" for p in _line_problems(label, lyric_lines, words_of)]
    return problems


def _line_problems(label: Label, lyric_lines: list[str], words_of: list[list[str]]) -> list[str]:
    lines = list(label.lines)
    if lines != sorted(set(lines)):
        return [f"lines {lines} are not sorted and unique"]
    bad = [n for n in lines if not 1 <= n <= len(lyric_lines)]
    if bad:
        return [f"lines {bad} are not in the lyrics (1-{len(lyric_lines)})"]
    bad = [n for n in lines if not lyric_lines[n - 1].strip() or _HEADER.match(lyric_lines[n - 1])]
    if bad:
        return [f"lines {bad} are blank or section headers"]
    segments = _segments(label.quote)
    runs = _runs(lines)
    fitting = [(a, b) for a, b in runs if _fits(segments, words_of[a - 1 : b])]
    if not label.misquoted:
        if len(fitting) != len(runs):
            return [f"not an exact quotation of lines {sorted(set(runs) - set(fitting))}"]
        # Every place the quotation fits exactly must be labelled (a repeated line, a repeated chorus).
        sizes = {b - a for a, b in runs}
        everywhere = {
            (a, a + size)
            for size in sizes
            for a in range(1, len(lyric_lines) - size + 1)
            if all(words_of[i] for i in range(a - 1, a + size))
            and _fits(segments, words_of[a - 1 : a + size])
        }
        missing = sorted(everywhere - set(runs))
        return [f"also fits lines {missing}, which are not labelled"] if missing else []
    if fitting:
        return [f"labelled misquoted but quotes lines {fitting} exactly"]
    quoted = [w for segment in segments for w in segment]
    for a, b in runs:
        lyric = {w for line in words_of[a - 1 : b] for w in line}
        if sum(w in lyric for w in quoted) < 0.6 * len(quoted):
            return [f"misquotation shares too few words with lines {a}-{b}"]
    # A misquotation of a repeated passage links to every copy of it.
    texts = [tuple(map(tuple, words_of[a - 1 : b])) for a, b in runs]
    copies = {
        (a, a + len(t) - 1)
        for t in set(texts)
        for a in range(1, len(lyric_lines) - len(t) + 2)
        if tuple(map(tuple, words_of[a - 1 : a - 1 + len(t)])) == t
    }
    missing = sorted(copies - set(runs))
    if len(set(texts)) > 1:
        return [f"runs {runs} are not copies of one passage"]
    return [f"the same lines are repeated at {missing}, which are not labelled"] if missing else []


# ------------------------------------------------------------------ scoring


@dataclass(frozen=True)
class Detected:
    """What scoring needs of a detected link (``QuoteMatch``): its quotation's text, lines and flag."""

    text: str
    lines: tuple[int, ...]
    misquoted: bool


@dataclass
class Score:
    labelled: int = 0  # link labels
    detected: int = 0
    correct: int = 0  # matched a link label, with its lines
    misquote_agreed: int = 0
    found: int = 0  # matched a link label, whatever its lines
    missed: list[str] = field(default_factory=list)
    wrong_lines: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    not_links_linked: list[str] = field(default_factory=list)
    misquote_disagreed: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.correct / self.detected if self.detected else 1.0

    @property
    def recall(self) -> float:
        return self.correct / self.labelled if self.labelled else 1.0

    @property
    def misquote_agreement(self) -> float:
        return self.misquote_agreed / self.found if self.found else 1.0

    def add(self, other: Score) -> None:
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)

    def report(self) -> str:
        """Every miss and false positive, for tuning the detector."""
        parts = [
            f"precision {self.precision:.3f} ({self.correct}/{self.detected}), "
            f"recall {self.recall:.3f} ({self.correct}/{self.labelled}), "
            f"misquote agreement {self.misquote_agreement:.3f} ({self.misquote_agreed}/{self.found})"
        ]
        for title, items in (
            ("Missed (labelled links not detected)", self.missed),
            ("Wrong lines (expected vs got)", self.wrong_lines),
            ("Not-links that were linked", self.not_links_linked),
            ("Other false positives (detected, matching no label)", self.false_positives),
            ("Misquoted flag disagrees", self.misquote_disagreed),
        ):
            if items:
                parts.append(f"{title}: {len(items)}")
                parts += [f"  {item}" for item in items]
        return "\n".join(parts)


def _rank(detected: str, label: str) -> float | None:
    """How well a detected quotation's text matches a label's (both collapsed): 2 when equal."""
    if detected == label:
        return 2.0
    if label in detected or detected in label:
        shared = min(len(label), len(detected))
        if shared >= MATCH_OVERLAP * len(label):
            return shared / max(len(label), len(detected))
    return None


def score_case(case: Case, detected: Sequence[Detected]) -> Score:
    """Match the detected links of *case* to its labels one to one, best matches first.

    A detected link matches a label (link or not) when their whitespace-collapsed texts are equal,
    or one contains the other and they share at least MATCH_OVERLAP of the label's length. It is
    correct when it matches a link label and has that label's lines. Precision is correct/detected;
    recall is correct/labelled links.
    """
    labels = [*case.links, *case.not_links]
    texts = [collapse(label.quote) for label in labels]
    pairs = []
    for d, item in enumerate(detected):
        text = collapse(item.text)
        for k, label_text in enumerate(texts):
            rank = _rank(text, label_text)
            if rank is not None:
                # Equal ranks: the k-th detection of a repeated quotation goes to its k-th label.
                pairs.append((-rank, abs(d - k), d, k))
    taken_d: dict[int, int] = {}
    taken_k: set[int] = set()
    for _, _, d, k in sorted(pairs):
        if d not in taken_d and k not in taken_k:
            taken_d[d] = k
            taken_k.add(k)
    score = Score(labelled=len(case.links), detected=len(detected))
    where = case.name
    for d, item in enumerate(detected):
        k = taken_d.get(d)
        got = f"{where}: {item.text!r} -> lines {list(item.lines)}"
        if k is None:
            score.false_positives.append(got)
            continue
        label = labels[k]
        if not label.link:
            score.not_links_linked.append(f"{got} ({label.note})")
            continue
        score.found += 1
        if item.lines == label.lines:
            score.correct += 1
        else:
            score.wrong_lines.append(
                f"{where}: {label.quote!r}: expected {list(label.lines)}, got {list(item.lines)}"
            )
        if item.misquoted == label.misquoted:
            score.misquote_agreed += 1
        else:
            score.misquote_disagreed.append(
                f"{where}: {label.quote!r}: labelled misquoted={label.misquoted} ({label.note}), got {item.misquoted}"
            )
    for k, label in enumerate(case.links):
        if k not in taken_k:
            score.missed.append(f"{where}: {label.quote!r}: expected {list(label.lines)} ({label.note})")
    return score


def run_detector(case: Case, detect: Callable | None = None) -> list[Detected]:
    """The links *detect* (``detect_links`` unless given) finds in *case*, as scoring wants them."""
    if detect is None:
        from lyricpad.core.quotations import detect_links as detect
    found = detect(case.lyrics, render_article(case.article), title=case.title, names=case.names)
    return [Detected(m.quotation.text, tuple(m.lines), bool(m.misquoted)) for m in found]


def score_set(cases: Sequence[Case], detect: Callable | None = None) -> Score:
    """The detector's score over every case."""
    total = Score()
    for case in cases:
        total.add(score_case(case, run_detector(case, detect)))
    return total
