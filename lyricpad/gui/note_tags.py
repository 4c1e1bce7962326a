"""Tags as the note editor takes them: typed comma- or space-separated, shown as "#a #b", completed as typed."""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex
from PySide6.QtWidgets import QCompleter, QLineEdit

from lyricpad.core.text import fold, normalise_text

_TAG_SEPARATORS = re.compile(r"[,\s]+")


def parse_tags(text: str) -> list[str]:
    """Tags typed comma- or space-separated, '#' optional: "#a, b  c" -> ["a", "b", "c"], each once."""
    tags: list[str] = []
    seen: set[str] = set()
    for token in _TAG_SEPARATORS.split(normalise_text(text)):
        tag = token.lstrip("#")
        if tag and fold(tag) not in seen:
            seen.add(fold(tag))
            tags.append(tag)
    return tags


def format_tags(tags: Iterable[str]) -> str:
    """Tags as the tags field shows them: "#a #b"."""
    return " ".join(f"#{tag}" for tag in tags)


def same_tags(a: Iterable[str], b: Iterable[str]) -> bool:
    """Whether two tag lists name the same tags, as the library matches them (case ignored)."""
    return {fold(t) for t in a} == {fold(t) for t in b}


def _last_tag(text: str) -> str:
    """The tag being typed: whatever follows the last separator."""
    return _TAG_SEPARATORS.split(text)[-1]


class TagCompleter(QCompleter):
    """Completes the tag being typed (the last one on the line), keeping the ones before it."""

    def splitPath(self, path: str) -> list[str]:
        return [_last_tag(path).lstrip("#")]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:
        widget = self.widget()
        text = widget.text() if isinstance(widget, QLineEdit) else ""
        typed = _last_tag(text)
        head = text[: len(text) - len(typed)]
        return f"{head}{'#' if typed.startswith('#') else ''}{index.data()}"
