"""Pure helpers for the figures the harness prints (no Django, no I/O)."""

import math
import statistics


def percentile(values, fraction: float) -> float:
    """The ``fraction`` quantile (0..1) of ``values``, inclusive method.

    Linear interpolation between the two closest ranks at position
    ``fraction * (n - 1)`` (numpy's default, ``statistics.quantiles(...,
    method="inclusive")``): always a value between the minimum and the maximum,
    exact for a single value, and the 95th percentile of ten values is not
    simply their maximum.
    """
    if not 0 <= fraction <= 1:
        raise ValueError(f"fraction must be between 0 and 1, not {fraction}")
    ordered = sorted(values)
    if not ordered:
        raise ValueError("percentile of no values")
    position = fraction * (len(ordered) - 1)
    below = math.floor(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def format_percent(ratio: float) -> str:
    """A ratio as a percentage with one decimal: 0.025 → "2.5 %"."""
    if ratio is None or math.isnan(ratio):
        return "n/a"
    return f"{ratio * 100:.1f} %"


def spread(values) -> dict:
    """Median, minimum and maximum of repeated runs, and how far they stray from the median."""
    values = list(values)
    if not values:
        raise ValueError("spread of no values")
    middle = statistics.median(values)
    low, high = min(values), max(values)
    return {
        "median": middle,
        "min": low,
        "max": high,
        "below": (low - middle) / middle if middle else float("nan"),
        "above": (high - middle) / middle if middle else float("nan"),
    }


def format_spread(values, unit: str = "") -> str:
    """``1980–2100 req/s (−2.2 % / +3.8 % of the median 2024)``."""
    s = spread(values)
    suffix = f" {unit}" if unit else ""
    below = "n/a" if math.isnan(s["below"]) else f"−{abs(s['below']) * 100:.1f} %"
    above = "n/a" if math.isnan(s["above"]) else f"+{s['above'] * 100:.1f} %"
    return (
        f"{s['min']:.0f}–{s['max']:.0f}{suffix} ({below} / {above} of the median {s['median']:.0f})"
    )
