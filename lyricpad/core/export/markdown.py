"""Annotations exported as Markdown: a blog draft (CommonMark) or an Obsidian note, per song or per library.

Layout of one song (blog profile; the Obsidian profile differs where noted)::

    ---                                   YAML front matter, every value quoted; date: the
    title: "Lanterns on the Water"        song's last change (never the time of the export)
    ...
    ---

    # Lanterns on the Water

    *The Hollow Pines · Tidewater Sketches (demo) · 2024*

    ## Lyrics                             a section per pane (or per lens: group_by="lens")

    <!-- lyricpad:annotation ID -->       only with ids=True (Obsidian: "^lp-ID" after the callout)
    > The harbour lights are ...          the quote, one level (Obsidian: in a callout titled
                                          "Imagery · Verse 1, line 2")
    *verse 1, line 2 (0:12.40)*           where it is, for readers (labels.place)

    Quoted in “A close reading”.          the articles quoting these lines (on an article's
                                          quotation: "Quotes the lyrics: bridge, lines 29–30.")
    The note, as Markdown: the author's commentary, plain paragraphs (Obsidian: in the
    callout, its #tags after it)

Everything typed by the user is either escaped data or a note re-written by
``commonmark.render_note``: a note cannot hold a heading, a raw HTML block or an open block
that would swallow what follows, and in Obsidian every line of a callout carries its "> "
prefix, so the document's structure is the same whatever the quotes, titles, tags and lens
names hold, and a note adds only its own blocks.
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from urllib.parse import quote as url_quote

from lyricpad.core import livefiles
from lyricpad.core.errors import InvalidValue
from lyricpad.core.export import labels
from lyricpad.core.export.commonmark import (
    escape_lines,
    escape_text,
    footnote_definition,
    render_note,
    spaced_line,
)
from lyricpad.core.export.files import safe_file_stem, write_atomic
from lyricpad.core.export.mentions import Mentions
from lyricpad.core.models import Annotation, Article, QuoteLink, Song

PROFILES = ("blog", "obsidian")
GROUPS = ("pane", "lens")
ID_COMMENT = "<!-- lyricpad:annotation {id} -->"
"""How the blog profile marks each annotation's id when asked (ids=True): an HTML comment, invisible once published."""
BLOCK_ID = "^lp-{id}"
"""How the Obsidian profile marks each annotation's id (a block id: links to it survive a re-export)."""


@dataclass(frozen=True)
class MarkdownOptions:
    """How annotations are written; see `export_markdown`."""

    profile: str = "blog"
    group_by: str = "pane"
    full_lyrics: bool = False
    footnotes: bool = False
    ids: bool = False

    def __post_init__(self) -> None:
        if self.profile not in PROFILES:
            raise InvalidValue(
                f"unknown Markdown profile {self.profile!r}; choose one of {', '.join(PROFILES)}"
            )
        if self.group_by not in GROUPS:
            raise InvalidValue(f"unknown grouping {self.group_by!r}; choose one of {', '.join(GROUPS)}")

    @property
    def obsidian(self) -> bool:
        return self.profile == "obsidian"

    @property
    def hard_break(self) -> str:
        # Obsidian shows a backslash at the end of a line as it is; two spaces work everywhere.
        return "  " if self.obsidian else "\\"


# ---------------------------------------------------------------- front matter

# Braces too: a site template printing a value must not find "{{" or "{%" in the file (YAML reads \u007b as "{").
_YAML_UNSAFE = re.compile('[\\x00-\\x1f\\x7f-\\x9f"\\\\{}\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]')
_YAML_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r", '"': '\\"', "\\": "\\\\", "\x00": "\\0"}


def yaml_quote(value: str) -> str:
    """*value* as a YAML double-quoted scalar that every YAML parser reads back unchanged."""
    return '"' + _YAML_UNSAFE.sub(lambda m: _YAML_NAMED.get(m[0]) or f"\\u{ord(m[0]):04x}", value) + '"'


