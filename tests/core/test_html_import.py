"""Articles from HTML: saved pages through trafilatura, pasted HTML; nothing fetched, nothing unsafe kept."""

import re
import socket
from pathlib import Path

import pytest
import trafilatura  # noqa: F401  (loaded before sockets are blocked: ssl subclasses socket.socket on import)

from lyricpad.core.errors import ImportRefused
from lyricpad.core.html_import import article_from_clipboard, html_to_article, sanitise_markdown
from lyricpad.core.importers import read_import

DATA = Path(__file__).parent.parent / "data" / "import"


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to open a socket fails the test."""
    attempts = []

    def refuse(*args, **kwargs):
        attempts.append(args)
        raise AssertionError(f"network access attempted: {args!r}")

    class BlockedSocket(socket.socket):
        def __init__(self, *args, **kwargs):
            refuse(*args)

    monkeypatch.setattr(socket, "socket", BlockedSocket)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return attempts


def test_the_network_block_works(no_network):
    with pytest.raises(AssertionError, match="network access"):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(AssertionError, match="network access"):
        socket.socket()


def assert_safe(markdown: str) -> None:
    lowered = markdown.lower()
    assert "<script" not in lowered and "alert(" not in lowered
    assert not re.search(r"\bon[a-z]+\s*=", lowered)
    assert "javascript:" not in lowered and "data:" not in lowered
    assert not re.search(r"!\[[^\]]*\]\(", markdown)  # no image at all
    assert "127.0.0.1" not in markdown and "file:" not in lowered
    assert "<iframe" not in lowered and "<object" not in lowered and "<embed" not in lowered


def test_hostile_page_keeps_its_text_and_nothing_else(no_network):
    article = read_import(DATA / "hostile.html")
    assert no_network == []
    assert_safe(article.text)
    assert "the only honest part of the page" in article.text
    assert "[a safe link](https://safe.example/ok)" in article.text
    assert "a javascript link" in article.text  # the words stay, the link goes
    # After <embed> (an empty element the HTML parser does not know as one) the text goes on.
    assert article.text.endswith("still about the ferry and the lanterns on the water, long enough to count.")
    assert article.title == "A page that tries everything"
    assert (article.kind, article.format, article.encoding) == ("article", "html", "utf-8")


def test_a_local_file_named_by_the_page_is_never_read(tmp_path, no_network):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-MARKER")
    html = (
        f'<!DOCTYPE html [<!ENTITY xxe SYSTEM "file://{secret}">]><html><body><article>'
        f"<p>The ferry waits at the quay while the lanterns drift, a paragraph long enough to keep. &xxe;</p>"
        f'<p><img src="file://{secret}"> <a href="file://{secret}">a local link</a> and more words here.</p>'
        "</article></body></html>"
    )
    article = html_to_article(html, "local.html")
    assert "TOP-SECRET-MARKER" not in article.text
    assert str(secret) not in article.text
    assert_safe(article.text)


def test_saved_page_gives_markdown_and_metadata(no_network):
    article = read_import(DATA / "page.html")
    assert article.title == "The long wait of the night ferry"
    assert article.author == "Ivo Marsh"
    assert article.date == "2024-03-05"
    assert article.source == "https://harbour-notes.example/night-ferry"
    assert "*Lanterns on the Water*" in article.text
    assert "## A chorus that waits" in article.text
    assert "**voices**" in article.text
    assert "[earlier notes on the lyrics](https://harbour-notes.example/lyrics-notes)" in article.text
    assert "Privacy" not in article.text and "Contact" not in article.text  # boilerplate left out
    assert not article.text.startswith("# ")  # the title heading became the title


def test_page_without_text_is_refused(no_network):
    with pytest.raises(ImportRefused, match="“empty.html” holds no article text"):
        html_to_article("<html><head><script>alert(1)</script></head><body></body></html>", "empty.html")


def test_page_in_a_declared_legacy_charset(tmp_path, no_network):
    html = (
        '<html><head><meta charset="windows-1251"><title>Паром</title></head><body><article>'
        "<p>Ночной паром уходит в темноту, и фонари плывут по воде, а песня не кончается никогда.</p>"
        "</article></body></html>"
    )
    path = tmp_path / "ru.html"
    path.write_bytes(html.encode("cp1251"))
    article = read_import(path)
    assert "Ночной паром" in article.text
    assert article.encoding == "windows-1251"


@pytest.mark.parametrize(
    "markdown, expected",
    [
        ("[x](javascript:alert(1))", "x"),
        ("[x](<javascript:alert(1)>)", "x"),
        ("[x](data:text/html,hi)", "x"),
        ("[x](file:///etc/passwd)", "x"),
        ("[x](/relative)", "x"),
        ("[x](https://ok.example)", "[x](https://ok.example)"),
        ("[m](mailto:a@b.example)", "[m](mailto:a@b.example)"),
        ("a ![pic](http://evil.example/p.png) b", "a  b"),
        ("a <img src=x onerror=alert(1)> b", "a  b"),
        ("<script>bad()</script>", "bad()"),
        ("<javascript:alert(1)> <https://ok.example>", " <https://ok.example>"),
    ],
)
def test_sanitise_markdown(markdown, expected):
    assert sanitise_markdown(markdown) == expected


def test_clipboard_html_keeps_headings_quotes_and_emphasis(no_network):
    html = (
        "<html><body><!--StartFragment--><h1>On the ferry</h1><h2 onclick='x()'>The chorus</h2>"
        "<p>It <em>waits</em> and <strong>waits</strong>, <a href='javascript:x()'>here</a> and "
        "<a href='https://ok.example/a'>there</a>.</p><blockquote><p>Every tide turns back.</p></blockquote>"
        "<ul><li>one</li><li>two</li></ul><img src='http://127.0.0.1:9/p.png'><script>alert(1)</script>"
        "<!--EndFragment--></body></html>"
    )
    plain = "On the ferry\nThe chorus\nIt waits and waits, here and there.\nEvery tide turns back.\none\ntwo"
    article = article_from_clipboard(html, plain)
    assert article.title == "On the ferry"
    assert article.format == "html"
    assert article.text == (
        "## The chorus\n\nIt *waits* and **waits**, here and [there](https://ok.example/a).\n\n"
        "> Every tide turns back.\n\n- one\n- two"
    )
    assert_safe(article.text)


def test_clipboard_html_that_loses_a_paragraph_falls_back_to_the_plain_text():
    plain = "A title\nThis paragraph has more than eight words in it and the HTML lost it."
    article = article_from_clipboard("<p>A title</p>", plain)
    assert article.format == "plain"
    assert article.title == "A title"
    assert article.text == "This paragraph has more than eight words in it and the HTML lost it."


def test_clipboard_plain_text_with_furniture():
    article = article_from_clipboard(None, (DATA / "pasted.txt").read_text(encoding="utf-8"))
    assert article.title == "Why the ferry never leaves: a close reading"
    assert [item.rule for item in article.furniture][:4] == [
        "view count",
        "reading time",
        "button",
        "repeated title",
    ]
    cleaned = article.without_furniture()
    assert cleaned.furniture == [] and "12,480 views" not in cleaned.text
    assert "The chorus answers the question nobody asked." in cleaned.text


@pytest.mark.parametrize("html, plain", [(None, ""), ("", "  \n "), ("<script>x()</script>", "")])
def test_empty_clipboard_is_refused(html, plain):
    with pytest.raises(ImportRefused, match="clipboard holds no text"):
        article_from_clipboard(html, plain)
