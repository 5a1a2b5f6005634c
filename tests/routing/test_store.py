"""RoutingStore on SQLite and PostgreSQL: CRUD with history, all-or-nothing imports, exports, report."""

import json

import pytest

from bot.commands.routing import read_import
from routing.demo import load_demo
from routing.errors import RoutingValidationError, UnknownRecordError
from routing.storage import RoutingStore
from routing.storage_rows import RoutingBase

DISTRICTS_CSV = "id,name,aliases,active\nfarsta,Farsta,,true\njarva,Järva,Rinkeby|Kista,true\n"
GOOD_PRESCHOOLS = (
    "id,name,aliases,operator,address,postcode,skolverket_id,district_id,active\n"
    "p1,Förskolan Ett,,Kommunal,Ettvägen 1,12345,111,farsta,true\n"
    "p2,Förskolan Två,,Enskild,Tvåvägen 2,12345,222,jarva,true\n"
)


async def _seed(store: RoutingStore, tmp_path) -> None:
    (tmp_path / "districts.csv").write_text(DISTRICTS_CSV, encoding="utf-8")
    await store.import_files(read_import(tmp_path / "districts.csv"), actor="test")


async def _counts(db) -> dict[str, int]:
    from sqlalchemy import func, select

    async with db.engine.connect() as connection:
        return {name: await connection.scalar(select(func.count()).select_from(table))
                for name, table in RoutingBase.metadata.tables.items()}


async def test_csv_with_one_bad_row_is_rejected_whole_with_its_line_and_nothing_changes(db, tmp_path):
    store = RoutingStore(db.engine)
    await _seed(store, tmp_path)
    await store.import_files(read_import(_write(tmp_path, "preschools.csv", GOOD_PRESCHOOLS)), actor="test")
    before_rows = await store.export_records()
    before_counts = await _counts(db)
    bad = (
        "id,name,aliases,operator,address,postcode,skolverket_id,district_id,active\n"
        "p1,Förskolan Ett (ändrad),,Kommunal,Ettvägen 1,12345,111,farsta,true\n"
        "p3,Förskolan Tre,,Kommunal,Trevägen 3,12345,333,farsta,true\n"
        "p4,Förskolan Fyra,,Privat,Fyravägen 4,12345,444,nowhere,true\n"
        "p5,Förskolan Fem,,Kommunal,Femvägen 5,12345,555,farsta,kanske\n"
        "p6,Förskolan Sex,,Enskild,Sexvägen 6,12345,666,jarva,true\n"
    )
    with pytest.raises(RoutingValidationError) as caught:
        await store.import_files(read_import(_write(tmp_path, "preschools.csv", bad)), actor="test")
    where = {(e.location, e.field) for e in caught.value.errors}
    assert ("preschools.csv:4", "operator") in where
    assert ("preschools.csv:4", "district_id") in where
    assert ("preschools.csv:5", "active") in where
    assert not any(e.location.endswith((":2", ":3", ":6")) for e in caught.value.errors)
    assert await store.export_records() == before_rows
    assert await _counts(db) == before_counts


async def test_duplicate_id_in_one_file_is_reported_with_its_line(db, tmp_path):
    store = RoutingStore(db.engine)
    await _seed(store, tmp_path)
    before = await _counts(db)
    dup = GOOD_PRESCHOOLS + "p1,Förskolan Ett igen,,Kommunal,Ettvägen 1,12345,111,farsta,true\n"
    with pytest.raises(RoutingValidationError) as caught:
        await store.import_files(read_import(_write(tmp_path, "preschools.csv", dup)), actor="test")
    assert [(e.location, e.field) for e in caught.value.errors] == [("preschools.csv:4", "id")]
    assert await _counts(db) == before


async def test_missing_required_column_is_reported_on_the_header_line(db, tmp_path):
    store = RoutingStore(db.engine)
    with pytest.raises(RoutingValidationError) as caught:
        await store.import_files(read_import(_write(tmp_path, "districts.csv", "id,aliases\nx,\n")), actor="test")
    assert [(e.location, e.field) for e in caught.value.errors] == [("districts.csv:1", "name")]


