"""Property-based fuzzing of the importers: real files with bytes flipped, cut off, or XML
elements / JSON members removed. Whatever comes in, the result is either an import or a clean
VsrError, and after an error the library is exactly as it was."""

from __future__ import annotations

import json
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.corpus import CORPUS
from tests.vsr.fakes import add_fake_recording
from tests.vsr.interop_fixtures import table_dump
from vsr.errors import VsrError
from vsr.interop.boris import import_boris
from vsr.interop.eaf_import import import_eaf
from vsr.library import open_library

EAF = CORPUS / "eaf" / "pympi_fto_v2.7.eaf"
EAF_30 = CORPUS / "eaf" / "fables_01_03_aesop_64kb.eaf"
BORIS = CORPUS / "boris" / "test_with_leading_trailing_spaces_in_modifiers.boris"
SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

pytestmark = pytest.mark.skipif(not CORPUS.exists(), reason="test corpus not found")


@st.composite
def flipped(draw: st.DrawFn, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(draw(st.integers(1, 8))):
        i = draw(st.integers(0, len(out) - 1))
        out[i] = draw(st.integers(0, 255))
    return bytes(out)


@st.composite
def truncated(draw: st.DrawFn, data: bytes) -> bytes:
    return data[: draw(st.integers(0, len(data) - 1))]


@st.composite
def without_elements(draw: st.DrawFn, data: bytes) -> bytes:
    root = ET.fromstring(data)
    parents = [(p, c) for p in root.iter() for c in p]
    for _ in range(draw(st.integers(1, 4))):
        if not parents:
            break
        parent, child = parents.pop(draw(st.integers(0, len(parents) - 1)))
        if child in list(parent):
            parent.remove(child)
    return ET.tostring(root)


@st.composite
def without_members(draw: st.DrawFn, data: bytes) -> bytes:
    project = json.loads(data)
    paths: list[tuple[dict | list, object]] = []  # type: ignore[type-arg]

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                paths.append((node, k))
                walk(v)
        elif isinstance(node, list):
            for i, v in enumerate(node):
                paths.append((node, i))
                walk(v)

    walk(project)
    container, key = paths[draw(st.integers(0, len(paths) - 1))]
    replacement = draw(st.sampled_from([None, "x", -1, 1e300, [], {}, "DELETE"]))
    if replacement == "DELETE" and isinstance(container, dict):
        del container[key]  # type: ignore[arg-type]
    else:
        container[key] = replacement  # type: ignore[index]
    return json.dumps(project).encode()


def _check(content: bytes, suffix: str, importer: Callable[..., object]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        lib = open_library(tmp / "lib.sqlite")
        try:
            rec = add_fake_recording(lib, tmp)
            file = tmp / f"fuzz{suffix}"
            file.write_bytes(content)
            before = table_dump(lib)
            try:
                importer(lib, file, recording_id=rec.id)
            except VsrError as exc:
                assert exc.message() and "\n" not in exc.message()
                assert table_dump(lib) == before
        finally:
            lib.close()


@SETTINGS
@given(st.one_of(flipped(EAF.read_bytes()), truncated(EAF.read_bytes()), without_elements(EAF.read_bytes()),
                 without_elements(EAF_30.read_bytes())))
def test_mutated_eaf_gives_clean_errors(content: bytes) -> None:
    _check(content, ".eaf", import_eaf)


@SETTINGS
@given(st.one_of(flipped(BORIS.read_bytes()), truncated(BORIS.read_bytes()),
                 without_members(BORIS.read_bytes())))
def test_mutated_boris_gives_clean_errors(content: bytes) -> None:
    _check(content, ".boris", lambda lib, f, recording_id: import_boris(lib, f, recording_id=recording_id))
