"""A simple in-memory model of one review's markers, gespreksbladen and closing texts, the edits
the crash harness and the property tests make through the core, and reading the library back
into the same shape, so the two can be compared with ==."""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Any

from vsr.library import markers as mk
from vsr.library import sheets as sh
from vsr.library.db import Library
from vsr.samenleergesprek import state as st

Edit = dict[str, Any]  # {"op": ..., ...}: JSON-friendly, printed by the crash child


@dataclass
class MarkerModel:
    party: int
    start: int
    end: int | None
    theme: str = ""
    subtopic: str = ""
    fields: dict[str, str] = field(default_factory=dict)  # "what_happened", "keep_or_change"
    party_fields: dict[tuple[int, str], str] = field(default_factory=dict)  # (party, "to_me")
    feelings: dict[int, tuple[str, ...]] = field(default_factory=dict)


@dataclass
class Model:
    markers: dict[int, MarkerModel] = field(default_factory=dict)
    summary: str = ""
    learnings: dict[int, str] = field(default_factory=dict)


def _clean(d: dict[Any, Any]) -> dict[Any, Any]:
    return {k: v for k, v in d.items() if v}


def apply_edit(model: Model, edit: Edit) -> None:
    """What the edit does to the model (the core's contract, in a dozen lines)."""
    op = edit["op"]
    if op == "add":
        model.markers[edit["id"]] = MarkerModel(edit["party"], edit["start"], edit["end"])
    elif op == "move":
        m = model.markers[edit["id"]]
        m.start, m.end = edit["start"], edit["end"]
    elif op == "theme":
        m = model.markers[edit["id"]]
        m.theme, m.subtopic = edit["theme"], edit["subtopic"]
    elif op == "delete":
        del model.markers[edit["id"]]
    elif op == "field":
        m = model.markers[edit["id"]]
        if edit["party"] is None:
            m.fields[edit["field"]] = edit["text"]
        else:
            m.party_fields[(edit["party"], edit["field"])] = edit["text"]
    elif op == "feelings":
        model.markers[edit["id"]].feelings[edit["party"]] = tuple(edit["feelings"])
    elif op == "summary":
        model.summary = edit["text"]
    elif op == "learning":
        model.learnings[edit["party"]] = edit["text"]
    else:
        raise ValueError(op)


def perform_edit(lib: Library, review_id: int, edit: Edit) -> Edit:
    """Make the edit through the core; returns it completed (an added marker's id)."""
    op = edit["op"]
    if op == "add":
        marker = mk.add_marker(lib, edit["party"], edit["start"], edit["end"])
        return {**edit, "id": marker.id}
    if op == "move":
        mk.move_marker(lib, edit["id"], edit["start"], edit["end"])
    elif op == "theme":
        mk.set_marker_theme(lib, edit["id"], edit["theme"], edit["subtopic"])
    elif op == "delete":
        mk.delete_marker(lib, edit["id"])
    elif op == "field":
        sh.set_field(lib, edit["id"], sh.SheetField(edit["field"]), edit["text"], edit["party"])
    elif op == "feelings":
        sh.set_feelings(lib, edit["id"], edit["party"], tuple(edit["feelings"]))
    elif op == "summary":
        st.set_summary(lib, review_id, edit["text"])
    elif op == "learning":
        st.set_learning(lib, review_id, edit["party"], edit["text"])
    else:
        raise ValueError(op)
    return edit


def read_model(lib: Library, review_id: int) -> Model:
    """The library's state of the review in the model's shape (empty values left out)."""
    model = Model()
    for marker in mk.list_markers(lib, review_id):
        sheet = sh.get_sheet(lib, marker.id)
        m = MarkerModel(marker.party_id, marker.start_ms, marker.end_ms, marker.theme,
                        marker.subtopic)
        m.fields = _clean({"what_happened": sheet.what_happened,
                           "keep_or_change": sheet.keep_or_change})
        for party, r in sheet.reflections.items():
            m.party_fields.update(_clean({(party, "to_me"): r.to_me, (party, "to_other"): r.to_other}))
            if r.feelings:
                m.feelings[party] = tuple(r.feelings)
        model.markers[marker.id] = m
    session = st.get_session(lib, review_id)
    model.summary = session.summary
    model.learnings = _clean(dict(session.learnings))
    return model


def normalised(model: Model) -> Model:
    """Empty values are the same as none (the library keeps empty rows, the model need not)."""
    out = copy.deepcopy(model)
    for m in out.markers.values():
        m.fields = _clean(m.fields)
        m.party_fields = _clean(m.party_fields)
        m.feelings = _clean(m.feelings)
    out.learnings = _clean(out.learnings)
    return out
