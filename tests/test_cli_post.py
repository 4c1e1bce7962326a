"""CLI: post (an article published as Markdown or HTML), and the inputs it refuses."""

import argparse
import json

import pytest
import yaml
from cli_testing import data_dump
from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from lyricpad.command_line import build_parser
from lyricpad.core.demo import DEMO_ARTICLE_TITLE, DEMO_TITLE, demo_id

PARSER = MarkdownIt("commonmark").use(footnote_plugin)


def split(text: str) -> tuple[dict, str]:
    assert text.startswith("---\n")
    head, _, body = text[4:].partition("\n---\n")
    return yaml.safe_load(head), body


def test_post_to_stdout_is_the_article_with_its_footnotes(cli):
    code, out, err = cli("post", DEMO_ARTICLE_TITLE)
    assert code == 0 and err == ""
    meta, body = split(out)
    assert meta["title"] == DEMO_ARTICLE_TITLE and meta["song"] == DEMO_TITLE
    assert meta["lyricpad_id"] == demo_id("article")
    tokens = PARSER.parse(body)
    assert sum(t.type == "footnote_open" for t in tokens) == 2
    assert "## Light against dark water" in body and "<!--" not in body


def test_post_by_id_prefix_within_a_song_in_every_profile_and_mode(cli):
    for args in (
        ("--notes", "inline", "--ids"),
        ("--profile", "obsidian", "--show-lens"),
        ("--notes", "none"),
        ("--format", "html"),
    ):
        code, out, err = cli("post", demo_id("article")[:8], "--song", DEMO_TITLE, *args)
        assert code == 0 and err == "" and out, args
    assert "<!-- lyricpad:annotation" in cli("post", DEMO_ARTICLE_TITLE, "--ids")[1]


def test_post_to_a_file_twice_writes_the_same_bytes(cli, tmp_path):
    target = tmp_path / "site" / "post.html"
    code, out, _ = cli("post", DEMO_ARTICLE_TITLE, "--format", "html", "--page", "-o", target)
    assert code == 0 and "Published the article" in out and str(target) in out
    first = target.read_bytes()
    assert first.startswith(b"<!doctype html>") and b"<script" not in first
    assert cli("post", DEMO_ARTICLE_TITLE, "--format", "html", "--page", "-o", target)[0] == 0
    assert target.read_bytes() == first
    assert [p.name for p in target.parent.iterdir()] == ["post.html"]  # no temporary file left


def test_json_reports(cli, tmp_path):
    code, out, _ = cli("post", DEMO_ARTICLE_TITLE, "--json")
    data = json.loads(out)
    assert code == 0 and data["article"] == demo_id("article") and data["text"].startswith("---\n")
    code, out, _ = cli("post", DEMO_ARTICLE_TITLE, "--json", "-o", tmp_path / "p.md")
    assert code == 0 and json.loads(out)["written"] == str(tmp_path / "p.md")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (("No such article",), 1, "no article matches 'No such article'"),
        ((DEMO_ARTICLE_TITLE, "--song", "No such song"), 1, "no song matches"),
        ((DEMO_ARTICLE_TITLE, "--profile", "tumblr"), 2, "invalid choice: 'tumblr'"),
        ((DEMO_ARTICLE_TITLE, "--notes", "margin"), 2, "invalid choice: 'margin'"),
        ((DEMO_ARTICLE_TITLE, "--page"), 1, "--page makes a whole HTML page"),
        ((DEMO_ARTICLE_TITLE, "--format", "html", "--profile", "obsidian"), 1, "blog profile"),
        (("",), 2, "is empty"),
    ],
)
def test_bad_inputs_are_refused_with_one_message_and_nothing_written(
    cli, capsys, library, tmp_path, args, code, message
):
    library.close()
    before = data_dump(library.path)
    target = tmp_path / "out.md"
    try:
        got, out, err = cli("post", *args, "-o", target)
    except SystemExit as exit_info:  # argparse's usage errors leave main() this way
        got, (out, err) = exit_info.code, capsys.readouterr()
    assert got == code and out == ""
    assert message in err and err.count("\n") == 1, err
    assert not target.exists()
    assert data_dump(library.path) == before


def test_the_library_file_is_never_written_over(cli, library, library_path):
    library.close()
    before = data_dump(library_path)
    code, out, err = cli("post", DEMO_ARTICLE_TITLE, "-o", library_path)
    assert code == 1 and out == "" and "cannot write over it" in err and err.count("\n") == 1
    assert data_dump(library_path) == before


def test_notes_mean_something_in_the_obsidian_profile_and_the_help_says_what(cli):
    footnotes = cli("post", DEMO_ARTICLE_TITLE, "--profile", "obsidian", "--notes", "footnotes")[1]
    inline = cli("post", DEMO_ARTICLE_TITLE, "--profile", "obsidian", "--notes", "inline")[1]
    assert sum(t.type == "footnote_open" for t in PARSER.parse(split(footnotes)[1])) == 2
    assert "[!note]" not in footnotes and "^lp-" not in footnotes
    assert inline.count("> [!note]") == 2 and inline.count("\n^lp-") == 2 and "[^" not in inline
    post = next(
        a.choices["post"]
        for a in build_parser()._actions
        if isinstance(a, argparse._SubParsersAction)  # (argparse has no public way to a subparser)
    )
    notes = " ".join(post.format_help().split())
    assert "default: footnotes for blog, inline for obsidian, where inline notes are callouts" in notes


def test_an_obsidian_post_writes_callouts_unless_footnotes_are_asked_for(cli):
    article = "Lanterns on the Water: a close reading"
    code, default, err = cli("post", article, "--profile", "obsidian")
    assert code == 0, err
    code, inline, err = cli("post", article, "--profile", "obsidian", "--notes", "inline")
    assert code == 0, err
    code, footnotes, err = cli("post", article, "--profile", "obsidian", "--notes", "footnotes")
    assert code == 0, err
    assert default == inline and "> [!note]" in default and "^lp-" in default
    assert footnotes != default and "[^lp1]" in footnotes and "> [!note]" not in footnotes
    code, blog, err = cli("post", article)
    assert "[^lp1]" in blog and "> [!note]" not in blog  # a blog post: footnotes
