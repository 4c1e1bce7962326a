"""Reading files to import: encodings, line endings, names, and every refusal with a message naming the file."""

import json
import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lyricpad.core import importers
from lyricpad.core.errors import ImportRefused
from lyricpad.core.importers import (
    decode_bytes,
    guess_import_kind,
    guess_kind,
    import_format,
    read_import,
    read_text_file,
    split_markdown_title,
    title_and_artist,
)
from lyricpad.core.text import normalise_text


def write(tmp_path, name, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        ("Hello, wörld\n".encode(), "Hello, wörld\n", "utf-8"),
        (b"\xef\xbb\xbf" + "Hello, wörld\n".encode(), "Hello, wörld\n", "utf-8-sig"),
        ("\ufeffHello, wörld\n".encode("utf-16-le"), "Hello, wörld\n", "utf-16"),
        ("\ufeffHello, wörld\n".encode("utf-16-be"), "Hello, wörld\n", "utf-16"),
        (b"caf\xe9 \x93quoted\x94\n", "café “quoted”\n", "cp1252"),
        (b"one\r\ntwo\rthree\n", "one\ntwo\nthree\n", "utf-8"),
        (b"tab\there\fpage\n", "tab\there\npage\n", "utf-8"),
        ("cafe\u0301\n".encode(), "café\n", "utf-8"),  # NFC
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-le-bom", "utf-16-be-bom", "cp1252", "crlf-cr", "tab-formfeed", "nfc"],
)
def test_decoded_and_normalised(tmp_path, data, text, encoding):
    assert read_text_file(write(tmp_path, "song.txt", data)) == (text, encoding)


def test_accepts_a_str_path(tmp_path):
    assert read_text_file(os.fspath(write(tmp_path, "a.md", b"# A\n")))[0] == "# A\n"


@pytest.mark.parametrize(
    "name, data, problem",
    [
        ("empty.txt", b"", "is empty"),
        ("blank.txt", b" \n\t\r\n  \n", "only blank space"),
        ("blank16.txt", "\ufeff  \n".encode("utf-16-le"), "only blank space"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
        ("controls.txt", b"ab\x01\x02\x03cd\x1b\x7fef\x10", "not a text file"),
        ("nul16.txt", "\ufeffab\x00cd".encode("utf-16-le"), "not a text file"),
        ("undecodable.txt", bytes(range(0x80, 0x100)) * 4, "cannot be decoded"),
        ("binary.txt", bytes(range(256)) * 4, "not a text file"),
        ("utf32bad.txt", b"\xff\xfe\x00\x00AB", "cannot be decoded"),
        ("bad16.txt", b"\xff\xfeA", "cannot be decoded"),
    ],
)
def test_bad_content_is_refused(tmp_path, name, data, problem):
    path = write(tmp_path, name, data)
    with pytest.raises(ImportRefused) as info:
        read_text_file(path)
    assert f"“{name}”" in str(info.value)
    assert problem in str(info.value)


def test_a_few_control_characters_are_allowed(tmp_path):
    text = "a line of lyrics\x1b that is long enough " * 3
    assert read_text_file(write(tmp_path, "esc.txt", text.encode()))[0] == text


def test_missing_file_is_refused(tmp_path):
    with pytest.raises(ImportRefused, match="“nowhere.txt”.*no such file"):
        read_text_file(tmp_path / "nowhere.txt")


def test_folder_is_refused(tmp_path):
    (tmp_path / "lyrics.txt").mkdir()
    with pytest.raises(ImportRefused, match="“lyrics.txt” is a folder"):
        read_text_file(tmp_path / "lyrics.txt")


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file_is_refused(tmp_path):
    path = write(tmp_path, "secret.txt", b"words")
    path.chmod(0)
    try:
        with pytest.raises(ImportRefused, match="“secret.txt” cannot be read"):
            read_text_file(path)
    finally:
        path.chmod(0o600)


def test_file_over_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(importers, "MAX_IMPORT_BYTES", 10)
    path = write(tmp_path, "long.txt", b"eleven byte")
    opened = []
    monkeypatch.setattr(importers, "open", lambda *args, **kwargs: opened.append(args), raising=False)
    with pytest.raises(ImportRefused, match="“long.txt” is too big.*11 bytes.*10 bytes"):
        read_text_file(path)
    assert opened == []


def test_file_at_the_limit_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(importers, "MAX_IMPORT_BYTES", 10)
    assert read_text_file(write(tmp_path, "ten.txt", b"ten bytes!"))[0] == "ten bytes!"


@pytest.mark.parametrize(
    "name, expected",
    [
        ("Wren Alder - Night Ferry.txt", ("Night Ferry", "Wren Alder")),
        ("Wren Alder – Night Ferry.txt", ("Night Ferry", "Wren Alder")),
        ("Band - Song - Live at Home.txt", ("Song - Live at Home", "Band")),
        ("Night Ferry.txt", ("Night Ferry", "")),
        ("Night-Ferry.txt", ("Night-Ferry", "")),
        (" - Night Ferry.txt", ("- Night Ferry", "")),
        ("Wren Alder - .txt", ("Wren Alder -", "")),
        ("Zoë   Marchand -  Éclair.TXT", ("Éclair", "Zoë Marchand")),
        ("notes.v2.md", ("notes.v2", "")),
    ],
)
def test_title_and_artist(tmp_path, name, expected):
    assert title_and_artist(tmp_path / name) == expected


@pytest.mark.parametrize(
    "name, kind",
    [("a.txt", None), ("a.TXT", None), ("a.md", "article"), ("a.Markdown", "article")],
)
def test_guess_kind(name, kind):
    assert guess_kind(name) == kind


@pytest.mark.parametrize("name", ["song.lrc", "page.html", "photo.png", "README"])
def test_guess_kind_still_refuses_what_read_text_file_cannot_take_as_it_is(name):
    with pytest.raises(ImportRefused) as info:
        guess_kind(name)
    assert f"“{name}”" in str(info.value)
    assert ".txt" in str(info.value) and ".md" in str(info.value)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("# On the Ferry\n\nBody.\n", ("On the Ferry", "Body.\n")),
        ("\n## On the *Ferry* ##\nBody.", ("On the *Ferry*", "Body.")),
        ("Intro.\n\n# Later heading\n", ("fallback", "Intro.\n\n# Later heading\n")),
        ("#hashtag first\n", ("fallback", "#hashtag first\n")),
        ("#\nBody\n", ("fallback", "#\nBody\n")),
    ],
)
def test_split_markdown_title(text, expected):
    assert split_markdown_title(text, "fallback") == expected


