"""Quotations of the lyrics in an article: found in the rendered article, aligned with lyric lines.

An article about a song quotes its lines in quotation marks of every style, in block quotes and
in italic lines, with capitals, punctuation and apostrophes changed, words cut (``[...]``, ``…``)
or misremembered, and two lines run together; it also quotes people in the same marks. Here a
*candidate* is anything that looks like a quotation (`find_quotations`); each is aligned word
by word with one to three adjacent lyric lines (`detect_links`), and it is a quotation of the
lyrics only when the thresholds below say so. Everything counts code points of the rendered
article text (``render_article(body).text``), like article annotations.
"""

from __future__ import annotations

import bisect
import math
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import NamedTuple

from lyricpad.core.markdown import RenderedArticle

DETECTOR_VERSION = 1
"""Bumped when detection changes, so stored detected links are computed again."""

# ------------------------------------------------------------------ thresholds

MIN_COVERAGE = 0.75
"""At least this share of a quotation's words must be matched, in order, by lyric words: a
person's sentence that borrows a few of the song's words covers far less."""
MIN_QUALITY = 0.7
"""Matched words over matched plus changed, added and left-out ones: below it the quotation is
a paraphrase, not a quotation."""
MIN_MATCHED_WORDS = 3
"""A longer quotation needs at least this many words that are the lyrics' own."""
SHORT_QUOTE_WORDS = 4
"""Quotations of fewer words link only when exact and not made of common words alone ("I love
you", "oh yeah"): short phrases recur everywhere."""
MIN_FRAGMENT_WORDS = 3
"""A short quotation of fewer words links only when it is a whole line: two words out of a line
("lost causes", "parking lots") are said everywhere."""
MAX_WINDOW_LINES = 3
"""Windows of up to this many adjacent lyric lines are tried for every quotation."""
MAX_RUN_LINES = 24
"""A longer quotation (a whole verse in one block quote) grows its window line by line while
that matches more of it, up to this many lines."""
MAX_QUOTE_WORDS = 200
"""A longer "quotation" (a whole interview in one block quote) is prose, not a lyric quotation:
it is not aligned at all (aligning it would cost seconds)."""
MAX_SEED_WORDS = 8
"""The quotation's rarest words (in these lyrics) that choose the lines to try."""
MAX_SEED_LINES = 12
"""Lines tried as the heart of a match, the best by shared rare words (keeps detection fast)."""

# ------------------------------------------------------------------ words

COMMON_WORDS = frozenset(
    """
    a about above across act add after again against ago air all almost alone along already
    also always am among an and another any anyone anything are area around as ask asked at
    away back bad be became because become bed been before began behind being believe best
    better between big bit black blue body book both boy bring brother brought but buy by call
    called came can car care case change child children city close come comes coming company
    could country course cut dad day days dead did die different do does dog done don door down
    during each early end enough even ever every everyone everything eye eyes face fact family
    far father feel feet felt few find fine first five for found four free friend friends from
    front full game gave get gets getting girl give given go goes going gone good got great
    green group grow had half hand hands happen happened hard has have he head hear heard heart
    help her here high him himself his hold home hope hour house how however i if important in
    inside into is it its job just keep kept kid kids kind knew know known last late later leave
    left less let life light like line little live lived long look looked looking lost lot love
    made make man many may maybe me mean men might mind minute miss moment money more morning
    most mother move much music must my myself name need never new next nice night no nobody
    none not nothing now number of off often oh old on once one only open or other others our
    out outside over own part people person place play played playing point power put quite
    rather read real really red right road room run said same saw say says school second see
    seem seen set seven several she should show side since six small so some someone something
    sometimes son song soon sort start started state still stop story street such sure take
    taken talk tell ten than that the their them then there these they thing things think this
    those though thought three through time times to today together told too took top toward
    town tried true try turn turned two under until up upon us use used very wait walk want
    wanted war was watch water way we week well went were what when where whether which while
    white who whole why wife will with without woman women word words work world would write
    wrong year years yes yet you young your yourself
    zero eleven twelve twenty thirty forty fifty sixty seventy eighty ninety hundred thousand
    eight nine
    yeah baby ooh ah la na hey whoa uh mm oo da
    """.split()
)
"""The most frequent English words, numbers and the interjections songs are full of: a short
quotation made of these alone ("up at night", "a friend", "six a.m.") is a phrase anyone could
write, not a quotation of the song."""

