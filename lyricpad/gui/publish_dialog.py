"""File > Publish Article…: the article shown as a post (Markdown or HTML), previewed, copied or saved."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSignalBlocker, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from lyricpad.app.export_labels import sentence
from lyricpad.app.publishing import PublishOptions, last_folders, set_last_folder
from lyricpad.app.session import Session
from lyricpad.core.errors import LyricpadError
from lyricpad.core.export.files import safe_file_stem
from lyricpad.core.export.post import render_post
from lyricpad.core.models import Article
from lyricpad.gui.output_dialog import PREVIEW_DELAY_MS, OutputDialog, to_clipboard
from lyricpad.gui.publish_preview import PublishPreview

__all__ = ["PREVIEW_DELAY_MS", "PublishDialog", "PublishOptions"]

# The combo boxes' entries: (value, label shown); the labels are translated where shown.
PROFILE_LABELS = {
    "blog": QT_TRANSLATE_NOOP("PublishDialog", "Blog post (CommonMark)"),
    "obsidian": QT_TRANSLATE_NOOP("PublishDialog", "Obsidian note"),
}
NOTE_LABELS = {
    "footnotes": QT_TRANSLATE_NOOP("PublishDialog", "Footnotes"),
    "inline": QT_TRANSLATE_NOOP("PublishDialog", "Inline, after the paragraph"),
    "none": QT_TRANSLATE_NOOP("PublishDialog", "None"),
}
FORMAT_LABELS = {
    "markdown": QT_TRANSLATE_NOOP("PublishDialog", "Markdown"),
    "html": QT_TRANSLATE_NOOP("PublishDialog", "HTML"),
}
SUFFIXES = {"markdown": ".md", "html": ".html"}
FILE_PATTERNS = {"markdown": "*.md", "html": "*.html *.htm"}
"""The file dialog's patterns for each format (named by FORMAT_LABELS)."""


def _combo(labels: dict[str, str]) -> QComboBox:
    combo = QComboBox()
    for value, label in labels.items():
        combo.addItem(QCoreApplication.translate("PublishDialog", label), value)
    return combo


def _heading(text: str, buddy: QWidget) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setWeight(QFont.Weight.DemiBold)
    label.setFont(font)
    label.setBuddy(buddy)
    return label


