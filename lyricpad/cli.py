"""The command-line commands: each reads or changes the library through core and prints text or JSON."""

from __future__ import annotations

import argparse
import json
import os
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from lyricpad.core.anchoring import anchor_for_lines, anchors_for_quote, find_occurrences
from lyricpad.core.errors import (
    ForeignDatabase,
    ImportRefused,
    InvalidAnchor,
    InvalidValue,
    NotALibrary,
    SearchIndexDamaged,
)
from lyricpad.core.markdown import rendered_text
from lyricpad.core.models import Annotation, Song
from lyricpad.core.paths import library_path
from lyricpad.core.store import Library

if TYPE_CHECKING:
    from lyricpad.core.importers import ImportedText


def run(args: argparse.Namespace) -> int:
    """Open the library named by the arguments and run the chosen command on it."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(encoding="utf-8")  # JSON and lyrics are UTF-8 whatever the locale
    try:
        library = Library.open(library_path(args.library))
    except NotALibrary as exc:
        if args.command != "check" or isinstance(exc, ForeignDatabase):
            raise
        from lyricpad.core.check import ADVICE_PAGES

        if getattr(args, "json", False):
            _print_json(
                {
                    "library": str(library_path(args.library)),
                    "ok": False,
                    "damaged": str(exc),
                    "advice": ADVICE_PAGES,
                }
            )
        else:
            print(f"{exc}.\n\n{textwrap.fill(ADVICE_PAGES, 100)}")  # the check's report: damaged
        return 1
    with library:
        if library.read_only and args.command in _READING:
            print(f"lyricpad: note: {library.read_only}", file=sys.stderr)
        try:
            status = _COMMANDS[args.command](library, args)
        except SearchIndexDamaged as exc:
            if library.read_only:  # never written, not even a backup: say what is wrong
                raise
            # Every command writes in one transaction, so nothing was written: mend, then run it again.
            _repair_search_index(library, exc)
            status = _COMMANDS[args.command](library, args)
    sys.stdout.flush()  # a write error (a full disk) surfaces here, as a readable error
    return status


def _repair_search_index(library: Library, exc: SearchIndexDamaged) -> None:
    from lyricpad.core.repair import mend_search_index

    backup = mend_search_index(library, exc.tables)
    print(
        "lyricpad: note: the library's search index was damaged; it was rebuilt from your songs, "
        f"articles and notes (the library as it was is in {backup})",
        file=sys.stderr,
    )


def _print_json(data) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _lines_label(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}-{last}"


def _where(annotation: Annotation) -> str:
    """'line 3', 'lines 3-4', or for several fragments 'lines 8, 22, 35-36'."""
    frags = annotation.fragments
    if len(frags) == 1:
        return _lines_label(frags[0].line_start, frags[0].line_end)
    spans = [
        f"{f.line_start}" if f.line_start == f.line_end else f"{f.line_start}-{f.line_end}" for f in frags
    ]
    return "lines " + ", ".join(spans)


def _describe(annotation: Annotation, width: int = 72) -> str:
    frag = annotation.first
    where = _where(annotation)
    lens = annotation.lens.name if annotation.lens else "no lens"
    status = "" if annotation.status == "anchored" else f" [{annotation.status.replace('_', ' ')}]"
    if annotation.status == "needs_review" and annotation.proposal:
        p = annotation.proposal
        status += f" (proposed: {_lines_label(p.line_start, p.line_end)})"
    trash = " [in trash]" if annotation.deleted else ""
    quote = " / ".join(frag.quote.split("\n"))
    lines = [
        f"{where}  {lens}{status}{trash}  ({annotation.id[:8]})",
        f"  “{textwrap.shorten(quote, width)}”",
    ]
    if annotation.note:
        first_line = annotation.note.strip().splitlines()[0]
        lines.append(f"  {textwrap.shorten(first_line, width)}")
    if annotation.tags:
        lines.append("  " + " ".join(f"#{t}" for t in annotation.tags))
    return "\n".join(lines)


def cmd_songs(library: Library, args) -> int:
    songs = library.songs()
    if args.json:
        _print_json([s.to_json() for s in songs])
        return 0
    if not songs:
        print("The library has no songs.")
    for song in songs:
        extra = ", ".join(str(x) for x in (song.album, song.year) if x)
        print(f"{song.id[:8]}  {song.display_name}" + (f"  ({extra})" if extra else ""))
    return 0


def _song_json(library: Library, song: Song) -> dict:
    data = song.to_json(lyrics=True)
    data["articles"] = [a.to_json() for a in library.articles(song.id)]
    data["annotations"] = [a.to_json() for a in library.annotations(song.id)]
    return data


def cmd_show(library: Library, args) -> int:
    song = library.resolve_song(args.song_ref)
    if args.json:
        _print_json(_song_json(library, song))
        return 0
    print(song.display_name)
    details = [("Album", song.album), ("Year", song.year), ("Language", song.language), ("Id", song.id)]
    for label, value in details:
        if value:
            print(f"  {label}: {value}")
    print()
    _print_numbered(song.lyrics)
    for article in library.articles(song.id):
        print(f"\n== Article: {article.title or '(untitled)'} ({article.id[:8]})")
        if article.author:
            print(f"   by {article.author}")
        print()
        _print_numbered(rendered_text(article.body).rstrip("\n"))
    annotations = library.annotations(song.id)
    if annotations:
        print(f"\n== Annotations ({len(annotations)})")
        _print_annotations(library, annotations)
    return 0


def _print_numbered(text: str) -> None:
    """Text with the line numbers --lines counts by."""
    lines = text.split("\n") if text else []
    width = len(str(len(lines)))
    for number, line in enumerate(lines, 1):
        print(f"{number:>{width}}  {line}".rstrip())


def cmd_annotate(library: Library, args) -> int:
    song = library.resolve_song(args.song_ref)
    article = library.resolve_article(args.article, song.id) if args.article else None
    text = library.target_text(song.id, "article", article.id) if article else song.lyrics
    place = f"the article “{article.title}”" if article else f"the lyrics of {song.display_name}"
    try:
        if args.lines:
            fragments = [anchor_for_lines(text, *args.lines)]
        else:
            occurrence = None if args.occurrence == "all" else (args.occurrence or 1)
            fragments = anchors_for_quote(text, args.quote, occurrence)
    except InvalidAnchor as exc:
        raise InvalidAnchor(f"in {place}: {exc}") from None
    if args.lens is not None:
        lens_id = library.resolve_lens(args.lens).id
    else:
        lenses = library.lenses()
        lens_id = lenses[0].id if lenses else None
    annotation = library.add_annotation(
        song.id,
        fragments,
        target="article" if article else "lyrics",
        article_id=article.id if article else None,
        lens_id=lens_id,
        note=args.note,
        tags=args.tag,
    )
    if args.json:
        _print_json(annotation.to_json())
    else:
        print(f"Annotated {place}:")
        print(_describe(annotation))
        if args.quote and args.occurrence is None:
            count = len(find_occurrences(text, fragments[0].quote))
            if count > 1:
                print(
                    f"(occurrence 1 of {count}; --occurrence N picks another, --occurrence all takes every one)"
                )
    return 0


def _set_deleted(library: Library, args, deleted: bool) -> int:
    annotation = library.resolve_annotation(args.annotation_ref)
    already = annotation.deleted == deleted
    if not already:
        annotation = library.set_deleted(annotation.id, deleted)
    if args.json:
        _print_json(annotation.to_json())
    else:
        song = library.song(annotation.song_id)
        if already:
            state = "in the trash already" if deleted else "not in the trash: nothing to restore"
            print(f"This annotation of {song.display_name} is {state}:")
        else:
            print(f"{'Moved to the trash' if deleted else 'Restored'} in {song.display_name}:")
        print(_describe(annotation))
    return 0


def cmd_delete(library: Library, args) -> int:
    return _set_deleted(library, args, True)


def cmd_restore(library: Library, args) -> int:
    ref = Path(args.annotation_ref)
    if ref.exists() or ref.is_symlink():  # `lyricpad restore BACKUP` (a pipe or a folder is refused there)
        args.backup = args.annotation_ref
        return cmd_restore_backup(library, args)
    return _set_deleted(library, args, False)


def _print_annotations(library: Library, annotations: list[Annotation]) -> None:
    heading = None
    titles = {}
    for annotation in annotations:
        if annotation.target == "lyrics":
            current = "Lyrics"
        else:
            if annotation.article_id not in titles:
                titles[annotation.article_id] = library.article(annotation.article_id).title or "(untitled)"
            current = f"Article: {titles[annotation.article_id]}"
        if current != heading:
            heading = current
            print(f"\n{heading}")
        print(_describe(annotation))


def cmd_annotations(library: Library, args) -> int:
    song = library.resolve_song(args.song_ref)
    annotations = library.annotations(song.id, include_deleted=args.trash)
    if args.json:
        _print_json([a.to_json() for a in annotations])
        return 0
    if not annotations:
        print(f"{song.display_name} has no annotations.")
        return 0
    print(f"{song.display_name}: {len(annotations)} annotation(s)")
    _print_annotations(library, annotations)
    return 0


def cmd_lenses(library: Library, args) -> int:
    lenses = library.lenses()
    if args.json:
        _print_json([lens.to_json() for lens in lenses])
    else:
        for number, lens in enumerate(lenses, 1):
            print(f"{number}  {lens.colour}  {lens.name}")
    return 0


def cmd_search(library: Library, args) -> int:
    hits = library.search(" ".join(args.query))
    if args.json:
        _print_json(hits)
        return 0
    if not hits:
        print("Nothing found.")
    titles: dict[str, str] = {}
    for hit in hits:
        if hit["song_id"] not in titles:
            titles[hit["song_id"]] = library.song(hit["song_id"]).display_name
        snippet = " / ".join(hit["snippet"].split("\n"))
        print(f"{hit['kind']:<8} {hit['id'][:8]}  {titles[hit['song_id']]}: {snippet}")
    return 0


def _report_edit(library: Library, args, song: Song, article_id: str | None, place: str) -> int:
    counts = library.status_counts(song.id, "article" if article_id else "lyrics", article_id)
    if args.json:
        _print_json(counts)
        return 0
    print(
        f"Replaced {place}. Annotations: {counts['anchored']} anchored, "
        f"{counts['needs_review']} need review, {counts['orphaned']} orphaned."
    )
    unsure = [
        a for a in library.annotations(song.id) if a.status != "anchored" and a.article_id == article_id
    ]
    for annotation in unsure:
        print(_describe(annotation))
    if unsure:
        print("(accept a proposed place with 'lyricpad accept ANNOTATION', or move it in the window)")
    return 0


def _lyrics_fields(imported: ImportedText) -> dict:
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

    song = library.resolve_song(args.song_ref)
    imported = read_import(args.file, kind="lyrics", encoding=args.encoding)
    song = library.update_song(song.id, **_lyrics_fields(imported))
    return _report_edit(library, args, song, None, f"the lyrics of {song.display_name}")


def cmd_edit_article(library: Library, args) -> int:
    from lyricpad.core.importers import import_format, read_import, read_text_file

    article = library.resolve_article(args.article_ref)
    if import_format(args.file) == "html":
        text = read_import(args.file, kind="article", encoding=args.encoding).text
    else:  # the file's whole text, as written: a heading on top stays in the article
        text, _encoding = read_text_file(args.file, args.encoding)
    article = library.update_article(article.id, body=text)
    song = library.song(article.song_id)
    title = article.title or "(untitled)"
    return _report_edit(library, args, song, article.id, f"the article “{title}” of {song.display_name}")


def cmd_accept(library: Library, args) -> int:
    annotation = library.accept_proposal(library.resolve_annotation(args.annotation_ref).id)
    if args.json:
        _print_json(annotation.to_json())
    else:
        print("Anchored at the proposed place:")
        print(_describe(annotation))
    return 0


def _read_imports(args) -> list[ImportedText]:
    from lyricpad.core.importers import read_import

    """Every file read and checked before anything is written: one bad file imports nothing."""
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
        _print_json(
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
        print(f"Merged {path}: {report}")
        for warning in report.warnings:
            print(f"  note: {warning}")
    return 0


def cmd_import(library: Library, args) -> int:
    merging = [p for p in args.paths if p.lower().endswith((".json", ".jsonld"))]
    if merging:
        if len(merging) != len(args.paths):
            raise InvalidValue(
                "JSON exports are merged on their own: import them apart from lyrics and articles"
            )
        if args.kind or args.song_ref or args.title or args.artist or args.clean or args.encoding:
            raise InvalidValue(
                "a JSON export is merged as it is: --as, --song, --title, --artist, --clean and --encoding do not apply"
            )
        return _merge_files(library, args)
    if (args.title or args.artist) and len(args.paths) > 1:
        raise InvalidValue("--title and --artist name one import; give one file with them")
    song = library.resolve_song(args.song_ref) if args.song_ref else None
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
                made = library.add_song(
                    args.title or imported.title or stem,
                    artist=args.artist if args.artist is not None else imported.artist,
                    album=imported.album,
                    source_file=imported.source,
                    **_lyrics_fields(imported),
                )
                result = {"kind": "lyrics", "id": made.id, "song_id": made.id, "title": made.title}
            else:
                made = library.add_article(
                    song.id,
                    args.title or imported.title or stem,
                    imported.text,
                    author=args.artist if args.artist is not None else imported.author,
                    source=imported.source,
                    published=imported.date,
                )
                result = {"kind": "article", "id": made.id, "song_id": song.id, "title": made.title}
            result.update(
                file=path,
                encoding=imported.encoding,
                format=imported.format,
                lines=imported.text.count("\n") + 1 if imported.text else 0,
                furniture_removed=[item.to_json() for item in removed],
                furniture_suggested=[] if args.clean else [item.to_json() for item in imported.furniture],
            )
            results.append(result)
    if args.json:
        _print_json(results)
        return 0
    for result in results:
        what = "a song" if result["kind"] == "lyrics" else f"an article of {song.display_name}"
        print(
            f"Imported {result['file']} as {what}: “{result['title']}” ({result['id'][:8]}), "
            f"{result['lines']} lines, {result['format']}, {result['encoding']}"
        )
        for item in result["furniture_removed"]:
            print(f"  removed line {item['line']} ({item['reason']}): {item['text']}")
        if result["furniture_suggested"]:
            print(
                f"  {len(result['furniture_suggested'])} line(s) look like page furniture; --clean removes them:"
            )
            for item in result["furniture_suggested"]:
                print(f"    line {item['line']} ({item['reason']}): {item['text']}")
    return 0


def cmd_backup(library: Library, args) -> int:
    from lyricpad.core.backup import make_backup

    output = Path(args.output).expanduser() if args.output else None
    if output is not None and args.output.endswith(("/", os.sep)):
        try:
            output.mkdir(parents=True, exist_ok=True)  # "-o folder/": a folder, as for export
        except OSError as exc:
            raise InvalidValue(f"cannot create the folder {output}: {exc.strerror or exc}") from exc
    path = make_backup(library, output, reason="manual")
    if args.json:
        _print_json({"backup": str(path)})
    else:
        print(f"Backed up {library.path} to {path}")
    return 0


def cmd_backups(library: Library, args) -> int:
    from lyricpad.core.backup import backups_folder, list_backups

    found = list_backups(library.path) if library.path else []
    if args.json:
        _print_json(
            [{"path": str(b.path), "created": b.created.isoformat(), "reason": b.reason} for b in found]
        )
        return 0
    if not found:
        print(
            f"No backups yet (they go to {backups_folder(library.path)})." if library.path else "No backups."
        )
    for backup in found:
        print(f"{backup.label:<36} {backup.path}")
    return 0


def cmd_restore_backup(library: Library, args) -> int:
    from lyricpad.core.backup import restore_backup

    safety = restore_backup(library, Path(args.backup))
    if args.json:
        _print_json({"restored": args.backup, "previous_state": str(safety)})
    else:
        print(f"Restored {library.path} from {args.backup}.")
        print(f"The library as it was before is backed up in {safety}")
    return 0


def cmd_export(library: Library, args) -> int:
    from lyricpad.core.export import (
        dumps_json,
        export_json,
        export_library_markdown,
        export_markdown,
        export_w3c,
        write_atomic,
    )

    if args.all and args.song_refs:
        raise InvalidValue("name songs or give --all, not both")
    if not args.all and not args.song_refs:
        raise InvalidValue("say what to export: one or more SONGs, or --all")
    if args.format == "json" and args.song_refs:
        raise InvalidValue("--format json exports the whole library (for backup and merging): use --all")
    markdown_only = args.profile != "blog" or args.by != "pane" or args.full_lyrics or args.footnotes
    if args.format != "markdown" and markdown_only:
        raise InvalidValue("--profile, --by, --full-lyrics and --footnotes go with --format markdown")
    song_ids = [library.resolve_song(ref).id for ref in args.song_refs] if args.song_refs else None
    output = Path(args.output).expanduser() if args.output else None
    options = {
        "profile": args.profile,
        "group_by": args.by,
        "full_lyrics": args.full_lyrics,
        "footnotes": args.footnotes,
    }
    if (
        args.format == "markdown"
        and output is not None
        and (output.is_dir() or args.output.endswith(("/", os.sep)))
    ):
        written = export_library_markdown(library, output, song_ids=song_ids, **options)
        if args.json:
            _print_json({"written": [str(p) for p in written]})
        else:
            print(
                f"Exported {len(written) - 1} song(s) to {output} (with an index): "
                + ", ".join(p.name for p in written)
            )
        return 0
    if args.format == "markdown":
        ids = song_ids if song_ids is not None else [s.id for s in library.songs()]
        if not ids:
            raise InvalidValue("the library has no songs to export")
        text = export_markdown(library, ids if len(ids) > 1 else ids[0], **options)
    elif args.format == "json":
        text = dumps_json(export_json(library))
    else:
        text = dumps_json(export_w3c(library, song_ids))
    if output is None:
        sys.stdout.write(text)
    else:
        write_atomic(output, text)
        print(f"Exported to {output}", file=sys.stderr if args.json else sys.stdout)
    return 0


def cmd_check(library: Library, args) -> int:
    from lyricpad.core.check import check_library
    from lyricpad.core.repair import repair_library

    report = check_library(library)
    if not args.repair:
        if args.json:
            _print_json(report.to_json())
        else:
            print(report.summary())
            if report.repairable and library.read_only:
                print(
                    "\nThe library is read-only (a newer lyricpad wrote it): only that lyricpad can repair it."
                )
            elif report.repairable:
                print("\nRepair with 'lyricpad check --repair' (the library is backed up first).")
        return 0 if report.ok else 1
    if report.ok:  # nothing to repair: nothing written, not even a backup
        if args.json:
            _print_json(report.to_json())
        else:
            print(report.summary())
        return 0
    if report.pages_damaged or library.read_only:
        if args.json:
            _print_json(report.to_json())
        else:
            print(report.summary())
    repaired = repair_library(library, report)  # refuses those two with one message
    if args.json:
        _print_json(repaired.to_json())
    else:
        print(report.summary())
        if repaired.backup is not None:
            print()
            print(repaired.summary())
    return 0 if repaired.after is None or repaired.after.ok else 1


_READING = {"songs", "show", "annotations", "lenses", "search", "backups", "backup", "export", "check"}
"""Commands that change nothing: they work on a library open read-only, with a note."""

_COMMANDS = {
    "export": cmd_export,
    "backup": cmd_backup,
    "backups": cmd_backups,
    "restore-backup": cmd_restore_backup,
    "import": cmd_import,
    "edit-lyrics": cmd_edit_lyrics,
    "edit-article": cmd_edit_article,
    "accept": cmd_accept,
    "songs": cmd_songs,
    "show": cmd_show,
    "annotate": cmd_annotate,
    "annotations": cmd_annotations,
    "delete": cmd_delete,
    "restore": cmd_restore,
    "lenses": cmd_lenses,
    "search": cmd_search,
    "check": cmd_check,
}
