"""The gespreksblad of a marker: A (shared), B per party, C (joint). Each field is saved on edit.
Whole rows, whatever writes them, go through `write_sheet_row` and `write_reflection_row`."""

from __future__ import annotations

import json
from enum import StrEnum

from vsr.errors import NotFoundError
from vsr.library.changes import Action, Change, Entity
from vsr.library.db import Library
from vsr.library.rows import now_iso
from vsr.model import PartyReflection, Sheet
from vsr.text import clean_text


class SheetField(StrEnum):
    WHAT_HAPPENED = "what_happened"  # A
    KEEP_OR_CHANGE = "keep_or_change"  # C
    TO_ME = "to_me"  # B, per party
    TO_OTHER = "to_other"  # B, per party

    @property
    def per_party(self) -> bool:
        return self in (SheetField.TO_ME, SheetField.TO_OTHER)


def _review_of(lib: Library, marker_id: int) -> int:
    rows = lib.query("SELECT review_id FROM markers WHERE id = ?", (marker_id,))
    if not rows:
        raise NotFoundError(what="marker", ident=marker_id)
    return int(str(rows[0]["review_id"]))


def get_sheet(lib: Library, marker_id: int) -> Sheet:
    rows = lib.query("SELECT * FROM sheets WHERE marker_id = ?", (marker_id,))
    if not rows:
        _review_of(lib, marker_id)  # raises NotFoundError for an unknown marker
        return Sheet(marker_id)
    reflections = {
        int(r["party_id"]): PartyReflection(  # type: ignore[call-overload]
            party_id=int(r["party_id"]),  # type: ignore[call-overload]
            to_me=str(r["to_me"]),
            to_other=str(r["to_other"]),
            feelings=tuple(json.loads(str(r["feelings"]) or "[]")),
        )
        for r in lib.query("SELECT * FROM reflections WHERE marker_id = ?", (marker_id,))
    }
    return Sheet(
        marker_id=marker_id,
        what_happened=str(rows[0]["what_happened"]),
        keep_or_change=str(rows[0]["keep_or_change"]),
        reflections=reflections,
    )


def get_field(lib: Library, marker_id: int, field: SheetField, party_id: int | None = None) -> str:
    sheet = get_sheet(lib, marker_id)
    if field.per_party:
        if party_id is None:
            raise ValueError("a B field needs a party")
        return str(getattr(sheet.reflection(party_id), field.value))
    return str(getattr(sheet, field.value))


def set_field(
    lib: Library,
    marker_id: int,
    field: SheetField,
    text: str,
    party_id: int | None = None,
    *,
    initiator: object | None = None,
) -> None:
    """Save one field of the gespreksblad now (committed before this returns)."""
    review_id = _review_of(lib, marker_id)
    text = clean_text(text)
    with lib.write(Change(Entity.SHEET, Action.UPDATED, (marker_id,), review_id, initiator)):
        if field.per_party:
            if party_id is None:
                raise ValueError("a B field needs a party")
            lib.conn.execute(
                "INSERT INTO reflections (marker_id, party_id) VALUES (?, ?)"
                " ON CONFLICT(marker_id, party_id) DO NOTHING",
                (marker_id, party_id),
            )
            lib.conn.execute(
                f"UPDATE reflections SET {field.value} = ? WHERE marker_id = ? AND party_id = ?",
                (text, marker_id, party_id),
            )
        else:
            lib.conn.execute(
                "INSERT INTO sheets (marker_id) VALUES (?) ON CONFLICT(marker_id) DO NOTHING",
                (marker_id,),
            )
            lib.conn.execute(
                f"UPDATE sheets SET {field.value} = ? WHERE marker_id = ?", (text, marker_id)
            )
        lib.conn.execute("UPDATE reviews SET updated_at = ? WHERE id = ?", (now_iso(), review_id))


def set_feelings(
    lib: Library, marker_id: int, party_id: int, feelings: tuple[str, ...],
    *, initiator: object | None = None,
) -> None:
    """B by pictograms: the feelings a party picked for this moment."""
    review_id = _review_of(lib, marker_id)
    with lib.write(Change(Entity.SHEET, Action.UPDATED, (marker_id,), review_id, initiator)):
        lib.conn.execute(
            "INSERT INTO reflections (marker_id, party_id, feelings) VALUES (?, ?, ?)"
            " ON CONFLICT(marker_id, party_id) DO UPDATE SET feelings = excluded.feelings",
            (marker_id, party_id, json.dumps(list(feelings))),
        )


def restore_sheet(lib: Library, sheet: Sheet) -> None:
    """Write a whole sheet back (inside the caller's transaction), e.g. after undoing a delete."""
    write_sheet_row(lib, sheet.marker_id, sheet.what_happened, sheet.keep_or_change)
    for r in sheet.reflections.values():
        write_reflection_row(lib, sheet.marker_id, r.party_id, r.to_me, r.to_other, r.feelings)


def write_sheet_row(lib: Library, marker_id: int, what_happened: str = "",
                    keep_or_change: str = "") -> None:
    """The one way a whole sheet row (A and C) is written, by undo, imports from other tools
    and review packages alike: text cleaned at this boundary; replaces the marker's sheet.
    Inside the caller's transaction."""
    lib.conn.execute(
        "INSERT INTO sheets (marker_id, what_happened, keep_or_change) VALUES (?, ?, ?)"
        " ON CONFLICT(marker_id) DO UPDATE SET what_happened = excluded.what_happened,"
        " keep_or_change = excluded.keep_or_change",
        (marker_id, clean_text(what_happened), clean_text(keep_or_change)),
    )


def write_reflection_row(lib: Library, marker_id: int, party_id: int, to_me: str = "",
                         to_other: str = "", feelings: tuple[str, ...] = ()) -> None:
    """The one way a whole B row of one party is written (see `write_sheet_row`)."""
    lib.conn.execute(
        "INSERT OR REPLACE INTO reflections (marker_id, party_id, to_me, to_other, feelings)"
        " VALUES (?, ?, ?, ?, ?)",
        (marker_id, party_id, clean_text(to_me), clean_text(to_other),
         json.dumps([clean_text(f) for f in feelings])),
    )


def first_words(text: str, limit: int = 60) -> str:
    """The start of a text for lists: whole words, one line, an ellipsis when cut."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[:limit].rsplit(" ", 1)[0] or flat[:limit]
    return cut + "…"


def what_happened_words(lib: Library, review_id: int, marker_ids: tuple[int, ...] = ()
                        ) -> dict[int, str]:
    """First words of A per marker of a review (or of `marker_ids` only), in one query: a
    list of a thousand moments must not cost a thousand reads of whole gespreksbladen."""
    sql = ("SELECT m.id AS id, COALESCE(s.what_happened, '') AS text FROM markers m"
           " LEFT JOIN sheets s ON s.marker_id = m.id WHERE m.review_id = ?")
    params: tuple[object, ...] = (review_id,)
    if marker_ids:
        sql += f" AND m.id IN ({', '.join('?' * len(marker_ids))})"
        params += tuple(marker_ids)
    return {int(str(r["id"])): first_words(str(r["text"])) for r in lib.query(sql, params)}
