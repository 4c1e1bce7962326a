"""Lenses (named colours an annotation is seen through, in the user's order) and tags."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from lyricpad.core.errors import InvalidValue, LensNotFound
from lyricpad.core.models import Lens
from lyricpad.core.store.common import MIN_ID_PREFIX, Repository, new_id, now
from lyricpad.core.store.fields import LENS
from lyricpad.core.text import fold, normalise_line


class Lenses(Repository):
    """The library's lenses (`lib.lenses`)."""

    def all(self) -> list[Lens]:
        """The lenses in the user's order (keys 1-9 follow it)."""
        return [
            LENS.from_row(r)
            for r in self._library.rows("SELECT * FROM lenses ORDER BY position, lower(name)")
        ]

    def get(self, lens_id: str) -> Lens:
        row = self._library.row("SELECT * FROM lenses WHERE id = ?", [lens_id])
        if row is None:
            raise LensNotFound(f"no lens with id {lens_id}")
        return LENS.from_row(row)

    def resolve(self, ref: str) -> Lens:
        """A lens by name (any case), by number in the order (1 is the first), by id or id prefix."""
        ref = normalise_line(ref or "")
        lenses = self.all()
        found = [lens for lens in lenses if fold(lens.name) == fold(ref) or lens.id == ref]
        if not found and ref.isdigit() and 1 <= int(ref) <= len(lenses):
            found = [lenses[int(ref) - 1]]
        if not found and len(ref) >= MIN_ID_PREFIX:
            found = [lens for lens in lenses if lens.id.startswith(ref.lower())]
        if len(found) != 1:
            names = ", ".join(f"{n} {lens.name}" for n, lens in enumerate(lenses, 1))
            raise LensNotFound(f"no lens named {ref!r}; the lenses are: {names}")
        return found[0]

    def _name(self, name: str, lens_id: str | None = None) -> str:
        name = LENS.clean({"name": name})["name"]
        if self._library.row(
            "SELECT 1 FROM lenses WHERE lp_fold(name) = lp_fold(?) AND id IS NOT ?", [name, lens_id]
        ):
            raise InvalidValue(f"there is already a lens named {name!r}")
        return name

    def add(self, name: str, colour: str) -> Lens:
        """A new lens, last in the order."""
        data = LENS.clean({"colour": colour})
        lens_id = new_id()
        with self._library.write():
            last = self._library.row("SELECT max(position) AS p FROM lenses")["p"]
            data.update(id=lens_id, name=self._name(name), position=0 if last is None else last + 1)
            self._library.db["lenses"].insert(data)
            return self.get(lens_id)  # read in the same transaction: a failed read undoes the creation

    def update(self, lens_id: str, *, name: str | None = None, colour: str | None = None) -> Lens:
        """Rename or recolour a lens; its annotations follow."""
        data = LENS.clean({"colour": colour}) if colour is not None else {}
        with self._library.write():
            self.get(lens_id)
            if name is not None:
                data["name"] = self._name(name, lens_id)
            if data:
                self._library.update_row("lenses", lens_id, data)
            return self.get(lens_id)

    def move(self, lens_id: str, position: int) -> list[Lens]:
        """Put a lens at 0-based *position* in the order; returns the new order."""
        with self._library.write():
            order = [lens.id for lens in self.all()]
            if lens_id not in order:
                raise LensNotFound(f"no lens with id {lens_id}")
            if not 0 <= position < len(order):
                raise InvalidValue(f"position {position} is outside 0-{len(order) - 1}")
            order.remove(lens_id)
            order.insert(position, lens_id)
            for index, item in enumerate(order):
                self._library.update_row("lenses", item, {"position": index})
            return self.all()

    def delete(self, lens_id: str) -> None:
        """Remove a lens; its annotations stay, with no lens."""
        with self._library.write():
            self.get(lens_id)
            self._library.db.execute("DELETE FROM lenses WHERE id = ?", [lens_id])

    def restore(self, lens: Lens, annotation_ids: Iterable[str] = ()) -> Lens:
        """Write *lens* back as it was read (same id, name, colour, position), creating it if deleted.

        *annotation_ids* get the lens again: deleting a lens took it off its annotations.
        Ids of annotations that no longer exist are skipped.
        """
        with self._library.write():
            row = LENS.to_row(lens)
            row["name"] = self._name(lens.name, lens.id)
            self._library.put_row("lenses", row)
            for annotation_id in annotation_ids:
                self._library.db.execute(
                    "UPDATE annotations SET lens_id = ? WHERE id = ?", [lens.id, annotation_id]
                )
            return self.get(lens.id)

    def set_positions(self, positions: Mapping[str, int]) -> list[Lens]:
        """Give lenses exact positions (lens id -> position); returns the new order."""
        with self._library.write():
            for lens_id, position in positions.items():
                self.get(lens_id)
                self._library.update_row("lenses", lens_id, {"position": position})
            return self.all()


class Tags(Repository):
    """The library's tags (`lib.tags`); annotations link to them."""

    def all(self) -> list[str]:
        return [r["name"] for r in self._library.rows("SELECT name FROM tags ORDER BY lp_sort(name)")]

    def ensure(self, names: Iterable[str]) -> list[str]:
        """Make sure tags with these names exist (an import may bring tags no annotation uses yet)."""
        with self._library.write():
            self.ids(names)
            return self.all()

    @staticmethod
    def clean(name: str) -> str:
        """A tag as stored: one line, no leading '#', inner whitespace as '-'."""
        name = normalise_line(name).lstrip("#").strip()
        return "-".join(name.split())

    def ids(self, names: Iterable[str]) -> list[str]:
        """The ids of the tags named (inside a write), making those that do not exist yet."""
        ids: list[str] = []
        for raw in names:
            name = self.clean(raw)
            if not name:
                raise InvalidValue(f"the tag {raw!r} is empty")
            row = self._library.row("SELECT id FROM tags WHERE lp_fold(name) = lp_fold(?)", [name])
            if row is None:
                tag_id = new_id()
                self._library.db["tags"].insert({"id": tag_id, "name": name, "created": now()})
            else:
                tag_id = row["id"]
            if tag_id not in ids:
                ids.append(tag_id)
        return ids
