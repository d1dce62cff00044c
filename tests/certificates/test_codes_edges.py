"""Certificate codes at their edges (pure functions, no database)."""

import pytest

from certificates.codes import MalformedCode, code_normalize


@pytest.mark.parametrize("typed", ["7KQ4-M2ZD", "", None])
def test_a_malformed_code_is_refused_with_the_text_as_typed(typed):
    with pytest.raises(MalformedCode) as refused:
        code_normalize(typed)
    assert refused.value.args == (typed,)
