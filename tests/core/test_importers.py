"""Reading files to import: encodings, line endings, names, and every refusal with a message naming the file."""

import os

import pytest

from lyricpad.core import importers
from lyricpad.core.errors import ImportRefused
from lyricpad.core.importers import guess_kind, read_text_file, split_markdown_title, title_and_artist


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
        ("undecodable.txt", b"caf\xe9 \x81\x8d\x8f", "cannot be decoded"),
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
def test_other_kinds_are_refused_with_what_can_be_imported(name):
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
