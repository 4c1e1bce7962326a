"""Which headings of the annotations list are open, and "Needs review" opened when annotations join it."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, Signal

from lyricpad.app.annotation_filter import AnnotationFilterModel
from lyricpad.app.annotation_model import REVIEW_GROUP, TRASH_GROUP, AnnotationRole

if TYPE_CHECKING:
    from lyricpad.app.current_song import CurrentSong
    from lyricpad.gui.annotations_view import AnnotationsView


class Quiet:
    """True while the panel itself moves the view (opens headings, sets the current row): its signals are not the user's."""

    def __init__(self) -> None:
        self._depth = 0

    def __bool__(self) -> bool:
        return self._depth > 0

    def __enter__(self) -> Quiet:
        self._depth += 1
        return self

    def __exit__(self, *_exc: object) -> None:
        self._depth -= 1


class ReviewJoins:
    """Which annotations just joined "Needs review": the group as last told, and those new in it since.

    The one place this is worked out: the annotations panel opens the group for them, and says
    so (`GroupExpansion.review_joined`) for the window's notice.
    """

    def __init__(self, ids: Iterable[str] = ()):
        self._ids = set(ids)

    def reset(self, ids: Iterable[str]) -> None:
        """Another song: its annotations that need review are where the group starts, none joined."""
        self._ids = set(ids)

    def joined(self, ids: Collection[str]) -> set[str]:
        """The ids of *ids* (the group now) that were not in it as last told; *ids* is remembered."""
        joined, self._ids = set(ids) - self._ids, set(ids)
        return joined


class GroupExpansion(QObject):
    """Keeps open every heading of the list but those the user closed (the view forgets when a filter hides one).

    The trash starts closed for each song. Following a `CurrentSong` (``follow``), it opens
    "Needs review" and scrolls to it when annotations join the group.
    """

    review_joined = Signal(list)
    """(review_ids): annotations joined "Needs review"; all the ids in it now, in text order."""

    def __init__(self, view: AnnotationsView, proxy: AnnotationFilterModel, quiet: Quiet, parent: QObject):
        super().__init__(parent)
        self._view = view
        self._proxy = proxy
        self._quiet = quiet
        self.collapsed: set[str] = {TRASH_GROUP}  # group keys the user closed
        self._review = ReviewJoins()
        self._current: CurrentSong | None = None
        view.expanded.connect(self._on_view_expanded)
        view.collapsed.connect(self._on_view_collapsed)

    def reset(self) -> None:
        """Another song: every heading open but the trash."""
        self.collapsed = {TRASH_GROUP}

    def open(self, key: str) -> None:
        """Open heading *key* if the user closed it."""
        if key in self.collapsed:
            self.collapsed.discard(key)
            self.apply()

    def apply(self) -> None:
        """Open every heading but those the user closed."""
        with self._quiet:
            for row in range(self._proxy.rowCount()):
                group = self._proxy.index(row, 0)
                expand = group.data(AnnotationRole.GROUP_KEY) not in self.collapsed
                if self._view.isExpanded(group) != expand:
                    self._view.setExpanded(group, expand)

    def follow(self, current: CurrentSong) -> None:
        """Open "Needs review" (and scroll to it) whenever more of *current*'s annotations join it."""
        self._current = current
        self._review.reset(a.id for a in current.needing_review())
        current.switched.connect(self._on_current_song_switched)
        current.review_group_changed.connect(self._on_current_song_review_group_changed)

    def _on_current_song_switched(self, _song_id: str) -> None:
        self._review.reset(a.id for a in self._current.needing_review())

    def _on_current_song_review_group_changed(self, review_ids: list) -> None:
        # More were sent to Needs review (first in the list, maybe above the scroll): show them.
        if self._review.joined(review_ids):
            self.collapsed.discard(REVIEW_GROUP)
            self.apply()
            model = self._proxy.sourceModel()
            self._view.bring_into_sight(self._proxy.mapFromSource(model.group_index(REVIEW_GROUP)))
            self.review_joined.emit(list(review_ids))

    def _on_view_expanded(self, index: QModelIndex) -> None:
        if not self._quiet:
            self.collapsed.discard(index.data(AnnotationRole.GROUP_KEY))

    def _on_view_collapsed(self, index: QModelIndex) -> None:
        if not self._quiet:
            self.collapsed.add(index.data(AnnotationRole.GROUP_KEY))
