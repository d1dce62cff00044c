"""Hypothesis strategies shared by the fuzz tests: hostile strings and numbers."""

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

#: Bounded: the whole fuzz package runs in well under 90 s on SQLite.
FUZZ = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
PURE = settings(max_examples=300, deadline=None)

huge_ints = st.integers(min_value=-(2**70), max_value=2**70).map(str)
nasty_text = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=190, max_size=260),
    st.sampled_from(
        [
            "",
            " ",
            "\x00",
            "０１２",  # full-width digits: int() accepts them
            "٣",  # Arabic-Indic digit
            "1e9",
            "-1",
            "NaN",
            "' OR 1=1 --",
            "<script>alert(1)</script>",
            "ñandú Ünïcödé 🚓",
            "a" * 5000,
        ]
    ),
)
