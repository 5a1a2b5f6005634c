"""Swedish normalisation: case, diacritics, noise words, possessives, punctuation."""

import pytest

from routing.normalize import fold, normalize


@pytest.mark.parametrize(("text", "expected"), [
    ("Förskolan Solrosen", "solros"),
    ("Solrosens förskola", "solros"),
    ("solrosen", "solros"),
    ("SOLROSEN", "solros"),
    ("Förskolan Regnbågen", "regnbag"),
    ("forskolan regnbagen", "regnbag"),
    ("Regnbågens fsk", "regnbag"),
    ("Villekullas förskola", "villekulla"),
    ("Förskolan Ankarstocksvägen 12-14", "ankarstocksvag 12 14"),
    ("Förskolan  Humlan!", "humlan"),
    ("Hägersten–Älvsjö", "hagerst alvsjo"),
    ("", ""),
])
def test_normalize(text, expected):
    assert normalize(text) == expected


def test_fold_strips_swedish_diacritics():
    assert fold("ÅÄÖ åäö é") == "aao aao e"
