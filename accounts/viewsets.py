"""Users in the Wagtail admin, with the platform's own account form.

Wagtail's ``UserViewSet`` keeps its listing, filters, history and bulk
actions; create and edit use ``StaffAccountForm`` and save through
``staff_account_save``, so an account made in the admin gets the same role,
scope and e-mail handling as one made by ``seed_demo``. Only administrators
(superusers) manage accounts: the role field can make an administrator, so a
delegated "change user" permission would be a way up.
"""

from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.log_actions import log
from wagtail.users.views import users as wagtail_users

from .admin_forms import StaffAccountForm
from .roles import role_of
from .services import staff_account_save


class AdministratorsOnlyMixin:
    """Wagtail's "no permission" answer to everyone but superusers."""

    def user_has_permission(self, permission):
        return self.request.user.is_superuser

    def user_has_any_permission(self, permissions):
        return self.request.user.is_superuser

    def user_has_permission_for_instance(self, permission, instance):
        return self.request.user.is_superuser


class IndexView(AdministratorsOnlyMixin, wagtail_users.IndexView):
    @cached_property
    def search_fields(self):
        return ["email", "full_name"]

    @cached_property
    def columns(self):
        columns = list(super().columns)
        role_column = Column(
            "role",
            accessor=lambda user: role.label if (role := role_of(user)) else "",
            label=_("Role"),
            width="15%",
        )
        columns.insert(3, role_column)
        return columns

    def get_base_queryset(self):
        return super().get_base_queryset().prefetch_related("groups")


class CreateView(AdministratorsOnlyMixin, wagtail_users.CreateView):
    def save_instance(self):
        user = staff_account_save(user=None, actor=self.request.user, **self.form.service_kwargs())
        log(instance=user, action="wagtail.create", user=self.request.user)
        return user


class EditView(AdministratorsOnlyMixin, wagtail_users.EditView):
    def save_instance(self):
        user = staff_account_save(
            user=self.object, actor=self.request.user, **self.form.service_kwargs()
        )
        log(instance=user, action="wagtail.edit", user=self.request.user)
        return user


class DeleteView(AdministratorsOnlyMixin, wagtail_users.DeleteView):
    pass


class HistoryView(AdministratorsOnlyMixin, wagtail_users.HistoryView):
    pass


class UserViewSet(wagtail_users.UserViewSet):
    """Wagtail's user management with the platform's account form."""

    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    create_template_name = "wagtailadmin/generic/create.html"
    edit_template_name = "wagtailadmin/generic/edit.html"

    def get_form_class(self, for_update=False):
        return StaffAccountForm
