"""Nearest centre: the KB's centres ranked by great-circle distance from a place.

Pure Python over an open KB (no Qt), shared by `cartref centers` and the Centres view so both
give the same order and the same numbers. Distances are straight-line (haversine), never road
or travel time; the UI and the CLI say so.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

from desktop.errors import UserInputError
from desktop.geo.distance import EARTH_RADIUS_KM, haversine_km
from desktop.geo.gazetteer import Gazetteer, Origin, PlaceTables, normalise
from desktop.kb.records import Center, Therapy

KINDS = ("trial", "treating", "certified", "site")
"""trial: a trial site a registry or paper names; treating: a source says it treated patients with
a commercial product; certified: a source certifies it; site: added at this site (user database)."""

NOTE_EN = "Trial sites and centres named in sources; ask your team which centre will treat you."


class _KB(PlaceTables, Protocol):
    def centers(self) -> list[Center]: ...

    def therapies(self) -> list[Therapy]: ...

    def country_names(self, codes: Iterable[str]) -> list[str]: ...


class CentreHit(NamedTuple):
    """One centre with its distance from the origin (None when no origin was given). A named
    tuple: a query over 5,000 centres makes 5,000 of these, and a tuple is made fastest."""

    center: Center
    distance_km: float | None
    added: str | None = None
    """None for a sourced (KB) centre; '' when added at this site; else the site it came from."""
    phones: tuple[dict[str, str], ...] = ()
    """A site centre's labelled numbers ({label, number, display})."""

    @property
    def added_here(self) -> bool:
        return self.added is not None

    def to_json(self) -> dict[str, Any]:
        c = self.center
        site = {
            "sourced": self.added is None,
            "added_at_this_site": self.added == "",
            "from_site": self.added or None,  # a centre another site's pack brought
            "phones": [dict(p) for p in self.phones],
        }
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
            **site,
        }


@dataclass(frozen=True)
class SiteEntry:
    """A centre of the site's own list as the finder takes it (geo does not read the user
    database): the centre, who added it ('' = this site) and its labelled phones."""

    center: Center
    origin: str = ""
    phones: tuple[dict[str, str], ...] = ()


@dataclass(frozen=True)
class NearestResult:
    origin: Origin | None
    hits: list[CentreHit] = field(default_factory=list)


class CentreFinder:
    """Ranks centres by distance; caches the (small) centre list and the gazetteer per KB."""

    def __init__(self, kb: _KB, site: Iterable[SiteEntry] = (), gazetteer: Gazetteer | None = None) -> None:
        self.kb = kb
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer(kb)
        self._centers: list[Center] | None = None
        self._therapy_keys: dict[str, str] | None = None
        self._site: dict[str, SiteEntry] = {}
        self._arrays: tuple[Any, ...] | None = None
        self.set_site(site)

    def set_site(self, site: Iterable[SiteEntry]) -> None:
        """The site's own centres (added here or from a pack), listed beside the KB's."""
        self._site = {e.center.id: e for e in site}
        self._centers, self._arrays = None, None

    @property
    def centers(self) -> list[Center]:
        """The KB's centres, then the site's own."""
        if self._centers is None:
            self._centers = [*self.kb.centers(), *(e.center for e in self._site.values())]
        return self._centers

    def site_entry(self, center_id: str) -> SiteEntry | None:
        return self._site.get(center_id)

    def _ordered(self) -> list[tuple[Center, str | None, tuple[dict[str, str], ...], float, float, float]]:
        """Every centre with who added it, its phones and the sin/cos of its latitude and its
        longitude in radians, computed once per list; in tie order (the site's own first, then
        by name), so a stable sort by distance alone keeps that order among equals."""
        if self._arrays is None:
            rows = []
            for c in self.centers:
                entry = self._site.get(c.id)
                lat, lon = math.radians(c.lat), math.radians(c.lon)
                rows.append((c, None if entry is None else entry.origin, () if entry is None else entry.phones,
                             math.sin(lat), math.cos(lat), lon))
            rows.sort(key=lambda r: (r[1] is None, r[0].name_en, r[0].id))
            self._arrays = tuple(rows)
        return list(self._arrays)

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

            raise UserInputError(Msg("unknown centre kind %(kind)s (use %(kinds)s)", kind=repr(kind), kinds=", ".join(KINDS)))
        if limit is not None and limit < 1:
            raise UserInputError("--limit must be at least 1")
        therapy_id = self.therapy_id(therapy) if therapy else None
        countries = self._country_matches(country) if country and country.strip() else None
        rows = self._ordered()
        if kind:
            rows = [r for r in rows if r[0].kind == kind]
        if therapy_id:
            rows = [r for r in rows if therapy_id in r[0].therapies]
        if countries is not None:
            rows = [r for r in rows if normalise(r[0].country) in countries]
        hits: list[CentreHit]
        if origin is not None:
            lat0, lon0 = math.radians(origin.lat), math.radians(origin.lon)
            sin0, cos0, cos_ = math.sin(lat0), math.cos(lat0), math.cos
            # spherical law of cosines on the cached sin/cos (equal to haversine_km to a metre
            # at these distances), clamped so rounding never leaves acos's domain
            acos, radius = math.acos, EARTH_RADIUS_KM
            dists = [radius * acos(1.0 if x > 1.0 else (-1.0 if x < -1.0 else x))
                     for x in [sin0 * r[3] + cos0 * r[4] * cos_(r[5] - lon0) for r in rows]]
            if dists and min(dists) < 1.0:
                for i, d in enumerate(dists):
                    if d < 1.0:  # near the origin the law of cosines loses digits: haversine there
                        c = rows[i][0]
                        dists[i] = haversine_km(origin.lat, origin.lon, c.lat, c.lon)
            # nearest first; equal distances keep the tie order (the site's own centre first:
            # it is the referral the staff chose), as the index breaks ties
            order = sorted(zip(dists, range(len(rows)), strict=True))
            if limit is not None:
                order = order[:limit]
            new = tuple.__new__  # the named tuple's own __new__ without its keyword handling
            hits = [new(CentreHit, (rows[i][0], d, rows[i][1], rows[i][2])) for d, i in order]
            return NearestResult(origin, hits)
        hits = [CentreHit(r[0], None, r[1], r[2]) for r in rows]
        hits.sort(key=lambda h: (h.center.country, h.center.city, h.center.name_en, h.center.id))
        if limit is not None:
            hits = hits[:limit]
        return NearestResult(origin, hits)
