"""The words of the import review, apart from its widgets: what was read, where the names come from, the encodings offered."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lyricpad.core.importers import ImportedText

ENCODINGS = (
    "utf-8", "cp1252", "iso8859-1", "iso8859-15", "cp1250", "iso8859-2", "cp1251", "koi8-r",
    "koi8-u", "cp1253", "cp1254", "cp1257", "mac-roman", "shift_jis", "euc-jp", "gb18030",
    "big5", "euc-kr", "utf-16",
)  # fmt: skip
"""The encodings the review offers; any other name can be typed."""

_FORMAT_TEXT = {
    "plain": "Plain text",
    "markdown": "Markdown",
    "lrc": "LRC lyrics",
    "html": "Web page (HTML, cleaned: nothing in it is fetched or run)",
}


def plural(count: int, word: str) -> str:
    """ "1 line", "1,200 lines"."""
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def describe_format(imported: ImportedText, pasted: bool = False) -> str:
    """What was read, for the review: "LRC lyrics · 8 lines, 7 timed"."""
    if pasted:
        what = (
            "Pasted HTML (headings, quotes and emphasis kept)" if imported.format == "html" else "Pasted text"
        )
    else:
        what = _FORMAT_TEXT.get(imported.format, imported.format)
    parts = [what, plural(imported.line_count, "line")]
    if imported.line_times:
        parts[-1] += f", {sum(1 for t in imported.line_times if t)} timed"
    return " · ".join(parts)


def origin_text(imported: ImportedText) -> str:
    """Where the title (and artist) shown come from, so that the user knows whether to check them."""
    if imported.kind == "article":
        return "The title is the page's own; change anything before importing."
    if imported.lrc_tags.get("ti") or imported.lrc_tags.get("ar"):
        return "Title and artist come from the file's LRC tags; change them if they are wrong."
    if imported.title:
        return "Title and artist come from the file name (“Artist - Title”); change them if they are wrong."
    return "Nothing names this song: type its title (and artist) before importing."


def furniture_text(count: int) -> str:
    """The heading of the furniture list."""
    return (
        f"{plural(count, 'line')} look like page furniture (bylines, buttons, related links). "
        "Tick the ones to leave out; the rest of the text is kept as it is."
    )


def preview_title(shown: int, total: int) -> str:
    """The preview's label: "Preview", or how much of a long text it shows."""
    return f"Preview (the first {shown:,} of {total:,} lines)" if total > shown else "Preview"


def encoding_names(detected: str, current: str) -> list[str]:
    """The encodings offered: the detected one first, then `ENCODINGS`; *current* second when it is another."""
    names = [detected] if detected else []
    names += [name for name in ENCODINGS if name != detected]
    if current and current not in names:
        names.insert(1 if names else 0, current)
    return names


def encoding_note(detected: str, current: str) -> str:
    """Beside the encoding: whether the one used is the one detected."""
    return "detected" if current == detected else f"detected: {detected}"


def quoted_list(titles: list[str]) -> str:
    """ "“A”", "“A” and “B”", "“A”, “B” and “C”"."""
    quoted = [f"“{title}”" for title in titles]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


MAX_NAMED_SONGS = 3
"""New songs named one by one in an import's summary; more are counted."""


def import_summary(songs: list[str], articles: dict[str, int]) -> str:
    """Where the files of one import went, for the status bar.

    *songs* are the titles of the new songs; *articles* counts the new articles by the title of
    their song: "Imported 3 files: “Paper Boats” (new song); 2 articles of “Lanterns on the Water”".
    """
    parts = []
    if len(songs) > MAX_NAMED_SONGS:
        parts.append(f"{plural(len(songs), 'new song')}")
    elif songs:
        parts.append(f"{quoted_list(songs)} ({'new song' if len(songs) == 1 else 'new songs'})")
    parts += [f"{plural(count, 'article')} of “{song}”" for song, count in articles.items()]
    total = len(songs) + sum(articles.values())
    return f"Imported {plural(total, 'file')}: " + "; ".join(parts)
