"""KB records turned into what a handout template needs, in one language (no Qt).

Templates never hold clinical text: they ask this module for articles by topic, glossary
definitions, outcomes and centres. Whatever is missing from the KB is recorded in
`missing`, so the template can print a clear "not in the knowledge base yet" line and the
CLI can warn, instead of silently printing less.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from desktop import markup
from desktop.i18n import gettext, pgettext
from desktop.kb.compare import metric_label
from desktop.kb.records import (
    Article,
    Center,
    GlossaryTerm,
    Outcome,
    Source,
    Therapy,
    Trial,
)
from desktop.kb.store import KnowledgeBase
from desktop.recovery.plan import DEFAULT_THERAPY

_HEADING = re.compile(r"^(#{1,6})\s+(.*)$")


def markdown_html(md: str, cited: list[str] | None = None, *, heading_base: int = 3) -> str:
    """Article Markdown -> safe HTML (raw HTML in the source is escaped).

    `[@ID]` citations become small `[ID]` markers and their ids are appended to `cited`.
    Headings are demoted so an article section never outranks the handout's own.
    """
    def cite(ids: list[str]) -> str:
        if cited is not None:
            cited.extend(ids)
        return f'<span class="cite">[{markup.esc(", ".join(ids))}]</span>'

    return keep_together(markup.to_html(md, cite=cite, heading_base=heading_base))


_UNIT = re.compile(r"(\d) (°C|°F|%|mg|kg|km|mL|mmHg)(?![A-Za-z])")


def keep_together(text: str) -> str:
    """A number and its unit joined by a no-break space: "38 °C" never splits across lines (D31)."""
    return _UNIT.sub("\\1\u00a0\\2", text)


@dataclass
class Section:
    heading: str
    body_md: str


def sections(body_md: str) -> list[Section]:
    """Split an article body at its `##`-level headings (text before the first is heading '')."""
    out: list[Section] = [Section("", "")]
    for line in body_md.splitlines():
        m = _HEADING.match(line)
        if m and len(m.group(1)) <= 3:
            out.append(Section(m.group(2).strip(), ""))
        else:
            out[-1].body_md += line + "\n"
    return [s for s in out if s.heading or s.body_md.strip()]


@dataclass
class ArticleView:
    """One article prepared for print: whole body, summary and named sections as HTML."""

    id: str
    title: str
    lang: str
    reviewed_on: str
    source_ids: tuple[str, ...]
    fallback: bool
    summary: str
    body_md: str
    _sections: list[Section]
    _owner: HandoutContent

    @property
    def body_html(self) -> str:
        """The whole body as HTML; cites exactly the sources it prints."""
        return markdown_html(self.body_md, self._owner.cited)

    @property
    def summary_cited(self) -> str:
        """The one-line summary; it stands for the whole article, so all its sources count."""
        self._owner.use(self.source_ids)
        return keep_together(self.summary)

    def section_html(self, *keywords: str, limit: int = 2, headings: bool = True) -> str:
        """The sections whose heading contains any keyword (case-insensitive), as HTML.

        Falls back to the whole body when no heading matches, so content is never dropped
        silently because a heading was worded differently.
        """
        keys = [k.casefold() for k in keywords]
        chosen = [s for s in self._sections if s.heading and any(k in s.heading.casefold() for k in keys)][:limit]
        if not chosen:
            return self.body_html
        md = "\n".join((f"### {s.heading}\n\n" if headings else "") + s.body_md for s in chosen)
        return markdown_html(md, self._owner.cited, heading_base=1)

    def first_paragraph_html(self) -> str:
        """The first plain paragraph of the body (for short per-phase descriptions)."""
        for s in self._sections:
            for para in re.split(r"\n\s*\n", s.body_md.strip()):
                p = para.strip()
                if p and not p.startswith(("#", "-", "*", "|", ">", "1.")):
                    return markdown_html(p, self._owner.cited)
        return self.body_html


@dataclass
class TermView:
    id: str
    term: str
    definition: str


@dataclass
class ResultView:
    """An outcome in plain figures: value as the source printed it, n of N, trial and cut."""

    metric: str
    value_text: str
    unit: str
    numerator: str
    denominator: str
    display: str
    trial_name: str
    cohort: str
    data_cut: str
    followup_months: str
    source_ids: tuple[str, ...]
    note: str
    label: str


@dataclass
class RuleView:
    id: str
    topic: str
    text: str
    jurisdiction: str
    period: str
    current: bool
    day_from: int | None
    day_to: int | None
    source_ids: tuple[str, ...]


@dataclass
class CenterView:
    id: str
    name: str
    city: str
    phone: str
    address: str
    source_ids: tuple[str, ...]
    country: str = ""


def _num(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def _site_centre(center_id: str) -> Center | None:
    """A centre of the site's own list (issue 22), read from the user database; None when it
    is not there (or the user database does not exist or cannot be read)."""
    from desktop.userdata import site_centres

    if not center_id.startswith(site_centres.ID_PREFIX):
        return None
    from desktop import paths
    from desktop.userdata import db

    if not paths.user_db_path().exists():
        return None
    try:
        conn = db.open_user_db(read_only_ok=True)
    except db.UserDbError:
        return None
    try:
        found = site_centres.get(conn, center_id)
    finally:
        conn.close()
    return found.as_center() if found is not None else None


def find_center(kb: KnowledgeBase, center_id: str) -> Center | None:
    """A sourced centre of the KB, else one of the site's own list (`site:` ids): what a handout may name."""
    return kb.center(center_id) or _site_centre(center_id) if center_id else None


