"""The front matter of a Markdown file (a "---" block of "key: value" lines on top): its title, author, date and URL."""

from __future__ import annotations

import re

from lyricpad.core.text import normalise_line

MAX_FRONT_MATTER_LINES = 60
"""A block longer than this is not front matter (a file that opens with a rule and goes on)."""
KEYS = {
    "title": "title",
    "author": "author",
    "authors": "author",
    "by": "author",
    "date": "date",
    "published": "date",
    "url": "source",
    "source": "source",
    "link": "source",
    "canonical_url": "source",
}
"""Front matter keys read, and the field of an import each fills."""

_OPEN = re.compile(r"^---[ \t]*$")
_CLOSE = re.compile(r"^(?:---|\.\.\.)[ \t]*$")
_PAIR = re.compile(r"^([A-Za-z][\w-]*)[ \t]*:(?:[ \t]+(.*))?$")
_NESTED = re.compile(r"^(?:[ \t]+\S|[ \t]*-[ \t]|[ \t]*#|[ \t]*$)")  # list items, indented values, comments


def _value(raw: str) -> str:
    value = raw.strip()
    if value.startswith("[") and value.endswith("]"):  # authors: [Jo Writer, Ivo Marsh]
        value = ", ".join(part.strip().strip("\"'") for part in value[1:-1].split(",") if part.strip())
    elif len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return normalise_line(value)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """({"title", "author", "date", "source"} found, the text after the block) of Markdown *text*.

    Only a block that opens on the first line with "---", holds nothing but "key: value" lines
    (and lists, indented values or comments under them) and closes with "---" or "..." counts;
    anything else is left as it is: ({}, *text*). A list value ("authors:" then "- Jo Writer")
    gives its first item.
    """
    lines = text.split("\n")
    if not lines or not _OPEN.match(lines[0]):
        return {}, text
    found: dict[str, str] = {}
    pending: str | None = None  # a key whose value is the list below it
    for index, line in enumerate(lines[1 : MAX_FRONT_MATTER_LINES + 1], start=1):
        if _CLOSE.match(line):
            if index == 1:
                return {}, text  # "---" twice is a rule, not a block
            return found, "\n".join(lines[index + 1 :]).lstrip("\n")
        pair = _PAIR.match(line)
        if pair:
            field = KEYS.get(pair.group(1).lower())
            value = _value(pair.group(2) or "")
            pending = field if field and not value else None
            if field and value:
                found.setdefault(field, value)
            continue
        if not _NESTED.match(line):
            return {}, text
        item = line.strip()
        if pending and item.startswith("-") and item[1:].strip():
            found.setdefault(pending, _value(item[1:]))
            pending = None
    return {}, text
