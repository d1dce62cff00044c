"""Look: nothing overflows or is cut off (Spanish is the longer language) at phone and
desktop widths, and every key page is saved as a screenshot for review under
tests/e2e/artifacts/screenshots/ (git-ignored; the phone ones come from test_accessibility).
"""

import pytest

from tests.e2e.conftest import DESKTOP
from tests.e2e.helpers import screenshot, sign_in
from tests.e2e.tour import public_pages, trainee_pages

# Elements wider inside than outside, except scroll containers that are meant to scroll
# and the visually-hidden text kept for screen readers.
OVERFLOWING = """() => {
  const found = [];
  for (const el of document.querySelectorAll("body *")) {
    if (el.closest(".table-scroll, .visually-hidden, .skip-link")) continue;
    const style = getComputedStyle(el);
    if (style.display === "inline" || style.display === "none") continue;
    if (el.clientWidth > 0 && el.scrollWidth > el.clientWidth + 1) {
      const text = (el.innerText || el.value || "").trim().slice(0, 40);
      const name = `${el.tagName.toLowerCase()}.${el.className}`;
      found.push(`${name} (${el.scrollWidth} > ${el.clientWidth}) ${text}`);
    }
  }
  if (document.documentElement.scrollWidth > window.innerWidth) {
    found.push(`page scrolls sideways: ${document.documentElement.scrollWidth}px`);
  }
  return found;
}"""


def visit_all(page, base, language, *, name_suffix=None):
    """Every key page in ``language``; returns {path: overflowing elements}."""
    problems = {}
    tour = trainee_pages()
    for stage, pages in (("public", public_pages()), ("trainee", tour)):
        if stage == "trainee":
            sign_in(page, base, "trainee.hn@example.org", language=language)
        for name, urls in pages:
            page.goto(base + urls[language])
            found = page.evaluate(OVERFLOWING)
            if found:
                problems[urls[language]] = found
            if name_suffix is not None:
                screenshot(page, f"{name}-{language}")
    return problems


def test_spanish_text_never_overflows_on_a_phone(live_server, demo, page):
    assert page.viewport_size["width"] == 390
    assert visit_all(page, live_server.url, "es") == {}


@pytest.mark.parametrize("language", ["en", "es"])
def test_key_pages_fit_and_are_saved_at_desktop_width(live_server, demo, open_page, language):
    page = open_page(viewport=DESKTOP)
    assert visit_all(page, live_server.url, language, name_suffix="desktop") == {}
