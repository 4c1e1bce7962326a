"""The left side of the export dialog: what to export and how, and a note saying what Save writes."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from lyricpad.app.exporting import ExportOptions
from lyricpad.core.models import Song

FORMAT_LABELS = {
    "markdown": QT_TRANSLATE_NOOP("ExportOptionsPanel", "Markdown"),
    "json": QT_TRANSLATE_NOOP("ExportOptionsPanel", "lyricpad JSON (whole library)"),
    "w3c": QT_TRANSLATE_NOOP("ExportOptionsPanel", "W3C Web Annotations (JSON-LD)"),
}
PROFILE_LABELS = {
    "blog": QT_TRANSLATE_NOOP("ExportOptionsPanel", "Blog post (CommonMark)"),
    "obsidian": QT_TRANSLATE_NOOP("ExportOptionsPanel", "Obsidian note"),
}
GROUP_LABELS = {
    "pane": QT_TRANSLATE_NOOP("ExportOptionsPanel", "Lyrics, then each article"),
    "lens": QT_TRANSLATE_NOOP("ExportOptionsPanel", "Lens"),
}


def _heading(text: str, buddy: QWidget | None = None) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    if buddy is not None:
        label.setBuddy(buddy)
    return label


def _combo(labels: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    for value, label in labels.items():
        combo.addItem(QCoreApplication.translate("ExportOptionsPanel", label), value)
    return combo


class ExportOptionsPanel(QWidget):
    """Scope, format and the Markdown options; a change by the user is `options_changed`.

    The scope the user chose is kept while JSON (always the whole library) or a missing song forces "All songs".
    """

    options_changed = Signal()
    """The user changed an option."""

    def __init__(self):
        # Built without a parent, its widgets too, as the dialog adds it: the order of Tab follows.
        super().__init__()
        self._scope_choice = "song"
        self.setMinimumWidth(290)
        self.setMaximumWidth(340)
        side = QVBoxLayout(self)
        side.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(6)

        self.this_song_radio = QRadioButton(self.tr("&This song"))
        self.all_songs_radio = QRadioButton(self.tr("&All songs"))
        self.scope_group = QButtonGroup(self)
        self.scope_group.addButton(self.this_song_radio)
        self.scope_group.addButton(self.all_songs_radio)
        scope = QVBoxLayout()
        scope.setSpacing(2)
        scope.addWidget(self.this_song_radio)
        scope.addWidget(self.all_songs_radio)
        form.addRow(_heading(self.tr("What")), scope)

        self.format_combo = _combo(FORMAT_LABELS)
        form.addRow(_heading(self.tr("&Format"), self.format_combo), self.format_combo)

        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        form.addRow(rule)

        self.profile_combo = _combo(PROFILE_LABELS)
        self.profile_label = _heading(self.tr("&Markdown for"), self.profile_combo)
        form.addRow(self.profile_label, self.profile_combo)
        self.group_combo = _combo(GROUP_LABELS)
        self.group_label = _heading(self.tr("&Group by"), self.group_combo)
        form.addRow(self.group_label, self.group_combo)
        self.full_lyrics_check = QCheckBox(self.tr("F&ull lyrics (highlighted lines marked)"))
        self.full_lyrics_check.setToolTip(
            self.tr("Quote every line of the lyrics, not only the highlighted words")
        )
        self.footnotes_check = QCheckBox(self.tr("Notes as foot&notes"))
        self.ids_check = QCheckBox(self.tr("Annotation &ids"))
        self.study_check = QCheckBox(self.tr("S&cheme letters and syllable counts"))
        self.study_check.setToolTip(
            self.tr(
                "Write the full lyrics with each line's syllable count and rhyme letter after it, as ⟨8 · A⟩, "
                "each section under a heading (your corrections included)"
            )
        )
        form.addRow(self.full_lyrics_check)
        form.addRow(self.study_check)
        form.addRow(self.footnotes_check)
        form.addRow(self.ids_check)
        side.addLayout(form)

        self.note_label = QLabel()
        self.note_label.setWordWrap(True)
        self.note_label.setTextFormat(Qt.TextFormat.PlainText)
        self.note_label.setAccessibleName(self.tr("What Save writes"))
        self.note_label.setContentsMargins(0, 10, 0, 0)
        note_palette = self.note_label.palette()
        note_palette.setColor(
            self.note_label.foregroundRole(), note_palette.color(note_palette.ColorRole.PlaceholderText)
        )
        self.note_label.setPalette(note_palette)
        side.addWidget(self.note_label)
        side.addStretch(1)

        self.scope_group.buttonToggled.connect(self._on_scope_group_button_toggled)
        for combo in (self.format_combo, self.profile_combo, self.group_combo):
            combo.currentIndexChanged.connect(self._on_control_changed)
        for check in (self.full_lyrics_check, self.study_check, self.footnotes_check, self.ids_check):
            check.toggled.connect(self._on_control_changed)

    def options(self) -> ExportOptions:
        """The options as the panel shows them."""
        return ExportOptions(
            scope="all" if self.all_songs_radio.isChecked() else "song",
            format=self.format_combo.currentData(),
            profile=self.profile_combo.currentData(),
            group_by=self.group_combo.currentData(),
            full_lyrics=self.full_lyrics_check.isChecked(),
            footnotes=self.footnotes_check.isChecked(),
            ids=self.ids_check.isChecked(),
            study=self.study_check.isChecked(),
        )

    def set_options(self, options: ExportOptions) -> None:
        """Show *options*, emitting nothing (then call `update_controls`)."""
        blockers = [
            QSignalBlocker(w)
            for w in (
                self.scope_group,
                self.format_combo,
                self.profile_combo,
                self.group_combo,
                self.full_lyrics_check,
                self.study_check,
                self.footnotes_check,
                self.ids_check,
            )
        ]
        self._scope_choice = options.scope
        self.format_combo.setCurrentIndex(self.format_combo.findData(options.format))
        self.profile_combo.setCurrentIndex(self.profile_combo.findData(options.profile))
        self.group_combo.setCurrentIndex(self.group_combo.findData(options.group_by))
        self.full_lyrics_check.setChecked(options.full_lyrics)
        self.footnotes_check.setChecked(options.footnotes)
        self.ids_check.setChecked(options.ids)
        self.study_check.setChecked(options.study)
        del blockers

    def update_controls(self, song: Song | None, count: int) -> None:
        """Enable what applies to the format chosen; show the scope JSON forces; name *song* and the *count* of songs."""
        fmt = self.format_combo.currentData()
        has_song = song is not None
        with QSignalBlocker(self.scope_group):
            scope = "all" if fmt == "json" or not has_song else self._scope_choice
            (self.all_songs_radio if scope == "all" else self.this_song_radio).setChecked(True)
        self.this_song_radio.setEnabled(fmt != "json" and has_song)
        self.all_songs_radio.setEnabled(fmt != "json")
        if has_song:
            # Elided to the panel: a long title must not widen the dialog; the tooltip has it whole.
            room = self.maximumWidth() - 130
            title = self.this_song_radio.fontMetrics().elidedText(
                song.display_name, Qt.TextElideMode.ElideRight, room
            )
            self.this_song_radio.setText(self.tr("&This song: “{title}”").format(title=title))
        else:
            self.this_song_radio.setText(self.tr("&This song"))
        self.all_songs_radio.setText(self.tr("&All songs ({count})").format(count=count))
        scope_tip = (
            self.tr("lyricpad JSON always holds the whole library (for backup and merging)")
            if fmt == "json"
            else ""
        )
        self.this_song_radio.setToolTip(scope_tip or (song.display_name if has_song else ""))
        self.all_songs_radio.setToolTip(scope_tip)
        markdown = fmt == "markdown"
        for widget in (
            self.profile_label,
            self.profile_combo,
            self.group_label,
            self.group_combo,
            self.full_lyrics_check,
            self.study_check,
        ):
            widget.setEnabled(markdown)
        options = self.options()
        self.footnotes_check.setEnabled(options.footnotes_apply)
        self.footnotes_check.setToolTip(
            self.tr("Put each note in a footnote under the quotes")
            if options.footnotes_apply
            else self.tr("Footnotes are for the blog profile of Markdown (Obsidian shows notes in callouts)")
        )
        self.ids_check.setEnabled(options.ids_apply)
        self.ids_check.setToolTip(
            self.tr("Put an HTML comment holding its id before each annotation (hidden once published)")
            if options.ids_apply
            else self.tr(
                "Ids are an option of the blog profile of Markdown (an Obsidian note always has block ids)"
            )
        )

    def _on_scope_group_button_toggled(self, button, checked: bool) -> None:
        if checked and button.isEnabled():
            self._scope_choice = "all" if button is self.all_songs_radio else "song"
        self.options_changed.emit()

    def _on_control_changed(self, *_args) -> None:
        self.options_changed.emit()
