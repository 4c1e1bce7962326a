"""The filter of the annotations list: one lens, one tag and the words typed, over an `AnnotationModel`."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
)

from lyricpad.app.annotation_model import NO_LENS, TRASH_GROUP, AnnotationModel, AnnotationRole
from lyricpad.core.search_query import parse
from lyricpad.core.text import fold


class AnnotationFilterModel(QSortFilterProxyModel):
    """Keeps the annotations of one lens, one tag and holding every word typed; a group stays while any of its rows does.

    Case and accents are ignored ("cafe" finds "Café"), as are the words' order.
    """

    def __init__(self, parent: QObject | None = None):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._lens_id = ""  # "" every lens, NO_LENS none
        self._tag = ""  # folded
        self._query = parse("")

    def setSourceModel(self, model: QAbstractItemModel) -> None:  # type: ignore[override]
        if not isinstance(model, AnnotationModel):
            raise TypeError("AnnotationFilterModel filters an AnnotationModel")
        super().setSourceModel(model)

    def is_filtering(self) -> bool:
        return bool(self._lens_id or self._tag or self._query)

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
        query = parse(text, live=True)  # the engine of every search: words, "phrases", starts
        self._change(lambda: setattr(self, "_query", query), self._query != query)

    def _change(self, apply: Callable[[], None], changed: bool) -> None:
        if not changed:
            return
        self.beginFilterChange()
        apply()
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def visible_annotation_count(self, *, trash: bool = False) -> int:
        """How many annotations pass the filter, those in the trash counted only when *trash*."""
        if not self.is_filtering():  # every row passes: counted without asking each row
            return self.sourceModel().annotation_count(trash=trash)  # type: ignore[attr-defined]
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
        if not self.is_filtering():
            # Every row under a group is an annotation's (its item is listed before it is added).
            return True
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
        if self._query:
            return self._query.matches(model.search_text_of(annotation))  # type: ignore[attr-defined]
        return True