# A word: letters, digits and marks, with apostrophes inside ("don't", "rock'n'roll").
_WORD = re.compile(r"[^\W_]+(?:['’ʼ][^\W_]+)*")
_GAP = re.compile(r"\[\s*(?:\.\s*){3}\]|\[\s*…\s*\]|\(\s*(?:\.\s*){3}\)|\(\s*…\s*\)|…|(?<!\.)\.\.\.(?!\.)")
_EDITORIAL = re.compile(r"\[([^\W_]{1,3})\](?=[^\W_])")
"""A letter changed by the writer, as in "[f]lying": part of the word."""
_BRACKETED = re.compile(r"\[[^\[\]\n]*\]")
_CHORD = re.compile(r"^[A-G][#b♯♭]?(?:m|maj|min|sus|dim|aug|add|M)?\d*(?:/[A-G][#b♯♭]?)?$")


_CLITICS = {"m": "am", "re": "are", "ll": "will", "ve": "have", "d": "would", "s": "is"}
"""Contractions as their full word, so "I'm" quotes "I am" ("'s" stays "is": "has" differs)."""
_NOT = {"won": "will", "ca": "can", "sha": "shall", "ai": "ain"}


def _keys(word: str) -> list[str]:
    """A word as compared: folded, contractions spelled out, a sung "-in'" equal to "-ing"."""
    folded = unicodedata.normalize("NFC", word).casefold()
    parts = re.split(r"['’ʼ]", folded)
    if len(parts) == 2 and parts[1] == "t" and parts[0].endswith("n") and len(parts[0]) > 1:
        stem = parts[0][:-1]
        return [_NOT.get(stem, stem), "not"]  # "don't" -> "do not", "won't" -> "will not"
    if len(parts) == 2 and parts[1] in _CLITICS and parts[0]:
        return [_canonical(parts[0]), _CLITICS[parts[1]]]
    return [_canonical("".join(parts))]


def _canonical(folded: str) -> str:
    if len(folded) > 4 and folded.endswith("ing"):
        return folded[:-1]  # "going" and "goin'" are the same word in a quotation
    return folded


@dataclass(frozen=True)
class _Words:
    """A text's words as compared (``keys``), as written (``surfaces``), and where gaps were cut."""

    keys: tuple[str, ...]
    surfaces: tuple[str, ...]
    gaps: frozenset[int]  # a gap ("[...]", "…") just before the word at each index


_CONTINUED = "\x00"
"""Marks the surface of the second key of one written word ("we'll" -> we, will): shown once."""


def _said(surfaces: Sequence[str]) -> str:
    """Words as written, each once though it gave several keys."""
    shown = [w for n, w in enumerate(surfaces) if not w.startswith(_CONTINUED) or n == 0]
    return " ".join(w.removeprefix(_CONTINUED) for w in shown)


def _words(text: str, *, gaps: bool = False) -> _Words:
    keys: list[str] = []
    surfaces: list[str] = []
    gap_at: set[int] = set()
    pieces = _GAP.split(text) if gaps else [text]
    for number, piece in enumerate(pieces):
        if number:
            gap_at.add(len(keys))
        for match in _WORD.finditer(_EDITORIAL.sub(r"\1", piece)):
            for part, key in enumerate(_keys(match.group())):
                surfaces.append(match.group() if not part else _CONTINUED + match.group())
                keys.append(key)
    return _Words(tuple(keys), tuple(surfaces), frozenset(gap_at))


_COMMON_KEYS = frozenset(key for word in COMMON_WORDS for key in _keys(word))

# ------------------------------------------------------------------ public types


@dataclass(frozen=True)
class Difference:
    """One place where a quotation differs from the lyrics it quotes (words as written)."""

    quote: str  # the quotation's words here ("" when it left lyric words out)
    lyrics: str  # the lyrics' words here ("" when the quotation added words)

    def to_json(self) -> dict:
        return {"quote": self.quote, "lyrics": self.lyrics}


@dataclass(frozen=True)
class Quotation:
    """A candidate quotation in the rendered article: ``text == rendered.text[start:end]``."""

    start: int
    end: int
    text: str
    kind: str  # "quoted" (in quotation marks), "blockquote", "italic" (a whole line) or "emphasis" (italics in a sentence)


@dataclass(frozen=True)
class QuoteMatch:
    """A quotation that quotes the lyrics: every place (1-based line ranges) it quotes."""

    quotation: Quotation
    places: tuple[tuple[int, int], ...]
    score: float  # 0..1
    misquoted: bool
    differences: tuple[Difference, ...] = ()

    @property
    def lines(self) -> tuple[int, ...]:
        return lines_of(self.places)


def lines_of(places: Iterable[tuple[int, int]]) -> tuple[int, ...]:
    """Every line number of *places* (1-based ``(first, last)`` ranges), in order."""
    return tuple(sorted({n for first, last in places for n in range(first, last + 1)}))


# ------------------------------------------------------------------ candidates

