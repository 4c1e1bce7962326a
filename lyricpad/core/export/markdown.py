"""Annotations exported as Markdown: a blog draft (CommonMark) or an Obsidian note, per song or per library.

Layout of one song (blog profile; the Obsidian profile differs where noted)::

    ---                                   YAML front matter, every value quoted; date: the
    title: "Lanterns on the Water"        song's last change (never the time of the export)
    ...                                   (Obsidian: lyricpad_url, the song's lyricpad:// link)
    ---

    # Lanterns on the Water

    *The Hollow Pines · Tidewater Sketches (demo) · 2024*

    ## Lyrics                             a section per pane (or per lens: group_by="lens")

    <!-- lyricpad:annotation ID -->       only with ids=True (Obsidian: "^lp-ID" after the callout)
    > The harbour lights are ...          the quote, one level (Obsidian: in a callout titled
                                          "Imagery · Verse 1, line 2 [↗](lyricpad://song/…)",
                                          the arrow a link back to the annotation in lyricpad)
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

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote as url_quote

from lyricpad.core.app_links import app_link
from lyricpad.core.errors import InvalidValue
from lyricpad.core.export.commonmark import escape_text
from lyricpad.core.export.files import write_atomic
from lyricpad.core.export.front_matter import front_matter, front_matter_date, obsidian_tag, yaml_quote
from lyricpad.core.export.markdown_folder import (
    INDEX_NAME,
    existing_song_files,
    index_file_name,
    scan_export_folder,
    song_file_name,
)
from lyricpad.core.export.markdown_song import BLOCK_ID, ID_COMMENT, Footnotes, SongWriter, song_writer
from lyricpad.core.models import Song

PROFILES = ("blog", "obsidian")
GROUPS = ("pane", "lens")

__all__ = [  # the song's writer, its front matter and the export folder live in their own modules
    "BLOCK_ID",
    "GROUPS",
    "ID_COMMENT",
    "INDEX_NAME",
    "PROFILES",
    "MarkdownOptions",
    "existing_song_files",
    "export_library_markdown",
    "export_markdown",
    "front_matter",
    "front_matter_date",
    "index_markdown",
    "obsidian_tag",
    "song_file_name",
    "yaml_quote",
]


@dataclass(frozen=True)
class MarkdownOptions:
    """How annotations are written; see `export_markdown`."""

    profile: str = "blog"
    group_by: str = "pane"
    full_lyrics: bool = False
    footnotes: bool = False
    ids: bool = False
    study: bool = False  # scheme letters and syllable counts: the full lyrics with their marks

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


def _song_document(writer: SongWriter) -> str:
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
    study: bool = False,
    title: str | None = None,
) -> str:
    """One Markdown document with the annotations of one song (an id) or of several (ids).

    *profile* "blog" (CommonMark; *footnotes* puts the notes in footnotes; *ids* marks each
    annotation with an HTML comment holding its id) or "obsidian" (callouts, #tags, block ids);
    *group_by* "pane" (lyrics, then each article) or "lens"; *full_lyrics* writes every line of
    the lyrics, spacing kept, with the highlighted ones marked (by default only the highlighted
    words are quoted); *study* writes them too, each line followed by its syllable count and
    rhyme letter, each section under a heading (see `study_marks`). Several songs make one
    document titled *title*. Annotations in the trash are left out; those that need review or
    are orphaned are marked. The same library gives the same bytes: the date is the songs' last
    change.
    """
    opts = MarkdownOptions(
        profile=profile, group_by=group_by, full_lyrics=full_lyrics, footnotes=footnotes, ids=ids, study=study
    )
    ids = [song_ids] if isinstance(song_ids, str) else list(song_ids)
    if not ids:
        raise InvalidValue("no song to export")
    notes = Footnotes([]) if opts.footnotes and not opts.obsidian else None
    writers = [song_writer(library, song_id, opts, notes) for song_id in ids]
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
        if opts.obsidian:
            fields["lyricpad_urls"] = [app_link(w.song.id) for w in writers]
        lines = [*front_matter(fields), "", f"# {escape_text(heading, obsidian=opts.obsidian)}", ""]
        for writer in writers:
            lines += writer.body(2)
    if notes is not None and notes.labels:
        lines = _trimmed(lines) + notes.render()
    return _finish(lines)


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
    study: bool = False,
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
        profile=profile, group_by=group_by, full_lyrics=full_lyrics, footnotes=footnotes, ids=ids, study=study
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
        writer = song_writer(
            library, song.id, opts, Footnotes([]) if footnotes and not opts.obsidian else None
        )
        written.append(write_atomic(path, _song_document(writer)))
        entries.append((song, path.name, len(writer.annotations)))
        dates.append(writer.date())
        if progress is not None:
            progress(done, len(songs))
    if index:
        text = index_markdown(entries, profile=profile, date=max(dates, default=""))
        written.append(write_atomic(folder / index, text))
    return written
