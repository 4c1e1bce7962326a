"""Reading lyrics and articles from text, Markdown, LRC and HTML files, refusing bad input with one clear message.

`read_import` is the one entry point for files; `article_from_clipboard` (in html_import) for paste.
Both give an `ImportedText`. The older `read_text_file`, `guess_kind`, `title_and_artist` and
`split_markdown_title` keep working as before (the first two for .txt and .md files only).
"""

from __future__ import annotations

import codecs
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from lyricpad.core import livefiles
from lyricpad.core.errors import ImportRefused
from lyricpad.core.front_matter import split_front_matter
from lyricpad.core.furniture import (
    Furniture,
    byline_author,
    detect_furniture,
    remove_furniture,
    title_without_site,
)
from lyricpad.core.lrc import parse_lrc
from lyricpad.core.text import (
    fold,
    line_count,
    lyrics_text,
    normalise_line,
    normalise_text,
    plain_article_markdown,
)
from lyricpad.core.text_kind import surely_lyrics

__all__ = [
    "FORMAT_BY_SUFFIX",
    "IMPORT_SUFFIXES",
    "KINDS",
    "MAX_IMPORT_BYTES",
    "Furniture",
    "ImportedText",
    "article_parts",
    "decode_bytes",
    "detect_furniture",
    "guess_import_kind",
    "guess_kind",
    "import_format",
    "parse_lrc",
    "read_import",
    "read_text_file",
    "remove_furniture",
    "split_markdown_title",
    "title_and_artist",
]

MAX_IMPORT_BYTES = 10 * 1024 * 1024
"""Files bigger than this are refused before they are read (no lyrics or article comes near it)."""

IMPORT_SUFFIXES = {".txt": None, ".md": "article", ".markdown": "article"}
"""What `guess_kind` and `read_text_file` take, by lower-case suffix, and the kind (None: ask)."""

FORMAT_BY_SUFFIX = {
    ".txt": "plain",
    ".text": "plain",
    ".md": "markdown",
    ".markdown": "markdown",
    ".lrc": "lrc",
    ".html": "html",
    ".htm": "html",
}
"""Everything `read_import` takes, by lower-case suffix, and the format it is read as."""
KIND_BY_FORMAT = {"plain": None, "markdown": "article", "lrc": "lyrics", "html": "article"}
"""The kind a format holds; None: lyrics or an article, the caller asks."""
KINDS = ("lyrics", "article")

SHORT_FILE_BYTES = 4096
"""Below this size charset detection has too little to go on: mostly-ASCII Western text is read as cp1252."""
WESTERN_ACCENTED_SHARE = 0.3
"""In Western text decoded as cp1252 at most this share of letters are non-ASCII (Cyrillic or Greek read so: all)."""
PREFERRED_LEGACY = (
    "cp1252", "cp1251", "cp1250", "cp1253", "cp1254", "cp1257", "cp1255", "cp1256", "cp1258",
    "cp932", "shift_jis", "euc_jp", "gb18030", "gbk", "gb2312", "big5", "cp949", "euc_kr", "koi8_r",
    "koi8_u", "iso8859_2", "iso8859_5", "iso8859_7", "cp874", "tis_620",
)  # fmt: skip
"""For a short file whose candidates fit equally well, the code pages people actually save text in, first."""
TITLE_MAX_CHARS = 120
"""The first line of a plain-text article is its title only when it is this short (and not a sentence)."""