_QUOTED = (
    re.compile(r"“([^“”\n]+)”"),
    re.compile(r"„([^„“”\n]+)[“”]"),
    re.compile(r"«([^«»\n]+)»"),
    re.compile(r"»([^«»\n]+)«"),
    re.compile(r"‹([^‹›\n]+)›"),
    re.compile(r"「([^「」\n]+)」"),
    # ‘…’ and '…' are found by _single_quoted: their closing mark is also an apostrophe.
    re.compile(r"(?<![^\W_\"])\"([^\"\n]+?)\"(?![^\W_])"),
)
_SINGLE_MARKS = (("'", "'"), ("‘", "’"))
MAX_CLOSING_MARKS = 3
"""An opening single quotation mark is paired with up to this many closing marks after it: a mark
after a letter may be an apostrophe ("rock 'n' roll", "singers' voices") or the end of the quote."""
MAX_LONGER_PAIRS = 16
"""Pairings beyond the nearest closing mark, per line and mark style."""


def _word_char(line: str, index: int) -> bool:
    return 0 <= index < len(line) and (line[index].isalnum() or unicodedata.category(line[index])[0] == "M")


def _single_quoted(line: str) -> Iterable[tuple[int, int]]:
    """Spans of *line* in single quotation marks. An opening mark follows no letter and comes
    before a letter; a closing mark follows no space and comes before no letter, so the
    apostrophe of "don't" is neither. Linear in the line, whatever the marks (no backtracking)."""
    for opening, closing in _SINGLE_MARKS:
        openers = [
            i
            for i, ch in enumerate(line)
            if ch == opening
            and not _word_char(line, i - 1)
            and line[i - 1 : i] not in ("'", "’")
            and _word_char(line, i + 1)
        ]
        if not openers:
            continue
        closers = [
            i
            for i, ch in enumerate(line)
            if ch == closing
            and i > 0
            and not line[i - 1].isspace()
            and line[i - 1] not in ("'", "‘")
            and not _word_char(line, i + 1)
        ]
        longer = MAX_LONGER_PAIRS  # a paragraph of a thousand quotations is not paired a thousand ways
        for opener in openers:
            first = bisect.bisect_right(closers, opener + 1)
            for number, closer in enumerate(closers[first : first + MAX_CLOSING_MARKS]):
                if number:
                    if not longer:
                        break
                    longer -= 1
                yield opener + 1, closer


_TRIM = " \t\n\u00a0,;:—–-"
_CAPTION = re.compile(
    r"(?:^|\s[—–-]+|\s\()\s*(?:[—–-]+\s*)?\(?\s*lines?\s+(\d{1,6})(?:\s*[–—-]\s*(\d{1,6}))?\s*\)?\s*\.?\s*$",
    re.IGNORECASE | re.MULTILINE,
)
"""A line reference at the end of a block quote ("— line 14", "(lines 14–15)"): the quote's source."""


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return start, end


