"""The sidebar's sort button: a menu of the orders the songs can be listed in, the current one checked."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from lyricpad.app.song_list_model import SORT_ORDERS

_SORT_MENU_TEXT = {
    "title": "&Title",
    "artist": "&Artist",
    "updated": "Recently &Changed",
    "created": "Recently A&dded",
}


class SortButton(QToolButton):
    """Offers `SORT_ORDERS` in `sort_menu` (also shown in the sidebar's context menu); a choice is `order_chosen`."""

    order_chosen = Signal(str)
    """The user chose to sort by this key of `SORT_ORDERS`."""

    def __init__(self, order: str, parent: QWidget):
        super().__init__(parent)
        self.sort_menu = QMenu("&Sort Songs By", parent)
        self.sort_menu.setAccessibleName("Sort songs by")
        self._group = QActionGroup(parent)
        self._group.setExclusive(True)
        self.sort_actions: dict[str, QAction] = {}
        for key, label in SORT_ORDERS.items():
            action = QAction(_SORT_MENU_TEXT[key], self._group)
            action.setCheckable(True)
            action.setData(key)
            action.setToolTip(f"Sort songs by {label.lower()}")
            action.setChecked(key == order)
            self.sort_menu.addAction(action)
            self.sort_actions[key] = action
        self._group.triggered.connect(self._on_group_triggered)
        self.setMenu(self.sort_menu)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setAccessibleName("Sort songs")
        self.setAutoRaise(True)
        self._describe(order)

    def show_order(self, order: str) -> None:
        """Check *order* (a key of `SORT_ORDERS`) and say so in the tooltip, emitting nothing."""
        self.sort_actions[order].setChecked(True)
        self._describe(order)

    def _describe(self, order: str) -> None:
        label = SORT_ORDERS[order]
        self.setToolTip(f"Sort songs: {label.lower()}")
        self.setAccessibleDescription(f"Sorted by {label.lower()}")

    def _on_group_triggered(self, action: QAction) -> None:
        self.order_chosen.emit(action.data())
