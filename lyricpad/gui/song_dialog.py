"""Dialogs about songs: the details of a new or existing song, and the songs in the trash."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QPalette, QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from lyricpad.core.models import Song
from lyricpad.core.text import normalise_line

SONG_FIELDS = ("title", "artist", "album", "year", "language")
"""The fields `SongDialog` edits, as `session.song_edits.add` and `.update` name them."""


class SongDialog(QDialog):
    """Title (required), artist, album, year (optional, 1–9999) and language of a song.

    Empty for a new song, filled in from *song* to edit one. Nothing is written here:
    whoever opened the dialog reads `values()` (or `changed_values()`) once it is accepted.
    Tests fill the fields and call `accept()` without `exec()`.
    """

    def __init__(self, song: Song | None = None, parent: QWidget | None = None, *, focus: str = "title"):
        """*focus*: the field (one of SONG_FIELDS) the cursor starts in, its text selected."""
        super().__init__(parent)
        self.song = song
        self.setWindowTitle(self.tr("New Song") if song is None else self.tr("Song Details"))
        self.setAccessibleName(self.windowTitle())
        self.setMinimumWidth(360)

        self.title_edit = self._line_edit(self.tr("Title"), self.tr("Required"))
        self.artist_edit = self._line_edit(self.tr("Artist"))
        self.album_edit = self._line_edit(self.tr("Album"))
        self.year_edit = self._line_edit(self.tr("Year"), self.tr("Optional"))
        # Only 1 to 9999 can be typed (the library's range); empty means no year.
        self.year_edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"[1-9][0-9]{0,3}"), self))
        self.year_edit.setMaxLength(4)
        self.year_edit.setMaximumWidth(self.year_edit.fontMetrics().horizontalAdvance("0000") * 3)
        self.language_edit = self._line_edit(self.tr("Language"), self.tr("e.g. English"))

        self.error_label = QLabel(self)
        self.error_label.setAccessibleName(self.tr("Problem"))
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for label, edit in (
            (self.tr("&Title:"), self.title_edit),
            (self.tr("&Artist:"), self.artist_edit),
            (self.tr("Al&bum:"), self.album_edit),
            (self.tr("&Year:"), self.year_edit),
            (self.tr("&Language:"), self.language_edit),
        ):
            form.addRow(label, edit)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Create") if song is None else self.tr("Save"))
        self.ok_button.setAccessibleName(
            self.tr("Create song") if song is None else self.tr("Save song details")
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)

        if song is not None:
            self.title_edit.setText(song.title)
            self.artist_edit.setText(song.artist)
            self.album_edit.setText(song.album)
            self.year_edit.setText(str(song.year) if song.year else "")
            self.language_edit.setText(song.language)
        self.title_edit.textChanged.connect(self._on_title_edit_text_changed)
        self._on_title_edit_text_changed(self.title_edit.text())
        first = self.field_edit(focus)
        first.selectAll()
        first.setFocus(Qt.FocusReason.OtherFocusReason)
        self._recolour()

    def field_edit(self, name: str) -> QLineEdit:
        """The line edit of the field *name* (one of SONG_FIELDS)."""
        if name not in SONG_FIELDS:
            raise ValueError(f"no song field {name!r}: give one of {', '.join(SONG_FIELDS)}")
        return getattr(self, f"{name}_edit")

    def _line_edit(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit(self)
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def values(self) -> dict:
        """Every field, cleaned as the library stores it: {"title", "artist", "album", "year", "language"}."""
        year = self.year_edit.text().strip()
        return {
            "title": normalise_line(self.title_edit.text()),
            "artist": normalise_line(self.artist_edit.text()),
            "album": normalise_line(self.album_edit.text()),
            "year": int(year) if year else None,
            "language": normalise_line(self.language_edit.text()),
        }

    def changed_values(self) -> dict:
        """The fields that differ from the song edited (all of them for a new song)."""
        values = self.values()
        if self.song is None:
            return values
        return {name: value for name, value in values.items() if getattr(self.song, name) != value}

    def problem(self) -> str:
        """Why the fields cannot be saved as they are, or ""."""
        if not normalise_line(self.title_edit.text()):
            return self.tr("A song needs a title.")
        if self.year_edit.text().strip() and not self.year_edit.hasAcceptableInput():
            return self.tr("The year must be a number from 1 to 9999.")
        return ""

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error_label.setText(problem)
            self.error_label.show()
            untitled = not normalise_line(
                self.title_edit.text()
            )  # the problem is the title's, else the year's
            (self.title_edit if untitled else self.year_edit).setFocus(Qt.FocusReason.OtherFocusReason)
            return
        super().accept()

    def _on_title_edit_text_changed(self, text: str) -> None:
        self.ok_button.setEnabled(bool(normalise_line(text)))
        if normalise_line(text):
            self.error_label.hide()

    def _recolour(self) -> None:
        palette = self.error_label.palette()
        # A readable red in light and dark palettes alike.
        dark = self.palette().color(QPalette.ColorRole.Window).lightness() < 128
        palette.setColor(
            QPalette.ColorRole.WindowText, Qt.GlobalColor.red if dark else Qt.GlobalColor.darkRed
        )
        self.error_label.setPalette(palette)

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange:
            self._recolour()


class SongTrashDialog(QDialog):
    """The songs in the trash; Restore asks for the chosen ones back (`restore_requested`).

    The dialog shows what it is given (`show_songs`) and changes nothing itself.
    """

    restore_requested = Signal(str)
    """The user asked for this song (id) to come back from the trash."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Trash"))
        self.setAccessibleName(self.tr("Songs in the trash"))
        self.resize(380, 320)
        intro = QLabel(
            self.tr("Songs in the trash keep their articles and highlights. Restore a song to put it back."),
            self,
        )
        intro.setWordWrap(True)
        self.list_widget = QListWidget(self)
        self.list_widget.setAccessibleName(self.tr("Songs in the trash"))
        self.list_widget.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list_widget.itemSelectionChanged.connect(self._on_list_widget_item_selection_changed)
        self.list_widget.itemDoubleClicked.connect(self._on_list_widget_item_double_clicked)
        self.empty_label = QLabel(self.tr("The trash is empty."), self)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("&Restore"), self)
        self.restore_button.setAccessibleName(self.tr("Restore song"))
        self.restore_button.setToolTip(self.tr("Put the selected songs back in the library (Alt+R)"))
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        # Enter restores the selection (the list passes Enter on to the dialog).
        self.restore_button.setDefault(True)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list_widget, 1)
        layout.addWidget(self.empty_label, 1)
        layout.addWidget(buttons)
        self.show_songs([])

    def show_songs(self, songs: list[Song]) -> None:
        """Show *songs* (the trashed ones), keeping the selection of those still there."""
        selected = set(self.selected_song_ids())
        self.list_widget.clear()
        for song in songs:
            item = QListWidgetItem(song.display_name, self.list_widget)
            item.setData(Qt.ItemDataRole.UserRole, song.id)
            item.setToolTip(
                self.tr("{song}\nMoved to the trash {date}").format(
                    song=song.display_name, date=song.updated[:10]
                )
            )
            item.setSelected(song.id in selected)
        if songs and not self.list_widget.selectedItems():
            self.list_widget.setCurrentRow(0)
        self.list_widget.setVisible(bool(songs))
        self.empty_label.setVisible(not songs)
        self._on_list_widget_item_selection_changed()

    def song_ids(self) -> list[str]:
        return [
            self.list_widget.item(r).data(Qt.ItemDataRole.UserRole) for r in range(self.list_widget.count())
        ]

    def selected_song_ids(self) -> list[str]:
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.list_widget.selectedItems()]

    def _on_list_widget_item_selection_changed(self) -> None:
        self.restore_button.setEnabled(bool(self.list_widget.selectedItems()))

    def _on_list_widget_item_double_clicked(self, item: QListWidgetItem) -> None:
        self.restore_requested.emit(item.data(Qt.ItemDataRole.UserRole))

    def _on_restore_button_clicked(self) -> None:
        for song_id in self.selected_song_ids():
            self.restore_requested.emit(song_id)