def _lines_of_block(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The lines (hard breaks) of the block text[start:end]."""
    lines = []
    line_start = start
    while True:
        newline = text.find("\n", line_start, end)
        line_end = end if newline < 0 else newline
        lines.append((line_start, line_end))
        if newline < 0:
            return lines
        line_start = newline + 1


def _caption(text: str, start: int, end: int) -> tuple[int, tuple[int, int]] | None:
    """Where a line reference at the end of text[start:end] begins, and the lines it names."""
    found = _CAPTION.search(text, start, end)
    if found is None:
        return None
    first = int(found.group(1))
    last = int(found.group(2) or first)
    return found.start(), (min(first, last), max(first, last))


def _quote_lines(rendered: RenderedArticle) -> list[tuple[int, int, tuple[int, int] | None]]:
    """Each line of the block quotes, without its line reference, and the lines that reference names."""
    text = rendered.text
    result: list[tuple[int, int, tuple[int, int] | None]] = []
    previous: list[int] = []  # the indexes in result of the block quote before, for a caption alone
    for block in rendered.blocks:
        if not block.quote_depth or block.kind == "code":
            previous = []
            continue
        lines = _lines_of_block(text, block.start, block.end)
        caption = _caption(text, *lines[-1])
        if caption is not None and caption[0] <= _trimmed(text, *lines[-1])[0] and len(lines) == 1:
            for index in previous:  # a paragraph of its own: "> — line 14" after the quote
                start, end, _ = result[index]
                result[index] = (start, end, caption[1])
            previous = []
            continue
        mine = []
        for number, (line_start, line_end) in enumerate(lines):
            if number == len(lines) - 1 and caption is not None:
                line_end = caption[0]
            start, end = _trimmed(text, line_start, line_end)
            if end > start:
                mine.append(len(result))
                result.append((start, end, caption[1] if caption else None))
        previous = mine
    return result


def _line_around(text: str, offset: int) -> tuple[int, int]:
    """The line (between hard breaks or block ends) that holds *offset*."""
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def find_quotations(rendered: RenderedArticle) -> list[Quotation]:
    """Every candidate quotation of *rendered*, in text order (nested ones included)."""
    return _candidates(rendered, _quote_lines(rendered))


def _candidates(rendered: RenderedArticle, quote_lines) -> list[Quotation]:
    text = rendered.text
    found: dict[tuple[int, int], str] = {}

    def add(start: int, end: int, kind: str) -> None:
        start, end = _trimmed(text, start, end)
        if end > start and _WORD.search(text, start, end):
            found.setdefault((start, end), kind)

    for start, end, _ in quote_lines:
        add(start, end, "blockquote")
    for block in rendered.blocks:
        if block.kind == "code":
            continue  # code is not prose: a quotation mark there is a string delimiter
        for line_start, line_end in _lines_of_block(text, block.start, block.end):
            line = text[line_start:line_end]
            for pattern in _QUOTED:
                for match in pattern.finditer(line):
                    add(line_start + match.start(1), line_start + match.end(1), "quoted")
            for start, end in _single_quoted(line):
                add(line_start + start, line_start + end, "quoted")
    for span in rendered.spans:  # italics: a whole line, or words set apart inside a sentence
        if span.kind != "emphasis":
            continue
        for line_start, line_end in _lines_of_block(text, span.start, span.end):
            whole = _trimmed(text, line_start, line_end) == _trimmed(text, *_line_around(text, line_start))
            add(line_start, line_end, "italic" if whole else "emphasis")
    return [Quotation(s, e, text[s:e], kind) for (s, e), kind in sorted(found.items())]


# ------------------------------------------------------------------ the lyrics


class _Lyrics:
    """The lyrics as detection reads them: words per line, and which lines hold each word."""

    def __init__(self, lyrics: str):
        self.lines: list[_Words] = []
        self.content: list[int] = []  # 0-based numbers of the lines that hold lyrics
        postings: dict[str, set[int]] = defaultdict(set)
        for number, line in enumerate(lyrics.split("\n")):
            words = _words(_BRACKETED.sub(" ", line))
            if words.surfaces and all(_CHORD.match(word) for word in words.surfaces):
                words = _Words((), (), frozenset())  # a chord line: C  G  Am  F
            self.lines.append(words)
            if words.keys:
                for key in words.keys:
                    postings[key].add(len(self.content))
                self.content.append(number)
        self.postings = {key: sorted(found) for key, found in postings.items()}
        count = max(len(self.content), 1)
        self.rarity = {key: math.log(1 + count / len(found)) for key, found in self.postings.items()}
        self._by_words: dict[tuple[str, ...], list[int]] = defaultdict(list)
        for position, number in enumerate(self.content):
            self._by_words[self.lines[number].keys].append(position)

    def window(self, first: int, last: int) -> tuple[list[str], list[str], list[int]]:
        """Keys, surfaces and line numbers (0-based) of content lines first..last (positions)."""
        keys: list[str] = []
        surfaces: list[str] = []
        owners: list[int] = []
        for position in range(first, last + 1):
            number = self.content[position]
            words = self.lines[number]
            keys.extend(words.keys)
            surfaces.extend(words.surfaces)
            owners.extend([number] * len(words.keys))
        return keys, surfaces, owners

    def seeds(self, keys: Sequence[str]) -> list[int]:
        """Content positions sharing the rarest words with *keys*, best first."""
        weight: Counter[int] = Counter()
        # Rarest first; ties by the word itself, so the lines tried never depend on set order.
        known = sorted((k for k in set(keys) if k in self.postings), key=lambda k: (-self.rarity[k], k))
        for key in known[:MAX_SEED_WORDS]:  # the rarest: a word on every line tells nothing
            for position in self.postings[key]:
                weight[position] += self.rarity[key]
        if not weight:
            return []
        best = max(weight.values())
        chosen = [p for p, w in weight.most_common(MAX_SEED_LINES) if w >= best * 0.5]
        return chosen

    def recurrences(self, first: int, last: int) -> list[int]:
        """Content positions where the run of lines first..last (positions) occurs again, first included."""
        head = self.lines[self.content[first]].keys
        span = last - first
        found = []
        for position in self._by_words.get(head, ()):
            if position + span >= len(self.content):
                continue
            if all(
                self.lines[self.content[position + k]].keys == self.lines[self.content[first + k]].keys
                for k in range(span + 1)
            ):
                found.append(position)
        return found


@lru_cache(maxsize=4)
def _read_lyrics(lyrics: str) -> _Lyrics:
    """The lyrics read once for all of a song's articles and hand-made links (and their alignments)."""
    return _Lyrics(lyrics)


# ------------------------------------------------------------------ alignment


def _spelled_alike(these: Sequence[str], those: Sequence[str]) -> bool:
    """Whether two runs of words differ only in apostrophes and case."""

    def spelled(words: Sequence[str]) -> str:
        return _said(words).replace(" ", "").casefold().translate(_NO_APOSTROPHES)

    return spelled(these) == spelled(those)


_NO_APOSTROPHES = str.maketrans("", "", "'’ʼ")


@dataclass(frozen=True)
class _Alignment:
    matched: int  # quotation words equal to the lyrics'
    coverage: float
    quality: float
    lines: tuple[int, int]  # 0-based first and last line holding matched words
    differences: tuple[Difference, ...]
    exact: bool  # every word matched, none changed, added or left out (cuts aside)
    whole: bool  # the matched words are the whole of those lines
    window: tuple[int, int] = (0, 0)  # the content positions aligned with
    head: int = 0  # quotation words before the first lyric word matched (not in the window)
    tail: int = 0  # quotation words after the last one

    @property
    def score(self) -> float:
        return self.coverage * self.quality


class _Op(NamedTuple):
    tag: str  # "equal", "replace", "delete" (quotation words not in the lyrics) or "insert"
    src_start: int
    src_end: int
    dest_start: int
    dest_end: int


def _local_ops(quote: _Words, keys: Sequence[str]) -> list[_Op]:
    """The best alignment of the whole quotation with some stretch of *keys*.

    Lyric words before and after the quotation, and at its cuts, are free; a word matched
    earns 2, a word changed or added by the quotation costs 2, a lyric word it leaves out 1
    (dropping a word is the commonest slip). Levenshtein's own alignment may instead take an
    earlier copy of the first word and count the words between as left out ("Saint [Jude ...
    Saint] Clare"), or change the last word rather than leave out two before it.
    """
    q, t, m, n = quote.keys, keys, len(quote.keys), len(keys)
    free = set(quote.gaps) | {m}
    score = [[0] * (n + 1)]  # row 0: lyric words before the quotation are free
    for i in range(1, m + 1):
        row = [-2 * i] + [0] * n
        above, word, skip = score[i - 1], q[i - 1], 0 if i in free else -1
        for j in range(1, n + 1):
            diagonal = above[j - 1] + (2 if word == t[j - 1] else -2)
            left = row[j - 1] + skip
            up = above[j] - 2
            row[j] = diagonal if diagonal >= left and diagonal >= up else (left if left >= up else up)
        score.append(row)
    steps: list[tuple[str, int, int]] = []
    i, j = m, n
    while i > 0 or j > 0:
        if i == 0:
            steps.append(("insert", 0, j - 1))
            j -= 1
            continue
        equal = j > 0 and q[i - 1] == t[j - 1]
        if j > 0 and score[i][j] == score[i - 1][j - 1] + (2 if equal else -2):
            steps.append(("equal" if equal else "replace", i - 1, j - 1))
            i, j = i - 1, j - 1
        elif j > 0 and score[i][j] == score[i][j - 1] + (0 if i in free else -1):
            steps.append(("insert", i, j - 1))
            j -= 1
        else:
            steps.append(("delete", i - 1, j))
            i -= 1
    ops: list[_Op] = []
    for tag, a, b in reversed(steps):
        src = (a, a + 1) if tag != "insert" else (a, a)
        dest = (b, b + 1) if tag != "delete" else (b, b)
        last = ops[-1] if ops else None
        if last is not None and last.tag == tag and last.src_end == src[0] and last.dest_end == dest[0]:
            ops[-1] = last._replace(src_end=src[1], dest_end=dest[1])
        else:
            ops.append(_Op(tag, *src, *dest))
    return ops


def _could_link(quote: _Words, keys: Sequence[str]) -> bool:
    """Whether enough of the quotation's words are in *keys* for it to link (worth a careful alignment)."""
    present = set(keys)
    shared = sum(1 for key in quote.keys if key in present)
    if len(quote.keys) < SHORT_QUOTE_WORDS:
        return shared == len(quote.keys)
    return shared >= max(MIN_MATCHED_WORDS, MIN_COVERAGE * len(quote.keys))


def _align(
    quote: _Words, keys: list[str], surfaces: list[str], owners: list[int], *, careful: bool = False
) -> _Alignment | None:
    """The quotation aligned with a window's words; *careful* always takes the best alignment
    (else only when the fast one is untidy and the quotation could link)."""
    from rapidfuzz.distance import Levenshtein

    ops = list(Levenshtein.opcodes(list(quote.keys), keys))  # fast, in C: right for a clean quotation
    untidy = any(op.tag != "equal" for op in ops[1:-1]) or (len(ops) == 1 and ops[0].tag != "equal")
    if careful or (untidy and _could_link(quote, keys)):
        ops = _local_ops(quote, keys)
    # Lyric words before and after the quoted part are not differences: trim them.
    while ops and ops[0].tag == "insert":
        ops.pop(0)
    while ops and ops[-1].tag == "insert":
        ops.pop()
    if not ops:
        return None
    matched = changed = 0
    runs: list[tuple[int, int, int, int]] = []  # the stretches that differ, quotation and lyrics
    used: list[int] = []
    for op in ops:
        if op.tag == "equal":
            matched += op.src_end - op.src_start
            used.extend(owners[op.dest_start : op.dest_end])
            continue
        if op.tag == "insert" and op.src_start in quote.gaps:
            continue  # words cut with "[...]" or "…"
        if op.tag == "replace" and _spelled_alike(
            quote.surfaces[op.src_start : op.src_end], surfaces[op.dest_start : op.dest_end]
        ):
            matched += op.src_end - op.src_start  # "tides" for "tide's": an apostrophe left out
            used.extend(owners[op.dest_start : op.dest_end])
            continue
        changed += max(op.src_end - op.src_start, op.dest_end - op.dest_start)
        if op.tag == "replace":
            used.extend(owners[op.dest_start : op.dest_end])
        if runs and runs[-1][1] == op.src_start and runs[-1][3] == op.dest_start:
            runs[-1] = (runs[-1][0], op.src_end, runs[-1][2], op.dest_end)  # "no one" for "nobody": one
        else:
            runs.append((op.src_start, op.src_end, op.dest_start, op.dest_end))
    differences = [Difference(_said(quote.surfaces[a:b]), _said(surfaces[c:d])) for a, b, c, d in runs]
    if not matched:
        return None
    head = ops[0].src_end - ops[0].src_start if ops[0].tag == "delete" else 0
    tail = ops[-1].src_end - ops[-1].src_start if ops[-1].tag == "delete" else 0
    first_used, last_used = min(used), max(used)
    lyric_words = sum(1 for owner in owners if first_used <= owner <= last_used)
    return _Alignment(
        matched=matched,
        coverage=matched / len(quote.keys),
        quality=matched / (matched + changed),
        lines=(first_used, last_used),
        differences=tuple(differences),
        exact=not differences and matched == len(quote.keys),
        whole=not differences and matched == lyric_words and not quote.gaps,
        head=head,
        tail=tail,
    )


def _best(quote: _Words, lyrics: _Lyrics, seen: dict) -> list[_Alignment]:
    """The best alignments of *quote* (several when it fits several places equally well)."""
    cache_key = (quote.keys, quote.surfaces, quote.gaps)
    if cache_key not in seen:  # an article quotes its favourite line again and again
        seen[cache_key] = _best_uncached(quote, lyrics)
    return seen[cache_key]


def _best_uncached(quote: _Words, lyrics: _Lyrics) -> list[_Alignment]:
    tried: set[tuple[int, int]] = set()
    results: list[_Alignment] = []
    last_position = len(lyrics.content) - 1
    for seed in lyrics.seeds(quote.keys):
        for size in range(1, MAX_WINDOW_LINES + 1):
            if size > 1 and results and results[-1].exact and results[-1].window == (seed, seed):
                break  # the quotation is all in this line: wider windows only add lyric words
            for first in range(seed - size + 1, seed + 1):
                last = first + size - 1
                if first < 0 or last > last_position or (first, last) in tried:
                    continue
                tried.add((first, last))
                floor = max((a.score for a in results), default=0.0)
                found = _grown(quote, lyrics, first, last, floor)
                if found is not None:
                    results.append(found)
    if not results:
        return []
    top = max(a.score for a in results)
    best = [a for a in results if a.score >= top - 1e-9]
    fewest = min(a.lines[1] - a.lines[0] for a in best)
    unique: dict[tuple[int, int], _Alignment] = {}
    for a in best:
        if a.lines[1] - a.lines[0] == fewest:
            unique.setdefault(a.lines, a)
    return [unique[k] for k in sorted(unique)]


def _aligned(quote: _Words, lyrics: _Lyrics, first: int, last: int, floor: float = 0.0) -> _Alignment | None:
    """The alignment with content lines first..last; None when it cannot beat *floor* or link."""
    keys, surfaces, owners = lyrics.window(first, last)
    present = set(keys)
    shared = sum(1 for key in quote.keys if key in present)
    if shared < min(len(quote.keys), MIN_MATCHED_WORDS):
        return None  # too few words in common to link, or to grow into a link
    if len(quote.keys) <= len(keys):  # the window could hold the whole quotation: no growing
        from rapidfuzz.distance import LCSseq

        # A score is at most the share of words matched, at most the longest common run of words in order.
        best_possible = LCSseq.similarity(quote.keys, keys) / len(quote.keys)
        if best_possible < floor - 1e-9 or (
            len(quote.keys) >= SHORT_QUOTE_WORDS and best_possible < MIN_COVERAGE
        ):
            return None
    found = _align(quote, keys, surfaces, owners)
    return None if found is None else replace(found, window=(first, last))


def _grown(quote: _Words, lyrics: _Lyrics, first: int, last: int, floor: float = 0.0) -> _Alignment | None:
    """The alignment with content lines first..last, grown over the lines before or after while
    words of the quotation are left over on that side and the match gets better."""
    found = _aligned(quote, lyrics, first, last, floor)
    # Only a clean match is worth growing: a sentence that shares a few words never becomes one.
    while found is not None and (found.head or found.tail) and found.matched >= MIN_MATCHED_WORDS:
        first, last = found.window
        if last - first + 1 >= MAX_RUN_LINES:
            break
        wider = [
            _aligned(quote, lyrics, *window)
            for window, wanted in (((first - 1, last), found.head), ((first, last + 1), found.tail))
            if wanted and window[0] >= 0 and window[1] < len(lyrics.content)
        ]
        better = max((a for a in wider if a is not None), key=lambda a: a.score, default=None)
        if better is None or better.score <= found.score:
            break
        found = better
    return found


def _common(key: str) -> bool:
    return key in _COMMON_KEYS or len(key) == 1 or key.isdigit()


def _links(quote: _Words, alignment: _Alignment) -> bool:
    """Whether an alignment makes the quotation a quotation of the lyrics (the thresholds)."""
    if len(quote.keys) < SHORT_QUOTE_WORDS:
        if not alignment.exact or all(_common(key) for key in quote.keys):
            return False
        return len(quote.keys) >= MIN_FRAGMENT_WORDS or alignment.whole
    return (
        alignment.matched >= MIN_MATCHED_WORDS
        and alignment.coverage >= MIN_COVERAGE
        and alignment.quality >= MIN_QUALITY
    )


def _places(lyrics: _Lyrics, alignments: list[_Alignment]) -> tuple[tuple[int, int], ...]:
    """Every place (1-based line ranges) the aligned lines occur, repeats included."""
    places: set[tuple[int, int]] = set()
    for alignment in alignments:
        first, last = alignment.lines
        first_position = lyrics.content.index(first)
        last_position = lyrics.content.index(last)
        for position in lyrics.recurrences(first_position, last_position):
            span = last_position - first_position
            places.add((lyrics.content[position] + 1, lyrics.content[position + span] + 1))
    merged: list[tuple[int, int]] = []
    for first, last in sorted(places):  # equally good windows that overlap are one place
        if merged and first <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], last))
        else:
            merged.append((first, last))
    return tuple(merged)


