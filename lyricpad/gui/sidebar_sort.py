"""The sidebar's sort button: a menu of the orders the songs can be listed in, the current one checked."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu, QToolButton, QWidget

from lyricpad.app.song_list_model import SORT_ORDERS

_SORT_TEXTS = {
    # key of SORT_ORDERS: menu text, the menu entry's tooltip, the button's tooltip, its accessible description
    "title": (
        QT_TRANSLATE_NOOP("SortButton", "&Title"),
        QT_TRANSLATE_NOOP("SortButton", "Sort songs by title"),
        QT_TRANSLATE_NOOP("SortButton", "Sort songs: title"),
        QT_TRANSLATE_NOOP("SortButton", "Sorted by title"),
    ),
    "artist": (
        QT_TRANSLATE_NOOP("SortButton", "&Artist"),
        QT_TRANSLATE_NOOP("SortButton", "Sort songs by artist"),
        QT_TRANSLATE_NOOP("SortButton", "Sort songs: artist"),
        QT_TRANSLATE_NOOP("SortButton", "Sorted by artist"),
    ),
    "updated": (
        QT_TRANSLATE_NOOP("SortButton", "Recently &Changed"),
        QT_TRANSLATE_NOOP("SortButton", "Sort songs by recently changed"),
        QT_TRANSLATE_NOOP("SortButton", "Sort songs: recently changed"),
        QT_TRANSLATE_NOOP("SortButton", "Sorted by recently changed"),
    ),
    "created": (
        QT_TRANSLATE_NOOP("SortButton", "Recently A&dded"),
        QT_TRANSLATE_NOOP("SortButton", "Sort songs by recently added"),
        QT_TRANSLATE_NOOP("SortButton", "Sort songs: recently added"),
        QT_TRANSLATE_NOOP("SortButton", "Sorted by recently added"),
    ),
}


def _sort_text(order: str, which: int) -> str:
    """The translated *which*-th text of `_SORT_TEXTS` for *order*."""
    return QCoreApplication.translate("SortButton", _SORT_TEXTS[order][which])


class SortButton(QToolButton):
    """Offers `SORT_ORDERS` in `sort_menu` (also shown in the sidebar's context menu); a choice is `order_chosen`."""

    order_chosen = Signal(str)
    """The user chose to sort by this key of `SORT_ORDERS`."""

    def __init__(self, order: str, parent: QWidget):
        super().__init__(parent)
        self.sort_menu = QMenu(self.tr("&Sort Songs By"), parent)
        self.sort_menu.setAccessibleName(self.tr("Sort songs by"))
        self._group = QActionGroup(parent)
        self._group.setExclusive(True)
        self.sort_actions: dict[str, QAction] = {}
        for key in SORT_ORDERS:
            action = QAction(_sort_text(key, 0), self._group)
            action.setCheckable(True)
            action.setData(key)
            action.setToolTip(_sort_text(key, 1))
            action.setChecked(key == order)
            self.sort_menu.addAction(action)
            self.sort_actions[key] = action
        self._group.triggered.connect(self._on_group_triggered)
        self.setMenu(self.sort_menu)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setAccessibleName(self.tr("Sort songs"))
        self.setAutoRaise(True)
        self._describe(order)

    def show_order(self, order: str) -> None:
        """Check *order* (a key of `SORT_ORDERS`) and say so in the tooltip, emitting nothing."""
        self.sort_actions[order].setChecked(True)
        self._describe(order)

    def _describe(self, order: str) -> None:
        self.setToolTip(_sort_text(order, 2))
        self.setAccessibleDescription(_sort_text(order, 3))

    def _on_group_triggered(self, action: QAction) -> None:
        self.order_chosen.emit(action.data())
