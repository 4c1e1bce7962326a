"""The translate command: store a song's translation from a file (plain text or LRC), or remove it."""

from __future__ import annotations

import os

from lyricpad.cli.output import print_json, say
from lyricpad.core.errors import InvalidValue
from lyricpad.core.store import Library


def _described(language: str) -> str:
    """ "a German translation", "an English translation", "a translation" (no language said); a code
    lyricpad has no name for is named as given: "a translation in language 'xx'"."""
    from lyricpad.core.languages import NAMES, language_code, language_name

    if not language:
        return "a translation"
    if language_code(language) not in NAMES:
        return f"a translation in language {language!r}"
    name = language_name(language)
    article = "an" if name[:1].lower() in "aeiou" else "a"
    return f"{article} {name} translation"


def _refuse_unknown_language(value: str | None) -> None:
    """Refuse --language when it does not read as a language (a name or a code)."""
    from lyricpad.core.languages import is_language, not_a_language

    if value is not None and not is_language(value):
        raise InvalidValue(f"{not_a_language('--language', value)}; nothing was changed")


def cmd_translate(library: Library, args) -> int:
    from lyricpad.core.importers import read_text_file
    from lyricpad.core.line_map import lyric_lines
    from lyricpad.core.translation import parse_translation

    song = library.songs.resolve(args.song_ref)
    name = f"“{song.display_name}”"
    if args.remove:
        if args.file:
            raise InvalidValue("--remove takes no FILE: it removes the song's translation")
        if not library.translations.remove(song.id):
            raise InvalidValue(f"{name} has no translation; nothing was changed")
        if args.json:
            print_json({"song_id": song.id, "removed": True})
        else:
            say(f"Removed the translation of {name}.")
        return 0
    if not args.file:
        raise InvalidValue("give the FILE holding the translation (or --remove)")
    _refuse_unknown_language(args.language)
    if not os.path.lexists(
        args.file
    ):  # said as the user typed it: the import's message would not name a FILE
        raise InvalidValue(
            f"there is no file {args.file} (looked for {os.path.abspath(args.file)}); nothing was changed"
        )
    # Everything from outside is read and checked first; only then is anything written.
    text, _encoding = read_text_file(args.file, args.encoding)
    parsed = parse_translation(song.lyrics, text, kind=args.kind, line_times=song.line_times)
    language = args.language or parsed.language
    with library.write():  # the check and the write in one transaction: no other process in between
        existing = library.translations.get(song.id)
        if existing is not None and not args.replace:
            raise InvalidValue(
                f"{name} has {_described(existing.language)} already; nothing was changed "
                "(give --replace to replace it, or --remove it first)"
            )
        stored = library.translations.set(song.id, parsed.lines, language=language)
    if args.json:
        print_json(
            {
                **stored.to_json(),
                "lines": len(parsed.lines),
                "translated": parsed.translated,
                "kind": parsed.kind,
                "aligned_by": parsed.aligned_by,
                "replaced": existing is not None,
            }
        )
        return 0
    verb = "Replaced the translation with" if existing is not None else "Stored"
    say(f"{verb} {_described(language)} of {len(parsed.lines)} lines for {name}.")
    empty = sum(
        1
        for lyric, line in zip(lyric_lines(song.lyrics), parsed.lines, strict=True)
        if lyric.strip() and not line
    )
    if empty:
        say(
            f"({empty} lines of the lyrics have an empty translation line: headers, chords or lines the file leaves out)"
        )
    return 0