_SPEECH_VERBS = (
    r"said|says|say|recalled|recalls|remembered|remembers|told|tells|explained|explains|added|adds"
    r"|laughed|laughs|admitted|admits|insisted|insists|joked|jokes|replied|replies|asked|asks"
    r"|continued|continues|noted|notes|shrugged|shrugs|sighed|sighs"
)
_SPEAKER = r"(?:(?i:he|she|they|i|we|you)|[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2})"
"""Who speaks after a quotation: a pronoun or a capitalised name ("she recalled", "Mara Quill said")."""
_SPOKEN_AFTER = re.compile(
    rf"^[\W_]{{0,3}}\s*(?:{_SPEAKER}\s+(?:\w+\s+)?(?i:{_SPEECH_VERBS})|(?i:{_SPEECH_VERBS})\s+{_SPEAKER})\b"
)
_SPOKEN_BEFORE = re.compile(rf"\b(?:{_SPEECH_VERBS})(?:\s+\w+)?[^\w\n]{{0,4}}$", re.IGNORECASE)


def _spoken(text: str, quotation: Quotation) -> bool:
    """Whether a quotation is someone's speech: "Rain came down," she recalled (a singer sings:
    "she sings" is no sign of speech)."""
    after = text[quotation.end : quotation.end + 40]
    before = text[max(0, quotation.start - 30) : quotation.start]
    return bool(_SPOKEN_AFTER.match(after) or _SPOKEN_BEFORE.search(before))


