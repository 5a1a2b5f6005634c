"""Tests for the pure knowledge package."""
