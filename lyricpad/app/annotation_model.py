"""The annotations of one song as a two-level model (a group per text, an item per annotation) and its filter."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from lyricpad.core.models import Annotation, Article, Lens
from lyricpad.core.text import fold, sort_key

_USER = Qt.ItemDataRole.UserRole

LYRICS_GROUP = "lyrics"
REVIEW_GROUP = "review"
TRASH_GROUP = "trash"
ARTICLE_GROUP = "article:"
"""Prefix of an article group's key; the article's id follows."""

_NO_FLAGS = Qt.ItemFlag.NoItemFlags
_GROUP_FLAGS = Qt.ItemFlag.ItemIsEnabled  # a heading is not selected, but the keyboard can rest on it
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

NO_LENS = "-"
"""Lens filter value that keeps only annotations without a lens."""

BADGES = {"needs_review": "needs review", "orphaned": "orphaned"}
"""The statuses that put an annotation in the "Needs review" group, and the badge each shows."""

_STATUS_TIPS = {
    "needs_review": "Needs review: the text was edited; check that this highlight still covers the right words.",
    "orphaned": "Orphaned: the highlighted words are gone from the text; the note is kept.",
}
_GROUP_TIPS = {
    REVIEW_GROUP: "Highlights whose text was edited or is gone: check each one.",
    TRASH_GROUP: "Deleted highlights of this song: Del or Ctrl+Shift+R on one restores it.",
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
    return sort_key(f"{quotes}\n{annotation.note}\n{tags}")


def group_annotations(
    annotations: Iterable[Annotation],
    articles: Sequence[Article],
    trashed: Iterable[Annotation] = (),
    review: Collection[str] | None = None,
) -> list[tuple[str, str, list[Annotation]]]:
    """(key, label, annotations) of each non-empty group, in the order the panel shows them.

    "Needs review" first (the annotations whose ids are in *review*; None: the needs_review
    and orphaned ones, wherever they are: they wait for the user), then "Lyrics", "Article:
    <title>" per article (in *articles* order), then "Trash". Within a group the annotations
    keep the order given (the session's text order). An id given twice is listed once, where
    it first appears.
    """
    titles = {article.id: article.title or "untitled" for article in articles}
    lyrics: list[Annotation] = []
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
        else:
            lyrics.append(annotation)
    groups = []
    if needing_review:
        groups.append((REVIEW_GROUP, "Needs review", needing_review))
    if lyrics:
        groups.append((LYRICS_GROUP, "Lyrics", lyrics))
    # Annotations of an article not given (in the trash, say) still show, after the others.
    order = [article.id for article in articles] + [key for key in by_article if key not in titles]
    for article_id in order:
        if article_id in by_article:
            label = f"Article: {titles.get(article_id, 'untitled')}"  # type: ignore[arg-type]
            groups.append((f"{ARTICLE_GROUP}{article_id or ''}", label, by_article[article_id]))
    if trash:
        groups.append((TRASH_GROUP, "Trash", trash))
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
    serial: int  # the internal id of its children's indexes
    rows: list[Annotation]


class AnnotationModel(QAbstractItemModel):
    """Groups "Needs review", "Lyrics", "Article: <title>" and "Trash", each holding annotations in text order.

    `load` resets the model (another song); `update` changes it in place, row by row, so that
    views keep their scroll position, expanded groups and selection.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self._groups: list[_Group] = []
        self._by_serial: dict[int, _Group] = {}
        self._serials: dict[str, int] = {}  # group key -> serial, stable while the song is shown
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
        self.beginResetModel()
        self._groups = []
        self._by_serial = {}
        self._serials = {}
        self._search = {}
        for key, label, rows in group_annotations(annotations, articles, trashed, review):
            self._groups.append(self._new_group(key, label, rows))
        self._index_annotations()
        self.endResetModel()

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
            key, label, rows = item
            return self._new_group(key, label, list(rows))

        def forget_groups(groups: list[_Group]) -> None:
            for group in groups:
                self._by_serial.pop(group.serial, None)

        self._sync(
            QModelIndex(),
            self._groups,
            plan,
            key=lambda item: item.key if isinstance(item, _Group) else item[0],
            make=make_group,
            removed=forget_groups,
            kept=kept,
        )
        for row, group in enumerate(self._groups):
            if group not in kept:
                continue  # inserted just now, with its rows
            label, rows = wanted[group.key]
            parent = self.createIndex(row, 0, 0)
            if group.label != label:
                group.label = label
                self.dataChanged.emit(parent, parent)
            self._sync(parent, group.rows, rows, key=lambda a: a.id)
            self._refresh(parent, group.rows, rows)
        self._index_annotations()

    def _new_group(self, key: str, label: str, rows: list[Annotation]) -> _Group:
        serial = self._serials.setdefault(key, len(self._serials) + 1)
        group = _Group(key, label, serial, rows)
        self._by_serial[serial] = group
        return group

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
        parent: QModelIndex,
        items: list,
        wanted: Sequence,
        *,
        key: Callable[[Any], str],
        make: Callable[[Any], Any] = lambda item: item,
        removed: Callable[[list], None] = lambda items: None,
        kept: list | None = None,
    ) -> None:
        """Make *items*, the rows under *parent*, hold the keys of *wanted* in order.

        Rows whose key is gone, or that moved against the others, are removed; missing ones are
        inserted, made from *wanted* by *make*. Contiguous rows go in one signal.
        """
        position = {key(item): i for i, item in enumerate(wanted)}
        stay = _increasing_run([position.get(key(item), -1) for item in items])
        last = len(items) - 1
        while last >= 0:
            if last in stay:
                last -= 1
                continue
            first = last
            while first > 0 and first - 1 not in stay:
                first -= 1
            self.beginRemoveRows(parent, first, last)
            gone = items[first : last + 1]
            del items[first : last + 1]
            self.endRemoveRows()
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
            self.beginInsertRows(parent, row, row + i - start - 1)
            items[row:row] = [make(item) for item in wanted[start:i]]
            self.endInsertRows()
            row += i - start

    def _refresh(self, parent: QModelIndex, rows: list[Annotation], wanted: list[Annotation]) -> None:
        """Replace the annotations that changed (same ids, same order) and say which rows did."""
        serial = self._groups[parent.row()].serial
        first = -1
        for row, (old, new) in enumerate(zip(rows, wanted, strict=True)):
            changed = old is not new and old != new
            if changed:
                rows[row] = new
                if first < 0:
                    first = row
            if first >= 0 and (not changed or row == len(rows) - 1):
                end = row if changed else row - 1
                self.dataChanged.emit(self.createIndex(first, 0, serial), self.createIndex(end, 0, serial))
                first = -1

    # ------------------------------------------------------------------ reading

    def annotation(self, annotation_id: str) -> Annotation | None:
        """The listed annotation with *annotation_id* (in the trash or not), or None."""
        return self._annotations.get(annotation_id)

    def annotation_count(self) -> int:
        """How many annotations are listed, those in the trash not counted."""
        return sum(len(g.rows) for g in self._groups if g.key != TRASH_GROUP)

    def group_key_of(self, annotation_id: str) -> str:
        """The key of the group listing *annotation_id*, "" when it is not listed."""
        return self._group_keys.get(annotation_id, "")

    def annotation_at(self, row: int, parent: QModelIndex | QPersistentModelIndex) -> Annotation | None:
        """The annotation of (row, parent), None for a group row (cheaper than `data`)."""
        if not parent.isValid() or parent.internalId() != 0:
            return None
        group = self._groups[parent.row()] if 0 <= parent.row() < len(self._groups) else None
        if group is None or not 0 <= row < len(group.rows):
            return None
        return group.rows[row]

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
        for group in self._groups:
            if group.key == key:
                for child, annotation in enumerate(group.rows):
                    if annotation.id == annotation_id:
                        return self.createIndex(child, 0, group.serial)
        return QModelIndex()

    def group_index(self, key: str) -> QModelIndex:
        """The index of the group *key*, invalid when the group is empty."""
        for row, group in enumerate(self._groups):
            if group.key == key:
                return self.createIndex(row, 0, 0)
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

    def index(
        self, row: int, column: int, parent: QModelIndex | QPersistentModelIndex = QModelIndex()
    ) -> QModelIndex:
        # Called several times per row at each layout of the view: kept lean.
        if column or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._groups) else QModelIndex()
        group_row = parent.row()
        if parent.internalId() or group_row >= len(self._groups):
            return QModelIndex()
        group = self._groups[group_row]
        return self.createIndex(row, 0, group.serial) if row < len(group.rows) else QModelIndex()

    def parent(self, child: QModelIndex | QPersistentModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not child.isValid() or child.internalId() == 0:
            return QModelIndex()
        group = self._by_serial.get(child.internalId())
        if group is None:
            return QModelIndex()
        for row, candidate in enumerate(self._groups):
            if candidate is group:
                return self.createIndex(row, 0, 0)
        return QModelIndex()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and 0 <= parent.row() < len(self._groups):
            return len(self._groups[parent.row()].rows)
        return 0

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 1

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return _NO_FLAGS
        return _GROUP_FLAGS if index.internalId() == 0 else _ROW_FLAGS

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            if not 0 <= index.row() < len(self._groups):
                return None
            return self._group_data(self._groups[index.row()], role)
        group = self._by_serial.get(index.internalId())
        if group is None or not 0 <= index.row() < len(group.rows):
            return None
        return self._annotation_data(group, group.rows[index.row()], role)

    @staticmethod
    def _group_data(group: _Group, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return group.label
        if role == Qt.ItemDataRole.AccessibleTextRole:
            count = len(group.rows)
            return f"{group.label}, {count} annotation{'' if count == 1 else 's'}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return _GROUP_TIPS.get(group.key, group.label)
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
            return BADGES.get(annotation.status, "")
        if role == AnnotationRole.IN_TRASH:
            return annotation.deleted or group.key == TRASH_GROUP
        if role == Qt.ItemDataRole.ToolTipRole:
            tips = [annotation.note.strip(), _STATUS_TIPS.get(annotation.status, "")]
            return "\n\n".join(tip for tip in tips if tip) or None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            parts = [f"{lens.name if lens else 'No lens'}: {one_line(annotation.quote)}."]
            if annotation.note.strip():
                parts.append(f"{first_line(annotation.note)}.")
            if annotation.tags:
                parts.append("Tags: " + ", ".join(annotation.tags) + ".")
            if annotation.status in BADGES:
                parts.append(f"{BADGES[annotation.status].capitalize()}.")
            if group.key == TRASH_GROUP:
                parts.append("In trash.")
            return " ".join(parts)
        return None


class AnnotationFilterModel(QSortFilterProxyModel):
    """Keeps the annotations of one lens, one tag and holding every word typed; a group stays while any of its rows does.

    Case and accents are ignored ("cafe" finds "Café"), as are the words' order.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._lens_id = ""  # "" every lens, NO_LENS none
        self._tag = ""  # folded
        self._words: list[str] = []

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # type: ignore[override]
        if not isinstance(model, AnnotationModel):
            raise TypeError("AnnotationFilterModel filters an AnnotationModel")
        super().setSourceModel(model)

    def is_filtering(self) -> bool:
        return bool(self._lens_id or self._tag or self._words)

    def lens_filter(self) -> str:
        return self._lens_id

    def tag_filter(self) -> str:
        return self._tag

    def set_lens_filter(self, lens_id: str) -> None:
        """Keep only the annotations of *lens_id* (`NO_LENS`: those without a lens; "": every lens)."""
        self._change(lambda: setattr(self, "_lens_id", lens_id), self._lens_id != lens_id)

    def set_tag_filter(self, tag: str) -> None:
        """Keep only the annotations tagged *tag* (case ignored); "" keeps every annotation."""
        self._change(lambda: setattr(self, "_tag", fold(tag)), self._tag != fold(tag))

    def set_text_filter(self, text: str) -> None:
        """Keep only the annotations whose quote, note or tags hold every word of *text*."""
        words = sort_key(text).split()
        self._change(lambda: setattr(self, "_words", words), self._words != words)

    def _change(self, apply: Callable[[], None], changed: bool) -> None:
        if not changed:
            return
        self.beginFilterChange()
        apply()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def visible_annotation_count(self, *, trash: bool = False) -> int:
        """How many annotations pass the filter, those in the trash counted only when *trash*."""
        count = 0
        for row in range(self.rowCount()):
            group = self.index(row, 0)
            if trash or group.data(AnnotationRole.GROUP_KEY) != TRASH_GROUP:
                count += self.rowCount(group)
        return count

    def filterAcceptsRow(self, source_row: int, source_parent: QModelIndex | QPersistentModelIndex) -> bool:
        if not source_parent.isValid():
            # A group is kept for its rows (recursive filtering) and only for them while filtering.
            return not self.is_filtering()
        model = self.sourceModel()
        annotation = model.annotation_at(source_row, source_parent)  # type: ignore[attr-defined]
        if annotation is None:
            return False
        if self._lens_id:
            lens_id = annotation.lens.id if annotation.lens else NO_LENS
            if lens_id != self._lens_id:
                return False
        if self._tag and not any(fold(tag) == self._tag for tag in annotation.tags):
            return False
        if self._words:
            text = model.search_text_of(annotation)  # type: ignore[attr-defined]
            return all(word in text for word in self._words)
        return True
