"""CLI: export (Markdown, JSON, W3C) and merging an export back with import."""

import json
import os
import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from cli_testing import data_dump
from library_testing import digests
from markdown_it import MarkdownIt

from lyricpad.core.demo import DEMO_TITLE
from lyricpad.core.store import Library


def front_matter(text: str) -> dict:
    assert text.startswith("---\n")
    head, _, _body = text[4:].partition("\n---\n")
    return yaml.safe_load(head)


@pytest.mark.parametrize("profile", ["blog", "obsidian"])
def test_markdown_to_stdout_is_markdown_with_front_matter(cli, profile):
    code, out, err = cli("export", DEMO_TITLE, "--profile", profile)
    assert code == 0 and err == ""
    meta = front_matter(out)
    assert meta["title"] == DEMO_TITLE and meta["artist"] == "The Hollow Pines" and meta["lyricpad_id"]
    tokens = MarkdownIt("commonmark").parse(out.partition("\n---\n")[2])
    assert any(t.type == "blockquote_open" for t in tokens)
    assert "The harbour lights are folding up their wings," in out
    assert out.count("\n") < 120  # only the highlighted lines, not the whole lyrics


def test_ids_are_opt_in_for_the_blog_and_a_second_export_is_the_same_bytes(cli, library_path, tmp_path):
    code, plain, _ = cli("export", DEMO_TITLE)
    assert code == 0 and "<!--" not in plain and "> >" not in plain
    code, marked, _ = cli("export", DEMO_TITLE, "--ids")
    library = Library.open(library_path)
    try:
        ids = [a.id for a in library.annotations.for_song(library.songs.resolve(DEMO_TITLE).id)]
    finally:
        library.close()
    assert code == 0 and [f"<!-- lyricpad:annotation {i} -->" in marked for i in ids] == [True] * len(ids)
    code, obsidian, _ = cli("export", DEMO_TITLE, "--profile", "obsidian", "--ids")
    assert code == 0 and all(f"^lp-{i}" in obsidian for i in ids) and "<!--" not in obsidian
    for n in (1, 2):
        assert cli("export", DEMO_TITLE, "-o", tmp_path / f"{n}.md")[0] == 0
    assert (tmp_path / "1.md").read_bytes() == (tmp_path / "2.md").read_bytes()


def test_markdown_file_and_folder(cli, tmp_path):
    target = tmp_path / "post.md"
    target.write_text("an older export\n")
    code, out, _ = cli("export", DEMO_TITLE, "--full-lyrics", "--by", "lens", "-o", target)
    assert code == 0 and "Exported to" in out
    text = target.read_bytes().decode("utf-8")
    assert "\r" not in text and not text.startswith("\ufeff") and "Every shore is closer" in text
    code, out, _ = cli("export", "--all", "-o", f"{tmp_path / 'vault'}/")
    assert code == 0
    assert sorted(p.name for p in (tmp_path / "vault").iterdir()) == [
        "Lanterns on the Water - The Hollow Pines.md",
        "index.md",
    ]
    cli("export", "--all", "-o", f"{tmp_path / 'vault'}/")  # again: the same files, updated
    assert len(list((tmp_path / "vault").iterdir())) == 2


def test_json_export_merges_back_into_another_library_without_duplicates(cli, tmp_path, library_path):
    export = tmp_path / "all.json"
    assert cli("export", "--all", "--format", "json", "-o", export)[0] == 0
    data = json.loads(export.read_text(encoding="utf-8"))
    with Library.open(library_path) as lib:
        lib.songs.add("Only in the first library", lyrics="a line")
    assert cli("export", "--all", "--format", "json", "-o", export)[0] == 0
    data = json.loads(export.read_text(encoding="utf-8"))
    other = tmp_path / "other.sqlite"
    code, out, _ = cli("import", export, "--json", library=other)
    assert code == 0
    (report,) = json.loads(out)
    assert report["added"] > 0
    code, out, _ = cli("import", export, "--json", library=other)
    (again,) = json.loads(out)
    assert again["added"] == 0 and again["updated"] == 0
    with Library.open(other) as lib:
        song = lib.songs.get(data["songs"][0]["id"])
        assert len(lib.annotations.for_song(song.id)) == 6
        assert (
            len(lib.songs.all()) == 2
        )  # the demo (same ids in every library: not duplicated) and the new one


