"""Server-rendered SVG charts: pure functions from plain data to markup.

No JavaScript and no chart library: the admin pages and the PDF summary
embed the same SVG. Each chart carries a ``<title>`` and a ``<desc>`` (read
by screen readers) and is always shown beside the table holding the same
figures. Labels are never cut by the drawing's edge: a bar's label sits
above the bar from the left edge, on as many lines as it needs.
"""

from collections.abc import Sequence
from datetime import date
from itertools import count

from django.utils.formats import date_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import pgettext

_ids = count(1)

LABEL_LINE = 17
BAR_HEIGHT = 18
BAR_GAP = 10
PLOT_WIDTH = 400
VALUE_WIDTH = 56
COLOURS = {"bar": "#1d4f91", "axis": "#5a5a5a", "text": "#1f1f1f"}

#: Characters that fit on a label line (at most about 8 px each at 13 px).
LABEL_CHARS = (PLOT_WIDTH + VALUE_WIDTH) // 8


def _lines(label: str, limit: int = LABEL_CHARS) -> list[str]:
    """Pure: the label broken into lines of at most ``limit`` characters, between words
    where it can (a word longer than a line is broken inside)."""
    lines: list[str] = []
    for word in str(label).split():
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
            continue
        while len(word) > limit:
            lines.append(word[:limit])
            word = word[limit:]
        if word:
            lines.append(word)
    return lines or [""]


def _number(value) -> str:
    """A figure as the table beside the chart shows it (one decimal, a comma in Spanish)."""
    if isinstance(value, float):
        return number_format(value, decimal_pos=1)
    return str(value)


def _label(label: str, top: float) -> tuple[SafeString, float]:
    """The label's lines as ``<tspan>``s written from ``top``, and where its bar starts."""
    lines = _lines(label)
    text = format_html_join(
        "",
        '<tspan x="0" dy="{}">{}</tspan>',
        ((0 if n == 0 else LABEL_LINE - 2, line) for n, line in enumerate(lines)),
    )
    return text, top + len(lines) * (LABEL_LINE - 2) + 2


def bar_chart(title: str, description: str, rows: Sequence[tuple[str, float]]) -> SafeString:
    """Horizontal bars, one per ``(label, value)`` row, scaled to the largest value.

    Each label is written above its bar, from the left edge and broken into
    lines, so that long names (agencies, courses) are read in full.
    """
    uid = next(_ids)
    largest = max((value or 0 for _label, value in rows), default=0) or 1
    width = PLOT_WIDTH + VALUE_WIDTH
    bars = []
    top = 0
    for label, value in rows:
        text, bar_top = _label(label, top)
        length = round(PLOT_WIDTH * max(value or 0, 0) / largest, 1)
        bars.append(
            format_html(
                "<g><title>{}: {}</title>"
                '<text x="0" y="{}" font-size="13" fill="{}">{}</text>'
                '<rect x="0" y="{}" width="{}" height="{}" fill="{}"></rect>'
                '<text x="{}" y="{}" font-size="13" fill="{}">{}</text></g>',
                label,
                _number(value),
                top + LABEL_LINE - 4,
                COLOURS["text"],
                text,
                bar_top,
                length,
                BAR_HEIGHT,
                COLOURS["bar"],
                length + 6,
                bar_top + BAR_HEIGHT - 4,
                COLOURS["text"],
                _number(value),
            )
        )
        top = bar_top + BAR_HEIGHT + BAR_GAP
    height = max(top, LABEL_LINE + BAR_HEIGHT + BAR_GAP)
    return _svg(uid, width, height, title, description, mark_safe("".join(bars)))


#: Colours of the series of a stacked chart, told apart in grey too (dark, light, middle).
SERIES_COLOURS = ("#1d4f91", "#9ec3e6", "#5a7fa8", "#c9d6e3")


