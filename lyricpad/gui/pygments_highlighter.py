"""A QSyntaxHighlighter that colours a document with a pygments lexer, in the colours of a pygments style."""

from __future__ import annotations

import time
from collections.abc import Iterable

from pygments.lexer import Lexer
from pygments.style import StyleMeta
from pygments.styles import get_style_by_name
from pygments.token import Token, Whitespace
from PySide6.QtCore import QEvent, QObject, QPoint, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPalette,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
    QTextLayout,
)
from PySide6.QtWidgets import QAbstractScrollArea

from lyricpad.app.settings import DEFAULT_DARK_STYLE, DEFAULT_LIGHT_STYLE, pygments_style_or
from lyricpad.core.lexers import ROOT_STACK, TokenType, can_lex_lines, lex_line

LIGHT_STYLE = DEFAULT_LIGHT_STYLE
DARK_STYLE = DEFAULT_DARK_STYLE
"""The pygments styles used when none is chosen, on a light and on a dark palette."""

SYNC_BLOCKS = 100
"""At most this many blocks are coloured at once after a change; the rest waits for idle slices."""

SLICE_SECONDS = 0.008
"""How long one idle slice colours blocks before the event loop gets its turn."""

_BMP_LIMIT = 0xFFFF
_UNLEXED = -1  # a block's user state before it is lexed (Qt's own default)


def is_dark(palette: QPalette) -> bool:
    """True when text in *palette* is drawn on a dark background."""
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


class PaletteStyles(QObject):
    """The pygments styles for a light and for a dark palette (Edit > Settings > Colours), for every
    highlighter that follows the palette; changing them re-colours those highlighters at once."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.light = LIGHT_STYLE
        self.dark = DARK_STYLE

    def set_styles(self, light: str, dark: str) -> None:
        """Use pygments styles *light* and *dark*; an unknown name keeps the built-in one."""
        light = pygments_style_or(light, LIGHT_STYLE)
        dark = pygments_style_or(dark, DARK_STYLE)
        if (light, dark) != (self.light, self.dark):
            self.light, self.dark = light, dark
            self.changed.emit()


_palette_styles: PaletteStyles | None = None


def palette_styles() -> PaletteStyles:
    """The styles of this process's highlighters that follow the palette (made when first asked for)."""
    global _palette_styles
    if _palette_styles is None:
        _palette_styles = PaletteStyles()
    return _palette_styles


