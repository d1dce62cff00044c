"""Export cells at their edges (pure functions, no database)."""

from core.exports import csv_cell


def test_booleans_are_written_as_words():
    assert csv_cell(True) == "True"
    assert csv_cell(False) == "False"
