"""Full-text search and its index kept in step with the tables."""

from library_testing import fts_integrity_check, kinds

from lyricpad.core.anchoring import anchor_for_lines, anchors_for_quote

# --------------------------------------------------------------------- FTS


def test_fts_follows_insert_update_delete(empty_library):
    lib = empty_library
    song = lib.songs.add("Zebra Song", lyrics="a marigold line\nanother line")
    assert kinds(lib, "marigold") == {"song"}
    article = lib.articles.add(song.id, "Essay", "the porcupine paragraph")
    annotation = lib.annotations.add(
        song.id, anchors_for_quote(song.lyrics, "marigold", 1), note="think of quokkas"
    )
    assert kinds(lib, "porcupine") == {"article"}
    assert kinds(lib, "quokkas") == {"note"}
    assert kinds(lib, "marigold") == {"song", "quote"}
    fts_integrity_check(lib)

    lib.songs.update(song.id, lyrics="a tulip line\nanother line")
    lib.articles.update(article.id, body="the hedgehog paragraph")
    lib.annotations.set_note(annotation.id, "think of wombats")
    assert kinds(lib, "tulip") == {"song"}
    assert kinds(lib, "marigold") == {"quote"}  # the quote keeps its text until re-anchoring
    assert kinds(lib, "porcupine") == set() and kinds(lib, "hedgehog") == {"article"}
    assert kinds(lib, "quokkas") == set() and kinds(lib, "wombats") == {"note"}
    fts_integrity_check(lib)

    with lib.write():
        lib.db.execute("DELETE FROM songs WHERE id = ?", [song.id])
    for word in ("tulip", "hedgehog", "wombats", "marigold", "zebra"):
        assert lib.search.find(word) == []
    fts_integrity_check(lib)


def test_search_ignores_deleted_annotations_and_fts_syntax(empty_library):
    lib = empty_library
    song = lib.songs.add("S", lyrics="one\ntwo")
    note = lib.annotations.add(song.id, [anchor_for_lines(song.lyrics, 1, 1)], note="gooseberry")
    lib.annotations.set_deleted(note.id)
    assert lib.search.find("gooseberry") == []
    for query in ('"', "AND OR NOT", "a*", "col:x", "(", "NEAR("):
        lib.search.find(query)  # no FTS syntax error reaches the user
    assert lib.search.find("   ") == []


def test_search_across_diacritics(empty_library):
    lib = empty_library
    lib.songs.add("S", lyrics="le café noir")
    assert kinds(lib, "cafe") == {"song"}


# ------------------------------------------------------------ search & FTS


def test_fts_follows_direct_deletes_and_fragment_rewrites(empty_library):
    lib = empty_library
    song = lib.songs.add("S", lyrics="velvet thunder\nquiet rain")
    article = lib.articles.add(song.id, "A", "an essay on kumquats")
    note = lib.annotations.add(song.id, anchors_for_quote(song.lyrics, "velvet", 1), note="about narwhals")
    with lib.write():
        lib.annotations.write_fragments(note.id, anchors_for_quote(song.lyrics, "quiet rain", 1))
    assert kinds(lib, "velvet") == {"song"} and kinds(lib, "rain") == {"song", "quote"}
    with lib.write():
        lib.db.execute("DELETE FROM annotations WHERE id = ?", [note.id])
        lib.db.execute("DELETE FROM articles WHERE id = ?", [article.id])
    assert lib.search.find("narwhals") == [] and lib.search.find("kumquats") == []
    assert kinds(lib, "rain") == {"song"}
    fts_integrity_check(lib)


def test_search_leaves_out_songs_in_the_trash(empty_library):
    lib = empty_library
    song = lib.songs.add("S", lyrics="a jacaranda tree")
    article = lib.articles.add(song.id, "A", "jacaranda essay")
    lib.annotations.add(song.id, anchors_for_quote(song.lyrics, "jacaranda", 1), note="jacaranda note")
    assert kinds(lib, "jacaranda") == {"song", "article", "note", "quote"}
    with lib.write():
        lib.db.execute("UPDATE songs SET deleted = 1 WHERE id = ?", [song.id])
    assert lib.search.find("jacaranda") == []
    assert article.id  # the article itself is untouched


def test_a_search_of_too_many_words_uses_the_first_and_says_so(empty_library):
    from lyricpad.core.search_query import MAX_TERMS

    empty_library.songs.add("Song", lyrics=" ".join(f"w{i}" for i in range(MAX_TERMS)))
    page = empty_library.search.page(" ".join(f"w{i}" for i in range(5000)))
    assert (
        len(page.hits) == 1 and f"first {MAX_TERMS} words; {5000 - MAX_TERMS} more were left out" in page.note
    )
