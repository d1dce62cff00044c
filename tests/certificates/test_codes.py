"""Certificate codes: pure functions, no database."""

import random

import pytest

from certificates.codes import (
    ALPHABET,
    LENGTH,
    MalformedCode,
    code_display,
    code_generate,
    code_normalize,
)
from certificates.models import add_months


def test_generated_code_has_16_characters_of_the_unambiguous_alphabet():
    code = code_generate()
    assert len(code) == LENGTH == 16
    assert set(code) <= set(ALPHABET)
    assert not set("ILOU") & set(ALPHABET)


def test_code_carries_at_least_80_bits():
    """16 positions that each take any of 32 symbols: 5 bits each, 80 in all.

    Measured on the generator's output, not on the constants: over 2,000 codes
    every position shows every one of the 32 symbols (a position that missed
    one by chance would take odds of about 1 in 10**25).
    """
    codes = [code_generate() for _ in range(2000)]
    assert {len(code) for code in codes} == {16}
    for position in range(16):
        seen = {code[position] for code in codes}
        assert len(seen) == 32, (position, sorted(set(ALPHABET) - seen))


def test_codes_do_not_follow_the_seeded_random_module():
    # Drawn from the OS's secure generator: reseeding ``random`` repeats nothing.
    random.seed(2026)
    first = code_generate()
    random.seed(2026)
    assert code_generate() != first


def test_every_generated_code_is_accepted_back_as_displayed_or_typed():
    for _ in range(200):
        code = code_generate()
        assert code_normalize(code_display(code)) == code
        assert code_normalize(code_display(code).lower().replace("-", " ")) == code


def test_codes_are_not_sequential_nor_repeated():
    codes = [code_generate() for _ in range(500)]
    assert len(set(codes)) == 500
    assert codes != sorted(codes)
    # Consecutive codes share no long common prefix (they are random, not counters).
    shared = sum(1 for a, b in zip(codes, codes[1:], strict=False) if a[:4] == b[:4])
    assert shared < 5


def test_code_is_displayed_in_groups_of_four():
    assert code_display("7KQ4M2ZDX9PA3HRT") == "7KQ4-M2ZD-X9PA-3HRT"


@pytest.mark.parametrize(
    "typed",
    ["7KQ4-M2ZD-X9PA-3HRT", "7kq4-m2zd-x9pa-3hrt", "7KQ4 M2ZD X9PA 3HRT", " 7kq4m2zdx9pa3hrt "],
)
def test_code_is_accepted_in_any_case_with_or_without_separators(typed):
    assert code_normalize(typed) == "7KQ4M2ZDX9PA3HRT"


def test_look_alike_letters_are_read_as_digits():
    assert code_normalize("OIL0-0000-0000-0000") == "0110000000000000"


@pytest.mark.parametrize(
    "typed",
    ["", "ABC", "7KQ4-M2ZD-X9PA-3HR", "7KQ4-M2ZD-X9PA-3HRTX", "UUUU-UUUU-UUUU-UUUU", "<script>"],
)
def test_malformed_codes_are_refused(typed):
    with pytest.raises(MalformedCode):
        code_normalize(typed)


def test_add_months_keeps_the_day_or_clamps_to_month_end():
    from datetime import datetime

    assert add_months(datetime(2026, 1, 31), 1) == datetime(2026, 2, 28)
    assert add_months(datetime(2026, 11, 15), 24) == datetime(2028, 11, 15)
    assert add_months(datetime(2027, 12, 1), 1) == datetime(2028, 1, 1)
