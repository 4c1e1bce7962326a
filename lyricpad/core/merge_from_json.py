"""Reading a lyricpad JSON export into a MergePlan: every item checked, every problem gathered."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace

from lyricpad.core.anchoring import Anchor, Proposal
from lyricpad.core.errors import InvalidValue
from lyricpad.core.export.json_format import FORMAT, VERSION
from lyricpad.core.line_map import lyric_lines
from lyricpad.core.markdown import rendered_text
from lyricpad.core.merge_plan import (
    Decision,
    FileLinkDecision,
    Invalid,
    MergePlan,
    Planned,
    PlannedAnnotation,
    PlannedLinkDecision,
    PlannedStudy,
    Problems,
    canonical_id,
    decide,
    duplicates,
    get,
    here_or_none,
    item_id,
    newer,
    refuse,
    time,
)
from lyricpad.core.models import (
    CORRECTION_STATUSES,
    STATUSES,
    TARGETS,
    Annotation,
    Article,
    Lens,
    Song,
    StoredCorrection,
    Translation,
)
from lyricpad.core.store.corrections import clean_value
from lyricpad.core.store.fields import CORRECTION, LENS, SONG, TRANSLATION
from lyricpad.core.study import CORRECTABLE
from lyricpad.core.text import fold, normalise_line, normalise_text

RANGE_KEYS = ("start", "end", "line_start", "line_end")
DECISION_KINDS = ("link", "unlink")
DECISION_STATUSES = ("anchored", "orphaned")
LYRIC_SIDE_KEYS = ("first_line", "last_line", "lines_text", "lines_prefix", "lines_suffix")


@dataclass
class ExportFile:
    """The items of a lyricpad JSON export that read well, before they are compared with a library."""

    lenses: list[Lens] = field(default_factory=list)  # position unset: given when added
    songs: list[Song] = field(default_factory=list)
    articles: list[Article] = field(default_factory=list)
    annotations: list[tuple[Annotation, str | None]] = field(default_factory=list)  # with its lens id
    link_decisions: list[FileLinkDecision] = field(default_factory=list)  # absent from older files
    corrections: list[StoredCorrection] = field(default_factory=list)  # absent from older files
    translations: list[Translation] = field(default_factory=list)  # absent from older files
    tags: list[str] = field(default_factory=list)
    unreadable: set[str] = field(default_factory=set)  # ids of items (or keys of lists) with a problem


def read_export(data, problems: Problems) -> ExportFile:
    """The items of the export *data* (parsed JSON); what is wrong with them goes to *problems*.

    A file that is no lyricpad export, or of a newer format, is refused at once: its items
    would not mean what this lyricpad reads them as.
    """
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise refuse('this is not a lyricpad JSON export (no "format": "lyricpad")')
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise refuse("the export has no valid format version")
    if version > VERSION:
        raise refuse(
            f"the export was written by a newer lyricpad (format version {version}; this one reads up to {VERSION})"
        )
    found = ExportFile()
    tags = data.get("tags", [])
    if isinstance(tags, list) and all(isinstance(t, str) for t in tags):
        found.tags = tags
    else:
        problems.add("tags", "'tags' is not a list of text")
    readers = (
        ("lenses", _lens, found.lenses),
        ("songs", _song, found.songs),
        ("articles", _article, found.articles),
        ("annotations", _annotation, found.annotations),
        ("link_decisions", _link_decision, found.link_decisions),
        ("study_corrections", _correction, found.corrections),
        ("translations", _translation, found.translations),
    )
    for key, reader, into in readers:
        items = data.get(key, [])
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            problems.add(key, f"{key!r} is not a list of objects")
            found.unreadable.add(key)  # references into it cannot be checked
            continue
        for index, item in enumerate(items):
            try:
                into.append(reader(item))
            except Invalid as exc:
                problems.add(f"{key}[{index}]", str(exc))
                if isinstance(item.get("id"), str):
                    found.unreadable.add(canonical_id(item["id"]) or item["id"])
    return found


# ------------------------------------------------------------------ items


def _text(item: dict, what: str):
    return lambda key: get(item, key, str, what, optional=True, default="")


def _lens(item: dict) -> Lens:
    what = f"the lens {item.get('name', item.get('id'))!r}"
    name = normalise_line(get(item, "name", str, what))
    return Lens(item_id(item, what), name, get(item, "colour", str, what), -1)


def _song(item: dict) -> Song:
    what = f"the song {item.get('title', item.get('id'))!r}"
    text = _text(item, what)
    return Song(
        id=item_id(item, what),
        title=get(item, "title", str, what),
        artist=text("artist"),
        album=text("album"),
        year=get(item, "year", int, what, optional=True),
        language=text("language"),
        lyrics=text("lyrics"),
        lyrics_format=get(item, "lyrics_format", str, what, optional=True, default="plain"),
        source_file=text("source_file"),
        line_times=item.get("line_times"),
        created=time(item.get("created"), what),
        updated=time(item.get("updated"), what),
        deleted=bool(get(item, "deleted", bool, what, optional=True, default=False)),
        lrc_tags=item.get("lrc_tags"),
        word_times=item.get("word_times"),
    )


def _article(item: dict) -> Article:
    what = f"the article {item.get('title', item.get('id'))!r}"
    text = _text(item, what)
    return Article(
        id=item_id(item, what),
        song_id=item_id(item, what, "song_id"),
        title=text("title"),
        author=text("author"),
        source=text("source"),
        body=text("body"),
        position=get(item, "position", int, what, optional=True, default=0),
        created=time(item.get("created"), what),
        updated=time(item.get("updated"), what),
        deleted=bool(get(item, "deleted", bool, what, optional=True, default=False)),
        published=text("published"),
    )


def _fragment(item, what: str) -> Anchor:
    if not isinstance(item, dict):
        raise Invalid(f"{what} has a fragment that is not an object")
    ints = {key: get(item, key, int, what) for key in RANGE_KEYS}
    if not 0 <= ints["start"] < ints["end"] or not 1 <= ints["line_start"] <= ints["line_end"]:
        raise Invalid(f"{what} has a fragment with an impossible range")
    proposal = item.get("proposal")
    if proposal is not None:
        if not isinstance(proposal, dict):
            raise Invalid(f"{what} has a proposal that is not an object")
        proposal = Proposal(*(get(proposal, k, int, what) for k in RANGE_KEYS))
    quote = get(item, "quote", str, what)
    if not quote.strip():
        raise Invalid(f"{what} has a fragment with an empty quote (no text to highlight)")
    return Anchor(
        quote=quote,
        prefix=get(item, "prefix", str, what, optional=True, default=""),
        suffix=get(item, "suffix", str, what, optional=True, default=""),
        occurrence=get(item, "occurrence", int, what, optional=True, default=1),
        proposal=proposal,
        **ints,
    )


def _annotation(item: dict) -> tuple[Annotation, str | None]:
    what = f"the annotation {item.get('id')!r}"
    target = get(item, "target", str, what)
    status = get(item, "status", str, what, optional=True, default="anchored")
    if target not in TARGETS or status not in STATUSES:
        raise Invalid(f"{what} has an unknown target or status")
    article_id = item_id(item, what, "article_id", optional=True)
    if (target == "article") != (article_id is not None):
        raise Invalid(f"{what} must name its article exactly when it is on an article")
    fragments = get(item, "fragments", list, what)
    if not fragments:
        raise Invalid(f"{what} has no fragment of text")
    tags = get(item, "tags", list, what, optional=True, default=[])
    if not all(isinstance(t, str) for t in tags):
        raise Invalid(f"{what} has tags that are not text")
    lens_id = item_id(item, what, "lens_id", optional=True)
    annotation = Annotation(
        id=item_id(item, what),
        song_id=item_id(item, what, "song_id"),
        target=target,
        article_id=article_id,
        lens=None,  # the lens is looked up in the file and the library (see plan_export)
        note=get(item, "note", str, what, optional=True, default=""),
        status=status,
        fragments=tuple(_fragment(f, what) for f in fragments),
        tags=tuple(tags),
        created=time(item.get("created"), what),
        updated=time(item.get("updated"), what),
        deleted=bool(get(item, "deleted", bool, what, optional=True, default=False)),
        time_ms=get(item, "time_ms", int, what, optional=True),
    )
    if annotation.time_ms is not None and annotation.time_ms < 0:
        raise Invalid(f"{what} has a time before the song's start ({annotation.time_ms} ms)")
    return annotation, lens_id


def _correction(item: dict) -> StoredCorrection:
    what = f"the study correction {_named(item.get('id'))}"
    field_name = get(item, "field", str, what)
    status = get(item, "status", str, what, optional=True, default="anchored")
    if field_name not in CORRECTABLE:
        raise Invalid(f"{what} corrects an unknown field (not one of {', '.join(CORRECTABLE)})")
    if status not in CORRECTION_STATUSES:
        raise Invalid(f"{what} has an unknown status (not 'anchored' or 'orphaned')")
    line = get(item, "line", int, what)
    if line < 1:
        raise Invalid(f"{what} is on an impossible line ({line})")
    correction = StoredCorrection(
        id=item_id(item, what),
        song_id=item_id(item, what, "song_id"),
        line=line,
        line_text=get(item, "line_text", str, what),
        before_text=get(item, "before_text", str, what, optional=True),
        after_text=get(item, "after_text", str, what, optional=True),
        field=field_name,
        value=get(item, "value", str, what),
        status=status,
        created=time(item.get("created"), what),
        updated=time(item.get("updated"), what),
    )
    try:
        CORRECTION.to_row(correction)  # what the library would refuse, found now
        clean_value(correction.field, correction.value)
    except InvalidValue as exc:
        raise Invalid(f"{what}: {exc}") from exc
    return correction


def _translation(item: dict) -> Translation:
    what = f"the translation of song {_named(item.get('song_id'))}"
    translation = Translation(
        song_id=item_id(item, what, "song_id"),
        language=_text(item, what)("language"),
        text=get(item, "text", str, what),
        updated=time(item.get("updated"), what),
    )
    try:
        TRANSLATION.to_row(translation)
    except InvalidValue as exc:
        raise Invalid(f"{what}: {exc}") from exc
    return translation


def _named(value) -> str:
    # A name taken from the file, kept short: an "id" may be anything, of any size.
    shown = repr(value)
    return shown if len(shown) <= 60 else shown[:60] + "…"


def _link_decision(item: dict) -> FileLinkDecision:
    what = f"the link decision {_named(item.get('id'))}"
    decision_id = item_id(item, what)
    if uuid.UUID(decision_id).version == 5:
        # Detected links have name-based (version 5) ids: such an id could take a detected link's place.
        raise Invalid(f"{what} has the id of a detected link, which no decision of lyricpad has")
    kind = get(item, "kind", str, what)
    status = get(item, "status", str, what, optional=True, default="anchored")
    if kind not in DECISION_KINDS:
        raise Invalid(f"{what} has an unknown kind (not 'link' or 'unlink')")
    if status not in DECISION_STATUSES:
        raise Invalid(f"{what} has an unknown status (not 'anchored' or 'orphaned')")
    start, end = get(item, "start", int, what), get(item, "end", int, what)
    if not 0 <= start < end:
        raise Invalid(f"{what} has an impossible span of the article ({start}-{end})")
    quote = get(item, "quote", str, what)
    if not quote.strip():
        raise Invalid(f"{what} has an empty quote (no words of the article)")
    text = _text(item, what)
    first = last = None
    lines = ("", "", "")
    if kind == "link":
        first = get(item, "first_line", int, what, optional=True)
        last = get(item, "last_line", int, what, optional=True)
        if (first is None) != (last is None) or first is not None and not 1 <= first <= last:
            raise Invalid(f"{what} has impossible lyric lines ({first}-{last})")
        lines = (get(item, "lines_text", str, what), text("lines_prefix"), text("lines_suffix"))
        if not lines[0].strip():
            raise Invalid(f"{what} has no lyric lines' text (a link needs the lines it links to)")
    elif any(item.get(key) is not None for key in LYRIC_SIDE_KEYS):
        raise Invalid(f"{what} is an unlink but names lyric lines (only a link has them)")
    return FileLinkDecision(
        id=decision_id,
        article_id=item_id(item, what, "article_id"),
        kind=kind,
        article=Anchor(start, end, quote, text("prefix"), text("suffix"), 1, 1, 1),
        first_line=first,
        last_line=last,
        lines_quote=lines[0],
        lines_prefix=lines[1],
        lines_suffix=lines[2],
        status=status,
        created=time(item.get("created"), what),
        updated=time(item.get("updated"), what),
    )


# ------------------------------------------------------------------ against the library


def _gather(problems: Problems, where: str, check, item) -> None:
    try:
        check(item)
    except Invalid as exc:
        problems.add(where, str(exc))


def _writable(item: Song | Lens) -> None:
    # What the library would refuse when writing, found now so that it is listed with the rest.
    entity, what = (SONG, f"song {item.title!r}") if isinstance(item, Song) else (LENS, f"lens {item.name!r}")
    try:
        entity.to_row(item)
    except InvalidValue as exc:
        raise Invalid(f"the {what}: {exc}") from exc


def plan_export(library, found: ExportFile, problems: Problems) -> MergePlan:
    """What merging *found* into *library* writes; problems with references go to *problems*.

    Lenses are matched by id, then by name; a local lens is never changed. Read inside the
    merge's transaction, so that the decisions hold when the plan is written.
    """
    return _Planner(library, found, problems).plan()


class _Planner:
    """The items of one export compared with the library, each local item read once."""

    def __init__(self, library, found: ExportFile, problems: Problems):
        self.library = library
        self.found = found
        self.problems = problems
        self.file_songs = {s.id: s for s in found.songs}
        self.file_articles = {a.id: a for a in found.articles}
        self.local: dict[tuple[str, str], Song | Article | None] = {}
        self.rendered_texts: dict[str, str] = {}

    def plan(self) -> MergePlan:
        plan = MergePlan(tags=self.found.tags)
        lens_map = _plan_lenses(self.library, self.found.lenses, plan, self.problems)
        for kind, items in (("song", self.found.songs), ("article", self.found.articles)):
            duplicates(self.problems, kind, (i.id for i in items))
        duplicates(self.problems, "annotation", (a.id for a, _ in self.found.annotations))
        duplicates(self.problems, "link decision", (d.id for d in self.found.link_decisions))
        for song in self.found.songs:
            local = self.here("song", song.id)
            decision = decide(local, song.updated)
            if decision is not Decision.KEPT:  # a song not written is not held to what writing needs
                _gather(self.problems, f"song {song.id}", _writable, song)
            plan.songs.append(Planned(song, local, decision))
        for article in self.found.articles:
            if not self.song_known(article.song_id):
                self.problems.add(
                    f"article {article.id}",
                    f"the article {article.title!r} belongs to a song that is neither in the file nor here",
                )
            local = self.here("article", article.id)
            plan.articles.append(Planned(article, local, decide(local, article.updated)))
        for annotation, lens_id in self.found.annotations:
            planned = self.annotation(annotation, lens_id, lens_map)
            if planned is not None:
                plan.annotations.append(planned)
        for decision in self.found.link_decisions:
            planned = self.link_decision(decision)
            if planned is not None:
                plan.link_decisions.append(planned)
        self.study(plan)
        return plan

    def study(self, plan: MergePlan) -> None:
        """The file's study corrections and translations, each on a song of the file or of the library."""
        duplicates(self.problems, "study correction", (c.id for c in self.found.corrections))
        duplicates(self.problems, "translation's song", (t.song_id for t in self.found.translations))
        for correction in self.found.corrections:
            if not self.song_known(correction.song_id):
                self.problems.add(
                    "",
                    f"the study correction {correction.id} is on a song that is neither in the file nor here",
                )
                continue
            local = here_or_none(lambda c=correction: self.library.corrections.get(c.id))
            if local is not None and local.song_id != correction.song_id:
                self.problems.add("", f"the study correction {correction.id} is on another song here")
                continue
            song = self.file_songs.get(correction.song_id)
            plan.corrections.append(
                PlannedStudy(correction, decide(local, correction.updated), song.lyrics if song else None)
            )
        for translation in self.found.translations:
            song_id = translation.song_id
            if not self.song_known(song_id):
                self.problems.add(
                    "", f"the translation of song {song_id} is of a song that is neither in the file nor here"
                )
                continue
            song = self.file_songs.get(song_id)
            here = None if song else self.here("song", song_id)
            if song is None and here is None:
                continue  # its song could not be read: that problem is listed already
            lyrics = song.lyrics if song else here.lyrics
            # Counted as stored: normalised (U+2028, VT, FF, NEL and a lone CR are line breaks there).
            count, given = len(lyric_lines(lyrics)), len(normalise_text(translation.text).split("\n"))
            if count != given:
                self.problems.add(
                    "",
                    f"the translation of song {song_id} has {given} lines, its lyrics {count}: they must match",
                )
                continue
            local = self.library.translations.get(song_id)
            plan.translations.append(
                PlannedStudy(translation, decide(local, translation.updated), song.lyrics if song else None)
            )

    def here(self, kind: str, item_id: str):
        """The library's song or article with *item_id*, or None."""
        if (kind, item_id) not in self.local:
            if kind == "song":
                self.local[kind, item_id] = here_or_none(lambda: self.library.songs.get(item_id))
            else:
                self.local[kind, item_id] = here_or_none(lambda: self.library.articles.get(item_id))
        return self.local[kind, item_id]

    def song_known(self, song_id: str) -> bool:
        # A song of the file that could not be read has its own problem: not one more per reference.
        unreadable = self.found.unreadable
        return (
            song_id in self.file_songs
            or song_id in unreadable
            or "songs" in unreadable
            or self.here("song", song_id) is not None
        )

    def annotation(self, annotation: Annotation, lens_id: str | None, lens_map) -> PlannedAnnotation | None:
        where = ""  # each message names the annotation by its id
        if lens_id is not None and lens_id not in lens_map:
            if lens_id not in self.found.unreadable and "lenses" not in self.found.unreadable:
                self.problems.add(
                    where,
                    f"the annotation {annotation.id!r} has the lens {lens_id!r}, "
                    "which is neither in the file nor in this library",
                )
            return None
        if not self.song_known(annotation.song_id):
            self.problems.add(
                where, f"the annotation {annotation.id} is on a song that is neither in the file nor here"
            )
            return None
        made_on = self.made_on(annotation, where)
        if made_on is False:
            return None
        annotation = replace(annotation, lens=lens_map[lens_id] if lens_id else None)
        local = here_or_none(lambda: self.library.annotations.get(annotation.id))
        return PlannedAnnotation(annotation, decide(local, annotation.updated), made_on)

    def made_on(self, annotation: Annotation, where: str) -> str | None | bool:
        """The file's version of the text the annotation was made on (None when the file has none);
        False when it is on an article that exists nowhere or belongs to another song."""
        if annotation.target == "lyrics":
            source = self.file_songs.get(annotation.song_id)
            return source.lyrics if source else None
        if annotation.target == "translation":
            # On the song's translation: the file's (when it carries one), placed before annotations.
            found = (t for t in self.found.translations if t.song_id == annotation.song_id)
            source = next(found, None)
            return source.text if source else None
        article = self.file_articles.get(annotation.article_id) or self.here("article", annotation.article_id)
        if article is None:
            if annotation.article_id not in self.found.unreadable and "articles" not in self.found.unreadable:
                self.problems.add(
                    where,
                    f"the annotation {annotation.id} is on an article that is neither in the file nor here",
                )
            return False
        if article.song_id != annotation.song_id:
            self.problems.add(where, f"the annotation {annotation.id} is on an article of another song")
            return False
        source = self.file_articles.get(annotation.article_id)
        return rendered_text(source.body) if source else None

    def link_decision(self, decision: FileLinkDecision) -> PlannedLinkDecision | None:
        file_article = self.file_articles.get(decision.article_id)
        article = file_article or self.here("article", decision.article_id)
        if article is None:
            if decision.article_id not in self.found.unreadable and "articles" not in self.found.unreadable:
                self.problems.add(
                    "",
                    f"the link decision {decision.id} is on an article that is neither in the file nor here",
                )
            return None
        # The one place a decision's id may be taken: lib.links has no reading of one by id alone.
        local = self.library.row(
            "SELECT article_id, origin, updated FROM quote_links WHERE id = ?", [decision.id]
        )
        if local is not None and local["origin"] != "user":
            self.problems.add("", f"the link decision {decision.id} has the id of a detected link here")
            return None
        if local is None:
            outcome = Decision.NEW
        else:
            outcome = Decision.NEWER if newer(decision.updated, local["updated"]) else Decision.KEPT
        song = self.file_songs.get(article.song_id)
        made_on = (self.rendered(file_article) if file_article else None, song.lyrics if song else None)
        moved_from = local["article_id"] if local and local["article_id"] != decision.article_id else None
        return PlannedLinkDecision(decision, outcome, made_on, moved_from)

    def rendered(self, article: Article) -> str:
        """The file's article as rendered (once an article: several decisions may be on it)."""
        if article.id not in self.rendered_texts:
            self.rendered_texts[article.id] = rendered_text(article.body)
        return self.rendered_texts[article.id]


def _plan_lenses(library, lenses: list[Lens], plan: MergePlan, problems: Problems) -> dict[str, Lens]:
    """The lens each lens id of the file stands for here; new lenses go into *plan*."""
    local_lenses = library.lenses.all()
    lens_map: dict[str, Lens] = {lens.id: lens for lens in local_lenses}
    by_name = {fold(lens.name): lens for lens in local_lenses}
    next_position = max((lens.position for lens in local_lenses), default=-1) + 1
    for lens in lenses:
        if lens.id in lens_map:
            plan.matched_lenses += 1
        elif fold(lens.name) in by_name:
            lens_map[lens.id] = by_name[fold(lens.name)]
            plan.matched_lenses += 1
        else:
            _gather(problems, f"lens {lens.id}", _writable, lens)
            lens = replace(lens, position=next_position)
            next_position += 1
            plan.new_lenses.append(lens)
            lens_map[lens.id] = by_name[fold(lens.name)] = lens
    return lens_map