def front_matter(fields: dict) -> list[str]:
    """YAML front matter lines (with the --- fences) for text, numbers and lists of text."""
    lines = ["---"]
    for key, value in fields.items():
        if isinstance(value, list):
            lines.append(f"{key}: [{', '.join(yaml_quote(str(v)) for v in value)}]")
        elif isinstance(value, int) and not isinstance(value, bool):
            lines.append(f"{key}: {value}")
        else:
            lines.append(f"{key}: {yaml_quote(str(value))}")
    lines.append("---")
    return lines


def front_matter_date(stamp: str) -> str:
    """An ISO time as front matter wants it: seconds, with its offset (Hugo and Jekyll parse it)."""
    try:
        return datetime.fromisoformat(stamp).isoformat(timespec="seconds")
    except ValueError:
        return stamp


# ---------------------------------------------------------------------- labels


def obsidian_tag(tag: str) -> str:
    """A tag as Obsidian reads one: letters, digits, _ - / only, never all digits."""
    tag = re.sub(r"[^\w/-]", "-", tag)
    return f"_{tag}" if tag.isdigit() else tag


def lrc_time(ms: int) -> str:
    """Milliseconds as m:ss.cc, the way LRC files show times."""
    minutes, rest = divmod(ms, 60_000)
    return f"{minutes}:{rest // 1000:02d}.{rest % 1000 // 10:02d}"


def _times(song: Song, line: int) -> list[str]:
    times = song.line_times[line - 1] if song.line_times and 0 < line <= len(song.line_times) else None
    return [lrc_time(ms) for ms in times] if times else []


def lyric_place(song: Song, sections: list[str], annotation: Annotation) -> str:
    """Where a lyric annotation is, for readers: 'verse 1, line 2 (0:12.40)', 'chorus, lines 8, 22 and 35'."""
    spans = [(f.line_start, f.line_end) for f in annotation.fragments]
    where = labels.place(sections, *spans[0]) if len(spans) == 1 else labels.places(sections, spans)
    times = list(dict.fromkeys(t for first, _ in spans for t in _times(song, first)))
    return f"{where} ({', '.join(times)})" if times else where


def _status(annotation: Annotation, pane: str, sections: list[str]) -> str:
    if annotation.status == "needs_review":
        proposal = annotation.proposal
        place = labels.place(sections, proposal.line_start, proposal.line_end) if proposal else ""
        where = f"; proposed place: {place}" if place and pane == "lyrics" else ""
        return f"**Needs review:** the quoted words were edited in the {pane}{where}."
    if annotation.status == "orphaned":
        return f"**Orphaned:** the quoted words are no longer in the {pane}."
    return ""


# -------------------------------------------------------------------- a song


@dataclass
class _Footnotes:
    labels: list[tuple[str, list[str]]]

    def add(self, annotation: Annotation, lines: list[str]) -> str:
        label = f"^lp{len(self.labels) + 1}"
        self.labels.append((label, lines))
        return f"[{label}]"

    def render(self) -> list[str]:
        out: list[str] = []
        for label, lines in self.labels:
            out.append("")
            out.extend(footnote_definition(label, lines))
        return out


