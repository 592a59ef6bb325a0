"""The recovery domain in one place: phases, the dated-rule calendar and the plan built from them.

No Qt. `plan.plan_for(kb, dates)` is the entry point: the handouts, the calendar view and the
CLI build a `Plan` once and pass it on. Every function here takes the KB it reads; none opens one.
"""
