"""An article published as a post: its Markdown as the author wrote it, the author's notes as footnotes or asides.

Layout (blog profile, notes="footnotes")::

    ---                                   YAML front matter, every value quoted
    title: "Lanterns on the Water: a close reading"
    artist: "The Hollow Pines"
    song: "Lanterns on the Water"
    tags: ["discussion", "structure"]     the tags of the article's annotations
    date: "2024-05-01T12:00:00+00:00"     the article's last change: the same post every time
    lyricpad_id: "..."                    the article's id
    ---

    The article's Markdown, unchanged but for:
    - a footnote reference after each annotated passage that has a note ("... next line[^lp1],");
    - a quiet caption after a block quote linked to the lyric lines it quotes
      ("*— bridge, lines 29–30*"), or an old "— line 29" caption made readable;
    - notes="inline": an aside after the block holding the passage ("*Note:* ...");
      the obsidian profile: a "> [!note]" callout there instead, then its block id "^lp-ID"
      (with notes="footnotes" the obsidian profile writes footnotes too: Obsidian shows them);
      each Obsidian callout's title, or footnote's last paragraph, ends in a link back to the
      annotation in lyricpad ("[↗](lyricpad://song/…#annotation-…)"), and the front matter
      has the song's (lyricpad_url).

    [^lp1]: The note, re-written safely by commonmark.render_note.

The blog profile writes no HTML comment unless ids=True (then "<!-- lyricpad:annotation ID -->"
before each footnote or aside). fmt="html" renders the blog Markdown to one sanitised HTML
fragment, or a page with page=True (see post_html).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lyricpad.core.app_links import app_link
from lyricpad.core.errors import InvalidValue
from lyricpad.core.export import labels
from lyricpad.core.export.commonmark import NOTE_BLOCK_START, escape_text, footnote_definition, render_note

# The digest export's front-matter date (seconds, with the offset): both write the same form.
from lyricpad.core.export.markdown import (
    BLOCK_ID,
    ID_COMMENT,
    PROFILES,
    front_matter,
    front_matter_date,
    obsidian_tag,
)
from lyricpad.core.export.markdown_song import OPEN_IN_APP
from lyricpad.core.export.post_source import (
    BLOCK_ORDER,
    ArticleSource,
    Insertion,
    apply,
    keeps_structure,
    source_of,
)
from lyricpad.core.models import Annotation, Article, Song

POST_PROFILES = PROFILES  # the digest's profiles: a post is for the same blogs and vaults
NOTE_MODES = ("footnotes", "inline", "none")
POST_FORMATS = ("markdown", "html")

# An old caption under a quotation: "— line 12", "-- lines 29-30", "*— line 4*" (in a quote or not).
_OLD_CAPTION = re.compile(r"^((?:\s*>)*\s*)([*_]?)(?:—|–|--?)\s*lines?\s+\d+(?:\s*[-–]\s*\d+)?\.?\2\s*$")


@dataclass(frozen=True)
class Note:
    """One note of the post: the annotation, its label ("lp1"), and its note as Markdown lines."""

    annotation: Annotation
    label: str
    lines: tuple[str, ...]
    start: int
    end: int


@dataclass(frozen=True)
class Post:
    """A post in pieces: front matter, body (references in it), footnotes; post_html renders it too."""

    article: Article
    song: Song
    front: tuple[str, ...]
    body: str
    footnotes: tuple[Note, ...]  # the notes whose references are in the body


def _check_options(profile: str, notes: str, fmt: str) -> None:
    for value, allowed, what in (
        (profile, POST_PROFILES, "post profile"),
        (notes, NOTE_MODES, "notes mode"),
        (fmt, POST_FORMATS, "post format"),
    ):
        if value not in allowed:
            raise InvalidValue(f"unknown {what} {value!r}; choose one of {', '.join(allowed)}")
    if fmt == "html" and profile != "blog":
        raise InvalidValue("HTML is made from the blog profile; the obsidian profile is Markdown for a vault")


def render_post(
    library,
    article_id: str,
    *,
    profile: str = "blog",
    notes: str | None = None,
    fmt: str = "markdown",
    ids: bool = False,
    page: bool = False,
    show_lens: bool = False,
) -> str:
    """The article *article_id* as a post: Markdown (blog or Obsidian) or sanitised HTML.

    *notes*: "footnotes" (blog: a reference after each annotated passage, the notes at the end),
    "inline" (an aside after the block holding the passage) or "none"; by default footnotes for a
    blog and callouts for Obsidian. The obsidian profile writes inline notes as callouts with
    their block ids, and footnotes as Obsidian reads them.
    *ids* adds the annotation ids as HTML comments (blog); *page* makes a whole HTML page;
    *show_lens* names each note's lens. Same library state, same bytes.
    """
    notes = notes or default_notes(profile)
    _check_options(profile, notes, fmt)
    post = build_post(library, article_id, profile=profile, notes=notes, ids=ids, show_lens=show_lens)
    if fmt == "html":
        from lyricpad.core.export.post_html import post_html

        return post_html(post, ids=ids, page=page)
    return markdown_text(post, ids=ids)


def default_notes(profile: str) -> str:
    """How notes are written unless asked otherwise: footnotes on a blog, callouts in Obsidian."""
    return "inline" if profile == "obsidian" else "footnotes"


def markdown_text(post: Post, *, ids: bool = False) -> str:
    """The post as one Markdown document."""
    parts = ["\n".join(post.front), "", post.body.rstrip("\n")]
    if post.footnotes:
        parts += ["", *footnote_lines(post.footnotes, ids=ids)]
    return "\n".join(parts).rstrip("\n") + "\n"


def footnote_lines(footnotes: tuple[Note, ...], *, ids: bool = False) -> list[str]:
    """The footnote definitions, one block each ("[^lp1]: ...", following lines indented)."""
    out: list[str] = []
    for note in footnotes:
        if out:
            out.append("")
        if ids:
            out.append(ID_COMMENT.format(id=note.annotation.id))
        out.extend(footnote_definition(f"^{note.label}", note.lines))
    return out


# ------------------------------------------------------------------ building


def build_post(
    library, article_id: str, *, profile="blog", notes="footnotes", ids=False, show_lens=False
) -> Post:
    """The post of *article_id* in pieces (see `render_post` for the options)."""
    _check_options(profile, notes, "markdown")
    article = library.articles.get(article_id)
    if article.deleted:
        title = f"“{article.title}”" if article.title else article.id
        raise InvalidValue(f"the article {title} is in the trash: restore it before publishing it")
    song = library.songs.get(article.song_id)
    annotations = [
        a
        for a in library.annotations.for_song(song.id)
        if a.target == "article" and a.article_id == article.id and not a.deleted and a.fragments
    ]
    links = library.links.for_song(song.id, article.id)
    return _PostWriter(article, song, annotations, links, profile, notes, ids, show_lens).post()


class _PostWriter:
    def __init__(self, article, song, annotations, links, profile, notes, ids, show_lens) -> None:
        self.article, self.song = article, song
        self.obsidian = profile == "obsidian"
        self.mode = notes
        self.ids, self.show_lens = ids, show_lens
        self.annotations = annotations
        self.links = [link for link in links if link.status == "anchored"]
        self.src = ArticleSource(source_of(article.body))
        self.prefix = _label_prefix(self.src.source)
        self.after: dict[int, list[list[str]]] = {}  # end line of a top-level block -> blocks after it
        self.replaced: list[Insertion] = []  # old captions made readable

    def esc(self, text: str) -> str:
        return escape_text(" ".join(text.split()), obsidian=self.obsidian)

    # ----------------------------------------------------------- front matter

    def front(self) -> list[str]:
        names = sorted({t for a in self.annotations for t in a.tags}, key=lambda t: (t.casefold(), t))
        tags = list(dict.fromkeys(obsidian_tag(t) for t in names)) if self.obsidian else names
        fields = {
            "title": self.article.title or self.song.title,
            "artist": self.song.artist,
            "song": self.song.title,
            "tags": tags,
            "date": front_matter_date(self.article.updated),
            "lyricpad_id": self.article.id,
        }
        if self.obsidian:
            fields["lyricpad_url"] = app_link(self.song.id)  # opens the song in lyricpad
        return front_matter(fields)

    def open_in_app(self, annotation: Annotation) -> str:
        """The Obsidian profile's link back to *annotation* in lyricpad."""
        return OPEN_IN_APP.format(url=app_link(self.song.id, annotation.id))

    # ----------------------------------------------------------- the post

    def notes(self) -> list[Note]:
        text_length = len(self.src.rendered.text)
        found = []
        for annotation in self.annotations:
            if annotation.status != "anchored" or not annotation.note.strip():
                continue
            start = min(f.start for f in annotation.fragments)
            end = max(f.end for f in annotation.fragments)
            if not 0 <= start < end <= text_length:
                continue
            lines = tuple(render_note(annotation.note, obsidian=self.obsidian))
            if lines and self.show_lens and annotation.lens and self.mode == "footnotes":
                label = f"*{self.esc(annotation.lens.name)}:*"  # (asides and callouts name it themselves)
                lines = (
                    (label, "", *lines)
                    if NOTE_BLOCK_START.match(lines[0])
                    else (f"{label} {lines[0]}", *lines[1:])
                )
            if lines and self.obsidian and self.mode == "footnotes":  # (a callout has it in its title)
                lines = (*lines, "", self.open_in_app(annotation))
            if lines:
                found.append((end, start, annotation.id, annotation, lines))
        found.sort(key=lambda item: item[:3])
        return [
            Note(annotation, f"{self.prefix}{n}", lines, start, end)
            for n, (end, start, _, annotation, lines) in enumerate(found, 1)
        ]

    def post(self) -> Post:
        notes = self.notes() if self.mode != "none" else []
        self.captions()
        insertions: list[Insertion] = list(self.src.edits)
        footnotes: tuple[Note, ...] = ()
        if notes and self.mode == "footnotes":
            insertions += self.references(notes)
            footnotes = tuple(notes)
        elif notes:
            for note in notes:
                self.add_after(note.end, self.aside(note))
        for line, blocks in self.after.items():
            insertions.append(self.block_insertion(line, blocks))
        for replacement in self.replaced:  # unless a reference went into that line
            if not any(replacement.at <= i.at <= replacement.at + replacement.replace for i in insertions):
                insertions.append(replacement)
        body = apply(self.src.source, insertions)
        return Post(self.article, self.song, tuple(self.front()), body, footnotes)

    def add_after(self, offset: int, block: list[str]) -> None:
        line = self.src.top_block_end(max(offset - 1, 0))
        self.after.setdefault(line, []).append(block)

    def block_insertion(self, line: int, blocks: list[list[str]]) -> Insertion:
        """Blocks written after the top-level block that ends before *line*, blank lines around them."""
        src = self.src
        lines = [text for block in blocks for text in ["", *block]]
        if line >= len(src.lines):
            return Insertion(len(src.source), "\n" + "\n".join(lines), BLOCK_ORDER)
        while line > 0 and not src.lines[line - 1].strip():
            # A list's blank lines at its end are part of it: the blocks go before them, not after.
            line -= 1
        tail = "\n" if src.lines[line].strip() else ""
        return Insertion(src.line_starts[line], "\n".join(lines[1:]).join(["\n", "\n" + tail]), BLOCK_ORDER)

    # ----------------------------------------------------------- footnotes

    def references(self, notes: list[Note]) -> list[Insertion]:
        """A verified place for each note's reference; a note without one gets a paragraph of its own.

        Every note's best place is checked at once (one rendering); when that fails, halving
        finds the notes whose best place breaks something, and only those try their next place.
        """
        options = {}
        for i, note in enumerate(notes):
            ref = f"[^{note.label}]"
            found = [
                (insertions, at, ref) for insertions, at in self.src.candidates(note.start, note.end, ref, i)
            ]
            if found:
                options[note.label] = found
            else:
                self.add_after(note.end, [ref])
        best = [found[0] for found in options.values()]
        bad = self._failing(best, [])
        chosen = [c for c in best if c not in bad]
        for first in bad:
            label = first[2][2:-1]
            for candidate in options[label][1:]:
                if self._verified([*chosen, candidate]):
                    chosen.append(candidate)
                    break
            else:
                self.add_after(next(n.end for n in notes if n.label == label), [first[2]])
        if not self._verified(chosen):  # places fine alone but not together: one at a time
            kept: list = []
            for candidate in chosen:
                if self._verified([*kept, candidate]):
                    kept.append(candidate)
                else:
                    self.add_after(
                        next(n.end for n in notes if f"[^{n.label}]" == candidate[2]), [candidate[2]]
                    )
            chosen = kept
        return [ins for group, _, _ in chosen for ins in group]

    def _failing(self, candidates: list, others: list) -> list:
        """The candidates that break the article (checked with *others*), found by halving."""
        if not candidates or self._verified([*others, *candidates]):
            return []
        if len(candidates) == 1:
            return candidates
        half = len(candidates) // 2
        return self._failing(candidates[:half], others) + self._failing(candidates[half:], others)

    def _verified(self, chosen) -> bool:
        source = apply(self.src.source, [*self.src.edits, *(ins for group, _, _ in chosen for ins in group)])
        return keeps_structure(self.src.rendered, source, [(at, ref) for _, at, ref in chosen])

    # ----------------------------------------------------------- asides and callouts

    def aside(self, note: Note) -> list[str]:
        annotation = note.annotation
        lines = list(note.lines)
        lens = annotation.lens.name if (self.show_lens and annotation.lens) else ""
        if self.obsidian:
            # The title ends in the link back to lyricpad (a title of its own replaces Obsidian's "Note").
            title = f"> [!note] {self.esc(lens) if lens else 'Note'} {self.open_in_app(annotation)}"
            callout = [title, *(f"> {line}" if line else ">" for line in lines)]
            return [*callout, "", BLOCK_ID.format(id=annotation.id)]
        label = f"*{self.esc(lens)}:*" if lens else "*Note:*"
        head = [ID_COMMENT.format(id=annotation.id)] if self.ids else []
        if NOTE_BLOCK_START.match(lines[0]):
            return [*head, label, "", *lines]
        return [*head, f"{label} {lines[0]}", *lines[1:]]

    # ----------------------------------------------------------- quotation captions

    def captions(self) -> None:
        """A readable caption after each top-level block quote linked to lyric lines."""
        src = self.src
        sections = labels.sections(self.song.lyrics)
        for first, end, kind in src.top_blocks:
            if kind != "blockquote_open":
                continue
            inside = [
                b
                for b, places in zip(src.rendered.blocks, src.places, strict=True)
                if places.top_end_line == end and b.quote_depth
            ]
            if not inside:
                continue
            start, stop = inside[0].start, inside[-1].end
            spans = [
                span for link in self.links if link.start < stop and link.end > start for span in link.places
            ]
            if not spans:
                continue
            caption = f"— {labels.places(sections, _merged(spans))}"
            if not self._replace_old_caption(first, end, caption):
                self.after.setdefault(end, []).insert(0, [f"*{self.esc(caption)}*"])

    def _replace_old_caption(self, first: int, end: int, caption: str) -> bool:
        """Make an author's "— line 29" caption (last in the quote or just after it) readable."""
        src = self.src
        candidates = [n for n in range(end - 1, first - 1, -1) if src.lines[n].strip(" >")][:1]
        after = next((n for n in range(end, len(src.lines)) if src.lines[n].strip()), None)
        if after is not None and (after + 1 >= len(src.lines) or not src.lines[after + 1].strip()):
            candidates.append(after)
        for n in candidates:
            match = _OLD_CAPTION.match(src.lines[n])
            if match:
                prefix, mark = match.group(1), match.group(2)
                text = f"{prefix}{mark}{self.esc(caption)}{mark}"
                self.replaced.append(Insertion(src.line_starts[n], text, BLOCK_ORDER + 1, len(src.lines[n])))
                return True
        return False


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Line ranges sorted, touching ones joined: (29, 29), (30, 30) -> (29, 30)."""
    merged: list[tuple[int, int]] = []
    for first, last in sorted(set(spans)):
        if merged and first <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(last, merged[-1][1]))
        else:
            merged.append((first, last))
    return merged


def _label_prefix(source: str) -> str:
    """A footnote label prefix no footnote of the author's uses."""
    prefix = "lp"
    while f"[^{prefix}" in source:
        prefix += "n"
    return prefix


__all__ = [
    "NOTE_MODES",
    "POST_FORMATS",
    "POST_PROFILES",
    "Post",
    "build_post",
    "markdown_text",
    "render_post",
]
