"""What the annotations panel offers and says, apart from its widgets: the lens choices, a row's details."""

from __future__ import annotations

from collections.abc import Iterable

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
        choices.append((NO_LENS, "No lens", ""))
    return choices


def details_line(lens: str | None, tags: list[str] | None, places: int) -> str:
    """The quiet third line of a row: its lens, how many places it marks (when more than one), its tags."""
    parts = [lens or "No lens"]
    if places > 1:
        parts.append(f"{places} places")
    if tags:
        parts.append(" ".join(f"#{t}" for t in tags))
    return " · ".join(parts)
