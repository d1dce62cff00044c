"""Points Wagtail's users app at the platform's user view set.

Listed in INSTALLED_APPS instead of "wagtail.users" (same app, same label):
Wagtail reads ``user_viewset`` from this config to build Users → Add / Edit.
"""

from wagtail.users.apps import WagtailUsersAppConfig


class UsersAppConfig(WagtailUsersAppConfig):
    user_viewset = "accounts.viewsets.UserViewSet"
