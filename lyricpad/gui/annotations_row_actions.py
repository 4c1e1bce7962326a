"""What the user asks of a row of the annotations list: go to its passage, edit its note, delete or restore it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QWidget

from lyricpad.app.annotation_model import AnnotationRole
from lyricpad.gui.annotations_view import AnnotationsView, keyed_action

REVEAL_SHORTCUT = "Space"
EDIT_SHORTCUTS = ("Return", "Enter")
DELETE_SHORTCUT = "Del"
RESTORE_SHORTCUT = "Ctrl+Shift+R"


class RowActions(QObject):
    """The list's actions (keys, clicks, double-clicks and the context menu) turned into intents.

    The actions belong to *owner* (the panel) and are heard on the list only: Space, Enter and
    Del mean other things in the filter box. *in_trash* says whether an annotation is in the
    trash; *menu* builds the context menu of the current row (None when there is none).
    """

    reveal_requested = Signal(str)
    activate_requested = Signal(str)
    delete_requested = Signal(str)
    restore_requested = Signal(str)

    def __init__(
        self,
        owner: QWidget,
        view: AnnotationsView,
        in_trash: Callable[[str], bool],
        menu: Callable[[], QMenu | None],
    ):
        super().__init__(owner)
        self._view = view
        self._in_trash = in_trash
        self._menu = menu
        on_list = Qt.ShortcutContext.WidgetShortcut
        self.reveal_action = keyed_action(
            owner,
            self.tr("&Go to Passage"),
            [REVEAL_SHORTCUT],
            self._on_reveal_action_triggered,
            view,
            on_list,
        )
        self.edit_action = keyed_action(
            owner, self.tr("&Edit Note"), EDIT_SHORTCUTS, self._on_edit_action_triggered, view, on_list
        )
        self.delete_action = keyed_action(
            owner, self.tr("&Delete"), [DELETE_SHORTCUT], self._on_delete_action_triggered, view, on_list
        )
        self.restore_action = keyed_action(
            owner, self.tr("&Restore"), [RESTORE_SHORTCUT], self._on_restore_action_triggered, view, on_list
        )
        view.clicked.connect(self._on_view_clicked)
        view.doubleClicked.connect(self._on_view_double_clicked)
        view.customContextMenuRequested.connect(self._on_view_custom_context_menu_requested)

    def update(self) -> None:
        """Enable the actions that apply to the current row."""
        annotation_id = self._view.current_annotation_id()
        trashed = bool(annotation_id) and self._in_trash(annotation_id)
        self.reveal_action.setEnabled(bool(annotation_id) and not trashed)
        self.edit_action.setEnabled(self._view.currentIndex().isValid())  # Enter on a heading opens it
        self.delete_action.setEnabled(bool(annotation_id))
        self.restore_action.setEnabled(trashed)

    def fill_menu(self, menu: QMenu, annotation_id: str, review_actions: list[QAction]) -> None:
        """Go to Passage, Edit Note, then *review_actions* (Accept, Place), then Delete or Restore."""
        menu.addAction(self.reveal_action)
        menu.addAction(self.edit_action)
        if review_actions:
            menu.addSeparator()
            for action in review_actions:
                menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.restore_action if self._in_trash(annotation_id) else self.delete_action)

    def _on_view_clicked(self, index: QModelIndex) -> None:
        annotation_id = index.data(AnnotationRole.ID)
        if annotation_id and not self._in_trash(annotation_id):
            self.reveal_requested.emit(annotation_id)

    def _on_view_double_clicked(self, index: QModelIndex) -> None:
        annotation_id = index.data(AnnotationRole.ID)
        if annotation_id:
            self.activate_requested.emit(annotation_id)

    def _on_view_custom_context_menu_requested(self, pos: QPoint) -> None:
        view = self._view
        index = view.indexAt(pos)
        if index.isValid() and index != view.currentIndex():
            view.setCurrentIndex(index)
        if not index.isValid():  # from the keyboard (Menu key): the current row
            rect = view.visualRect(view.currentIndex())
            pos = rect.bottomLeft() if rect.isValid() else pos
        menu = self._menu()
        if menu is not None:
            menu.exec(view.viewport().mapToGlobal(pos))
            menu.deleteLater()

    def _on_reveal_action_triggered(self) -> None:
        annotation_id = self._view.current_annotation_id()
        if annotation_id and not self._in_trash(annotation_id):
            self.reveal_requested.emit(annotation_id)

    def _on_edit_action_triggered(self) -> None:
        index = self._view.currentIndex()
        if index.isValid() and index.data(AnnotationRole.IS_GROUP):
            self._view.toggle(index)  # Enter on a heading opens it
            return
        annotation_id = self._view.current_annotation_id()
        if annotation_id:
            self.activate_requested.emit(annotation_id)

    def _on_delete_action_triggered(self) -> None:
        annotation_id = self._view.current_annotation_id()
        if not annotation_id:
            return
        if self._in_trash(annotation_id):
            self.restore_requested.emit(annotation_id)
        else:
            self.delete_requested.emit(annotation_id)

    def _on_restore_action_triggered(self) -> None:
        annotation_id = self._view.current_annotation_id()
        if annotation_id and self._in_trash(annotation_id):
            self.restore_requested.emit(annotation_id)
