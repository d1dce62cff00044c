"""SVG charts and small pure helpers, without the database."""

import re
from datetime import date

from django.utils import translation

from reports.charts import LABEL_CHARS, bar_chart, month_chart
from reports.formatting import percent
from reports.queries import fill_months, month_span


def test_bar_chart_has_title_description_and_one_bar_per_row():
    svg = bar_chart("Completions", "Per country", [("Honduras", 10), ("Guatemala", 5)])
    assert re.search(r"<title id=\"chart-title-\d+\">Completions</title>", svg)
    assert "<desc" in svg and "Per country" in svg
    assert 'role="img"' in svg and "aria-labelledby" in svg
    widths = [float(w) for w in re.findall(r'<rect [^>]*width="([\d.]+)"', svg)]
    assert widths == [400.0, 200.0]  # scaled to the largest value


def test_chart_labels_are_escaped():
    svg = bar_chart("<b>t</b>", "d & e", [("<script>alert(1)</script>", 1)])
    assert "<script>" not in svg and "<b>" not in svg
    assert "&lt;script&gt;" in svg and "d &amp; e" in svg


def test_bar_chart_with_no_rows_or_zeros_is_still_valid_svg():
    assert bar_chart("t", "d", []).startswith("<svg")
    assert 'width="0.0"' in bar_chart("t", "d", [("A", 0)])


def test_bar_labels_start_at_the_left_edge_above_their_bar_and_are_never_cut():
    name = "Unidad de Información Financiera de la Comisión Nacional de Bancos y Seguros"
    svg = bar_chart("By agency", "Per agency", [(name, 3), ("x" * 90, 1)])
    labels = [
        re.findall(r'<tspan x="(\d+)" dy="\d+">([^<]+)</tspan>', text)
        for text in re.findall(r'<text x="0" [^>]*>(.*?)</text>', svg)
    ]
    # Each label on lines from the left edge, whole: long names go on to a second line.
    assert [[x for x, _line in lines] for lines in labels] == [["0", "0"], ["0", "0"]]
    assert " ".join(line for _x, line in labels[0]) == name
    assert "".join(line for _x, line in labels[1]) == "x" * 90
    assert all(len(line) <= LABEL_CHARS for lines in labels for _x, line in lines)
    assert "…" not in svg and 'text-anchor="end"' not in svg
    # Each bar starts below its label's last line.
    bars = [float(y) for y in re.findall(r'<rect x="0" y="([\d.]+)"', svg)]
    assert bars[1] > bars[0] + 18


def test_month_chart_draws_a_column_for_every_month_zeros_included():
    months = [(date(2025, 12, 1), 2), (date(2026, 1, 1), 0), (date(2026, 2, 1), 4)]
    with translation.override("en"):
        svg = month_chart("Over time", "Per month", months)
    heights = [float(h) for h in re.findall(r'<rect [^>]*height="([\d.]+)"', svg)]
    assert len(heights) == 3 and heights[1] == 0 and heights[2] == 2 * heights[0]
    assert "<title>January 2026: 0</title>" in svg and "<title>February 2026: 4</title>" in svg
    # Every month named on the axis; the year under the first month and under January.
    assert [m for m in ("Dec", "Jan", "Feb") if f">{m}</text>" in svg] == ["Dec", "Jan", "Feb"]
    assert ">2025</text>" in svg and ">2026</text>" in svg


def test_month_chart_speaks_spanish_in_spanish():
    with translation.override("es"):
        svg = month_chart("t", "d", [(date(2026, 1, 1), 1)])
        gain = bar_chart("t", "d", [("Honduras", 27.5)])
    assert ">ene</text>" in svg and "enero de 2026: 1" in svg
    assert ">27,5</text>" in gain


def test_month_span_is_the_period_up_to_this_month_or_the_last_year():
    today = date(2026, 11, 30)
    assert month_span(None, None, today) == (date(2025, 12, 1), date(2026, 11, 1))
    assert month_span(date(2026, 3, 14), None, today) == (date(2026, 3, 1), date(2026, 11, 1))
    assert month_span(date(2026, 3, 14), date(2027, 5, 2), today) == (
        date(2026, 3, 1),
        date(2026, 11, 1),
    )
    assert month_span(date(2027, 1, 1), None, today) == (date(2026, 11, 1), date(2026, 11, 1))


def test_fill_months_spans_the_period_around_the_months_with_completions():
    months = fill_months({date(2026, 2, 1): 5}, (date(2026, 1, 1), date(2026, 3, 1)))
    assert months == [(date(2026, 1, 1), 0), (date(2026, 2, 1), 5), (date(2026, 3, 1), 0)]
    assert fill_months({}, (date(2026, 1, 1), date(2026, 1, 1))) == [(date(2026, 1, 1), 0)]


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
