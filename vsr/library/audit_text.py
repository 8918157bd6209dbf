"""The audit log in the user's language: what happened (`action_label`), to what
(`subject_label`, with the current title when it still exists) and a short sentence of the
details (`details_label`: purposes translated, lists counted, yes/no, dates). The log itself
stays as stored: raw actions and JSON details, no names."""

from __future__ import annotations

from typing import Any

from vsr.dates import long_date_of
from vsr.i18n import translate, translate_plural
from vsr.library.audit import AuditEntry
from vsr.library.audit_chain import AuditCheck
from vsr.library.db import Library

# Detail keys in the order a reader wants them; keys not listed follow in stored order.
_ORDER = (
    "purpose", "reason", "given_on", "until", "recognisable", "replaced", "allow",
    "had_consent", "clips_removed", "files_deleted", "files_missing", "files_failed", "pack",
    "format", "file", "files", "folder", "clips", "collections", "recording_ids", "recordings",
    "lapsed_consents", "deleted", "missing", "failed", "anonymize_faces", "names_replaced",
    "keep_audio", "stills", "party_naming", "keep_until", "media_deleted", "today",
)
# Technical: links rows, means nothing to a reader.
_HIDDEN = frozenset({"export_id"})

# subject kind -> (table, column holding its current name)
_NAMED = {
    "recording": ("recordings", "title"),
    "review": ("reviews", "title"),
    "collection": ("collections", "name"),
}


def _known(key: str) -> str | None:
    text = translate(key)
    return None if text == key else text


def action_label(action: str) -> str:
    """"consent.granted" -> "Toestemming gegeven"; an unknown action stays as it is."""
    return _known(f"audit.action.{action}") or action


def subject_label(lib: Library, subject: str) -> str:
    """"recording:3" -> "Opname 3 (Gesprek mei)" while it exists, "Opname 3" after; "purge"
    -> "Opruimen"; anything else stays as it is."""
    kind, _, ident = subject.partition(":")
    if not ident:
        return _known(f"audit.subject.{kind}") or subject
    label = _known(f"audit.subject.{kind}")
    if label is None or not ident.isdigit():
        return subject
    text = label.format(id=ident)
    if kind in _NAMED:
        table, column = _NAMED[kind]
        rows = lib.query(f"SELECT {column} AS name FROM {table} WHERE id = ?", (int(ident),))
        if rows and str(rows[0]["name"] or "").strip():
            text += f" ({rows[0]['name']})"
    return text


def recording_label(lib: Library, entry: AuditEntry) -> str:
    """Whose recording the row is about ("Opname 3 (Gesprek mei)"), or recordings (a
    collection's export); "" when none."""
    return ", ".join(subject_label(lib, f"recording:{i}") for i in entry.recording_ids)


def details_label(entry: AuditEntry) -> str:
    """The details as a short sentence: "Doel: intervisie, gegeven op 2026-05-01, ..."."""
    keys = [k for k in _ORDER if k in entry.details]
    keys += [k for k in entry.details if k not in _ORDER]
    parts = [p for p in (_detail(k, entry.details[k]) for k in keys if k not in _HIDDEN)
             if p[0]]
    words = [text for text, _ in parts]
    if parts and parts[0][1]:  # a sentence starts with a capital; a raw key stays as it is
        words[0] = words[0][:1].upper() + words[0][1:]
    return ", ".join(words)


def _detail(key: str, value: Any) -> tuple[str, bool]:
    """The words for one detail, and whether they are translated (not a raw key=value)."""
    template = _known(f"audit.detail.{key}")
    if template is None:
        return f"{key}={_plain(value)}", False
    if value is None:
        return _known(f"audit.detail.{key}.none") or "", True
    return template.format(value=_value(key, value)), True


_DATES = frozenset({"given_on", "until", "keep_until", "today"})


def _value(key: str, value: Any) -> str:
    if isinstance(value, bool):
        return translate("audit.value.yes" if value else "audit.value.no")
    if isinstance(value, list | tuple | dict):
        return str(len(value))
    text = str(value)
    if key in _DATES:
        return long_date_of(text)  # "1 mei 2026", "1 May 2026"; the text itself if no date
    if key == "purpose":
        return _known(f"purpose.{text}") or text
    if key == "reason":
        return _reason(text)
    if key == "party_naming":
        return _known(f"audit.value.party_naming.{text}") or text
    return text


def _reason(reason: str) -> str:
    """"retention", "user", "consent.withdrawn:intervisie", "consent.lapsed:training"."""
    what, _, purpose = reason.partition(":")
    label = _known(f"audit.reason.{what}")
    if label is None:
        return reason
    return label.format(purpose=_known(f"purpose.{purpose}") or purpose)


def _plain(value: Any) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value)
    return str(value)


def check_lines(check: AuditCheck) -> list[str]:
    """The result of an audit log check in words: one line when intact; a warning, what was
    found (at most ten places) and what to do when it was altered."""
    if check.ok:
        return [translate_plural("audit.check.ok", check.rows)]
    lines = [translate("audit.check.altered")]
    for kind, ident in check.problems[:10]:
        lines.append("- " + translate(f"audit.problem.{kind}", id=ident))
    if len(check.problems) > 10:
        lines.append(f"- … (+{len(check.problems) - 10})")
    lines.append(translate("audit.check.hint"))
    return lines
