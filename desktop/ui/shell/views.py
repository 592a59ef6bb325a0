"""The views the window hosts: their navigation order, one factory each, and the view contract.

A factory imports its view's module when it is called, that is when the view is first shown:
start-up pays only for the reader (tests/e2e/test_startup_lean.py and the start-up budget).
Each factory builds the view on the AppContext and subscribes it (`subscribe`): the view
follows the context's KB and language, and its links go to the context, which the window
answers. Requests between views (centre -> handout, calendar -> handout) go to the context too.

To add a view: write it in ui/views/ with the `View` contract (openRequested, set_kb,
set_language), add a factory below, its key to NAV_ORDER, and its label to the window's
`_nav_label`.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Protocol, TypeVar

    from PySide6.QtCore import SignalInstance
    from PySide6.QtWidgets import QWidget

    from desktop.kb.store import KnowledgeBase
    from desktop.ui.shell.context import AppContext

    # The contract exists for mypy only: start-up need not build Protocol classes.
    class View(Protocol):
        """What every hosted view (and the reader) offers; mypy checks it at each factory."""

        @property
        def openRequested(self) -> SignalInstance:
            """Emits a page link (`therapy:x`) or a view (`view:compare`) to go to."""

        def set_kb(self, kb: KnowledgeBase) -> None:
            """Show the given KB (a content update was installed)."""

        def set_language(self, lang: str) -> None:
            """Relabel and show content in `lang` ("en" or "zh-Hans")."""

    class SharesBookmarks(Protocol):
        """A view that changes bookmarks and shows them (the reader, the bookmarks view)."""

        @property
        def bookmarksChanged(self) -> SignalInstance: ...

        def bookmarks_changed_by(self, source: object) -> None: ...

    V = TypeVar("V", bound=View)


NAV_ORDER = ("home", "therapies", "trials", "compare", "safety", "journey", "glossary", "centres", "grading",
             "handouts", "calendar", "timeline", "changes", "bookmarks")


def subscribe(view: V, context: AppContext) -> V:
    """Wire a view to the context: its links go there, and it follows the KB and the language."""
    view.openRequested.connect(context.open_link)
    context.kbChanged.connect(view.set_kb)
    context.languageChanged.connect(view.set_language)
    return view


def share_bookmarks(view: SharesBookmarks, context: AppContext) -> None:
    """A bookmark changed in one view: every other one that shows bookmarks reloads."""
    view.bookmarksChanged.connect(lambda: context.bookmarksChanged.emit(view))
    context.bookmarksChanged.connect(view.bookmarks_changed_by)


def _built(view: V, context: AppContext) -> V:
    """A view built after start-up starts in the context's language."""
    subscribe(view, context)
    if context.lang != "en":
        view.set_language(context.lang)
    return view


# -- one factory per view (each imports its module only when called) -------------------------
def section(name: str, context: AppContext, parent: QWidget) -> QWidget:
    from desktop.ui.reader.sections import SectionList

    return _built(SectionList(context.kb, name, parent), context)


def compare(context: AppContext, parent: QWidget) -> QWidget:
    from desktop.ui.views.compare_view import CompareView

    return _built(CompareView(context.kb, parent), context)


def bookmarks(context: AppContext, parent: QWidget) -> QWidget:
    from desktop.ui.reader.bookmarks_view import BookmarksView

    view = BookmarksView(context.kb, context.user_db, parent)
    share_bookmarks(view, context)
    return _built(view, context)


def centres(context: AppContext, parent: QWidget) -> QWidget:
    from desktop.ui.shell.requests import UseCentre
    from desktop.ui.views.centres_view import CentresView

    view = CentresView(context.kb, parent, user_db=context.user_db)
    view.useInHandout.connect(lambda center_id: context.request_handout(UseCentre(center_id)))
    return _built(view, context)


def grading(context: AppContext, parent: QWidget) -> QWidget:
    from desktop.ui.views.grading_view import GradingView

    store = (lambda: context.setting("clinical/protocol"),
             lambda value: context.set_setting("clinical/protocol", value))
    return _built(GradingView(context.kb, parent, protocol_store=store), context)


def handouts(context: AppContext, parent: QWidget) -> QWidget:
    from desktop.ui.views.handouts_view import HandoutsView

    return _built(HandoutsView(context.kb, parent, user_db=context.user_db), context)


def calendar(context: AppContext, parent: QWidget) -> QWidget:
    from desktop.ui.views.calendar_view import CalendarView

    view = CalendarView(context.kb, parent)
    view.printRequested.connect(context.request_handout)
    return _built(view, context)


def timeline(context: AppContext, parent: QWidget) -> QWidget:
    from desktop.ui.views.timeline_view import TimelineView

    return _built(TimelineView(context.kb, parent), context)


def changes(context: AppContext, parent: QWidget) -> QWidget:
    from desktop.ui.views.changes_view import ChangesView

    return _built(ChangesView(context.kb, parent), context)


FACTORIES: dict[str, Callable[[AppContext, QWidget], QWidget]] = {
    **{name: functools.partial(section, name) for name in ("therapies", "trials", "safety", "journey", "glossary")},
    "compare": compare,
    "bookmarks": bookmarks,
    "centres": centres,
    "grading": grading,
    "handouts": handouts,
    "calendar": calendar,
    "timeline": timeline,
    "changes": changes,
}
"""Navigation key -> factory, for every view but home (the reader)."""
