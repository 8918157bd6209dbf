"""The save queue on its own: edits refused as busy wait and are saved later in the order given;
a later edit never overtakes one that waits; an edit refused for another reason is said and
dropped without stopping the others."""

from __future__ import annotations

from vsr.ui.save_queue import SaveQueue

from vsr.errors import StorageError


class Library:
    """Stands in for the library: busy until `free`, or refusing for good (read-only)."""

    def __init__(self) -> None:
        self.busy = True
        self.read_only: set[str] = set()
        self.saved: list[str] = []

    def write(self, what: str):  # type: ignore[no-untyped-def]
        def operation() -> str:
            if what in self.read_only:
                raise StorageError("error.storage.read_only")
            if self.busy:
                raise StorageError("error.storage.busy")
            self.saved.append(what)
            return what
        return operation


def test_waiting_edits_are_saved_in_order_and_none_overtakes(qtbot) -> None:  # type: ignore[no-untyped-def]
    lib = Library()
    queue = SaveQueue(retry_ms=20)
    done: list[str] = []
    said: list[str] = []
    for what in ("mark 1", "mark 2"):
        assert not queue.submit(lib.write(what), done.append, report=said.append,
                                waiting_text="wacht")
    assert queue.waiting() == 2 and lib.saved == [] and done == []
    assert said == ["wacht", "wacht"]
    lib.busy = False
    # Free now, but "mark 3" must not be saved before the two that wait.
    assert not queue.submit(lib.write("mark 3"), done.append, report=said.append,
                            waiting_text="wacht")
    assert lib.saved == []
    qtbot.waitUntil(lambda: queue.waiting() == 0, timeout=2_000)
    assert lib.saved == done == ["mark 1", "mark 2", "mark 3"]
    assert said[-1] == ""  # the message goes away once saved
    assert queue.submit(lib.write("mark 4"), done.append)  # nothing waits: saved at once
    assert lib.saved[-1] == "mark 4"


def test_an_edit_refused_for_good_is_said_and_the_rest_goes_on(qtbot) -> None:  # type: ignore[no-untyped-def]
    lib = Library()
    queue = SaveQueue(retry_ms=20)
    said: list[str] = []
    done: list[str] = []
    for what in ("a", "ıł", "c"):
        queue.submit(lib.write(what), done.append, report=said.append, waiting_text="wacht")
    lib.read_only = {"ıł"}
    lib.busy = False
    qtbot.waitUntil(lambda: queue.waiting() == 0, timeout=2_000)
    assert done == ["a", "c"]
    assert StorageError("error.storage.read_only").message() in said


def test_a_failure_that_is_not_busy_is_not_kept(qtbot) -> None:  # type: ignore[no-untyped-def]
    lib = Library()
    lib.busy = False
    lib.read_only = {"x"}
    queue = SaveQueue(retry_ms=20)
    said: list[str] = []
    assert not queue.submit(lib.write("x"), lambda _v: None, report=said.append)
    assert queue.waiting() == 0 and said == [StorageError("error.storage.read_only").message()]