def test_w3c_export_is_a_web_annotation_collection_and_merges_back(cli, tmp_path):
    code, out, _ = cli("export", DEMO_TITLE, "--format", "w3c")
    assert code == 0
    data = json.loads(out)
    assert data["@context"] == "http://www.w3.org/ns/anno.jsonld"
    items = data["first"]["items"]
    targets = [
        t
        for item in items
        for t in (item["target"] if isinstance(item["target"], list) else [item["target"]])
    ]
    selectors = {
        s["type"]
        for t in targets
        for s in (t["selector"] if isinstance(t["selector"], list) else [t["selector"]])
    }
    assert {"TextQuoteSelector", "TextPositionSelector"} <= selectors
    path = tmp_path / "notes.jsonld"
    path.write_text(out, encoding="utf-8")
    code, out, _ = cli("import", path)
    assert code == 0 and "0 added" in out


@pytest.mark.parametrize(
    "args, message",
    [
        (["export"], "--all"),
        (["export", DEMO_TITLE, "--all"], "not both"),
        (["export", "Lanterns", "--format", "json"], "did you mean"),
        (["export", "--all", "--format", "w3c", "--profile", "obsidian"], "--format markdown"),
        (["export", "--all", "--format", "json", "--ids"], "--format markdown"),
        (["export", "No such song"], "no song"),
        (["import", "x.json", "--song", DEMO_TITLE], "merged as it is"),
    ],
)
def test_bad_exports_are_one_line_and_change_nothing(cli, library_path, args, message):
    cli("songs")
    before = data_dump(library_path)
    code, out, err = cli(*args)
    assert code == 1 and out == "" and message in err and err.count("\n") == 1
    assert data_dump(library_path) == before


def test_an_export_that_cannot_be_written_leaves_the_old_file(cli, tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, out, err = cli("export", DEMO_TITLE, "-o", blocker / "post.md")
    assert code == 1 and err.startswith("lyricpad: error:") and err.count("\n") == 1
    assert blocker.read_text() == "x"


def test_a_bad_json_file_is_refused_and_changes_nothing(cli, library_path, tmp_path):
    cli("songs")
    before = data_dump(library_path)
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "lyricpad", "version": 99}', encoding="utf-8")
    code, out, err = cli("import", bad)
    assert code == 1 and "nothing was changed" in err
    assert data_dump(library_path) == before


# ------------------------------------------------------------ what an export never writes over


def fingerprints(folders) -> dict:
    """Every file of *folders*: its SHA-256, or for an -shm (SQLite's shared memory, which changes
    when anyone reads the library, as the command itself does) its inode: a file written over
    atomically would have a new one."""
    files = sorted(p for folder in set(folders) for p in folder.iterdir())
    shm = {str(p): os.stat(p).st_ino for p in files if p.name.endswith("-shm")}
    return {**digests(p for p in files if str(p) not in shm), **shm}


