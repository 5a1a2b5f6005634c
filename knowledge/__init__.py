"""Guidance content and the pure logic over it: FAQ search, acute detection, triage and PII scrubbing."""