class _SongWriter:
    def __init__(
        self,
        song: Song,
        articles: Sequence[Article],
        annotations: Sequence[Annotation],
        opts,
        footnotes,
        links: Sequence[QuoteLink] = (),
    ):
        self.song = song
        self.opts = opts
        # What the song's date is made of: everything in it, the trash too (a deletion is a change).
        self.stamps = [song.updated, *(a.updated for a in articles), *(a.updated for a in annotations)]
        self.articles = {a.id: a for a in articles if not a.deleted}
        self.links = [link for link in links if link.article_id in self.articles]
        self.annotations = [
            a
            for a in annotations
            if not a.deleted and a.fragments and (a.target == "lyrics" or a.article_id in self.articles)
        ]
        self.sections = labels.sections(song.lyrics)
        # The links indexed once for the song, not gone through again for each annotation.
        titles = {i: a.title for i, a in self.articles.items()}
        self.mentions = Mentions(self.links, titles, self.sections)
        self.footnotes = footnotes  # shared by the songs of one document; None: notes stay in place

    def esc(self, text: str) -> str:
        return escape_text(" ".join(text.split()), obsidian=self.opts.obsidian)

    def pane(self, annotation: Annotation) -> str:
        if annotation.target == "lyrics":
            return "lyrics"
        return "article"

    def pane_title(self, annotation: Annotation) -> str:
        if annotation.target == "lyrics":
            # One "Lyrics" heading: with the full lyrics, that is theirs.
            return "Notes on the lyrics" if self.opts.full_lyrics else "Lyrics"
        title = self.articles[annotation.article_id].title
        return f"Article: {title}" if title else "Article"

    def tags(self) -> list[str]:
        names = sorted({t for a in self.annotations for t in a.tags}, key=str.casefold)
        return [obsidian_tag(t) for t in names] if self.opts.obsidian else names

    def date(self) -> str:
        """The song's last change: exporting it again unchanged writes the same bytes."""
        return front_matter_date(max(self.stamps))

    def front_matter(self) -> list[str]:
        song = self.song
        fields: dict = {"title": song.title, "artist": song.artist, "album": song.album}
        if song.year:
            fields["year"] = song.year
        fields.update(tags=self.tags(), date=self.date(), lyricpad_id=song.id)
        return front_matter(fields)

    def byline(self) -> list[str]:
        song = self.song
        parts = [p for p in (song.artist, song.album, str(song.year or "")) if p]
        return [f"*{self.esc(' · '.join(parts))}*", ""] if parts else []

    def body(self, level: int) -> list[str]:
        """The song's heading, byline, lyrics (when asked) and annotations; headings from *level*."""
        h = "#" * level
        out = [f"{h} {self.esc(self.song.title)}", "", *self.byline()]
        if self.opts.full_lyrics:
            out += [f"{h}# Lyrics", "", *self.full_lyrics(), ""]
        if not self.annotations:
            out += ["*No annotations.*", ""]
        for title, group in self.groups():
            out += [f"{h}# {self.esc(title)}", ""]
            for annotation in group:
                out += self.annotation(annotation)
                out.append("")
        return out

    def groups(self) -> list[tuple[str, list[Annotation]]]:
        groups: dict[tuple, tuple[str, list[Annotation]]] = {}
        for annotation in self.annotations:
            if self.opts.group_by == "lens":
                lens = annotation.lens
                key = (0, lens.position, lens.id) if lens else (1, 0, "")
                title = lens.name if lens else "No lens"
            else:
                article = self.articles.get(annotation.article_id)
                key = (0, 0, "") if article is None else (1, article.position, article.id)
                title = self.pane_title(annotation)
            groups.setdefault(key, (title, []))[1].append(annotation)
        return [groups[key] for key in sorted(groups)]

    def full_lyrics(self) -> list[str]:
        """Every line, stanzas as paragraphs, highlighted lines marked, chord lines' spacing kept."""
        marked: set[int] = set()
        for annotation in self.annotations:
            if annotation.target == "lyrics" and annotation.status == "anchored":
                for f in annotation.fragments:
                    marked.update(range(f.line_start, f.line_end + 1))
        mark = "==" if self.opts.obsidian else "**"
        out: list[str] = []
        stanza: list[str] = []
        for number, line in enumerate([*self.song.lyrics.split("\n"), ""], 1):
            if line.strip():
                stanza.append(
                    spaced_line(line, obsidian=self.opts.obsidian, mark=mark if number in marked else "")
                )
            elif stanza:
                out += [""] if out else []
                out += [text + self.opts.hard_break for text in stanza[:-1]] + stanza[-1:]
                stanza = []
        return out

    def label(self, annotation: Annotation) -> str:
        """Where an annotation is, for readers: 'chorus, line 12 (0:12.40)', 'in the article “Title”'."""
        if annotation.target == "lyrics":
            return lyric_place(self.song, self.sections, annotation)
        title = self.articles[annotation.article_id].title
        return f"in the article “{title}”" if title else "in an untitled article"

    def quote_lines(self, annotation: Annotation) -> list[str]:
        quotes = list(dict.fromkeys(f.quote for f in annotation.fragments))
        lines: list[str] = []
        for quote in quotes:
            if lines:
                lines.append("")
            lines += escape_lines(quote, obsidian=self.opts.obsidian, hard_break=self.opts.hard_break)
        return lines

    def annotation(self, annotation: Annotation) -> list[str]:
        """Blog: the quote (one level), its place, then the commentary as plain paragraphs.
        Obsidian: one callout holding it all, titled with the lens and the place."""
        obsidian = self.opts.obsidian
        quote = [f"> {line}" if line else ">" for line in self.quote_lines(annotation)]
        note = render_note(annotation.note, obsidian=obsidian)
        status = _status(annotation, self.pane(annotation), self.sections)
        quoting = self.mentions.sentence(annotation)
        paragraphs = [self.esc(quoting)] if quoting else []
        paragraphs += [status] if status else []
        if obsidian:
            place = self.label(annotation)
            title = f"{annotation.lens.name} · {place}" if annotation.lens else place[:1].upper() + place[1:]
            inner = list(quote)
            for paragraph in paragraphs:
                inner += ["", paragraph]
            if note:
                inner += ["", *note]
            if annotation.tags:
                inner += ["", " ".join(f"#{obsidian_tag(t)}" for t in annotation.tags)]
            out = [f"> [!quote] {self.esc(title)}"]
            out += [f"> {line}" if line else ">" for line in inner]
            return [*out, "", BLOCK_ID.format(id=annotation.id)]
        out = [ID_COMMENT.format(id=annotation.id)] if self.opts.ids else []
        ref = self.footnotes.add(annotation, note) if self.footnotes is not None and note else ""
        out += [*quote, "", f"*{self.esc(self.label(annotation))}*{ref}"]
        for paragraph in paragraphs:
            out += ["", paragraph]
        if note and self.footnotes is None:
            out += ["", *note]
        return out