def stacked_bar_chart(
    title: str,
    description: str,
    series: Sequence[str],
    rows: Sequence[tuple[str, Sequence[float]]],
) -> SafeString:
    """Horizontal bars, one per ``(label, values)`` row, each split into ``series``.

    A legend names the series above the bars; the total is written after each
    bar, and every segment's figure is in its ``<title>`` (the table beside the
    chart holds them all).
    """
    uid = next(_ids)
    largest = max((sum(v or 0 for v in values) for _label, values in rows), default=0) or 1
    width = PLOT_WIDTH + VALUE_WIDTH
    legend = []
    x = 0
    for n, name in enumerate(series):
        legend.append(
            format_html(
                '<rect x="{}" y="2" width="12" height="12" fill="{}"></rect>'
                '<text x="{}" y="13" font-size="12" fill="{}">{}</text>',
                x,
                SERIES_COLOURS[n % len(SERIES_COLOURS)],
                x + 16,
                COLOURS["text"],
                name,
            )
        )
        x += 16 + 8 * len(str(name)) + 14
    parts = [mark_safe("".join(legend))]
    top = LABEL_LINE + BAR_GAP
    for label, values in rows:
        text, bar_top = _label(label, top)
        segments = []
        left = 0.0
        for n, value in enumerate(values):
            length = round(PLOT_WIDTH * max(value or 0, 0) / largest, 1)
            if length:
                segments.append(
                    format_html(
                        '<rect x="{}" y="{}" width="{}" height="{}" fill="{}">'
                        "<title>{}: {}</title></rect>",
                        round(left, 1),
                        bar_top,
                        length,
                        BAR_HEIGHT,
                        SERIES_COLOURS[n % len(SERIES_COLOURS)],
                        series[n],
                        _number(value),
                    )
                )
            left += length
        total = sum(value or 0 for value in values)
        parts.append(
            format_html(
                "<g><title>{}: {}</title>"
                '<text x="0" y="{}" font-size="13" fill="{}">{}</text>{}'
                '<text x="{}" y="{}" font-size="13" fill="{}">{}</text></g>',
                label,
                _number(total),
                top + LABEL_LINE - 4,
                COLOURS["text"],
                text,
                mark_safe("".join(segments)),
                round(left + 6, 1),
                bar_top + BAR_HEIGHT - 4,
                COLOURS["text"],
                _number(total),
            )
        )
        top = bar_top + BAR_HEIGHT + BAR_GAP
    height = max(top, 2 * LABEL_LINE + BAR_HEIGHT + 2 * BAR_GAP)
    return _svg(uid, width, height, title, description, mark_safe("".join(parts)))


def month_chart(title: str, description: str, months: Sequence[tuple[date, float]]) -> SafeString:
    """One column per calendar month, oldest first; months without any stay on the axis.

    ``months`` has no gaps (``queries.fill_months``). The axis names the
    months (at most about twelve of them) and the year under its first
    month and under each January.
    """
    uid = next(_ids)
    width, height = 560, 210
    left, right, top, bottom = 36, 8, 20, 44
    plot_w, plot_h = width - left - right, height - top - bottom
    largest = max((value or 0 for _month, value in months), default=0) or 1
    slot = plot_w / max(len(months), 1)
    bar_w = round(min(slot * 0.7, 40), 1)
    every = -(-len(months) // 12)  # label one month in ``every``
    base = top + plot_h
    parts = [
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"></line>'
            '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="{}">{}</text>'
            '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="{}">0</text>',
            left,
            base,
            left + plot_w,
            base,
            COLOURS["axis"],
            left - 6,
            top + 4,
            COLOURS["text"],
            _number(largest),
            left - 6,
            base,
            COLOURS["text"],
        )
    ]
    for i, (month, value) in enumerate(months):
        centre = round(left + slot * i + slot / 2, 1)
        bar_h = round(plot_h * max(value or 0, 0) / largest, 1)
        shown_value = (
            format_html(
                '<text x="{}" y="{}" font-size="10" text-anchor="middle" fill="{}">{}</text>',
                centre,
                base - bar_h - 4,
                COLOURS["text"],
                _number(value),
            )
            if value and len(months) <= 24
            else ""
        )
        ticks = ""
        if i % every == 0:
            year = date_format(month, "Y") if i == 0 or month.month <= every else ""
            ticks = format_html(
                '<text x="{x}" y="{y1}" font-size="11" text-anchor="middle" fill="{c}">{m}</text>'
                '<text x="{x}" y="{y2}" font-size="11" text-anchor="middle" fill="{c}">{year}'
                "</text>",
                x=centre,
                y1=base + 15,
                y2=base + 30,
                c=COLOURS["text"],
                m=date_format(month, pgettext("short month on a chart axis (date format)", "M")),
                year=year,
            )
        parts.append(
            format_html(
                "<g><title>{}: {}</title>"
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>{}{}</g>',
                date_format(month, "YEAR_MONTH_FORMAT"),
                _number(value),
                round(centre - bar_w / 2, 1),
                base - bar_h,
                bar_w,
                bar_h,
                COLOURS["bar"],
                shown_value,
                ticks,
            )
        )
    return _svg(uid, width, height, title, description, mark_safe("".join(parts)))


def month_rows(months: Sequence[tuple[date, float]]) -> list[tuple[str, float]]:
    """The chart's months as the table beside it names them ("November 2026")."""
    return [(date_format(month, "YEAR_MONTH_FORMAT"), value) for month, value in months]


def _svg(uid, width, height, title, description, body) -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" role="img" '
        'width="{w}" height="{h}" viewBox="0 0 {w} {h}" '
        'aria-labelledby="chart-title-{uid} chart-desc-{uid}">'
        '<title id="chart-title-{uid}">{title}</title>'
        '<desc id="chart-desc-{uid}">{desc}</desc>{body}</svg>',
        w=width,
        h=height,
        uid=uid,
        title=title,
        desc=description,
        body=body,
    )
