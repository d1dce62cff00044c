"""Server-rendered SVG charts: pure functions from plain data to markup.

No JavaScript and no chart library: the admin pages, the printed transcript
and the PDF summary all embed the same SVG. Each chart carries a ``<title>``
and a ``<desc>`` (read by screen readers) and is always shown beside the
table holding the same figures.
"""

from collections.abc import Sequence
from itertools import count

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

_ids = count(1)

BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 150
VALUE_WIDTH = 48
PLOT_WIDTH = 320
COLOURS = {"bar": "#1d4f91", "line": "#0f6e5a", "axis": "#5a5a5a", "text": "#1f1f1f"}


LABEL_CHARS = 22


def _short(label: str) -> str:
    """Labels longer than the label column are cut; the full text stays in a <title>."""
    label = str(label)
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def _number(value) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def bar_chart(title: str, description: str, rows: Sequence[tuple[str, float]]) -> SafeString:
    """Horizontal bars, one per ``(label, value)`` row, scaled to the largest value."""
    uid = next(_ids)
    largest = max((value for _label, value in rows), default=0) or 1
    width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH
    height = max(len(rows), 1) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP
    bars = []
    for position, (label, value) in enumerate(rows):
        y = BAR_GAP + position * (BAR_HEIGHT + BAR_GAP)
        length = round(PLOT_WIDTH * (value or 0) / largest, 1)
        bars.append(
            format_html(
                "<g><title>{}: {}</title>"
                '<text x="{}" y="{}" text-anchor="end" font-size="13" fill="{}">{}</text>'
                '<rect x="{}" y="{}" width="{}" height="{}" fill="{}"></rect>'
                '<text x="{}" y="{}" font-size="13" fill="{}">{}</text></g>',
                label,
                _number(value),
                LABEL_WIDTH - 8,
                y + BAR_HEIGHT - 6,
                COLOURS["text"],
                _short(label),
                LABEL_WIDTH,
                y,
                length,
                BAR_HEIGHT,
                COLOURS["bar"],
                LABEL_WIDTH + length + 6,
                y + BAR_HEIGHT - 6,
                COLOURS["text"],
                _number(value),
            )
        )
    return _svg(uid, width, height, title, description, mark_safe("".join(bars)))


def line_chart(title: str, description: str, points: Sequence[tuple[str, float]]) -> SafeString:
    """A line over ``(label, value)`` points in order (e.g. months), with dots and axis labels."""
    uid = next(_ids)
    width, height = 520, 220
    left, right, top, bottom = 48, 56, 16, 40
    plot_w, plot_h = width - left - right, height - top - bottom
    largest = max((value for _label, value in points), default=0) or 1
    step = plot_w / max(len(points) - 1, 1)
    # A single point sits in the middle rather than on the axis.
    offset = plot_w / 2 if len(points) == 1 else 0
    coords = [
        (
            round(left + offset + i * step, 1),
            round(top + plot_h - plot_h * (value or 0) / largest, 1),
        )
        for i, (_label, value) in enumerate(points)
    ]
    parts = [
        format_html(
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"></line>'
            '<line x1="{}" y1="{}" x2="{}" y2="{}" stroke="{}"></line>'
            '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="{}">{}</text>'
            '<text x="{}" y="{}" font-size="11" text-anchor="end" fill="{}">0</text>',
            left,
            top,
            left,
            top + plot_h,
            COLOURS["axis"],
            left,
            top + plot_h,
            left + plot_w,
            top + plot_h,
            COLOURS["axis"],
            left - 4,
            top + 10,
            COLOURS["text"],
            _number(largest),
            left - 4,
            top + plot_h,
            COLOURS["text"],
        )
    ]
    if len(coords) > 1:
        parts.append(
            format_html(
                '<polyline fill="none" stroke="{}" stroke-width="2" points="{}"></polyline>',
                COLOURS["line"],
                " ".join(f"{x},{y}" for x, y in coords),
            )
        )
    # Label at most about ten months so that the axis stays readable.
    every = max(1, round(len(points) / 10))
    parts.append(
        format_html_join(
            "",
            '<circle cx="{}" cy="{}" r="3" fill="{}"><title>{}: {}</title></circle>',
            (
                (x, y, COLOURS["line"], label, _number(value))
                for (x, y), (label, value) in zip(coords, points, strict=True)
            ),
        )
    )
    parts.append(
        format_html_join(
            "",
            '<text x="{}" y="{}" font-size="11" text-anchor="middle" fill="{}">{}</text>',
            (
                (x, top + plot_h + 16, COLOURS["text"], label)
                for i, ((x, _y), (label, _v)) in enumerate(zip(coords, points, strict=True))
                if i % every == 0
            ),
        )
    )
    return _svg(uid, width, height, title, description, mark_safe("".join(parts)))


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
