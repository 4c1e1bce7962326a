"""Quiet syntax colouring of lyrics: section headings like [Chorus] and chord lines."""

from __future__ import annotations

import re

from PySide6.QtGui import QFont, QPalette, QSyntaxHighlighter, QTextCharFormat, QTextDocument

_SECTION = re.compile(r"^\s*\[[^\]\n]+\]\s*$")
_CHORD = re.compile(r"^[A-G][#b]?(?:m|maj|min|dim|aug|sus|add)?\d*(?:(?:sus|add|maj)\d+)?(?:/[A-G][#b]?)?$")


def is_chord_line(text: str) -> bool:
    """True for a line made only of chord names, like "G   D   Em"."""
    words = text.split()
    return bool(words) and all(_CHORD.match(word) for word in words)


class LyricsHighlighter(QSyntaxHighlighter):
    """Dims section headings and colours chord lines, using the widget's palette."""

    def __init__(self, document: QTextDocument, palette: QPalette):
        super().__init__(document)
        self._section_format = QTextCharFormat()
        self._chord_format = QTextCharFormat()
        self.set_palette(palette)

    def set_palette(self, palette: QPalette) -> None:
        """Take colours from *palette* (light or dark) and recolour the text."""
        self._section_format = QTextCharFormat()
        self._section_format.setFontWeight(QFont.Weight.Bold)
        self._section_format.setForeground(palette.color(QPalette.ColorRole.PlaceholderText))
        self._chord_format = QTextCharFormat()
        self._chord_format.setForeground(palette.color(QPalette.ColorRole.Link))
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:
        if _SECTION.match(text):
            self.setFormat(0, len(text), self._section_format)
        elif is_chord_line(text):
            self.setFormat(0, len(text), self._chord_format)
