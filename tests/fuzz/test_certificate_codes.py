"""Fuzzing certificate codes: normalisation and the public verification page."""

from urllib.parse import quote

from django.core.cache import cache
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from certificates.codes import (
    ALPHABET,
    LENGTH,
    MalformedCode,
    code_display,
    code_normalize,
)

from .strategies import FUZZ, PURE, nasty_text

code_like = st.one_of(
    nasty_text,
    st.text(alphabet=ALPHABET + "oOiIlL- _.\t", min_size=10, max_size=24),
)


@PURE
@given(code_like)
def test_normalise_returns_a_stored_code_or_refuses(text):
    try:
        code = code_normalize(text)
    except MalformedCode:
        return
    assert len(code) == LENGTH and set(code) <= set(ALPHABET)
    assert code_normalize(code) == code
    assert code_normalize(code_display(code)) == code


class VerifyFuzz(TestCase):
    @FUZZ
    @given(code_like)
    def test_verify_page_answers_without_error(self, text):
        cache.clear()  # the look-up throttle would answer 429 after a few misses
        path = quote(text.replace("/", ""), safe="")
        response = self.client.get(f"/en/certificates/verify/{path}/")
        assert response.status_code in (301, 302, 400, 404), response.status_code
        form = self.client.get("/en/certificates/verify/", {"code": text})
        assert form.status_code in (200, 302), form.status_code
