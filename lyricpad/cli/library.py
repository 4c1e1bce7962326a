"""The commands that look after the library file: backup, backups, restore-backup and check."""

from __future__ import annotations

import os
import textwrap
from pathlib import Path

from lyricpad.cli.output import created_note, missing_folder, print_json, say, with_created
from lyricpad.core.errors import InvalidValue
from lyricpad.core.store import Library


def cmd_backup(library: Library, args) -> int:
    from lyricpad.core.backup import make_backup

    output = Path(args.output).expanduser() if args.output else None
    created = None
    if output is not None:
        named_folder = args.output.endswith(("/", os.sep)) or output.is_dir()
        created = missing_folder(output if named_folder else output.parent)
    if output is not None and args.output.endswith(("/", os.sep)):
        try:
            output.mkdir(parents=True, exist_ok=True)  # "-o folder/": a folder, as for export
        except OSError as exc:
            raise InvalidValue(f"cannot create the folder {output}: {exc.strerror or exc}") from exc
    path = make_backup(library, output, reason="manual")
    if args.json:
        print_json(with_created({"backup": str(path)}, created))
    else:
        say(f"Backed up {library.path} to {path}{created_note(created)}")
    return 0


def cmd_backups(library: Library, args) -> int:
    from lyricpad.core.backup import backups_folder, list_backups

    found = list_backups(library.path) if library.path else []
    if args.json:
        print_json(
            [{"path": str(b.path), "created": b.created.isoformat(), "reason": b.reason} for b in found]
        )
        return 0
    if not found:
        say(f"No backups yet (they go to {backups_folder(library.path)})." if library.path else "No backups.")
    for backup in found:
        say(f"{backup.label:<36} {backup.path}")
    return 0


def cmd_restore_backup(library: Library, args) -> int:
    from lyricpad.core.backup import restore_backup

    safety = restore_backup(library, Path(args.backup))
    if args.json:
        print_json({"restored": args.backup, "previous_state": str(safety)})
    else:
        say(f"Restored {library.path} from {args.backup}.")
        say(f"The library as it was before is backed up in {safety}")
    return 0


def cmd_check(library: Library, args) -> int:
    from lyricpad.core.check import ADVICE_PAGES, check_library
    from lyricpad.core.repair import repair_library

    report = check_library(library)
    if report.pages_damaged:  # nothing can be repaired in place: nothing is written, not even a backup
        if args.json:
            print_json(report.to_json())
        else:
            say(f"{report.damage()}.\n\n{textwrap.fill(ADVICE_PAGES, 100)}")
        return 1
    if not args.repair:
        if args.json:
            print_json(report.to_json())
        else:
            say(report.summary())
            if report.repairable and library.read_only:
                say(
                    "\nThe library is read-only (a newer lyricpad wrote it): only that lyricpad can repair it."
                )
            elif report.repairable:
                say("\nRepair with 'lyricpad check --repair' (the library is backed up first).")
        return 0 if report.ok else 1
    if report.ok:  # nothing to repair: nothing written, not even a backup
        if args.json:
            print_json(report.to_json())
        else:
            say(report.summary())
        return 0
    if report.pages_damaged or library.read_only:
        if args.json:
            print_json(report.to_json())
        else:
            say(report.summary())
    repaired = repair_library(library, report)  # refuses those two with one message
    if args.json:
        print_json(repaired.to_json())
    else:
        say(report.summary())
        if repaired.backup is not None:
            say()
            say(repaired.summary())
    return 0 if repaired.after is None or repaired.after.ok else 1
