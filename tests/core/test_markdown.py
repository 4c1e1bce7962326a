"""Articles rendered from Markdown to the plain text (and blocks and spans) that annotations count over."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lyricpad.core.anchoring import anchors_for_quote
from lyricpad.core.demo import _DEMO_ANNOTATIONS, DEMO_ARTICLE
from lyricpad.core.markdown import render_article, rendered_text

# (Markdown, rendered text): blocks joined by one "\n", soft breaks are spaces, hard breaks "\n".
TEXT_CASES = [
    ("", ""),
    ("\n\n  \n", ""),
    ("# Title\n\nBody text.", "Title\nBody text."),
    ("Title\n=====\n\nSub\n---\n\nBody", "Title\nSub\nBody"),
    ("one\ntwo\nthree", "one two three"),
    ("one\\\ntwo", "one\ntwo"),
    ("one  \ntwo", "one\ntwo"),
    ("first paragraph\n\n\n\nsecond paragraph", "first paragraph\nsecond paragraph"),
    ("- a\n- b\n  - b1\n  - b2\n- c", "a\nb\nb1\nb2\nc"),
    ("3. three\n4. four", "three\nfour"),
    ("- item\n\n  more of the item\n- next", "item\nmore of the item\nnext"),
    ("- \n- x", "\nx"),
    ("- - nested at once", "\nnested at once"),
    ("> quoted\n> > deeper\n\nout", "quoted\ndeeper\nout"),
    ("> If the dark,\\\n> then the road,", "If the dark,\nthen the road,"),
    ("```python\ndef f():\n    return 1\n```", "def f():\n    return 1"),
    ("```\n```", ""),
    ("    indented\n    code", "indented\ncode"),
    ("a *b* **c** `d` ~~e~~ _f_", "a b c d e f"),
    ("[text](https://example.com)", "text"),
    ("[danger](javascript:alert(1))", "danger"),
    ("<https://example.com>", "https://example.com"),
    ("![a lantern](lantern.png)", "a lantern"),
    ("![a *lit* lantern](x.png)", "a lit lantern"),
    ("<b>bold?</b> <script>alert(1)</script>", "<b>bold?</b> <script>alert(1)</script>"),
    ("<div>\nblock\n</div>", "<div> block </div>"),
    ("&amp; &lt;b&gt; &copy; &#x1F600;", "& <b> © 😀"),
    ("10&nbsp;km", "10\xa0km"),
    (r"\*not emphasis\*", "*not emphasis*"),
    ("before\n\n---\n\nafter", "before\n\nafter"),
    ("| a | b |\n|---|---|\n| 1 | **2** |", "a\tb\n1\t2"),
    ("| `x\ty` | z |\n|--|--|", "x y\tz"),
    ("😀 *emoji* first", "😀 emoji first"),
]


@pytest.mark.parametrize("markdown,expected", TEXT_CASES)
def test_rendered_text(markdown, expected):
    assert rendered_text(markdown) == expected
    assert render_article(markdown).text == expected


@pytest.mark.parametrize(
    "variant",
    ["# Café\r\n\r\nline one\r\nline two\r\n", "\ufeff# Cafe\u0301\n\nline one\nline two\n"],
)
def test_line_endings_and_composition_do_not_change_the_text(variant):
    # Stored bodies are normalised already; rendering normalises again so that anything renders the same.
    assert rendered_text(variant) == "Café\nline one line two"


def test_empty_document_has_no_blocks_or_spans():
    article = render_article("")
    assert (article.text, article.blocks, article.spans) == ("", (), ())


def block_summary(markdown):
    article = render_article(markdown)
    return [
        (
            b.kind,
            article.text[b.start : b.end],
            b.level,
            b.quote_depth,
            b.list_depth,
            b.item.marker if b.item else "",
        )
        for b in article.blocks
    ]


@pytest.mark.parametrize(
    "markdown,blocks",
    [
        (
            "# One\n## Two\n###### Six\n\npara",
            [
                ("heading", "One", 1, 0, 0, ""),
                ("heading", "Two", 2, 0, 0, ""),
                ("heading", "Six", 6, 0, 0, ""),
                ("paragraph", "para", 0, 0, 0, ""),
            ],
        ),
        (
            "- a\n  - b\n    - c\n      - d\n- e",
            [
                ("paragraph", "a", 0, 0, 1, "•"),
                ("paragraph", "b", 0, 0, 2, "◦"),
                ("paragraph", "c", 0, 0, 3, "▪"),
                ("paragraph", "d", 0, 0, 4, "▪"),
                ("paragraph", "e", 0, 0, 1, "•"),
            ],
        ),
        (
            "7) seven\n8) eight\n   1. inner\n\n   after",
            [
                ("paragraph", "seven", 0, 0, 1, "7)"),
                ("paragraph", "eight", 0, 0, 1, "8)"),
                ("paragraph", "inner", 0, 0, 2, "1."),
                ("paragraph", "after", 0, 0, 1, ""),
            ],
        ),
        (
            "> q\n>\n> > qq\n>\n> - item",
            [
                ("paragraph", "q", 0, 1, 0, ""),
                ("paragraph", "qq", 0, 2, 0, ""),
                ("paragraph", "item", 0, 1, 1, "•"),
            ],
        ),
        (
            "```\ncode\n```\n\n***",
            [("code", "code", 0, 0, 0, ""), ("rule", "", 0, 0, 0, "")],
        ),
    ],
)
def test_blocks(markdown, blocks):
    assert block_summary(markdown) == blocks


def test_items_of_one_list_share_it_and_count_on_after_a_nested_list():
    article = render_article("1. a\n   - x\n2. b\n\n- other list")
    items = [b.item for b in article.blocks]
    assert [i.list_id for i in items] == [1, 2, 1, 3]
    assert [i.number for i in items if i.ordered] == [1, 2]


def test_code_block_language_and_table_rows():
    article = render_article("```python extra\nx\n```\n\n| h | i |\n|---|---|\n| 1 | 2 |")
    code, head, row = article.blocks
    assert code.language == "python"
    assert (head.kind, head.header, row.header) == ("table_row", True, False)
    assert head.table_id == row.table_id


def span_summary(markdown):
    article = render_article(markdown)
    return [(s.kind, article.text[s.start : s.end], s.href) for s in article.spans]


@pytest.mark.parametrize(
    "markdown,spans",
    [
        ("a *em* b", [("emphasis", "em", "")]),
        ("**strong** _em_", [("strong", "strong", ""), ("emphasis", "em", "")]),
        ("***both***", [("emphasis", "both", ""), ("strong", "both", "")]),
        ("x `co de` y", [("code", "co de", "")]),
        ("~~gone~~", [("strikethrough", "gone", "")]),
        (
            "see [the *site*](https://example.com)",
            [("link", "the site", "https://example.com"), ("emphasis", "site", "")],
        ),
        ("[run](javascript:alert(1))", [("link", "run", "javascript:alert(1)")]),
        ("![alt text](pic.png)", [("image", "alt text", "pic.png")]),
        ("[](https://empty.example)", []),
        ("😀 *after emoji*", [("emphasis", "after emoji", "")]),
        ("# A *b*\n\n> c **d**", [("emphasis", "b", ""), ("strong", "d", "")]),
        ("line one\\\n*line two*", [("emphasis", "line two", "")]),
    ],
)
def test_spans(markdown, spans):
    assert span_summary(markdown) == spans


def test_the_demo_article_renders_without_markup():
    text = rendered_text(DEMO_ARTICLE)
    for markup in ("##", "*", "\\", "> ", "- "):
        assert markup not in text
    assert "Light against dark water\n" in text
    assert "If the dark is only distance,\nthen the distance is a road," in text


@pytest.mark.parametrize("quote", [q for target, q, *_ in _DEMO_ANNOTATIONS if target == "article"])
def test_demo_article_quotes_are_found_in_the_rendered_text(quote):
    (anchor,) = anchors_for_quote(rendered_text(DEMO_ARTICLE), quote, 1)
    assert anchor.quote == quote


def test_rendering_is_cached():
    assert render_article(DEMO_ARTICLE) is render_article(DEMO_ARTICLE)


MARKDOWN_PIECES = st.sampled_from(
    [
        *"ab *_`#>-+1.)[]()!<>&;\\|~:\n \t",
        "\r\n",
        "&amp;",
        "&nbsp;",
        "😀",
        "e\u0301",
        "\u2028",
        "\ufdd0",
        "```",
        "    ",
        "---",
        "| a | b |\n|---|---|\n",
        "<b>",
        "](x)",
        "![",
        "\\\n",
        "  \n",
    ]
)


@settings(max_examples=400, deadline=None)
@given(st.text() | st.lists(MARKDOWN_PIECES, max_size=60).map("".join))
def test_any_text_renders_to_consistent_blocks_and_spans(markdown):
    article = render_article(markdown)
    text = article.text
    end = -1
    for block in article.blocks:
        assert block.start == end + 1 and block.start <= block.end
        if block.start:
            assert text[block.start - 1] == "\n"
        if block.kind == "rule":
            assert block.start == block.end
        end = block.end
    assert (article.blocks[-1].end if article.blocks else 0) == len(text)
    for span in article.spans:
        assert span.start < span.end
        assert any(b.start <= span.start and span.end <= b.end for b in article.blocks)
    # Characters Qt would turn into block boundaries never reach the text.
    assert not {"\r", "\u2028", "\u2029", "\ufdd0", "\ufdd1"} & set(text)
