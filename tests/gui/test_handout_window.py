"""File > Print Handout… and Save Handout as PDF… in the main window: real PDFs, read back with pypdf."""

import io
import unicodedata

from pypdf import PdfReader


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "".join(
        "".join(unicodedata.normalize("NFKC", page.extract_text()).split()) for page in reader.pages
    )


def file_menu(window):
    return window.menuBar().actions()[0].menu().actions()


def test_the_file_menu_has_both_actions_for_the_song_shown(window):
    handout = window.handout
    assert handout.print_action in file_menu(window) and handout.save_pdf_action in file_menu(window)
    assert handout.print_action.text() == "&Print Handout…"
    assert handout.print_action.shortcut().toString() == "Ctrl+P"
    assert handout.print_action.isEnabled() and handout.save_pdf_action.isEnabled()


def test_save_as_pdf_writes_the_song_and_the_article_shown(window, tmp_path, monkeypatch):
    asked = []
    monkeypatch.setattr(
        window.handout, "ask_save_path", lambda suggested: asked.append(suggested) or tmp_path / "h"
    )
    window.handout.save_pdf_action.trigger()
    assert asked[0].name == "Lanterns on the Water — The Hollow Pines - handout.pdf"
    written = tmp_path / "h.pdf"  # the extension is added when the name has none
    text = pdf_text(written.read_bytes())
    assert "Theharbourlightsarefoldinguptheirwings," in text
    assert "Lampsasbirdssettlingforthenight" in text  # a note
    assert "Aquietsongaboutsendingwords".casefold() in text.casefold()  # the article shown
    assert str(written) in window.statusBar().currentMessage()


def test_a_note_being_typed_is_printed_too(window, qtbot, tmp_path, monkeypatch):
    annotation_id = window.current_song.annotations()[0].id
    window.select_annotation(annotation_id)
    window.note_editor.focus_note()
    qtbot.keyClicks(window.note_editor.note_edit, " Zebra crossing.")
    monkeypatch.setattr(window.handout, "ask_save_path", lambda suggested: tmp_path / "h.pdf")
    window.handout.save_pdf()
    assert "Zebracrossing." in pdf_text((tmp_path / "h.pdf").read_bytes())


def test_cancelled_save_writes_nothing(window, tmp_path, monkeypatch):
    monkeypatch.setattr(window.handout, "ask_save_path", lambda suggested: None)
    assert window.handout.save_pdf() is None
    assert list(tmp_path.glob("*.pdf")) == []


def test_a_refused_file_is_one_message_and_the_library_is_untouched(window, dialogs, monkeypatch):
    library = window.session.library_path
    monkeypatch.setattr(window.handout, "ask_save_path", lambda suggested: library)
    assert window.handout.save_pdf() is None
    assert len(dialogs) == 1 and dialogs[0][0] == "critical"
    assert dialogs[0][1].startswith("The handout was not saved: ")
    assert window.session.songs()  # the library still opens and reads


def test_print_paints_the_handout_on_the_printer_chosen(window, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter

    target = tmp_path / "printed.pdf"

    def choose(printer):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # a printer that writes a file
        printer.setOutputFileName(str(target))
        return True

    monkeypatch.setattr(window.handout, "ask_printer", choose)
    window.handout.print_action.trigger()
    data = target.read_bytes()
    text = pdf_text(data)
    assert "Everyshoreiscloserthanwethought,and" in text
    pages = PdfReader(io.BytesIO(data)).pages
    assert f"{len(pages)}/{len(pages)}" in text  # the footer's page numbers


def test_cancelled_print_prints_nothing(window, monkeypatch):
    monkeypatch.setattr(window.handout, "ask_printer", lambda printer: False)
    assert window.handout.print_handout() is False
