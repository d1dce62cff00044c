"""SVG charts and small pure helpers, without the database."""

import re
from datetime import date

from reports.charts import bar_chart, line_chart
from reports.formatting import percent
from reports.queries import fill_months


def test_bar_chart_has_title_description_and_one_bar_per_row():
    svg = bar_chart("Completions", "Per country", [("Honduras", 10), ("Guatemala", 5)])
    assert re.search(r"<title id=\"chart-title-\d+\">Completions</title>", svg)
    assert "<desc" in svg and "Per country" in svg
    assert 'role="img"' in svg and "aria-labelledby" in svg
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', svg)]
    assert widths == [320.0, 160.0]  # scaled to the largest value


def test_chart_labels_are_escaped():
    svg = bar_chart("<b>t</b>", "d & e", [("<script>alert(1)</script>", 1)])
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg and "d &amp; e" in svg


def test_bar_chart_with_no_rows_or_zeros_is_still_valid_svg():
    assert bar_chart("t", "d", []).startswith("<svg")
    assert 'width="0.0"' in bar_chart("t", "d", [("A", 0)])


def test_line_chart_draws_one_point_per_month():
    svg = line_chart("Over time", "Per month", [("Jan", 1), ("Feb", 4), ("Mar", 2)])
    assert svg.count("<circle") == 3
    assert "<polyline" in svg
    assert "<title>Feb: 4</title>" in svg


def test_fill_months_adds_empty_months_across_a_year_end():
    months = fill_months({date(2025, 11, 1): 2, date(2026, 2, 1): 5})
    assert months == [
        (date(2025, 11, 1), 2),
        (date(2025, 12, 1), 0),
        (date(2026, 1, 1), 0),
        (date(2026, 2, 1), 5),
    ]
    assert fill_months({}) == []


def test_percent_rounds_and_handles_nothing():
    assert percent(1, 3) == 33.3
    assert percent(0, 0) is None
    assert percent(2, 2) == 100.0
