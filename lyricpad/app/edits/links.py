"""Undoable changes of quote links: link a quotation to lyric lines by hand, unlink one."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from lyricpad.app.commands import LinkCommand, StateCommand
from lyricpad.app.edits import Edits


class LinkEdits(Edits):
    """`session.link_edits`: the user's decisions about the article's quotations, one undo step each."""

    def link(self, article_id: str, start: int, end: int, first_line: int, last_line: int) -> str | None:
        """Link [start, end) of the article's rendered text to lyric lines first..last; returns the
        link's id (None if refused: `write_failed` says why)."""
        lib = self._library
        text = QCoreApplication.translate("LinkEdits", "Link Quotation")

        def make() -> StateCommand:
            with lib.write():  # one transaction: a refusal leaves nothing behind
                before = lib.links.decisions(article_id)
                made = lib.links.link(article_id, start, end, first_line, last_line)
                after = lib.links.decisions(article_id)
            return LinkCommand(self._context, text, made.song_id, article_id, before, after, made.id)

        command = self._change(text, make)
        return command.link_id if command else None

    def unlink(self, link_id: str) -> bool:
        """Remove a link (a detected one stays gone when links are computed again); False if refused."""
        lib = self._library
        text = QCoreApplication.translate("LinkEdits", "Unlink Quotation")

        def make() -> StateCommand:
            with lib.write():
                link = lib.links.get(link_id)
                before = lib.links.decisions(link.article_id)
                lib.links.unlink(link_id)
                after = lib.links.decisions(link.article_id)
            return LinkCommand(self._context, text, link.song_id, link.article_id, before, after, link_id)

        return self._change(text, make) is not None
