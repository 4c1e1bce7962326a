"""The annotations of one song as a two-level model (a group per text, an item per annotation).

Its filter is `lyricpad.app.annotation_filter.AnnotationFilterModel`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QStandardItem, QStandardItemModel

from lyricpad.core.models import Annotation, Article, Lens
from lyricpad.core.search_query import haystack
from lyricpad.core.text import fold, sort_key

_USER = Qt.ItemDataRole.UserRole

LYRICS_GROUP = "lyrics"
TRANSLATION_GROUP = "translation"
REVIEW_GROUP = "review"
TRASH_GROUP = "trash"
ARTICLE_GROUP = "article:"
"""Prefix of an article group's key; the article's id follows."""

_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled  # a heading is not selected, but the keyboard can rest on it
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
_KEY = _USER + 40
"""The one thing a row's item holds: its annotation's id (a heading's: its group's key)."""

NO_LENS = "-"
"""Lens filter value that keeps only annotations without a lens."""

BADGES = {
    "needs_review": QT_TRANSLATE_NOOP("AnnotationModel", "needs review"),
    "orphaned": QT_TRANSLATE_NOOP("AnnotationModel", "orphaned"),
}
"""The statuses that put an annotation in the "Needs review" group, and the badge each shows (English: translate
it where it is shown)."""

_STATUS_TIPS = {
    "needs_review": QT_TRANSLATE_NOOP(
        "AnnotationModel",
        "Needs review: the text was edited; check that this highlight still covers the right words.",
    ),
    "orphaned": QT_TRANSLATE_NOOP(
        "AnnotationModel", "Orphaned: the highlighted words are gone from the text; the note is kept."
    ),
}
_GROUP_TIPS = {
    REVIEW_GROUP: QT_TRANSLATE_NOOP(
        "AnnotationModel", "Highlights whose text was edited or is gone: check each one."
    ),
    TRASH_GROUP: QT_TRANSLATE_NOOP(
        "AnnotationModel", "Deleted highlights of this song: Del or Ctrl+Shift+R on one restores it."
    ),
}


class AnnotationRole:
    """Item data roles of `AnnotationModel` (plain ints, as Qt expects)."""

    ID = _USER + 1  # annotation id; "" on group rows
    IS_GROUP = _USER + 2
    LENS_NAME = _USER + 3
    LENS_COLOUR = _USER + 4  # "#rrggbb", or "" without a lens
    NOTE_LINE = _USER + 5  # first non-blank line of the note
    TAGS = _USER + 6  # list of tag names
    PLACES = _USER + 7  # how many fragments (places in the text) the annotation has
    GROUP_KEY = _USER + 8  # the group's key, on group rows and on the annotations in it
    STATUS = _USER + 9  # "anchored", "needs_review" or "orphaned"; "" on group rows
    BADGE = _USER + 10  # "needs review", "orphaned" or ""
    IN_TRASH = _USER + 11
    LENS_ID = _USER + 12  # "" without a lens


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


def search_text(annotation: Annotation) -> str:
    """What the text filter searches: every quote, the note and the tags, case and accents folded."""
    quotes = "\n".join(fragment.quote for fragment in annotation.fragments)
    tags = " ".join(f"#{tag}" for tag in annotation.tags)
    return haystack(quotes, annotation.note, tags)


def group_annotations(
    annotations: Iterable[Annotation],
    articles: Sequence[Article],
    trashed: Iterable[Annotation] = (),
    review: Collection[str] | None = None,
) -> list[tuple[str, str, list[Annotation]]]:
    """(key, label, annotations) of each non-empty group, in the order the panel shows them.

    "Needs review" first (the annotations whose ids are in *review*; None: the needs_review
    and orphaned ones, wherever they are: they wait for the user), then "Lyrics", "Translation", "Article:
    <title>" per article (in *articles* order), then "Trash". Within a group the annotations
    keep the order given (the session's text order). An id given twice is listed once, where
    it first appears.
    """
    untitled = QCoreApplication.translate("AnnotationModel", "untitled")
    titles = {article.id: article.title or untitled for article in articles}
    lyrics: list[Annotation] = []
    translation: list[Annotation] = []
    needing_review: list[Annotation] = []
    trash: list[Annotation] = []
    by_article: dict[str | None, list[Annotation]] = {}
    seen: set[str] = set()
    review_ids = None if review is None else set(review)
    for annotation in [*annotations, *trashed]:
        if annotation.id in seen:
            continue
        seen.add(annotation.id)
        if annotation.deleted:
            trash.append(annotation)
        elif (annotation.status in BADGES) if review_ids is None else (annotation.id in review_ids):
            needing_review.append(annotation)
        elif annotation.target == "article":
            by_article.setdefault(annotation.article_id, []).append(annotation)
        elif annotation.target == "translation":
            translation.append(annotation)
        else:
            lyrics.append(annotation)
    groups = []
    if needing_review:
        groups.append(
            (REVIEW_GROUP, QCoreApplication.translate("AnnotationModel", "Needs review"), needing_review)
        )
    if lyrics:
        groups.append((LYRICS_GROUP, QCoreApplication.translate("AnnotationModel", "Lyrics"), lyrics))
    if translation:
        groups.append(
            (TRANSLATION_GROUP, QCoreApplication.translate("AnnotationModel", "Translation"), translation)
        )
    # Annotations of an article not given (in the trash, say) still show, after the others.
    order = [article.id for article in articles] + [key for key in by_article if key not in titles]
    for article_id in order:
        if article_id in by_article:
            title = titles.get(article_id, untitled)  # type: ignore[arg-type]
            label = QCoreApplication.translate("AnnotationModel", "Article: {title}").format(title=title)
            groups.append((f"{ARTICLE_GROUP}{article_id or ''}", label, by_article[article_id]))
    if trash:
        groups.append((TRASH_GROUP, QCoreApplication.translate("AnnotationModel", "Trash"), trash))
    return groups


def _increasing_run(positions: list[int]) -> set[int]:
    """Indexes of a longest strictly increasing subsequence of *positions*, ignoring those < 0.

    The rows to keep when a list is reordered: every other row is removed and inserted again.
    """
    tails: list[int] = []  # tails[k]: the smallest last position of an increasing run of length k + 1
    tail_index: list[int] = []
    previous = [-1] * len(positions)
    for i, position in enumerate(positions):
        if position < 0:
            continue
        k = bisect.bisect_left(tails, position)
        if k == len(tails):
            tails.append(position)
            tail_index.append(i)
        else:
            tails[k] = position
            tail_index[k] = i
        previous[i] = tail_index[k - 1] if k else -1
    keep: set[int] = set()
    i = tail_index[-1] if tail_index else -1
    while i >= 0:
        keep.add(i)
        i = previous[i]
    return keep


@dataclass(eq=False)
class _Group:
    key: str
    label: str
    rows: list[Annotation]


_PROTOTYPES: dict[Qt.ItemFlag, QStandardItem] = {}


def _item(key: str, flags: Qt.ItemFlag) -> QStandardItem:
    # A copy of an item with its flags set: one call into Qt fewer for each of a song's 2,000 rows.
    if flags not in _PROTOTYPES:
        _PROTOTYPES[flags] = QStandardItem()
        _PROTOTYPES[flags].setFlags(flags)
    item = _PROTOTYPES[flags].clone()
    item.setData(key, _KEY)
    return item


class AnnotationModel(QStandardItemModel):
    """Groups "Needs review", "Lyrics", "Article: <title>" and "Trash", each holding annotations in text order.

    `load` resets the model (another song); `update` changes it in place, row by row, so that
    views keep their scroll position, expanded groups and selection.

    The rows' structure lives in Qt's own items (each holding only its annotation's id), so that
    a view laying out 2,000 rows asks Python nothing but their sizes; what a row shows is read
    from the annotation when asked (`data`).
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setColumnCount(1)
        self._groups: list[_Group] = []
        self._by_key: dict[str, _Group] = {}
        self._annotations: dict[str, Annotation] = {}
        self._group_keys: dict[str, str] = {}  # annotation id -> key of its group
        self._search: dict[str, tuple[Annotation, str]] = {}  # id -> (annotation, its search_text)

    # ------------------------------------------------------------------ loading

    def load(
        self,
        annotations: list[Annotation],
        articles: list[Article],
        trashed: Iterable[Annotation] = (),
        review: Collection[str] | None = None,
    ) -> None:
        """Show another song's *annotations* (in text order), its *articles* and its *trashed* ones.

        *review*: the ids of those that need review (see `group_annotations`).
        """
        self.clear()
        self.setColumnCount(1)  # before any row: Qt would add the column while adding the rows
        self._groups = []
        self._by_key = {}
        self._search = {}
        for key, label, rows in group_annotations(annotations, articles, trashed, review):
            self._groups.append(self._new_group(key, label, list(rows)))
        self._index_annotations()
        # Built apart, then added at once: one signal for the whole song.
        self.invisibleRootItem().appendRows([self._group_item(group) for group in self._groups])

    def update(
        self,
        annotations: list[Annotation],
        articles: list[Article],
        trashed: Iterable[Annotation] = (),
        review: Collection[str] | None = None,
    ) -> None:
        """Show the same song's annotations again, inserting, removing and changing only the rows that differ."""
        plan = group_annotations(annotations, articles, trashed, review)
        wanted = {key: (label, rows) for key, label, rows in plan}
        kept: list[_Group] = []

        def make_group(item: tuple[str, str, list[Annotation]]) -> _Group:
            key, label, rows = item  # its rows readable at once, while the views hear of them
            return self._new_group(key, label, [self._register(annotation, key) for annotation in rows])

        def forget_groups(groups: list[_Group]) -> None:
            for group in groups:
                if self._by_key.get(group.key) is group:
                    del self._by_key[group.key]

        self._sync(
            self.invisibleRootItem(),
            self._groups,
            plan,
            key=lambda item: item.key if isinstance(item, _Group) else item[0],
            make=make_group,
            make_item=self._group_item,
            removed=forget_groups,
            kept=kept,
        )
        for row, group in enumerate(self._groups):
            if group not in kept:
                continue  # inserted just now, with its rows
            label, rows = wanted[group.key]
            parent = self.index(row, 0)
            if group.label != label:
                group.label = label
                self.dataChanged.emit(parent, parent)
            if [a.id for a in group.rows] != [a.id for a in rows]:  # most edits keep every row in place
                self._sync(
                    self.itemFromIndex(parent),
                    group.rows,
                    rows,
                    key=lambda a: a.id,
                    make=lambda a, key=group.key: self._register(a, key),
                    make_item=lambda a: _item(a.id, _ROW_FLAGS),
                )
            self._refresh(parent, group.rows, rows)
        self._index_annotations()

    def _new_group(self, key: str, label: str, rows: list[Annotation]) -> _Group:
        group = _Group(key, label, rows)
        self._by_key[key] = group
        return group

    @staticmethod
    def _group_item(group: _Group) -> QStandardItem:
        item = _item(group.key, _GROUP_FLAGS)
        item.appendRows([_item(annotation.id, _ROW_FLAGS) for annotation in group.rows])
        return item

    def _register(self, annotation: Annotation, key: str) -> Annotation:
        self._annotations[annotation.id] = annotation
        self._group_keys[annotation.id] = key
        return annotation

    def _index_annotations(self) -> None:
        self._annotations = {}
        self._group_keys = {}
        for group in self._groups:
            for annotation in group.rows:
                self._annotations[annotation.id] = annotation
                self._group_keys[annotation.id] = group.key
        self._search = {i: cached for i, cached in self._search.items() if i in self._annotations}

    def _sync(
        self,
        parent: QStandardItem,
        items: list,
        wanted: Sequence,
        *,
        key: Callable[[Any], str],
        make: Callable[[Any], Any] = lambda item: item,
        make_item: Callable[[Any], QStandardItem],
        removed: Callable[[list], None] = lambda items: None,
        kept: list | None = None,
    ) -> None:
        """Make *items*, the rows under *parent*, hold the keys of *wanted* in order.

        Rows whose key is gone, or that moved against the others, are removed; missing ones are
        inserted, made from *wanted* by *make* (and their Qt items by *make_item*). Contiguous
        rows go in one signal.
        """
        position = {key(item): i for i, item in enumerate(wanted)}
        positions = [position.get(key(item), -1) for item in items]
        kept_positions = [p for p in positions if p >= 0]
        if kept_positions == sorted(kept_positions):  # only insertions and removals (most edits)
            stay = {i for i, p in enumerate(positions) if p >= 0}
        else:
            stay = _increasing_run(positions)
        last = len(items) - 1
        while last >= 0:
            if last in stay:
                last -= 1
                continue
            first = last
            while first > 0 and first - 1 not in stay:
                first -= 1
            parent.removeRows(first, last - first + 1)
            gone = items[first : last + 1]
            del items[first : last + 1]
            removed(gone)
            last = first - 1
        if kept is not None:
            kept.extend(items)
        present = {key(item) for item in items}
        row = 0
        i = 0
        while i < len(wanted):
            if key(wanted[i]) in present:
                row += 1
                i += 1
                continue
            start = i
            while i < len(wanted) and key(wanted[i]) not in present:
                i += 1
            made = [make(item) for item in wanted[start:i]]
            items[row:row] = made
            parent.insertRows(row, [make_item(item) for item in made])
            row += i - start

    def _refresh(self, parent: QModelIndex, rows: list[Annotation], wanted: list[Annotation]) -> None:
        """Replace the annotations that changed (same ids, same order) and say which rows did."""
        first = -1
        for row, (old, new) in enumerate(zip(rows, wanted, strict=True)):
            changed = old is not new and old != new
            if changed:
                rows[row] = new
                self._annotations[new.id] = new
                if first < 0:
                    first = row
            if first >= 0 and (not changed or row == len(rows) - 1):
                end = row if changed else row - 1
                self.dataChanged.emit(self.index(first, 0, parent), self.index(end, 0, parent))
                first = -1

    # ------------------------------------------------------------------ reading

    def annotation(self, annotation_id: str) -> Annotation | None:
        """The listed annotation with *annotation_id* (in the trash or not), or None."""
        return self._annotations.get(annotation_id)

    def annotation_count(self, *, trash: bool = False) -> int:
        """How many annotations are listed, those in the trash counted only when *trash*."""
        return sum(len(g.rows) for g in self._groups if trash or g.key != TRASH_GROUP)

    def group_key_of(self, annotation_id: str) -> str:
        """The key of the group listing *annotation_id*, "" when it is not listed."""
        return self._group_keys.get(annotation_id, "")

    def annotation_at(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> Annotation | None:
        """The annotation of (row, parent), None for a group row (cheaper than `data`)."""
        if not parent.isValid() or parent.parent().isValid():
            return None
        return self._annotations.get(super().data(self.index(row, 0, parent), _KEY))

    def search_text_of(self, annotation: Annotation) -> str:
        """`search_text` of a listed annotation, computed once per version of it."""
        cached = self._search.get(annotation.id)
        if cached is None or cached[0] is not annotation:
            cached = (annotation, search_text(annotation))
            self._search[annotation.id] = cached
        return cached[1]

    def index_of(self, annotation_id: str) -> QModelIndex:
        """The index of *annotation_id*, invalid when it is not listed."""
        key = self._group_keys.get(annotation_id)
        for row, group in enumerate(self._groups):
            if group.key == key:
                for child, annotation in enumerate(group.rows):
                    if annotation.id == annotation_id:
                        return self.index(child, 0, self.index(row, 0))
        return QModelIndex()

    def group_ids(self, key: str) -> list[str]:
        """The ids of the annotations in group *key*, in their order ([] when the group is empty)."""
        group = next((g for g in self._groups if g.key == key), None)
        return [a.id for a in group.rows] if group is not None else []

    def group_index(self, key: str) -> QModelIndex:
        """The index of the group *key*, invalid when the group is empty."""
        for row, group in enumerate(self._groups):
            if group.key == key:
                return self.index(row, 0)
        return QModelIndex()

    def lenses(self) -> list[Lens]:
        """The lenses of the listed annotations, each once, in lens order."""
        lenses = {a.lens.id: a.lens for a in self._annotations.values() if a.lens is not None}
        return sorted(lenses.values(), key=lambda lens: (lens.position, sort_key(lens.name)))

    def has_annotation_without_lens(self) -> bool:
        return any(a.lens is None for a in self._annotations.values())

    def tags(self) -> list[str]:
        """The tags of the listed annotations, each once (case ignored), sorted as people expect."""
        tags: dict[str, str] = {}
        for annotation in self._annotations.values():
            for tag in annotation.tags:
                tags.setdefault(fold(tag), tag)
        return sorted(tags.values(), key=lambda tag: (sort_key(tag), tag))

    # ------------------------------------------------------------ Qt model API

    # index, parent, rowCount and flags are Qt's own (QStandardItemModel): a view's layout stays in C++.

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        key = super().data(index, _KEY)
        if not index.parent().isValid():
            group = self._by_key.get(key)
            return None if group is None else self._group_data(group, role)
        annotation = self._annotations.get(key)
        group = self._by_key.get(self._group_keys.get(key, ""))
        if annotation is None or group is None:
            return None
        return self._annotation_data(group, annotation, role)

    def _group_data(self, group: _Group, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return group.label
        if role == Qt.ItemDataRole.AccessibleTextRole:
            text = self.tr("{group}, %n annotation(s)", "", len(group.rows))
            return text.format(group=group.label)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = _GROUP_TIPS.get(group.key)
            return QCoreApplication.translate("AnnotationModel", tip) if tip else group.label
        if role == AnnotationRole.IS_GROUP:
            return True
        if role == AnnotationRole.ID:
            return ""
        if role == AnnotationRole.GROUP_KEY:
            return group.key
        if role == AnnotationRole.IN_TRASH:
            return group.key == TRASH_GROUP
        return None

    @staticmethod
    def _annotation_data(group: _Group, annotation: Annotation, role: int) -> Any:
        lens = annotation.lens
        if role == Qt.ItemDataRole.DisplayRole:
            return one_line(annotation.quote)
        if role == AnnotationRole.ID:
            return annotation.id
        if role == AnnotationRole.IS_GROUP:
            return False
        if role == AnnotationRole.LENS_NAME:
            return lens.name if lens else ""
        if role == AnnotationRole.LENS_COLOUR:
            return lens.colour if lens else ""
        if role == AnnotationRole.LENS_ID:
            return lens.id if lens else ""
        if role == AnnotationRole.NOTE_LINE:
            return first_line(annotation.note)
        if role == AnnotationRole.TAGS:
            return list(annotation.tags)
        if role == AnnotationRole.PLACES:
            return len(annotation.fragments)
        if role == AnnotationRole.GROUP_KEY:
            return group.key
        if role == AnnotationRole.STATUS:
            return annotation.status
        if role == AnnotationRole.BADGE:
            badge = BADGES.get(annotation.status)
            return QCoreApplication.translate("AnnotationModel", badge) if badge else ""
        if role == AnnotationRole.IN_TRASH:
            return annotation.deleted or group.key == TRASH_GROUP
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = _STATUS_TIPS.get(annotation.status)
            tips = [
                annotation.note.strip(),
                QCoreApplication.translate("AnnotationModel", tip) if tip else "",
            ]
            return "\n\n".join(tip for tip in tips if tip) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _accessible_text(group, annotation)
        return None


def _accessible_text(group: _Group, annotation: Annotation) -> str:
    """What a screen reader says of an annotation's row: lens, quote, note, tags, status, trash."""
    lens = (
        annotation.lens.name if annotation.lens else QCoreApplication.translate("AnnotationModel", "No lens")
    )
    text = QCoreApplication.translate("AnnotationModel", "{lens}: {quote}.")
    parts = [text.format(lens=lens, quote=one_line(annotation.quote))]
    if annotation.note.strip():
        parts.append(f"{first_line(annotation.note)}.")
    if annotation.tags:
        text = QCoreApplication.translate("AnnotationModel", "Tags: {tags}.")
        parts.append(text.format(tags=", ".join(annotation.tags)))
    if annotation.status == "needs_review":
        parts.append(QCoreApplication.translate("AnnotationModel", "Needs review."))
    elif annotation.status == "orphaned":
        parts.append(QCoreApplication.translate("AnnotationModel", "Orphaned."))
    if group.key == TRASH_GROUP:
        parts.append(QCoreApplication.translate("AnnotationModel", "In trash."))
    return " ".join(parts)