# read_import, decode_bytes and ImportedText

DATA = Path(__file__).parent.parent / "data" / "import"
LRC_NAME = "The Hollow Pines - Lanterns on the Water.lrc"


@pytest.mark.parametrize(
    "name, kind",
    [("a.txt", None), ("a.lrc", "lyrics"), ("a.LRC", "lyrics"), ("a.md", "article"), ("a.html", "article"),
     ("a.HTM", "article"), ("a.markdown", "article")],
)  # fmt: skip
def test_guess_import_kind(name, kind):
    assert guess_import_kind(name) == kind


@pytest.mark.parametrize("name", ["photo.png", "README", "song.lrc.bak"])
def test_import_format_refuses_unknown_suffixes(name):
    with pytest.raises(ImportRefused, match=f"“{re.escape(name)}” cannot be imported.*\\.lrc.*\\.html"):
        import_format(name)


def test_plain_lyrics_keep_sections_chords_and_bracketed_times_verbatim():
    imported = read_import(DATA / "sections.txt", kind="lyrics")
    raw = (DATA / "sections.txt").read_text(encoding="utf-8")
    assert imported.text + "\n" == raw  # verbatim but the final newline, which only ends the last line
    assert (imported.kind, imported.format, imported.lyrics_format) == ("lyrics", "plain", "plain")
    assert imported.line_times is None and imported.lrc_tags == {}
    assert (imported.title, imported.artist) == ("", "")  # no "Artist - Title" name: the caller asks


def test_a_txt_without_kind_comes_back_decoded_for_the_caller_to_ask(tmp_path):
    path = tmp_path / "song.txt"
    path.write_text(
        "[Verse 1]\nThe kettle sings before the dawn\nGrey light on the ferry rail\n", encoding="utf-8"
    )
    imported = read_import(path)
    assert imported.kind is None  # one section header could head an article's quotation: ask
    assert imported.as_kind("lyrics").kind == "lyrics"
    article = imported.as_kind("article")
    assert (article.kind, article.title) == ("article", "[Verse 1]")
    with pytest.raises(ImportRefused, match="not a kind"):
        imported.as_kind("poem")