def songs_in_another_process(library_path) -> str:
    """What `lyricpad songs` prints, run as another process."""
    result = subprocess.run(
        [sys.executable, "-m", "lyricpad", "--library", str(library_path), "songs"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


HELD_TARGETS = {"the open library": "", "its -wal": "-wal", "its -shm": "-shm"}
CLOSED_TARGETS = {
    "a closed library": "",
    "the -wal of a closed library": "-wal",
    "the -shm of a closed library": "-shm",
    "the -journal of a closed library": "-journal",
}


def sqlite_target(case: str, cli, library_path, tmp_path) -> Path:
    """Make the SQLite file (or the file beside SQLite's journal) that *case* names; returns it."""
    if case in HELD_TARGETS:
        return Path(f"{library_path}{HELD_TARGETS[case]}")
    if case in CLOSED_TARGETS:
        closed = tmp_path / "closed" / "library.sqlite"
        Library.open(closed).close()
        return Path(f"{closed}{CLOSED_TARGETS[case]}")
    if case == "a backup":
        code, out, err = cli("backup", "-o", f"{tmp_path / 'backups'}/", "--json")
        assert code == 0, err
        return Path(json.loads(out)["backup"])
    if case == "another database":
        target = tmp_path / "elsewhere" / "notes.md"
        target.parent.mkdir()
        conn = sqlite3.connect(target)
        conn.execute("CREATE TABLE t (x)")
        conn.commit()
        conn.close()
        return target
    assert case == "a file with a -journal beside it"
    target = tmp_path / "elsewhere" / "post.md"
    target.parent.mkdir()
    target.write_text("an older post\n")
    Path(f"{target}-journal").write_bytes(b"\0" * 512)
    return target


CASES = [
    *HELD_TARGETS,
    *CLOSED_TARGETS,
    "a backup",
    "another database",
    "a file with a -journal beside it",
]


@pytest.mark.parametrize(
    "case, args",
    [
        *((case, ["--all"]) for case in CASES),
        ("the open library", [DEMO_TITLE, "--format", "w3c"]),
        ("its -wal", ["--all", "--format", "json"]),
        ("a backup", ["--all", "--format", "json"]),
    ],
)
def test_export_never_writes_over_an_sqlite_file(cli, library, library_path, tmp_path, case, args):
    # `library` holds the library in this process, as the window does, all along the test.
    target = sqlite_target(case, cli, library_path, tmp_path)
    before = fingerprints([target.parent, library_path.parent])

    code, out, err = cli("export", *args, "-o", target)

    assert code == 1 and out == ""
    assert err.startswith("lyricpad: error: ") and err.count("\n") == 1 and target.name in err
    assert fingerprints([target.parent, library_path.parent]) == before  # the same files, unchanged
    # SQLite's locks on the library are intact: another process reads it (and closes it)
    # without taking the -wal away, and sees what is written after the attempt.
    assert DEMO_TITLE in songs_in_another_process(library_path)
    assert Path(f"{library_path}-wal").exists()
    library.songs.add("Written after the attempt", lyrics="a line")
    assert "Written after the attempt" in songs_in_another_process(library_path)
    assert Path(f"{library_path}-wal").exists()


def test_export_onto_its_own_library_is_refused(cli, library_path):
    # No Library of the test holds it here: only the command's own connection does.
    cli("songs")
    before = digests([library_path])
    code, out, err = cli("export", "--all", "-o", library_path)
    assert code == 1 and out == "" and "open library" in err and err.count("\n") == 1
    assert digests([library_path]) == before
    assert DEMO_TITLE in cli("songs")[1]


def hand_write(path, text: str) -> tuple[bytes, int]:
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    return path.read_bytes(), path.stat().st_mtime_ns


def test_folder_export_never_replaces_hand_written_files(cli_json, cli, tmp_path):
    song_id = cli_json("songs")[0]["id"]
    vault = tmp_path / "vault"
    vault.mkdir()
    mine = ["index.md", "Lanterns on the Water - The Hollow Pines.md"]
    kept = {name: hand_write(vault / name, f"my own {name}\n") for name in mine}
    expected = [f"Lanterns on the Water - The Hollow Pines ({song_id[:8]}).md", "index (lyricpad).md"]

    code, out, err = cli("export", "--all", "-o", f"{vault}/")
    assert code == 0, err
    assert out.rstrip("\n").endswith(": " + ", ".join(expected))
    assert cli_json("export", "--all", "-o", f"{vault}/") == {"written": [str(vault / n) for n in expected]}

    assert sorted(p.name for p in vault.iterdir()) == sorted([*mine, *expected])  # no third copy
    assert {n: ((vault / n).read_bytes(), (vault / n).stat().st_mtime_ns) for n in mine} == kept
    assert f'lyricpad_id: "{song_id}"' in (vault / expected[0]).read_text("utf-8")


@pytest.mark.timeout(20)
def test_folder_export_beside_a_named_pipe_does_not_hang(cli, tmp_path):
    vault = tmp_path / "vault"
    vault.mkdir()
    os.mkfifo(vault / "x.md")
    code, out, err = cli("export", "--all", "-o", f"{vault}/")
    assert code == 0, err
    assert sorted(p.name for p in vault.iterdir()) == [
        "Lanterns on the Water - The Hollow Pines.md",
        "index.md",
        "x.md",
    ]
    assert stat.S_ISFIFO((vault / "x.md").stat().st_mode)


@pytest.mark.parametrize("profile", ["blog", "obsidian"])
def test_exported_notes_carry_no_template_tag_and_no_dataview_query(cli, profile):
    note = '{{% param "x" %}} `{% include f.html %}`\n\n```dataviewjs\ndv.paragraph("x")\n```\n\n```\n{# c #}\n```'
    code, _, err = cli("annotate", DEMO_TITLE, "--lines", "2", "--note", note, "--tag", "{{x}}")
    assert code == 0, err
    code, out, err = cli("export", DEMO_TITLE, "--profile", profile)
    assert code == 0 and err == ""
    body = out.partition("\n---\n")[2]
    if profile == "blog":  # Hugo and Jekyll read template tags even in code; Obsidian does not
        assert "{{" not in out and "{%" not in out and "{#" not in body
    fences = [t for t in MarkdownIt("commonmark").parse(body) if t.type == "fence"]
    assert 'dv.paragraph("x")\n' in [t.content for t in fences]
    assert all(t.info == "" for t in fences)
