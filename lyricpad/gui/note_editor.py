"""The note editor: one annotation's lens, Markdown note and tags, every change emitted as an intent."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QEvent,
    QSignalBlocker,
    QStringListModel,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QAction,
    QColor,
    QIcon,
    QKeySequence,
    QPalette,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QStackedLayout,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from lyricpad.app.annotation_model import one_line
from lyricpad.app.autosave import Autosave, same_stored_text
from lyricpad.core.models import Annotation, Lens
from lyricpad.gui.highlights import lens_icon
from lyricpad.gui.note_places import TOOLTIP_PLACES, place_text, wrapped_tooltip
from lyricpad.gui.note_tags import TagCompleter, format_tags, parse_tags, same_tags
from lyricpad.gui.note_widgets import LensSwatch, NotePreview
from lyricpad.gui.pane_header import ElidedLabel

if TYPE_CHECKING:
    from lyricpad.app.current_song import CurrentSong

NOTE_DEBOUNCE_MS = 400
"""How long typing must pause before the note is sent to be saved (typing on without a pause
is sent every SAVE_MAX_WAIT_MS all the same)."""

PLACEHOLDER = QT_TRANSLATE_NOOP("NoteEditor", "Select a highlight to write a note")

PREVIEW_SHORTCUT = "Ctrl+Shift+P"
DELETE_SHORTCUT = "Ctrl+Shift+Del"  # plain Del and Ctrl+Del delete text in the note and tags
RESTORE_SHORTCUT = "Ctrl+Shift+R"

WRITE_TAB, PREVIEW_TAB = 0, 1

_BADGES = {
    # status: (text, tooltip with the restore {shortcut}, tint)
    "needs_review": (
        QT_TRANSLATE_NOOP("NoteEditor", "Needs review"),
        QT_TRANSLATE_NOOP(
            "NoteEditor", "The text was edited: check that this highlight still covers the right words."
        ),
        "#d4a017",
    ),
    "orphaned": (
        QT_TRANSLATE_NOOP("NoteEditor", "Orphaned"),
        QT_TRANSLATE_NOOP("NoteEditor", "The highlighted words are gone from the text; the note is kept."),
        "#d9455f",
    ),
    "deleted": (
        QT_TRANSLATE_NOOP("NoteEditor", "In trash"),
        QT_TRANSLATE_NOOP(
            "NoteEditor", "This highlight is in the trash: restore it ({shortcut}) to edit it."
        ),
        "#7a8a99",
    ),
}
_BADGE_ALPHA = 70
"""Opacity (0-255) of a badge's tint: translucent, so its text reads on light and dark palettes alike."""

_IMAGE = re.compile(r"!\[([^\]\n]*)\]\(\s*<?([^)\s>]*)>?[^)]*\)")