def test_lrc_file_gives_lyrics_times_and_tags():
    imported = read_import(DATA / LRC_NAME)
    assert (imported.kind, imported.format, imported.lyrics_format) == ("lyrics", "lrc", "lrc")
    assert imported.text.split("\n") == [
        "The kettle sings before the dawn", "Grey light on the ferry rail", "Every tide turns back, they say", "",
        "Lanterns on the water", "A very long song indeed", "[Chorus]", "Too early for the offset",
    ]  # fmt: skip
    assert imported.line_times == [[9500], [15000], [19750], [24500], [29623, 89956], [6001500], None, [0]]
    assert len(imported.line_times) == len(imported.text.split("\n")) == len(imported.word_times)
    assert (imported.title, imported.artist, imported.album, imported.author) == (
        "Lanterns on the Water", "The Hollow Pines", "Night Ferry", "Wren Alder"
    )  # fmt: skip
    assert imported.lrc_tags["tool"] == "handmade" and imported.lrc_tags["length"] == "03:41"
    assert imported.lrc_tags["offset"] == "+500"
    assert "[" not in "".join(imported.text.split("\n")[:6])


def test_lrc_title_and_artist_fall_back_to_the_file_name(tmp_path):
    path = write(tmp_path, "Wren Alder - Night Ferry.lrc", b"[00:01.00]Hello")
    imported = read_import(path)
    assert (imported.title, imported.artist) == ("Night Ferry", "Wren Alder")
    path = write(tmp_path, "untitled.lrc", b"[00:01.00]Hello")
    assert (read_import(path).title, read_import(path).artist) == ("", "")


def test_enhanced_lrc_word_times():
    imported = read_import(DATA / "enhanced.lrc")
    assert imported.text == "Harbour lights are low\nSpaced words"
    assert imported.word_times[0] == [[1000, 0], [1500, 8], [2250, 15], [2600, 19]]


def test_lrc_with_only_tags_is_refused(tmp_path):
    with pytest.raises(ImportRefused, match="“tags.lrc” holds LRC tags but no lyrics"):
        read_import(write(tmp_path, "tags.lrc", b"[ti:Nothing]\n[ar:Nobody]\n"))


@pytest.mark.parametrize("name, kind", [(LRC_NAME, "article"), ("page.html", "lyrics")])
def test_a_kind_that_does_not_fit_the_format_is_refused(name, kind):
    with pytest.raises(ImportRefused, match=f"cannot be imported as {kind}"):
        read_import(DATA / name, kind=kind)


def test_markdown_article_title_from_its_heading():
    imported = read_import(DATA / "article.md")
    assert imported.title == 'Reading "Lanterns on the Water"'
    assert imported.text.startswith("The song opens on a *cold* morning")
    assert (imported.kind, imported.format, imported.furniture) == ("article", "markdown", [])


def test_plain_text_article_reports_furniture_without_removing_it():
    imported = read_import(DATA / "pasted.txt", kind="article")
    assert imported.title == "Why the ferry never leaves: a close reading"
    assert "Share" in imported.text.split("\n")
    assert {item.rule for item in imported.furniture} >= {
        "button",
        "view count",
        "reading time",
        "related link",
    }
    report = imported.to_json()
    assert json.loads(json.dumps(report))["furniture"][0]["text"] == "By Wren Alder · 12,480 views"
    assert report["encoding"] == "utf-8" and report["format"] == "plain"


@pytest.mark.parametrize(
    "name, text, encodings",
    [
        (
            "latin1.txt",
            "Le ferry de nuit quitte le quai à l'heure où les lanternes s'allument.",
            {"cp1252", "iso8859-1"},
        ),
        ("cp1251.txt", "Ночной паром уходит в темноту, и фонари плывут по воде.", {"cp1251"}),
        ("shift_jis.txt", "夜の渡し船は岸を離れない。", {"cp932", "shift_jis"}),
        ("cp1252_short.txt", "Café “noir” – 5€", {"cp1252"}),
        ("utf16.txt", "Zoë’s song\nline two", {"utf-16"}),
        ("line_endings.txt", "one\ntwo\nthree\nfour", {"utf-8"}),
    ],
)
def test_legacy_encodings_are_detected(name, text, encodings):
    imported = read_import(DATA / name, kind="lyrics")
    assert text in imported.text
    assert imported.encoding in encodings


def test_an_encoding_can_be_given(tmp_path):
    path = write(tmp_path, "ru.txt", "Привет, мир!".encode("cp1251"))
    assert read_import(path, kind="lyrics", encoding="cp1251").text == "Привет, мир!"
    assert read_import(path, kind="lyrics", encoding="cp1251").encoding == "cp1251"
    assert read_import(path, kind="lyrics", encoding="latin-1").text == "Ïðèâåò, ìèð!"


