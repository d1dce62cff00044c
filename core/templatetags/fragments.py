"""``{% fragment "name" key %}…{% endfragment %}``: a part of a page that is the
same for every visitor, rendered once per key and language.

The key (``core.pages.fragment_key``) holds the release and the content
version, so a publish or a deployment renders afresh; an empty key (a preview
of a draft) renders without storing. Rendered parts are kept in the shared
cache and in each process (core/content_version.py).
"""

from django import template
from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.safestring import mark_safe

from core import content_version

register = template.Library()

TIMEOUT = 24 * 3600


class FragmentNode(template.Node):
    def __init__(self, name, key, nodelist):
        self.name, self.key, self.nodelist = name, key, nodelist

    def render(self, context):
        key = self.key.resolve(context)
        if not key or not settings.FRAGMENT_CACHE:
            return self.nodelist.render(context)
        full_key = f"fragment:{self.name.resolve(context)}:{translation.get_language()}:{key}"
        html = content_version.recall(full_key)
        if html is None:
            html = cache.get(full_key)
            if html is None:
                html = self.nodelist.render(context)
                cache.set(full_key, str(html), TIMEOUT)
            content_version.keep(full_key, str(html))
        return mark_safe(html)


@register.tag("fragment")
def do_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 3:
        raise template.TemplateSyntaxError('usage: {% fragment "name" key %}')
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(parser.compile_filter(bits[1]), parser.compile_filter(bits[2]), nodelist)
