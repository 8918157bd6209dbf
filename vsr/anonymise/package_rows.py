"""A review package's rows with the one name replacement applied (`vsr pack --anonymize names`):
parties and who gave consent become their roles, every free text passes the `NameReplacer`,
and the recording's title and file name are replaced. Only the columns that hold what people
typed are touched: ids, uuids, times and keys travel unchanged, so the package still unpacks."""

from __future__ import annotations

from copy import deepcopy
from typing import Any

from vsr.anonymise.names import NameReplacer, placeholder
from vsr.i18n import translate

_ROLES = ("professional", "client", "other")
# table -> the columns that hold free text
TEXT_COLUMNS: dict[str, tuple[str, ...]] = {
    # A sub-topic the parties added themselves is free text; so is a theme an ELAN file gave
    # by its vocabulary reference ("vsr-theme-Ruzie met Anouk" is kept as written).
    "markers": ("theme", "subtopic"),
    "sheets": ("what_happened", "keep_or_change"),
    "reflections": ("to_me", "to_other"),
    "session_state": ("summary",),
    "session_learnings": ("text",),
    "session_actions": ("what",),
}


def anonymise_package_rows(data: dict[str, Any], names: NameReplacer) -> dict[str, Any]:
    """A copy of `rows.dump_review(...)`'s result as it may leave the app when anonymising."""
    out = deepcopy(data)
    out["review"]["title"] = names(str(out["review"].get("title") or ""))
    recording = out["recording"]
    recording["title"] = names(str(recording.get("title") or ""))
    recording["file_name"] = names.file_name(str(recording.get("file_name") or ""))
    client = translate("party.client")
    for consent in out.get("consents", []):
        consent["given_by"] = client
    tables = out.get("tables", {})
    for party in tables.get("parties", []):
        role = party.get("role")
        party["name"] = (translate(f"party.{role}") if role in _ROLES else placeholder())
    for table, columns in TEXT_COLUMNS.items():
        for row in tables.get(table, []):
            for column in columns:
                if isinstance(row.get(column), str):
                    row[column] = names(row[column])
    return out
