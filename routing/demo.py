"""Demo data: the 11 districts, 891 real preschools and plainly fictional units, contacts, hours and rules."""

from __future__ import annotations

import csv
from pathlib import Path
from typing import TYPE_CHECKING, Any

from routing.codecs import BUNDLE_FORMAT, BUNDLE_VERSION
from routing.model import Directory, UnitKind
from routing.records import directory_from_bundle
from routing.storage import ImportSummary, RoutingStore

if TYPE_CHECKING:
    from sqlalchemy.ext.asyncio import AsyncEngine

PRESCHOOLS_CSV = Path(__file__).parent / "data" / "stockholm_forskolor.csv"
DEMO_ACTOR = "demo"

# id, name, old and informal names (DOMAIN.md §6: 11 districts since 1 July 2023).
DISTRICTS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    ("jarva", "Järva", ("Rinkeby", "Kista", "Rinkeby-Kista", "Spånga", "Tensta", "Spånga-Tensta",
                        "Husby", "Akalla", "Hjulsta")),
    ("hasselby-vallingby", "Hässelby-Vällingby", ("Hässelby", "Vällingby")),
    ("bromma", "Bromma", ()),
    ("kungsholmen", "Kungsholmen", ()),
    ("norra-innerstaden", "Norra innerstaden", ("Norrmalm", "Östermalm", "Vasastan")),
    ("sodermalm", "Södermalm", ()),
    ("hagersten-alvsjo", "Hägersten-Älvsjö", ("Älvsjö", "Hägersten", "Liljeholmen", "Hägersten-Liljeholmen")),
    ("skarholmen", "Skärholmen", ()),
    ("enskede-arsta-vantor", "Enskede-Årsta-Vantör", ("Enskede", "Årsta", "Vantör")),
    ("skarpnack", "Skarpnäck", ()),
    ("farsta", "Farsta", ()),
)
DEMO = "(demo)"
OFFICE_OPENS, OFFICE_CLOSES = "08:00", "16:30"
UNIT_TITLES = {
    UnitKind.SOCIONOM: "Socionom i förskolan",
    UnitKind.MOTTAGNING: "Mottagning Barn och unga",
    UnitKind.FORALDRARADGIVNING: "Föräldrarådgivning",
    UnitKind.FAMILJECENTRAL: "Familjecentral",
    UnitKind.OPPEN_FORSKOLA: "Öppen förskola",
}
RULES: tuple[dict[str, Any], ...] = (
    {"id": "default", "concern": "*", "outcome": "*", "unit_kinds": ["socionom", "mottagning"],
     "note": "Socionom i förskolan först, sedan mottagningen."},
    {"id": "acute", "concern": "*", "outcome": "acute", "unit_kinds": ["socialjour", "mottagning", "socionom"],
     "note": "Akut: 112 först; socialjouren utanför kontorstid."},
    {"id": "report", "concern": "*", "outcome": "report", "unit_kinds": ["socionom", "mottagning"],
     "note": "Anmälan görs alltid; socionomen kan stötta."},
    {"id": "support", "concern": "*", "outcome": "support",
     "unit_kinds": ["socionom", "foraldraradgivning", "familjecentral"], "note": "Tidigt stöd till familjen."},
    {"id": "family-support", "concern": "family_support", "outcome": "*",
     "unit_kinds": ["socionom", "foraldraradgivning", "familjecentral", "oppen_forskola"],
     "note": "Familjen behöver stöd."},
)


def _phone(district_no: int, line: int) -> str:
    # 08-555 0x xx is a fictional series: obviously not a real Stockholm number.
    return f"08-555 0{district_no:02d} {line:02d}"


def _teams_id(number: int) -> str:
    return f"00000000-0000-4000-8000-{number:012d}"