def _writer(library, song_id: str, opts: MarkdownOptions, footnotes: _Footnotes | None) -> _SongWriter:
    song = library.songs.get(song_id)
    articles = library.articles.for_song(song_id, include_deleted=True)
    annotations = library.annotations.for_song(song_id, include_deleted=True)
    return _SongWriter(song, articles, annotations, opts, footnotes, library.links.for_song(song_id))


def _song_document(writer: _SongWriter) -> str:
    lines = [*writer.front_matter(), "", *writer.body(1)]
    if writer.footnotes is not None and writer.footnotes.labels:
        lines = _trimmed(lines) + writer.footnotes.render()
    return _finish(lines)


def _trimmed(lines: list[str]) -> list[str]:
    while lines and lines[-1] == "":
        lines.pop()
    return lines


def _finish(lines: list[str]) -> str:
    return "\n".join(_trimmed(lines)) + "\n"


def export_markdown(
    library,
    song_ids: str | Iterable[str],
    *,
    profile: str = "blog",
    group_by: str = "pane",
    full_lyrics: bool = False,
    footnotes: bool = False,
    ids: bool = False,
    title: str | None = None,
) -> str:
    """One Markdown document with the annotations of one song (an id) or of several (ids).

    *profile* "blog" (CommonMark; *footnotes* puts the notes in footnotes; *ids* marks each
    annotation with an HTML comment holding its id) or "obsidian" (callouts, #tags, block ids);
    *group_by* "pane" (lyrics, then each article) or "lens"; *full_lyrics* writes every line of
    the lyrics, spacing kept, with the highlighted ones marked (by default only the highlighted
    words are quoted). Several songs make one document titled *title*. Annotations in the trash
    are left out; those that need review or are orphaned are marked. The same library gives the
    same bytes: the date is the songs' last change.
    """
    opts = MarkdownOptions(
        profile=profile, group_by=group_by, full_lyrics=full_lyrics, footnotes=footnotes, ids=ids
    )
    ids = [song_ids] if isinstance(song_ids, str) else list(song_ids)
    if not ids:
        raise InvalidValue("no song to export")
    notes = _Footnotes([]) if opts.footnotes and not opts.obsidian else None
    writers = [_writer(library, song_id, opts, notes) for song_id in ids]
    if len(writers) == 1:
        return _song_document(writers[0])
    else:
        heading = title or f"Notes on {len(writers)} songs"
        fields = {
            "title": heading,
            "tags": sorted({t for w in writers for t in w.tags()}, key=str.casefold),
            "date": max(w.date() for w in writers),
            "lyricpad_ids": [w.song.id for w in writers],
        }
        lines = [*front_matter(fields), "", f"# {escape_text(heading, obsidian=opts.obsidian)}", ""]
        for writer in writers:
            lines += writer.body(2)
    if notes is not None and notes.labels:
        lines = _trimmed(lines) + notes.render()
    return _finish(lines)


