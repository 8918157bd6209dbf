"""The joint learning summary as one standalone HTML file: inline CSS (with print rules for A4),
pictograms and stills embedded as data: URIs, so it opens anywhere, also offline."""

from __future__ import annotations

import base64
from html import escape
from pathlib import Path

from vsr.export.summary_content import PartyColumn, SummaryDoc

_CSS = """
body { font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; font-size: 11pt;
       color: #222; max-width: 60em; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
h1 { font-size: 20pt; margin-bottom: .2em; }
h2 { font-size: 15pt; border-bottom: 2px solid #ccc; padding-bottom: .2em; margin-top: 1.6em; }
h3 { font-size: 13pt; margin-top: 1.3em; }
h4 { font-size: 11pt; margin: 1em 0 .3em; }
.sub { font-size: 13pt; color: #444; margin-top: 0; }
.facts { list-style: none; padding: 0; }
.facts b { display: inline-block; min-width: 7em; }
.text { white-space: pre-wrap; overflow-wrap: anywhere; margin: .3em 0 .8em; }
.empty { color: #777; font-style: italic; }
.note { color: #555; font-style: italic; }
table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: .4em 0 1em; }
th, td { border: 1px solid #999; padding: .35em .5em; vertical-align: top; text-align: left;
         white-space: pre-wrap; overflow-wrap: anywhere; }
th { background: #f0f0f0; }
th.party { color: #fff; }
.theme { display: flex; align-items: center; gap: .6em; }
.theme img { width: 40px; height: 40px; }
.feel img { width: 22px; height: 22px; vertical-align: middle; margin-right: .2em; }
.rate img { width: 26px; height: 26px; vertical-align: middle; margin-right: .3em; }
.still { max-width: 22em; border: 1px solid #999; display: block; margin: .4em 0; }
.moment { border-left: 4px solid #ddd; padding-left: 1em; margin-bottom: 1.5em; }
.sign { display: flex; gap: 2em; flex-wrap: wrap; margin-top: 1em; }
.sign div { flex: 1; min-width: 14em; border-top: 1px solid #333; padding-top: .3em;
            margin-top: 3em; }
footer { color: #777; font-size: 9pt; margin-top: 2em; }
@page { size: A4; margin: 18mm 16mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10pt; }
  .moment, table, tr, .sign { page-break-inside: avoid; break-inside: avoid; }
  h2, h3, h4 { page-break-after: avoid; break-after: avoid; }
  th.party { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
"""


def _data_uri(path: Path | None) -> str:
    if path is None:
        return ""
    mime = "image/svg+xml" if path.suffix == ".svg" else "image/png"
    return f"data:{mime};base64,{base64.b64encode(path.read_bytes()).decode('ascii')}"


def _img(path: Path | None, name: str) -> str:
    """A pictogram with its name as alt text (what a screen reader says, and what shows
    when pictures are off)."""
    return f'<img src="{_data_uri(path)}" alt="{escape(name)}">' if path is not None else ""


def _text(doc: SummaryDoc, text: str, tag: str = "div") -> str:
    if not text.strip():
        return f'<{tag} class="text empty">{escape(doc.t("empty"))}</{tag}>'
    return f'<{tag} class="text">{escape(text.strip())}</{tag}>'


def _party_headers(parties: tuple[PartyColumn, ...]) -> str:
    return "".join(f'<th class="party" style="background:{escape(p.color)}">{escape(p.label)}</th>'
                   for p in parties)


def _moment(doc: SummaryDoc, m_index: int) -> list[str]:
    m = doc.moments[m_index]
    p = doc.prompts
    theme = escape(m.theme_title or doc.t("no_theme"))
    if m.subtopic_title:
        theme += f" – {escape(m.subtopic_title)}"
    picto = _img(m.pictogram, m.theme_title or doc.t("no_theme"))
    out = ['<section class="moment">',
           f"<h3>{escape(doc.t('moment_heading', n=m.number, time=m.time_text))}</h3>",
           f'<div class="theme">{picto}<span><b>{escape(doc.t("theme"))}:</b> {theme}<br>'
           f'<b>{escape(doc.t("marked_by"))}:</b> {escape(m.marked_by)}</span></div>']
    if m.still:
        data = base64.b64encode(m.still).decode("ascii")
        still_name = escape(doc.t("moment_heading", n=m.number, time=m.time_text))
        out.append(f'<img class="still" src="data:image/jpeg;base64,{data}" alt="{still_name}">')
    elif m.still_missing:
        out.append(f'<p class="note">{escape(doc.t("still_missing"))}</p>')
    out += [f"<h4>{escape(p.a_title)}</h4>", _text(doc, m.what_happened),
            f"<h4>{escape(p.b_title)}</h4>",
            f"<table><tr><th></th>{_party_headers(doc.parties)}</tr>"]
    for label, attr in ((p.b_to_me, "to_me"), (p.b_to_other, "to_other")):
        cells = "".join(f"<td>{_text(doc, getattr(r, attr), 'span')}</td>" for r in m.reflections)
        out.append(f"<tr><th>{escape(label)}</th>{cells}</tr>")
    feel_cells = []
    for r in m.reflections:
        # The name is the picture's alt text; the word beside it is for the eye only, so a
        # screen reader says "Blij" once, not twice.
        items = [f'<span class="feel">{_img(f.pictogram, f.title)}'
                 f'<span aria-hidden="true">{escape(f.title)}</span></span>'
                 if f.pictogram else f'<span class="feel">{escape(f.title)}</span>'
                 for f in r.feelings]
        feel_cells.append(f"<td>{' '.join(items) or '—'}</td>")
    out += [f"<tr><th>{escape(doc.t('feelings'))}</th>{''.join(feel_cells)}</tr></table>",
            f"<h4>{escape(p.c_title)}</h4>", _text(doc, m.keep_or_change), "</section>"]
    return out


