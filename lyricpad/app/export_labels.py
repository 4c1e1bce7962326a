"""The words of the export dialog, apart from its widgets: what Save writes, what was written, errors as sentences."""

from __future__ import annotations

from pathlib import Path

from lyricpad.app.exporting import INDEX_NAME, ExportOptions, ExportResult

NAMES_LISTED = 5
"""How many written files the status message names before saying "and N more"."""


def plural(count: int, noun: str) -> str:
    """ "1 song", "3 songs"."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def sentence(message: str) -> str:
    """A message from core ("cannot write ...") as a sentence for a message box."""
    message = message.strip()
    if not message:
        return "The export failed."
    message = message[0].upper() + message[1:]
    return message if message.endswith((".", "!", "?")) else message + "."


def cut_preview(text: str, limit: int) -> tuple[str, bool]:
    """*text* cut at a line end before *limit* characters (with a "…" line), and whether it was cut."""
    if len(text) <= limit:
        return text, False
    end = text.rfind("\n", 0, limit)
    return text[: end if end > 0 else limit] + "\n…\n", True


def save_note(options: ExportOptions, count: int, partial_song: str | None, shown: str) -> str:
    """What the preview shows and what Save writes, in a sentence or two.

    *count* songs are in the library; *partial_song* is set when the preview shows only the song
    named *shown* of a big library.
    """
    if options.to_folder:
        return (
            f"Save writes one Markdown file per song ({count}), plus {INDEX_NAME} linking them, "
            f"into a folder you choose. The preview shows the file of “{shown}”. "
            "Songs exported there before are written over the same files; a file lyricpad did not "
            "write is never replaced (the export takes another name)."
        )
    if options.format == "json":
        text = (
            "lyricpad JSON holds the whole library, the trash included: "
            "a backup that File > Import merges back."
        )
    elif options.format == "w3c":
        text = "W3C Web Annotations, for other annotation tools; File > Import merges them back."
    elif options.whole_library:
        text = f"One Markdown document with the {plural(count, 'song')}."
    else:
        text = "One Markdown document with this song's annotations."
    if partial_song:
        text += (
            f" The library is big: the preview shows only “{shown}”; Copy takes the preview, Save all of it."
        )
    return text


def finished_message(result: ExportResult, target: Path | None) -> str:
    """What an export to *target* wrote (or how far it got before Cancel), for the status line."""
    if result.cancelled:
        return (
            f"Export cancelled after {result.done} of {plural(result.total, 'song')}; "
            f"the files written to {target} are complete, the index was not written."
        )
    if len(result.written) == 1 and result.written[0] == target:
        return f"Exported to {target}."
    names = [p.name for p in result.written]
    listed = ", ".join(names[:NAMES_LISTED])
    if len(names) > NAMES_LISTED:
        listed += f" and {len(names) - NAMES_LISTED} more"
    return f"Wrote {plural(len(names), 'file')} to {target}: {listed}."
