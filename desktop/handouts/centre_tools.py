"""The tools the site's own centre list validates with (issue 22): phone numbers parsed exactly
as a handout's care-team contacts are (`fields.parse_contact`), places looked up in the bundled
gazetteer. Shared by `cartref centers add|edit|import` and the Centres view's form; lives here
because this layer may use both geo and userdata (which may not use each other)."""

from __future__ import annotations

from desktop.geo.gazetteer import Gazetteer
from desktop.handouts import fields
from desktop.userdata.site_centres import Located, Phone, Tools


def tools(gazetteer: Gazetteer) -> Tools:
    def parse_phone(text: str, region: str) -> Phone:
        c = fields.parse_contact(text, region, field="phones")
        return Phone(c.label, c.number, c.display)

    def locate(text: str) -> Located:
        origin = gazetteer.resolve(text)
        place = origin.place
        if place is None:
            return Located(origin.lat, origin.lon, precise=True)
        return Located(place.lat, place.lon, place.name, place.name_zh, place.admin1, place.country)

    return Tools(parse_phone, locate, lambda country: fields.region_for(country))