_CONTROL_SHARE = 0.05
"""A text with more control characters than this share of its characters is taken for binary data."""
_ALLOWED_CONTROLS = frozenset("\t\n\r\f")
_CONTROL_BYTES = bytes(b for b in [*range(32), 127] if chr(b) not in _ALLOWED_CONTROLS)
_CONTROLS = re.compile("[" + re.escape("".join(map(chr, _CONTROL_BYTES))) + "]")
_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32"),
    (b"\xff\xfe", "utf-16"),
    (b"\xfe\xff", "utf-16"),
)
_WESTERN_EXTRA = frozenset("\xa0¡¢£¤¥¦§¨©ª«¬\xad®¯°±²³´µ¶·¸¹º»¼½¾¿€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ")
_ARTIST_TITLE_SEPARATORS = (" - ", " – ", " — ")
_ATX_HEADING = re.compile(r"^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$")
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]{1,40})""", re.IGNORECASE)


@dataclass(frozen=True)
class ImportedText:
    """What an import found: the text to store and everything known about it.

    *text* is normalised (LF, NFC, no BOM). *kind* is "lyrics", "article", or None for a .txt
    file read without a kind (ask the user, then call `as_kind`). *format* is what was read:
    "plain", "lrc", "markdown" or "html"; *lyrics_format* what a song stores: "lrc" when
    *line_times* (one entry per line of *text*: None or milliseconds, offset applied) exist.
    *word_times* has per line None or [[ms, code-point offset in the line], ...]. *lrc_tags* holds
    every LRC header tag, unknown ones included. *furniture* lists lines of an article's *text*
    that look like page furniture (not removed: see `without_furniture`). *title* and *artist*
    are "" when nothing names them: ask the user.
    """

    kind: str | None
    text: str
    title: str = ""
    artist: str = ""
    album: str = ""
    author: str = ""
    date: str = ""
    source: str = ""
    encoding: str = ""
    format: str = "plain"
    lyrics_format: str = "plain"
    line_times: list | None = None
    lrc_tags: dict = field(default_factory=dict)
    word_times: list | None = None
    furniture: list = field(default_factory=list)

    def as_kind(self, kind: str) -> ImportedText:
        """This text read as *kind* ("lyrics" or "article"): what the caller does after asking."""
        return _as_kind(self, kind)

    @property
    def line_count(self) -> int:
        """Its lines as they will be numbered: lyrics have had their final newline taken off, so
        a newline left at the end starts a blank last line; in other text it ends the last line."""
        if self.kind == "lyrics":
            return self.text.count("\n") + 1 if self.text else 0
        return line_count(self.text)

    @property
    def article_source(self) -> str:
        """Where an article was published, as its source: the page's http(s) address, never a file name.

        A local file's name says nothing a reader needs, and the article pane shows the source
        under the title, where a file name reads like its author.
        """
        return self.source if self.source.lower().startswith(("http://", "https://")) else ""

    @property
    def article_body(self) -> str:
        """Its text as an article's Markdown body: a plain text keeps its line breaks (Markdown would join its lines)."""
        return plain_article_markdown(self.text) if self.format == "plain" else self.text

    def without_furniture(self, furniture: list[Furniture] | None = None) -> ImportedText:
        """This article with *furniture* (default: all detected) removed from its text."""
        items = self.furniture if furniture is None else furniture
        return replace(self, text=remove_furniture(self.text, items), furniture=[])

    def to_json(self) -> dict:
        """A plain dict for `--json` output."""
        return {
            "kind": self.kind,
            "title": self.title,
            "artist": self.artist,
            "album": self.album,
            "author": self.author,
            "date": self.date,
            "source": self.source,
            "encoding": self.encoding,
            "format": self.format,
            "lyrics_format": self.lyrics_format,
            "line_count": self.line_count,
            "lrc_tags": dict(self.lrc_tags),
            "line_times": self.line_times,
            "word_times": self.word_times,
            "furniture": [item.to_json() for item in self.furniture],
            "text": self.text,
        }


def _name(path: str | os.PathLike) -> str:
    return f"“{Path(path).name or os.fspath(path)}”"


def size_label(size: int) -> str:
    """A file size for a message: bytes, or megabytes (with the bytes when rounding would hide them)."""
    if size < 1024 * 1024:
        return f"{size:,} bytes"
    megabytes = f"{size / (1024 * 1024):.1f} MB"
    # Just over a limit would read "64.0 MB; the limit is 64.0 MB": then the bytes tell the two apart.
    return (
        megabytes
        if size % (1024 * 1024) == 0 or size > 1024 * 1024 * 1024
        else f"{megabytes} ({size:,} bytes)"
    )


def guess_kind(path: str | os.PathLike) -> str | None:
    """ "article" for Markdown, None for plain text (lyrics or article: ask); refuses anything else."""
    suffix = Path(path).suffix.lower()
    if suffix not in IMPORT_SUFFIXES:
        raise ImportRefused(
            f"{_name(path)} cannot be imported: lyricpad imports plain text (.txt) "
            "and Markdown (.md, .markdown) files."
        )
    return IMPORT_SUFFIXES[suffix]


def import_format(path: str | os.PathLike) -> str:
    """The format `read_import` reads *path* as ("plain", "markdown", "lrc", "html"); refuses other suffixes."""
    suffix = Path(path).suffix.lower()
    if suffix not in FORMAT_BY_SUFFIX:
        raise ImportRefused(
            f"{_name(path)} cannot be imported: lyricpad imports plain text (.txt), Markdown (.md), "
            "LRC lyrics (.lrc) and saved web pages (.html, .htm)."
        )
    return FORMAT_BY_SUFFIX[suffix]


