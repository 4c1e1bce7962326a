"""Spotting page furniture in pasted articles (bylines, buttons, "5 min read", related links) by line rules.

Detection only suggests: nothing is removed until the user (or ``lyricpad import --clean``) says
so, through `remove_furniture`. The rules are conservative: a line of prose is never flagged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lyricpad.core.text import fold, normalise_line

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
MAX_SITE_WORDS = 5
"""In "Title | Site" the site's name has at most this many words."""
MAX_PROFILE_NAME_WORDS = 5
"""In "Harbour Notes - YouTube" the profile's name has at most this many words (more is a sentence)."""

BUTTON = "button"
BYLINE = "byline"
VIEW_COUNT = "view count"
READING_TIME = "reading time"
REPEATED_TITLE = "repeated title"
RELATED_HEADING = "related heading"
RELATED_LINK = "related link"
SOCIAL_PROFILE = "social profile"
_CUT = "cut title"  # "Ten songs about ferries you should..."
_PIPED = "page title"  # "The quiet art of the unresolved chord | Harbour Notes"
_DASHED = "titled line"  # "A short history of harbour ballads – Tideline Magazine", or "Song – Artist"
_TITLED = (_PIPED, _DASHED)
_MAYBE_LINKS = (_CUT, _PIPED, _DASHED)