def _ratings(doc: SummaryDoc) -> list[str]:
    if not doc.ratings:
        return [f'<p class="note">{escape(doc.ratings_note)}</p>']
    out = [f"<table><tr><th>{escape(doc.t('question'))}</th>{_party_headers(doc.parties)}"
           f"<th>{escape(doc.t('difference'))}</th></tr>"]
    for r in doc.ratings:
        cells = []
        for v, face in zip(r.values, r.faces, strict=True):
            said = f"{v} – {doc.rating_label(v)}"
            cells.append(f'<td class="rate">{_img(face, said)}<span aria-hidden="true">'
                         f'{escape(said)}</span></td>' if face is not None
                         else f'<td class="rate">{escape(said)}</td>')
        out.append(f"<tr><th>{escape(r.question)}</th>{''.join(cells)}"
                   f"<td>{escape(r.difference)}</td></tr>")
    return [*out, "</table>"]


def render_html(doc: SummaryDoc) -> str:
    t = doc.t
    names = ", ".join(escape(p.label) for p in doc.parties)
    out = ["<!DOCTYPE html>", f'<html lang="{escape(doc.lang)}"><head><meta charset="utf-8">',
           '<meta name="viewport" content="width=device-width, initial-scale=1">',
           f"<title>{escape(t('title'))} – {escape(doc.review_title)}</title>",
           f"<style>{_CSS}</style></head><body>",
           f"<h1>{escape(t('title'))}</h1>", f'<p class="sub">{escape(doc.review_title)}</p>',
           '<ul class="facts">',
           f"<li><b>{escape(t('date'))}</b> {escape(doc.date_text)}</li>",
           f"<li><b>{escape(t('parties'))}</b> {names}</li>",
           f"<li><b>{escape(t('recording'))}</b> {escape(doc.recording_text)}</li></ul>",
           f"<h2>{escape(t('rules_heading'))}</h2>", f"<p>{escape(t('rules_line'))}</p>",
           f"<p>{escape(doc.rules_confirmed_text)}</p>",
           f"<h2>{escape(t('moments_heading'))}</h2>"]
    if doc.moments_note:
        out.append(f'<p class="note">{escape(doc.moments_note)}</p>')
    for index in range(len(doc.moments)):
        out += _moment(doc, index)
    out += [f"<h2>{escape(t('closing_heading'))}</h2>", f"<h3>{escape(t('summary'))}</h3>",
            _text(doc, doc.summary), f"<h3>{escape(t('learnings'))}</h3>",
            f"<table><tr>{_party_headers(doc.parties)}</tr><tr>",
            *[f"<td>{_text(doc, text, 'span')}</td>" for text in doc.learnings], "</tr></table>",
            *([f"<h3>{escape(t('talk_time'))}</h3>",
               f'<p class="note">{escape(t("talk_time_note"))}</p>', "<ul>",
               *[f"<li>{escape(line)}</li>" for line in doc.talk_time], "</ul>"]
              if doc.talk_time else []),
            f"<h3>{escape(t('actions'))}</h3>"]
    if doc.actions:
        out.append(f"<table><tr><th style=\"width:45%\">{escape(t('action_what'))}</th>"
                   f"<th>{escape(t('action_who'))}</th><th>{escape(t('action_due'))}</th>"
                   f"<th>{escape(t('action_done'))}</th></tr>")
        out += [f"<tr><td>{_text(doc, a.what, 'span')}</td><td>{escape(a.who)}</td>"
                f"<td>{escape(a.due or '—')}</td>"
                f"<td>{escape(t('yes') if a.done else t('no'))}</td></tr>" for a in doc.actions]
        out.append("</table>")
    else:
        out.append(f"<p>{escape(t('no_actions'))}</p>")
    out += [f"<h3>{escape(t('ratings_heading'))}</h3>", *_ratings(doc),
            f"<h2>{escape(t('signoff_heading'))}</h2>", f"<p>{escape(t('signoff_text'))}</p>",
            '<div class="sign">',
            *[f"<div>{escape(p.label)} – {escape(t('signature'))}<br><br>"
              f"{escape(t('date'))}:</div>" for p in doc.parties],
            "</div>", f"<footer>{escape(t('confidential'))}</footer>", "</body></html>"]
    return "\n".join(out) + "\n"


def write_html(doc: SummaryDoc, path: Path) -> None:
    path.write_text(render_html(doc), encoding="utf-8", newline="\n")
