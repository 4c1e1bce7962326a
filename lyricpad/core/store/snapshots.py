"""Snapshots for undo and redo: writing back an item exactly as it was read, or erasing it for good.

Undo and redo write back a state read earlier instead of making a new change, so that ids,
creation times, fragments and tags come back exactly as they were.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from lyricpad.core.errors import AnnotationNotFound, ArticleNotFound, SongNotFound
from lyricpad.core.models import Annotation, Article, Song, StudyData
from lyricpad.core.store.common import Repository
from lyricpad.core.store.fields import ANNOTATION, ARTICLE, SONG
from lyricpad.core.store.reanchoring import follow_lines

if TYPE_CHECKING:
    from lyricpad.core.store.link_computing import LinkDecision


class Snapshots(Repository):
    """Restoring and purging items (`lib.snapshots`), for the undo of edits and of creations."""

    def restore_song(
        self,
        song: Song,
        annotations: Iterable[Annotation] = (),
        link_decisions: Mapping[str, tuple[LinkDecision, ...]] | None = None,
        study: StudyData | None = None,
    ) -> None:
        """Write *song* back exactly as it was read (creating it when it was purged).

        *annotations* (snapshots of the song's annotations) are written back in the same
        transaction: an edit of the lyrics may have marked some of them needs_review. So are
        *link_decisions* (read by `links.song_decisions` with these lyrics); without them the
        quote links follow the lyrics as after any edit. So is *study* (read by `study_data`
        with these lyrics): the song's corrections and translation; without it they follow
        the lyrics as after any edit.
        """
        row = SONG.to_row(song)
        with self._library.write():
            current = self._library.row("SELECT lyrics FROM songs WHERE id = ?", [song.id])
            self._library.put_row("songs", row)
            for annotation in annotations:
                self.restore_annotation(annotation)
            self._links_follow(song.id, link_decisions)
            if study is not None:
                self._library.corrections.restore(song.id, study.corrections)
                self._library.translations.restore(song.id, study.translation)
            elif current is not None:
                follow_lines(self._library, song.id, current["lyrics"], row["lyrics"])

    def study_data(self, song_id: str) -> StudyData:
        """The song's study data as `restore_song` writes it back: read it with the lyrics it goes with."""
        return StudyData(
            tuple(self._library.corrections.stored(song_id)), self._library.translations.get(song_id)
        )

    def _links_follow(
        self, song_id: str, link_decisions: Mapping[str, tuple[LinkDecision, ...]] | None
    ) -> None:
        if link_decisions is not None:
            self._library.links.restore_song_decisions(song_id, dict(link_decisions))
        else:
            self._library.links.text_changed(song_id)

    def restore_article(
        self,
        article: Article,
        annotations: Iterable[Annotation] = (),
        link_decisions: Mapping[str, tuple[LinkDecision, ...]] | None = None,
    ) -> None:
        """Write *article* (and snapshots of its annotations and link decisions) back exactly as they were read."""
        row = ARTICLE.to_row(article)
        with self._library.write():
            self._library.songs.get(article.song_id)
            self._library.put_row("articles", row)
            for annotation in annotations:
                self.restore_annotation(annotation)
            self._links_follow(article.song_id, link_decisions)

    def restore_annotation(self, annotation: Annotation) -> None:
        """Write *annotation* back exactly as it was read: the same id, times, fragments and tags.

        Creates it again when it was purged. Its text is not checked: the snapshot was
        valid when it was read, and undo must bring back needs_review annotations too.
        """
        row = ANNOTATION.to_row(annotation)
        with self._library.write():
            self._library.put_row("annotations", row)
            self._library.annotations.write_fragments(annotation.id, annotation.fragments)
            self._library.annotations.write_tags(annotation.id, annotation.tags)

    def purge_song(self, song_id: str) -> None:
        """Erase a song for good, with its articles and annotations (undo of its creation)."""
        self._purge("songs", song_id, SongNotFound, "song")

    def purge_article(self, article_id: str) -> None:
        """Erase an article for good, with its annotations (undo of its creation)."""
        self._purge("articles", article_id, ArticleNotFound, "article")

    def purge_annotation(self, annotation_id: str) -> None:
        """Erase an annotation for good, fragments and tag links included (undo of its creation)."""
        self._purge("annotations", annotation_id, AnnotationNotFound, "annotation")

    def _purge(self, table: str, item_id: str, not_found: type, kind: str) -> None:
        with self._library.write():
            if self._library.db.execute(f"DELETE FROM {table} WHERE id = ?", [item_id]).rowcount == 0:
                raise not_found(f"no {kind} with id {item_id}")