def _is_name(quote: _Words, names: Iterable[_Words]) -> bool:
    return any(quote.keys == name.keys for name in names if name.keys)


def detect_links(
    lyrics: str, rendered: RenderedArticle, *, title: str = "", names: tuple[str, ...] = ()
) -> list[QuoteMatch]:
    """The quotations of *rendered* that quote *lyrics*, in text order.

    *title* (the song's) and *names* (artist, album...) are never taken for quotations: an
    article that names the song in quotation marks does not quote its chorus.
    """
    read = _read_lyrics(lyrics)
    if not read.content:
        return []
    excluded = [_words(name) for name in (title, *names)]
    quote_lines = _quote_lines(rendered)
    captions = {(s, e): c for s, e, c in quote_lines if c is not None}
    seen: dict = {}  # alignments by quotation words, for this detection (thresholds as they are now)
    matches: list[QuoteMatch] = []
    for quotation in _candidates(rendered, quote_lines):
        quote = _words(quotation.text, gaps=True)
        if not quote.keys or len(quote.keys) > MAX_QUOTE_WORDS or _is_name(quote, excluded):
            continue
        if len(quote.keys) < SHORT_QUOTE_WORDS and _spoken(rendered.text, quotation):
            continue
        caption = captions.get((quotation.start, quotation.end))
        match = _captioned(quotation, quote, read, caption) if caption else None
        if match is None:
            match = _detected(quotation, quote, read, seen)
        if match is not None:
            matches.append(match)
    return _nested(matches)


