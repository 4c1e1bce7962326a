"""An LRC line sung several times ([00:12.00][01:40.20]line) shows every time in the gutter, the text
one line; the gutter widens only as the times need, and elides a line sung very often."""

from gui_testing import drop
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QFontMetrics, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip

from lyricpad.core.importers import ImportedText
from lyricpad.gui.import_dialog import ImportChoice
from lyricpad.gui.lyrics_gutter import GUTTER_PADDING, MAX_TIMES, format_lrc_time, time_labels
from lyricpad.gui.lyrics_pane import LyricsPane

LRC = """[ti:Paper Boats]
[ar:The Invented Band]
[00:05.00]Fold the paper, fold it twice,
[00:12.00][01:40.20]send the little boat away,
[00:20.50]down the gutter after rain,
[00:30.00][00:50.00][01:10.00][01:30.00][02:10.00][02:30.00]and the water knows the way.
"""


def import_lrc(window, qtbot, monkeypatch, tmp_path):
    """Drop an LRC file on the lyrics pane and take the review as the user pressing Import would."""

    def review(imported: ImportedText, *_args, **_kwargs):
        return ImportChoice(imported, imported.title or "Untitled", imported.artist, imported.author)

    monkeypatch.setattr(window.importer, "ask_review", review)
    path = tmp_path / "The Invented Band - Paper Boats.lrc"
    path.write_text(LRC, encoding="utf-8")
    with qtbot.waitSignal(window.importer.import_finished, timeout=20000):
        assert drop(window.lyrics_pane.viewport(), [path])
    qtbot.waitUntil(lambda: window.lyrics_pane.toPlainText().startswith("Fold the paper"))


def row(pane, line):
    """(top, height) of *line*'s first row in the gutter."""
    block = pane.document().findBlockByNumber(line - 1)
    top = round(pane.blockBoundingGeometry(block).translated(pane.contentOffset()).top())
    return top, round(block.layout().lineAt(0).height())


def ink_columns(pane, line):
    """The x of every gutter column holding ink on *line*'s row, left of the line number."""
    image = pane.gutter.grab().toImage()
    background = image.pixelColor(0, 0)
    top, height = row(pane, line)
    return [
        x
        for x in range(image.width())
        if any(image.pixelColor(x, y) != background for y in range(top, top + height))
    ]


def tooltip(pane, line):
    top, height = row(pane, line)
    point = QPoint(GUTTER_PADDING + 2, top + height // 2)
    event = QHelpEvent(QEvent.Type.ToolTip, point, pane.gutter.mapToGlobal(point))
    QApplication.sendEvent(pane.gutter, event)
    return QToolTip.text() if event.isAccepted() and QToolTip.isVisible() else ""


def test_a_line_sung_twice_shows_both_times_and_stays_one_line(window, qtbot, monkeypatch, tmp_path, shots):
    window.resize(1280, 800)
    import_lrc(window, qtbot, monkeypatch, tmp_path)
    pane = window.lyrics_pane
    assert pane.toPlainText().split("\n") == [
        "Fold the paper, fold it twice,",
        "send the little boat away,",
        "down the gutter after rain,",
        "and the water knows the way.",
    ]
    gutter = pane.gutter
    assert gutter.line_times(2) == [12_000, 100_200]
    assert tooltip(pane, 2) == "0:12.00, 1:40.20"
    # Line 2's ink reaches a whole time further right than line 1's (one time): both times are drawn.
    time_width = QFontMetrics(gutter.time_font()).horizontalAdvance("0:00.00")
    number_left = gutter.width() - GUTTER_PADDING - 2 * pane.fontMetrics().horizontalAdvance("9") - 6
    once_end = max(x for x in ink_columns(pane, 1) if x < number_left)
    twice_end = max(x for x in ink_columns(pane, 2) if x < number_left)
    assert twice_end >= once_end + time_width
    # A line sung six times shows the first times and how many more: "+4"; the tooltip lists all.
    assert time_labels(gutter.line_times(4)) == ["0:30.00", "0:50.00", f"+{6 - MAX_TIMES}"]
    assert tooltip(pane, 4) == ", ".join(format_lrc_time(ms) for ms in gutter.line_times(4))
    shots(window, "17-H2-gutter-times-1280x800")
    window.resize(1024, 700)
    shots(window, "17-H2-gutter-times-1024x700")
    assert gutter.width() < pane.width() * 0.5


def test_the_gutter_widens_only_as_far_as_the_times_need(window, qtbot, monkeypatch, tmp_path):
    import_lrc(window, qtbot, monkeypatch, tmp_path)
    song = window.session.song(window.session.current_song_id)
    pane = LyricsPane()  # on its own, to set its width exactly
    qtbot.addWidget(pane)
    pane.resize(700, 400)
    pane.show_song(song, [])
    pane.show()
    qtbot.waitExposed(pane)
    gutter = pane.gutter
    metrics = pane.fontMetrics()
    widths = {}
    for most in (1, 2, 3, 6):
        gutter.set_line_times([t[:most] if t else t for t in song.line_times])
        widths[most] = gutter.width_wanted()
    assert widths[1] < widths[2] < widths[3] == widths[6]  # "+1" and "+4": a short column, no more
    assert widths[3] - widths[2] < metrics.horizontalAdvance("0:00.00")
    assert widths[3] - widths[1] < 2 * metrics.horizontalAdvance("0:00.00 · ")
    assert gutter.width() == pane.viewportMargins().left() == widths[6]
    # In a narrow pane the times would take the lyrics' room: one time per line, and how many more.
    pane.resize(260, 400)
    qtbot.waitUntil(lambda: gutter.width_wanted() < widths[6])
    assert gutter.width() == pane.viewportMargins().left() == gutter.width_wanted() < widths[2]
    assert gutter.width() < pane.width() * 0.5
    assert tooltip(pane, 2) == "0:12.00, 1:40.20"  # every time still in the tooltip
    pane.resize(700, 400)
    qtbot.waitUntil(lambda: gutter.width_wanted() == widths[6])
    assert pane.viewportMargins().left() == widths[6]
