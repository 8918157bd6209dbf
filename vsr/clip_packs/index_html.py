"""The exercise pack's index.html: one self-contained page that plays each clip with its task.
It must work from a USB stick with no internet: no scripts, fonts, styles or pictures from
elsewhere, and every clip referenced by a relative file name beside the page."""

from __future__ import annotations

from html import escape
from pathlib import Path
from urllib.parse import quote

from vsr.clip_packs.content import PackClip, PackDoc, clock, seconds_text

_STYLE = """
body { font-family: "DejaVu Sans", Verdana, Arial, sans-serif; font-size: 18px;
       line-height: 1.5; color: #222; background: #fff; margin: 0 auto; max-width: 960px;
       padding: 1rem 1.5rem 3rem; }
h1 { font-size: 1.8rem; margin-bottom: 0.2rem; }
h2 { font-size: 1.35rem; margin-top: 2.5rem; border-top: 2px solid #ddd; padding-top: 1rem; }
.meta, .note { color: #555; }
video { width: 100%; max-height: 70vh; background: #000; }
.task { background: #f3f6fa; border-left: 6px solid #0072B2; padding: 0.6rem 1rem; }
.task ol { margin: 0.3rem 0; }
details { margin-top: 0.8rem; }
summary { cursor: pointer; font-weight: bold; }
dt { font-weight: bold; margin-top: 0.4rem; }
nav ol { padding-left: 1.4rem; }
a { color: #0057a0; }
"""


def _e(text: str) -> str:
    return escape(text, quote=True)


def _sheet(doc: PackDoc, clip: PackClip) -> list[str]:
    if not clip.has_sheet:
        return []
    parts = [f"<details><summary>{_e(doc.t('sheet_heading'))}</summary><dl>"]
    if clip.what_happened:
        parts.append(f"<dt>{_e(doc.t('sheet_a'))}</dt><dd>{_e(clip.what_happened)}</dd>")
    for r in clip.reflections:
        if r.to_me:
            parts.append(f"<dt>{_e(doc.t('sheet_b_me', role=r.role))}</dt><dd>{_e(r.to_me)}</dd>")
        if r.to_other:
            parts.append(f"<dt>{_e(doc.t('sheet_b_other', role=r.role))}</dt>"
                         f"<dd>{_e(r.to_other)}</dd>")
    if clip.keep_or_change:
        parts.append(f"<dt>{_e(doc.t('sheet_c'))}</dt><dd>{_e(clip.keep_or_change)}</dd>")
    parts.append("</dl></details>")
    return parts


def _clip(doc: PackDoc, clip: PackClip) -> list[str]:
    anchor = f"clip-{clip.number}"
    time = doc.t("time_range", start=clock(clip.start_ms, exact=True), end=clock(clip.end_ms, exact=True),
                 seconds=seconds_text(clip.end_ms - clip.start_ms))
    parts = [
        f'<section id="{anchor}">',
        f"<h2>{_e(doc.t('exercise_heading', n=clip.number, title=clip.title))}</h2>",
        f'<video controls preload="metadata" src="{_e(quote(clip.file_name))}"></video>',
        f'<p class="meta">{_e(doc.t("source"))}: {_e(clip.source_title)} · {_e(time)} · '
        f'<a href="{_e(quote(clip.file_name))}">{_e(clip.file_name)}</a></p>',
    ]
    if clip.questions:
        parts.append(f'<div class="task"><strong>{_e(doc.t("task"))}</strong><ol>')
        parts += [f"<li>{_e(q)}</li>" for q in clip.questions]
        parts.append("</ol></div>")
    parts += _sheet(doc, clip)
    parts.append("</section>")
    return parts


def render_index(doc: PackDoc) -> str:
    title = doc.t("index_title", name=doc.name)
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{_e(doc.lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title>",
        f"<style>{_STYLE}</style>",
        "</head>",
        "<body>",
        f"<h1>{_e(title)}</h1>",
        f'<p class="meta">{_e(doc.t("made_on", date=doc.day_text(), count=len(doc.clips)))}'
        "</p>",
        f"<p>{_e(doc.t('index_intro'))}</p>",
        f'<p class="note">{_e(doc.t("confidential_note"))}</p>',
    ]
    if doc.names_replaced or doc.faces_anonymised:
        parts.append(f'<p class="note">{_e(doc.t("anonymised_note"))}</p>')
    parts.append(f"<nav><h2>{_e(doc.t('overview'))}</h2><ol>")
    parts += [f'<li><a href="#clip-{c.number}">{_e(c.title)}</a></li>' for c in doc.clips]
    parts.append("</ol></nav>")
    for clip in doc.clips:
        parts += _clip(doc, clip)
    parts += ["</body>", "</html>", ""]
    return "\n".join(parts)


def write_index(doc: PackDoc, out: Path) -> None:
    Path(out).write_text(render_index(doc), encoding="utf-8")