def _detected(quotation: Quotation, quote: _Words, lyrics: _Lyrics, seen: dict) -> QuoteMatch | None:
    known = sum(1 for key in quote.keys if key in lyrics.postings)
    if known < len(quote.keys) * MIN_COVERAGE and len(quote.keys) >= SHORT_QUOTE_WORDS:
        return None  # mostly words the song never uses: not worth aligning
    best = _best(quote, lyrics, seen)
    if not best or not _links(quote, best[0]):
        return None
    if quotation.kind == "emphasis" and not best[0].exact:
        return None  # italics inside a sentence set apart a title, a saying, a foreign phrase: exact only
    first = best[0]
    return QuoteMatch(
        quotation,
        _places(lyrics, best),
        round(first.score, 4),
        bool(first.differences),
        first.differences,
    )


def _captioned(
    quotation: Quotation, quote: _Words, lyrics: _Lyrics, caption: tuple[int, int]
) -> QuoteMatch | None:
    """A block quote captioned with its lines ("— line 14"): linked there when the words agree."""
    first, last = caption
    if not 1 <= first <= last <= len(lyrics.lines):
        return None
    positions = [p for p, number in enumerate(lyrics.content) if first - 1 <= number <= last - 1]
    if not positions:
        return None
    found = _align(quote, *lyrics.window(positions[0], positions[-1]))
    if found is None or found.coverage < MIN_COVERAGE or found.quality < MIN_QUALITY:
        return None
    return QuoteMatch(
        quotation, _places(lyrics, [found]), round(found.score, 4), bool(found.differences), found.differences
    )