async def test_crud_records_history_with_before_and_after(db, tmp_path):
    store = RoutingStore(db.engine)
    await _seed(store, tmp_path)
    await store.create("units", {"id": "u1", "name": "Socionom Farsta", "kind": "socionom",
                                 "district_id": "farsta"}, actor="anna")
    await store.create("contacts", {"id": "c1", "name": "Demo", "unit_id": "u1", "priority": 1}, actor="anna")
    updated = await store.update("contacts", "c1", {"phone": "08-555 000 00", "priority": 2}, actor="bertil")
    assert updated["priority"] == 2
    await store.deactivate("contacts", "c1", actor="cecilia")
    history = await store.history("contacts", "c1")
    assert [(h.action, h.actor) for h in history] == [("update", "cecilia"), ("update", "bertil"),
                                                     ("create", "anna")]
    assert history[1].before["priority"] == 1
    assert history[1].after["priority"] == 2
    assert history[1].before["phone"] is None
    assert history[1].after["phone"] == "08-555 000 00"
    assert history[0].before["active"] is True
    assert history[0].after["active"] is False
    assert history[2].before is None
    assert (await store.get("contacts", "c1"))["active"] is False


async def test_validation_errors_name_the_field(db, tmp_path):
    store = RoutingStore(db.engine)
    await _seed(store, tmp_path)
    with pytest.raises(RoutingValidationError) as caught:
        await store.create("units", {"name": "", "kind": "kurator", "district_id": "mars",
                                     "email": "not-an-address"}, actor="x")
    assert {e.field for e in caught.value.errors} == {"name", "kind", "district_id", "email"}
    with pytest.raises(RoutingValidationError) as caught:
        await store.create("opening_hours", {"unit_id": "nope", "weekday": 9, "opens": "17:00",
                                             "closes": "08:00"}, actor="x")
    assert {e.field for e in caught.value.errors} == {"unit_id", "weekday", "closes"}
    with pytest.raises(UnknownRecordError):
        await store.update("districts", "nope", {"name": "x"}, actor="x")
    assert await store.history("units") == []


async def test_delete_keeps_the_last_state_in_history(db, tmp_path):
    store = RoutingStore(db.engine)
    await store.create("rules", {"id": "r1", "concern": "*", "outcome": "*", "unit_kinds": ["socionom"]},
                       actor="x")
    await store.delete("rules", "r1", actor="y")
    assert await store.get("rules", "r1") is None
    last = (await store.history("rules", "r1"))[0]
    assert last.action == "delete"
    assert last.before["unit_kinds"] == ["socionom"]
    assert last.after is None


async def test_json_bundle_round_trip(db, tmp_path):
    store = RoutingStore(db.engine)
    await load_demo(db.engine)
    await store.create("on_call", {"id": "oc1", "contact_id": "farsta-socionom-2", "unit_id": "farsta-socionom",
                                   "starts": "2026-12-24T08:00", "ends": "2026-12-24T16:00+01:00"}, actor="x")
    await store.create("hours_exceptions", {"id": "ex1", "unit_id": "farsta-socionom", "day": "2026-11-27",
                                            "closed": False, "opens": "09:00", "closes": "12:00",
                                            "note": "Planeringsdag"}, actor="x")
    bundle = await store.export_json()
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle, ensure_ascii=False), encoding="utf-8")
    summary = await store.import_files(read_import(path), actor="again")
    assert summary.created == {}
    assert summary.updated == {}
    assert summary.unchanged["preschools"] == 891
    again = await store.export_json()
    assert {k: v for k, v in again.items() if k != "exported_at"} == \
        {k: v for k, v in bundle.items() if k != "exported_at"}
    assert bundle["on_call"][0]["starts"] == "2026-12-24T08:00:00+01:00"
    directory = await store.load_directory()
    assert directory.on_call[0].starts.isoformat() == "2026-12-24T08:00:00+01:00"


