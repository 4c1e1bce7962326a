"""The annotations of one song as a two-level model: a group per text, an item per annotation."""

from __future__ import annotations

import re

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from lyricpad.core.models import Annotation, Article

_USER = Qt.ItemDataRole.UserRole


class AnnotationRole:
    """Item data roles of `AnnotationModel` (plain ints, as Qt expects)."""

    ID = _USER + 1  # annotation id; "" on group rows
    IS_GROUP = _USER + 2
    LENS_NAME = _USER + 3
    LENS_COLOUR = _USER + 4  # "#rrggbb", or "" without a lens
    NOTE_LINE = _USER + 5  # first non-blank line of the note
    TAGS = _USER + 6  # list of tag names
    PLACES = _USER + 7  # how many fragments (places in the text) the annotation has


def one_line(text: str) -> str:
    """*text* on one line: line breaks shown as " / ", as a quote of several lines is cited."""
    return " / ".join(part.strip() for part in text.split("\n") if part.strip())


_EMPHASIS = re.compile(r"(?<!\w)(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1(?!\w)")


def first_line(text: str) -> str:
    """The first non-blank line of a Markdown note, with emphasis marks taken off."""
    for line in text.splitlines():
        if line.strip():
            return _EMPHASIS.sub(r"\2", line.strip())
    return ""


class AnnotationModel(QStandardItemModel):
    """Groups "Lyrics" and "Article: <title>", each holding its annotations in text order."""

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._annotations: dict[str, Annotation] = {}

    def load(self, annotations: list[Annotation], articles: list[Article]) -> None:
        """Show *annotations* (in the session's text order) grouped by the text they mark."""
        self.clear()
        self._annotations = {a.id: a for a in annotations}
        titles = {article.id: article.title or "untitled" for article in articles}
        groups: dict[str | None, QStandardItem] = {}
        for annotation in annotations:
            key = annotation.article_id if annotation.target == "article" else None
            if key not in groups:
                label = "Lyrics" if key is None else f"Article: {titles.get(key, 'untitled')}"
                groups[key] = self._group_item(label)
                self.appendRow(groups[key])
            groups[key].appendRow(self._annotation_item(annotation))

    @staticmethod
    def _group_item(label: str) -> QStandardItem:
        item = QStandardItem(label)
        item.setData(True, AnnotationRole.IS_GROUP)
        item.setData("", AnnotationRole.ID)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled)
        return item

    @staticmethod
    def _annotation_item(annotation: Annotation) -> QStandardItem:
        quote = one_line(annotation.quote)
        item = QStandardItem(quote)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        item.setData(False, AnnotationRole.IS_GROUP)
        item.setData(annotation.id, AnnotationRole.ID)
        item.setData(annotation.lens.name if annotation.lens else "", AnnotationRole.LENS_NAME)
        item.setData(annotation.lens.colour if annotation.lens else "", AnnotationRole.LENS_COLOUR)
        item.setData(first_line(annotation.note), AnnotationRole.NOTE_LINE)
        item.setData(list(annotation.tags), AnnotationRole.TAGS)
        item.setData(len(annotation.fragments), AnnotationRole.PLACES)
        lens = annotation.lens.name if annotation.lens else "no lens"
        item.setData(f"{lens}: {quote}. {annotation.note}", Qt.ItemDataRole.AccessibleTextRole)
        item.setToolTip(annotation.note)
        return item

    def annotation(self, annotation_id: str) -> Annotation | None:
        return self._annotations.get(annotation_id)

    def annotation_count(self) -> int:
        return len(self._annotations)
