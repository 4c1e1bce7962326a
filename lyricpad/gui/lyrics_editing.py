"""The lyrics pane's Edit mode: switching it, saving while typing, and the edits not stored yet."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QMimeData, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QTextCursor, QTextDocument

from lyricpad.app.autosave import Autosave
from lyricpad.core.text import normalise_text
from lyricpad.gui.text_loading import SlicedLoader

if TYPE_CHECKING:
    from PySide6.QtWidgets import QPlainTextEdit

LYRICS_SAVE_DEBOUNCE_MS = 800
"""After the user stops typing this long in Edit mode, the pane hands the new lyrics over to be saved
(typing on without a pause is handed over every SAVE_MAX_WAIT_MS all the same)."""

READ_PLACEHOLDER = QT_TRANSLATE_NOOP("LyricsEditing", "No lyrics yet.")
EDIT_PLACEHOLDER = QT_TRANSLATE_NOOP("LyricsEditing", "Type or paste the lyrics")

_READ_FLAGS = Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
_EDIT_FLAGS = Qt.TextInteractionFlag.TextEditorInteraction


def document_text(document: QTextDocument) -> str:
    """The lyrics as *document* holds them, no-break spaces and all."""
    # toPlainText() would turn no-break spaces into spaces and change the lyrics unasked.
    return document.toRawText().replace("\u2029", "\n")


class LyricsEditing(QObject):
    """Edit mode of one lyrics pane: read-only or editable, the typed lyrics handed over to be saved,
    and long lyrics loaded a slice at a time (see ``load``).

    *save(text)* is called with the full lyrics after a pause in typing (the pane emits it as
    ``lyrics_edited``); *follow_edit(position, removed, added)* is told each edit typed, so that
    the highlights move with their words.
    """

    def __init__(
        self,
        editor: QPlainTextEdit,
        save: Callable[[str], None],
        follow_edit: Callable[[int, int, int], None],
    ):
        super().__init__(editor)
        self._editor = editor
        self._save = save
        self._follow_edit = follow_edit
        self.editing = False
        self._start_text = ""  # the lyrics as Edit mode found them
        self.loading = False  # True while the pane loads a song's lyrics: not an edit
        # The whole lyrics while a long text is still being shown a slice at a time: what the
        # editor holds, as far as saving is concerned (the part not shown yet is not deleted).
        self.loading_text: str | None = None
        self.loader = SlicedLoader(editor, self._on_loader_guard)
        """Shows long lyrics a slice at a time; ``finish()`` it where the whole text is needed."""
        self.loader.finished.connect(self._on_loader_finished)
        # The edits made to the document since the lyrics were last stored (the text the
        # annotations' offsets count over): an annotation handed over mid-edit is moved through them.
        self.pending_changes: list[tuple[int, int, int]] = []
        # Compared exactly, not as stored: the offsets of annotations count over this very text.
        self.autosave = Autosave(
            LYRICS_SAVE_DEBOUNCE_MS,
            self.text,
            self._save_lyrics,
            same=str.__eq__,
            parent=editor,
        )
        editor.setReadOnly(True)
        editor.setTextInteractionFlags(_READ_FLAGS)

    loaded = Signal(str)
    """Long lyrics being loaded are all in the editor now: the lyrics (as given to ``load``)."""

    def load(self, text: str) -> bool:
        """Show *text* (lyrics, not an edit): True when it is all in the editor now, False when
        the rest follows in idle slices (then ``loaded`` is emitted once it is all in)."""
        self.loading = True
        try:
            whole = self.loader.load(text)
        finally:
            self.loading = False
        self.loading_text = None if whole else text
        return whole

    def text(self) -> str:
        """The lyrics the editor holds (all of them, while a long text is still loading)."""
        if self.loading_text is not None:
            return self.loading_text
        return document_text(self._editor.document())

    def switch(self, editing: bool) -> None:
        """Make the editor editable (True) or read-only; leaving Edit mode saves a pending edit."""
        if editing:
            self._start_text = document_text(self._editor.document())
        else:
            self._drop_final_newline()
            self.autosave.flush()
        self.editing = editing
        self._editor.setReadOnly(not editing)
        self._editor.setTextInteractionFlags(_EDIT_FLAGS if editing else _READ_FLAGS)

    def update_mode_texts(self, has_song: bool) -> None:
        """The placeholder and the description a screen reader gives, as the mode wants them."""
        editor = self._editor
        if self.editing:
            editor.setPlaceholderText(self.tr(EDIT_PLACEHOLDER))
            editor.setAccessibleDescription(self.tr("Editing the lyrics; changes are saved as you type."))
        else:
            editor.setPlaceholderText(self.tr(READ_PLACEHOLDER) if has_song else "")
            editor.setAccessibleDescription(
                self.tr("Select text or line numbers to highlight them with a lens.")
            )

    def paste(self, source: QMimeData) -> bool:
        """Insert pasted text as the store will keep it; False when it is not for Edit mode to insert."""
        if not (self.editing and source.hasText()):
            return False
        # Pasted text is normalised as the store will normalise it, so that what is
        # saved is exactly what is shown and the highlights' offsets agree with both.
        cursor = self._editor.textCursor()
        cursor.insertText(normalise_text(source.text()))
        self._editor.setTextCursor(cursor)
        self._editor.ensureCursorVisible()
        return True

    def key_event(self, event: QKeyEvent) -> QKeyEvent:
        """*event* as Edit mode takes it: Shift+Enter starts a new line like Enter."""
        if (
            self.editing
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            # Shift+Enter would insert a soft break inside the line: lyrics lines are lines,
            # so it starts a new one like Enter.
            return QKeyEvent(
                event.type(),
                event.key(),
                event.modifiers() & ~Qt.KeyboardModifier.ShiftModifier,
                event.text(),
                event.isAutoRepeat(),
                event.count(),
            )
        return event

    def _drop_final_newline(self) -> None:
        """Edited lyrics that end with a newline lose that one (as an imported file's do: core.text.lyrics_text).

        Only a final newline this Edit mode added: a blank last line that was there before stays.
        """
        document = self._editor.document()
        text = document_text(document)
        if text.endswith("\n") and not self._start_text.endswith("\n"):
            cursor = QTextCursor(document)
            cursor.movePosition(QTextCursor.MoveOperation.End)
            cursor.deletePreviousChar()

    def _save_lyrics(self, _song_id: str, text: str) -> None:
        # From here on, annotations arriving count over this text (the autosave's saved text).
        self.pending_changes = []
        self._save(text)

    def _on_loader_guard(self, appending: bool) -> None:
        self.loading = appending  # a slice appended is the song's text, not an edit

    def _on_loader_finished(self) -> None:
        text, self.loading_text = self.loading_text, None
        self.loaded.emit(text or "")

    def on_contents_change(self, position: int, removed: int, added: int) -> None:
        """The document's contentsChange: an edit typed (not a song loaded) moves the highlights and saves."""
        if self.loading:
            return
        if removed != added:  # equal counts: a same-length replacement, nothing moves
            self.pending_changes.append((position, removed, added))
            self._follow_edit(position, removed, added)
        if self.editing:
            self.autosave.changed()
