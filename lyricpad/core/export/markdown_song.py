"""One song of a Markdown export: its heading, byline, lyrics (with the study marks when asked) and notes.

See `lyricpad.core.export.markdown` for the layout; the writer takes the options of
`MarkdownOptions` (profile, grouping, full lyrics, footnotes, ids, study) and the song's data.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lyricpad.core.app_links import app_link
from lyricpad.core.export import labels
from lyricpad.core.export.commonmark import (
    escape_lines,
    escape_text,
    footnote_definition,
    render_note,
    spaced_line,
)
from lyricpad.core.export.front_matter import front_matter, front_matter_date, obsidian_tag
from lyricpad.core.export.mentions import Mentions
from lyricpad.core.export.study_marks import markdown_lyrics, song_study
from lyricpad.core.models import Annotation, Article, QuoteLink, Song
from lyricpad.core.practice import clock_text

if TYPE_CHECKING:
    from lyricpad.core.export.markdown import MarkdownOptions

ID_COMMENT = "<!-- lyricpad:annotation {id} -->"
"""How the blog profile marks each annotation's id when asked (ids=True): an HTML comment, invisible once published."""
BLOCK_ID = "^lp-{id}"
"""How the Obsidian profile marks each annotation's id (a block id: links to it survive a re-export)."""
OPEN_IN_APP = '[↗]({url} "Open in lyricpad")'
"""How the Obsidian profile links each annotation back to lyricpad: a small arrow at the end of its
callout's title, its link title (a tooltip) saying where it goes."""


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
        where = f"; proposed place: {place}" if place and pane in ("lyrics", "translation") else ""
        return f"**Needs review:** the quoted words were edited in the {pane}{where}."
    if annotation.status == "orphaned":
        return f"**Orphaned:** the quoted words are no longer in the {pane}."
    return ""


# -------------------------------------------------------------------- a song


@dataclass
class Footnotes:
    """The notes of a blog document moved to footnotes (shared by the songs of one document)."""

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


class SongWriter:
    """Writes one song's Markdown: front matter, body, annotations; *opts* a `MarkdownOptions`."""

    def __init__(
        self,
        song: Song,
        articles: Sequence[Article],
        annotations: Sequence[Annotation],
        opts,
        footnotes,
        links: Sequence[QuoteLink] = (),
        study_view=None,
        translation=None,
    ):
        self.song = song
        self.translation = translation  # the song's Translation (its notes are grouped under its title)
        self.study_view = study_view  # the marks of the full lyrics (opts.study)
        self.opts = opts
        # What the song's date is made of: everything in it, the trash too (a deletion is a change).
        self.stamps = [song.updated, *(a.updated for a in articles), *(a.updated for a in annotations)]
        self.articles = {a.id: a for a in articles if not a.deleted}
        self.links = [link for link in links if link.article_id in self.articles]
        self.annotations = [
            a
            for a in annotations
            if not a.deleted
            and a.fragments
            and (a.target in ("lyrics", "translation") or a.article_id in self.articles)
        ]
        self.sections = labels.sections(song.lyrics)
        # The links indexed once for the song, not gone through again for each annotation.
        titles = {i: a.title for i, a in self.articles.items()}
        self.mentions = Mentions(self.links, titles, self.sections)
        self.footnotes = footnotes  # shared by the songs of one document; None: notes stay in place

    def esc(self, text: str) -> str:
        return escape_text(" ".join(text.split()), obsidian=self.opts.obsidian)

    def pane(self, annotation: Annotation) -> str:
        return annotation.target  # "lyrics", "translation" or "article"

    def pane_title(self, annotation: Annotation) -> str:
        if annotation.target == "lyrics":
            # One "Lyrics" heading: with the full lyrics, that is theirs.
            return "Notes on the lyrics" if self.opts.full_lyrics or self.opts.study else "Lyrics"
        if annotation.target == "translation":
            return self.translation.title if self.translation else "Translation"
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
        if self.opts.obsidian:
            fields["lyricpad_url"] = app_link(song.id)  # opens the song in lyricpad
        return front_matter(fields)

    def byline(self) -> list[str]:
        song = self.song
        parts = [p for p in (song.artist, song.album, str(song.year or "")) if p]
        return [f"*{self.esc(' · '.join(parts))}*", ""] if parts else []

    def body(self, level: int) -> list[str]:
        """The song's heading, byline, lyrics (when asked) and annotations; headings from *level*."""
        h = "#" * level
        out = [f"{h} {self.esc(self.song.title)}", "", *self.byline()]
        if self.opts.full_lyrics or self.opts.study:
            out += [f"{h}# Lyrics", "", *self.full_lyrics(f"{h}##"), ""]
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
                # The lyrics, then the translation (its lines are theirs), then each article.
                first = 1 if annotation.target == "translation" else 0
                key = (0, first, "") if article is None else (1, article.position, article.id)
                title = self.pane_title(annotation)
            groups.setdefault(key, (title, []))[1].append(annotation)
        return [groups[key] for key in sorted(groups)]

    def full_lyrics(self, heading: str = "###") -> list[str]:
        """Every line, stanzas as paragraphs, highlighted lines marked, chord lines' spacing kept;
        with the study marks, each section under a *heading* ("###") naming it."""
        marked: set[int] = set()
        for annotation in self.annotations:
            if annotation.target == "lyrics" and annotation.status == "anchored":
                for f in annotation.fragments:
                    marked.update(range(f.line_start, f.line_end + 1))
        mark = "==" if self.opts.obsidian else "**"
        if self.study_view is not None:
            opts = self.opts
            return markdown_lyrics(
                self.study_view,
                heading,
                obsidian=opts.obsidian,
                hard_break=opts.hard_break,
                marked=marked,
                mark=mark,
            )
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
        """Where an annotation is, for readers: 'chorus, line 12 (0:12.40)', 'in the article “Title”';
        with ', at 1:23' when its note is about a moment of the song."""
        if annotation.target == "lyrics":
            where = lyric_place(self.song, self.sections, annotation)
        elif annotation.target == "translation":  # line i of the translation is lyric line i's
            where = f"{lyric_place(self.song, self.sections, annotation)}, in the translation"
        else:
            title = self.articles[annotation.article_id].title
            where = f"in the article “{title}”" if title else "in an untitled article"
        return where if annotation.time_ms is None else f"{where}, at {clock_text(annotation.time_ms)}"

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
            back = OPEN_IN_APP.format(url=app_link(self.song.id, annotation.id))
            out = [f"> [!quote] {self.esc(title)} {back}"]
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


def song_writer(library, song_id: str, opts: MarkdownOptions, footnotes: Footnotes | None) -> SongWriter:
    """The writer of song *song_id* with its articles, notes (the trash too: dates), links, study view and translation."""
    song = library.songs.get(song_id)
    articles = library.articles.for_song(song_id, include_deleted=True)
    annotations = library.annotations.for_song(song_id, include_deleted=True)
    view = song_study(library, song) if opts.study else None
    links = library.links.for_song(song_id)
    translation = library.translations.get(song_id)
    return SongWriter(song, articles, annotations, opts, footnotes, links, view, translation)