def guess_import_kind(path: str | os.PathLike) -> str | None:
    """The kind *path* holds by its suffix: "lyrics" (.lrc), "article" (.md, .html, .htm) or None (.txt: ask)."""
    return KIND_BY_FORMAT[import_format(path)]


def _looks_western(data: bytes) -> str | None:
    """*data* decoded as cp1252 when it reads as Western text (mostly ASCII letters), else None."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    letters = accented = 0
    for ch in text:
        if ch < "\x80":
            letters += ch.isalpha()
        elif ch.isalpha() and ("\xc0" <= ch <= "\xff" or ch in _WESTERN_EXTRA) and ch not in "×÷":
            letters += 1
            accented += 1
        elif ch not in _WESTERN_EXTRA:
            return None
    return text if letters and accented <= letters * WESTERN_ACCENTED_SHARE else None


def _codec_name(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name


def _detect(data: bytes, label: str) -> tuple[str, str]:
    """Decode *data* without being told its encoding: BOM, UTF-8, then charset-normalizer and cp1252."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError:
                raise ImportRefused(
                    f"{label} cannot be decoded: it starts like {encoding} text but is not."
                ) from None
    if b"\x00" in data:  # only UTF-16/32 text holds NUL bytes, and that starts with a BOM
        raise ImportRefused(f"{label} is not a text file (it holds binary data).")
    if len(data) - len(data.translate(None, _CONTROL_BYTES)) > len(data) * _CONTROL_SHARE:
        raise ImportRefused(f"{label} is not a text file (it holds binary data).")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    short = len(data) <= SHORT_FILE_BYTES
    western = _looks_western(data) if short else None
    if western is not None:
        return western, "cp1252"

    from charset_normalizer import from_bytes  # noqa: PLC0415  (only for files that are not UTF-8)

    matches = [m for m in from_bytes(data) if not m.encoding.startswith(("utf_16", "utf_32", "utf_7"))]
    if not matches:
        western = _looks_western(data)
        if western is not None:
            return western, "cp1252"
        raise ImportRefused(
            f"{label} cannot be decoded: its encoding is not one lyricpad recognises "
            "(name it, for example as cp1252 or shift_jis)."
        )
    best = matches[0]
    if short:
        calmest = min(m.chaos for m in matches)
        tied = {m.encoding: m for m in matches if m.chaos == calmest}
        best = next((tied[name] for name in PREFERRED_LEGACY if name in tied), best)
    text = str(best)
    encoding = _codec_name(best.encoding)
    if encoding != "cp1252":
        try:
            if data.decode("cp1252") == text:
                encoding = "cp1252"  # the same text: name the code page people know
        except UnicodeDecodeError:
            pass
    return text, encoding