# ------------------------------------------------------------------ a library

INDEX_NAME = "index.md"
_ID_LINE = re.compile(r'^lyricpad_id: "([0-9a-fA-F-]{36})"$', re.MULTILINE)
_INDEX_LINE = re.compile(r"^lyricpad_ids:", re.MULTILINE)
_HEAD = 4096
"""How much of a Markdown file is read to find its front matter."""


def _front_matter_text(path: Path) -> str | None:
    """The front matter of a file in an export folder (fences left out), or None when it has none.

    Only regular files are opened, and never one an open library of this process holds (see
    `livefiles`): reading a named pipe would block for ever, and a plain `open()` of the library
    would drop SQLite's locks on it.
    """
    try:
        head = livefiles.read_head(path, _HEAD)
    except livefiles.PathRefused:
        return None
    text = head.decode("utf-8", errors="replace").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return None
    end = text.find("\n---", 3)
    return text[: end if end != -1 else len(text)]


@dataclass
class ExportFolder:
    """What a folder holds before an export: every name in it, and the files lyricpad wrote there."""

    names: set[str]
    """Every entry of the folder (files, folders, pipes...), casefolded: a name in use is never reused."""
    songs: dict[str, Path]
    """Song id -> the song file of an earlier export (its front matter has `lyricpad_id`)."""
    indexes: set[str]
    """Names of the index files of earlier exports (their front matter has `lyricpad_ids`)."""


def scan_export_folder(folder: Path) -> ExportFolder:
    """Look at *folder* before an export into it: which names are taken, which files lyricpad wrote."""
    found = ExportFolder(set(), {}, set())
    try:
        names = sorted(os.listdir(folder))
    except (OSError, ValueError):  # missing, or not a folder: the export creates it (or says why not)
        return found
    for name in names:
        found.names.add(name.casefold())
        if not name.endswith(".md"):
            continue
        head = _front_matter_text(folder / name)
        if head is None:
            continue
        match = _ID_LINE.search(head)
        if match:
            found.songs.setdefault(match[1].lower(), folder / name)
        elif _INDEX_LINE.search(head):
            found.indexes.add(name)
    return found


def existing_song_files(folder: Path) -> dict[str, Path]:
    """Song id -> the Markdown file of an earlier export in *folder* (read from its front matter).

    A re-export writes over these files, under their names, so a vault keeps one note per song
    (and the links to it) even after the song was renamed. Files this process holds and anything
    but regular files (a named pipe) are never opened.
    """
    return scan_export_folder(Path(folder)).songs


def _names(first: str, stem: str, suffix: str) -> Iterator[str]:
    """*first*, then "stem.suffix", "stem 2.suffix", "stem 3.suffix"... for ever."""
    yield first
    yield f"{stem}{suffix}"
    for n in itertools.count(2):
        yield f"{stem} {n}{suffix}"


def song_file_name(song: Song, taken: set[str]) -> str:
    """'Title - Artist.md', made safe for every file system, or the first name not in *taken* (casefolded).

    The next names are 'Title - Artist (1a2b3c4d).md' (the start of the song's id), then
    'Title - Artist (1a2b3c4d) 2.md'...: the same folder gives the same name every time.
    """
    base = safe_file_stem(f"{song.title} - {song.artist}" if song.artist else song.title)
    names = _names(f"{base}.md", f"{base} ({song.id[:8]})", ".md")
    return next(name for name in names if name.casefold() not in taken)


