"""Likely duplicate people: active trainee accounts with the same name and agency."""

from django.db.models import Count, Exists, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from certificates.api import Certificate
from learning.api import Enrollment


def _count_of(model, **match) -> Coalesce:
    counted = (
        model.objects.filter(**{field: OuterRef(ref) for field, ref in match.items()})
        .order_by()
        .values(*match)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def duplicate_groups(trainees: QuerySet) -> list[list]:
    """Groups of two or more of ``trainees`` (already scoped) that are likely one person.

    Same agency and the same stored comparison key of the name
    (``accounts.api.name_key``: case, accents, punctuation and spacing
    ignored); only active accounts, since a merged-away account is inactive.
    One query, whatever the number of trainees: the accounts that have a twin
    in the same scope (on the agency and key index), with their enrolment and
    certificate counts; only they are read, never every trainee.
    """
    visible = trainees.filter(is_active=True, agency__isnull=False).exclude(name_key="")
    twin = visible.filter(agency_id=OuterRef("agency_id"), name_key=OuterRef("name_key")).exclude(
        pk=OuterRef("pk")
    )
    accounts = (
        visible.filter(Exists(twin.order_by().values("pk")))
        .select_related("country", "agency")
        .annotate(
            enrolment_count=_count_of(Enrollment, user="pk"),
            certificate_count=_count_of(Certificate, user="pk"),
        )
        .order_by("date_joined", "pk")
    )
    groups: dict[tuple, list] = {}
    for account in accounts:
        groups.setdefault((account.name_key, account.agency_id), []).append(account)
    return [groups[key] for key in sorted(groups)]
