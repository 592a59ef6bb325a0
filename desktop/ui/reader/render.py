"""KB records -> HTML pages for the reading pane (QTextBrowser's rich-text subset).

Every page carries its audience, review date, translation status and the "information, not
medical advice" notice; every `[@ID]` citation becomes a numbered superscript link
(`cite:ID`) with the full reference listed at the bottom; the first mention of each glossary
term becomes a `glossary:ID` link whose definition the reader shows on hover or focus.
Links use the window's schemes: article:, therapy:, trial:, outcome:, glossary:, center:,
source:, view:, home:.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QObject

from desktop import markup
from desktop.kb.records import Article, GlossaryTerm, Outcome, Source, Therapy
from desktop.kb.store import KnowledgeBase
from desktop.kb.text import has_cjk
from desktop.markup import esc
from desktop.ui.shell import theme
from desktop.ui.shell.i18n import (
    country_name,
    format_date,
    jurisdiction_label,
    phase_label,
)

if TYPE_CHECKING:
    from desktop.kb.segment import Segmenter

LINK_KINDS = ("home", "article", "therapy", "trial", "outcome", "glossary", "center", "source")
# Patterns as text: `re` compiles each on first use and caches it, so importing this module
# (on the window's start-up path) compiles none.
_PAREN = r"\s*[（(][^）)]*[）)]\s*"
HEADLINE_METRICS = ("orr", "cr_or_better", "mrd_neg", "pfs_median", "crs_any", "crs_grade3plus",
                    "icans_any", "icans_grade3plus", "neurotox_grade3plus")
TABLE_ATTRS = 'border="1" cellspacing="0" cellpadding="4" style="border-collapse: collapse;"'
"""Markdown tables get the reading pane's ruled look (QTextBrowser draws no borders by default)."""


def split_link(link: str) -> tuple[str, str]:
    """`"therapy:eque-cel"` -> `("therapy", "eque-cel")`; `"home:"` -> `("home", "")`."""
    kind, _, ref = link.partition(":")
    return kind.lower(), ref


WORD_JOINER = "\u2060"
"""Invisible; forbids a line break between the characters on either side (Unicode UAX #14)."""
_TAG_OR_TEXT = r"(<[^>]*>)"
_CJK_RUN = "[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}"  # compiled on first use (re's cache): not at start-up


def keep_words_whole(html: str, segmenter: Segmenter) -> str:
    """Chinese words of the KB's vocabulary (伊基奥仑赛, 细胞因子释放综合征) never broken at a line
    end: Qt's rich text breaks Chinese between any two characters and has no inline 'nowrap', so
    the characters of each known word are joined by WORD_JOINER (the reader strips it again
    from copied text). Tags and attributes are left as they are."""
    def words(match: re.Match[str]) -> str:
        return "".join(WORD_JOINER.join(piece) if known else piece for piece, known in segmenter.cut(match.group(0)))

    parts = re.split(_TAG_OR_TEXT, html)
    return "".join(part if part.startswith("<") else re.sub(_CJK_RUN, words, part) for part in parts)


class Page(NamedTuple):
    link: str
    title: str
    html: str
    kind: str
    ref: str
    bookmarkable: bool = True
    audience: str = ""
    found: bool = True