class PublishDialog(OutputDialog):
    """Publish one article: the options on the left, the post as it will be written on the right.

    The post is `render_post`'s text, nothing else: the preview shows it (HTML rendered, or its
    source), Copy puts it on the clipboard (HTML also as rich text), Save… writes it atomically.
    The preview follows the options and the library a moment after each change; the article is
    the one `set_article` names (the window passes the article it shows).
    """

    published = Signal(str)
    """The post was saved: a message saying where, for a status bar."""

    @property
    def save_title(self) -> str:
        return self.tr("Save Post")

    @property
    def error_title(self) -> str:
        return self.tr("Publish Failed")

    def __init__(self, session: Session, parent: QWidget | None = None, article_id: str = ""):
        super().__init__(parent)
        self._session = session
        self._article_id = article_id
        self._text = ""
        self._profile_choice = "blog"  # kept while HTML shows (and uses) the blog profile

        self._set_up(self.tr("Publish Article"), 940, 620, PublishOptions.load(self._settings))

    # ------------------------------------------------------------------ building

    def _build(self) -> None:
        layout, body = self._columns()

        self.options_panel = QWidget()
        self.options_panel.setMinimumWidth(250)
        self.options_panel.setMaximumWidth(310)
        side = QVBoxLayout(self.options_panel)
        side.setContentsMargins(0, 0, 0, 0)
        self.article_label = QLabel()
        self.article_label.setWordWrap(True)
        self.article_label.setTextFormat(Qt.TextFormat.PlainText)
        self.article_label.setAccessibleName(self.tr("Article published"))
        side.addWidget(self.article_label)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.setVerticalSpacing(6)
        # Each combo box is named by its heading (a buddy label), to screen readers too.
        self.profile_combo = _combo(PROFILE_LABELS)
        form.addRow(_heading(self.tr("&Post for"), self.profile_combo), self.profile_combo)
        self.notes_combo = _combo(NOTE_LABELS)
        form.addRow(_heading(self.tr("&Notes"), self.notes_combo), self.notes_combo)
        self.format_combo = _combo(FORMAT_LABELS)
        form.addRow(_heading(self.tr("&Format"), self.format_combo), self.format_combo)
        self.page_check = QCheckBox(self.tr("Full HTML &page"))
        self.page_check.setToolTip(
            self.tr("A whole web page (title, character set, a little style) rather than a fragment")
        )
        self.ids_check = QCheckBox(self.tr("Annotation &ids"))
        self.ids_check.setToolTip(self.tr("Mark each note with its annotation's id (an HTML comment)"))
        self.lens_check = QCheckBox(self.tr("&Lens names"))
        self.lens_check.setToolTip(self.tr("Name each note's lens"))
        for check in (self.page_check, self.ids_check, self.lens_check):
            form.addRow(check)
        side.addLayout(form)
        side.addStretch(1)
        body.addWidget(self.options_panel)

        preview_column = QVBoxLayout()
        preview_column.setSpacing(4)
        preview_header = QHBoxLayout()
        self.preview_label = QLabel(self.tr("Pre&view"))
        self.source_check = QCheckBox(self.tr("Show HTML so&urce"))
        self.source_check.setToolTip(
            self.tr("Show the HTML as it is copied and saved, not as a page shows it")
        )
        preview_header.addWidget(self.preview_label)
        preview_header.addStretch(1)
        preview_header.addWidget(self.source_check)
        self.preview = PublishPreview()
        self.preview_label.setBuddy(self.preview)
        preview_column.addLayout(preview_header)
        preview_column.addWidget(self.preview, 1)
        body.addLayout(preview_column, 1)

        self._build_footer(
            layout,
            status_name=self.tr("Publish status"),
            copy_tip=self.tr("Copy the post to the clipboard (Ctrl+C)"),
            save_tip=self.tr("Save the post to a file (Ctrl+S)"),
        )

    def _connect(self) -> None:
        self.profile_combo.currentIndexChanged.connect(self._on_profile_combo_changed)
        for combo in (self.notes_combo, self.format_combo):
            combo.currentIndexChanged.connect(self._on_option_changed)
        for check in (self.page_check, self.ids_check, self.lens_check, self.source_check):
            check.toggled.connect(self._on_option_changed)
        self._connect_footer(self.copy_post)
        session = self._session
        for signal in (session.songs_changed, session.lenses_changed):
            signal.connect(self.schedule_preview)
        for signal in (session.song_changed, session.articles_changed, session.links_changed):
            signal.connect(self.schedule_preview)
        session.annotations_changed.connect(self.schedule_preview)

    # ------------------------------------------------------------------ options

    def options(self) -> PublishOptions:
        """The options as the dialog shows them."""
        return PublishOptions(
            profile=self._profile_choice,
            notes=self.notes_combo.currentData(),
            fmt=self.format_combo.currentData(),
            page=self.page_check.isChecked(),
            ids=self.ids_check.isChecked(),
            show_lens=self.lens_check.isChecked(),
            source=self.source_check.isChecked(),
        )

    def set_options(self, options: PublishOptions) -> None:
        """Show *options* (the preview follows a moment later)."""
        checks = (self.page_check, self.ids_check, self.lens_check, self.source_check)
        combos = (self.profile_combo, self.notes_combo, self.format_combo)
        blockers = [QSignalBlocker(w) for w in (*combos, *checks)]
        self._profile_choice = options.profile
        for combo, value in zip(combos, (options.profile, options.notes, options.fmt), strict=True):
            combo.setCurrentIndex(combo.findData(value))
        for check, value in zip(
            checks, (options.page, options.ids, options.show_lens, options.source), strict=True
        ):
            check.setChecked(value)
        del blockers
        self._update_controls()
        self.schedule_preview()

    def _update_controls(self) -> None:
        """Enable what applies to the options chosen, and what needs an article."""
        options = self.options()
        html = options.fmt == "html"
        has_article = bool(self._article())
        self.options_panel.setEnabled(has_article)
        with QSignalBlocker(self.profile_combo):
            shown = "blog" if html else self._profile_choice
            self.profile_combo.setCurrentIndex(self.profile_combo.findData(shown))
        self.profile_combo.setEnabled(not html)
        self.profile_combo.setToolTip(
            self.tr("HTML is made from the blog post; an Obsidian note is Markdown for a vault")
            if html
            else ""
        )
        self.page_check.setEnabled(html)
        self.source_check.setEnabled(has_article and html)
        has_notes = options.notes != "none"
        obsidian = options.post_options()["profile"] == "obsidian"
        # Id comments are for blog engines (an Obsidian callout carries a block id); a lens is named wherever a note is.
        self.ids_check.setEnabled(has_notes and not obsidian)
        self.lens_check.setEnabled(has_notes)

    def _on_profile_combo_changed(self, *_args) -> None:
        self._profile_choice = self.profile_combo.currentData()
        self._on_option_changed()

    def _on_option_changed(self, *_args) -> None:
        self._update_controls()
        self.options().save(self._settings)
        self.schedule_preview()

    # ------------------------------------------------------------------ the article

    def set_article(self, article_id: str) -> None:
        """Publish *article_id* ("" when the window shows no article)."""
        if article_id != self._article_id:
            self._article_id = article_id
            self._said = ""
            self.schedule_preview()

    def article_id(self) -> str:
        return self._article_id

    def _article(self) -> Article | None:
        if not self._article_id:
            return None
        try:
            article = self._session.library.articles.get(self._article_id)
        except LyricpadError:
            return None
        return None if article.deleted else article

    def _no_article_message(self) -> str:
        song_id = self._session.current_song_id
        no_song = self.tr("No song is open: there is no article to publish.")
        if not song_id:
            return no_song
        try:
            name = self._session.song(song_id).display_name
        except LyricpadError:
            return no_song
        return self.tr(
            "“{song}” has no article to publish. Write one beside the lyrics with "
            "File > New Article (Ctrl+Shift+N), then publish it from here."
        ).format(song=name)

    # ------------------------------------------------------------------ preview

    def refresh_preview(self) -> None:
        """Rebuild the post now from the library and the options."""
        self._preview_timer.stop()
        self._stale = False
        self._update_controls()
        article = self._article()
        options = self.options()
        text, message = "", ""
        if article is None:
            message = self._no_article_message()
        else:
            try:
                text = render_post(self._session.library, article.id, **options.post_options())
            except LyricpadError as exc:
                message = sentence(str(exc))
        self._text = text
        if message:
            # The whole sentence is in the status line; the empty preview only says why it is empty.
            self.preview.show_message(
                self.tr("No article to publish.") if article is None else self.tr("No post to show.")
            )
            self.article_label.setText("")
        else:
            self.preview.show_post(text, options.fmt, as_source=options.source)
            self.article_label.setText(self._describe(article))
        # What Copy or Save last said is kept while the post is rebuilt.
        self.status_label.setText(message or self._said)
        self._set_copy_enabled(bool(text))
        self._set_save_enabled(bool(text))

    def _describe(self, article: Article) -> str:
        title = article.title or self.tr("Untitled article")
        try:
            song = self._session.song(article.song_id).display_name
        except LyricpadError:
            return self.tr("“{title}”").format(title=title)
        return self.tr("“{title}”, about “{song}”").format(title=title, song=song)

    def post_text(self) -> str:
        """The post exactly as Copy and Save give it."""
        if self._preview_timer.isActive() or self._stale:
            self.refresh_preview()  # an option or the library changed a moment ago: not the old post
        return self._text

    # ------------------------------------------------------------------ copy

    def copy_post(self) -> None:
        """Put the post on the clipboard: as text, and for HTML also as HTML (pasted as rich text)."""
        text = self.post_text()
        if not text:
            return
        to_clipboard(text, html=self.options().fmt == "html")
        self._say(self.tr("Copied the post (%n line(s)) to the clipboard.", "", text.count("\n")))

    def _shown_view(self) -> QPlainTextEdit | QTextBrowser:
        return self.preview.view()

    # ------------------------------------------------------------------ saving

    def suggested_name(self) -> str:
        """The file name Save offers: the article's title, made safe, with the format's suffix."""
        article = self._article()
        title = article.title if article is not None else ""
        return safe_file_stem(title, "article") + SUFFIXES[self.options().fmt]

    def save(self) -> None:
        """Ask where, then write the post there atomically (an SQLite file is refused, with one message)."""
        text = self.post_text()
        if not text:
            return
        fmt = self.options().fmt
        start = self._start_folder(*last_folders(self._settings))
        kind = QCoreApplication.translate("PublishDialog", FORMAT_LABELS[fmt])
        file_filter = self.tr("{kind} ({patterns});;All files (*)").format(
            kind=kind, patterns=FILE_PATTERNS[fmt]
        )
        target = self.ask_save_path(start / self.suggested_name(), file_filter)
        if target is None:
            return
        set_last_folder(target.parent, self._settings)
        written = self._write(target, text)
        if written is None:
            return
        message = self.tr("Saved the post to {path}.").format(path=written)
        self._say(message)
        self.published.emit(message)