def index_file_name(folder: ExportFolder, index_name: str = INDEX_NAME) -> str:
    """The name of the index in a folder: an index lyricpad wrote there, else the first name not in use.

    Tried in order: *index_name*, 'index (lyricpad).md', 'index (lyricpad) 2.md'...; a file
    there that is not a lyricpad index (a hand-written index.md) is never replaced.
    """
    stem, dot, suffix = index_name.rpartition(".")
    stem, suffix = (stem, dot + suffix) if stem else (index_name, "")
    names = _names(index_name, f"{stem} (lyricpad)", suffix)
    free = None
    for name in itertools.islice(names, len(folder.names) + 1):  # one of these is free
        if name in folder.indexes:
            return name
        if free is None and name.casefold() not in folder.names:
            free = name
    return free


def index_markdown(entries: Sequence[tuple[Song, str, int]], *, profile: str = "blog", date: str = "") -> str:
    """The index of a library export: a link to each song's file with its number of annotations."""
    obsidian = profile == "obsidian"
    fields: dict = {"title": "lyricpad library"}
    if date:
        fields["date"] = date
    fields["lyricpad_ids"] = [song.id for song, _, _ in entries]
    lines = [*front_matter(fields), "", "# lyricpad library", ""]
    for song, name, count in entries:
        label = escape_text(song.display_name, obsidian=obsidian)
        noun = "annotation" if count == 1 else "annotations"
        lines.append(f"- [{label}]({url_quote(name)}) · {count} {noun}")
    if not entries:
        lines.append("*No songs.*")
    return _finish(lines)


def export_library_markdown(
    library,
    folder: str | Path,
    *,
    song_ids: Iterable[str] | None = None,
    profile: str = "blog",
    group_by: str = "pane",
    full_lyrics: bool = False,
    footnotes: bool = False,
    ids: bool = False,
    index_name: str | None = INDEX_NAME,
    progress: Callable[[int, int], object] | None = None,
) -> list[Path]:
    """Export songs (every song not in the trash, or *song_ids*) to *folder*, one file each, plus an index.

    Each file is written atomically. A song exported before into *folder* is written over the
    same file (found by the lyricpad_id in its front matter), so exporting again updates a vault
    instead of duplicating notes; the index likewise (found by its lyricpad_ids). No other file
    is ever replaced: when a name is in use, another is chosen (see `song_file_name` and
    `index_file_name`), and the next export finds that file again. *progress(done, total)* is
    called after each song; an exception raised from it stops the export (files already
    written stay complete). *index_name* None writes no index. Returns the paths written, songs first.
    """
    opts = MarkdownOptions(
        profile=profile, group_by=group_by, full_lyrics=full_lyrics, footnotes=footnotes, ids=ids
    )
    folder = Path(folder)
    songs = library.songs.all() if song_ids is None else [library.songs.get(i) for i in song_ids]
    before = scan_export_folder(folder)
    index = index_file_name(before, index_name) if index_name else None
    taken = set(before.names) | ({index.casefold()} if index else set())
    written: list[Path] = []
    entries: list[tuple[Song, str, int]] = []
    dates: list[str] = []
    for done, song in enumerate(songs, 1):
        path = before.songs.get(song.id)
        if path is None or (index and path.name.casefold() == index.casefold()):
            path = folder / song_file_name(song, taken)
        taken.add(path.name.casefold())
        writer = _writer(library, song.id, opts, _Footnotes([]) if footnotes and not opts.obsidian else None)
        written.append(write_atomic(path, _song_document(writer)))
        entries.append((song, path.name, len(writer.annotations)))
        dates.append(writer.date())
        if progress is not None:
            progress(done, len(songs))
    if index:
        text = index_markdown(entries, profile=profile, date=max(dates, default=""))
        written.append(write_atomic(folder / index, text))
    return written
