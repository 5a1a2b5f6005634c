"""The one import parser: CSV tables and JSON bundles from names and texts, every problem with its place."""

import pytest

from routing.codecs import ImportFile, ImportTooLargeError, export_csv_files, parse_import
from routing.errors import RoutingValidationError

DISTRICTS = "id,name,aliases,active\nfarsta,Farsta,,true\n"


def _problems(*files: ImportFile) -> set[tuple[str, str]]:
    with pytest.raises(RoutingValidationError) as caught:
        parse_import(files)
    return {(e.location, e.field) for e in caught.value.errors}


def test_files_become_batches_in_table_order_with_their_lines():
    bundle = '{"format": "samrad-routing",\n "units": [\n  {"id": "u"}\n ]}'
    batches = parse_import([ImportFile("bundle.json", bundle), ImportFile("districts.csv", "\ufeff" + DISTRICTS)])
    assert [(table, source) for table, source, _rows in batches if _rows] == [
        ("districts", "districts.csv"), ("units", "bundle.json")]
    assert next(rows for _table, source, rows in batches if source == "districts.csv") == [("districts.csv:2", {
        "id": "farsta", "name": "Farsta", "aliases": "", "active": "true"})]
    assert next(rows for table, _source, rows in batches if table == "units")[0][0] == "bundle.json:3 (units[0])"


def test_a_bundle_of_another_format_or_with_unknown_keys_is_refused():
    assert _problems(ImportFile("b.json", '{"format": "x", "extra": [], "units": {}}')) == {
        ("b.json", "format"), ("b.json", "extra"), ("b.json", "units")}


def test_unreadable_files_are_named():
    assert _problems(ImportFile("whatever.csv", "a\n"), ImportFile("b.json", "[]"),
                     ImportFile("c.json", "{\n nope"), ImportFile("districts.csv", "id,name\nx,\x00\n")) == {
        ("whatever.csv", "file"), ("b.json", "json"), ("c.json:2", "json"), ("districts.csv", "file")}


def test_the_row_limit_counts_every_file_together():
    rows = DISTRICTS + "jarva,Järva,,true\n"
    assert len(parse_import([ImportFile("districts.csv", rows)], max_rows=2)[0][2]) == 2
    with pytest.raises(ImportTooLargeError):
        parse_import([ImportFile("districts.csv", rows), ImportFile("b.json", '{"units": [{}]}')], max_rows=2)


def test_an_export_parses_back_to_the_same_values():
    records = {"districts": [{"id": "f", "name": "=Farsta", "aliases": ("A", "B"), "active": True}]}
    (_table, _source, rows), = parse_import([ImportFile(n, t) for n, t in export_csv_files(records).items()])
    assert rows == [("districts.csv:2", {"id": "f", "name": "=Farsta", "aliases": "A|B", "active": "true"})]
