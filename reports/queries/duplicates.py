"""Likely duplicate people: active trainee accounts with the same name and agency."""

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce

from accounts.api import name_key
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

    Same agency and the same name once compared by ``accounts.api.name_key``
    (case, accents, punctuation and spacing ignored); only active accounts,
    since a merged-away account is inactive. Two queries whatever the number
    of trainees: the names (compared here, because accents cannot be folded
    the same way in every database) and then the accounts of the groups,
    with their enrolment and certificate counts.
    """
    keys: dict[tuple, list[int]] = {}
    for pk, full_name, agency_id in (
        trainees.filter(is_active=True, agency__isnull=False)
        .order_by()
        .values_list("pk", "full_name", "agency_id")
    ):
        keys.setdefault((agency_id, name_key(full_name)), []).append(pk)
    groups = {key: pks for key, pks in keys.items() if len(pks) > 1}
    if not groups:
        return []
    accounts = (
        trainees.filter(pk__in=[pk for pks in groups.values() for pk in pks])
        .select_related("country", "agency")
        .annotate(
            enrolment_count=_count_of(Enrollment, user="pk"),
            certificate_count=_count_of(Certificate, user="pk"),
        )
        .order_by("date_joined", "pk")
    )
    by_pk = {account.pk: account for account in accounts}
    position = {pk: n for n, pk in enumerate(by_pk)}
    ordered = sorted(groups.items(), key=lambda item: (item[0][1], item[0][0]))
    return [[by_pk[pk] for pk in sorted(pks, key=position.get)] for _key, pks in ordered]
