"""A read-only QTextBrowser that goes nowhere: its links inert, nothing fetched from disk or network."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt, QUrl
from PySide6.QtGui import QImage, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget


def blank_pixel() -> QImage:
    """One transparent pixel: what an image a document asks for is given instead."""
    pixel = QImage(1, 1, QImage.Format.Format_ARGB32)
    pixel.fill(Qt.GlobalColor.transparent)
    return pixel


class InertBrowser(QTextBrowser):
    """Shows a document and follows nothing: a link is not opened, a resource is not fetched.

    Its text is selectable by mouse and keyboard (nothing offers a link a click).
    """

    def __init__(self, parent: QWidget | None = None, *, accessible_name: str = ""):
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setAccessibleName(accessible_name)
        self.document().setDocumentMargin(12)

    def loadResource(self, kind: int, name: QUrl):
        # Never the disk or the network: an image is an empty pixel, a style sheet from
        # elsewhere is empty. Not None: given nothing, the document would read a local file
        # (or decode a data: URL) itself.
        if kind == QTextDocument.ResourceType.ImageResource.value:
            return blank_pixel()
        if kind == QTextDocument.ResourceType.StyleSheetResource.value:
            return ""
        return QByteArray()
