"""The commands that replace a text: edit-lyrics and edit-article (annotations follow their words)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lyricpad.cli.output import describe, print_json, say
from lyricpad.core.models import Song
from lyricpad.core.store import Library

if TYPE_CHECKING:
    from lyricpad.core.importers import ImportedText


def lyrics_fields(imported: ImportedText) -> dict:
    """The song fields an imported text of lyrics sets (LRC times and tags, or none)."""
    return {
        "lyrics": imported.text,
        "lyrics_format": imported.lyrics_format,
        "line_times": imported.line_times,
        "lrc_tags": imported.lrc_tags or None,
        "word_times": imported.word_times,
    }


def cmd_edit_lyrics(library: Library, args) -> int:
    from lyricpad.core.importers import read_import

    song = library.songs.resolve(args.song_ref)
    imported = read_import(args.file, kind="lyrics", encoding=args.encoding)
    song = library.songs.update(song.id, **lyrics_fields(imported))
    return _report_edit(library, args, song, None, f"the lyrics of {song.display_name}")


def cmd_edit_article(library: Library, args) -> int:
    from lyricpad.core.importers import import_format, read_import, read_text_file

    article = library.articles.resolve(args.article_ref)
    if import_format(args.file) == "html":
        text = read_import(args.file, kind="article", encoding=args.encoding).text
    else:  # the file's whole text, as written: a heading on top stays in the article
        text, _encoding = read_text_file(args.file, args.encoding)
    article = library.articles.update(article.id, body=text)
    song = library.songs.get(article.song_id)
    title = article.title or "(untitled)"
    return _report_edit(library, args, song, article.id, f"the article “{title}” of {song.display_name}")


def _report_edit(library: Library, args, song: Song, article_id: str | None, place: str) -> int:
    counts = library.annotations.status_counts(song.id, "article" if article_id else "lyrics", article_id)
    if args.json:
        print_json(counts)
        return 0
    say(
        f"Replaced {place}. Annotations: {counts['anchored']} anchored, "
        f"{counts['needs_review']} need review, {counts['orphaned']} orphaned."
    )
    unsure = [
        a
        for a in library.annotations.for_song(song.id)
        if a.status != "anchored" and a.article_id == article_id
    ]
    for annotation in unsure:
        say(describe(annotation))
    if unsure:
        say("(accept a proposed place with 'lyricpad accept ANNOTATION', or move it in the window)")
    return 0
