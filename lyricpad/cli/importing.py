"""The import command: lyrics as new songs, articles into a song, or a JSON export merged."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lyricpad.cli.edits import lyrics_fields
from lyricpad.cli.output import print_json, say
from lyricpad.core.duplicates import already_there, find_duplicate
from lyricpad.core.errors import ImportRefused, InvalidValue
from lyricpad.core.store import Library

if TYPE_CHECKING:
    from lyricpad.core.importers import ImportedText


def cmd_import(library: Library, args) -> int:
    merging = [p for p in args.paths if p.lower().endswith((".json", ".jsonld"))]
    if merging:
        if len(merging) != len(args.paths):
            raise InvalidValue(
                "JSON exports are merged on their own: import them apart from lyrics and articles"
            )
        if (
            args.kind
            or args.song_ref
            or args.title
            or args.artist
            or args.clean
            or args.encoding
            or args.again
        ):
            raise InvalidValue(
                "a JSON export is merged as it is: --as, --song, --title, --artist, --clean, --encoding and --again do not apply"
            )
        return _merge_files(library, args)
    if (args.title or args.artist) and len(args.paths) > 1:
        raise InvalidValue("--title and --artist name one import; give one file with them")
    song = library.songs.resolve(args.song_ref) if args.song_ref else None
    imports = _read_imports(args)
    if song is None and any(i.kind == "article" for i in imports):
        raise InvalidValue("an article belongs to a song: say which with --song SONG")
    results = []
    with library.write():  # all files or none
        for path, imported in zip(args.paths, imports, strict=True):
            removed = imported.furniture if args.clean and imported.kind == "article" else []
            if removed:
                imported = imported.without_furniture(removed)
            stem = imported.source.rsplit(".", 1)[0] if imported.source else "Untitled"
            if imported.kind == "lyrics":
                title = args.title or imported.title or stem
                existing = None if args.again else find_duplicate(library.songs.all(), title, imported.text)
                if existing is not None:  # raised inside the write: nothing of this import is kept
                    raise ImportRefused(
                        f"the library already has {already_there(existing)} ({existing.id[:8]}) with the "
                        f"same lyrics as “{path}”: nothing was imported (add --again to import it as a second song)"
                    )
                made = library.songs.add(
                    title,
                    artist=args.artist if args.artist is not None else imported.artist,
                    album=imported.album,
                    source_file=imported.source,
                    **lyrics_fields(imported),
                )
                result = {"kind": "lyrics", "id": made.id, "song_id": made.id, "title": made.title}
            else:
                made = library.articles.add(
                    song.id,
                    args.title or imported.title or stem,
                    imported.article_body,
                    author=args.artist if args.artist is not None else imported.author,
                    source=imported.article_source,
                    published=imported.date,
                )
                result = {"kind": "article", "id": made.id, "song_id": song.id, "title": made.title}
            result.update(
                file=path,
                encoding=imported.encoding,
                format=imported.format,
                lines=imported.line_count,
                furniture_removed=[item.to_json() for item in removed],
                furniture_suggested=[] if args.clean else [item.to_json() for item in imported.furniture],
            )
            results.append(result)
    if args.json:
        print_json(results)
        return 0
    for result in results:
        what = "a song" if result["kind"] == "lyrics" else f"an article of {song.display_name}"
        say(
            f"Imported {result['file']} as {what}: “{result['title']}” ({result['id'][:8]}), "
            f"{result['lines']} line{'' if result['lines'] == 1 else 's'}, {result['format']}, {result['encoding']}"
        )
        for item in result["furniture_removed"]:
            say(f"  removed line {item['line']} ({item['reason']}): {item['text']}")
        if result["furniture_suggested"]:
            say(
                f"  {len(result['furniture_suggested'])} line(s) look like page furniture; --clean removes them:"
            )
            for item in result["furniture_suggested"]:
                say(f"    line {item['line']} ({item['reason']}): {item['text']}")
    return 0


def _read_imports(args) -> list[ImportedText]:
    """Every file read and checked before anything is written: one bad file imports nothing."""
    from lyricpad.core.importers import read_import

    found = []
    for path in args.paths:
        imported = read_import(path, kind=args.kind, encoding=args.encoding)
        if imported.kind is None:
            raise ImportRefused(
                f"“{imported.source}” could be lyrics or an article: say which with --as lyrics or --as article."
            )
        found.append(imported)
    return found


def _merge_files(library: Library, args) -> int:
    from lyricpad.core.merge import merge_file

    reports = []
    with library.write():  # every file or none
        for path in args.paths:
            reports.append((path, merge_file(library, path)))
    if args.json:
        print_json(
            [
                {
                    "file": path,
                    "added": r.added,
                    "updated": r.updated,
                    "unchanged": r.unchanged,
                    "by_kind": r.by_kind,
                    "warnings": r.warnings,
                }
                for path, r in reports
            ]
        )
        return 0
    for path, report in reports:
        say(f"Merged {path}: {report}")
        for warning in report.warnings:
            say(f"  note: {warning}")
    return 0
