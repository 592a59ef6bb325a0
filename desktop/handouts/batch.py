"""Many handouts in one go (CLI `--all`, the window's batch/copies): no Qt widgets, cancellable."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from desktop.handouts import catalog
from desktop.handouts.render import Options, Personal
from desktop.kb.store import KnowledgeBase
from desktop.recovery.plan import Plan


@dataclass(frozen=True)
class Job:
    name: str
    personal: Personal
    plan: Plan
    options: Options
    out: Path


def skipped(kb: KnowledgeBase | None, plan: Plan) -> dict[str, str]:
    """Handouts `--all` leaves out for this plan, with why: the recovery calendar without an
    infusion date, the nerve-check sheet for a product whose label has no delayed-neurotoxicity warning."""
    from desktop.handouts.neurocheck import delayed_warning

    out: dict[str, str] = {}
    for spec in catalog.HANDOUTS:
        if spec.needs_infusion and plan.infusion is None:
            out[spec.name] = "needs --infusion-date"
        elif spec.needs_delayed_neuro and (kb is None or delayed_warning(kb, plan.product) is None):
            out[spec.name] = f"the label of {plan.product} has no delayed-neurotoxicity warning"
    return out


def all_jobs(out_dir: Path, personal: Personal, plan: Plan, options: Options,
             langs: tuple[str, ...] | None = None, kb: KnowledgeBase | None = None) -> list[Job]:
    """Every handout in each language asked (default: both), named `<name>.<lang>.pdf`.

    Handouts that cannot exist for this plan (`skipped`: the recovery calendar without an
    infusion date, the nerve-check sheet without a product that needs it) are left out.
    """
    jobs = []
    left_out = skipped(kb, plan)
    for spec in catalog.HANDOUTS:
        if spec.name in left_out:
            continue
        for lang in langs or catalog.LANGS:
            opts = Options(lang=lang, paper=options.paper, large_print=options.large_print)
            suffix = "zh" if lang.startswith("zh") else "en"
            jobs.append(Job(spec.name, personal, plan, opts, out_dir / f"{spec.name}.{suffix}{'.large' if options.large_print else ''}.pdf"))
    return jobs


def run_jobs(
    kb: KnowledgeBase,
    jobs: list[Job],
    progress: Callable[[int, int, Job], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[Path]:
    """Render each job to its PDF; stops between jobs when `cancelled()` turns true."""
    from desktop.handouts.pdf import render_pdf

    written: list[Path] = []
    for i, job in enumerate(jobs):
        if cancelled is not None and cancelled():
            break
        render_pdf(kb, job.name, job.out, job.plan, job.options, job.personal)
        written.append(job.out)
        if progress is not None:
            progress(i + 1, len(jobs), job)
    return written
