"""A QSyntaxHighlighter that colours a document with a pygments lexer, in the colours of a pygments style."""

from __future__ import annotations

from collections.abc import Iterable

from pygments.lexer import Lexer
from pygments.style import StyleMeta
from pygments.styles import get_style_by_name
from pygments.token import Token, Whitespace
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPalette,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextDocument,
)

from lyricpad.core.lexers import ROOT_STACK, TokenType, can_lex_lines, lex_line

LIGHT_STYLE = "default"
DARK_STYLE = "github-dark"
"""The pygments styles used when none is chosen, on a light and on a dark palette."""

_BMP_LIMIT = 0xFFFF


def is_dark(palette: QPalette) -> bool:
    """True when text in *palette* is drawn on a dark background."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


class PygmentsHighlighter(QSyntaxHighlighter):
    """Highlights each block of a document with a pygments lexer and style.

    With no style chosen, the style follows the palette: LIGHT_STYLE or DARK_STYLE. Plain
    text keeps the palette's text colour; only tokens the style sets apart get a format,
    and by default a format never has a background, so annotation highlights drawn
    underneath stay visible.

    A RegexLexer is run one block at a time, starting from the state stack the previous
    block ended in (kept as a small integer in Qt's block state), so a fenced code block in
    Markdown carries on from line to line; other lexers see each block on its own.
    """

    def __init__(
        self,
        document: QTextDocument | None,
        lexer: Lexer,
        style: str | None = None,
        *,
        palette: QPalette | None = None,
        backgrounds: bool = False,
    ):
        super().__init__(None)
        self._lexer = lexer
        self._chosen_style = style
        self._dark = is_dark(palette if palette is not None else QGuiApplication.palette())
        self._backgrounds = backgrounds
        self._formats: dict[TokenType, QTextCharFormat | None] = {}
        self._stacks: list[tuple[str, ...]] = []
        self._stack_ids: dict[tuple[str, ...], int] = {}
        self._line_states = False
        self._style: StyleMeta = get_style_by_name(self.style_name)
        self._reset_lexer_states()
        # Attached last, owned by the document as QSyntaxHighlighter(document) would be.
        if document is not None:
            self.setParent(document)
            self.setDocument(document)

    # ------------------------------------------------------------------ public

    @property
    def lexer(self) -> Lexer:
        return self._lexer

    @property
    def style_name(self) -> str:
        """The pygments style in use: the one chosen, else the palette's default."""
        if self._chosen_style:
            return self._chosen_style
        return DARK_STYLE if self._dark else LIGHT_STYLE

    def set_style(self, name: str | None) -> None:
        """Use pygments style *name* (None: follow the palette) and re-highlight."""
        self._chosen_style = name
        self._apply_style()

    def set_lexer(self, lexer: Lexer) -> None:
        """Highlight with *lexer* from now on and re-highlight."""
        self._lexer = lexer
        self._reset_lexer_states()
        self.rehighlight()

    def on_palette_changed(self, palette: QPalette | None = None) -> None:
        """Call when the widget's palette changed: a dark palette picks the dark style."""
        dark = is_dark(palette if palette is not None else QGuiApplication.palette())
        if dark != self._dark:
            self._dark = dark
            if not self._chosen_style:
                self._apply_style()

    def format_for(self, token: TokenType) -> QTextCharFormat | None:
        """The format drawn for *token* (None: plain text), built once per token type."""
        try:
            return self._formats[token]
        except KeyError:
            text_format = self._formats[token] = self._build_format(token)
            return text_format

    # --------------------------------------------------------------- Qt calls us

    def highlightBlock(self, text: str) -> None:
        if self._line_states:
            previous = self.previousBlockState()
            stack = self._stacks[previous] if 0 <= previous < len(self._stacks) else ROOT_STACK
            tokens, end_stack = lex_line(self._lexer, text, stack)
            self.setCurrentBlockState(self._stack_id(end_stack))
        else:
            tokens = self._lexer.get_tokens_unprocessed(text)
        self._format_tokens(text, tokens)

    # ----------------------------------------------------------------- private

    def _apply_style(self) -> None:
        self._style = get_style_by_name(self.style_name)
        self._formats.clear()
        self.rehighlight()

    def _reset_lexer_states(self) -> None:
        self._line_states = can_lex_lines(self._lexer)
        self._stacks = [ROOT_STACK]
        self._stack_ids = {ROOT_STACK: 0}

    def _stack_id(self, stack: tuple[str, ...]) -> int:
        """A small integer standing for *stack*, stable for the highlighter's life."""
        number = self._stack_ids.get(stack)
        if number is None:
            number = self._stack_ids[stack] = len(self._stacks)
            self._stacks.append(stack)
        return number

    def _build_format(self, token: TokenType) -> QTextCharFormat | None:
        if token in Whitespace:
            return None  # a colour on blanks shows nothing; left plain, the blocks carry fewer formats
        style = self._style
        # A token the style does not name looks like its nearest ancestor, as pygments' formatters do.
        while not style.styles_token(token) and token.parent is not None:
            token = token.parent
        spec = style.style_for_token(token)
        plain = style.style_for_token(Token)
        text_format = QTextCharFormat()
        styled = False
        if spec["color"] and spec["color"] != plain["color"]:
            text_format.setForeground(QColor(f"#{spec['color']}"))
            styled = True
        if spec["bold"] and not plain["bold"]:
            text_format.setFontWeight(QFont.Weight.Bold)
            styled = True
        if spec["italic"] and not plain["italic"]:
            text_format.setFontItalic(True)
            styled = True
        if spec["underline"] and not plain["underline"]:
            text_format.setFontUnderline(True)
            styled = True
        if self._backgrounds and spec["bgcolor"] and spec["bgcolor"] != plain["bgcolor"]:
            text_format.setBackground(QColor(f"#{spec['bgcolor']}"))
            styled = True
        return text_format if styled else None

    def _format_tokens(self, text: str, tokens: Iterable[tuple[int, TokenType, str]]) -> None:
        """Apply each token's format; pygments counts code points, setFormat counts UTF-16 units."""
        if text.isascii() or max(text) <= chr(_BMP_LIMIT):
            for pos, token, value in tokens:
                text_format = self.format_for(token)
                if text_format is not None and value:
                    self.setFormat(pos, len(value), text_format)
            return
        done = done_units = 0  # code points seen, and the UTF-16 units they take
        for pos, token, value in tokens:
            done_units += _utf16_length(text[done:pos]) if pos >= done else -_utf16_length(text[pos:done])
            done = pos
            text_format = self.format_for(token)
            if text_format is not None and value:
                self.setFormat(done_units, _utf16_length(value), text_format)


def _utf16_length(text: str) -> int:
    """How many UTF-16 code units *text* takes: two for each character beyond the BMP."""
    return len(text) + sum(1 for ch in text if ord(ch) > _BMP_LIMIT)