def _nested(matches: list[QuoteMatch]) -> list[QuoteMatch]:
    """Of two matches one inside the other, keep the better quotation: the inner one when it quotes
    better (a person's sentence around a quoted line), else the outer (a quote that merely holds
    an apostrophe-paired stretch of itself, as in 'Rock 'n' roll ...')."""

    def holds(outer: Quotation, inner: Quotation) -> bool:
        return outer.start <= inner.start and inner.end <= outer.end and outer != inner

    dropped: set[int] = set()
    order = sorted(range(len(matches)), key=lambda n: (matches[n].quotation.start, -matches[n].quotation.end))
    for place, a in enumerate(order):  # in text order, each against the ones starting inside it
        outer = matches[a]
        for b in order[place + 1 :]:
            inner = matches[b]
            if inner.quotation.start >= outer.quotation.end:
                break
            if holds(outer.quotation, inner.quotation):
                dropped.add(a if inner.score > outer.score else b)
    return [match for n, match in enumerate(matches) if n not in dropped]


def compare(quote: str, lyrics: str, first: int, last: int) -> tuple[float, bool, tuple[Difference, ...]]:
    """How well *quote* quotes lines *first*..*last* (1-based) of *lyrics*: (score, misquoted, differences).

    For a link made by hand: the user chose the lines, so any alignment is accepted and only
    described; a quotation that shares no word with the lines scores 0, its difference the whole.
    """
    read = _read_lyrics(lyrics)
    words = _words(quote, gaps=True)
    positions = [p for p, number in enumerate(read.content) if first - 1 <= number <= last - 1]
    if not words.keys or not positions:
        return 0.0, True, ()
    keys, surfaces, owners = read.window(positions[0], positions[-1])
    found = _align(words, keys, surfaces, owners, careful=True)
    if found is None:
        return 0.0, True, (Difference(" ".join(words.surfaces), " ".join(dict.fromkeys(surfaces))),)
    return round(found.score, 4), bool(found.differences), found.differences
