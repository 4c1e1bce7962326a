"""Under the annotations list, for the selected annotation that needs review: what happened, and what to do."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QVBoxLayout, QWidget

from lyricpad.core.models import Annotation
from lyricpad.gui.note_places import line_reference

ACCEPT_SHORTCUT = "Ctrl+Shift+Y"
"""Accept the proposed place of the selected annotation that needs review ("yes, there")."""
PLACE_SHORTCUT = "Ctrl+Shift+M"
"""Move the selected annotation to the text selected in its pane ("move here")."""

NO_PROPOSAL_TIP = QT_TRANSLATE_NOOP(
    "ReviewBar",
    "Nothing to accept: no place was found for this highlight's words in the edited text. "
    "Select the words it belongs to, then choose Place at Selection.",
)
"""Accept's tooltip when nothing is proposed (marked for translation: shown through `ReviewBar.tr`)."""


class ReviewBar(QFrame):
    """Says why the annotation needs review, with Accept, Place at Selection and Delete for it.

    Accept and Place are window-wide shortcuts on *parent*: the user selects the new place in a
    text pane, then asks from there. *under_review* gives the annotation they act on, if any.
    """

    accept_requested = Signal(str)
    """(annotation_id): anchor it at its proposed place."""
    place_requested = Signal(str)
    """(annotation_id): put it on the text selected in its pane."""
    delete_requested = Signal(str)
    """(annotation_id): move it to the trash."""

    def __init__(self, under_review: Callable[[], Annotation | None], parent: QWidget):
        super().__init__(parent)
        self._under_review = under_review
        self._build_actions(parent)
        self.setObjectName("reviewBar")
        self.setAccessibleName(self.tr("Review"))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        buttons = QHBoxLayout()
        buttons.setSpacing(4)
        self.accept_button = self._button(self.accept_action)
        self.place_button = self._button(self.place_action)
        self.delete_button = self._button(self.delete_action)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.place_button)
        buttons.addStretch(1)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        layout.addLayout(buttons)
        self.hide()

    def _build_actions(self, owner: QWidget) -> None:
        self.accept_action = QAction(self.tr("&Accept Proposed Place"), owner)
        self.accept_action.setShortcuts([QKeySequence(ACCEPT_SHORTCUT)])
        self.accept_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.accept_action.triggered.connect(self._on_accept_action_triggered)
        owner.addAction(self.accept_action)
        self.accept_action.setIconText(self.tr("Accept"))
        self.place_action = QAction(self.tr("&Place at Selection"), owner)
        self.place_action.setShortcuts([QKeySequence(PLACE_SHORTCUT)])
        self.place_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        self.place_action.triggered.connect(self._on_place_action_triggered)
        owner.addAction(self.place_action)
        self.place_action.setIconText(self.tr("Place at Selection"))
        self.place_action.setToolTip(
            self.tr(
                "Select the words this highlight belongs to in its text, then put it there ({shortcut})"
            ).format(shortcut=PLACE_SHORTCUT)
        )
        self.delete_action = QAction(self.tr("Delete"), owner)
        self.delete_action.setToolTip(
            self.tr("Move this highlight and its note to the trash (Ctrl+Z undoes)")
        )
        self.delete_action.triggered.connect(self._on_delete_action_triggered)

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setDefaultAction(action)  # follows the action: enabled, text and tooltip
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAccessibleName(action.iconText())
        return button

    def refresh(self) -> None:
        """Enable Accept and Place for the annotation under review, and show the bar for it (or hide it)."""
        annotation = self._under_review()
        proposal = annotation.proposal if annotation is not None else None
        can_accept = annotation is not None and annotation.status == "needs_review" and proposal is not None
        self.accept_action.setEnabled(can_accept)
        if can_accept:
            self.accept_action.setToolTip(
                self.tr(
                    "Anchor this highlight at the place proposed for it, {place} ({shortcut}; Ctrl+Z undoes)"
                ).format(place=line_reference(annotation, proposed=True), shortcut=ACCEPT_SHORTCUT)
            )
        elif annotation is not None:
            self.accept_action.setToolTip(self.tr(NO_PROPOSAL_TIP))
        else:
            self.accept_action.setToolTip(self.tr("Select a highlight that needs review first"))
        self.place_action.setEnabled(annotation is not None)
        self.delete_action.setEnabled(annotation is not None)
        self.setVisible(annotation is not None)
        if annotation is None:
            self.label.clear()
            return
        self.label.setText(self._explanation(annotation, can_accept))
        self.setAccessibleDescription(self.label.text())

    def _explanation(self, annotation: Annotation, proposed: bool) -> str:
        """What happened to *annotation* (needing review with a place *proposed*, or orphaned) and what to do."""
        if proposed:
            place = line_reference(annotation, proposed=True)
            if annotation.target == "lyrics":
                text = self.tr(
                    "<b>Needs review.</b> The lyrics changed; a place was found for this highlight"
                    " ({place}, hatched and boxed in its lens colour)."
                )
            elif annotation.target == "translation":
                text = self.tr(
                    "<b>Needs review.</b> The translation changed; a place was found for this highlight"
                    " ({place}, hatched and boxed in its lens colour)."
                )
            else:
                text = self.tr(
                    "<b>Needs review.</b> The article changed; a place was found for this highlight"
                    " ({place}, hatched and boxed in its lens colour)."
                )
            return text.format(place=place)
        if annotation.target == "lyrics":
            return self.tr(
                "<b>Orphaned.</b> Its words are gone from the lyrics; the quote and note are kept."
                " Select the words it belongs to in the lyrics, then <i>Place at Selection</i>."
            )
        if annotation.target == "translation":
            return self.tr(
                "<b>Orphaned.</b> Its words are gone from the translation; the quote and note are kept."
                " Select the words it belongs to in the translation, then <i>Place at Selection</i>."
            )
        return self.tr(
            "<b>Orphaned.</b> Its words are gone from the article; the quote and note are kept."
            " Select the words it belongs to in the article, then <i>Place at Selection</i>."
        )

    def _on_accept_action_triggered(self) -> None:
        annotation = self._under_review()
        if annotation is not None and annotation.proposal is not None:
            self.accept_requested.emit(annotation.id)

    def _on_place_action_triggered(self) -> None:
        annotation = self._under_review()
        if annotation is not None:
            self.place_requested.emit(annotation.id)

    def _on_delete_action_triggered(self) -> None:
        annotation = self._under_review()
        if annotation is not None:
            self.delete_requested.emit(annotation.id)
