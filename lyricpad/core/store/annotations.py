"""Annotations: highlights with a note, lens and tags, anchored by fragments over a song's lyrics, its
translation or an article."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from lyricpad.core.anchoring import Anchor, Proposal, accept_proposals
from lyricpad.core.errors import AmbiguousReference, AnnotationNotFound, InvalidValue
from lyricpad.core.markdown import rendered_text
from lyricpad.core.models import STATUSES, Annotation, Lens
from lyricpad.core.store.common import MIN_ID_PREFIX, Repository, new_id, now
from lyricpad.core.store.fields import ANNOTATION
from lyricpad.core.text import LineIndex, sort_key

_COLUMNS, _read_annotation = ANNOTATION.reader(("lens", "fragments", "tags"))
_SELECTED = ", ".join(f"a.{column}" for column in _COLUMNS)
_ID, _TARGET, _ARTICLE, _CREATED = (_COLUMNS.index(c) for c in ("id", "target", "article_id", "created"))
_LENS = len(_COLUMNS)
"""Where the row read by `Annotations.where` holds the lens id; its name, colour, position and the
article's position follow."""
TEXT_ORDER = {"lyrics": 0, "translation": 1, "article": 2}
"""A song's texts in reading order: the lyrics, their translation, then the articles."""


class Annotations(Repository):
    """The library's annotations (`lib.annotations`), their fragments and their tag links."""

    def target_text(self, song_id: str, target: str = "lyrics", article_id: str | None = None) -> str:
        """The normalised text an annotation's offsets count over."""
        if target == "lyrics":
            return self._library.songs.get(song_id).lyrics
        if target == "translation":
            translation = self._library.translations.get(song_id)
            if translation is None:
                raise InvalidValue("the song has no translation")
            return translation.text
        article = self._library.articles.get(article_id)
        if article.song_id != song_id:
            raise InvalidValue("the article belongs to another song")
        return rendered_text(article.body)

    def status_counts(self, song_id: str, target: str = "lyrics", article_id: str | None = None) -> dict:
        """How many annotations (not in the trash) on one text are anchored, need review, are orphaned."""
        counts = dict.fromkeys(STATUSES, 0)
        for row in self._library.rows(
            "SELECT status, count(*) AS n FROM annotations"
            " WHERE song_id = ? AND target = ? AND article_id IS ? AND deleted = 0 GROUP BY status",
            [song_id, target, article_id],
        ):
            counts[row["status"]] = row["n"]
        return counts

    def add(
        self,
        song_id: str,
        fragments: Sequence[Anchor],
        *,
        target: str = "lyrics",
        article_id: str | None = None,
        lens_id: str | None = None,
        note: str = "",
        tags: Iterable[str] = (),
        status: str = "anchored",
        item_id: str | None = None,
        time_ms: int | None = None,
    ) -> Annotation:
        """Create an annotation with one or more fragments over the song's lyrics, its translation or one article;
        *time_ms*: the moment of the song its note is about (milliseconds), or None."""
        data = ANNOTATION.clean({"target": target, "status": status, "note": note, "time_ms": time_ms})
        if not fragments:
            raise InvalidValue("an annotation needs at least one fragment of text")
        if (target == "article") != (article_id is not None):
            raise InvalidValue(
                "an article annotation needs its article; one on the lyrics or translation none"
            )
        stamp = now()
        annotation_id = item_id or new_id()
        data.update(
            id=annotation_id,
            song_id=song_id,
            article_id=article_id,
            lens_id=lens_id,
            created=stamp,
            updated=stamp,
        )
        with self._library.write():
            # Checked under the write lock: no other process can change the text in between.
            self._check_fragments(self.target_text(song_id, target, article_id), fragments)
            if lens_id is not None:
                self._library.lenses.get(lens_id)
            self._library.db["annotations"].insert(data)
            self.write_fragments(annotation_id, fragments)
            self.write_tags(annotation_id, tags)
            return self.get(annotation_id)  # read in the same transaction: a failed read undoes the creation

    def write_fragments(self, annotation_id: str, fragments: Sequence[Anchor]) -> None:
        """Replace an annotation's fragments (inside a write)."""
        db = self._library.db
        db.execute("DELETE FROM fragments WHERE annotation_id = ?", [annotation_id])
        db["fragments"].insert_all(
            {
                "annotation_id": annotation_id,
                "position": i,
                "char_start": f.start,
                "char_end": f.end,
                "quote": f.quote,
                "prefix": f.prefix,
                "suffix": f.suffix,
                "line_start": f.line_start,
                "line_end": f.line_end,
                "occurrence": f.occurrence,
                "proposed_start": f.proposal.start if f.proposal else None,
                "proposed_end": f.proposal.end if f.proposal else None,
                "proposed_line_start": f.proposal.line_start if f.proposal else None,
                "proposed_line_end": f.proposal.line_end if f.proposal else None,
            }
            for i, f in enumerate(fragments)
        )

    def write_tags(self, annotation_id: str, tags: Iterable[str]) -> None:
        """Replace an annotation's tags (inside a write), making the tags that do not exist yet."""
        db = self._library.db
        db.execute("DELETE FROM annotation_tags WHERE annotation_id = ?", [annotation_id])
        for tag_id in self._library.tags.ids(tags):
            db.execute(
                "INSERT INTO annotation_tags (annotation_id, tag_id) VALUES (?, ?)", [annotation_id, tag_id]
            )

    def get(self, annotation_id: str) -> Annotation:
        found = self.where("a.id = ?", [annotation_id])
        if not found:
            raise AnnotationNotFound(f"no annotation with id {annotation_id}")
        return found[0]

    def resolve(self, ref: str) -> Annotation:
        """An annotation by id or unambiguous id prefix, in the trash or not."""
        ref = (ref or "").strip().lower()
        rows = self._library.rows("SELECT id FROM annotations WHERE id = ?", [ref])
        if not rows and len(ref) >= MIN_ID_PREFIX:
            rows = self._library.rows(
                "SELECT id FROM annotations WHERE substr(id, 1, ?) = ?", [len(ref), ref]
            )
        if not rows:
            raise AnnotationNotFound(
                f"no annotation matches {ref!r} (give its id or the first {MIN_ID_PREFIX}+ characters of it)"
            )
        if len(rows) > 1:
            raise AmbiguousReference(f"{ref!r} matches {len(rows)} annotations; give more of the id")
        return self.get(rows[0]["id"])

    def for_song(self, song_id: str, *, include_deleted: bool = False) -> list[Annotation]:
        """The song's annotations in text order: lyrics first, then each article in turn."""
        where = "a.song_id = ?" + ("" if include_deleted else " AND a.deleted = 0")
        return self.where(where, [song_id])

    def with_lens(self, lens_id: str) -> list[Annotation]:
        """Every annotation that has the lens, those in the trash included."""
        return self.where("a.lens_id = ?", [lens_id])

    def where(self, where: str, params: Sequence) -> list[Annotation]:
        """The annotations (of table alias `a`) matching *where*, in text order."""
        library = self._library
        # Read as tuples, three queries in all whatever the count: this is a song's open.
        rows = library.tuples(
            f"SELECT {_SELECTED}, a.lens_id, l.name, l.colour, l.position, ar.position"
            " FROM annotations a LEFT JOIN lenses l ON l.id = a.lens_id"
            " LEFT JOIN articles ar ON ar.id = a.article_id"
            f" WHERE {where}",
            params,
        )
        if not rows:
            return []
        # The fragments and tags of the same annotations, selected by the same condition (not by
        # a list of ids: SQLite limits how many values one statement may take).
        fragments: dict[str, list[Anchor]] = {r[_ID]: [] for r in rows}
        for (
            annotation_id,
            start,
            end,
            quote,
            prefix,
            suffix,
            line_start,
            line_end,
            occurrence,
            proposed_start,
            proposed_end,
            proposed_line_start,
            proposed_line_end,
        ) in library.tuples(
            "SELECT f.annotation_id, f.char_start, f.char_end, f.quote, f.prefix, f.suffix, f.line_start,"
            " f.line_end, f.occurrence, f.proposed_start, f.proposed_end, f.proposed_line_start,"
            " f.proposed_line_end FROM fragments f JOIN annotations a ON a.id = f.annotation_id"
            f" WHERE {where} ORDER BY f.annotation_id, f.position",
            params,
        ):
            proposal = None
            if proposed_start is not None:
                proposal = Proposal(proposed_start, proposed_end, proposed_line_start, proposed_line_end)
            fragments[annotation_id].append(
                Anchor(start, end, quote, prefix, suffix, line_start, line_end, occurrence, proposal)
            )
        tags: dict[str, list[str]] = {}
        for annotation_id, name in library.tuples(
            "SELECT at.annotation_id, t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id"
            f" JOIN annotations a ON a.id = at.annotation_id WHERE {where}",
            params,
        ):
            tags.setdefault(annotation_id, []).append(name)
        for names in tags.values():
            if len(names) > 1:
                names.sort(key=sort_key)
        lenses: dict[str, Lens] = {}
        keyed = []
        for r in rows:
            annotation_id, lens_id = r[_ID], r[_LENS]
            lens = None
            if lens_id:
                lens = lenses.get(lens_id)
                if lens is None:
                    lens = lenses[lens_id] = Lens(lens_id, *r[_LENS + 1 : _LENS + 4])
            found = fragments[annotation_id]
            annotation = _read_annotation(r, lens, tuple(found), tuple(tags.get(annotation_id, ())))
            # Text order: lyrics first, the translation, then each article in turn; by place, then by age.
            key = (TEXT_ORDER.get(r[_TARGET], 2), r[_LENS + 4] or 0, r[_ARTICLE] or "")
            keyed.append((key, found[0].start if found else 0, r[_CREATED], annotation))
        keyed.sort(key=lambda k: k[:3])
        return [k[3] for k in keyed]

    def _touch(self, annotation_id: str, **data) -> Annotation:
        data["updated"] = now()
        with self._library.write():
            self.get(annotation_id)
            self._library.update_row("annotations", annotation_id, data)
            return self.get(annotation_id)

    def set_note(self, annotation_id: str, note: str) -> Annotation:
        return self._touch(annotation_id, **ANNOTATION.clean({"note": note}))

    def set_lens(self, annotation_id: str, lens_id: str | None) -> Annotation:
        with self._library.write():
            if lens_id is not None:
                self._library.lenses.get(lens_id)
            return self._touch(annotation_id, lens_id=lens_id)

    def set_tags(self, annotation_id: str, tags: Iterable[str]) -> Annotation:
        with self._library.write():
            self.get(annotation_id)
            self.write_tags(annotation_id, tags)
            return self._touch(annotation_id)

    def set_deleted(self, annotation_id: str, deleted: bool = True) -> Annotation:
        """Move an annotation to the trash (or back); nothing is erased."""
        return self._touch(annotation_id, deleted=int(deleted))

    def accept_proposal(self, annotation_id: str) -> Annotation:
        """Anchor a needs_review annotation at the places proposed for it (fragments with none are dropped)."""
        with self._library.write():
            annotation = self.get(annotation_id)
            if annotation.status == "orphaned":
                raise InvalidValue(
                    "this annotation is orphaned: its words are gone and no place was found to propose; "
                    "select the text it belongs to in the window (Place at Selection), or delete it"
                )
            if annotation.status != "needs_review":
                raise InvalidValue("this annotation is anchored: there is no proposed place to accept")
            text = self.target_text(annotation.song_id, annotation.target, annotation.article_id)
            fragments = accept_proposals(annotation.fragments, text)
            self.write_fragments(annotation_id, fragments)
            self._library.update_row("annotations", annotation_id, {"status": "anchored", "updated": now()})
            return self.get(annotation_id)

    def move(self, annotation_id: str, fragments: Sequence[Anchor]) -> Annotation:
        """Put an annotation on other text of the same song text (the user chose a new place): anchored."""
        if not fragments:
            raise InvalidValue("an annotation needs at least one fragment of text")
        with self._library.write():
            annotation = self.get(annotation_id)
            text = self.target_text(annotation.song_id, annotation.target, annotation.article_id)
            self._check_fragments(text, fragments)
            self.write_fragments(annotation_id, [dataclasses.replace(f, proposal=None) for f in fragments])
            self._library.update_row("annotations", annotation_id, {"status": "anchored", "updated": now()})
            return self.get(annotation_id)

    @staticmethod
    def _check_fragments(text: str, fragments: Sequence[Anchor]) -> None:
        index = LineIndex(text)
        for frag in fragments:
            # A slice past the end is empty, not an error: an empty quote there would pass.
            if not frag.quote.strip():
                raise InvalidValue("the chosen text is blank; there is nothing to highlight")
            if not 0 <= frag.start < frag.end <= len(text) or text[frag.start : frag.end] != frag.quote:
                raise InvalidValue(f"the quote {frag.quote!r} is not at {frag.start}-{frag.end}")
            if (frag.line_start, frag.line_end) != index.lines_of_range(frag.start, frag.end):
                raise InvalidValue(
                    f"the lines of the quote {frag.quote!r} are not those of {frag.start}-{frag.end}"
                )
