"""The SVG pictograms and icons in resources/: present, well-formed and within the SVG subset
QtSvg renders (SVG Tiny 1.2), so nothing silently disappears in the UI. No Qt needed."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from vsr import method
from vsr.method import resource_path

SVG_NS = "{http://www.w3.org/2000/svg}"
PICTOGRAMS = resource_path("pictograms")
ICONS = resource_path("icons")

# Beyond what the method content names, the UI relies on these files by name.
RATINGS = [f"rating-{n}.svg" for n in range(1, 6)]
SHAPES = [f"shape-{s}.svg" for s in ("circle", "square", "diamond", "triangle")]
TOOLBAR = [
    f"{name}.svg"
    for name in (
        "play", "pause", "back5", "forward5", "frame-back", "frame-forward", "loop", "mark",
        "undo", "redo", "open", "export", "volume", "zoom-in", "zoom-out", "zoom-fit",
    )
]  # fmt: skip

# Elements QtSvg draws reliably. Anything else (text, filters, masks, images, scripts, CSS)
# is either unsupported or depends on fonts and files the user's machine may not have.
ALLOWED_ELEMENTS = {
    "svg", "g", "defs", "title", "desc", "path", "circle", "ellipse", "rect", "line",
    "polyline", "polygon", "linearGradient", "radialGradient", "stop",
}  # fmt: skip
FORBIDDEN_ELEMENTS = {"text", "filter", "mask", "image", "script", "style", "foreignObject"}
# Pictograms are flat: ink, white and at most three colours of their own.
MAX_COLOURS = 5
INK = "#333333"


def _all_svgs() -> list[Path]:
    return sorted(PICTOGRAMS.glob("*.svg")) + sorted(ICONS.glob("*.svg"))


def _local(tag: str) -> str:
    return tag.removeprefix(SVG_NS)


def _colours(root: ET.Element) -> set[str]:
    found = set()
    for el in root.iter():
        for attr in ("fill", "stroke", "stop-color"):
            value = el.get(attr)
            if value and value != "none":
                found.add(value.upper())
    return found


def test_every_pictogram_the_method_names_exists() -> None:
    named = [c.pictogram for c in method.theme_cards()] + [f.pictogram for f in method.feelings()]
    assert len(named) == 12
    missing = [n for n in named if not (PICTOGRAMS / n).is_file()]
    assert missing == []


def test_rating_shape_and_toolbar_files_exist() -> None:
    wanted = [PICTOGRAMS / n for n in RATINGS + SHAPES] + [ICONS / n for n in TOOLBAR]
    wanted.append(ICONS / "vsr.svg")
    assert [p.name for p in wanted if not p.is_file()] == []


def test_there_are_svgs_to_check() -> None:
    assert len(_all_svgs()) >= 12 + 5 + 4 + 16 + 1


@pytest.mark.parametrize("svg", _all_svgs(), ids=lambda p: p.name)
def test_svg_is_well_formed_and_qt_safe(svg: Path) -> None:
    root = ET.parse(svg).getroot()  # raises on malformed XML
    assert root.tag == f"{SVG_NS}svg"

    view_box = root.get("viewBox")
    assert view_box is not None, "a viewBox lets Qt scale the picture to any size"
    numbers = [float(n) for n in view_box.replace(",", " ").split()]
    assert len(numbers) == 4 and numbers[2] > 0 and numbers[3] > 0
    if svg.parent == PICTOGRAMS or svg.name == "vsr.svg":
        assert numbers == [0, 0, 64, 64]
    else:
        assert numbers == [0, 0, 24, 24]

    tags = {_local(el.tag) for el in root.iter()}
    assert tags & FORBIDDEN_ELEMENTS == set()
    assert tags <= ALLOWED_ELEMENTS, f"unexpected elements: {tags - ALLOWED_ELEMENTS}"
    assert all(el.tag.startswith(SVG_NS) for el in root.iter()), "foreign namespace element"

    for el in root.iter():
        for name, value in el.attrib.items():
            # Any href or url() must point inside this file; CSS classes need a <style> sheet.
            if name.endswith("href"):
                assert value.startswith("#"), f"external reference {value!r}"
            assert not re.search(r"url\(\s*['\"]?(?!#)", value), f"external url in {name}"
            assert name != "class"


@pytest.mark.parametrize("svg", sorted(PICTOGRAMS.glob("*.svg")), ids=lambda p: p.name)
def test_pictograms_are_flat_with_few_colours(svg: Path) -> None:
    colours = _colours(ET.parse(svg).getroot())
    assert 1 <= len(colours) <= MAX_COLOURS, colours


@pytest.mark.parametrize("name", TOOLBAR)
def test_toolbar_icons_share_one_outline_style(name: str) -> None:
    root = ET.parse(ICONS / name).getroot()
    # The outline style sits on one group so every icon draws with the same pen.
    groups = root.findall(f"{SVG_NS}g")
    assert len(groups) == 1
    pen = groups[0]
    assert pen.get("fill") == "none"
    assert pen.get("stroke") == INK
    assert pen.get("stroke-width") == "2"
    assert pen.get("stroke-linecap") == "round" and pen.get("stroke-linejoin") == "round"
    # No child overrides the colour, so the set can be recoloured in one place if needed.
    assert _colours(root) == {INK}


def test_face_pictograms_share_one_face() -> None:
    # Feelings and ratings are read side by side: same face size and outline across them.
    faces = [p for p in PICTOGRAMS.glob("*.svg") if p.name.startswith(("rating-", "feeling-"))]
    faces = [p for p in faces if "gehoord" not in p.name]
    assert len(faces) == 11
    for p in faces:
        first_circle = ET.parse(p).getroot().find(f"{SVG_NS}circle")
        assert first_circle is not None, p.name
        assert (first_circle.get("r"), first_circle.get("stroke-width")) == ("27", "3"), p.name
