"""Nearest centre: the KB's centres ranked by great-circle distance from a place.

Pure Python over an open KB (no Qt), shared by `cartref centers` and the Centres view so both
give the same order and the same numbers. Distances are straight-line (haversine), never road
or travel time; the UI and the CLI say so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from desktop.errors import UserInputError
from desktop.geo.distance import haversine_km
from desktop.geo.gazetteer import Gazetteer, Origin, PlaceTables, normalise
from desktop.kb.records import Center, Therapy

KINDS = ("trial", "certified")


class _KB(PlaceTables, Protocol):
    def centers(self) -> list[Center]: ...

    def therapies(self) -> list[Therapy]: ...

    def country_names(self, codes: Iterable[str]) -> list[str]: ...


@dataclass(frozen=True)
class CentreHit:
    """One centre with its distance from the origin (None when no origin was given)."""

    center: Center
    distance_km: float | None

    def to_json(self) -> dict[str, Any]:
        c = self.center
        return {
            "id": c.id,
            "name_en": c.name_en,
            "name_zh": c.name_zh,
            "city": c.city,
            "city_zh": c.city_zh,
            "province": c.province,
            "country": c.country,
            "lat": c.lat,
            "lon": c.lon,
            "coord_precision": c.coord_precision,
            "kind": c.kind,
            "therapies": list(c.therapies),
            "trials": list(c.trials),
            "phone": c.phone,
            "address": c.address,
            "source_ids": list(c.source_ids),
            "reviewed_on": c.reviewed_on,
            "distance_km": None if self.distance_km is None else round(self.distance_km, 1),
        }


@dataclass(frozen=True)
class NearestResult:
    origin: Origin | None
    hits: list[CentreHit] = field(default_factory=list)


class CentreFinder:
    """Ranks centres by distance; caches the (small) centre list and the gazetteer per KB."""

    def __init__(self, kb: _KB) -> None:
        self.kb = kb
        self.gazetteer = Gazetteer(kb)
        self._centers: list[Center] | None = None
        self._therapy_keys: dict[str, str] | None = None

    @property
    def centers(self) -> list[Center]:
        if self._centers is None:
            self._centers = list(self.kb.centers())
        return self._centers

    def therapy_id(self, text: str) -> str:
        """A therapy id from its id, name, brand or code (`FUCASO`, `eque-cel`, `CT103A`)."""
        if self._therapy_keys is None:
            keys: dict[str, str] = {}
            for t in self.kb.therapies():
                for name in (t.id, t.name_en, t.name_zh, t.brand, *t.codes):
                    if name:
                        keys.setdefault(normalise(name), t.id)
            self._therapy_keys = keys
        found = self._therapy_keys.get(normalise(text))
        if found is None:
            known = ", ".join(sorted(set(self._therapy_keys.values())))
            from desktop.i18n import Msg

            raise UserInputError(Msg("unknown therapy %(name)s (known: %(known)s)", name=repr(text.strip()), known=known))
        return found

    def _country_matches(self, wanted: str) -> set[str]:
        """Normalised country names equal to `wanted` (`CN`, `中国`, `China` → china)."""
        key = normalise(wanted)
        names = {key}
        if self.gazetteer.available:
            codes = self.gazetteer.country_codes(wanted)
            if codes:
                names |= {normalise(name) for name in self.kb.country_names(codes)}
        return names

    def find(
        self,
        near: str | None = None,
        *,
        origin: Origin | None = None,
        therapy: str | None = None,
        kind: str | None = None,
        country: str | None = None,
        limit: int | None = None,
    ) -> NearestResult:
        """Centres matching the filters, nearest first (by name when there is no origin).

        `near` is a place name or `LAT,LON` (resolved through the gazetteer; raises
        NotFoundError / UserInputError with one-line messages); `origin` skips the lookup.
        """
        if origin is None and near is not None and near.strip():
            origin = self.gazetteer.resolve(near)
        if kind is not None and kind not in KINDS:
            from desktop.i18n import Msg

            raise UserInputError(Msg("unknown centre kind %(kind)s (use trial or certified)", kind=repr(kind)))
        if limit is not None and limit < 1:
            raise UserInputError("--limit must be at least 1")
        therapy_id = self.therapy_id(therapy) if therapy else None
        countries = self._country_matches(country) if country and country.strip() else None
        hits: list[CentreHit] = []
        for c in self.centers:
            if kind and c.kind != kind:
                continue
            if therapy_id and therapy_id not in c.therapies:
                continue
            if countries is not None and normalise(c.country) not in countries:
                continue
            dist = haversine_km(origin.lat, origin.lon, c.lat, c.lon) if origin else None
            hits.append(CentreHit(c, dist))
        if origin is not None:
            hits.sort(key=lambda h: (h.distance_km if h.distance_km is not None else 0.0, h.center.name_en, h.center.id))
        else:
            hits.sort(key=lambda h: (h.center.country, h.center.city, h.center.name_en, h.center.id))
        if limit is not None:
            hits = hits[:limit]
        return NearestResult(origin, hits)