async def test_csv_export_imports_into_an_empty_database_unchanged(db, tmp_path):
    store = RoutingStore(db.engine)
    await load_demo(db.engine)
    files = await store.export_csv()
    folder = tmp_path / "export"
    folder.mkdir()
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    summary = await store.import_files(read_import(folder), actor="x")
    assert summary.created == {}
    assert summary.updated == {}
    assert sum(summary.unchanged.values()) == sum(len(t.splitlines()) - 1 for t in files.values())


async def test_bad_json_bundle_reports_each_bad_record(db):
    store = RoutingStore(db.engine)
    bundle = {"format": "samrad-routing", "districts": [{"id": "a", "name": "A"}, {"id": "b"}],
              "units": [{"id": "u", "name": "U", "kind": "socionom", "district_id": "zz"}], "extra": []}
    with pytest.raises(RoutingValidationError) as caught:
        await store.import_json(bundle, actor="x")
    where = {(e.location, e.field) for e in caught.value.errors}
    assert where == {("bundle", "extra")}
    del bundle["extra"]
    with pytest.raises(RoutingValidationError) as caught:
        await store.import_json(bundle, actor="x")
    where = {(e.location, e.field) for e in caught.value.errors}
    assert where == {("bundle: districts[1]", "name"), ("bundle: units[0]", "district_id")}
    assert await store.is_empty()


async def test_validation_report_and_demo_load(db):
    store = RoutingStore(db.engine)
    report = await store.validation_report()
    assert not report.ok
    assert not report.has_socialjour
    summary = await load_demo(db.engine)
    assert summary is not None
    assert summary.created["preschools"] == 891
    assert await load_demo(db.engine, if_empty=True) is None
    report = await store.validation_report()
    assert len(report.preschools_without_district) == 92
    assert report.districts_without_socionom == []
    assert report.units_without_hours == []
    assert report.has_socialjour
    await store.deactivate("contacts", "farsta-socionom-1", actor="x")
    await store.deactivate("contacts", "farsta-socionom-2", actor="x")
    assert (await store.validation_report()).districts_without_socionom == ["farsta"]


async def test_service_caches_until_reload(db):
    from routing.service import RoutingService

    await load_demo(db.engine)
    service = RoutingService(db.engine)
    first = await service.directory()
    assert await service.directory() is first
    result = await service.match("Sagoberget")
    decision = await service.decide(result.best.id, district_id="Rinkeby", concern="neglect")
    assert decision.district.id == "jarva"
    await service.store.update("preschools", result.best.id, {"name": "Förskola Sagoberget Nya"}, actor="x")
    assert (await service.directory()).preschool(result.best.id).name == "Förskola Sagoberget"
    service.reload()
    assert (await service.directory()).preschool(result.best.id).name == "Förskola Sagoberget Nya"


def _write(folder, name, text):
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


async def test_bad_json_bundle_file_names_the_line_of_each_bad_record(db, tmp_path):
    store = RoutingStore(db.engine)
    bundle = {"format": "samrad-routing",
              "districts": [{"id": "a", "name": "Namn med {klammer} och \"citat\""}, {"id": "b"}],
              "units": [{"id": "u", "name": "U", "kind": "socionom", "district_id": "zz"}]}
    path = tmp_path / "bundle.json"
    path.write_text(json.dumps(bundle, indent=2, ensure_ascii=False), encoding="utf-8")
    lines = path.read_text(encoding="utf-8").splitlines()
    second_district = next(n for n, line in enumerate(lines, 1) if '"id": "b"' in line) - 1
    unit = next(n for n, line in enumerate(lines, 1) if '"id": "u"' in line) - 1
    with pytest.raises(RoutingValidationError) as caught:
        await store.import_files(read_import(path), actor="x")
    where = {(e.location, e.field) for e in caught.value.errors}
    assert where == {(f"bundle.json:{second_district} (districts[1])", "name"),
                     (f"bundle.json:{unit} (units[0])", "district_id")}
    assert await store.is_empty()
