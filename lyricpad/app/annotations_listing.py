"""What the annotations panel offers and says, apart from its widgets: the lens choices, a row's details."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, QObject

from lyricpad.app.annotation_model import NO_LENS
from lyricpad.core.models import Lens


def lens_choices(
    offered: Iterable[Lens], listed: Iterable[Lens], has_unlensed: bool
) -> list[tuple[str, str, str]]:
    """(lens id, name, colour) of the lenses *offered* in order, then those only *listed*, then "No lens".

    A listed annotation's lens may be gone from the offered ones (deleted since); it can still be
    filtered by. "No lens" is offered only when some annotation has none.
    """
    lenses = list(offered)
    known = {lens.id for lens in lenses}
    lenses += [lens for lens in listed if lens.id not in known]
    choices = [(lens.id, lens.name, lens.colour) for lens in lenses]
    if has_unlensed:
        choices.append((NO_LENS, QCoreApplication.translate("AnnotationsListing", "No lens"), ""))
    return choices


class AnnotationsListing(QObject):
    """The panel's words that count things: a QObject because pyside6-lupdate (6.11) gives a
    message its plural forms only when it is asked through `tr`."""

    def details_line(self, lens: str | None, tags: list[str] | None, places: int) -> str:
        """The quiet third line of a row: its lens, how many places it marks (when more than one), its tags."""
        parts = [lens or self.tr("No lens")]
        if places > 1:
            parts.append(self.tr("%n place(s)", "", places))
        if tags:
            parts.append(" ".join(f"#{t}" for t in tags))
        return " · ".join(parts)


details_line = AnnotationsListing().details_line
