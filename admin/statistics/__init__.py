"""Aggregate statistics for the pilot's evaluation: counts only, every cell under 5 suppressed, never any text.

The facts (`facts`) are read from non-text columns of the `consultation` and `handoff` tables (`queries`);
the report (`report`) counts them and publishes each count only as the disclosure control (`suppression`) allows.
"""

from admin.statistics.facts import ConsultationFact, HandoffFact, StatisticsSource
from admin.statistics.queries import SqlStatistics
from admin.statistics.report import NO_DISTRICT, OUTCOMES, Report, StatTable, build_report, report, whole_months
from admin.statistics.suppression import COMPLEMENTARY, SUPPRESSED, THRESHOLD, protect, suppress

__all__ = [
    "COMPLEMENTARY",
    "NO_DISTRICT",
    "OUTCOMES",
    "SUPPRESSED",
    "THRESHOLD",
    "ConsultationFact",
    "HandoffFact",
    "Report",
    "SqlStatistics",
    "StatTable",
    "StatisticsSource",
    "build_report",
    "protect",
    "report",
    "suppress",
    "whole_months",
]
