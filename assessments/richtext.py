"""Question text that arrives with markup (GIFT ``[html]`` and ``[markdown]``).

Pure functions. Markup from an imported file is never trusted: it is reduced
to a small allow-list of tags a question needs (emphasis, lists, code, line
breaks, links, tables) before it is stored, and again before it is shown.
"""

import html

import markdown as markdown_lib
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "b", "em", "i", "u", "sub", "sup", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "span", "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto"}


def sanitize_html(text: str) -> str:
    """``text`` with every tag, attribute and URL scheme outside the allow-list removed."""
    return nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    ).strip()


def markdown_to_html(text: str) -> str:
    """Markdown rendered to sanitised HTML (raw HTML inside it is sanitised too)."""
    return sanitize_html(markdown_lib.markdown(text))


def html_to_text(text: str) -> str:
    """Plain text of an HTML fragment (for choice labels, titles and search)."""
    return html.unescape(nh3.clean(text, tags=set())).strip()
