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


def all_jobs(out_dir: Path, personal: Personal, plan: Plan, options: Options,
             langs: tuple[str, ...] | None = None) -> list[Job]:
    """Every handout in each language asked (default: both), named `<name>.<lang>.pdf`.

    Handouts that cannot exist without an infusion date (the recovery calendar) are left out
    when none was given.
    """
    jobs = []
    for spec in catalog.HANDOUTS:
        if spec.needs_infusion and plan.infusion is None:
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