def decode_bytes(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding) of the bytes of the file *name*: the text normalised, the encoding as detected or given.

    Without *encoding*: UTF-8 with or without BOM, UTF-16/32 with BOM, then charset-normalizer for
    legacy encodings, reading short mostly-ASCII Western text as cp1252. Raises `ImportRefused`
    for empty or blank text, binary data, and bytes that cannot be decoded (also with the given
    *encoding*, or when it names no text codec).
    """
    label = f"“{name}”"
    if not data:
        raise ImportRefused(f"{label} is empty.")
    if encoding is not None and encoding.strip():
        given = encoding.strip()
        try:
            info = codecs.lookup(given)
        except LookupError:
            raise ImportRefused(
                f"{label} cannot be decoded: “{given}” names no encoding lyricpad knows."
            ) from None
        if not getattr(info, "_is_text_encoding", True):
            raise ImportRefused(f"{label} cannot be decoded: “{given}” is not a text encoding.")
        try:
            text = data.decode(info.name)
        except (UnicodeDecodeError, ValueError):
            raise ImportRefused(
                f"{label} cannot be decoded as {given}: it holds bytes that are not {given} text."
            ) from None
        encoding = given
    else:
        text, encoding = _detect(data, label)
    if "\x00" in text or len(_CONTROLS.findall(text)) > len(text) * _CONTROL_SHARE:
        raise ImportRefused(f"{label} is not a text file (it holds binary data).")
    text = normalise_text(text)
    if not text.strip():
        raise ImportRefused(f"{label} holds only blank space: there is no text to import.")
    return text, encoding


def _checked(path: str | os.PathLike) -> os.stat_result:
    """What os.stat says of *path*, once it is known to be a regular file that may be read."""
    name = _name(path)
    if livefiles.held_by_process(path) is not None:  # never opened: that would unlock the library
        raise ImportRefused(
            f"{name} is the open lyricpad library (or one of its SQLite files), not text to import."
        )
    try:
        info = os.stat(path)
    except FileNotFoundError:
        raise ImportRefused(f"{name} cannot be imported: there is no such file.") from None
    except (OSError, ValueError) as exc:
        raise ImportRefused(f"{name} cannot be read: {getattr(exc, 'strerror', None) or exc}.") from None
    kind = livefiles.special_kind(info.st_mode)
    if kind is not None:
        raise ImportRefused(f"{name} is {kind}, not a file.")
    return info


def _read_bytes(path: str | os.PathLike) -> bytes:
    """The bytes of the file at *path*, its size checked with os.stat before it is read."""
    name = _name(path)
    info = _checked(path)
    if info.st_size > MAX_IMPORT_BYTES:
        raise ImportRefused(
            f"{name} is too big to import ({size_label(info.st_size)}; the limit is {size_label(MAX_IMPORT_BYTES)})."
        )
    if info.st_size == 0:
        raise ImportRefused(f"{name} is empty.")
    try:
        with open(path, "rb", opener=livefiles.open_nonblocking) as file:
            data = file.read(MAX_IMPORT_BYTES + 1)  # the file may have grown since stat()
    except OSError as exc:
        raise ImportRefused(f"{name} cannot be read: {exc.strerror or exc}.") from None
    if len(data) > MAX_IMPORT_BYTES:
        raise ImportRefused(f"{name} is too big to import (the limit is {size_label(MAX_IMPORT_BYTES)}).")
    return data


def read_text_file(path: str | os.PathLike, encoding: str | None = None) -> tuple[str, str]:
    """The text of the file at *path*, normalised, and the encoding it was decoded from (see `decode_bytes`).

    Raises `ImportRefused` for missing or unreadable paths, folders, files over
    `MAX_IMPORT_BYTES` (checked before reading), empty or whitespace-only files,
    binary data and undecodable bytes. The text is returned as it is: use `read_import`
    for LRC and HTML.
    """
    return decode_bytes(_read_bytes(path), Path(path).name or os.fspath(path), encoding)


def _file_title(text: str) -> str | None:
    """The first line of a plain-text article when it reads as a title (short, not a sentence)."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    plain = normalise_line(first)
    if not plain or len(plain) > TITLE_MAX_CHARS or plain.endswith((".", ",", ";", ":")):
        return None
    return plain if text.strip() != first.strip() else None


def article_parts(
    text: str, title: str | None, *, fallback: str = "", guess_title: bool = False, site: str = ""
) -> tuple[str, str, list[Furniture]]:
    """(title, body, furniture) of an article's Markdown or plain *text*.

    A leading "# heading" becomes the title (or is dropped when it repeats the given *title*);
    with *guess_title* a plain text's short first line is the title. Else *title*, else *fallback*.
    A page's title loses its site's name ("... | Harbour Notes") when the body repeats it without
    that or *site* (the page's site name) is that name.
    """
    heading, body = split_markdown_title(text, "")
    if heading and title and fold(heading) != fold(normalise_line(title)):
        body = text  # the page's own heading differs from its title: keep it in the text
    elif heading:
        title = title or heading
    elif guess_title and not title:
        guessed = _file_title(text)
        if guessed:
            title = guessed
            lines = text.split("\n")
            first = next(index for index, line in enumerate(lines) if line.strip())
            body = "\n".join(lines[first + 1 :]).lstrip("\n")
    title = normalise_line(title or fallback)
    furniture = detect_furniture(body, title or None)  # the whole title: its site's name tells links
    return title_without_site(title, body, site), body, furniture


def _as_kind(imported: ImportedText, kind: str) -> ImportedText:
    if kind not in KINDS:
        raise ImportRefused(f"“{kind}” is not a kind of import: say lyrics or article.")
    if imported.kind == kind:
        return imported
    if imported.format in ("lrc", "html") or imported.kind is not None:
        raise ImportRefused(f"“{imported.source}” holds {imported.kind}: it cannot be imported as {kind}.")
    if kind == "lyrics":
        title, artist = title_and_artist(imported.source)
        if not artist:
            title = ""  # no "Artist - Title" name: the caller asks
        return replace(imported, kind="lyrics", title=title, artist=artist, text=lyrics_text(imported.text))
    stem = Path(imported.source).stem if imported.source else ""
    text, meta = imported.text, {}
    if imported.format == "markdown":
        meta, text = split_front_matter(text)
    title, body, furniture = article_parts(
        text, meta.get("title"), fallback=normalise_line(stem), guess_title=imported.format == "plain"
    )
    # The author is the front matter's or the byline's; never the file name (it names no one).
    return replace(
        imported,
        kind="article",
        title=title,
        text=body,
        furniture=furniture,
        author=meta.get("author") or byline_author(furniture),
        date=meta.get("date", imported.date),
        source=meta.get("source") or imported.source,
    )


