"""The commands that read songs: songs, show and lenses."""

from __future__ import annotations

from lyricpad.cli.output import print_annotations, print_json, print_numbered, say
from lyricpad.core.markdown import rendered_text
from lyricpad.core.models import Song
from lyricpad.core.store import Library


def cmd_songs(library: Library, args) -> int:
    # The listing, not the songs: their lyrics are counted in SQL, never read into Python.
    songs = library.songs.listing(line_counts=bool(args.json))
    if args.json:
        print_json([s.to_json() for s in songs])
        return 0
    if not songs:
        say("The library has no songs.")
    for song in songs:
        extra = ", ".join(str(x) for x in (song.album, song.year) if x)
        say(f"{song.id[:8]}  {song.display_name}" + (f"  ({extra})" if extra else ""))
    return 0


def _song_json(library: Library, song: Song) -> dict:
    data = song.to_json(lyrics=True)
    data["articles"] = [a.to_json() for a in library.articles.for_song(song.id)]
    translation = library.translations.get(song.id)
    data["translation"] = translation.to_json() if translation else None
    data["annotations"] = [a.to_json() for a in library.annotations.for_song(song.id)]
    return data


def cmd_show(library: Library, args) -> int:
    song = library.songs.resolve(args.song_ref)
    if args.json:
        print_json(_song_json(library, song))
        return 0
    say(song.display_name)
    details = [("Album", song.album), ("Year", song.year), ("Language", song.language), ("Id", song.id)]
    for label, value in details:
        if value:
            say(f"  {label}: {value}")
    say()
    print_numbered(song.lyrics)
    translation = library.translations.get(song.id)
    if translation is not None:
        say(f"\n== {translation.title}")
        say()
        print_numbered(translation.text)
    for article in library.articles.for_song(song.id):
        say(f"\n== Article: {article.title or '(untitled)'} ({article.id[:8]})")
        if article.author:
            say(f"   by {article.author}")
        say()
        print_numbered(rendered_text(article.body).rstrip("\n"))
    annotations = library.annotations.for_song(song.id)
    if annotations:
        say(f"\n== Annotations ({len(annotations)})")
        print_annotations(library, annotations)
    return 0


def cmd_lenses(library: Library, args) -> int:
    lenses = library.lenses.all()
    if args.json:
        print_json([lens.to_json() for lens in lenses])
    else:
        for number, lens in enumerate(lenses, 1):
            say(f"{number}  {lens.colour}  {lens.name}")
    return 0
