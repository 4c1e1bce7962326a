"""Quote links (`lib.links`): quotations in articles linked to the lyric lines they quote, and the user's decisions.

Detected links are derived data: computed by `quotations.detect_links` from a song's lyrics and
an article's rendered text, and computed again whenever either has changed, however it changed
(an edit, an undo, an import, a merge, a migration). `quote_link_texts` keeps, per article, the
texts the links were last computed on and their digests: a digest that differs says the links
are stale, and the old texts give the diff the user's decisions follow.

The user's decisions are the user's data: a link made by hand (its article span and its lyric
lines, each an anchor that can be found again) and an "unlink" of a detected link (its article
span). They follow their words through every change of the texts, and are kept, orphaned, when
their words go; a detected link on text a decision covers is never shown.
"""

from __future__ import annotations

from lyricpad.core.errors import (
    AmbiguousReference,
    ArticleNotFound,
    InvalidValue,
    LibraryUnavailable,
    LinkNotFound,
)
from lyricpad.core.markdown import render_article
from lyricpad.core.models import Article, QuoteLink, Song
from lyricpad.core.quotations import compare
from lyricpad.core.store.common import MIN_ID_PREFIX, Repository, new_id, now
from lyricpad.core.store.link_computing import (
    Computed,
    LinkDecision,
    article_anchor,
    compute,
    detected_link_id,
    fresh,
    lines_anchor,
    link_from_row,
    places_json,
    text_order,
)
from lyricpad.core.text import LineIndex, lines_label

__all__ = ["LinkDecision", "Links", "detected_link_id"]


