"""Demo partner countries, agencies and accounts (DESIGN.md, "Demo accounts")."""

from modeltranslation.utils import build_localized_fieldname

from accounts.api import Agency, PartnerCountry, Role, User, staff_account_save

from . import data

DEMO_PASSWORD = "Demo-Training-2026"  # demo only; documented in DESIGN.md and README

DEMO_ACCOUNTS = [
    # email, full name, country, language, role, countries managed ("*": all)
    ("admin@example.org", "Ana Administradora", None, "en", Role.ADMINISTRATOR, ()),
    ("trainer@example.org", "Tomás Formador", None, "es", Role.TRAINER, ()),
    ("manager@example.org", "Marta Gestora", None, "en", Role.PROGRAM_MANAGER, "*"),
    ("manager.hn@example.org", "Héctor Núñez", None, "es", Role.PROGRAM_MANAGER, ("HN",)),
    ("trainee.hn@example.org", "María José Núñez Peña", "HN", "es", Role.TRAINEE, ()),
    ("trainee.gt@example.org", "José Ángel Pérez Muñoz", "GT", "es", Role.TRAINEE, ()),
    ("trainee.mx@example.org", "Daniel Hernández Ortiz", "MX", "en", Role.TRAINEE, ()),
]
# What the demo trainees answered when asked their sex (trainee.mx did not answer).
DEMO_SEX = {
    "trainee.hn@example.org": User.Sex.FEMALE,
    "trainee.gt@example.org": User.Sex.MALE,
}


def seed_countries() -> dict[str, PartnerCountry]:
    """The partner countries and their agencies from ``people.yaml`` (names updated)."""
    default_name = build_localized_fieldname("name", data.default_language())
    countries = {}
    for country_data in data.people()["countries"]:
        country, _ = PartnerCountry.objects.get_or_create(
            code=country_data["code"], defaults={"name": data.in_default(country_data["name"])}
        )
        data.set_translated(country, "name", country_data["name"])
        country.save()
        countries[country.code] = country
        for agency_names in country_data["agencies"]:
            agency = Agency.objects.filter(
                country=country, **{default_name: data.in_default(agency_names)}
            ).first()
            if agency is None:
                agency = Agency(country=country)
            data.set_translated(agency, "name", agency_names)
            agency.save()
    return countries


def seed_accounts(countries: dict[str, PartnerCountry]) -> dict[str, User]:
    """Creates the demo accounts through the administrator's service (same roles and scope)."""
    # Trainees with a country are investigators, in their own language.
    job_title = data.people()["job_titles"][0]
    users = {}
    for email, full_name, code, language, role, managed in DEMO_ACCOUNTS:
        user = User.objects.filter(email=email).first()
        if user is None:
            country = countries[code] if code else None
            user = staff_account_save(
                user=None,
                actor=None,
                email=email,
                full_name=full_name,
                role=role,
                country=country,
                agency=Agency.objects.filter(country=country).order_by("pk").first()
                if country
                else None,
                job_title=job_title.get(language, "") if code else "",
                preferred_language=language,
                sex=DEMO_SEX.get(email, ""),
                managed_countries=[countries[c] for c in managed if c != "*"],
                manages_all_countries=managed == "*",
                password=DEMO_PASSWORD,
            )
        elif not user.sex and email in DEMO_SEX:
            # A demo database seeded before sex was asked.
            user.sex = DEMO_SEX[email]
            user.save(update_fields=["sex"])
        users[email] = user
    return users
