"""Property-based tests (hypothesis) on the core: random sequences of edits (add, move, theme
and delete markers; gespreksblad fields, feelings; the closing summary and learnings), undo and
redo through the functions the undo commands use (delete_marker/restore_marker, the old value
written back) and restarts (close and reopen the library) leave the library equal to a simple
in-memory model (tests/vsr/library_model.py)."""

from __future__ import annotations

import copy
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule

from tests.vsr.fakes import add_fake_recording
from tests.vsr.library_model import MarkerModel, Model, apply_edit, normalised, perform_edit, read_model
from vsr.library import markers as mk
from vsr.library import open_library
from vsr.library import reviews as rv
from vsr.samenleergesprek import state as session_state

TEXT = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
               max_size=30)
MS = st.integers(min_value=0, max_value=3_600_000)
FEELINGS = st.lists(st.sampled_from(["blij", "boos", "bang", "verdrietig"]), unique=True,
                    max_size=3)
FIELDS = st.sampled_from(["what_happened", "keep_or_change", "to_me", "to_other"])
Step = Callable[[], None]


class LibraryMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        # tmpfs when there is one: these tests are about what is stored, not about fsync,
        # which on a loaded disk made them ten times slower.
        shm = "/dev/shm" if Path("/dev/shm").is_dir() else None
        self.folder = Path(tempfile.mkdtemp(prefix="vsr-prop-", dir=shm))
        self.path = self.folder / "library.sqlite"
        self.lib = open_library(self.path)
        rec = add_fake_recording(self.lib, self.folder)
        self.review_id = rv.create_review(self.lib, rec.id).id
        session_state.start_session(self.lib, self.review_id)
        self.parties = [p.id for p in rv.list_parties(self.lib, self.review_id)]
        self.model = Model()
        self.undo_stack: list[tuple[Step, Step]] = []  # (undo, redo), like a QUndoStack
        self.redo_stack: list[tuple[Step, Step]] = []

    def teardown(self) -> None:
        self.lib.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def _edit(self, edit: dict[str, object]) -> dict[str, object]:
        done = perform_edit(self.lib, self.review_id, edit)
        apply_edit(self.model, done)
        return done

    def _push(self, undo: Step, redo: Step) -> None:
        self.undo_stack.append((undo, redo))
        self.redo_stack.clear()

    # -- edits ------------------------------------------------------------------------------
    @rule(party=st.integers(0, 1), start=MS, length=st.none() | st.integers(1, 60_000))
    def add(self, party: int, start: int, length: int | None) -> None:
        end = None if length is None else start + length
        done = self._edit({"op": "add", "party": self.parties[party], "start": start, "end": end})
        marker_id = int(str(done["id"]))
        snapshots: list[tuple[mk.MarkerSnapshot, MarkerModel]] = []

        def undo() -> None:  # AddMarkerCommand.undo deletes; its redo restores the same id
            snapshots.append((mk.delete_marker(self.lib, marker_id),
                              self.model.markers.pop(marker_id)))

        def redo() -> None:
            snapshot, before = snapshots.pop()
            mk.restore_marker(self.lib, snapshot)
            self.model.markers[marker_id] = before

        self._push(undo, redo)

    @precondition(lambda self: self.model.markers)
    @rule(data=st.data(), start=MS, length=st.none() | st.integers(1, 60_000))
    def move(self, data: st.DataObject, start: int, length: int | None) -> None:
        marker_id = data.draw(st.sampled_from(sorted(self.model.markers)))
        old = self.model.markers[marker_id]
        back = {"op": "move", "id": marker_id, "start": old.start, "end": old.end}
        there = {"op": "move", "id": marker_id, "start": start,
                 "end": None if length is None else start + length}
        self._edit(there)
        self._push(lambda: self._edit(back), lambda: self._edit(there))

    @precondition(lambda self: self.model.markers)
    @rule(data=st.data(), theme=st.sampled_from(["", "samenwerking", "bereiken"]),
          subtopic=st.sampled_from(["", "klik", "doel"]))
    def theme(self, data: st.DataObject, theme: str, subtopic: str) -> None:
        marker_id = data.draw(st.sampled_from(sorted(self.model.markers)))
        self._edit({"op": "theme", "id": marker_id, "theme": theme, "subtopic": subtopic})

    @precondition(lambda self: self.model.markers)
    @rule(data=st.data(), field=FIELDS, party=st.integers(0, 1), text=TEXT)
    def set_field(self, data: st.DataObject, field: str, party: int, text: str) -> None:
        marker_id = data.draw(st.sampled_from(sorted(self.model.markers)))
        who = self.parties[party] if field in ("to_me", "to_other") else None
        m = self.model.markers[marker_id]
        old = m.fields.get(field, "") if who is None else m.party_fields.get((who, field), "")
        edit = {"op": "field", "id": marker_id, "field": field, "party": who}
        self._edit({**edit, "text": text})
        self._push(lambda: self._edit({**edit, "text": old}),
                   lambda: self._edit({**edit, "text": text}))

    @precondition(lambda self: self.model.markers)
    @rule(data=st.data(), party=st.integers(0, 1), feelings=FEELINGS)
    def feelings(self, data: st.DataObject, party: int, feelings: list[str]) -> None:
        marker_id = data.draw(st.sampled_from(sorted(self.model.markers)))
        self._edit({"op": "feelings", "id": marker_id, "party": self.parties[party],
                    "feelings": feelings})

    @rule(text=TEXT, party=st.none() | st.integers(0, 1))
    def closing_text(self, text: str, party: int | None) -> None:
        if party is None:
            self._edit({"op": "summary", "text": text})
        else:
            self._edit({"op": "learning", "party": self.parties[party], "text": text})

    @precondition(lambda self: self.model.markers)
    @rule(data=st.data())
    def delete(self, data: st.DataObject) -> None:
        marker_id = data.draw(st.sampled_from(sorted(self.model.markers)))
        snapshots: list[mk.MarkerSnapshot] = []

        def do() -> None:
            before = copy.deepcopy(self.model.markers.pop(marker_id))
            snapshots.append(mk.delete_marker(self.lib, marker_id))
            models.append(before)

        def undo() -> None:  # what DeleteMarkerCommand.undo does
            mk.restore_marker(self.lib, snapshots[-1])
            self.model.markers[marker_id] = copy.deepcopy(models[-1])

        models: list[object] = []
        do()
        self._push(undo, do)

    # -- undo, redo, restart -----------------------------------------------------------------
    @precondition(lambda self: self.undo_stack)
    @rule()
    def undo(self) -> None:
        step = self.undo_stack.pop()
        step[0]()
        self.redo_stack.append(step)

    @precondition(lambda self: self.redo_stack)
    @rule()
    def redo(self) -> None:
        step = self.redo_stack.pop()
        step[1]()
        self.undo_stack.append(step)

    @rule()
    def restart(self) -> None:
        """Close and reopen; like the window, a new program starts with an empty undo stack."""
        self.lib.close()
        self.lib = open_library(self.path)
        self.undo_stack.clear()
        self.redo_stack.clear()

    @invariant()
    def library_equals_model(self) -> None:
        assert normalised(read_model(self.lib, self.review_id)) == normalised(self.model)


LibraryMachine.TestCase.settings = settings(
    max_examples=60, stateful_step_count=30, deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestLibraryProperties = LibraryMachine.TestCase
