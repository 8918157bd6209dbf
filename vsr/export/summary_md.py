"""The joint learning summary as Markdown: headings, paragraphs and pipe tables. Pictures (theme
pictograms, stills) are left out: Markdown viewers differ too much in what they embed; the theme
is named in words."""

from __future__ import annotations

import re
from pathlib import Path

from vsr.export.summary_content import SummaryDoc

# Characters that make Markdown structure anywhere in a line (emphasis, code, links, tables,
# strikethrough, escapes), and what makes a block at the start of one (headings, quotes, lists,
# setext underlines, ordered lists). A user's text is never read as Markdown or HTML.
_INLINE = re.compile(r"([\\`*_\[\]|~])")
_BLOCK_START = re.compile(r"^([#>+=-])|^(\d+)([.)])")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}


def _escape_line(line: str) -> str:
    line = "".join(_HTML.get(ch, ch) for ch in line.strip())  # no HTML, no <autolink:>
    line = _INLINE.sub(r"\\\1", line)
    return _BLOCK_START.sub(lambda m: f"\\{m[1]}" if m[1] else f"{m[2]}\\{m[3]}", line)


def _inline(text: str) -> str:
    """A user's text inside a line of ours (a title, a name, a list item): one line, escaped."""
    return _escape_line(" ".join(text.split()))


def _para(text: str) -> str:
    """A user's text as a paragraph: line breaks kept, nothing read as Markdown structure
    (no indented code either: leading spaces go)."""
    return "  \n".join(_escape_line(line) for line in text.strip().splitlines())


def _cell(text: str) -> str:
    return " <br> ".join(_escape_line(t) for t in text.strip().splitlines() if t.strip())


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(_cell(h) for h in header) + " |",
           "|" + "|".join(" --- " for _ in header) + "|"]
    out += ["| " + " | ".join(_cell(c) for c in row) + " |" for row in rows]
    return out + [""]


def render_markdown(doc: SummaryDoc) -> str:
    t, e = doc.t, doc.or_empty
    names = [p.label for p in doc.parties]
    out = [f"# {t('title')}", "", f"**{_cell(doc.review_title)}**", "",
           f"- {t('date')}: {_inline(doc.date_text)}",
           f"- {t('parties')}: {', '.join(_inline(n) for n in names)}",
           f"- {t('recording')}: {_inline(doc.recording_text)}", "",
           f"## {t('rules_heading')}", "", t("rules_line"), "", doc.rules_confirmed_text, "",
           f"## {t('moments_heading')}", ""]
    if doc.moments_note:
        out += [f"*{_inline(doc.moments_note)}*", ""]
    p = doc.prompts
    for m in doc.moments:
        theme = m.theme_title or t("no_theme")
        if m.subtopic_title:
            theme += f" – {m.subtopic_title}"
        out += [f"### {t('moment_heading', n=m.number, time=m.time_text)}", "",
                f"- {t('theme')}: {_inline(theme)}", f"- {t('marked_by')}: {_inline(m.marked_by)}", ""]
        if m.still_missing:
            out += [f"*{t('still_missing')}*", ""]
        out += [f"**{p.a_title}**", "", _para(e(m.what_happened)), "", f"**{p.b_title}**", ""]
        out += _table(["", *names], [
            [p.b_to_me, *[e(r.to_me) for r in m.reflections]],
            [p.b_to_other, *[e(r.to_other) for r in m.reflections]],
            [t("feelings"), *[", ".join(f.title for f in r.feelings) or "—"
                              for r in m.reflections]],
        ])
        out += [f"**{p.c_title}**", "", _para(e(m.keep_or_change)), ""]
    out += [f"## {t('closing_heading')}", "", f"### {t('summary')}", "", _para(e(doc.summary)),
            "", f"### {t('learnings')}", ""]
    out += _table(names, [[e(text) for text in doc.learnings]])
    if doc.talk_time:
        out += [f"### {t('talk_time')}", "", _para(e(t("talk_time_note"))), "",
                *[f"- {e(line)}" for line in doc.talk_time], ""]
    out += [f"### {t('actions')}", ""]
    if doc.actions:
        out += _table(
            [t("action_what"), t("action_who"), t("action_due"), t("action_done")],
            [[e(a.what), a.who, a.due or "—", t("yes") if a.done else t("no")]
             for a in doc.actions])
    else:
        out += [t("no_actions"), ""]
    out += [f"### {t('ratings_heading')}", ""]
    if doc.ratings:
        out += _table([t("question"), *names, t("difference")], [
            [r.question, *[f"{v} – {doc.rating_label(v)}" for v in r.values], r.difference]
            for r in doc.ratings])
    else:
        out += [f"*{doc.ratings_note}*", ""]
    out += [f"## {t('signoff_heading')}", "", t("signoff_text"), ""]
    out += [f"- {_inline(name)}: {t('signature')} ______________________  {t('date')} ____________"
            for name in names]
    return "\n".join(out) + "\n"


def write_markdown(doc: SummaryDoc, path: Path) -> None:
    path.write_text(render_markdown(doc), encoding="utf-8", newline="\n")
