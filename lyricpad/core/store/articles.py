"""Articles: the Markdown texts attached to a song (an edit of the body re-anchors their annotations)."""

from __future__ import annotations

from lyricpad.core.errors import ArticleNotFound
from lyricpad.core.markdown import rendered_text
from lyricpad.core.models import Article
from lyricpad.core.store.common import Repository, find_named, new_id, now
from lyricpad.core.store.fields import ARTICLE
from lyricpad.core.store.reanchoring import reanchor_text


class Articles(Repository):
    """The library's articles (`lib.articles`)."""

    def for_song(self, song_id: str, *, include_deleted: bool = False) -> list[Article]:
        where = "" if include_deleted else "AND deleted = 0"
        rows = self._library.rows(
            f"SELECT * FROM articles WHERE song_id = ? {where} ORDER BY position, created", [song_id]
        )
        return [ARTICLE.from_row(r) for r in rows]

    def get(self, article_id: str) -> Article:
        row = self._library.row("SELECT * FROM articles WHERE id = ?", [article_id])
        if row is None:
            raise ArticleNotFound(f"no article with id {article_id}")
        return ARTICLE.from_row(row)

    def resolve(self, ref: str, song_id: str | None = None) -> Article:
        """The article named by *ref* (id, id prefix or exact title), within *song_id* when given."""
        where, params = "deleted = 0", []
        if song_id is not None:
            where, params = "deleted = 0 AND song_id = ?", [song_id]
        return ARTICLE.from_row(
            find_named(self._library, "articles", "article", ref, ArticleNotFound, where, params)
        )

    def add(
        self,
        song_id: str,
        title: str = "",
        body: str = "",
        *,
        author: str = "",
        source: str = "",
        published: str = "",
        item_id: str | None = None,
    ) -> Article:
        """Attach an article (Markdown body) to a song, after its other articles."""
        self._library.songs.get(song_id)
        stamp = now()
        data = {
            "id": item_id or new_id(),
            "song_id": song_id,
            **ARTICLE.clean(
                {"title": title, "author": author, "source": source, "published": published, "body": body}
            ),
            "created": stamp,
            "updated": stamp,
        }
        with self._library.write():
            last = self._library.row("SELECT max(position) AS p FROM articles WHERE song_id = ?", [song_id])
            data["position"] = (last["p"] + 1) if last["p"] is not None else 0
            self._library.db["articles"].insert(data)
            self._library.links.text_changed(song_id, data["id"])  # its quotations linked at once
            return self.get(data["id"])  # read in the same transaction: a failed read undoes the creation

    def update(self, article_id: str, **fields) -> Article:
        data = ARTICLE.clean(fields)
        data["updated"] = now()
        with self._library.write():
            article = self.get(article_id)
            self._library.update_row("articles", article_id, data)
            if "body" in data:
                reanchor_text(
                    self._library,
                    article.song_id,
                    "article",
                    article_id,
                    rendered_text(article.body),
                    rendered_text(data["body"]),
                )
                self._library.links.text_changed(article.song_id, article_id)
            return self.get(article_id)

    def set_deleted(self, article_id: str, deleted: bool = True) -> Article:
        """Move an article to the trash (or back); its annotations are kept."""
        with self._library.write():
            self.get(article_id)
            self._library.update_row("articles", article_id, {"deleted": int(deleted), "updated": now()})
            return self.get(article_id)
