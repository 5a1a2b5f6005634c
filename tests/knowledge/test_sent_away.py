"""A child about to be taken abroad under coercion or to be cut within days (knowledge/reading/sent_away.py, the
fresh7 honour and FGM families): passports taken, "never back", a trip to learn respect; a girl to be "closed" or
made "clean like the other girls" with a near date. Look-alikes: weddings, holidays, a family moving for work, a door
that closes, a plan far off (a report). Sentences written for this test, none from a fresh split."""

import pytest

from knowledge.assessment import Outcome, assess
from knowledge.reading import read


@pytest.mark.parametrize("text", [
    "Mamman berättade tyst att svågern har tagit passen och att barnen ska till Irak på onsdag.",
    "Hon sa att de ska 'hem' på fredag och att hon och flickorna aldrig kommer tillbaka, hon var rädd.",
    "Pappan ska skicka sonen till släkten i Somalia på lördag så att han lär sig respekt.",
    "Moster sa att lillan ska 'stängas' i Sudan, de flyger på tisdag.",
    "They leave for Somalia on Saturday so the girl can get clean like her sisters.",
    "The family is flying to Sudan on Thursday and the grandmother says the girl will be 'made pure' there.",
    "Faster har bokat en flickfest i Etiopien om fyra dagar och där ska döttrarna sys ihop.",
    "Pappa säger att familjen ska flytta hem till Somalia på söndag så att flickorna inte blir för svenska, "
    "de kommer inte tillbaka.",
])
def test_a_forced_trip_or_a_cutting_within_days_is_acute(text: str) -> None:
    assert "taken_abroad" in read(text).acute, text
    assessment = assess(text)
    assert assessment.outcome is Outcome.ACUTE
    assert not assessment.tell_guardians_first


@pytest.mark.parametrize("text", [
    "Familjen flyger till Irak på lördag på ett bröllop och kommer hem om två veckor, passen är klara.",
    "De flyttar till Norge på söndag för pappans nya jobb och kommer aldrig tillbaka hit.",
    "Förskolan ska stängas på fredag för planeringsdag, flickan är hemma med mamma.",
    "Dottern är lite stängd och tyst idag, de reser till Turkiet på lördag på semester.",
    "Vi ska prata om respekt i samlingen innan utflykten på fredag.",
    "The girls need to get clean after painting before their parents come.",
    "Flickan ska ha flickfest med kompisarna på fredag, mamma har bakat.",
    "De kommer inte tillbaka efter jullovet eftersom de flyttar till Uppsala på fredag.",
])
def test_what_only_looks_like_a_forced_trip_is_not_acute(text: str) -> None:
    assert not assess(text).acute, text


@pytest.mark.parametrize("text", [
    "Mormor vill att flickan ska bli 'ren' i hemlandet när hon är lite större, sa mamman.",
    "Släkten pratar om omskärelse för döttrarna under nästa sommarlov.",
])
def test_a_cutting_planned_far_off_is_a_report_not_acute(text: str) -> None:
    assessment = assess(text)
    assert assessment.outcome is Outcome.REPORT, (text, assessment.reasons)
    assert not assessment.tell_guardians_first


@pytest.mark.parametrize("text", [
    "Efter sommaren i Somalia säger flickan att hon blivit 'ihopsydd' och hon går försiktigt.",
    "She came back from Sudan last month and says she was 'closed' like her sisters.",
])
def test_a_cutting_already_done_after_a_trip_is_a_report_not_acute(text: str) -> None:
    assessment = assess(text)
    assert assessment.outcome is Outcome.REPORT, (text, assessment.reasons)
    assert not assessment.tell_guardians_first


def test_closed_as_a_mood_after_a_holiday_is_no_cutting() -> None:
    assert assess("Hon blev stängd och tyst efter semestern i Grekland.").outcome is Outcome.CONSULT
