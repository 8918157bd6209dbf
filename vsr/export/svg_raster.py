"""A small rasteriser for the app's own pictograms, for formats that cannot hold SVG (DOCX).

It draws the subset of SVG the pictograms use (circle, ellipse, rect, line, polyline, polygon,
path with every path command, fill/stroke/stroke-width, inherited from <g>) with Pillow, at four
times the size and then scaled down for smooth edges. Anything else is skipped, not guessed.
Pillow comes with fpdf2, so this adds no dependency and no Qt to the core.
"""

from __future__ import annotations

import io
import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from PIL import Image, ImageDraw

Point = tuple[float, float]
Color = tuple[int, int, int, int]

_SUPERSAMPLE = 4
_NAMED = {"black": "#000000", "white": "#ffffff", "red": "#ff0000", "green": "#008000",
          "blue": "#0000ff", "gray": "#808080", "grey": "#808080"}
_NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")
_TOKEN = re.compile(r"[MmLlHhVvCcSsQqTtAaZz]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def _color(value: str | None) -> Color | None:
    if value is None or value.strip() in ("", "none", "transparent"):
        return None
    text = _NAMED.get(value.strip().lower(), value.strip())
    if text.startswith("#") and len(text) == 4:
        text = "#" + "".join(c * 2 for c in text[1:])
    if text.startswith("#") and len(text) == 7:
        return (int(text[1:3], 16), int(text[3:5], 16), int(text[5:7], 16), 255)
    return (0, 0, 0, 255)


def _attrs(element: ET.Element, inherited: dict[str, str]) -> dict[str, str]:
    style = dict(inherited)
    for key in ("fill", "stroke", "stroke-width"):
        if key in element.attrib:
            style[key] = element.attrib[key]
    for part in element.attrib.get("style", "").split(";"):
        if ":" in part:
            key, value = (s.strip() for s in part.split(":", 1))
            style[key] = value
    return style


def _ellipse(cx: float, cy: float, rx: float, ry: float) -> list[Point]:
    steps = 72
    angles = [2 * math.pi * i / steps for i in range(steps + 1)]
    return [(cx + rx * math.cos(a), cy + ry * math.sin(a)) for a in angles]


def _bezier(points: list[Point], steps: int = 24) -> list[Point]:
    """Points along a quadratic or cubic Bézier curve (de Casteljau), excluding the start."""
    out = []
    for i in range(1, steps + 1):
        t = i / steps
        pts = list(points)
        while len(pts) > 1:
            pts = [((1 - t) * a[0] + t * b[0], (1 - t) * a[1] + t * b[1])
                   for a, b in zip(pts, pts[1:], strict=False)]
        out.append(pts[0])
    return out


def _arc(p0: Point, rx: float, ry: float, phi_deg: float, large: bool, sweep: bool,
         p1: Point) -> list[Point]:
    """Points along an SVG elliptical arc (endpoint parameterisation, SVG spec F.6.5)."""
    if rx == 0 or ry == 0 or p0 == p1:
        return [p1]
    phi = math.radians(phi_deg)
    cos_p, sin_p = math.cos(phi), math.sin(phi)
    dx, dy = (p0[0] - p1[0]) / 2, (p0[1] - p1[1]) / 2
    x1, y1 = cos_p * dx + sin_p * dy, -sin_p * dx + cos_p * dy
    rx, ry = abs(rx), abs(ry)
    scale = x1 * x1 / (rx * rx) + y1 * y1 / (ry * ry)
    if scale > 1:
        rx, ry = rx * math.sqrt(scale), ry * math.sqrt(scale)
    num = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1
    den = rx * rx * y1 * y1 + ry * ry * x1 * x1
    factor = math.sqrt(max(0.0, num / den)) * (-1 if large == sweep else 1)
    cx1, cy1 = factor * rx * y1 / ry, -factor * ry * x1 / rx
    cx = cos_p * cx1 - sin_p * cy1 + (p0[0] + p1[0]) / 2
    cy = sin_p * cx1 + cos_p * cy1 + (p0[1] + p1[1]) / 2
    start = math.atan2((y1 - cy1) / ry, (x1 - cx1) / rx)
    end = math.atan2((-y1 - cy1) / ry, (-x1 - cx1) / rx)
    delta = end - start
    if sweep and delta < 0:
        delta += 2 * math.pi
    elif not sweep and delta > 0:
        delta -= 2 * math.pi
    steps = max(8, int(abs(delta) * 12))
    out = []
    for i in range(1, steps + 1):
        a = start + delta * i / steps
        x, y = rx * math.cos(a), ry * math.sin(a)
        out.append((cos_p * x - sin_p * y + cx, sin_p * x + cos_p * y + cy))
    return out


def _path(d: str) -> list[tuple[list[Point], bool]]:
    """Subpaths of an SVG path as polylines, each with whether it was closed."""
    tokens = _TOKEN.findall(d)
    subpaths: list[tuple[list[Point], bool]] = []
    current: list[Point] = []
    pos: Point = (0.0, 0.0)
    start: Point = (0.0, 0.0)
    last_ctrl: Point | None = None
    cmd = ""
    i = 0

    def nums(n: int) -> list[float]:
        nonlocal i
        values = [float(t) for t in tokens[i:i + n]]
        i += n
        return values

    while i < len(tokens):
        if tokens[i].isalpha():
            cmd = tokens[i]
            i += 1
            if cmd in "Zz":
                if current:
                    subpaths.append((current, True))
                current, pos, last_ctrl = [], start, None
                continue
        rel = cmd.islower()
        ox, oy = pos if rel else (0.0, 0.0)
        c = cmd.upper()
        ctrl: Point | None = None
        if c == "M":
            x, y = nums(2)
            if current:
                subpaths.append((current, False))
            pos = start = (ox + x, oy + y)
            current = [pos]
            cmd = "l" if rel else "L"  # further pairs are line-tos
        elif c in "LHV":
            if c == "L":
                x, y = nums(2)
                pos = (ox + x, oy + y)
            elif c == "H":
                pos = ((ox if rel else 0.0) + nums(1)[0], pos[1])
            else:
                pos = (pos[0], (oy if rel else 0.0) + nums(1)[0])
            current.append(pos)
        elif c in "CS":
            if c == "C":
                x1, y1, x2, y2, x, y = nums(6)
                c1 = (ox + x1, oy + y1)
            else:
                x2, y2, x, y = nums(4)
                c1 = (2 * pos[0] - last_ctrl[0], 2 * pos[1] - last_ctrl[1]) if last_ctrl else pos
            ctrl = (ox + x2, oy + y2)
            end = (ox + x, oy + y)
            current.extend(_bezier([pos, c1, ctrl, end]))
            pos = end
        elif c in "QT":
            if c == "Q":
                x1, y1, x, y = nums(4)
                ctrl = (ox + x1, oy + y1)
            else:
                x, y = nums(2)
                ctrl = (2 * pos[0] - last_ctrl[0], 2 * pos[1] - last_ctrl[1]) if last_ctrl else pos
            end = (ox + x, oy + y)
            current.extend(_bezier([pos, ctrl, end]))
            pos = end
        elif c == "A":
            rx, ry, rot, large, sweep, x, y = nums(7)
            end = (ox + x, oy + y)
            current.extend(_arc(pos, rx, ry, rot, bool(large), bool(sweep), end))
            pos = end
        else:
            i += 1  # unknown token: skip it rather than loop forever
        last_ctrl = ctrl if c in "CSQT" else None
        if not current:
            current = [pos]
    if len(current) > 1:
        subpaths.append((current, False))
    return subpaths


def _shapes(element: ET.Element, tag: str) -> list[tuple[list[Point], bool]]:
    a = element.attrib

    def f(name: str) -> float:
        return float(a.get(name, "0") or 0)

    if tag == "circle":
        return [(_ellipse(f("cx"), f("cy"), f("r"), f("r")), True)]
    if tag == "ellipse":
        return [(_ellipse(f("cx"), f("cy"), f("rx"), f("ry")), True)]
    if tag == "rect":
        x, y, w, h = f("x"), f("y"), f("width"), f("height")
        return [([(x, y), (x + w, y), (x + w, y + h), (x, y + h)], True)]
    if tag == "line":
        return [([(f("x1"), f("y1")), (f("x2"), f("y2"))], False)]
    if tag in ("polyline", "polygon"):
        values = [float(v) for v in _NUMBER.findall(a.get("points", ""))]
        pts = list(zip(values[0::2], values[1::2], strict=False))
        return [(pts, tag == "polygon")]
    if tag == "path":
        return _path(a.get("d", ""))
    return []


def _draw(draw: ImageDraw.ImageDraw, element: ET.Element, style: dict[str, str],
          scale: float) -> None:
    tag = element.tag.rsplit("}", 1)[-1]
    style = _attrs(element, style)
    if tag in ("g", "svg"):
        for child in element:
            _draw(draw, child, style, scale)
        return
    fill = _color(style.get("fill", "#000000"))
    stroke = _color(style.get("stroke"))
    width = float(_NUMBER.findall(style.get("stroke-width", "1"))[0]) * scale
    for points, closed in _shapes(element, tag):
        pts = [(x * scale, y * scale) for x, y in points]
        if len(pts) < 2:
            continue
        if fill is not None and (closed or len(pts) > 2):
            draw.polygon(pts, fill=fill)
        if stroke is not None and width > 0:
            line = pts + [pts[0]] if closed else pts
            draw.line(line, fill=stroke, width=max(1, round(width)), joint="curve")
            r = width / 2
            for x, y in (line[0], line[-1]):  # round caps and joins at the ends
                draw.ellipse((x - r, y - r, x + r, y + r), fill=stroke)


def render_svg_png(svg: Path | str, size_px: int) -> bytes:
    """The SVG file drawn on a transparent square of size_px, as PNG bytes."""
    root = ET.fromstring(Path(svg).read_text("utf-8"))
    view = [float(v) for v in _NUMBER.findall(root.attrib.get("viewBox", ""))]
    width = view[2] if len(view) == 4 else float(root.attrib.get("width", "64").rstrip("px"))
    big = size_px * _SUPERSAMPLE
    image = Image.new("RGBA", (big, big), (255, 255, 255, 0))
    _draw(ImageDraw.Draw(image), root, {}, big / width)
    out = io.BytesIO()
    image.resize((size_px, size_px), Image.Resampling.LANCZOS).save(out, "PNG")
    return out.getvalue()