def demo_bundle() -> dict[str, Any]:
    """The demo data as a routing JSON bundle (reads the packaged preschool CSV)."""
    districts = [{"id": i, "name": n, "aliases": list(a), "active": True} for i, n, a in DISTRICTS]
    by_name = {name: district_id for district_id, name, _ in DISTRICTS}
    units: list[dict[str, Any]] = []
    contacts: list[dict[str, Any]] = []
    hours: list[dict[str, Any]] = []
    for number, (district_id, name, _aliases) in enumerate(DISTRICTS, start=1):
        slug = district_id.split("-")[0]
        for line, (kind, title) in enumerate(UNIT_TITLES.items(), start=1):
            unit_id = f"{district_id}-{kind}"
            units.append({"id": unit_id, "name": f"{title} {name} {DEMO}", "kind": str(kind),
                          "district_id": district_id, "phone": _phone(number, line * 10),
                          "email": f"{kind}.{slug}@example.se", "url": "https://example.se/demo",
                          "teams_channel_id": None, "address": f"Demogatan {number} {DEMO}", "active": True})
            hours.extend({"id": f"{unit_id}-{day}", "unit_id": unit_id, "weekday": day,
                          "opens": OFFICE_OPENS, "closes": OFFICE_CLOSES} for day in range(5))
        people = [(UnitKind.SOCIONOM, "Demo Socionom", "Socionom i förskolan", 1),
                  (UnitKind.SOCIONOM, "Demo Socionom Reserv", "Socionom i förskolan (reserv)", 2),
                  (UnitKind.MOTTAGNING, "Demo Mottagning", "Mottagningssekreterare", 1)]
        for line, (kind, who, role, priority) in enumerate(people, start=1):
            contacts.append({
                "id": f"{district_id}-{kind}-{priority}", "name": f"{who} {name} {DEMO}", "role": role,
                "unit_id": f"{district_id}-{kind}", "teams_user_id": _teams_id(number * 10 + line),
                "teams_channel_id": None, "email": f"{kind}{priority}.{slug}@example.se",
                "phone": _phone(number, line), "priority": priority, "active": True})
    units.append({"id": "socialjour", "name": f"Socialjouren Stockholm {DEMO}", "kind": "socialjour",
                  "district_id": None, "phone": "08-555 099 00", "email": "socialjour@example.se",
                  "url": "https://example.se/demo/socialjour", "teams_channel_id": None,
                  "address": None, "active": True})
    contacts.append({"id": "socialjour-1", "name": f"Demo Socialjour {DEMO}", "role": "Socialsekreterare i jour",
                     "unit_id": "socialjour", "teams_user_id": None,
                     "teams_channel_id": "19:demo-socialjour@thread.tacv2", "email": "socialjour@example.se",
                     "phone": "08-555 099 01", "priority": 1, "active": True})
    # Socialjouren: weekday evenings and nights, whole weekends, whole holidays and eves (weekday 7).
    for day in range(5):
        hours.append({"id": f"socialjour-{day}-night", "unit_id": "socialjour", "weekday": day,
                      "opens": "00:00", "closes": OFFICE_OPENS})
        hours.append({"id": f"socialjour-{day}-evening", "unit_id": "socialjour", "weekday": day,
                      "opens": OFFICE_CLOSES, "closes": "00:00"})
    hours.extend({"id": f"socialjour-{day}", "unit_id": "socialjour", "weekday": day, "opens": "00:00",
                  "closes": "00:00"} for day in (5, 6, 7))
    preschools: list[dict[str, Any]] = []
    with PRESCHOOLS_CSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            preschools.append({
                "id": f"fsk-{row['skolverket_id']}", "name": row["namn"], "aliases": [],
                "operator": row["huvudman"], "address": row["adress"], "postcode": row["postnummer"],
                "skolverket_id": row["skolverket_id"] or None,
                "district_id": by_name.get(row["stadsdelsforvaltning"]), "active": True,
                "area": row["stadsdel"]})
    return {"format": BUNDLE_FORMAT, "version": BUNDLE_VERSION, "districts": districts,
            "preschools": preschools, "units": units, "contacts": contacts, "opening_hours": hours,
            "hours_exceptions": [], "on_call": [], "rules": list(RULES)}


def demo_directory() -> Directory:
    """The demo data as a `Directory`, without a database (tests and benchmarks)."""
    return directory_from_bundle(demo_bundle())


async def load_demo(engine: AsyncEngine, *, if_empty: bool = True) -> ImportSummary | None:
    """Load the demo data (upsert by id); with *if_empty*, only when no districts or preschools exist yet."""
    store = RoutingStore(engine)
    if if_empty and not await store.is_empty():
        return None
    return await store.import_json(demo_bundle(), actor=DEMO_ACTOR)
