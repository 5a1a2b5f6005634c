"""The routing tables as the administration shows them: Swedish labels, field kinds, and whose district a record is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

WEEKDAYS = (("0", "måndag"), ("1", "tisdag"), ("2", "onsdag"), ("3", "torsdag"), ("4", "fredag"),
            ("5", "lördag"), ("6", "söndag"), ("7", "helgdag/afton"))
UNIT_KINDS = (("socionom", "socionom i förskolan"), ("mottagning", "mottagning Barn och unga"),
              ("foraldraradgivning", "föräldrarådgivning"), ("familjecentral", "familjecentral"),
              ("oppen_forskola", "öppen förskola"), ("socialjour", "socialjour"))
OPERATORS = (("Kommunal", "kommunal"), ("Enskild", "enskild"))


@dataclass(frozen=True)
class Field:
    """One editable field: name, Swedish label, kind (text, int, bool, select, time, date, datetime, list)."""

    name: str
    label: str
    kind: str = "text"
    required: bool = False
    choices: tuple[tuple[str, str], ...] = ()
    help: str = ""


@dataclass(frozen=True)
class Resource:
    """One routing table in the administration."""

    slug: str  # URL segment and RoutingStore table name
    label: str  # plural, for headings and the navigation
    singular: str
    fields: tuple[Field, ...]
    columns: tuple[str, ...]  # shown in the list
    has_active: bool = True  # False: "deactivate" removes the record (it has no active flag)
    district_via_unit: bool = False  # district = the district of the record's unit
    own_district: bool = False  # district = the record's own district_id (None for city-wide)
    is_district: bool = False  # the districts table: district = the record's id
    extra: dict[str, Any] = field(default_factory=dict)

    def field(self, name: str) -> Field | None:
        """The field called *name*, if any."""
        return next((f for f in self.fields if f.name == name), None)


_ID = Field("id", "Id", required=True, help="Kort, stabilt id (bokstäver, siffror, bindestreck).")
_UNIT = Field("unit_id", "Enhet", "select", required=True)
_DISTRICT = Field("district_id", "Stadsdel", "select")

RESOURCES: dict[str, Resource] = {r.slug: r for r in (
    Resource("districts", "Stadsdelar", "stadsdel", (
        _ID, Field("name", "Namn", required=True),
        Field("aliases", "Andra namn", "list", help="Gamla och informella namn, ett per rad (t.ex. Rinkeby)."),
        Field("active", "Aktiv", "bool")), ("id", "name", "aliases", "active"), is_district=True),
    Resource("preschools", "Förskolor", "förskola", (
        _ID, Field("name", "Namn", required=True), Field("operator", "Huvudman", "select", True, OPERATORS),
        Field("address", "Adress"), Field("postcode", "Postnummer"), Field("skolverket_id", "Skolenhetskod"),
        _DISTRICT, Field("area", "Område", help="Stadsdelsområdet som personalen säger (t.ex. Sätra, Långbro); "
                                                  "hjälper boten att hitta rätt förskola."),
        Field("aliases", "Andra namn", "list"), Field("active", "Aktiv", "bool")),
        ("id", "name", "operator", "district_id", "area", "address", "active"), own_district=True),
    Resource("units", "Enheter", "enhet", (
        _ID, Field("name", "Namn", required=True), Field("kind", "Typ", "select", True, UNIT_KINDS),
        Field("district_id", "Stadsdel", "select", help="Tom för stadsövergripande enheter (t.ex. socialjouren)."),
        Field("phone", "Telefon"), Field("email", "E-post"), Field("url", "Webbadress"),
        Field("teams_channel_id", "Teams-kanal"), Field("address", "Adress"), Field("active", "Aktiv", "bool")),
        ("id", "name", "kind", "district_id", "phone", "active"), own_district=True),
    Resource("contacts", "Kontakter", "kontakt", (
        _ID, Field("name", "Namn", required=True), Field("role", "Roll"), _UNIT,
        Field("teams_user_id", "Teams-användare (AAD-id)"), Field("teams_channel_id", "Teams-kanal"),
        Field("email", "E-post"), Field("phone", "Telefon"),
        Field("priority", "Prioritet", "int", True, help="1 tillfrågas först, högre nummer är reserver."),
        Field("active", "Aktiv", "bool")), ("id", "name", "role", "unit_id", "priority", "phone", "active"),
        district_via_unit=True),
    Resource("opening_hours", "Öppettider", "öppettid", (
        _ID, _UNIT, Field("weekday", "Veckodag", "select", True, WEEKDAYS),
        Field("opens", "Öppnar", "time", True), Field("closes", "Stänger", "time", True, help="00:00 = midnatt.")),
        ("id", "unit_id", "weekday", "opens", "closes"), has_active=False, district_via_unit=True),
    Resource("hours_exceptions", "Undantag", "undantag", (
        _ID, _UNIT, Field("day", "Datum", "date", True), Field("closed", "Stängt hela dagen", "bool"),
        Field("opens", "Öppnar", "time"), Field("closes", "Stänger", "time"), Field("note", "Anteckning")),
        ("id", "unit_id", "day", "closed", "opens", "closes", "note"), has_active=False, district_via_unit=True),
    Resource("on_call", "Jour", "jourpass", (
        _ID, Field("contact_id", "Kontakt", "select", True), _UNIT,
        Field("starts", "Börjar", "datetime", True), Field("ends", "Slutar", "datetime", True)),
        ("id", "contact_id", "unit_id", "starts", "ends"), has_active=False, district_via_unit=True),
    Resource("rules", "Regler", "regel", (
        _ID, Field("concern", "Orosområde", required=True, help="Kategori eller * för alla."),
        Field("outcome", "Utfall", required=True, help="acute, report, consult, support eller *."),
        Field("unit_kinds", "Enhetstyper i ordning", "list", True, help="En per rad, t.ex. socionom."),
        Field("note", "Anteckning")), ("id", "concern", "outcome", "unit_kinds", "note"), has_active=False),
)}


def resource(slug: str) -> Resource | None:
    """The resource called *slug*, if any."""
    return RESOURCES.get(slug)
