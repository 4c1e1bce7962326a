"""Undoable changes of songs and their articles: create, edit (annotations whose text moved need review), trash."""

from __future__ import annotations

import dataclasses

from PySide6.QtCore import QCoreApplication

from lyricpad.app.commands import ArticleCommand, SongCommand, StateCommand, changed_annotations
from lyricpad.app.edits import Edits
from lyricpad.app.unsaved import Draft
from lyricpad.core.errors import LyricpadError
from lyricpad.core.models import Annotation, Article, Song


class SongEdits(Edits):
    """`session.song_edits`: a song's creation, its fields and lyrics, the trash."""

    def add(self, title: str, **fields) -> str | None:
        """Create a song; returns its id (None if refused)."""
        text = QCoreApplication.translate("SongEdits", "New Song")

        def make() -> StateCommand:
            return SongCommand(self._context, text, None, self._library.songs.add(title, **fields))

        command = self._change(text, make)
        return command.song_id if command else None

    def update(self, song_id: str, **fields) -> None:
        """Rename a song, edit its metadata or its lyrics; annotations whose text moved need review."""
        lib = self._library
        if set(fields) == {"title"}:
            text = QCoreApplication.translate("SongEdits", "Rename Song")
        elif "lyrics" in fields:
            text = QCoreApplication.translate("SongEdits", "Edit Lyrics")
        else:
            text = QCoreApplication.translate("SongEdits", "Edit Song Details")

        def make() -> StateCommand | None:
            before = lib.songs.get(song_id)
            annotations = (
                lib.annotations.for_song(song_id, include_deleted=True) if "lyrics" in fields else []
            )
            links = lib.links.song_decisions(song_id) if "lyrics" in fields else None
            study = lib.snapshots.study_data(song_id) if "lyrics" in fields else None
            after = lib.songs.update(song_id, **fields)
            moved_before, moved_after = changed_annotations(
                annotations, lib.annotations.for_song(song_id, include_deleted=True) if annotations else []
            )
            if not moved_before and _same_but_time(before, after):
                # Nothing but the time changed: put the time back too, and add no undo step.
                lib.snapshots.restore_song(before)
                return None
            links_after = lib.links.song_decisions(song_id) if links is not None else None
            study_after = lib.snapshots.study_data(song_id) if study is not None else None
            return SongCommand(
                self._context,
                text,
                before,
                after,
                moved_before,
                moved_after,
                links,
                links_after,
                study,
                study_after,
            )

        draft = None
        if "lyrics" in fields:

            def draft() -> Draft:
                heading = QCoreApplication.translate("SongEdits", "Lyrics of {song}")
                return Draft(
                    ("lyrics", song_id),
                    heading.format(song=self._name_of_song(song_id)),
                    fields["lyrics"],
                    "text",
                )

        self._change(text, make, draft=draft, key=("lyrics", song_id) if draft else None)

    def delete(self, song_id: str) -> None:
        """Move a song to the trash; its articles and annotations stay with it."""
        self._trash(song_id, True, QCoreApplication.translate("SongEdits", "Delete Song"))

    def restore(self, song_id: str) -> None:
        """Bring a song back from the trash."""
        self._trash(song_id, False, QCoreApplication.translate("SongEdits", "Restore Song"))

    def _trash(self, song_id: str, deleted: bool, text: str) -> None:
        lib = self._library

        def make() -> StateCommand | None:
            before = lib.songs.get(song_id)
            if before.deleted == deleted:
                return None
            return SongCommand(self._context, text, before, lib.songs.set_deleted(song_id, deleted))

        self._change(text, make)


class ArticleEdits(Edits):
    """`session.article_edits`: an article of a song, its fields and body, the trash."""

    def add(self, song_id: str, title: str = "", body: str = "", **fields) -> str | None:
        """Start an article of the song, after its other articles; returns its id (None if refused).

        *fields*: author, source, published (as `Articles.add` takes them).
        """
        text = QCoreApplication.translate("ArticleEdits", "New Article")

        def make() -> StateCommand:
            made = self._library.articles.add(song_id, title, body, **fields)
            return ArticleCommand(self._context, text, None, made)

        command = self._change(text, make)
        return command.article_id if command else None

    def update(self, article_id: str, **fields) -> None:
        """Edit an article's title, author, source or body; annotations whose text moved need review."""
        lib = self._library
        if set(fields) == {"title"}:
            text = QCoreApplication.translate("ArticleEdits", "Rename Article")
        else:
            text = QCoreApplication.translate("ArticleEdits", "Edit Article")

        def make() -> StateCommand | None:
            before = lib.articles.get(article_id)
            annotations = self._annotations_of(before) if "body" in fields else []
            links = {article_id: lib.links.decisions(article_id)} if "body" in fields else None
            after = lib.articles.update(article_id, **fields)
            moved_before, moved_after = changed_annotations(
                annotations, self._annotations_of(after) if annotations else []
            )
            if not moved_before and _same_but_time(before, after):
                lib.snapshots.restore_article(before)
                return None
            links_after = {article_id: lib.links.decisions(article_id)} if links is not None else None
            return ArticleCommand(
                self._context,
                text,
                before,
                after,
                moved_before,
                moved_after,
                links_before=links,
                links_after=links_after,
            )

        def draft() -> Draft:
            body = "body" in fields
            try:
                article = lib.articles.get(article_id)
            except LyricpadError:
                if body:
                    heading = QCoreApplication.translate("ArticleEdits", "The article {id}")
                else:
                    heading = QCoreApplication.translate("ArticleEdits", "Title of the article {id}")
                heading = heading.format(id=article_id[:8])
            else:
                if body:
                    heading = QCoreApplication.translate("ArticleEdits", "The article “{title}” of {song}")
                else:
                    heading = QCoreApplication.translate(
                        "ArticleEdits", "Title of the article “{title}” of {song}"
                    )
                title = article.title or QCoreApplication.translate("ArticleEdits", "untitled")
                heading = heading.format(title=title, song=self._name_of_song(article.song_id))
            if body:
                return Draft(("article", article_id), heading, fields["body"])
            return Draft(("article-title", article_id), heading, fields.get("title", ""))

        typed = "body" in fields or "title" in fields
        key = ("article", article_id) if "body" in fields else ("article-title", article_id)
        self._change(text, make, draft=draft if typed else None, key=key if typed else None)

    def delete(self, article_id: str) -> None:
        """Move an article to the trash; its annotations stay with it."""
        lib = self._library
        text = QCoreApplication.translate("ArticleEdits", "Delete Article")

        def make() -> StateCommand | None:
            before = lib.articles.get(article_id)
            if before.deleted:
                return None
            after = lib.articles.set_deleted(article_id, True)
            shown = [a.id for a in self._annotations_of(before)]
            return ArticleCommand(self._context, text, before, after, shown_annotation_ids=shown)

        self._change(text, make)

    def _annotations_of(self, article: Article) -> list[Annotation]:
        return [
            a
            for a in self._library.annotations.for_song(article.song_id, include_deleted=True)
            if a.article_id == article.id
        ]


def _same_but_time(before: Song | Article, after: Song | Article) -> bool:
    """Whether two readings of an item differ in nothing but the time of the last change."""
    return dataclasses.replace(after, updated=before.updated) == before
