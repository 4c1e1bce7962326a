"""The commands on annotations: annotate, annotations, delete, restore and accept."""

from __future__ import annotations

from pathlib import Path

from lyricpad.cli.library import cmd_restore_backup
from lyricpad.cli.output import describe, print_annotations, print_json, say
from lyricpad.core.anchoring import anchor_for_lines, anchors_for_quote, find_occurrences
from lyricpad.core.errors import InvalidAnchor, InvalidValue
from lyricpad.core.store import Library


def cmd_annotate(library: Library, args) -> int:
    song = library.songs.resolve(args.song_ref)
    if args.article and args.translation:
        raise InvalidValue("give --article or --translation, not both: a note is on one text")
    article = library.articles.resolve(args.article, song.id) if args.article else None
    target = "article" if article else "translation" if args.translation else "lyrics"
    text = library.annotations.target_text(song.id, target, article.id if article else None)
    if article:
        place = f"the article “{article.title}”"
    elif args.translation:
        place = f"the translation of {song.display_name}"
    else:
        place = f"the lyrics of {song.display_name}"
    try:
        if args.lines:
            fragments = [anchor_for_lines(text, *args.lines)]
        else:
            occurrence = None if args.occurrence == "all" else (args.occurrence or 1)
            fragments = anchors_for_quote(text, args.quote, occurrence)
    except InvalidAnchor as exc:
        raise InvalidAnchor(f"in {place}: {exc}") from None
    if args.lens is not None:
        lens_id = library.lenses.resolve(args.lens).id
    else:
        lenses = library.lenses.all()
        lens_id = lenses[0].id if lenses else None
    annotation = library.annotations.add(
        song.id,
        fragments,
        target=target,
        article_id=article.id if article else None,
        lens_id=lens_id,
        note=args.note,
        tags=args.tag,
        time_ms=args.time,
    )
    if args.json:
        print_json(annotation.to_json())
    else:
        say(f"Annotated {place}:")
        say(describe(annotation))
        if args.quote and args.occurrence is None:
            count = len(find_occurrences(text, fragments[0].quote))
            if count > 1:
                say(
                    f"(occurrence 1 of {count}; --occurrence N picks another, --occurrence all takes every one)"
                )
    return 0


def cmd_annotations(library: Library, args) -> int:
    song = library.songs.resolve(args.song_ref)
    annotations = library.annotations.for_song(song.id, include_deleted=args.trash)
    if args.json:
        print_json([a.to_json() for a in annotations])
        return 0
    if not annotations:
        say(f"{song.display_name} has no annotations.")
        return 0
    say(f"{song.display_name}: {len(annotations)} annotation(s)")
    print_annotations(library, annotations)
    return 0


def _set_deleted(library: Library, args, deleted: bool) -> int:
    annotation = library.annotations.resolve(args.annotation_ref)
    already = annotation.deleted == deleted
    if not already:
        annotation = library.annotations.set_deleted(annotation.id, deleted)
    if args.json:
        print_json(annotation.to_json())
    else:
        song = library.songs.get(annotation.song_id)
        if already:
            state = "in the trash already" if deleted else "not in the trash: nothing to restore"
            say(f"This annotation of {song.display_name} is {state}:")
        else:
            say(f"{'Moved to the trash' if deleted else 'Restored'} in {song.display_name}:")
        say(describe(annotation))
    return 0


def cmd_delete(library: Library, args) -> int:
    return _set_deleted(library, args, True)


def cmd_restore(library: Library, args) -> int:
    ref = Path(args.annotation_ref)
    if ref.exists() or ref.is_symlink():  # `lyricpad restore BACKUP` (a pipe or a folder is refused there)
        args.backup = args.annotation_ref
        return cmd_restore_backup(library, args)
    return _set_deleted(library, args, False)


def cmd_accept(library: Library, args) -> int:
    annotation = library.annotations.accept_proposal(library.annotations.resolve(args.annotation_ref).id)
    if args.json:
        print_json(annotation.to_json())
    else:
        say("Anchored at the proposed place:")
        say(describe(annotation))
    return 0
