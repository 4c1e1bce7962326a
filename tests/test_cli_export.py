"""CLI: export (Markdown, JSON, W3C) and merging an export back with import."""

import json

import pytest
import yaml
from cli_testing import data_dump
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
        lib.add_song("Only in the first library", lyrics="a line")
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
        song = lib.song(data["songs"][0]["id"])
        assert len(lib.annotations(song.id)) == 6
        assert len(lib.songs()) == 2  # the demo (same ids in every library: not duplicated) and the new one


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
        (["export", DEMO_TITLE, "--format", "json"], "whole library"),
        (["export", "--all", "--format", "w3c", "--profile", "obsidian"], "--format markdown"),
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