class Citations:
    """Numbers sources in order of first citation on one page."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.order: list[str] = []
        self._sources: dict[str, Source | None] = {}

    def number(self, source_id: str) -> int:
        if source_id not in self.order:
            self.order.append(source_id)
            self._sources[source_id] = self.kb.source(source_id)
        return self.order.index(source_id) + 1

    def source(self, source_id: str) -> Source | None:
        if source_id not in self._sources:
            self._sources[source_id] = self.kb.source(source_id)
        return self._sources[source_id]

    def sup(self, ids: tuple[str, ...] | list[str]) -> str:
        """Superscript links `[1, 3]` for these sources (empty for no ids)."""
        ids = [i for i in ids if i]
        if not ids:
            return ""
        parts = []
        for sid in ids:
            n = self.number(sid)
            src = self.source(sid)
            title = esc(src.citation if src else sid)
            parts.append(f'<a class="cite" href="cite:{esc(sid)}" title="{title}">{n}</a>')
        return f"<sup>[{', '.join(parts)}]</sup>"


class PageRenderer(QObject):
    """Builds the HTML of one page for one language; strings go through Qt translation."""

    def __init__(self, kb: KnowledgeBase, lang: str = "en", *, dark: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kb = kb
        self.lang = lang
        self.dark = dark
        self._glossary: list[GlossaryTerm] | None = None
        self.available_views: set[str] | None = None
        """Views the window has (home links to missing ones are left out); None = all."""
        self._linker: markup.Glossary | None = None

    # -- configuration ------------------------------------------------------------------
    def set_kb(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._glossary = None
        self._linker = None

    def set_language(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            self._linker = None

    @property
    def zh(self) -> bool:
        return self.lang.startswith("zh")

    def style_sheet(self) -> str:
        """Default CSS for the reading pane's QTextDocument."""
        link = "#7fb8ff" if self.dark else "#0b57a4"
        muted = theme.muted()  # secondary text from the palette in use (no fixed grey)
        notice_bg = "#3a3320" if self.dark else "#fff6dd"
        badge_bg = "#2c3e50" if self.dark else "#e3edf7"
        return (
            f"a {{ color: {link}; }}"
            f"a.gl {{ color: {link}; text-decoration: none; }}"
            f"a.cite {{ text-decoration: none; }}"
            f".meta {{ color: {muted}; }}"
            f".notice {{ background-color: {notice_bg}; }}"
            f".badge {{ background-color: {badge_bg}; font-weight: bold; }}"
            f".fallback {{ color: {theme.tone('error')}; font-weight: bold; }}"
            "h1 { font-size: x-large; } h2 { font-size: large; } h3 { font-size: medium; }"
            "th { text-align: left; }"
            # Chinese needs more room between lines than Latin text to stay legible (CJK line height)
            + ("p, li, td, th, dd { line-height: 160%; }" if self.zh else "")
        )

    # -- entry point --------------------------------------------------------------------
    def render(self, link: str) -> Page:
        kind, ref = split_link(link)
        methods: dict[str, Callable[[str], Page | None]] = {
            "home": self.home, "article": self.article, "therapy": self.therapy, "trial": self.trial,
            "outcome": self.outcome, "glossary": self.glossary, "center": self.center, "source": self.source,
        }
        method = methods.get(kind)
        page = method(ref) if method else None
        page = page if page is not None else self.not_found(link)
        if not self.zh or kind == "home" or not page.found:  # home: short labels, and start-up's page
            return page
        return page._replace(html=keep_words_whole(page.html, self.kb.segmenter()))

    def not_found(self, link: str) -> Page:
        shown = self.tr("Page not found")
        shown2 = self.tr("Nothing in this knowledge base is called {0}.")
        body = f'<h1>{esc(shown)}</h1><p>{esc(shown2.format(link))}</p>'
        return Page(link, self.tr("Page not found"), body, "", "", bookmarkable=False, found=False)

    # -- shared pieces ------------------------------------------------------------------
    def _notice(self) -> str:
        text = self.tr("Information, not medical advice. The product label and the treating team's protocol come first.")
        return f'<p class="notice"><i>{esc(text)}</i></p>'

    def audience_label(self, audience: str) -> str:
        return {"patient": self.tr("For patients and caregivers"), "clinician": self.tr("For clinicians")}.get(audience, audience)

    def status_label(self, status: str) -> str:
        return {
            "original": self.tr("Original text"), "translated": self.tr("Translated"),
            "machine-draft": self.tr("Machine-translated draft, not yet reviewed"),
            "reviewed": self.tr("Reviewed translation"),
        }.get(status, status)

    def _meta_line(self, *, audience: str = "", reviewed: str = "", status: str = "", fallback: bool = False) -> str:
        bits = []
        if audience:
            bits.append(f'<span class="badge">&nbsp;{esc(self.audience_label(audience))}&nbsp;</span>')
        if reviewed:
            bits.append(esc(self.tr("Reviewed {0}").format(format_date(reviewed, self.lang))))
        if status:
            bits.append(esc(self.status_label(status)))
        out = f'<p class="meta">{" · ".join(bits)}</p>' if bits else ""
        if fallback:  # the article's translation status: no Chinese text yet (docs/i18n.md)
            shown = (self.tr("No Chinese version of this article yet: the English text, reviewed {0}, is shown.")
                     .format(format_date(reviewed, self.lang)) if reviewed
                     else self.tr("Not yet available in Chinese: showing the English text."))
            out += f'<p class="fallback">{esc(shown)}</p>'
        return out + self._notice()

    def _references(self, cites: Citations) -> str:
        if not cites.order:
            return ""
        rows = []
        for n, sid in enumerate(cites.order, 1):
            src = cites.source(sid)
            text = esc(src.citation) if src else esc(self.tr("unknown source {0}").format(sid))
            grade = f" <i>({esc(self._grade(src.grade))})</i>" if src else ""
            rows.append(f'<li><a name="ref-{esc(sid)}"></a>[{n}] {text}{grade} <a href="source:{esc(sid)}">{esc(sid)}</a></li>')
        heading = esc(self.tr("References"))
        return f'<h2>{heading}</h2><ol style="list-style-type: none;">{"".join(rows)}</ol>'

    def _grade(self, grade: str) -> str:
        return {"P": self.tr("primary source"), "C": self.tr("company statement"), "S": self.tr("secondary report")}.get(grade, grade)

    def _table(self, header: list[str], rows: list[list[str]]) -> str:
        head = "".join(f"<th>{h}</th>" for h in header)
        body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
        return (f'<table border="1" cellspacing="0" cellpadding="4" style="border-collapse: collapse;" width="100%">'
                f"<tr>{head}</tr>{body}</table>")

    def _facts(self, rows: list[tuple[str, str]]) -> str:
        body = "".join(f'<tr><th width="25%">{esc(k)}</th><td>{v}</td></tr>' for k, v in rows if v)
        return f'<table border="1" cellspacing="0" cellpadding="4" style="border-collapse: collapse;" width="100%">{body}</table>'

    def _pick(self, en: str, zh: str) -> tuple[str, bool]:
        """The text in the current language and whether it fell back to English."""
        if self.zh:
            return (zh, False) if zh else (en, bool(en))
        return en, False

    def _fallback_mark(self) -> str:
        shown = self.tr("English")
        return f' <span class="fallback">[{esc(shown)}]</span>'

    def _text(self, en: str, zh: str) -> str:
        text, fell = self._pick(en, zh)
        return esc(text) + (self._fallback_mark() if fell else "")

    # -- glossary linking ---------------------------------------------------------------
    def glossary_terms(self) -> list[GlossaryTerm]:
        if self._glossary is None:
            self._glossary = self.kb.glossary()
        return self._glossary

    def _glossary_linker(self) -> markup.Glossary:
        """Every name a term goes by (abbreviation, English and Chinese names, their parenthesised
        parts; Latin names also lower-case and capitalised) -> the term."""
        if self._linker is not None:
            return self._linker
        names: list[tuple[str, str]] = []
        for term in self.glossary_terms():
            found = {term.abbr, re.sub(_PAREN, "", term.term_en).strip(), re.sub(_PAREN, "", term.term_zh).strip()}
            for m in re.finditer(r"[（(]([^）)]*)[）)]", term.term_en + term.term_zh):
                found.add(m.group(1).strip())
            for name in found:
                if not name or len(name) < 2:
                    continue
                variants = {name}
                if not has_cjk(name) and not name.isupper():
                    variants |= {name.lower(), name[:1].upper() + name[1:]}
                names += [(v, term.id) for v in variants]
        self._linker = markup.glossary_from(names, has_cjk)
        return self._linker

    def link_glossary(self, body: str, *, skip: str = "") -> str:
        """Link the first mention of each glossary term outside links, headings and code."""
        return self._glossary_linker().link_html(body, skip=skip)

    def markdown(self, text: str, cites: Citations) -> str:
        """Article Markdown: citations numbered on this page, tables ruled, first mentions of terms linked."""
        return markup.to_html(text, cite=cites.sup, glossary=self._glossary_linker(), table_attrs=TABLE_ATTRS)

    # -- tooltips -----------------------------------------------------------------------
    def tooltip_for(self, link: str, audience: str = "patient") -> str:
        """Plain text shown when a link is hovered or focused (glossary definitions, references)."""
        kind, ref = split_link(link)
        if kind == "glossary":
            term = self.kb.glossary_term(ref)
            if term is None:
                return ""
            return f"{term.term(self.lang)}: {term.definition(self.lang, audience)}"
        if kind in ("cite", "source"):
            src = self.kb.source(ref)
            return src.citation if src else ""
        return ""

    # -- pages --------------------------------------------------------------------------
    def home(self, _ref: str = "") -> Page:
        meta = self.kb.meta()
        counts = self.kb.counts(("therapies", "trials", "articles", "sources"))

        def entry(link: str, label: str, hint: str) -> str:
            if self.available_views is not None and link.split(":", 1)[1] not in self.available_views:
                return ""
            return f'<p><a href="{link}"><b>{esc(label)}</b></a><br/><span class="meta">{esc(hint)}</span></p>'

        clinician = "".join((
            entry("view:therapies", self.tr("Therapies"), self.tr("Products, targets, doses and approvals")),
            entry("view:trials", self.tr("Trials"), self.tr("Designs, populations and outcomes with sources")),
            entry("view:compare", self.tr("Compare trials"), self.tr("Response and safety side by side (not head-to-head)")),
            entry("view:safety", self.tr("Safety"), self.tr("CRS, ICANS and other toxicities")),
            entry("view:grading", self.tr("Grading tools"), self.tr("ASTCT CRS and ICANS grade, ICE score")),
            entry("view:timeline", self.tr("Regulatory timeline"), self.tr("Approvals, label and rule changes by date")),
        ))
        staff = "".join((
            entry("view:handouts", self.tr("Handouts"), self.tr("Print personalised patient handouts")),
            entry("view:centres", self.tr("Centres"), self.tr("Treatment and trial centres, nearest first")),
            entry("view:bookmarks", self.tr("Bookmarks"), self.tr("Pages you saved, your notes and history")),
            entry("view:changes", self.tr("What changed"), self.tr("What the last content update added or changed")),
        ))
        patient = "".join((
            entry("view:journey", self.tr("Patient journey"), self.tr("From referral to follow-up, step by step")),
            entry("view:calendar", self.tr("Recovery calendar"), self.tr("Your key days after the infusion, with dates")),
            entry("view:safety", self.tr("Side effects"), self.tr("What to watch for and when to call")),
            entry("view:glossary", self.tr("Glossary"), self.tr("Words explained in plain language")),
        ))
        for_clinicians = self.tr("For clinicians")
        for_staff = self.tr("For staff printing handouts")
        for_patients = self.tr("For patients and caregivers")
        cols = (
            f'<table width="100%" cellspacing="8" cellpadding="8"><tr>'
            f'<td width="33%" valign="top"><h2>{esc(for_clinicians)}</h2>{clinician}</td>'
            f'<td width="33%" valign="top"><h2>{esc(for_staff)}</h2>{staff}</td>'
            f'<td width="33%" valign="top"><h2>{esc(for_patients)}</h2>{patient}</td>'
            f"</tr></table>"
        )
        intro = esc(self.tr("An offline reference on BCMA-targeted CAR-T cell therapy for relapsed or refractory multiple myeloma. Type in the search field above, or start from one of these pages."))
        kbline = esc(self.tr("Knowledge base {0}, content date {1}: {2} therapies, {3} trials, {4} articles, {5} sources.").format(
            meta.kb_version, meta.content_date, counts.get("therapies", 0), counts.get("trials", 0),
            counts.get("articles", 0), counts.get("sources", 0)))
        shown = self.tr("CAR-T Reference")
        body = f'<h1>{esc(shown)}</h1><p>{intro}</p>{self._notice()}{cols}<p class="meta">{kbline}</p>'
        return Page("home:", self.tr("Home"), body, "home", "", bookmarkable=False)

    def article(self, article_id: str) -> Page | None:
        art = self.kb.article(article_id, self.lang)
        if art is None:
            return None
        return self._article_page(art)

    def _article_page(self, art: Article) -> Page:
        cites = Citations(self.kb)
        body = self.markdown(art.body_md, cites)
        others = []
        for other in self.kb.articles_by_topic(art.topic) if art.topic else []:
            if other.id != art.id and other.lang == ("en" if art.fallback else art.lang) and other.audience != art.audience:
                others.append(f'<a href="article:{esc(other.id)}">{esc(other.title)}</a> ({esc(self.audience_label(other.audience))})')
        also = esc(self.tr("Also available:"))
        related = f'<p class="meta">{also} {" · ".join(others)}</p>' if others else ""
        listed = [s for s in art.source_ids if s not in cites.order]
        extra = ""
        if listed:
            shown = self.tr("Further sources:")
            extra = f'<p class="meta">{esc(shown)} {cites.sup(listed)}</p>'
        head = f"<h1>{esc(art.title)}</h1>" + self._meta_line(
            audience=art.audience, reviewed=art.reviewed_on, status=art.translation_status, fallback=art.fallback and self.zh)
        html_ = head + related + body + extra + self._references(cites)
        return Page(f"article:{art.id}", art.title, html_, "article", art.id, audience=art.audience)

    def therapy(self, therapy_id: str) -> Page | None:
        t = self.kb.therapy(therapy_id)
        if t is None:
            return None
        cites = Citations(self.kb)
        name = t.name(self.lang)
        title = f"{name} ({t.brand})" if t.brand else name
        summary = self._text(t.summary_en, t.summary_zh)
        facts = self._facts([
            (self.tr("Target"), esc(t.target)),
            (self.tr("Construct"), self._text(t.construct_en, t.construct_zh)),
            (self.tr("Dose"), self._text(t.dose_en, t.dose_zh)),
            (self.tr("Company"), esc(t.company)),
            (self.tr("Codes"), esc(", ".join(t.codes))),
            (self.tr("Status"), esc({"approved": self.tr("Approved"), "investigational": self.tr("Investigational")}.get(t.status, t.status))),
            (self.tr("Sources"), cites.sup(t.source_ids)),
        ])
        key_facts = self.tr("Key facts")
        parts = [f"<h1>{esc(title)}</h1>", self._meta_line(audience="clinician", reviewed=t.reviewed_on),
                 f'<p>{summary}</p>' if summary else "", f"<h2>{esc(key_facts)}</h2>", facts]
        approvals = self.kb.approvals(t.id)
        if approvals:
            rows = [[esc(format_date(a.date, self.lang)), esc(country_name(a.region, self.lang)),
                     esc(jurisdiction_label(a.agency, self.lang)), esc(self._event_label(a.event)),
                     self._text(a.indication_en, a.indication_zh), cites.sup(a.source_ids)] for a in approvals]
            shown = self.tr("Approvals")
            parts += [f'<h2>{esc(shown)}</h2>', self._table(
                [esc(x) for x in (self.tr("Date"), self.tr("Region"), self.tr("Agency"), self.tr("Event"), self.tr("Indication"), self.tr("Source"))], rows)]
        labels = self.kb.labels(t.id)
        if labels:
            shown = self.tr("Label versions read")
            last_read = self.tr("Labels last read on %1.").replace("%1", t.label_read_on)
            note = f'<p class="meta">{esc(last_read)}</p>' if t.label_read_on else ""
            rows = [[esc(country_name(lb.region, self.lang)), esc(lb.version) + (f'<br><span class="meta">{esc(lb.read_via)}</span>' if lb.read_via else ""),
                     esc(lb.read_on), cites.sup(lb.source_ids)] for lb in labels]
            parts += [f'<h2>{esc(shown)}</h2>', note, self._table(
                [esc(x) for x in (self.tr("Region"), self.tr("Version"), self.tr("Read on"), self.tr("Source"))], rows)]
        warnings = self.kb.warnings(t.id)
        if warnings:
            items = "".join(
                f"<li>{self._text(w.text_en, w.text_zh)}"
                f"{' (' + esc(' '.join(x for x in (w.jurisdiction, w.date) if x)) + ')' if (w.jurisdiction or w.date) else ''}"
                f" {cites.sup(w.source_ids)}</li>" for w in warnings)
            shown = self.tr("Warnings")
            parts += [f'<h2>{esc(shown)}</h2><ul>{items}</ul>']
        trials = [tr for tid in t.key_trials if (tr := self.kb.trial(tid)) is not None]
        if trials:
            shown = self.tr("Key trials")
            parts.append(f'<h2>{esc(shown)}</h2>')
            for tr in trials:
                design = self._text(tr.design_en, tr.design_zh)
                shown = self.tr("Phase")
                parts.append(f'<h3><a href="trial:{esc(tr.id)}">{esc(tr.name)}</a></h3><p>{esc(phase_label(tr.phase, self.lang))}. {design} {cites.sup(tr.source_ids)}</p>')
                rows = self._headline_rows(self.kb.outcomes(tr.id), cites)
                if rows:
                    parts.append(self._table([esc(x) for x in (self.tr("Measure"), self.tr("Result"), self.tr("Follow-up"), self.tr("Analysis"), self.tr("Source"))], rows))
        articles = {}
        for a in self.kb.articles():
            if a.therapy_id == t.id and a.id not in articles:
                articles[a.id] = self.kb.article(a.id, self.lang) or a
        if articles:
            items = "".join(f'<li><a href="article:{esc(a.id)}">{esc(a.title)}</a> <span class="meta">({esc(self.audience_label(a.audience))})</span></li>'
                            for a in articles.values())
            shown = self.tr("Articles")
            parts.append(f'<h2>{esc(shown)}</h2><ul>{items}</ul>')
        parts.append(self._references(cites))
        return Page(f"therapy:{t.id}", title, self.link_glossary("".join(parts)), "therapy", t.id, audience="clinician")

    def _therapy_title(self, t: Therapy) -> str:
        name = t.name(self.lang)
        return f"{name} ({t.brand})" if t.brand else name

    def _metric_label(self, metric: str) -> str:
        from desktop.kb.compare import metric_label  # only trial and outcome pages: not at start-up

        return metric_label(metric, self.lang)

    def _followup(self, o: Outcome) -> str:
        return self.tr("{0} mo").format(f"{o.followup_months:g}") if o.followup_months is not None else ""

    def _headline_rows(self, outcomes: list[Outcome], cites: Citations) -> list[list[str]]:
        best: dict[str, Outcome] = {}
        for o in outcomes:
            if o.arm != "car-t" or o.cohort != "all" or o.metric not in HEADLINE_METRICS:
                continue
            current = best.get(o.metric)
            if current is None or (o.followup_months or 0) >= (current.followup_months or 0):
                best[o.metric] = o
        return [[esc(self._metric_label(m)), esc(self._value(best[m])), esc(self._followup(best[m])),
                 esc(best[m].data_cut), cites.sup(best[m].source_ids)] for m in HEADLINE_METRICS if m in best]

    def _cohort_label(self, cohort: str) -> str:
        from desktop.kb.compare import cohort_label  # only trial and outcome pages: not at start-up

        return cohort_label(cohort, self.lang)

    def _value(self, o: Outcome) -> str:
        from desktop.kb.compare import (
            display_value,  # only trial and outcome pages: not at start-up
        )

        return display_value(o, self.lang)

    def _arm_label(self, arm: str) -> str:
        from desktop.kb.compare import arm_label  # only trial and outcome pages: not at start-up

        return arm_label(arm, self.lang)

    def _setting_label(self, setting: str) -> str:
        from desktop.kb.compare import setting_label  # only trial pages: not at start-up

        return setting_label(setting, self.lang)

    def trial(self, trial_id: str) -> Page | None:
        tr = self.kb.trial(trial_id)
        if tr is None:
            return None
        cites = Citations(self.kb)
        therapy = self.kb.therapy(tr.therapy_id)
        product = f'<a href="therapy:{esc(tr.therapy_id)}">{esc(self._therapy_title(therapy) if therapy else tr.therapy_id)}</a>'
        facts = self._facts([
            (self.tr("Product"), product), (self.tr("Phase"), esc(phase_label(tr.phase, self.lang))), (self.tr("Setting"), esc(self._setting_label(tr.setting))),
            (self.tr("Design"), self._text(tr.design_en, tr.design_zh)),
            (self.tr("Population"), self._text(tr.population_en, tr.population_zh)),
            (self.tr("Registry ids"), esc(", ".join(tr.registry_ids))), (self.tr("Sources"), cites.sup(tr.source_ids)),
        ])
        parts = [f"<h1>{esc(tr.name)}</h1>", self._meta_line(audience="clinician", reviewed=tr.reviewed_on), facts]
        outcomes = self.kb.outcomes(tr.id)
        if outcomes:
            shown = self.tr("Outcomes")
            parts.append(f'<h2>{esc(shown)}</h2>')
            shown = self.tr("Each value as the source reports it, with its denominator (n/N), follow-up and analysis.")
            parts.append(f'<p class="meta">{esc(shown)}</p>')
            cohorts_ = list(dict.fromkeys((o.arm, o.cohort) for o in outcomes))
            for arm, cohort in cohorts_:
                rows = [[f'<a href="outcome:{esc(o.id)}">{esc(self._metric_label(o.metric))}</a>', esc(self._value(o)),
                         esc(f"{o.denominator:g}" if o.denominator is not None else "–"), esc(self._followup(o) or "–"),
                         esc(o.data_cut), cites.sup(o.source_ids)]
                        for o in outcomes if (o.arm, o.cohort) == (arm, cohort)]
                label = self._cohort_label(cohort) + ("" if arm == "car-t" else f" · {self._arm_label(arm)}")
                parts.append(f"<h3>{esc(label)}</h3>")
                parts.append(self._table([esc(x) for x in (self.tr("Measure"), self.tr("Result"), self.tr("N"), self.tr("Follow-up"), self.tr("Analysis"), self.tr("Source"))], rows))
        parts.append(self._references(cites))
        return Page(f"trial:{tr.id}", tr.name, self.link_glossary("".join(parts)), "trial", tr.id, audience="clinician")

    def outcome(self, outcome_id: str) -> Page | None:
        o = self.kb.outcome(outcome_id)
        if o is None:
            return None
        cites = Citations(self.kb)
        tr = self.kb.trial(o.trial_id)
        label = self._metric_label(o.metric)
        facts = self._facts([
            (self.tr("Trial"), f'<a href="trial:{esc(o.trial_id)}">{esc(tr.name if tr else o.trial_id)}</a>'),
            (self.tr("Cohort"), esc(self._cohort_label(o.cohort))), (self.tr("Arm"), esc(self._arm_label(o.arm))),
            (self.tr("Result"), esc(self._value(o))),
            (self.tr("Denominator"), esc(f"{o.denominator:g}") if o.denominator is not None
             else esc(self.tr("not given by the source"))),
            (self.tr("Patients infused in this analysis"), self._infused_alongside(o)),
            (self.tr("Follow-up"), esc(self._followup(o))), (self.tr("Analysis"), esc(o.data_cut)),
            (self.tr("Note"), esc(o.note)), (self.tr("Evidence"), esc(self._grade(o.grade))),
            (self.tr("Sources"), cites.sup(o.source_ids)),
        ])
        title = f"{tr.name if tr else o.trial_id}: {label}"
        body = f"<h1>{esc(title)}</h1>" + self._meta_line(audience="clinician", reviewed=o.reviewed_on) + facts + self._references(cites)
        return Page(f"outcome:{o.id}", title, body, "outcome", o.id, audience="clinician")

    def _infused_alongside(self, o: Outcome) -> str:
        """For a result without its own denominator: the patients infused in the same trial,
        cohort and analysis, if the KB holds that number (review D10). Shown in a row of its
        own: the source does not say it is this result's denominator."""
        if o.denominator is not None or o.metric == "n_infused":
            return ""
        same = [x for x in self.kb.outcomes(o.trial_id) if x.metric == "n_infused" and x.arm == o.arm
                and x.cohort == o.cohort and x.data_cut == o.data_cut and x.value is not None]
        if not same:
            return ""
        n = same[-1]
        return f'<a href="outcome:{esc(n.id)}">{esc(f"{n.value:g}")}</a>'

    def glossary(self, term_id: str) -> Page | None:
        term = self.kb.glossary_term(term_id)
        if term is None:
            return None
        cites = Citations(self.kb)
        patient = self._text(term.patient_en, term.patient_zh)
        clinician = self._text(term.clinician_en, term.clinician_zh)
        other = term.term_en if self.zh else term.term_zh
        parts = [f"<h1>{esc(term.term(self.lang))}</h1>", self._meta_line(reviewed=term.reviewed_on)]
        if other and other != term.term(self.lang):
            parts.append(f'<p class="meta">{esc(other)}</p>')
        if patient:
            shown = self.tr("In plain language")
            parts.append(f'<h2>{esc(shown)}</h2><p>{patient}</p>')
        if clinician:
            shown = self.tr("For clinicians")
            parts.append(f'<h2>{esc(shown)}</h2><p>{clinician}</p>')
        shown = self.tr("Sources:")
        parts.append(f'<p class="meta">{esc(shown)} {cites.sup(term.source_ids)}</p>')
        parts.append(self._references(cites))
        body = self.link_glossary("".join(parts), skip=term.id)
        return Page(f"glossary:{term.id}", term.term(self.lang), body, "glossary", term.id)

    def _event_label(self, event: str) -> str:
        """The approval events written as short codes in the KB, in words; longer notes stay as written."""
        return {"approval": self.tr("Approval"), "approval (announced)": self.tr("Approval (announced)"),
                "NDA accepted": self.tr("Marketing application accepted"),
                "label expansion": self.tr("Label expansion")}.get(event, event)

    def _source_kind(self, kind: str) -> str:
        return {"journal": self.tr("Journal article"), "secondary": self.tr("Secondary report"),
                "conference": self.tr("Conference abstract"), "press-release": self.tr("Press release"),
                "registry": self.tr("Trial registry"), "label": self.tr("Product label"),
                "regulator": self.tr("Regulator's document"), "guideline": self.tr("Guideline"),
                "dataset": self.tr("Dataset")}.get(kind, kind)

    def center(self, center_id: str) -> Page | None:
        c = self.kb.center(center_id)
        if c is None:
            return None
        cites = Citations(self.kb)
        city = c.city_zh if self.zh and c.city_zh else c.city
        therapies = ", ".join(f'<a href="therapy:{esc(t)}">{esc(t)}</a>' for t in c.therapies)
        trials = ", ".join(f'<a href="trial:{esc(t)}">{esc(found.name if (found := self.kb.trial(t)) else t)}</a>' for t in c.trials)
        kind = {"trial": self.tr("Trial site"), "certified": self.tr("Certified treatment centre")}.get(c.kind, c.kind)
        precision = self.tr("city centre (approximate)") if c.coord_precision == "city" else self.tr("site")
        facts = self._facts([
            (self.tr("Place"), esc(", ".join(x for x in (city, "" if self.zh and c.city_zh else c.province,
                                                              country_name(c.country, self.lang)) if x))),
            (self.tr("Kind"), esc(kind)), (self.tr("Therapies"), therapies), (self.tr("Trials"), trials),
            (self.tr("Role"), self._text(c.role_en, c.role_zh) if (c.role_en or c.role_zh) else ""),
            (self.tr("Phone"), esc(c.phone)), (self.tr("Address"), esc(c.address)),
            (self.tr("Map position"), esc(f"{c.lat:.2f}, {c.lon:.2f} ({precision})")),
            (self.tr("Sources"), cites.sup(c.source_ids)),
        ])
        other = c.name_en if self.zh else c.name_zh
        body = (f"<h1>{esc(c.name(self.lang))}</h1>" + (f'<p class="meta">{esc(other)}</p>' if other and other != c.name(self.lang) else "")
                + self._meta_line(reviewed=c.reviewed_on) + facts + self._references(cites))
        return Page(f"center:{c.id}", c.name(self.lang), body, "center", c.id)

    def source(self, source_id: str) -> Page | None:
        s = self.kb.source(source_id)
        if s is None:
            return None
        facts = self._facts([
            (self.tr("Reference"), esc(s.citation)), (self.tr("Kind"), esc(self._source_kind(s.kind))),
            (self.tr("Evidence"), esc(self._grade(s.grade))), ("DOI", esc(s.doi)), ("PMID", esc(s.pmid)),
            (self.tr("Registry"), esc(s.nct)), (self.tr("Address (not opened by this program)"), esc(s.url)),
            (self.tr("What was checked"), esc(s.note)), (self.tr("Reviewed"), esc(s.reviewed_on)),
        ])
        shown = self.tr("Source {0}")
        body = f'<h1>{esc(shown.format(s.id))}</h1>' + facts + self._notice()
        return Page(f"source:{s.id}", self.tr("Source {0}").format(s.id), body, "source", s.id)