class NoteEditor(QWidget):
    """Shows one annotation (or a placeholder) and emits what the user asks to change; it saves nothing.

    Observing a `CurrentSong` (``observe``) it shows the current annotation, as it now is.
    """

    lens_change_requested = Signal(str, str)
    """(annotation_id, lens_id): the user picked another lens."""

    note_edited = Signal(str, str)
    """(annotation_id, text): the note as typed, once typing pauses for NOTE_DEBOUNCE_MS, at least
    every SAVE_MAX_WAIT_MS while it goes on without a pause, or on flush()."""

    note_burst_ended = Signal()
    """A burst of note edits is over (the note lost focus, or another annotation is shown):
    the next `note_edited` starts a new undo step. Only emitted after at least one `note_edited`."""

    tags_change_requested = Signal(str, list)
    """(annotation_id, tags): the user changed the set of tags (Enter or leaving the field)."""

    delete_requested = Signal(str)
    """(annotation_id): move the highlight to the trash."""

    restore_requested = Signal(str)
    """(annotation_id): bring a trashed highlight back."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName(self.tr("Note editor"))
        self._annotation: Annotation | None = None
        self._lenses: list[Lens] = []
        self._current: CurrentSong | None = None  # the song followed, once observe() is called

        self._build_actions()
        self._build_form()
        # A burst of note edits is one undo step (the session merges them): see note_burst_ended.
        self.autosave = Autosave(
            NOTE_DEBOUNCE_MS, self.note_edit.toPlainText, self._save_note, bursts_merge=True, parent=self
        )
        """Saves the note while it is typed; its burst ends when the note loses the focus."""
        self.autosave.burst_ended.connect(self.note_burst_ended)
        self.autosave.watch(self.note_edit)
        self.placeholder = QLabel(self.tr(PLACEHOLDER), self)
        self.placeholder.setAccessibleName(self.tr(PLACEHOLDER))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setEnabled(False)  # drawn in the palette's quieter, disabled text colour
        self._stack = QStackedLayout()
        self._stack.addWidget(self.placeholder)
        self._stack.addWidget(self.form)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._stack)
        self.show_annotation(None)

    # -------------------------------------------------------------------- build

    def _action(self, text: str, shortcut: str, slot) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(shortcut))
        # Only while the focus is in the editor: the window may bind the same keys elsewhere.
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.preview_action = self._action(
            self.tr("Preview Note"), PREVIEW_SHORTCUT, self._on_preview_action_triggered
        )
        self.preview_action.setCheckable(True)
        self.delete_action = self._action(
            self.tr("Delete Highlight"), DELETE_SHORTCUT, self._on_delete_action_triggered
        )
        self.restore_action = self._action(
            self.tr("Restore Highlight"), RESTORE_SHORTCUT, self._on_restore_action_triggered
        )

    def _build_form(self) -> None:
        self.form = QWidget(self)
        self.swatch = LensSwatch(self.form)
        self.quote_label = ElidedLabel(self.form)
        font = self.quote_label.font()
        font.setItalic(True)
        self.quote_label.setFont(font)
        self.place_label = QLabel(self.form)
        # Wrapped, so that no place, however long its list of lines, widens the dock past the window.
        self.place_label.setWordWrap(True)
        self.place_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.status_badge = QLabel(self.form)
        self.status_badge.setContentsMargins(5, 0, 5, 0)
        self.status_badge.setAutoFillBackground(True)

        self.lens_combo = QComboBox(self.form)
        self.lens_combo.setAccessibleName(self.tr("Lens"))
        self.lens_combo.setToolTip(self.tr("The lens of this highlight"))
        self.lens_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.lens_combo.setMinimumContentsLength(8)
        self.lens_combo.activated.connect(self._on_lens_combo_activated)
        lens_label = QLabel(self.tr("Lens"), self.form)
        lens_label.setBuddy(self.lens_combo)

        self.note_edit = QPlainTextEdit(self.form)
        self.note_edit.setAccessibleName(self.tr("Note"))
        self.note_edit.setAccessibleDescription(self.tr("Markdown; saved while you type"))
        self.note_edit.setPlaceholderText(
            self.tr("Write a note… Markdown works: **bold**, *italic*, - lists")
        )
        self.note_edit.setTabChangesFocus(True)  # Tab goes on to the tags, as in a form
        self.note_edit.textChanged.connect(self._on_note_edit_text_changed)
        self.preview = NotePreview(self.form)
        self.preview.setAccessibleName(self.tr("Note preview"))
        self.preview.setOpenLinks(False)  # a note's links are shown, not followed
        self.preview.setPlaceholderText(self.tr("Nothing to preview yet."))
        # Lists indent by three characters; Qt's default 40 px is wide for a dock.
        self.preview.document().setIndentWidth(self.fontMetrics().averageCharWidth() * 3)
        self.tabs = QTabWidget(self.form)
        self.tabs.setAccessibleName(self.tr("Write or preview the note"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.note_edit, self.tr("Write"))
        self.tabs.addTab(self.preview, self.tr("Preview"))
        self.tabs.setTabToolTip(
            PREVIEW_TAB, self.tr("Show the note rendered ({shortcut})").format(shortcut=PREVIEW_SHORTCUT)
        )
        self.tabs.setTabToolTip(
            WRITE_TAB, self.tr("Edit the note as Markdown ({shortcut})").format(shortcut=PREVIEW_SHORTCUT)
        )
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

        self.tags_edit = QLineEdit(self.form)
        self.tags_edit.setAccessibleName(self.tr("Tags"))
        self.tags_edit.setAccessibleDescription(self.tr("Separated by commas or spaces; Enter applies them"))
        self.tags_edit.setPlaceholderText(self.tr("Add tags: #theme, imagery"))
        self.tags_edit.setClearButtonEnabled(True)
        self.tags_edit.editingFinished.connect(self._on_tags_edit_editing_finished)
        self._known_tags = QStringListModel(self)
        self.tag_completer = TagCompleter(self._known_tags, self)
        self.tag_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.tag_completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.tags_edit.setCompleter(self.tag_completer)
        tags_label = QLabel(self.tr("Tags"), self.form)
        tags_label.setBuddy(self.tags_edit)

        style = self.style()
        self.delete_button = QPushButton(
            QIcon.fromTheme("edit-delete", style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon)),
            self.tr("Delete highlight"),
            self.form,
        )
        self.delete_button.setAccessibleName(self.tr("Delete highlight"))
        self.delete_button.setToolTip(
            self.tr("Move this highlight and its note to the trash ({shortcut})").format(
                shortcut=DELETE_SHORTCUT
            )
        )
        self.delete_button.clicked.connect(self.delete_action.trigger)
        self.restore_button = QPushButton(
            QIcon.fromTheme("edit-undo", style.standardIcon(QStyle.StandardPixmap.SP_ArrowBack)),
            self.tr("Restore"),
            self.form,
        )
        self.restore_button.setAccessibleName(self.tr("Restore highlight"))
        self.restore_button.setToolTip(
            self.tr("Take this highlight out of the trash ({shortcut})").format(shortcut=RESTORE_SHORTCUT)
        )
        self.restore_button.clicked.connect(self.restore_action.trigger)
        for button in (self.delete_button, self.restore_button):
            button.setAutoDefault(False)

        quote_column = QVBoxLayout()
        quote_column.setSpacing(2)
        quote_column.addWidget(self.quote_label)
        details = QHBoxLayout()
        details.setSpacing(6)
        details.addWidget(self.place_label, 1)
        details.addWidget(self.status_badge)
        quote_column.addLayout(details)
        header = QHBoxLayout()
        header.setSpacing(8)
        header.addWidget(self.swatch)
        header.addLayout(quote_column, 1)
        label_width = max(lens_label.sizeHint().width(), tags_label.sizeHint().width())
        for label in (lens_label, tags_label):
            label.setMinimumWidth(label_width)  # the lens picker and the tags field start level
        lens_row = QHBoxLayout()
        lens_row.addWidget(lens_label)
        lens_row.addWidget(self.lens_combo, 1)
        tags_row = QHBoxLayout()
        tags_row.addWidget(tags_label)
        tags_row.addWidget(self.tags_edit, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.restore_button)
        buttons.addWidget(self.delete_button)
        layout = QVBoxLayout(self.form)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(8)
        layout.addLayout(header)
        self._under_quote = QVBoxLayout()  # rows others add under the quote (add_under_quote)
        self._under_quote.setSpacing(2)
        layout.addLayout(self._under_quote)
        layout.addLayout(lens_row)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(tags_row)
        layout.addLayout(buttons)

        chain = [
            self.lens_combo,
            self.tabs.tabBar(),
            self.note_edit,
            self.preview,
            self.tags_edit,
            self.restore_button,
            self.delete_button,
        ]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self._recolour()

    # ---------------------------------------------------------------------- API

    def add_under_quote(self, widget: QWidget) -> None:
        """Show *widget* under the quote and its place, above the lens (the practice mode's note time).

        The form takes it over; hidden, it takes no room."""
        widget.setParent(self.form)
        self._under_quote.addWidget(widget)

    @property
    def current_annotation_id(self) -> str:
        """The id of the annotation shown, "" when none is."""
        return self._annotation.id if self._annotation else ""

    def set_lenses(self, lenses: list[Lens]) -> None:
        """The lenses the picker offers, in their order."""
        self._lenses = sorted(lenses, key=lambda lens: lens.position)
        self._fill_lens_combo()

    def observe(self, current: CurrentSong) -> None:
        """Show *current*'s current annotation now, and follow it (and the library's tags) from here on."""
        self._current = current
        self.set_known_tags(current.known_tags())  # offered from the start, not after a first change
        current.annotations_changed.connect(self._on_current_song_annotations_changed)
        current.current_changed.connect(self._on_current_song_current_changed)
        self._on_current_song_current_changed(current.current_id)

    def set_known_tags(self, tags: list[str]) -> None:
        """Every tag in the library, offered as completions."""
        self._known_tags.setStringList(list(tags))

    def show_annotation(self, annotation: Annotation | None) -> None:
        """Show *annotation* (None: the placeholder) as it now is in the library, emitting nothing.

        Showing another annotation first flushes the one shown. Showing the same one again keeps
        a note or tags the user is still typing, so a refresh never takes their words away.
        """
        same = annotation is not None and annotation.id == self.current_annotation_id
        if not same or annotation.deleted:
            self.flush()  # emitted for the annotation shown until now
        if not same:
            self.autosave.switch(annotation.id if annotation else None, annotation.note if annotation else "")
        self._annotation = annotation
        if annotation is None:
            self._show_nothing()
            return
        self.quote_label.set_full_text(f"“{one_line(annotation.quote)}”")
        self.quote_label.setAccessibleName(self.tr("Quote: {quote}").format(quote=one_line(annotation.quote)))
        self.place_label.setText(place_text(annotation))
        self.place_label.setAccessibleName(self.tr("Place: {place}").format(place=self.place_label.text()))
        every = place_text(annotation, limit=TOOLTIP_PLACES)
        self.place_label.setToolTip(wrapped_tooltip(every) if every != self.place_label.text() else "")
        self._show_badge("deleted" if annotation.deleted else annotation.status)
        self._show_lens()
        if not same or self.autosave.reload(annotation.note):
            self._load_note(annotation.note)
        if not (same and self.tags_edit.isModified()):
            with QSignalBlocker(self.tags_edit):
                self.tags_edit.setText(format_tags(annotation.tags))
        trashed = annotation.deleted
        self.note_edit.setReadOnly(trashed)
        self.lens_combo.setEnabled(not trashed)
        self.tags_edit.setEnabled(not trashed)
        self.preview_action.setEnabled(True)
        self.delete_action.setEnabled(not trashed)
        self.restore_action.setEnabled(trashed)
        self.delete_button.setVisible(not trashed)
        self.restore_button.setVisible(trashed)
        self.form.setEnabled(True)
        self._stack.setCurrentWidget(self.form)

    def flush(self) -> None:
        """Emit a pending note edit, and tags typed but not applied, now.

        The window calls this before switching songs or annotations and on close, so nothing is lost.
        """
        self.autosave.flush()  # emits a note typed since the last save through _save_note
        self._apply_tags()

    def focus_note(self) -> None:
        """Put the cursor at the end of the note, ready to type (double-click on a highlight, Enter)."""
        if self._annotation is None:
            return
        self.tabs.setCurrentIndex(WRITE_TAB)
        self.note_edit.moveCursor(QTextCursor.MoveOperation.End)
        self.note_edit.ensureCursorVisible()
        self.note_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def note_text(self) -> str:
        """The note as it stands in the editor (typed, maybe not emitted yet)."""
        return self.note_edit.toPlainText()

    # ------------------------------------------------------------------ helpers

    def _show_nothing(self) -> None:
        self._load_note("")
        with QSignalBlocker(self.tags_edit):
            self.tags_edit.clear()
        self.quote_label.set_full_text("")
        self.place_label.clear()
        self.place_label.setToolTip("")
        self.place_label.setAccessibleName("")
        self._show_badge("")
        self._show_lens()
        for action in (self.preview_action, self.delete_action, self.restore_action):
            action.setEnabled(False)
        self.form.setEnabled(False)
        self._stack.setCurrentWidget(self.placeholder)

    def _load_note(self, note: str) -> None:
        if same_stored_text(self.note_edit.toPlainText(), note):
            return  # keeps the cursor and the editor's own undo history
        with QSignalBlocker(self.note_edit):
            self.note_edit.setPlainText(note)
        if self.tabs.currentIndex() == PREVIEW_TAB:
            self._render_preview()

    def _fill_lens_combo(self) -> None:
        size = self.lens_combo.iconSize().height()
        ratio = self.devicePixelRatioF()
        with QSignalBlocker(self.lens_combo):
            self.lens_combo.clear()
            for lens in self._lenses:
                icon = lens_icon(lens.colour, self.palette(), size, ratio)
                self.lens_combo.addItem(icon, lens.name, lens.id)
        self._show_lens()

    def _show_lens(self) -> None:
        lens = self._annotation.lens if self._annotation else None
        index = self.lens_combo.findData(lens.id) if lens else -1
        with QSignalBlocker(self.lens_combo):
            # A lens not (yet) offered still shows its name, as the placeholder.
            self.lens_combo.setPlaceholderText(lens.name if lens else self.tr("No lens"))
            self.lens_combo.setCurrentIndex(index)
        self.swatch.set_colour(lens.colour if lens else "")

    def _show_badge(self, status: str) -> None:
        badge = _BADGES.get(status)
        self.status_badge.setVisible(badge is not None)
        if badge is None:
            self.status_badge.clear()
            self.status_badge.setAccessibleName("")
            return
        text, tooltip, tint = badge
        text = self.tr(text)
        tooltip = self.tr(tooltip).format(shortcut=RESTORE_SHORTCUT)
        self.status_badge.setText(text)
        self.status_badge.setAccessibleName(self.tr("Status: {status}").format(status=text))
        self.status_badge.setToolTip(tooltip)
        self.status_badge.setAccessibleDescription(tooltip)
        palette = self.palette()
        colour = QColor(tint)
        colour.setAlpha(_BADGE_ALPHA)
        palette.setColor(QPalette.ColorRole.Window, colour)
        self.status_badge.setPalette(palette)

    def _recolour(self) -> None:
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.WindowText, palette.color(QPalette.ColorRole.PlaceholderText))
        self.place_label.setPalette(palette)
        if self._annotation is not None:
            self._show_badge("deleted" if self._annotation.deleted else self._annotation.status)

    def _save_note(self, annotation_id: str, text: str) -> None:
        self.note_edited.emit(annotation_id, text)

    def _apply_tags(self) -> None:
        annotation = self._annotation
        if annotation is None or not self.tags_edit.isModified():
            return
        tags = parse_tags(self.tags_edit.text())
        self.tags_edit.setModified(False)
        if same_tags(tags, annotation.tags):
            with QSignalBlocker(self.tags_edit):
                self.tags_edit.setText(format_tags(annotation.tags))
            return
        self.tags_change_requested.emit(annotation.id, tags)

    def _render_preview(self) -> None:
        features = (
            QTextDocument.MarkdownFeature.MarkdownDialectGitHub | QTextDocument.MarkdownFeature.MarkdownNoHTML
        )
        # Images are named, not shown (NotePreview never loads them).
        image = self.tr("[image: {name}]")
        text = _IMAGE.sub(lambda m: "*" + image.format(name=m[1] or m[2]) + "*", self.note_edit.toPlainText())
        self.preview.document().setMarkdown(text, features)

    # --------------------------------------------------------------- Qt events

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._recolour()
            self._fill_lens_combo()

    # -------------------------------------------------------------------- slots

    def _on_current_song_annotations_changed(self, _song_id: str) -> None:
        self.set_known_tags(self._current.known_tags())
        self.show_annotation(self._current.current())

    def _on_current_song_current_changed(self, _annotation_id: str) -> None:
        self.show_annotation(self._current.current())

    def _on_note_edit_text_changed(self) -> None:
        annotation = self._annotation
        if annotation is not None and not annotation.deleted:  # a trashed note is read, not saved
            self.autosave.changed()

    def _on_lens_combo_activated(self, index: int) -> None:
        annotation = self._annotation
        lens_id = self.lens_combo.itemData(index)
        if annotation is None or not lens_id or (annotation.lens and annotation.lens.id == lens_id):
            return
        self.flush()
        self.lens_change_requested.emit(annotation.id, lens_id)

    def _on_tags_edit_editing_finished(self) -> None:
        self._apply_tags()

    def _on_tabs_current_changed(self, index: int) -> None:
        previewing = index == PREVIEW_TAB
        with QSignalBlocker(self.preview_action):
            self.preview_action.setChecked(previewing)
        if previewing:
            self._render_preview()

    def _on_preview_action_triggered(self) -> None:
        had_focus = self.isAncestorOf(self.focusWidget()) if self.focusWidget() else False
        previewing = self.tabs.currentIndex() == PREVIEW_TAB
        self.tabs.setCurrentIndex(WRITE_TAB if previewing else PREVIEW_TAB)
        if had_focus:
            (self.note_edit if previewing else self.preview).setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _on_delete_action_triggered(self) -> None:
        annotation = self._annotation
        if annotation is not None and not annotation.deleted:
            self.flush()  # a pending note goes first: intents reach the session in the order made
            self.delete_requested.emit(annotation.id)

    def _on_restore_action_triggered(self) -> None:
        annotation = self._annotation
        if annotation is not None and annotation.deleted:
            self.restore_requested.emit(annotation.id)
