"""The pictograms in the PDF and DOCX summaries are the PNGs the build drew with QtSvg
(_build/vsr_assets.py): every pictogram has one, big enough for print, in its own colours; the
exports embed them; and a checkout whose assets were never built says so instead of drawing
something else. (That the PNGs are exactly QtSvg's picture: tests/ui/test_pictogram_build.py.)"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from PIL import Image

from tests.vsr import session_fixtures as fx
from vsr.export import export_summary
from vsr.export import pictograms as picto
from vsr.method import resource_path

SVGS = sorted(resource_path("pictograms").glob("*.svg"))
THEME_PRINT_MM = 13.0  # the largest printed pictogram (summary_pdf.THEME_ICON_MM)


def _png(name: str) -> Image.Image:
    return Image.open(io.BytesIO(picto.rendered_png(resource_path("pictograms", name)))).convert("RGBA")


def test_every_pictogram_has_its_png_sharp_enough_for_print() -> None:
    assert len(SVGS) >= 21
    for svg in SVGS:
        image = Image.open(picto.rendered_path(svg))
        assert image.format == "PNG" and image.mode == "RGBA", svg.name  # transparent around
        # at least 300 dpi at the largest printed size, four times a 96 dpi screen's pixels
        assert min(image.size) >= max(THEME_PRINT_MM / 25.4 * 300, 4 * THEME_PRINT_MM / 25.4 * 96)


@pytest.mark.parametrize(("name", "where", "colour"), [
    ("feeling-boos.svg", (0.25, 0.7), (0xF0, 0x8A, 0x5D)),  # the orange face, below an eye
    ("feeling-blij.svg", (0.25, 0.7), (0xFF, 0xD1, 0x66)),  # the yellow face
    ("theme-eigen.svg", (0.5, 0.42), (0x2A, 0x9D, 0x8F)),  # the green-blue cross (a stroke)
    ("theme-eigen.svg", (0.2, 0.3), (0xFF, 0xFF, 0xFF)),  # the white balloon
])
def test_filled_areas_keep_their_colour_not_black(name: str, where: tuple[float, float],
                                                  colour: tuple[int, int, int]) -> None:
    image = _png(name)
    r, g, b, a = image.getpixel((int(where[0] * image.width), int(where[1] * image.height)))
    assert a == 255
    assert max(abs(r - colour[0]), abs(g - colour[1]), abs(b - colour[2])) <= 3, (r, g, b)


def test_transparent_outside_the_drawing() -> None:
    assert _png("feeling-boos.svg").getpixel((1, 1))[3] == 0  # corner outside the circle


@pytest.fixture
def walked(library, tmp_path: Path):  # type: ignore[no-untyped-def]
    return fx.walked_review(library, tmp_path, long_text=False)


def test_pdf_embeds_the_rendered_pictograms(library, walked, tmp_path: Path) -> None:
    from pypdf import PdfReader

    out = export_summary(library, walked.review.id, "pdf", tmp_path / "s.pdf", language="nl")
    sizes = {(image.image.width, image.image.height) for page in PdfReader(str(out)).pages
             for image in page.images if image.image is not None}
    png = _png("feeling-rustig.svg")
    assert (png.width, png.height) in sizes  # the built PNG went in at its own resolution


def test_docx_embeds_the_rendered_pictograms(library, walked, tmp_path: Path) -> None:
    out = export_summary(library, walked.review.id, "docx", tmp_path / "s.docx", language="nl")
    with zipfile.ZipFile(out) as docx:
        media = {docx.read(n) for n in docx.namelist() if n.startswith("word/media/")}
    built = {picto.rendered_path(svg).read_bytes() for svg in SVGS}
    assert len(media & built) >= 3  # feelings and themes, byte for byte the built files


def test_a_pictogram_that_was_never_built_is_a_clear_error(library, walked, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(picto, "rendered_path", lambda svg: tmp_path / "png" / f"{svg.stem}.png")
    picto.rendered_png.cache_clear()
    try:
        for fmt in ("pdf", "docx"):
            with pytest.raises(picto.PictogramNotRenderedError, match="scripts/build_assets.py"):
                export_summary(library, walked.review.id, fmt, tmp_path / f"s.{fmt}", language="nl")
            assert not (tmp_path / f"s.{fmt}").exists()  # no summary with pictures left out
    finally:
        picto.rendered_png.cache_clear()  # the next test reads the real files again