class Links(Repository):
    """The quote links of the library's articles (`lib.links`), and the user's decisions about them."""

    keep_computed = True
    """Whether links computed again on reading are stored; commands that only read set it
    False, so that reading the library (`lyricpad export`, `links`) never writes to it."""

    # ------------------------------------------------------------------ reading

    def for_song(
        self, song_id: str, article_id: str | None = None, *, include_orphaned: bool = False
    ) -> list[QuoteLink]:
        """The links of the song's articles (none in the trash), in article order then text order.

        Stale links are computed again first, and stored (in memory only when the library
        cannot be written). Orphaned user links (their words are gone) only when asked for.
        """
        lib = self._library
        song = lib.songs.get(song_id)
        articles = self._articles_of(song_id, article_id)
        texts = self._texts([a.id for a in articles])
        stale = [a for a in articles if not fresh(song, a, texts.get(a.id))]
        computed: dict[str, Computed] = {}
        if stale:
            computed = self._bring_up_to_date(song_id, stale)
        links: list[QuoteLink] = []
        for article in articles:
            if article.id in computed:
                found = computed[article.id].links()
            else:
                rows = lib.rows(
                    "SELECT * FROM quote_links WHERE article_id = ? AND kind = 'link'", [article.id]
                )
                found = sorted((link_from_row(r) for r in rows), key=text_order)
            links.extend(found)
        return [link for link in links if include_orphaned or link.status == "anchored"]

    def get(self, link_id: str) -> QuoteLink:
        """One current link (orphaned user links included), by its full id."""
        found = self._matching(link_id, exact=True)
        if not found:
            raise LinkNotFound(f"no quotation link with id {link_id}")
        return found[0]

    def resolve(self, ref: str, song_id: str | None = None) -> QuoteLink:
        """The link named by *ref*: its id or the first 4+ characters of it (within *song_id* when given)."""
        ref = (ref or "").strip().lower()
        if not ref:
            raise LinkNotFound("no quotation link given")
        if len(ref) < MIN_ID_PREFIX:
            raise LinkNotFound(
                f"no quotation link matches {ref!r} (give an id, or its first {MIN_ID_PREFIX}+ characters)"
            )
        if song_id is not None:
            candidates = self.for_song(song_id, include_orphaned=True)
            found = [link for link in candidates if link.id == ref] or [
                link for link in candidates if link.id.startswith(ref)
            ]
        else:
            found = self._matching(ref, exact=False)
        if not found:
            raise LinkNotFound(
                f"no quotation link matches {ref!r} (see `lyricpad links SONG` for the links and their ids)"
            )
        if len(found) > 1:
            choices = ", ".join(f"{link.id[:8]} {link.quote[:30]!r}" for link in found[:5])
            raise AmbiguousReference(
                f"{ref!r} matches {len(found)} quotation links: {choices}; give more of the id"
            )
        return found[0]

    def decisions(self, article_id: str) -> tuple[LinkDecision, ...]:
        """The user's decisions about one article's quotations, following its current texts (for undo)."""
        lib = self._library
        if not lib.read_only:
            with lib.write():
                article, song = self._article_and_song(article_id, trashed_too=True)
                self._sync(song, article)
        return self._decisions(article_id)

    def song_decisions(self, song_id: str) -> dict[str, tuple[LinkDecision, ...]]:
        """The user's decisions about each of the song's articles not in the trash (for the undo of a
        lyrics or article edit), following the current texts; `restore_decisions` writes them back."""
        lib = self._library
        articles = lib.articles.for_song(song_id)
        if not lib.read_only:
            with lib.write():
                song = lib.songs.get(song_id)
                for article in articles:
                    self._sync(song, article)
        return {article.id: self._decisions(article.id) for article in articles}

    def _decisions(self, article_id: str) -> tuple[LinkDecision, ...]:
        rows = self._library.rows(
            "SELECT * FROM quote_links WHERE article_id = ? AND origin = 'user' ORDER BY id", [article_id]
        )
        return tuple(LinkDecision.from_row(r) for r in rows)

    # ------------------------------------------------------------------ changing

    def link(self, article_id: str, start: int, end: int, first_line: int, last_line: int) -> QuoteLink:
        """Link [start, end) of the article's rendered text to lyric lines first..last, by hand.

        The user's link replaces any decision on the same span and hides detected links on its text.
        """
        lib = self._library
        with lib.write():
            article, song = self._article_and_song(article_id)
            self._sync(song, article)
            rendered = render_article(article.body).text
            art = article_anchor(rendered, start, end)
            index = LineIndex(song.lyrics)
            lyr = lines_anchor(song.lyrics, first_line, last_line, index)
            first, last = index.lines_of_range(lyr.start, lyr.end)
            same = [d for d in self._decisions(article_id) if (d.char_start, d.char_end) == (start, end)]
            if any(
                d.kind == "link"
                and d.status == "anchored"
                and (d.lyrics_start, d.lyrics_end) == (lyr.start, lyr.end)
                for d in same
            ):
                raise InvalidValue(
                    f"“{art.quote}” is already linked to {lines_label(first, last)}; nothing was changed"
                )
            score, misquoted, differences = compare(art.quote, song.lyrics, first, last)
            stamp = now()
            decision = LinkDecision.made(
                id=new_id(),
                song_id=song.id,
                article_id=article_id,
                kind="link",
                article=art,
                lyrics=lyr,
                places=places_json(((first, last),)),
                score=score,
                misquoted=misquoted,
                differences=differences,
                status="anchored",
                created=stamp,
                updated=stamp,
            )
            for old in same:
                lib.db.execute("DELETE FROM quote_links WHERE id = ?", [old.id])
            lib.db["quote_links"].insert(decision.to_row())
            self._sync(song, article, force=True)
            return self.get(decision.id)

    def unlink(self, link_id: str) -> str:
        """Remove a link: a detected one gets an "unlink" decision (it stays gone), a user's is erased.

        Returns the id of the decision stored, or of the user's link erased.
        """
        lib = self._library
        with lib.write():
            link = self.get(link_id)
            article, song = self._article_and_song(link.article_id)
            if link.origin == "user":
                lib.db.execute("DELETE FROM quote_links WHERE id = ?", [link.id])
                self._sync(song, article, force=True)
                return link.id
            art = article_anchor(render_article(article.body).text, link.start, link.end)
            stamp = now()
            decision = LinkDecision.made(
                id=new_id(),
                song_id=song.id,
                article_id=article.id,
                kind="unlink",
                article=art,
                lyrics=None,
                places=places_json(link.places),
                score=link.score,
                misquoted=link.misquoted,
                differences=link.differences,
                status="anchored",
                created=stamp,
                updated=stamp,
            )
            lib.db["quote_links"].insert(decision.to_row())
            self._sync(song, article, force=True)
            return decision.id

    def restore_decisions(self, article_id: str, decisions: tuple[LinkDecision, ...]) -> None:
        """Write back the article's decisions exactly as read by `decisions`, on its current texts."""
        lib = self._library
        with lib.write():
            article, song = self._article_and_song(article_id, trashed_too=True)
            self._sync(song, article)
            self._replace_decisions(song, article, decisions)

    def restore_song_decisions(self, song_id: str, decisions: dict[str, tuple[LinkDecision, ...]]) -> None:
        """Write back decisions read by `song_decisions`, after the texts they were read on came back.

        Called by the undo and redo of a text edit once the lyrics or the body are written back:
        the decisions are put back exactly where they were, not followed through the edit's diff
        (a diff and its reverse need not take a place back to where it was).
        """
        lib = self._library
        with lib.write():
            song = lib.songs.get(song_id)
            for article_id, kept in decisions.items():
                try:
                    article = lib.articles.get(article_id)
                except ArticleNotFound:
                    continue  # erased since (the undo of its creation): nothing to put back
                try:
                    with lib.write():
                        self._replace_decisions(song, article, kept)
                except Exception:  # noqa: BLE001 - as in text_changed: the texts are written back whatever
                    continue
            self.text_changed(song_id)

    def change_decisions(
        self, article_id: str, old: tuple[LinkDecision, ...], new: tuple[LinkDecision, ...]
    ) -> None:
        """Undo or redo of a link edit: from the decisions *old* to *new*, only where they differ.

        Decisions that are in neither, or the same in both, are left as they are: they may have
        been made meanwhile elsewhere (`lyricpad unlink` in a terminal), and are not this edit's.
        """
        lib = self._library
        with lib.write():
            article, song = self._article_and_song(article_id, trashed_too=True)
            self._sync(song, article)
            wanted = {decision.id: decision for decision in new}
            for decision in old:
                if decision.id not in wanted:
                    lib.db.execute("DELETE FROM quote_links WHERE id = ? AND origin = 'user'", [decision.id])
            was = {decision.id: decision for decision in old}
            for decision in new:
                if was.get(decision.id) != decision:
                    lib.db.execute("DELETE FROM quote_links WHERE id = ?", [decision.id])
                    lib.db["quote_links"].insert(decision.to_row())
            self._sync(song, article, force=True)

    def text_changed(self, song_id: str, article_id: str | None = None) -> None:
        """After an edit of the song's lyrics or names (or of one article's body): follow and recompute.

        Called inside the edit's transaction. Links are derived data: should computing them
        fail, the edit is still saved, and they are computed again when next read.
        """
        lib = self._library
        song = lib.songs.get(song_id)
        for article in lib.articles.for_song(song_id):
            if article_id is None or article.id == article_id:
                try:
                    with lib.write():
                        self._sync(song, article)
                except Exception:  # noqa: BLE001 - see the docstring: never refuse the user's edit
                    continue

    # ------------------------------------------------------------------ inside

    def _replace_decisions(self, song: Song, article: Article, decisions: tuple[LinkDecision, ...]) -> None:
        """The article's decisions replaced by *decisions*, taken as placed on its current texts."""
        lib = self._library
        lib.db.execute("DELETE FROM quote_links WHERE article_id = ? AND origin = 'user'", [article.id])
        for decision in decisions:
            lib.db.execute("DELETE FROM quote_links WHERE id = ?", [decision.id])
            lib.db["quote_links"].insert(decision.to_row())
        self._sync(song, article, force=True, on_current_texts=True)

    def _matching(self, ref: str, *, exact: bool) -> list[QuoteLink]:
        """The current links whose id is *ref* (or, not *exact*, starts with it).

        An id printed from links computed but not stored (`lyricpad links` only reads) is found
        too: when no stored link matches, stale links are brought up to date and looked at again.
        """

        def matches(link: QuoteLink) -> bool:
            return link.id == ref if exact else link.id.startswith(ref)

        condition = "id = ?" if exact else "substr(id, 1, ?) = ?"
        params = [ref] if exact else [len(ref), ref]

        def stored() -> list[QuoteLink]:
            rows = self._library.rows(
                f"SELECT DISTINCT article_id FROM quote_links WHERE kind = 'link' AND {condition}", params
            )
            return [link for r in rows for link in self._current_links(r["article_id"]) if matches(link)]

        found = stored()
        if not found:
            in_memory = self._refresh_stale()
            found = stored() + [link for link in in_memory if matches(link)]
        if not exact and any(link.id == ref for link in found):
            found = [link for link in found if link.id == ref]
        return found

    def _refresh_stale(self) -> list[QuoteLink]:
        """Bring the stale links of every article up to date; those only computed (not stored) are returned."""
        lib = self._library
        computed: list[QuoteLink] = []
        for song in lib.songs.all(include_deleted=True):
            articles = lib.articles.for_song(song.id)
            texts = self._texts([a.id for a in articles])
            stale = [a for a in articles if not fresh(song, a, texts.get(a.id))]
            if stale:
                for result in self._bring_up_to_date(song.id, stale).values():
                    computed.extend(result.links())
        return computed

    def _articles_of(self, song_id: str, article_id: str | None) -> list[Article]:
        articles = self._library.articles.for_song(song_id)
        if article_id is None:
            return articles
        chosen = [a for a in articles if a.id == article_id]
        if not chosen:
            article = self._library.articles.get(article_id)  # ArticleNotFound when there is none
            if article.song_id != song_id:
                raise ArticleNotFound(f"the article {article_id[:8]} is not an article of this song")
        return chosen  # an article in the trash has no links to show

    def _article_and_song(self, article_id: str, *, trashed_too: bool = False) -> tuple[Article, Song]:
        article = self._library.articles.get(article_id)
        if article.deleted and not trashed_too:
            raise InvalidValue("the article is in the trash; restore it before changing its links")
        song = self._library.songs.get(article.song_id)
        if song.deleted and not trashed_too:
            raise InvalidValue(
                f"the song {song.display_name} is in the trash; restore it before changing its links"
            )
        return article, song

    def _current_links(self, article_id: str) -> list[QuoteLink]:
        """The current links of one article (orphaned included); none when it is gone or in the trash."""
        try:
            article = self._library.articles.get(article_id)
        except ArticleNotFound:
            return []
        return [] if article.deleted else self.for_song(article.song_id, article_id, include_orphaned=True)

    def _texts(self, article_ids: list[str]) -> dict[str, dict]:
        if not article_ids:
            return {}
        marks = ", ".join("?" * len(article_ids))
        rows = self._library.rows(
            f"SELECT * FROM quote_link_texts WHERE article_id IN ({marks})", article_ids
        )
        return {r["article_id"]: r for r in rows}

    def _bring_up_to_date(self, song_id: str, stale: list[Article]) -> dict[str, Computed]:
        """Compute the stale articles' links again: stored when the library can be written."""
        lib = self._library
        if not lib.read_only and self.keep_computed:
            try:
                with lib.write():
                    song = lib.songs.get(song_id)  # read again under the write lock
                    for article in stale:
                        self._sync(song, lib.articles.get(article.id))
                return {}
            except LibraryUnavailable:
                pass  # busy, a full disk...: shown computed in memory, stored another time
        song = lib.songs.get(song_id)
        texts = self._texts([a.id for a in stale])
        return {a.id: compute(song, a, texts.get(a.id), list(self._decisions(a.id))) for a in stale}

    def _sync(
        self, song: Song, article: Article, *, force: bool = False, on_current_texts: bool = False
    ) -> None:
        """Bring one article's links up to date with its texts (in the caller's transaction).

        *on_current_texts*: the decisions stored were placed on the texts as they are now (put
        back by undo), not on the texts the links were last computed on: nothing to follow.
        """
        lib = self._library
        texts = self._texts([article.id]).get(article.id)
        if not force and fresh(song, article, texts):
            return
        if on_current_texts:
            texts = {**(texts or {}), "lyrics": song.lyrics, "rendered": render_article(article.body).text}
        computed = compute(song, article, texts, list(self._decisions(article.id)))
        created = dict(
            lib.tuples(
                "SELECT id, created FROM quote_links WHERE article_id = ? AND origin = 'detected'",
                [article.id],
            )
        )
        lib.db.execute("DELETE FROM quote_links WHERE article_id = ? AND origin = 'detected'", [article.id])
        for row in computed.detected:
            row["created"] = created.get(row["id"], row["created"])
            lib.db["quote_links"].insert(row)
        for decision in computed.changed:
            lib.put_row("quote_links", decision.to_row())
        lib.db.execute(
            "INSERT INTO quote_link_texts (article_id, song_digest, body_digest, detector, lyrics, rendered, updated)"
            " VALUES (:article_id, :song_digest, :body_digest, :detector, :lyrics, :rendered, :updated)"
            " ON CONFLICT(article_id) DO UPDATE SET song_digest = excluded.song_digest,"
            " body_digest = excluded.body_digest, detector = excluded.detector, lyrics = excluded.lyrics,"
            " rendered = excluded.rendered, updated = excluded.updated",
            computed.texts,
        )
