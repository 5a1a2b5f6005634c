"""The administration's tables derive from the routing schema; only the Swedish wording is the admin's own."""

import pytest

from admin import text
from admin.resources import RESOURCES
from routing.schema import TABLES


@pytest.mark.parametrize("spec", TABLES, ids=lambda spec: spec.name)
def test_every_field_of_the_schema_has_a_label_and_a_form_field(spec):
    _label, _singular, labels = text.TABLES[spec.name]
    assert sorted(labels) == sorted(spec.columns)
    assert sorted(f.name for f in RESOURCES[spec.name].fields) == sorted(spec.columns)


@pytest.mark.parametrize("spec", TABLES, ids=lambda spec: spec.name)
def test_the_form_offers_exactly_the_schema_choices_each_with_a_swedish_label(spec):
    for field in spec.fields:
        if field.choices:
            offered = RESOURCES[spec.name].field(field.name).choices
            assert [value for value, _label in offered] == list(field.choices)
            assert set(field.choices) <= set(text.CHOICES[field.name]), field.name


def test_references_are_selects_and_requiredness_follows_the_schema():
    contacts = RESOURCES["contacts"]
    assert contacts.field("unit_id").kind == "select"
    assert contacts.field("unit_id").required
    assert not contacts.field("phone").required
    assert RESOURCES["units"].field("kind").kind == "select"
    assert [v for v, _ in RESOURCES["opening_hours"].field("weekday").choices] == [str(d) for d in range(8)]
