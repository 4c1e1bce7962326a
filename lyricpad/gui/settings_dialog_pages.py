"""The pages of Edit > Settings: each shows its part of the preferences and gives back what the user chose."""

from __future__ import annotations

from pygments.styles import get_style_by_name
from pygments.token import Token
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFontComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from lyricpad.app.settings import (
    BACKUP_INTERVAL_RANGE,
    BACKUPS_KEPT_RANGE,
    FONT_SIZE_RANGE,
    SAVE_MAX_WAIT_RANGE,
    SAVE_PAUSE_RANGE,
    PaneFont,
    Preferences,
    pygments_styles,
)
from lyricpad.core.lexers import LyricsLexer
from lyricpad.core.models import Lens
from lyricpad.gui.highlights import lens_icon
from lyricpad.gui.pygments_highlighter import PygmentsHighlighter

LYRICS_SAMPLE = (
    "[Chorus]\nG        D\nTwinkle, twinkle, little star (little star)\nHow I wonder what you are\n"
)
"""Lines every pygments style colours differently: a section header, a chord line, backing vocals."""
PANES = ("lyrics", "article", "notes")


def _note(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


class PaneFontRow(QGroupBox):
    """One pane's font: family, size in points, a Default button and a sample in that font."""

    changed = Signal()

    def __init__(self, title: str, builtin: QFont, sample: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        self._builtin = QFont(builtin)
        self.family = QFontComboBox(self)
        self.family.setAccessibleName(self.tr("Font family"))  # the group box names the pane
        self.size = QSpinBox(self)
        self.size.setRange(*FONT_SIZE_RANGE)
        self.size.setSuffix(self.tr(" pt"))
        self.size.setAccessibleName(self.tr("Font size"))
        self.default_button = QPushButton(self.tr("Default"), self)
        self.default_button.setAccessibleName(self.tr("Default font"))
        self.default_button.clicked.connect(self.restore_default)
        self.sample = QLabel(sample, self)
        self.sample.setAccessibleName(self.tr("Font sample"))
        self.sample.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        row = QHBoxLayout()
        row.addWidget(self.family, 1)
        row.addWidget(self.size)
        row.addWidget(self.default_button)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.sample)
        self.family.currentFontChanged.connect(self._on_choice_changed)
        self.size.valueChanged.connect(self._on_choice_changed)
        self.set_value(PaneFont())

    def _builtin_size(self) -> int:
        low, high = FONT_SIZE_RANGE
        return (
            max(low, min(high, round(self._builtin.pointSizeF()))) if self._builtin.pointSizeF() > 0 else 10
        )

    def value(self) -> PaneFont:
        """The font chosen; what equals the built-in one is kept as "default" (it follows the system)."""
        family = self.family.currentFont().family()
        size = self.size.value()
        return PaneFont(
            family if family != self._builtin.family() else "",
            size if size != self._builtin_size() else 0,
        )

    def set_value(self, value: PaneFont) -> None:
        self.family.setCurrentFont(QFont(value.family or self._builtin.family()))
        self.size.setValue(value.size or self._builtin_size())
        self._on_choice_changed()

    def restore_default(self) -> None:
        self.set_value(PaneFont())

    def _on_choice_changed(self) -> None:
        font = QFont(self._builtin)
        font.setFamily(self.family.currentFont().family())
        font.setPointSize(self.size.value())
        self.sample.setFont(font)
        self.changed.emit()


class TextPage(QWidget):
    """Fonts and sizes of the lyrics, the article and the notes."""

    def __init__(self, builtin_fonts: dict[str, QFont], parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.rows = {
            "lyrics": PaneFontRow(
                self.tr("Lyrics"),
                builtin_fonts["lyrics"],
                self.tr("Twinkle, twinkle, little star"),
                self,
            ),
            "article": PaneFontRow(
                self.tr("Article"),
                builtin_fonts["article"],
                self.tr("The song was first printed in 1806."),
                self,
            ),
            "notes": PaneFontRow(
                self.tr("Notes"),
                builtin_fonts["notes"],
                self.tr("Listen for the rhyme of star and are."),
                self,
            ),
        }
        for row in self.rows.values():
            layout.addWidget(row)
        layout.addWidget(
            _note(
                self.tr(
                    "The translation beside the lyrics uses the lyrics' font, so each line stays beside "
                    "its lyric. View > Bigger Text adds to these sizes."
                ),
                self,
            )
        )
        layout.addStretch(1)

    def fill(self, preferences: Preferences) -> None:
        for pane, row in self.rows.items():
            row.set_value(getattr(preferences, f"{pane}_font"))

    def chosen(self) -> dict[str, object]:
        return {f"{pane}_font": row.value() for pane, row in self.rows.items()}


class StyleSample(QPlainTextEdit):
    """A few lines of lyrics coloured in one pygments style, on that style's background."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setReadOnly(True)
        self.setAccessibleName(name)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setPlainText(LYRICS_SAMPLE.rstrip("\n"))
        self.setFixedHeight(round(self.fontMetrics().lineSpacing() * 4.6 + 12))
        self.highlighter = PygmentsHighlighter(
            self.document(), LyricsLexer(), "default", palette=self.palette()
        )

    def show_style(self, name: str) -> None:
        style = get_style_by_name(name)
        palette = self.palette()
        background = QColor(style.background_color or "#ffffff")
        palette.setColor(QPalette.ColorRole.Base, background)
        text = style.style_for_token(Token.Text).get("color")
        plain = QColor("#eeeeee" if background.lightness() < 128 else "#111111")
        palette.setColor(QPalette.ColorRole.Text, QColor(f"#{text}") if text else plain)
        self.setPalette(palette)
        self.highlighter.set_style(name)
        self.highlighter.finish()


class ColoursPage(QWidget):
    """The pygments style that colours lyrics and Markdown on a light palette, and on a dark one."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        form = QFormLayout()
        self.light = QComboBox(self)
        self.dark = QComboBox(self)
        self.light_sample = StyleSample(self.tr("Sample of the light palette's style"), self)
        self.dark_sample = StyleSample(self.tr("Sample of the dark palette's style"), self)
        for combo, sample, name, dark in (
            (self.light, self.light_sample, self.tr("Style on a light palette"), False),
            (self.dark, self.dark_sample, self.tr("Style on a dark palette"), True),
        ):
            combo.addItems(pygments_styles(dark=dark))  # each palette offers the styles drawn for it
            combo.setAccessibleName(name)
            combo.currentTextChanged.connect(sample.show_style)
        form.addRow(self.tr("&Light palette:"), self.light)
        form.addRow("", self.light_sample)
        form.addRow(self.tr("&Dark palette:"), self.dark)
        form.addRow("", self.dark_sample)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            _note(self.tr("The style in use follows the system's palette: light or dark."), self)
        )
        layout.addStretch(1)

    def fill(self, preferences: Preferences) -> None:
        for combo, sample, name in (
            (self.light, self.light_sample, preferences.light_style),
            (self.dark, self.dark_sample, preferences.dark_style),
        ):
            if combo.findText(name) < 0:
                combo.addItem(name)  # a style chosen by hand in the settings file is shown, not replaced
            combo.setCurrentText(name)
            sample.show_style(combo.currentText())

    def chosen(self) -> dict[str, object]:
        return {"light_style": self.light.currentText(), "dark_style": self.dark.currentText()}


class AnnotatingPage(QWidget):
    """The lens a new highlight gets (Ctrl+H) until the user highlights with another one."""

    def __init__(self, lenses: list[Lens], parent: QWidget | None = None):
        super().__init__(parent)
        self.lens = QComboBox(self)
        self.lens.setAccessibleName(self.tr("Default lens"))
        self.lens.addItem(self.tr("The first lens"), "")  # follows the lens order, whatever it becomes
        for lens in lenses:
            self.lens.addItem(lens_icon(lens.colour, self.palette()), lens.name, lens.id)
        form = QFormLayout()
        form.addRow(self.tr("Default &lens:"), self.lens)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(
            _note(
                self.tr(
                    "Highlight with Last Lens (Ctrl+H) uses this lens until you highlight with another one. "
                    "If the lens is deleted, the first lens is used."
                ),
                self,
            )
        )
        layout.addStretch(1)

    def fill(self, preferences: Preferences) -> None:
        index = self.lens.findData(preferences.default_lens)
        self.lens.setCurrentIndex(max(0, index))

    def chosen(self) -> dict[str, object]:
        return {"default_lens": self.lens.currentData() or ""}


class SavingPage(QWidget):
    """When typing is saved, and how often and how many backups are made and kept."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.pause = QDoubleSpinBox(self)
        self.pause.setRange(0.0, SAVE_PAUSE_RANGE[1])
        self.pause.setDecimals(1)
        self.pause.setSingleStep(0.1)
        self.pause.setSuffix(self.tr(" s"))
        self.pause.setSpecialValueText(self.tr("Each editor's own"))
        self.max_wait = QDoubleSpinBox(self)
        self.max_wait.setRange(*SAVE_MAX_WAIT_RANGE)
        self.max_wait.setDecimals(1)
        self.max_wait.setSuffix(self.tr(" s"))
        self.interval = QSpinBox(self)
        self.interval.setRange(*BACKUP_INTERVAL_RANGE)
        self.interval.setSuffix(self.tr(" min"))
        self.kept = QSpinBox(self)
        self.kept.setRange(*BACKUPS_KEPT_RANGE)
        self.kept_label = QLabel(self)
        self.kept.valueChanged.connect(self._on_kept_value_changed)
        kept_row = QHBoxLayout()
        kept_row.addWidget(self.kept)
        kept_row.addWidget(self.kept_label, 1)
        typing = QGroupBox(self.tr("While you type"), self)
        typing_form = QFormLayout(typing)
        typing_form.addRow(self.tr("Save after a &pause of:"), self.pause)
        typing_form.addRow(self.tr("Save at least &every:"), self.max_wait)
        backups = QGroupBox(self.tr("Backups"), self)
        backups_form = QFormLayout(backups)
        backups_form.addRow(self.tr("Back up at most &every:"), self.interval)
        kept_title = QLabel(self.tr("&Keep the newest:"), self)
        kept_title.setBuddy(self.kept)
        backups_form.addRow(kept_title, kept_row)
        for form in (typing_form, backups_form):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for widget, name in (
            (self.pause, self.tr("Save after a pause of")),
            (self.max_wait, self.tr("Save at least every")),
            (self.interval, self.tr("Back up at most every")),
            (self.kept, self.tr("Backups kept")),
        ):
            widget.setAccessibleName(name)
        layout = QVBoxLayout(self)
        layout.addWidget(typing)
        layout.addWidget(backups)
        layout.addWidget(
            _note(
                self.tr(
                    "Automatic backups are made while changes happen. Beyond the newest ones, one backup "
                    "a day is kept for two weeks, and backups you made yourself are never deleted."
                ),
                self,
            )
        )
        layout.addStretch(1)

    def _on_kept_value_changed(self, count: int) -> None:
        self.kept_label.setText(self.tr("automatic backup(s)", "", count))

    def fill(self, preferences: Preferences) -> None:
        self.pause.setValue(preferences.save_pause_s)
        self.max_wait.setValue(preferences.save_max_wait_s)
        self.interval.setValue(preferences.backup_interval_min)
        self.kept.setValue(preferences.backups_kept)
        self._on_kept_value_changed(self.kept.value())

    def chosen(self) -> dict[str, object]:
        pause = round(self.pause.value(), 1)
        if 0 < pause < SAVE_PAUSE_RANGE[0]:
            pause = SAVE_PAUSE_RANGE[0]
        return {
            "save_pause_s": pause,
            "save_max_wait_s": round(self.max_wait.value(), 1),
            "backup_interval_min": self.interval.value(),
            "backups_kept": self.kept.value(),
        }


class LibraryPage(QWidget):
    """Where the library is, opening another one, making a new one, and which one opens at start."""

    open_requested = Signal()
    """Open Another Library… was pressed."""
    create_requested = Signal()
    """Create New Library… was pressed."""

    def __init__(self, library_path: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._library_path = library_path
        self._default_library = ""
        self.path = QLineEdit(library_path or self.tr("In memory (nothing is saved)"), self)
        self.path.setReadOnly(True)
        self.path.setAccessibleName(self.tr("Library location"))
        self.path.setCursorPosition(0)
        self.open_button = QPushButton(self.tr("&Open Another Library…"), self)
        self.open_button.clicked.connect(self.open_requested)
        self.create_button = QPushButton(self.tr("&Create New Library…"), self)
        self.create_button.clicked.connect(self.create_requested)
        self.at_start = QCheckBox(self.tr("Open this library at &start"), self)
        self.at_start.setEnabled(bool(library_path))
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.create_button)
        buttons.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("&Library:"), self.path)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.at_start)
        layout.addWidget(
            _note(
                self.tr(
                    'Another library opens in a new lyricpad window and this one closes. With "Open this '
                    'library at start" ticked, the library you open or create is the one lyricpad opens '
                    "when it is started without --library."
                ),
                self,
            )
        )
        layout.addStretch(1)

    def fill(self, preferences: Preferences) -> None:
        self._default_library = preferences.default_library
        self.at_start.setChecked(
            bool(self._library_path) and preferences.default_library == self._library_path
        )

    def chosen(self, opening: str = "") -> dict[str, object]:
        """The library to open at start; *opening* is a library about to be opened instead of this one."""
        ticked = self.at_start.isChecked()
        if ticked:
            return {"default_library": opening or self._library_path}
        keep = self._default_library if self._default_library != self._library_path else ""
        return {"default_library": keep}


class LanguagePage(QWidget):
    """The language of the window, from the next start."""

    def __init__(self, languages: list[tuple[str, str]], parent: QWidget | None = None):
        super().__init__(parent)
        self.language = QComboBox(self)
        self.language.setAccessibleName(self.tr("Language"))
        self.language.addItem(self.tr("System default"), "")
        for code, name in languages:
            self.language.addItem(name, code)
        form = QFormLayout()
        form.addRow(self.tr("&Language:"), self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_note(self.tr("A new language applies the next time lyricpad starts."), self))
        layout.addStretch(1)

    def fill(self, preferences: Preferences) -> None:
        self.language.setCurrentIndex(max(0, self.language.findData(preferences.language)))

    def chosen(self) -> dict[str, object]:
        return {"language": self.language.currentData() or ""}
