"""Atomic writing of exported files: UTF-8 without BOM, LF, and an old file left intact when writing fails."""

import os
import stat

import pytest

from lyricpad.core.export import ExportFailed, write_atomic
from lyricpad.core.export.files import safe_file_stem


def test_writes_utf8_without_bom_and_lf(tmp_path):
    path = write_atomic(tmp_path / "sub" / "a.md", "é\r\nline\rend\n🎸\n")
    assert path.read_bytes() == "é\nline\nend\n🎸\n".encode()
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")


def test_replaces_an_existing_file_and_keeps_its_permissions(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("old")
    path.chmod(0o640)
    write_atomic(path, "new")
    assert path.read_text() == "new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


def test_a_new_file_follows_the_umask(tmp_path):
    old = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "a.md", "x")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o644


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch, failing):
    path = tmp_path / "notes.md"
    path.write_text("old notes")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(ExportFailed, match="No space left on device.*old file is unchanged"):
        write_atomic(path, "new notes")
    monkeypatch.undo()
    assert path.read_text() == "old notes"
    assert [p.name for p in tmp_path.iterdir()] == ["notes.md"]


def test_a_folder_that_cannot_be_created_is_reported(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ExportFailed, match="cannot write"):
        write_atomic(blocker / "a.md", "x")


@pytest.mark.parametrize(
    ("name", "stem"),
    [
        ("Lanterns on the Water", "Lanterns on the Water"),
        ('a/b\\c:d*e?f"g<h>i|j#k^l[m]n%o', "a b c d e f g h i j k l m n o"),
        ("CON", "CON_"),
        ("nul.txt", "nul.txt_"),
        ("  ..  ", "untitled"),
        ("x" * 300, "x" * 120),
        ("line\nbreak\x00", "line break"),
    ],
)
def test_safe_file_stem(name, stem):
    assert safe_file_stem(name) == stem
