"""The annotations list: a tree of headings that a click opens or closes, and annotation rows under them."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem, QTreeView, QWidget

from lyricpad.app.annotation_model import AnnotationRole
from lyricpad.gui.annotations_delegate import AnnotationDelegate, heading_band


def keyed_action(
    owner: QWidget, text: str, shortcuts: Iterable[str], slot, widget: QWidget, context: Qt.ShortcutContext
) -> QAction:
    """An action of *owner* with *shortcuts*, heard on *widget* in *context* (the list's keys, say)."""
    action = QAction(text, owner)
    action.setShortcuts([QKeySequence(s) for s in shortcuts])
    action.setShortcutContext(context)
    action.triggered.connect(slot)
    widget.addAction(action)
    return action


def neighbour(gone: str, listed: list[str], left: list[str], otherwise: str) -> str:
    """What to select when *gone* leaves the list: the next of *listed* (the rows before) still in *left*,
    else the previous one; *otherwise* when *gone* was not listed (a filter hid it)."""
    if gone not in listed:
        return otherwise
    at, still = listed.index(gone), set(left)
    after = [i for i in listed[at + 1 :] if i in still]
    before = [i for i in listed[:at] if i in still]
    return after[0] if after else (before[-1] if before else "")


class AnnotationsView(QTreeView):
    """Draws its rows with `AnnotationDelegate`; a click on a heading toggles it and selects nothing.

    Its model is an `AnnotationFilterModel` over an `AnnotationModel`.
    """

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Annotations list"))
        self.setAccessibleDescription(
            self.tr(
                "Space: go to the passage. Enter: edit the note. Delete: move to the trash, or restore from it."
            )
        )
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)  # the delegate draws each heading's arrow
        self.setItemsExpandable(True)
        self.setExpandsOnDoubleClick(False)  # a single click opens or closes a heading
        self.viewport().installEventFilter(self)
        self.setIndentation(0)
        # Every row, heading or annotation, is one height (see AnnotationDelegate.sizeHint): adding one
        # row to 2,000 then lays them out without asking Python for each row's size.
        self.setUniformRowHeights(True)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setItemDelegate(AnnotationDelegate(self))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        # A heading's space above its title parts it from the group above: the first one's is scrolled past.
        self.verticalScrollBar().rangeChanged.connect(self._on_scroll_bar_range_changed)

    def first_band(self) -> int:
        """The space above the first heading's title (the rows are one height, a heading's title at its
        bottom): the scroll bar starts below it, so that the list opens on the title."""
        model = self.model()
        if model is None or model.rowCount() == 0:
            return 0
        first = model.index(0, 0)
        if not first.data(AnnotationRole.IS_GROUP):
            return 0
        option = QStyleOptionViewItem()
        self.initViewItemOption(option)
        height = self.itemDelegate().sizeHint(option, first).height()
        return height - heading_band(QRect(0, 0, 1, height), option.font).height()

    def _on_scroll_bar_range_changed(self, low: int, high: int) -> None:
        top = self.first_band()
        if low != top:
            self.verticalScrollBar().setRange(top, max(top, high))

    def updateGeometries(self) -> None:
        super().updateGeometries()
        # The range may not change when rows come: the first rows of an empty list fit (0 to 0 before and
        # after), and rangeChanged says nothing though the first heading's band is there now.
        bar = self.verticalScrollBar()
        self._on_scroll_bar_range_changed(bar.minimum(), bar.maximum())

    def current_annotation_id(self) -> str:
        """The annotation of the current row; "" on a heading or none."""
        index = self.currentIndex()
        return (index.data(AnnotationRole.ID) or "") if index.isValid() else ""

    def listed_ids(self, skip_group: str) -> list[str]:
        """The annotations of the open headings, top to bottom, but those under *skip_group* (the Trash)."""
        model, ids = self.model(), []
        source = model.sourceModel()
        for row in range(model.rowCount()):
            heading = model.index(row, 0)
            if heading.data(AnnotationRole.GROUP_KEY) == skip_group or not self.isExpanded(heading):
                continue
            if not model.is_filtering():  # every row of the group is listed: read them from the source
                ids += source.group_ids(heading.data(AnnotationRole.GROUP_KEY))
                continue
            ids += [
                model.index(n, 0, heading).data(AnnotationRole.ID) for n in range(model.rowCount(heading))
            ]
        return [i for i in ids if i]

    def toggle(self, index: QModelIndex) -> None:
        """Open a closed heading, close an open one."""
        self.setExpanded(index, not self.isExpanded(index))

    def bring_into_sight(self, heading: QModelIndex) -> None:
        """Scroll *heading* to the top, unless it is in sight already (its rows then show under it)."""
        if heading.isValid() and not self.viewport().rect().contains(self.title_rect(heading)):
            self.scrollTo(heading, QAbstractItemView.ScrollHint.PositionAtTop)

    def title_rect(self, heading: QModelIndex) -> QRect:
        """The part of *heading*'s row that shows its title (above it: the space that parts it from the
        group above, out of sight for the first heading)."""
        return heading_band(self.visualRect(heading), self.font())

    def top_row(self) -> tuple[str, int] | None:
        """The annotation (or heading key) at the top of the list, and where it starts."""
        bar = self.verticalScrollBar()
        if bar.value() <= bar.minimum():
            return None  # at the top, the list stays at the top
        index = self.indexAt(QPoint(1, 1))
        if not index.isValid():
            return None
        key = index.data(AnnotationRole.ID) or f"group:{index.data(AnnotationRole.GROUP_KEY)}"
        return key, self.visualRect(index).top()

    def restore_top_row(self, top: tuple[str, int] | None) -> None:
        """Scroll so that the row at the top before an update is there again (rows above it changed)."""
        if top is None:
            return
        key, y = top
        proxy = self.model()
        if key.startswith("group:"):
            source = proxy.sourceModel().group_index(key.removeprefix("group:"))
        else:
            source = proxy.sourceModel().index_of(key)
        index = proxy.mapFromSource(source)
        if not index.isValid():
            return
        rect = self.visualRect(index)  # lays the rows out again first
        if rect.isValid() and rect.top() != y:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() + rect.top() - y)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            delegate = self.itemDelegate()
            if isinstance(delegate, AnnotationDelegate):
                delegate.forget_sizes()  # rows are measured once per font
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport() and event.type() in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonDblClick,
        ):
            index = self.indexAt(event.position().toPoint())
            if index.isValid() and index.data(AnnotationRole.IS_GROUP):
                # A click opens or closes a heading and leaves the selected annotation alone.
                if (
                    event.type() == QEvent.Type.MouseButtonPress
                    and event.button() == Qt.MouseButton.LeftButton
                ):
                    self.toggle(index)
                return True
        return super().eventFilter(watched, event)
