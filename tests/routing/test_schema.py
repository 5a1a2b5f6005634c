"""The routing schema and the SQL tables that store it agree: names, columns, lengths and optional columns."""

import pytest

from routing.schema import SPECS, TABLES, table_spec
from routing.storage import ROWS


def test_every_table_of_the_schema_is_stored_in_one_sql_table():
    assert sorted(ROWS) == sorted(SPECS)
    assert {spec.name: ROWS[spec.name].__tablename__ for spec in TABLES} == \
        {spec.name: spec.sql_name for spec in TABLES}


@pytest.mark.parametrize("spec", TABLES, ids=lambda spec: spec.name)
def test_the_sql_columns_are_the_schema_fields_with_their_lengths_and_optionality(spec):
    columns = ROWS[spec.name].__table__.columns
    assert list(columns.keys()) == spec.columns
    assert {c.name: getattr(c.type, "length", None) for c in columns} == {f.name: f.length for f in spec.fields}
    assert {c.name: c.nullable for c in columns} == {f.name: f.kind in {"optstr", "optime"} for f in spec.fields}


def test_a_table_is_found_by_its_name_its_singular_or_its_sql_name():
    assert table_spec("preschools") is table_spec("preschool") is table_spec("routing_preschool") is SPECS["preschools"]
