"""Property tests for the cued families: door codes, IBAN, card, Swish and bank numbers and a personnummer in two
parts never survive `scrub`, whatever their grouping and whichever of their cue words stands before them."""

from __future__ import annotations

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.scrub import scrub

# Derandomized in `make test`; SAMRAD_HYPOTHESIS_EXPLORE=1 explores (see test_scrub_properties.py).
EXPLORE = os.environ.get("SAMRAD_HYPOTHESIS_EXPLORE") == "1"
SETTINGS = settings(max_examples=1200 if EXPLORE else 120, derandomize=not EXPLORE, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
AFTER = ["", ".", " i dag.", ", tack.", " om det behövs", "\n", " och hon var ledsen."]
DIGITS = "0123456789"


def _no_digit_run_left(secret_digits: str, text: str) -> bool:
    """Whether no run of two or more of the secret's digits, in order, survives in *text*."""
    kept = "".join(char for char in text if char.isdigit())
    return not any(secret_digits[index : index + 4] in kept for index in range(len(secret_digits) - 3))


@st.composite
def door_code(draw: st.DrawFn) -> tuple[str, str]:
    code = draw(st.text(DIGITS, min_size=4, max_size=6))
    written = draw(st.sampled_from([code, " ".join(code), code + "#"]))
    cue = draw(st.sampled_from(["portkod ", "Portkoden är ", "porten har kod ", "koden till porten är ",
                                "door code is ", "kod: ", "dörrkod "]))
    return cue + written, code


@st.composite
def iban(draw: st.DrawFn) -> tuple[str, str]:
    country = draw(st.sampled_from(["SE", "DE", "NO", "FI", "PL", "DK"]))
    body = draw(st.text(DIGITS, min_size=16, max_size=22))
    digits = draw(st.text(DIGITS, min_size=2, max_size=2)) + body
    spaced = draw(st.booleans())
    full = country + digits
    value = " ".join(full[index : index + 4] for index in range(0, len(full), 4)) if spaced else full
    cue = draw(st.sampled_from(["", "IBAN ", "IBAN: ", "konto ", "hennes konto: "]))
    return cue + value, digits


@st.composite
def card(draw: st.DrawFn) -> tuple[str, str]:
    digits = draw(st.sampled_from("23456")) + draw(st.text(DIGITS, min_size=15, max_size=15))
    separator = draw(st.sampled_from([" ", "-", ""]))
    value = separator.join(digits[index : index + 4] for index in range(0, 16, 4))
    cue = draw(st.sampled_from(["", "kortet ", "kortnummer ", "card ", "hon visade ett kort "]))
    return cue + value, digits


@st.composite
def bank_number(draw: st.DrawFn) -> tuple[str, str]:
    cue = draw(st.sampled_from(["clearing ", "clearingnummer ", "konto ", "kontonummer ", "bankgiro ", "plusgiro ",
                                "bg ", "pg: ", "swisha till ", "swish ", "swishnummer "]))
    digits = draw(st.text("123456789", min_size=1, max_size=1)) + draw(st.text(DIGITS, min_size=6, max_size=10))
    cut = draw(st.integers(1, len(digits) - 1))
    separator = draw(st.sampled_from(["", " ", "-"]))
    return cue + digits[:cut] + separator + digits[cut:], digits


@st.composite
def split_personnummer(draw: st.DrawFn) -> tuple[str, str]:
    year = draw(st.integers(2015, 2025))
    month = draw(st.integers(1, 12))
    day = draw(st.integers(1, 28))
    date = f"{year}{month:02d}{day:02d}" if draw(st.booleans()) else f"{year % 100:02d}{month:02d}{day:02d}"
    last = draw(st.text(DIGITS, min_size=4, max_size=4))
    cue = draw(st.sampled_from(["pnr ", "personnummer ", "BankID visade "]))
    tail = draw(st.sampled_from([" och sen ", ", slutsiffror ", " och sedan ", ", sista siffrorna "]))
    return cue + date + tail + last, date + last


@SETTINGS
@given(st.one_of(door_code(), iban(), card(), bank_number(), split_personnummer()), st.sampled_from(AFTER))
def test_no_cued_number_survives(case: tuple[str, str], after: str) -> None:
    text, digits = case
    result = scrub(text + after)
    assert _no_digit_run_left(digits, result.text), (text, result.text)
