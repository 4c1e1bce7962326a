"""The words of the export dialog, apart from its widgets: what Save writes, what was written, errors as sentences."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject

from lyricpad.app.exporting import INDEX_NAME, ExportOptions, ExportResult

NAMES_LISTED = 5
"""How many written files the status message names before saying "and N more"."""


def sentence(message: str) -> str:
    """A message from core ("cannot write ...") as a sentence for a message box."""
    message = message.strip()
    if not message:
        return QCoreApplication.translate("ExportLabels", "The export failed.")
    message = message[0].upper() + message[1:]
    return message if message.endswith((".", "!", "?")) else message + "."


def cut_preview(text: str, limit: int) -> tuple[str, bool]:
    """*text* cut at a line end before *limit* characters (with a "…" line), and whether it was cut."""
    if len(text) <= limit:
        return text, False
    end = text.rfind("\n", 0, limit)
    return text[: end if end > 0 else limit] + "\n…\n", True


class ExportLabels(QObject):
    """The export's sentences that count things: a QObject because pyside6-lupdate (6.11) gives a
    message its plural forms only when it is asked through `tr` (see `save_note`, `finished_message`)."""

    def save_note(self, options: ExportOptions, count: int, partial_song: str | None, shown: str) -> str:
        """What the preview shows and what Save writes, in a sentence or two.

        *count* songs are in the library; *partial_song* is set when the preview shows only the song
        named *shown* of a big library.
        """
        if options.to_folder:
            text = self.tr(
                "Save writes one Markdown file per song ({count}), plus {index} linking them, "
                "into a folder you choose. The preview shows the file of “{song}”. "
                "Songs exported there before are written over the same files; a file lyricpad did not "
                "write is never replaced (the export takes another name)."
            )
            return text.format(count=count, index=INDEX_NAME, song=shown)
        if options.format == "json":
            text = self.tr(
                "lyricpad JSON holds the whole library, the trash included: a backup that File > Import merges back."
            )
        elif options.format == "w3c":
            text = self.tr("W3C Web Annotations, for other annotation tools; File > Import merges them back.")
        elif options.whole_library:
            text = self.tr("One Markdown document with the %n song(s).", "", count)
        else:
            text = self.tr("One Markdown document with this song's annotations.")
        if partial_song:
            big = self.tr(
                "The library is big: the preview shows only “{song}”; Copy takes the preview, Save all of it."
            )
            text += " " + big.format(song=shown)
        return text

    def finished_message(self, result: ExportResult, target: Path | None) -> str:
        """What an export to *target* wrote (or how far it got before Cancel), for the status line."""
        if result.cancelled:
            text = self.tr(
                "Export cancelled after {done} of %n song(s); "
                "the files written to {target} are complete, the index was not written.",
                "",
                result.total,
            )
            return text.format(done=result.done, target=target)
        if len(result.written) == 1 and result.written[0] == target:
            return self.tr("Exported to {target}.").format(target=target)
        names = [p.name for p in result.written]
        listed = ", ".join(names[:NAMES_LISTED])
        if len(names) > NAMES_LISTED:
            more = self.tr("{names} and {count} more")
            listed = more.format(names=listed, count=len(names) - NAMES_LISTED)
        text = self.tr("Wrote %n file(s) to {target}: {names}.", "", len(names))
        return text.format(target=target, names=listed)


_LABELS = ExportLabels()
save_note = _LABELS.save_note
finished_message = _LABELS.finished_message
