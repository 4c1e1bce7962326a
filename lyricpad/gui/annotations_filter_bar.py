"""The filters above the annotations list: text, lens, tag and quotes, and how many rows they let through."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QSizePolicy, QToolButton, QWidget

from lyricpad.core.text import fold
from lyricpad.gui.highlights import lens_icon

FIND_SHORTCUT = "Ctrl+F"

COUNT_DIGITS = 3
"""The count ("12 of 40") keeps room for this many digits on each side, so the panel never widens as it counts."""


class AnnotationFilterBar(QWidget):
    """The text filter over the lens and tag filters and the count; it only says what the user chose.

    Esc in the text filter clears it, or when it is empty asks to leave it (`leave_requested`).
    """

    filters_changed = Signal(str, str, str)
    """(text, lens id, tag): the user changed a filter ("" for a lens or tag: all of them)."""
    leave_requested = Signal()
    """Esc in the empty text filter: the focus may go back to the list."""
    quotes_toggled = Signal(bool)
    """The Quotes filter was switched on (list the article's quotations of the lyrics) or off."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._tags: list[str] = []
        self._lens_offered: list[tuple[str, str, str]] | None = None

        self.text_filter = QLineEdit(self)
        self.text_filter.setPlaceholderText(
            self.tr("Filter quotes, notes, #tags ({shortcut})").format(shortcut=FIND_SHORTCUT)
        )
        self.text_filter.setAccessibleName(self.tr("Filter annotations by text"))
        self.text_filter.setToolTip(
            self.tr(
                "Shows the annotations whose quote, note or tags hold every word typed (the start of a word is"
                ' enough; "words in quotes" in a row), case and accents ignored. Esc clears.'
            )
        )
        self.text_filter.setClearButtonEnabled(True)
        self.text_filter.textChanged.connect(self._on_filter_changed)
        self.text_filter.installEventFilter(self)
        self.lens_filter = QComboBox(self)
        self.lens_filter.setAccessibleName(self.tr("Filter annotations by lens"))
        self.lens_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.lens_filter.setMinimumContentsLength(4)  # narrow: the reading panes need the width more
        self.lens_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.tag_filter = QComboBox(self)
        self.tag_filter.setAccessibleName(self.tr("Filter annotations by tag"))
        self.tag_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.tag_filter.setMinimumContentsLength(4)
        self.tag_filter.currentIndexChanged.connect(self._on_filter_changed)
        self.quotes_button = QToolButton(self)
        self.quotes_button.setText(self.tr("Quotes"))
        self.quotes_button.setCheckable(True)
        self.quotes_button.setAccessibleName(self.tr("Show quotations of the lyrics"))
        self.quotes_button.setToolTip(
            self.tr("List the articles' quotations linked to the lyric lines they quote")
        )
        self.quotes_button.toggled.connect(self._on_quotes_button_toggled)
        self.count_label = QLabel(self)
        self.count_label.setAccessibleName(self.tr("Annotations shown"))
        self.count_label.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        layout = QGridLayout(self)
        layout.setContentsMargins(6, 6, 6, 4)
        layout.setHorizontalSpacing(6)
        layout.setVerticalSpacing(4)
        # Quotes beside the search box, the count under it: three columns keep the panel narrow
        # enough for the reading panes at 1024 px.
        layout.addWidget(self.text_filter, 0, 0, 1, 2)
        layout.addWidget(self.quotes_button, 0, 2)
        layout.addWidget(self.lens_filter, 1, 0)
        layout.addWidget(self.tag_filter, 1, 1)
        layout.addWidget(self.count_label, 1, 2)
        layout.setColumnStretch(0, 1)
        layout.setColumnStretch(1, 1)
        QWidget.setTabOrder(self.text_filter, self.lens_filter)
        QWidget.setTabOrder(self.lens_filter, self.tag_filter)
        QWidget.setTabOrder(self.tag_filter, self.quotes_button)
        self._recolour()
        self.offer_tags([], force=True)

    def lens_id(self) -> str:
        return self.lens_filter.currentData() or ""

    def tag(self) -> str:
        return self.tag_filter.currentData() or ""

    def clear(self) -> None:
        self.text_filter.clear()
        self.lens_filter.setCurrentIndex(0)
        self.tag_filter.setCurrentIndex(0)

    def focus_text_filter(self) -> None:
        self.text_filter.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.text_filter.selectAll()

    def set_filters_enabled(self, enabled: bool) -> None:
        quotes = self.quotes_shown()
        self.text_filter.setEnabled(enabled or quotes)
        for widget in (self.lens_filter, self.tag_filter):
            widget.setEnabled(enabled and not quotes)  # they filter annotations, not quotations

    def quotes_shown(self) -> bool:
        """Whether the Quotes filter is on: the list shows quotations, not annotations."""
        return self.quotes_button.isChecked()

    def show_quotes(self, shown: bool) -> None:
        """Switch the Quotes filter on or off (as a click on it does)."""
        self.quotes_button.setChecked(shown)

    def offer_lenses(self, choices: list[tuple[str, str, str]], *, force: bool = False) -> bool:
        """Offer "All lenses" then (lens id, name, colour) *choices*, emitting nothing.

        Returns whether the lens chosen is no longer offered (the choice went back to all lenses).
        """
        combo = self.lens_filter
        if choices == self._lens_offered and not force:
            return False
        self._lens_offered = choices
        current = combo.currentData() or ""
        size = combo.iconSize().height()
        ratio = self.devicePixelRatioF()
        with QSignalBlocker(combo):
            combo.clear()
            combo.addItem(self.tr("All lenses"), "")
            for lens_id, name, colour in choices:
                combo.addItem(lens_icon(colour, self.palette(), size, ratio), name, lens_id)
            found = combo.findData(current)
            combo.setCurrentIndex(max(0, found))
        return found < 0 and bool(current)

    def offer_tags(self, tags: list[str], *, force: bool = False) -> bool:
        """Offer "All tags" then *tags*, emitting nothing; returns whether the tag chosen is gone."""
        if tags == self._tags and not force:
            return False
        self._tags = tags
        combo = self.tag_filter
        current = combo.currentData() or ""
        with QSignalBlocker(combo):
            combo.clear()
            combo.addItem(self.tr("All tags"), "")
            for tag in self._tags:
                combo.addItem(f"#{tag}", tag)
            found = next((i for i in range(1, combo.count()) if fold(combo.itemData(i)) == fold(current)), -1)
            combo.setCurrentIndex(max(0, found))
        return found < 0 and bool(current)

    def show_count(self, shown: int, total: int, visible: bool, what: str = "annotations") -> None:
        """*what*: "annotations" or "quotations", the rows counted."""
        self.count_label.setVisible(visible)
        self.count_label.setText(self.tr("{shown} of {total}").format(shown=shown, total=total))
        # As wide as three-digit counts whatever the count: a count that gains a digit (a quotation
        # found while typing) would otherwise widen the whole panel and squeeze the panes.
        nines = "9" * max(COUNT_DIGITS, len(str(total)))
        self.count_label.setMinimumWidth(
            self.count_label.fontMetrics().horizontalAdvance(
                self.tr("{shown} of {total}").format(shown=nines, total=nines)
            )
        )
        if what == "annotations":
            tip = self.tr("{shown} of %n annotation(s) shown (the trash not counted)", "", total)
        else:
            tip = self.tr("{shown} of %n quotation(s) shown", "", total)
        self.count_label.setToolTip(tip.format(shown=shown))
        self.count_label.setAccessibleDescription(self.count_label.toolTip())

    # --------------------------------------------------------------- Qt events

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.text_filter and isinstance(event, QKeyEvent) and event.key() == Qt.Key.Key_Escape:
            if event.type() == QEvent.Type.ShortcutOverride and self.text_filter.text():
                event.accept()  # Esc clears the box before any window shortcut sees it
                return True
            if event.type() == QEvent.Type.KeyPress:
                if self.text_filter.text():
                    self.text_filter.clear()
                else:
                    self.leave_requested.emit()
                return True
        return super().eventFilter(watched, event)

    def _recolour(self) -> None:
        palette = self.count_label.palette()
        palette.setColor(
            QPalette.ColorRole.WindowText, self.palette().color(QPalette.ColorRole.PlaceholderText)
        )
        self.count_label.setPalette(palette)
        if self._lens_offered is not None:
            self.offer_lenses(self._lens_offered, force=True)  # the icons' outline follows the palette

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "count_label"):
            self._recolour()

    def _on_quotes_button_toggled(self, checked: bool) -> None:
        self.quotes_toggled.emit(checked)

    def _on_filter_changed(self, *_args) -> None:
        self.filters_changed.emit(self.text_filter.text(), self.lens_id(), self.tag())
