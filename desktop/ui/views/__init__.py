"""Feature views embedded in the window: centres, comparison, grading, handouts, calendar, timeline, changes, packs."""
