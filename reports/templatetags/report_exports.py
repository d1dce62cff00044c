"""Template helpers of the report pages."""

from django import template

register = template.Library()

#: Parameters of the listing itself, not filters.
NOT_FILTERS = ("p", "export", "_w_filter_fragment", "ordering")


@register.simple_tag(takes_context=True)
def filters_query(context) -> str:
    """The current filters as a query string ("?…", or "" without filters)."""
    params = context["request"].GET.copy()
    for key in NOT_FILTERS:
        params.pop(key, None)
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else ""