@dataclass
class HandoutContent:
    """A KB seen in one language, remembering which sources were used and what was missing."""

    kb: KnowledgeBase
    lang: str
    cited: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    _glossary: list[GlossaryTerm] | None = None

    @property
    def zh(self) -> bool:
        return self.lang.startswith("zh")

    def use(self, ids: tuple[str, ...] | list[str]) -> str:
        """Record sources as used; returns '' so templates can call it inline."""
        self.cited.extend(ids)
        return ""

    def _miss(self, what: str) -> None:
        if what not in self.missing:
            self.missing.append(what)

    # -- products and trials --------------------------------------------------------
    def therapy(self, therapy_id: str = DEFAULT_THERAPY, cite: bool = True) -> Therapy | None:
        """The product record; `cite=False` when only its name is printed (no claims)."""
        found = self.kb.therapy(therapy_id)
        if found is None:
            self._miss(f"therapy:{therapy_id}")
            return None
        if cite:
            self.use(found.source_ids)
        return found

    def rules(self, *topics: str, therapy_id: str = DEFAULT_THERAPY) -> list[RuleView]:
        """Dated rules on these topics for the product (class-wide ones too), old and new."""
        from desktop.kb.rules import rules_for

        p_ = pgettext(self.lang)
        out: list[RuleView] = []
        for topic in topics:
            for r in rules_for(self.kb, topic=topic, therapy_id=therapy_id):
                self.use(r.source_ids)
                since = (p_("handout rules list: when a rule is valid", "%(start)s – %(end)s") % {
                    "start": r.valid_from, "end": r.valid_to} if r.valid_to
                    else p_("handout rules list: when a rule is valid", "since %(date)s") % {"date": r.valid_from})
                out.append(RuleView(r.id, r.topic, r.text(self.lang), r.jurisdiction_label(self.lang), since,
                                    not r.valid_to, r.day_from, r.day_to, r.source_ids))
        return out

    def product_name(self, therapy: Therapy | None) -> str:
        if therapy is None:
            return ""
        name = therapy.name(self.lang)
        _ = gettext(self.lang)
        return _("%(name)s (%(brand)s)") % {"name": name, "brand": therapy.brand} if therapy.brand else name

    def key_trial(self, therapy: Therapy | None) -> Trial | None:
        if therapy is None:
            return None
        for trial_id in therapy.key_trials:
            trial = self.kb.trial(trial_id)
            if trial is not None:
                self.use(trial.source_ids)
                return trial
        self._miss(f"key trial of {therapy.id}")
        return None

    def result(self, trial: Trial | None, metric: str, cohort: str = "all") -> ResultView | None:
        """One outcome row for the metric: the CAR-T arm, the cohort asked, the longest follow-up."""
        if trial is None:
            return None
        rows = self.kb.car_t_outcomes(trial.id, metric, cohort)
        if not rows:
            self._miss(f"outcome {trial.id}/{cohort}/{metric}")
            return None
        best = max(rows, key=lambda o: (o.followup_months or 0.0, o.grade == "P"))
        self.use(best.source_ids)
        return self._result_view(best, trial)

    def _result_view(self, o: Outcome, trial: Trial) -> ResultView:
        return ResultView(
            metric=o.metric, value_text=o.value_text or _num(o.value), unit=o.unit,
            numerator=_num(o.numerator), denominator=_num(o.denominator), display=o.display_value,
            trial_name=trial.name, cohort=o.cohort, data_cut=o.data_cut,
            followup_months=_num(o.followup_months), source_ids=o.source_ids, note=o.note,
            label=metric_label(o.metric, self.lang),
        )

    def warnings(self, therapy: Therapy | None) -> list[dict[str, Any]]:
        if therapy is None:
            return []
        out = []
        for w in self.kb.warnings(therapy.id):
            self.use(w.source_ids)
            text = w.text_zh if self.zh and w.text_zh else w.text_en
            out.append({"text": text, "jurisdiction": w.jurisdiction, "date": w.date, "source_ids": w.source_ids})
        return out

    def approvals(self, therapy: Therapy | None) -> list[dict[str, Any]]:
        if therapy is None:
            return []
        out = []
        for a in self.kb.approvals(therapy.id):
            self.use(a.source_ids)
            text = a.indication_zh if self.zh and a.indication_zh else a.indication_en
            out.append({"region": a.region, "agency": a.agency, "date": a.date, "event": a.event or "approval",
                        "indication": text, "source_ids": a.source_ids})
        return out

    # -- articles -------------------------------------------------------------------
    def article(self, topic: str, audience: str = "patient") -> ArticleView | None:
        """The article on `topic` in this language and audience (else the nearest one)."""
        found = self.kb.articles_by_topic(topic)
        if not found:
            self._miss(f"article on {topic}")
            return None
        return self._view(found, audience)

    def _view(self, found: list[Article], audience: str) -> ArticleView:
        want = "zh-Hans" if self.zh else "en"

        def rank(a: Article) -> tuple[int, int]:
            return (0 if a.audience == audience else 1, 0 if a.lang == want else 1)

        best = sorted(found, key=rank)[0]
        return ArticleView(
            id=best.id, title=best.title, lang=best.lang, reviewed_on=best.reviewed_on,
            source_ids=best.source_ids, fallback=best.lang != want, summary=best.summary,
            body_md=best.body_md, _sections=sections(best.body_md), _owner=self,
        )

    def articles_with_prefix(self, prefix: str, audience: str = "patient") -> list[ArticleView]:
        """One view per article whose topic starts with `prefix` (e.g. `eque-cel-`)."""
        ids = self.kb.article_ids_with_topic_prefix(prefix, audience)
        return [self._view([a for a in self.kb.articles_by_topic(i) if a.id == i], audience) for i in ids]

    def bullets(self, article: ArticleView | None, *keywords: str, limit: int = 12) -> list[str]:
        """List items (as HTML) from the article's sections matching `keywords` (all if none)."""
        if article is None:
            return []
        keys = [k.casefold() for k in keywords]
        items: list[str] = []
        for s in article._sections:
            if keys and not (s.heading and any(k in s.heading.casefold() for k in keys)):
                continue
            for line in s.body_md.splitlines():
                m = re.match(r"^\s*(?:[-*+]|\d+[.)])\s+(.*)$", line)
                if m:
                    html = markdown_html(m.group(1).strip(), self.cited).strip()
                    items.append(re.sub(r"^<p>(.*)</p>$", r"\1", html, flags=re.S))
        return items[:limit]

    # -- glossary -------------------------------------------------------------------
    def term(self, key: str, audience: str = "patient") -> TermView | None:
        """A glossary entry by id or abbreviation (case-insensitive)."""
        if self._glossary is None:
            self._glossary = self.kb.glossary()
        k = key.casefold()
        for g in self._glossary:
            if g.id.casefold() == k or (g.abbr and g.abbr.casefold() == k):
                self.use(g.source_ids)
                return TermView(g.id, g.term(self.lang), g.definition(self.lang, audience))
        self._miss(f"glossary:{key}")
        return None

    # -- centres --------------------------------------------------------------------
    def center(self, center_id: str) -> CenterView | None:
        if not center_id:
            return None
        c = find_center(self.kb, center_id)
        if c is None:
            return None
        self.use(c.source_ids)
        city = c.city_zh if self.zh and c.city_zh else c.city
        return CenterView(c.id, c.name(self.lang), city, c.phone, c.address, c.source_ids, c.country)

    # -- sources --------------------------------------------------------------------
    def source_ids(self) -> list[str]:
        """The ids cited, first use first, without duplicates, limited to ones the KB knows."""
        seen: list[str] = []
        for i in self.cited:
            if i not in seen:
                seen.append(i)
        known = {s.id for s in self.kb.sources_for(seen)}
        return [i for i in seen if i in known]

    def sources(self) -> list[Source]:
        return self.kb.sources_for(self.source_ids())