def _decode_html(data: bytes, name: str, encoding: str | None) -> tuple[str, str]:
    """An HTML page's text: the charset its <meta> declares is tried after UTF-8, before detection."""
    if encoding is None and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        declared = _META_CHARSET.search(data[:4096])
        if declared:
            label = declared.group(1).decode("ascii")
            try:
                data.decode("utf-8")
            except UnicodeDecodeError:
                try:
                    codecs.lookup(label)
                    data.decode(label)
                    return decode_bytes(data, name, label)
                except (LookupError, UnicodeDecodeError, ValueError):
                    pass
    return decode_bytes(data, name, encoding)


def read_import(
    path: str | os.PathLike, *, kind: str | None = None, encoding: str | None = None
) -> ImportedText:
    """Read the file at *path* (.txt, .md, .lrc, .html, .htm) for import as lyrics or an article.

    *kind* None guesses from the suffix: .lrc is lyrics; .md, .html and .htm are articles; a .txt
    that is surely lyrics (chord lines, section headers, LRC stamps: core.text_kind) is lyrics, any
    other comes back with kind None, decoded and checked, for the caller to ask and then call
    ``result.as_kind(...)``. *encoding* overrides detection. The size is checked with os.stat
    before the file is read. Raises `ImportRefused` with a message naming the file.
    """
    _checked(path)  # a folder or a pipe is said to be one, whatever its name
    file_format = import_format(path)
    if kind is not None and kind not in KINDS:
        raise ImportRefused(f"“{kind}” is not a kind of import: say lyrics or article.")
    natural = KIND_BY_FORMAT[file_format]
    name = Path(path).name or os.fspath(path)
    if kind is not None and natural is not None and kind != natural and file_format != "markdown":
        raise ImportRefused(
            f"“{name}” holds {natural} ({file_format.upper()}): it cannot be imported as {kind}."
        )
    data = _read_bytes(path)
    if file_format == "html":
        from lyricpad.core.html_import import html_to_article  # noqa: PLC0415  (loads trafilatura)

        html, used = _decode_html(data, name, encoding)
        return replace(html_to_article(html, name), encoding=used)
    text, used = decode_bytes(data, name, encoding)
    plain = ImportedText(kind=None, text=text, source=name, encoding=used, format=file_format)
    kind = kind or natural
    if natural is None and kind != "article":
        # A .txt of chord lines, [Chorus] headers or LRC time stamps is lyrics: nothing to ask.
        reason = surely_lyrics(text)
        if reason == "LRC time stamps":
            file_format = "lrc"
        elif reason:
            kind = "lyrics"
    if file_format == "lrc":
        lrc = parse_lrc(text)
        if not lrc.text.strip():
            raise ImportRefused(f"“{name}” holds LRC tags but no lyrics.")
        file_title, file_artist = title_and_artist(name)
        if not file_artist:
            file_title = ""
        return ImportedText(
            kind="lyrics",
            text=lrc.text,
            title=normalise_line(lrc.tags.get("ti", "")) or file_title,
            artist=normalise_line(lrc.tags.get("ar", "")) or file_artist,
            album=normalise_line(lrc.tags.get("al", "")),
            author=normalise_line(lrc.tags.get("au", "")),
            source=name,
            encoding=used,
            format="lrc",
            lyrics_format="lrc",
            line_times=lrc.line_times,
            lrc_tags=dict(lrc.tags),
            word_times=lrc.word_times,
        )
    return plain.as_kind(kind) if kind else plain


def title_and_artist(path: str | os.PathLike) -> tuple[str, str]:
    """(title, artist) from a file name "Artist - Title.txt"; (file name without suffix, "") otherwise."""
    stem = normalise_line(Path(path).stem)
    for separator in _ARTIST_TITLE_SEPARATORS:
        artist, found, title = stem.partition(separator)
        if found and artist.strip() and title.strip():
            return title.strip(), artist.strip()
    return stem, ""


def split_markdown_title(text: str, fallback: str) -> tuple[str, str]:
    """(title, body) of a Markdown article: a leading "# heading" becomes the title and leaves the body.

    Without a leading heading the title is *fallback* (the file name) and the body is all of *text*.
    """
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if not line.strip():
            continue
        match = _ATX_HEADING.match(line)
        if match and normalise_line(match.group(1)):
            body = "\n".join(lines[index + 1 :]).lstrip("\n")
            return normalise_line(match.group(1)), body
        break
    return normalise_line(fallback), text
