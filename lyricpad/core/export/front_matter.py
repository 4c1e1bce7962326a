"""YAML front matter of the Markdown exports: every value quoted so any YAML parser reads it back unchanged."""

from __future__ import annotations

import re
from datetime import datetime

# Braces too: a site template printing a value must not find "{{" or "{%" in the file (YAML reads \u007b as "{").
_YAML_UNSAFE = re.compile('[\\x00-\\x1f\\x7f-\\x9f"\\\\{}\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]')
_YAML_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r", '"': '\\"', "\\": "\\\\", "\x00": "\\0"}


def yaml_quote(value: str) -> str:
    """*value* as a YAML double-quoted scalar that every YAML parser reads back unchanged."""
    return '"' + _YAML_UNSAFE.sub(lambda m: _YAML_NAMED.get(m[0]) or f"\\u{ord(m[0]):04x}", value) + '"'


def front_matter(fields: dict) -> list[str]:
    """YAML front matter lines (with the --- fences) for text, numbers and lists of text."""
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, list):
            lines.append(f"{key}: [{', '.join(yaml_quote(str(v)) for v in value)}]")
        elif isinstance(value, int) and not isinstance(value, bool):
            lines.append(f"{key}: {value}")
        else:
            lines.append(f"{key}: {yaml_quote(str(value))}")
    lines.append("---")
    return lines


def front_matter_date(stamp: str) -> str:
    """An ISO time as front matter wants it: seconds, with its offset (Hugo and Jekyll parse it)."""
    try:
        return datetime.fromisoformat(stamp).isoformat(timespec="seconds")
    except ValueError:
        return stamp


def obsidian_tag(tag: str) -> str:
    """A tag as Obsidian reads one: letters, digits, _ - / only, never all digits."""
    tag = re.sub(r"[^\w/-]", "-", tag)
    return f"_{tag}" if tag.isdigit() else tag
