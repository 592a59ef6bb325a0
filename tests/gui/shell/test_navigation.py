"""The window's history: back, forward, a new place drops the forward part, a limit."""

from __future__ import annotations

from desktop.ui.shell.navigation import History


def test_back_forward_and_a_new_place_drops_the_forward_part() -> None:
    h = History()
    for place in ("view:home", "view:trials", "trial:t1"):
        h.push(place)
    h.push("trial:t1")  # the same place again is not a new entry
    assert h.entries == ["view:home", "view:trials", "trial:t1"]
    assert h.back() == "view:trials" and h.back() == "view:home" and h.back() is None
    assert h.can_go_forward() and not h.can_go_back()
    assert h.forward() == "view:trials"
    h.push("therapy:x")
    assert h.entries == ["view:home", "view:trials", "therapy:x"] and not h.can_go_forward()
    assert h.current == "therapy:x"


def test_only_the_last_entries_are_kept() -> None:
    h = History(limit=3)
    for i in range(5):
        h.push(f"trial:t{i}")
    assert h.entries == ["trial:t2", "trial:t3", "trial:t4"] and h.current == "trial:t4"
