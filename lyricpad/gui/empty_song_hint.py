"""The hint under "No lyrics yet." in the lyrics pane of a song without lyrics: paste them, import a file or type them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget

if TYPE_CHECKING:
    from lyricpad.gui.lyrics_pane import LyricsPane

HINT_TEXT = QT_TRANSLATE_NOOP("EmptySongHint", "Add this song's lyrics:")


class EmptySongHint(QWidget):
    """Three ways to give an empty song its lyrics, shown only while the pane reads a song with none.

    It sits in the pane's viewport below the pane's own placeholder and emits intents; the window
    does the work. Drops still reach the pane (the hint takes none).
    """

    paste_requested = Signal()
    """Paste the clipboard's text as the lyrics."""
    import_requested = Signal()
    """Import a lyrics file into this song."""
    type_requested = Signal()
    """Switch the lyrics pane to Edit mode."""

    def __init__(self, pane: LyricsPane, edit_shortcut: str = "Ctrl+E", undo_hint: str = ""):
        """*undo_hint*: how to undo a change, as the window says it ("Edit > Undo undoes it." when not given)."""
        super().__init__(pane.viewport())
        self._pane = pane
        self.setAccessibleName(self.tr("How to add lyrics"))
        undo_hint = undo_hint or self.tr("Edit > Undo undoes it.")
        self.setFont(QApplication.font())  # buttons and a sentence, not lyrics: not the pane's monospace
        self.label = QLabel(self.tr(HINT_TEXT), self)
        self.label.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # as quiet as the placeholder above
        self.paste_button = self._button(
            self.tr("Paste Lyrics"),
            self.tr("Make the text on the clipboard this song's lyrics ({undo_hint})").format(
                undo_hint=undo_hint.rstrip(".")
            ),
            self.paste_requested,
        )
        self.import_button = self._button(
            self.tr("Import File…"),
            self.tr("Make a lyrics file (.txt, .lrc) this song's lyrics, with an LRC file's times"),
            self.import_requested,
        )
        self.type_button = self._button(
            self.tr("Type Them ({shortcut})").format(shortcut=edit_shortcut),
            self.tr("Switch the lyrics to Edit mode and type them"),
            self.type_requested,
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        for button in (self.paste_button, self.import_button, self.type_button):
            layout.addWidget(button, 0, Qt.AlignmentFlag.AlignLeft)
        pane.document().contentsChanged.connect(self.refresh)
        pane.editing_changed.connect(self.refresh)
        pane.viewport().installEventFilter(self)
        self.refresh()

    def _button(self, text: str, tooltip: str, intent: Signal) -> QPushButton:
        button = QPushButton(text, self)
        button.setAccessibleName(text.replace("…", ""))
        button.setToolTip(tooltip)
        button.setAutoDefault(False)
        button.clicked.connect(intent)
        return button

    def wanted(self) -> bool:
        """Whether the pane reads a song (not edits it) and that song has no lyrics."""
        pane = self._pane
        return pane.song_id() is not None and not pane.is_editing() and pane.document().isEmpty()

    def refresh(self, *_args) -> None:
        """Show or hide the hint as the pane now is."""
        wanted = self.wanted()
        if wanted:
            self._place()
        self.setVisible(wanted)

    def _place(self) -> None:
        # Below the placeholder, which the pane draws on its first line, from the document margin.
        pane = self._pane
        margin = round(pane.document().documentMargin())
        top = margin + round(pane.fontMetrics().lineSpacing() * 1.8)
        self.adjustSize()
        width = min(self.sizeHint().width(), max(pane.viewport().width() - 2 * margin, 1))
        self.setGeometry(margin, top, width, self.sizeHint().height())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Resize, QEvent.Type.FontChange) and self.isVisible():
            self._place()
        return False
