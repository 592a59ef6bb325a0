"""The loader for Markdown articles: front matter, and every [@ID] citation checked against the sources."""

from __future__ import annotations

import re
from pathlib import Path

from desktop import markup
from desktop.content.checker import Checker, text_value
from desktop.content.yamlload import YamlProblem, load_yaml_text
from desktop.kb import schema

ARTICLE_SECTIONS = ("therapies", "trials", "safety", "journey", "about", "centers", "glossary")
FRONT_MATTER = re.compile(r"\A---\s*\n(.*?)\n---\s*\n", re.DOTALL)


def load_articles(checker: Checker) -> None:
    """Markdown articles: front matter, and each [@ID] in the body listed in source_ids."""
    seen: dict[tuple[str, str], str] = {}
    for path in sorted(checker.data_dir.glob("*/*.md")):
        section = path.parent.name
        if section not in ARTICLE_SECTIONS:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            checker.problem(path, 1, f"cannot read: {exc}")
            continue
        match = FRONT_MATTER.match(text)
        if not match:
            checker.problem(path, 1, "article has no YAML front matter (--- ... ---)")
            continue
        try:
            meta = load_yaml_text(match.group(1), line_offset=1)
        except YamlProblem as exc:
            checker.problem(path, exc.line, exc.message)
            continue
        if not isinstance(meta, dict):
            checker.problem(path, 1, "front matter must be a mapping")
            continue
        body = text[match.end() :]
        body_line = text[: match.end()].count("\n") + 1
        if not checker.require(path, meta, ("id", "title", "lang", "audience"), "article"):
            continue
        aid = checker.check_id(path, 2, meta["id"], "article")
        lang = str(meta.get("lang"))
        if lang not in schema.LANGS:
            checker.problem(path, 2, f"lang {lang!r} is not one of {', '.join(schema.LANGS)}")
        audience = str(meta.get("audience"))
        if audience not in schema.AUDIENCES:
            checker.problem(path, 2, f"audience {audience!r} is not patient or clinician")
        key = (aid, lang)
        if key in seen:
            checker.problem(path, 2, f"duplicate article id `{aid}` in {lang} (also in {seen[key]})")
            continue
        seen[key] = checker.rel(path)
        reviewed = checker.date(path, 2, meta.get("reviewed_on"), "reviewed_on")
        sids = checker.cited(path, 2, meta.get("source_ids"), required=section != "about")
        for offset, body_text in enumerate(body.splitlines()):
            for group in markup.cite_groups(body_text):
                for cite in re.split(r"[;,]\s*", group):
                    cite = cite.strip().lstrip("@")
                    if cite not in checker.source_ids:
                        checker.problem(path, body_line + offset, f"citation [@{cite}] is not in data/sources.yaml")
                    elif cite not in sids:
                        checker.problem(path, body_line + offset, f"citation [@{cite}] is not listed in source_ids")
        therapy = text_value(meta.get("therapy_id"))
        if therapy and therapy not in checker.therapy_ids:
            checker.problem(path, 2, f"unknown therapy `{therapy}`")
        checker.content.rows("articles").append(
            {
                "id": aid,
                "lang": lang,
                "title": text_value(meta.get("title")),
                "audience": audience,
                "section": section,
                "topic": text_value(meta.get("topic")) or aid,
                "step": _step(checker, path, meta.get("step")),
                "therapy_id": therapy,
                "summary": text_value(meta.get("summary")),
                "body_md": body.strip() + "\n",
                "source_ids": sids,
                "reviewed_on": reviewed,
                "translation_status": text_value(meta.get("translation_status")) or "original",
                "file": checker.rel(path),
            }
        )


def _step(checker: Checker, path: Path, value: object) -> int:
    """A journey page's place in treatment order (`step: 3`); 0 for pages outside the journey."""
    if value is None or value == "":
        return 0
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    checker.problem(path, 2, f"`step` must be a whole number from 1, not {value!r}")
    return 0