class PygmentsHighlighter(QObject):
    """Colours each block of a document with a pygments lexer and style, big documents without a freeze.

    With no style chosen, the style follows the palette: `palette_styles()`'s light or dark one. Plain
    text keeps the palette's text colour; only tokens the style sets apart get a format,
    and by default a format never has a background, so annotation highlights drawn
    underneath stay visible.

    A RegexLexer is run one block at a time, starting from the state stack the previous
    block ended in (kept as a small integer in the block's user state), so a fenced code
    block in Markdown carries on from line to line; other lexers see each block on its own.

    After a change, at most SYNC_BLOCKS blocks are coloured at once: the blocks changed, then
    those a changed lexer state reaches. The rest of a big change (a 100,000-line text loaded,
    a new style) is coloured in idle slices of SLICE_SECONDS, so the event loop never waits
    long; blocks scrolled into the *view* (when one is watched) are coloured before they are
    painted, from the state before them as far as it is known, and again in order by the slices.
    """

    finished = Signal()
    """Every block is coloured: the idle slices after a big change are over."""

    def __init__(
        self,
        document: QTextDocument | None,
        lexer: Lexer,
        style: str | None = None,
        *,
        palette: QPalette | None = None,
        backgrounds: bool = False,
        view: QAbstractScrollArea | None = None,
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
        self._document: QTextDocument | None = None
        self._view: QAbstractScrollArea | None = None
        # Blocks starting before _sweep are coloured from their true lexer state; from there on,
        # those starting before _redo_until are coloured again whatever their state (None: all done).
        self._sweep: int | None = None
        self._redo_until = 0
        self._shown: set[int] = set()  # numbers of blocks coloured for the view since the last change
        self._dirty: tuple[int, int] | None = None  # blocks given new formats, not laid out again yet
        self.blocks_lexed = 0
        """How many times a block was lexed and coloured (a count to check that edits redo only their blocks)."""
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self._on_timer_timeout)
        palette_styles().changed.connect(self._on_palette_styles_changed)
        self._reset_lexer_states()
        if document is not None:
            self.setParent(document)  # owned by the document, as a QSyntaxHighlighter is
            self.setDocument(document)
        if view is not None:
            self.watch(view)

    # ------------------------------------------------------------------ public

    @property
    def lexer(self) -> Lexer:
        return self._lexer

    @property
    def style_name(self) -> str:
        """The pygments style in use: the one chosen, else the palette's default."""
        if self._chosen_style:
            return self._chosen_style
        styles = palette_styles()
        return styles.dark if self._dark else styles.light

    def document(self) -> QTextDocument | None:
        return self._document

    def setDocument(self, document: QTextDocument | None) -> None:  # noqa: N802 - as QSyntaxHighlighter
        """Colour *document* from now on (its first blocks at once, the rest in slices); None: none."""
        if self._document is not None:
            self._document.contentsChange.disconnect(self._on_document_contents_change)
            block = self._document.begin()
            while block.isValid():
                block.layout().clearFormats()
                block = block.next()
        self._document = document
        self._sweep = None
        self._timer.stop()
        if document is not None:
            document.contentsChange.connect(self._on_document_contents_change)
            self.rehighlight_soon()

    def watch(self, view: QAbstractScrollArea) -> None:
        """Colour the blocks *view* (a QPlainTextEdit or QTextEdit showing the document) is about to paint first."""
        self._view = view
        view.viewport().installEventFilter(self)

    def rehighlight(self) -> None:
        """Colour the whole document again, now."""
        self._colour_everything(2**31)

    def rehighlight_soon(self) -> None:
        """Colour the whole document again: the first blocks and those in view now, the rest in slices."""
        self._colour_everything(SYNC_BLOCKS)

    def is_finished(self) -> bool:
        """True when every block is coloured (no slice is waiting)."""
        return self._sweep is None

    def finish(self) -> None:
        """Colour every block still waiting for a slice, now."""
        if self._sweep is not None:
            self._timer.stop()
            self._run_sweep(None)

    def set_style(self, name: str | None) -> None:
        """Use pygments style *name* (None: follow the palette) and re-highlight."""
        self._chosen_style = name
        self._apply_style()

    def set_lexer(self, lexer: Lexer) -> None:
        """Highlight with *lexer* from now on and re-highlight."""
        self._lexer = lexer
        self._reset_lexer_states()
        self.rehighlight_soon()

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

    def highlight_visible(self) -> None:
        """Colour the blocks in the watched view that are waiting for a slice (those shown already are left)."""
        view, document = self._view, self._document
        if view is None or document is None or self._sweep is None:
            return
        viewport = view.viewport()
        block = view.cursorForPosition(QPoint(0, 0)).block()
        last = view.cursorForPosition(QPoint(viewport.width(), viewport.height())).block().blockNumber()
        sweep = self._sweep
        while block.isValid() and block.blockNumber() <= last:
            number = block.blockNumber()
            position = block.position()
            if (
                position >= sweep
                and number not in self._shown
                and (block.userState() < 0 or position < self._redo_until)
            ):
                self._shown.add(number)
                self._lex(block, exact=False)
            block = block.next()
        self._lay_out_again()

    # --------------------------------------------------------------- Qt calls us

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and self._sweep is not None:
            self.highlight_visible()
        return False

    # ----------------------------------------------------------------- slots

    def _on_document_contents_change(self, position: int, removed: int, added: int) -> None:
        document = self._document
        if document is None:
            return
        self._shown.clear()
        if self._sweep is not None:
            self._sweep = _shifted(self._sweep, position, removed, added)
            self._redo_until = _shifted(self._redo_until, position, removed, added)
        first = document.findBlock(position)
        last = document.findBlock(position + added)
        if not last.isValid():
            last = document.lastBlock()
        if not first.isValid():
            return
        end = last.position() + last.length()
        if self._sweep is not None and first.position() >= self._sweep:
            # The slices will get there: colour it again when they do.
            self._redo_until = max(self._redo_until, end)
            return
        # Colour the changed blocks now, then those whose start state changed; too many: the rest in slices.
        resume = self._colour_from(first, until=end, redo_until=end, max_lexed=SYNC_BLOCKS)
        if resume is not None:
            self._postpone(resume, end)

    def _on_timer_timeout(self) -> None:
        self._run_sweep(time.perf_counter() + SLICE_SECONDS)

    # ----------------------------------------------------------------- private

    def _on_palette_styles_changed(self) -> None:
        if not self._chosen_style:
            self._apply_style()

    def _apply_style(self) -> None:
        self._style = get_style_by_name(self.style_name)
        self._formats.clear()
        self.rehighlight_soon()

    def _reset_lexer_states(self) -> None:
        self._line_states = can_lex_lines(self._lexer)
        self._stacks = [ROOT_STACK]
        self._stack_ids = {ROOT_STACK: 0}

    def _colour_everything(self, max_lexed: int) -> None:
        document = self._document
        if document is None:
            return
        self._shown.clear()
        end = document.characterCount()
        resume = self._colour_from(document.begin(), until=end, redo_until=end, max_lexed=max_lexed)
        if resume is None:
            self._sweep = None
            self._timer.stop()
        else:
            self._sweep = None  # everything after resume is to be redone
            self._postpone(resume, end)
            self.highlight_visible()

    def _postpone(self, block: QTextBlock, redo_until: int) -> None:
        """Leave *block* and on (those before *redo_until* whatever their state) to the slices."""
        if block.userState() >= 0:
            block.setUserState(_UNLEXED)  # it must be lexed, whatever the state before it carries
        position = block.position()
        if self._sweep is None:
            self._sweep, self._redo_until = position, redo_until
        else:
            self._sweep = min(self._sweep, position)
            self._redo_until = max(self._redo_until, redo_until)
        self._timer.start()

    def _run_sweep(self, deadline: float | None) -> None:
        document = self._document
        if document is None or self._sweep is None:
            self._sweep = None
            return
        block = document.findBlock(self._sweep)
        resume = self._colour_from(block, until=None, redo_until=self._redo_until, deadline=deadline)
        if resume is None:
            self._sweep = None
            self._shown.clear()
            self.finished.emit()
        else:
            if resume.userState() >= 0 and resume.position() >= self._redo_until:
                resume.setUserState(_UNLEXED)  # stopped on a block whose start state changed
            self._sweep = resume.position()
            self._timer.start()

    def _colour_from(self, block: QTextBlock, **options) -> QTextBlock | None:
        try:
            return self._colour_blocks(block, **options)
        finally:
            self._lay_out_again()

    def _lay_out_again(self) -> None:
        """Have the blocks given new formats laid out again: once for them all, as Qt lays out a span at a time."""
        # (It also closes the span of changes the formats opened: left open, the next edit would report it all.)
        if self._dirty is not None and self._document is not None:
            start, end = self._dirty
            self._dirty = None
            self._document.markContentsDirty(start, min(end, self._document.characterCount()) - start)

    def _colour_blocks(
        self,
        block: QTextBlock,
        *,
        until: int | None,
        redo_until: int,
        max_lexed: int = 2**31,
        deadline: float | None = None,
    ) -> QTextBlock | None:
        """Colour the blocks from *block* that need it, each from the state the block before ends in.

        A block needs it when it starts before *redo_until*, was never lexed or only guessed
        at, or the block before it now ends in another state. Stops past *until* (None: the
        document's end) once no state carries on; returns the block to go on from when
        *max_lexed* blocks were lexed or *deadline* (perf_counter) passed, None when done.
        """
        carry = False
        lexed = 0
        while block.isValid():
            position = block.position()
            if until is not None and position >= until and not carry:
                return None
            state = block.userState()
            if carry or state < 0 or state & 1 or position < redo_until:
                if lexed >= max_lexed or (deadline is not None and time.perf_counter() > deadline):
                    if carry and state >= 0:
                        block.setUserState(_UNLEXED)
                    return block
                end_id = self._lex(block, exact=True)
                lexed += 1
                carry = state < 0 or bool(state & 1) or end_id != state >> 1
            block = block.next()
        return None

    def _lex(self, block: QTextBlock, *, exact: bool) -> int:
        """Lex and colour *block*; its end state's id (its user state: the id twice, plus 1 if guessed)."""
        self.blocks_lexed += 1
        text = block.text()
        if self._line_states:
            previous = block.previous()
            before = previous.userState() if previous.isValid() else 0
            stack = self._stacks[before >> 1] if 0 <= before < 2 * len(self._stacks) else ROOT_STACK
            guessed = not exact or before < 0 or bool(before & 1)
            tokens, end_stack = lex_line(self._lexer, text, stack)
            end_id = self._stack_id(end_stack)
        else:
            tokens = self._lexer.get_tokens_unprocessed(text)
            guessed, end_id = not exact, 0
        block.setUserState(2 * end_id + (1 if guessed else 0))
        ranges = self._format_ranges(text, tokens)
        layout = block.layout()
        if ranges or layout.formats():
            layout.setFormats(ranges)
            start, end = block.position(), block.position() + block.length()
            if self._dirty is None:
                self._dirty = (start, end)
            else:
                self._dirty = (min(self._dirty[0], start), max(self._dirty[1], end))
        return end_id

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

    def _format_ranges(
        self, text: str, tokens: Iterable[tuple[int, TokenType, str]]
    ) -> list[QTextLayout.FormatRange]:
        """Each token's format as a range; pygments counts code points, Qt counts UTF-16 units."""
        ranges: list[list] = []
        wide = not (text.isascii() or max(text) <= chr(_BMP_LIMIT))
        done = done_units = 0  # code points seen, and the UTF-16 units they take
        for pos, token, value in tokens:
            text_format = self.format_for(token)
            if text_format is None or not value:
                continue
            if wide:
                done_units += _utf16_length(text[done:pos]) if pos >= done else -_utf16_length(text[pos:done])
                done = pos
                start, length = done_units, _utf16_length(value)
            else:
                start, length = pos, len(value)
            if ranges and ranges[-1][2] is text_format and ranges[-1][0] + ranges[-1][1] == start:
                ranges[-1][1] += length  # one range for neighbours of the same format, as Qt merges them
            else:
                ranges.append([start, length, text_format])
        result = []
        for start, length, text_format in ranges:
            text_range = QTextLayout.FormatRange()
            text_range.start, text_range.length, text_range.format = start, length, text_format
            result.append(text_range)
        return result


def _shifted(position: int, at: int, removed: int, added: int) -> int:
    """Where document *position* is after *removed* characters at *at* became *added* ones."""
    if position <= at:
        return position
    if position >= at + removed:
        return position + added - removed
    return at


def _utf16_length(text: str) -> int:
    """How many UTF-16 code units *text* takes: two for each character beyond the BMP."""
    return len(text) + sum(1 for ch in text if ord(ch) > _BMP_LIMIT)
