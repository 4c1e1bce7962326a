"""Spotting page furniture in pasted articles (bylines, buttons, "5 min read", related links) by line rules.

Detection only suggests: nothing is removed until the user (or ``lyricpad import --clean``) says
so, through `remove_furniture`. The rules are conservative: a line of prose is never flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lyricpad.core.text import fold

MAX_FURNITURE_CHARS = 100
"""A line longer than this is body text, whatever it says."""
MAX_FURNITURE_WORDS = 14
"""A line of more words than this is body text, whatever it says."""
MAX_BYLINE_WORDS = 8
"""A "By Name" line without a view count or date is a byline only up to this many words."""
MIN_RELATED_RUN = 2
"""Title-like lines needed after a "Related"/"More from..." heading to call them a related list."""
MIN_RELATED_WORDS = 3
"""A related-page title has at least this many words (a single name is more likely content)."""

BUTTON = "button"
BYLINE = "byline"
VIEW_COUNT = "view count"
READING_TIME = "reading time"
REPEATED_TITLE = "repeated title"
RELATED_HEADING = "related heading"
RELATED_LINK = "related link"

REASONS = {
    BUTTON: "a button or page control",
    BYLINE: "a byline",
    VIEW_COUNT: "a view count",
    READING_TIME: "a reading-time note",
    REPEATED_TITLE: "the title repeated",
    RELATED_HEADING: "the heading of a list of related pages",
    RELATED_LINK: "the title of a related page",
}
"""What each rule means, for a user reading the suggestion."""

BUTTON_WORDS = frozenset(
    {
        "share", "close", "tweet", "email", "e-mail", "print", "save", "copy", "copy link",
        "copied", "link", "facebook", "twitter", "x", "linkedin", "reddit", "whatsapp",
        "pinterest", "telegram", "bluesky", "threads", "mastodon", "follow", "subscribe",
        "sign in", "sign up", "log in", "login", "menu", "search", "like", "reply", "comment",
        "comments", "bookmark", "listen", "play", "more", "show more", "read more", "back to top",
        "skip to content", "skip to main content", "advertisement", "sponsored", "share this",
        "share this article", "share this story", "share this post", "open in app", "gift article",
        "expand", "collapse", "next", "previous", "cancel", "ok", "accept", "dismiss", "×", "✕", "✖",
    }
)  # fmt: skip
"""Labels of page controls; a line made only of these (separated by spaces, | or ·) is a button row."""

RELATED_HEADINGS = frozenset(
    {
        "related", "related articles", "related posts", "related stories", "related content",
        "related reading", "read next", "read more", "more to read", "more stories",
        "more like this", "more from", "you may also like", "you might also like",
        "recommended", "recommended for you", "popular", "most popular", "most read", "trending",
        "trending now", "further reading", "see also", "keep reading", "up next", "latest",
    }
)  # fmt: skip
"""Headings of a trailing list of links to other pages ("More from ..." also counts)."""

_SEPARATORS = re.compile(r"\s*(?:[|·•/,]|\s)\s*")
_MARKDOWN_DECOR = re.compile(r"^\s{0,3}(?:#{1,6}\s+|>\s*|[-*+]\s+|\d{1,3}[.)]\s+)*")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"[*_`~]+")
_VIEWS = re.compile(r"\b\d[\d,.\u202f\u00a0 ]*[kKmM]?\s*(?:views?|reads|plays|listens)\b", re.IGNORECASE)
_READ_TIME = re.compile(
    r"\b(?:\d{1,3}\s*(?:-\s*)?(?:min|mins|minutes?)\.?\s*(?:read|listen)|reading time:?\s*\d{1,3}\s*(?:min|mins|minutes?))\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^(?:by|written by|words by|posted by|text by|von|par|por)\s+(.+)$", re.IGNORECASE)
_BYLINE_SEPARATOR = re.compile(r"\s*(?:[·|•—–,]|\s-\s|\bon\b|\bupdated\b|\bpublished\b)\s*", re.IGNORECASE)
_NAME_LINKS = frozenset(
    {"and", "&", "de", "van", "von", "der", "den", "da", "di", "du", "le", "la", "y", "al", "bin"}
)
_SENTENCE_END = re.compile(r"[.;:,]$")
_PROSE = re.compile(r"[.!?][\"'”’)]?\s+\S.*[.!?]")  # two sentences: prose, not furniture


@dataclass(frozen=True)
class Furniture:
    """One line of *text* taken for page furniture: its 1-based number, its text and the rule."""

    line: int
    text: str
    rule: str

    @property
    def reason(self) -> str:
        return REASONS.get(self.rule, self.rule)

    def to_json(self) -> dict:
        return {"line": self.line, "text": self.text, "rule": self.rule, "reason": self.reason}


def _plain(line: str) -> str:
    """The words of a Markdown line without its decoration: "## [Share](u) **now**" -> "Share now"."""
    line = _LINK.sub(r"\1", line)
    line = _MARKDOWN_DECOR.sub("", line)
    line = _EMPHASIS.sub("", line)
    return " ".join(line.split())


def _key(line: str) -> str:
    return " ".join(re.findall(r"\w+", fold(_plain(line))))


def _could_be_furniture(plain: str) -> bool:
    if not plain or len(plain) > MAX_FURNITURE_CHARS or len(plain.split()) > MAX_FURNITURE_WORDS:
        return False
    return not _PROSE.search(plain)


def _is_button_row(plain: str) -> bool:
    if plain.endswith((".", "!", "?")) and plain.lower() not in BUTTON_WORDS:
        return False  # "Close." is a sentence
    lowered = plain.lower()
    if lowered in BUTTON_WORDS:
        return True
    pieces = [piece for piece in _SEPARATORS.split(lowered) if piece]
    if not pieces:
        return False
    # Two-word labels ("sign in", "copy link") are matched greedily, then single words.
    index = 0
    while index < len(pieces):
        pair = " ".join(pieces[index : index + 2])
        if index + 1 < len(pieces) and pair in BUTTON_WORDS:
            index += 2
        elif pieces[index] in BUTTON_WORDS:
            index += 1
        else:
            return False
    return True


def _is_related_heading(plain: str) -> bool:
    lowered = plain.lower().rstrip(":").strip()
    return lowered in RELATED_HEADINGS or lowered.startswith("more from ")


def _is_related_title(plain: str) -> bool:
    return (
        _could_be_furniture(plain)
        and len(plain.split()) >= MIN_RELATED_WORDS
        and not _SENTENCE_END.search(plain)
        and not plain.endswith(".")
    )


def _is_byline(plain: str) -> bool:
    """ "By Wren Alder", "By Wren Alder and Ivo Marsh · 5 March 2024": a name of capitalised words."""
    match = _BYLINE.match(plain)
    if not match or len(plain.split()) > MAX_BYLINE_WORDS or _SENTENCE_END.search(plain):
        return False
    name = _BYLINE_SEPARATOR.split(match.group(1), maxsplit=1)[0].split()
    return 0 < len(name) <= 5 and all(word[:1].isupper() or word.lower() in _NAME_LINKS for word in name)


def _line_rule(plain: str, title_key: str | None, key: str) -> str | None:
    if not _could_be_furniture(plain):
        return None
    if _is_button_row(plain):
        return BUTTON
    if _READ_TIME.search(plain):
        return READING_TIME
    if _VIEWS.search(plain) and not plain.endswith("."):
        return VIEW_COUNT
    if _is_byline(plain):
        return BYLINE
    if title_key and key == title_key:
        return REPEATED_TITLE
    return None


def _related_list(lines: list[str], flagged: dict[int, str]) -> dict[int, str]:
    """Line indexes of a trailing "Related" heading and the title-like lines after it."""
    end = len(lines)
    while end > 0 and (not lines[end - 1].strip() or end - 1 in flagged):
        end -= 1
    run: list[int] = []
    index = end - 1
    while index >= 0:
        plain = _plain(lines[index])
        if not plain or index in flagged:
            index -= 1
            continue
        if _is_related_heading(plain):
            if len(run) >= MIN_RELATED_RUN:
                found = {index: RELATED_HEADING}
                found.update(dict.fromkeys(run, RELATED_LINK))
                return found
            return {}
        if not _is_related_title(plain):
            return {}
        run.append(index)
        index -= 1
    return {}


def detect_furniture(text: str, title: str | None = None) -> list[Furniture]:
    """Lines of *text* (Markdown or plain) that look like page furniture, in text order.

    *title* is the article's title: lines repeating it are flagged. Without it, a short first line
    repeated later counts as the title. Nothing is removed (see `remove_furniture`).
    """
    lines = text.split("\n")
    title_key = _key(title) if title else None
    first = next((line for line in lines if line.strip()), "")
    skip_first = False
    if not title_key and _could_be_furniture(_plain(first)):
        title_key = _key(first)
        skip_first = True  # the first occurrence is the title itself, not a repetition
    flagged: dict[int, str] = {}
    seen_first = False
    for index, line in enumerate(lines):
        plain = _plain(line)
        if not plain:
            continue
        key = _key(line)
        rule = _line_rule(plain, title_key, key)
        if rule == REPEATED_TITLE and skip_first and not seen_first:
            seen_first = True
            continue
        seen_first = True
        if rule:
            flagged[index] = rule
    flagged.update(_related_list(lines, flagged))
    return [Furniture(index + 1, lines[index], rule) for index, rule in sorted(flagged.items())]


def remove_furniture(text: str, furniture: list[Furniture]) -> str:
    """*text* without the given furniture lines; a line whose text changed since detection stays.

    Blank lines left doubled by a removal become one, and none are left at either end.
    """
    lines = text.split("\n")
    drop = {
        item.line - 1
        for item in furniture
        if 0 < item.line <= len(lines) and lines[item.line - 1] == item.text
    }
    if not drop:
        return text
    kept: list[str] = []
    removed_since_kept = False
    for index, line in enumerate(lines):
        if index in drop:
            removed_since_kept = True
            continue
        if not line.strip() and (not kept or (removed_since_kept and not kept[-1].strip())):
            continue
        kept.append(line)
        if line.strip():
            removed_since_kept = False
    while kept and not kept[-1].strip():
        kept.pop()
    result = "\n".join(kept)
    return result + "\n" if text.endswith("\n") and result else result