@pytest.mark.parametrize(
    "data, encoding, problem",
    [
        (b"caf\xe9", "utf-8", "cannot be decoded as utf-8"),
        (b"caf\xe9", "klingon", "“klingon” names no encoding"),
        (b"caf\xe9", "base64", "not a text encoding"),
        (b"ok \x81", "shift_jis", "cannot be decoded as shift_jis"),
    ],
)
def test_a_given_encoding_that_does_not_fit_is_refused(tmp_path, data, encoding, problem):
    with pytest.raises(ImportRefused, match=f"“bad.txt”.*{problem}"):
        read_import(write(tmp_path, "bad.txt", data), kind="lyrics", encoding=encoding)


@pytest.mark.parametrize(
    "name, problem",
    [("binary.txt", "not a text file"), ("empty.txt", "is empty"), ("whitespace.txt", "only blank space")],
)
def test_bad_fixtures_are_refused(name, problem):
    with pytest.raises(ImportRefused, match=f"“{name}”.*{problem}"):
        read_import(DATA / name, kind="lyrics")


def test_read_import_refuses_missing_paths_and_folders(tmp_path):
    with pytest.raises(ImportRefused, match="no such file"):
        read_import(tmp_path / "nowhere.lrc")
    (tmp_path / "folder.html").mkdir()
    with pytest.raises(ImportRefused, match="“folder.html” is a folder"):
        read_import(tmp_path / "folder.html")


def test_unreadable_file_is_refused_even_as_root(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.lrc", b"[00:01.00]words")

    def denied(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(importers, "open", denied, raising=False)
    with pytest.raises(ImportRefused, match="“secret.lrc” cannot be read: Permission denied"):
        read_import(path)


def test_read_import_checks_the_size_before_reading(tmp_path, monkeypatch):
    monkeypatch.setattr(importers, "MAX_IMPORT_BYTES", 10)
    path = write(tmp_path, "long.lrc", b"[00:01]eleven")
    opened = []
    monkeypatch.setattr(importers, "open", lambda *args, **kwargs: opened.append(args), raising=False)
    with pytest.raises(ImportRefused, match="“long.lrc” is too big"):
        read_import(path)
    assert opened == []


def test_a_100000_line_file_imports(tmp_path):
    lines = [f"[{n // 6000:02d}:{n // 100 % 60:02d}.{n % 100:02d}]line {n}" for n in range(100_000)]
    path = write(tmp_path, "long.lrc", "\n".join(lines).encode())
    imported = read_import(path)
    assert len(imported.line_times) == 100_000
    assert imported.text.split("\n")[-1] == "line 99999"
    assert imported.line_times[-1] == [999_990]
    plain = write(tmp_path, "long.txt", ("a line of lyrics\r\n" * 100_000).encode("cp1252") + b"caf\xe9\r\n")
    text = read_import(plain, kind="lyrics").text
    # 100,001 lines; the final newline ends the last one (it starts no blank 100,002nd)
    assert text.count("\n") == 100_000 and text.endswith("café")


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        (b"\xef\xbb\xbfone\r\ntwo", "one\ntwo", "utf-8-sig"),
        ("\ufeffone\u2028two".encode("utf-16-be"), "one\ntwo", "utf-16"),
        ("\ufeffone\rtwo".encode("utf-32-le"), "one\ntwo", "utf-32"),
        (b"na\xefve r\xe9sum\xe9", "naïve résumé", "cp1252"),
    ],
)
def test_decode_bytes(data, text, encoding):
    assert decode_bytes(data, "x.txt") == (text, encoding)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        st.binary(max_size=300), st.text(max_size=100).map(lambda t: t.encode("utf-8", "surrogatepass"))
    )
)
def test_decode_bytes_fuzz(data):
    try:
        text, encoding = decode_bytes(data, "fuzz.txt")
    except ImportRefused as exc:
        assert "“fuzz.txt”" in str(exc)
        return
    assert text.strip() and encoding
    assert normalise_text(text) == text


@settings(max_examples=100, deadline=None)
@given(
    st.binary(max_size=200), st.sampled_from(["utf-8", "cp1252", "shift_jis", "utf-16", "nope", "latin-1"])
)
def test_decode_bytes_fuzz_with_a_given_encoding(data, encoding):
    try:
        decode_bytes(data, "fuzz.txt", encoding)
    except ImportRefused:
        pass