REASONS = {
    BUTTON: "a button or page control",
    BYLINE: "a byline",
    VIEW_COUNT: "a view count",
    READING_TIME: "a reading-time note",
    REPEATED_TITLE: "the title repeated",
    RELATED_HEADING: "the heading of a list of related pages",
    RELATED_LINK: "the title of a related page",
    SOCIAL_PROFILE: "the title of a social-media profile",
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
_SITE_SUFFIX = re.compile(r"^(?P<title>.+?)\s+(?:[|–—]|-(?=\s))\s+(?P<site>[^|–—]+?)$")
_ELLIPSIS = ("...", "…")
_NETWORKS = (
    "instagram|facebook|x|twitter|linkedin|youtube|tiktok|threads|bluesky|mastodon|pinterest"
    "|soundcloud|bandcamp|spotify|tumblr|substack"
)
_PROFILE_NETWORK = rf"(?:{_NETWORKS})(?:\s+(?:photos and videos|videos|profile|channel|official))?"
_PROFILE = re.compile(
    # Only a profile page's own title: "Name (@handle) • Instagram photos and videos",
    # "Harbour Notes (@harbournotes) / X", "Harbour Notes - YouTube", "Harbour Notes | Facebook".
    rf"^(?P<name>[^.!?:;,()|•·/]{{1,60}}?)\s*"
    rf"(?:\(@[\w.]{{1,40}}\)\s*(?:[|•·/–—-]|\bon\b)\s*{_PROFILE_NETWORK}"
    rf"|\s(?:[|•·/–—]|-)\s*{_PROFILE_NETWORK})$",
    re.IGNORECASE,
)
_QUOTED = re.compile(r'^(?:\s{0,3}>|\s*(?:[*_]+|["“‘\'«„]).*(?:[*_]+|["”’\'»“])\s*$)')
"""A blockquote, a line in emphasis or in quotation marks: the article quoting something."""
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


def _title_keys(title: str) -> set[str]:
    """*title* as compared with lines, also without a site's name after it ("Title | Harbour Notes")."""
    keys = {_key(title)}
    match = _SITE_SUFFIX.match(_plain(title))
    if match and len(match.group("site").split()) <= MAX_SITE_WORDS:
        keys.add(_key(match.group("title")))
    return {key for key in keys if key}


def _page_site(title: str | None) -> str:
    """The site's name after the page's *title* ("Why the ferry never leaves | Harbour Notes"), or ""."""
    return _site(_plain(title or ""))


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


def _byline_name(plain: str) -> str | None:
    """The name in "By Wren Alder · 5 March 2024" (capitalised words, up to five), else None."""
    match = _BYLINE.match(plain)
    if not match or _SENTENCE_END.search(plain):
        return None
    name = _BYLINE_SEPARATOR.split(match.group(1), maxsplit=1)[0].split()
    if 0 < len(name) <= 5 and all(word[:1].isupper() or word.lower() in _NAME_LINKS for word in name):
        return " ".join(name)
    return None


def _is_byline(plain: str) -> bool:
    """ "By Wren Alder", "By Wren Alder and Ivo Marsh · 5 March 2024": a name of capitalised words."""
    return len(plain.split()) <= MAX_BYLINE_WORDS and _byline_name(plain) is not None


def _trailing_rule(line: str, plain: str) -> str | None:
    """What a line of the block that ends a scraped page may be: a profile, a page's title, a cut title.

    A quotation (blockquote, emphasis, quotation marks) is the article's own, never furniture.
    """
    if _QUOTED.match(line) or not _could_be_furniture(plain):
        return None
    profile = _PROFILE.match(plain)
    if profile and len(profile.group("name").split()) <= MAX_PROFILE_NAME_WORDS:
        return SOCIAL_PROFILE
    if plain.endswith((".", "!", "?")) and not plain.endswith(_ELLIPSIS):
        return None  # a sentence ("It went round on TikTok.") ends an article, not a page
    if plain.endswith(_ELLIPSIS):
        return _CUT if len(plain.split()) >= 2 else None  # "Ten songs about ferries you should..."
    match = _SITE_SUFFIX.match(plain)
    if (
        match
        and len(match.group("site").split()) <= MAX_SITE_WORDS
        and len(match.group("title").split()) >= 2
        and not _SENTENCE_END.search(plain)
    ):
        return _PIPED if "|" in plain else _DASHED  # "The quiet art of the unresolved chord | Harbour Notes"
    return None


def _site(plain: str) -> str:
    """The site's name after a "Title | Site" line, as a key, or "" (also when too long for a site's name)."""
    match = _SITE_SUFFIX.match(plain)
    return _key(match.group("site")) if match and len(match.group("site").split()) <= MAX_SITE_WORDS else ""


def _line_rule(plain: str, title_keys: set[str], key: str) -> str | None:
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
    if key in title_keys:
        return REPEATED_TITLE
    return None


def _trailing_block(lines: list[str], flagged: dict[int, str], site: str) -> dict[int, str]:
    """Line indexes of the block of links to other pages and profiles that ends a scraped page.

    Read from the end up, over blank and already flagged lines (a lone "close"), until a line is
    none of these. Lines that only might be links (a title cut with "...", "Song – Artist") are
    taken only when the block shows it was scraped: a social-media profile's title, a "Related"
    heading right above it, a "Title – Site" naming the page's own *site*, or two lines or more
    with a "Title | Site" among them. The article's own last lines (a verse quoted with "...",
    a song cited as "Title – Artist") are none of these.
    """
    found: dict[int, str] = {}
    heading = False
    for index in range(len(lines) - 1, -1, -1):
        plain = _plain(lines[index])
        if not plain or index in flagged:
            continue
        rule = _trailing_rule(lines[index], plain)
        if rule is None:
            # A lone "Related posts" or "More from Harbour Notes" right above the block heads it;
            # any other line (the article's last paragraph, a heading of its own) ends the block.
            if found and _is_related_heading(plain):
                found[index] = RELATED_HEADING
                heading = True
            break
        found[index] = rule
    kinds = list(found.values())
    scraped = (
        heading
        or SOCIAL_PROFILE in kinds
        or bool(site and any(_site(_plain(lines[i])) == site for i, kind in found.items() if kind in _TITLED))
        or (len(kinds) >= MIN_RELATED_RUN and _PIPED in kinds)
    )
    if not scraped:
        return {}
    return {index: RELATED_LINK if kind in _MAYBE_LINKS else kind for index, kind in found.items()}


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
    title_keys = _title_keys(title) if title else set()
    first = next((line for line in lines if line.strip()), "")
    skip_first = False
    if not title_keys and _could_be_furniture(_plain(first)):
        title_keys = _title_keys(first)
        skip_first = True  # the first occurrence is the title itself, not a repetition
    flagged: dict[int, str] = {}
    seen_first = False
    for index, line in enumerate(lines):
        plain = _plain(line)
        if not plain:
            continue
        key = _key(line)
        rule = _line_rule(plain, title_keys, key)
        if rule == REPEATED_TITLE and skip_first and not seen_first:
            seen_first = True
            continue
        seen_first = True
        if rule:
            flagged[index] = rule
    flagged.update(_trailing_block(lines, flagged, _page_site(title)))
    flagged.update(_related_list(lines, flagged))
    return [Furniture(index + 1, lines[index], rule) for index, rule in sorted(flagged.items())]


def title_without_site(title: str, text: str, site: str = "") -> str:
    """*title* without the site's name after it ("Why the ferry never leaves | Harbour Notes"), when
    that is known to be the site's name: *text* repeats the title without it, or *site* names it.

    Anything else is left as it is (a title may hold a "|" or a dash of its own); the user can
    still edit the suggestion.
    """
    match = _SITE_SUFFIX.match(normalise_line(title))
    suffix = match.group("site") if match else ""
    if not match or len(suffix.split()) > MAX_SITE_WORDS or not _key(match.group("title")):
        return title
    bare = _key(match.group("title"))
    named = bool(site) and _key(site).replace(" ", "") == _key(suffix).replace(" ", "")
    if named or any(_key(line) == bare for line in text.split("\n")):
        return match.group("title")
    return title


def byline_author(furniture: list[Furniture]) -> str:
    """The author named by the first byline among *furniture* ("By Jo Writer · 5 min read": "Jo Writer"), or ""."""
    for item in furniture:
        if item.rule in (BYLINE, VIEW_COUNT, READING_TIME):
            name = _byline_name(_plain(item.text))
            if name:
                return name
    return ""


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
