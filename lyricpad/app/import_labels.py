"""The words of the import review, apart from its widgets: what was read, where the names come from, the encodings offered."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject

if TYPE_CHECKING:
    from lyricpad.core.importers import ImportedText

ENCODINGS = (
    "utf-8", "cp1252", "iso8859-1", "iso8859-15", "cp1250", "iso8859-2", "cp1251", "koi8-r",
    "koi8-u", "cp1253", "cp1254", "cp1257", "mac-roman", "shift_jis", "euc-jp", "gb18030",
    "big5", "euc-kr", "utf-16",
)  # fmt: skip
"""The encodings the review offers; any other name can be typed."""

_FORMAT_TEXT = {
    "plain": QT_TRANSLATE_NOOP("ImportLabels", "Plain text"),
    "markdown": QT_TRANSLATE_NOOP("ImportLabels", "Markdown"),
    "lrc": QT_TRANSLATE_NOOP("ImportLabels", "LRC lyrics"),
    "html": QT_TRANSLATE_NOOP("ImportLabels", "Web page (HTML, cleaned: nothing in it is fetched or run)"),
}
# Counts are written "{count} line(s)" rather than "%n line(s)" where they are shown as "1,200 lines":
# the count still picks the plural form, and Python's "," groups the digits.


def origin_text(imported: ImportedText) -> str:
    """Where the title (and artist) shown come from, so that the user knows whether to check them."""
    if imported.kind == "article":
        return QCoreApplication.translate(
            "ImportLabels", "The title is the page's own; change anything before importing."
        )
    if imported.lrc_tags.get("ti") or imported.lrc_tags.get("ar"):
        return QCoreApplication.translate(
            "ImportLabels", "Title and artist come from the file's LRC tags; change them if they are wrong."
        )
    if imported.title:
        return QCoreApplication.translate(
            "ImportLabels",
            "Title and artist come from the file name (“Artist - Title”); change them if they are wrong.",
        )
    return QCoreApplication.translate(
        "ImportLabels", "Nothing names this song: type its title (and artist) before importing."
    )


def encoding_names(detected: str, current: str) -> list[str]:
    """The encodings offered: the detected one first, then `ENCODINGS`; *current* second when it is another."""
    names = [detected] if detected else []
    names += [name for name in ENCODINGS if name != detected]
    if current and current not in names:
        names.insert(1 if names else 0, current)
    return names


def encoding_note(detected: str, current: str) -> str:
    """Beside the encoding: whether the one used is the one detected."""
    if current == detected:
        return QCoreApplication.translate("ImportLabels", "detected")
    return QCoreApplication.translate("ImportLabels", "detected: {encoding}").format(encoding=detected)


def quoted_list(titles: list[str]) -> str:
    """ "“A”", "“A” and “B”", "“A”, “B” and “C”"."""
    quoted = [f"“{title}”" for title in titles]
    if len(quoted) == 1:
        return quoted[0]
    text = QCoreApplication.translate("ImportLabels", "{titles} and {last}")
    return text.format(titles=", ".join(quoted[:-1]), last=quoted[-1])


MAX_NAMED_SONGS = 3
"""New songs named one by one in an import's summary; more are counted."""


class ImportLabels(QObject):
    """The import's sentences that count things: a QObject because pyside6-lupdate (6.11) gives a
    message its plural forms only when it is asked through `tr`."""

    def describe_format(self, imported: ImportedText, pasted: bool = False) -> str:
        """What was read, for the review: "LRC lyrics · 8 lines, 7 timed"."""
        if pasted and imported.format == "html":
            what = self.tr("Pasted HTML (headings, quotes and emphasis kept)")
        elif pasted:
            what = self.tr("Pasted text")
        elif imported.format in _FORMAT_TEXT:
            what = self.tr(_FORMAT_TEXT[imported.format])
        else:
            what = imported.format
        count = imported.line_count
        if imported.line_times:
            lines = self.tr("{count} line(s), {timed} timed", "", count)
        else:
            lines = self.tr("{count} line(s)", "", count)
        timed = sum(1 for t in imported.line_times if t) if imported.line_times else 0
        return f"{what} · {lines.format(count=f'{count:,}', timed=timed)}"

    def furniture_text(self, count: int) -> str:
        """The heading of the furniture list."""
        text = self.tr(
            "{count} line(s) (looks|look) like page furniture (bylines, buttons, related links). "
            "Tick the ones to leave out; the rest of the text is kept as it is.",
            "",
            count,
        )
        return text.format(count=f"{count:,}")

    def preview_title(self, shown: int, total: int) -> str:
        """The preview's label: "Preview", or how much of a long text it shows."""
        if total <= shown:
            return self.tr("Preview")
        text = self.tr("Preview (the first {shown} of {total} line(s))", "", total)
        return text.format(shown=f"{shown:,}", total=f"{total:,}")

    def import_summary(self, songs: list[str], articles: dict[str, int]) -> str:
        """Where the files of one import went, for the status bar.

        *songs* are the titles of the new songs; *articles* counts the new articles by the title of
        their song: "Imported 3 files: “Paper Boats” (new song); 2 articles of “Lanterns on the Water”".
        """
        parts = []
        if len(songs) > MAX_NAMED_SONGS:
            text = self.tr("{count} new song(s)", "", len(songs))
            parts.append(text.format(count=f"{len(songs):,}"))
        elif songs:
            text = self.tr("{titles} (new song(s))", "", len(songs))
            parts.append(text.format(titles=quoted_list(songs)))
        for song, count in articles.items():
            text = self.tr("{count} article(s) of “{song}”", "", count)
            parts.append(text.format(count=f"{count:,}", song=song))
        total = len(songs) + sum(articles.values())
        text = self.tr("Imported {count} file(s): {parts}", "", total)
        return text.format(count=f"{total:,}", parts="; ".join(parts))


_LABELS = ImportLabels()
describe_format = _LABELS.describe_format
furniture_text = _LABELS.furniture_text
preview_title = _LABELS.preview_title
import_summary = _LABELS.import_summary
