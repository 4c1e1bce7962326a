"""The song the window shows, as the views see it: its articles, annotations, quote links and the current annotation."""

from __future__ import annotations

from bisect import insort

from PySide6.QtCore import QObject, Signal

from lyricpad.app.session import Session
from lyricpad.core.errors import LyricpadError, NotFound
from lyricpad.core.models import Annotation, Article, QuoteLink, Song
from lyricpad.core.store.annotations import TEXT_ORDER

_REORDER_LIMIT = 50
"""More annotations changed at once than this: they are all sorted again."""

REVIEW_STATUSES = ("needs_review", "orphaned")
"""An annotation in one of these has lost its words: it waits for the user (the review group)."""


class CurrentSong(QObject):
    """A view of the session's current song, re-read whenever the session says something changed.

    Panes and panels draw from it and never keep their own copy; nothing writes to it but
    the choice of the current annotation (`set_current`). There is at most one current
    annotation, and it is always one the song has (in the trash or not): when it goes, so
    does the choice.
    """

    switched = Signal(str)
    """Another song is shown (its id, "" for none): everything was read again."""
    song_changed = Signal(str)
    """The shown song's fields or lyrics changed (its id)."""
    articles_changed = Signal(str)
    """The shown song's articles were read again (the song's id)."""
    annotations_changed = Signal(str)
    """The shown song's annotations were read again (the song's id); `changed_ids` says which changed."""
    current_changed = Signal(str)
    """The current annotation changed; carries its id ("" for none)."""
    review_group_changed = Signal(list)
    """The ids of the annotations that need review changed (in text order)."""
    links_changed = Signal(str)
    """The shown song's quote links may have changed (its lyrics, its articles or its links did): read them again."""

    def __init__(self, session: Session, parent: QObject | None = None):
        super().__init__(parent)
        self._session = session
        self._song: Song | None = None
        self._articles: list[Article] = []
        self._annotations: dict[str, Annotation] = {}
        self._ordered: list[Annotation] | None = None  # self._annotations in text order, once asked for
        self._review: list[Annotation] | None = None  # those of them that need review, once asked for
        self._trashed: dict[str, Annotation] = {}
        self._current_id = ""
        self._review_ids: list[str] = []
        self._links: list[QuoteLink] | None = None  # read when first asked for after a change
        self._changed_ids: frozenset[str] | None = None
        self._changed_targets: frozenset[str] | None = None
        session.current_song_changed.connect(self._on_session_current_song_changed)
        session.song_changed.connect(self._on_session_song_changed)
        session.articles_changed.connect(self._on_session_articles_changed)
        session.annotations_changed.connect(self._on_session_annotations_changed)
        session.links_changed.connect(self._on_session_links_changed)
        # Every annotation carries its lens: a lens change is read again like a change of them all.
        session.lenses_changed.connect(self._on_session_lenses_changed)
        self._read(session.current_song_id)

    # ------------------------------------------------------------------ reading

    @property
    def song(self) -> Song | None:
        return self._song

    @property
    def song_id(self) -> str:
        return self._song.id if self._song is not None else ""

    def articles(self) -> list[Article]:
        """The song's articles in their order (none in the trash)."""
        return list(self._articles)

    def article(self, article_id: str | None) -> Article | None:
        return next((a for a in self._articles if a.id == article_id), None)

    def annotations(self) -> list[Annotation]:
        """The song's annotations in text order: lyrics, translation, then each article in turn (none in the trash)."""
        if self._ordered is None:  # sorted once per change, not once per view that asks
            self._ordered = sorted(self._annotations.values(), key=self._text_order())
        return list(self._ordered)

    def _text_order(self):
        article_order = {article.id: index for index, article in enumerate(self._articles)}

        def key(annotation: Annotation):
            return (
                TEXT_ORDER.get(annotation.target, 2),
                article_order.get(annotation.article_id, len(article_order)),
                annotation.first.start,
            )

        return key

    @property
    def changed_ids(self) -> frozenset[str] | None:
        """The annotations the last `annotations_changed` was about (added, changed, trashed, restored or
        erased), for views that redraw only those; None when any may have changed (a lens changed)."""
        return self._changed_ids

    def changed_in(self, target: str) -> bool:
        """Whether the last `annotations_changed` may have touched an annotation of *target* ("lyrics",
        "translation" or "article"), before or after the change: a view of the other text has nothing to redraw."""
        return self._changed_targets is None or target in self._changed_targets

    def lyrics_annotations(self) -> list[Annotation]:
        return [a for a in self.annotations() if a.target == "lyrics"]

    def translation_annotations(self) -> list[Annotation]:
        return [a for a in self.annotations() if a.target == "translation"]

    def trashed(self) -> list[Annotation]:
        """The song's annotations in the trash."""
        return list(self._trashed.values())

    def annotation(self, annotation_id: str) -> Annotation | None:
        """One of the song's annotations not in the trash, or None."""
        return self._annotations.get(annotation_id)

    def needing_review(self) -> list[Annotation]:
        """The review group: annotations whose words are gone or moved, in text order."""
        if self._review is None:  # once per change: the window and the panel both ask
            self._review = [a for a in self.annotations() if a.status in REVIEW_STATUSES]
        return list(self._review)

    def links(self) -> list[QuoteLink]:
        """The quote links of the song's articles, in article then text order (orphaned ones left out)."""
        if self._links is None:
            try:
                self._links = self._session.links(self._song.id) if self._song is not None else []
            except LyricpadError:
                self._links = []  # the song went meanwhile: the next change reads it again
        return list(self._links)

    def links_for_line(self, line: int) -> list[QuoteLink]:
        """The links that quote lyric *line* (1-based), in article then text order."""
        return [link for link in self.links() if line in link.lines]

    def links_at(self, article_id: str, offset: int) -> list[QuoteLink]:
        """The links of the article whose quotation holds the character at *offset* (rendered text)."""
        return [
            link for link in self.links() if link.article_id == article_id and link.start <= offset < link.end
        ]

    def known_tags(self) -> list[str]:
        """Every tag in the library, for the note editor to offer while tags are typed."""
        return self._session.tags()

    @property
    def current_id(self) -> str:
        return self._current_id

    def current(self) -> Annotation | None:
        """The current annotation (maybe in the trash), or None."""
        return self._annotations.get(self._current_id) or self._trashed.get(self._current_id)

    def set_current(self, annotation_id: str) -> None:
        """Make *annotation_id* the current annotation ("" or an id the song lacks: none)."""
        if annotation_id not in self._annotations and annotation_id not in self._trashed:
            annotation_id = ""
        if annotation_id != self._current_id:
            self._current_id = annotation_id
            self.current_changed.emit(annotation_id)

    def read_articles(self) -> None:
        """Read the articles again without saying so (a pane back from editing shows them as saved)."""
        if self._song is not None:
            self._articles = self._session.articles(self._song.id)
            self._ordered = self._review = None

    # ---------------------------------------------------------- session facts

    def _read(self, song_id: str) -> None:
        session = self._session
        self._song = session.song(song_id) if song_id else None
        self._articles = session.articles(song_id) if song_id else []
        self._read_annotations(song_id)
        self._current_id = ""
        self._review_ids = [a.id for a in self.needing_review()]
        self._links = None
        self._changed_ids = self._changed_targets = None

    def _on_session_current_song_changed(self, song_id: str) -> None:
        self._read(song_id)
        self.switched.emit(song_id)
        # A new song starts with nothing chosen, whatever was chosen before.
        self.current_changed.emit("")

    def _on_session_song_changed(self, song_id: str) -> None:
        if song_id and song_id == self.song_id:
            self._song = self._session.song(song_id)
            self.song_changed.emit(song_id)
            self._links_may_have_changed()

    def _on_session_articles_changed(self, song_id: str) -> None:
        if song_id and song_id == self.song_id:
            self._articles = self._session.articles(song_id)
            self._ordered = self._review = None
            self.articles_changed.emit(song_id)
            self._links_may_have_changed()

    def _on_session_annotations_changed(self, song_id: str, annotation_ids: list) -> None:
        if not song_id or song_id != self.song_id:
            return
        self._review = None
        targets: set[str] | None = set()
        for annotation_id in annotation_ids:
            before = self._annotations.pop(annotation_id, None) or self._trashed.pop(annotation_id, None)
            if before is not None and targets is not None:
                targets.add(before.target)
            try:
                annotation = self._session.annotation(annotation_id)
            except NotFound:
                if before is None:
                    targets = None  # erased, and never seen here: it may have been anywhere
                continue  # erased (an undone highlight)
            if targets is not None:
                targets.add(annotation.target)
            (self._trashed if annotation.deleted else self._annotations)[annotation.id] = annotation
        if self._ordered is not None and len(annotation_ids) <= _REORDER_LIMIT:
            # A few changed: they leave the text order and go back in where they belong (after
            # their equals, as the sort would put them: they were read in last).
            changed = set(annotation_ids)
            self._ordered = [a for a in self._ordered if a.id not in changed]
            key = self._text_order()
            for annotation_id in dict.fromkeys(annotation_ids):
                if annotation_id in self._annotations:
                    insort(self._ordered, self._annotations[annotation_id], key=key)
        else:
            self._ordered = None
        self._announce_annotations(frozenset(annotation_ids), None if targets is None else frozenset(targets))

    def _on_session_links_changed(self, song_id: str) -> None:
        if song_id and song_id == self.song_id:
            self._links_may_have_changed()

    def _links_may_have_changed(self) -> None:
        self._links = None
        self.links_changed.emit(self.song_id)

    def _on_session_lenses_changed(self) -> None:
        if self._song is None:
            return
        self._read_annotations(self._song.id)
        self._announce_annotations()

    def _read_annotations(self, song_id: str) -> None:
        live, trashed = self._session.annotations_and_trash(song_id) if song_id else ([], [])
        self._annotations = {a.id: a for a in live}
        self._ordered = None
        self._trashed = {a.id: a for a in trashed}
        self._review = None

    def _announce_annotations(
        self, changed_ids: frozenset[str] | None = None, changed_targets: frozenset[str] | None = None
    ) -> None:
        self._changed_ids, self._changed_targets = changed_ids, changed_targets
        # The views redraw first, then learn that the current annotation went (an undone highlight).
        gone = bool(self._current_id) and self.current() is None
        if gone:
            self._current_id = ""
        self.annotations_changed.emit(self.song_id)
        if gone:
            self.current_changed.emit("")
        review_ids = [a.id for a in self.needing_review()]
        if review_ids != self._review_ids:
            self._review_ids = review_ids
            self.review_group_changed.emit(review_ids)
