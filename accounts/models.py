"""People and where they come from: partner countries, agencies, users.

The trainee profile (full name, country, agency, job title, preferred
language, sex) lives on the user row itself: reports group by country and agency
on every query, and one table keeps those queries free of joins.
"""

from django.contrib.auth.models import AbstractUser, BaseUserManager
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

from core import languages

from .audit_targets import target_label
from .names import KEY_LENGTH, name_key
from .validators import validate_printable_name


class PartnerCountry(index.Indexed, models.Model):
    """A country whose officers take part in the programme."""

    code = models.CharField(
        _("ISO code"),
        max_length=2,
        unique=True,
        help_text=_("Two-letter ISO 3166 code, e.g. HN."),
    )
    name = models.CharField(_("name"), max_length=100, validators=[validate_printable_name])

    panels = [FieldPanel("code"), FieldPanel("name")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["code"]
        verbose_name = _("partner country")
        verbose_name_plural = _("partner countries")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.code = self.code.upper()
        super().save(*args, **kwargs)


class Agency(index.Indexed, models.Model):
    """An institution of a partner country (police, prosecution service...)."""

    country = models.ForeignKey(
        PartnerCountry,
        verbose_name=_("country"),
        on_delete=models.PROTECT,
        related_name="agencies",
    )
    name = models.CharField(_("name"), max_length=200, validators=[validate_printable_name])

    panels = [FieldPanel("country"), FieldPanel("name")]
    search_fields = [index.SearchField("name"), index.FilterField("country")]

    class Meta:
        ordering = ["country__code", "name"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")
        constraints = [
            models.UniqueConstraint(fields=["country", "name"], name="agency_unique_per_country")
        ]

    def __str__(self) -> str:
        return self.name


class UserManager(BaseUserManager):
    """Users are identified by e-mail; there is no username."""

    use_in_migrations = True

    def _create_user(self, email, password, **extra_fields):
        if not email:
            raise ValueError("An e-mail address is required.")
        user = self.model(email=self.normalize_email(email).lower(), **extra_fields)
        user.set_password(password)
        user.save(using=self._db)
        return user

    def create_user(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", False)
        extra_fields.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra_fields)

    def create_superuser(self, email, password=None, **extra_fields):
        extra_fields.setdefault("is_staff", True)
        extra_fields.setdefault("is_superuser", True)
        return self._create_user(email, password, **extra_fields)


class User(AbstractUser):
    """Anyone who signs in: trainees, trainers, program managers, admins.

    A program manager's scope is ``managed_countries`` (the countries whose
    trainees they may see) or ``manages_all_countries``. A manager with
    neither sees no trainee data at all: the scope fails closed, so an account
    created in a hurry never sees more than it was given.
    """

    class Language(models.TextChoices):
        """Named codes for code that means one language. The field's choices are every
        language of settings.LANGUAGES (``core.languages.choices``), not this list."""

        ENGLISH = "en", "English"
        SPANISH = "es", "Español"

    class Sex(models.TextChoices):
        """What a trainee states, for the funder's "people trained by sex"; reports show
        only totals. An empty value (not asked, or not answered) is not one of them."""

        FEMALE = "female", pgettext_lazy("sex", "Female")
        MALE = "male", pgettext_lazy("sex", "Male")
        UNDISCLOSED = "undisclosed", pgettext_lazy("sex", "Prefers not to say")

    username = None
    first_name = None
    last_name = None
    email = models.EmailField(_("e-mail address"), unique=True)
    full_name = models.CharField(
        _("full name"), max_length=200, validators=[validate_printable_name]
    )
    country = models.ForeignKey(
        PartnerCountry,
        verbose_name=_("partner country"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    agency = models.ForeignKey(
        Agency,
        verbose_name=_("agency"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="users",
    )
    #: ``full_name`` as likely duplicates are compared (``names.name_key``),
    #: kept by ``save``; indexed with the agency so the report groups in SQL.
    name_key = models.CharField(
        _("name for comparison"),
        max_length=KEY_LENGTH,
        blank=True,
        default="",
        db_default="",
        editable=False,
    )
    job_title = models.CharField(_("job title"), max_length=200, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=languages.choices,
        default=Language.SPANISH,
    )
    # Optional: empty means not asked or not answered, which reports count as
    # "not stated" rather than guessing.
    sex = models.CharField(
        _("sex"),
        max_length=12,
        choices=Sex.choices,
        blank=True,
        default="",
        # Also the database's default: a row written without it (an application
        # server still running the previous release during a deploy) is "not stated".
        db_default="",
        help_text=_(
            "The funder's reports count people trained by sex; only totals are shown, "
            "never your answer."
        ),
    )
    managed_countries = models.ManyToManyField(
        PartnerCountry,
        verbose_name=_("countries managed"),
        blank=True,
        related_name="managers",
        help_text=_(
            "For program managers: the partner countries whose trainees they see. "
            "With none (and without all partner countries) they see no trainee data."
        ),
    )
    manages_all_countries = models.BooleanField(
        _("all partner countries"),
        default=False,
        help_text=_(
            "For program managers: see the trainees of every partner country, "
            "including countries added later."
        ),
    )

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["full_name"]

    class Meta:
        ordering = ["full_name"]
        verbose_name = _("user")
        verbose_name_plural = _("users")
        indexes = [
            models.Index(fields=["agency", "name_key"], name="accounts_user_agency_name"),
        ]

    def save(self, *args, **kwargs):
        self.name_key = name_key(self.full_name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "full_name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "name_key"}
        super().save(*args, **kwargs)

    def __str__(self) -> str:
        return self.full_name or self.email

    def get_full_name(self) -> str:
        return self.full_name

    def get_short_name(self) -> str:
        return self.full_name.split(" ")[0] if self.full_name else self.email

    @property
    def is_program_manager(self) -> bool:
        return self.is_superuser or self.groups.filter(name=PROGRAM_MANAGERS_GROUP).exists()

    @property
    def is_trainer(self) -> bool:
        return self.groups.filter(name=TRAINERS_GROUP).exists()


TRAINERS_GROUP = "Trainers"
PROGRAM_MANAGERS_GROUP = "Program managers"


class AuditEvent(models.Model):
    """The one audit trail: who did what to whose data, and when.

    Managers' actions on personal data (report exports, transcript views),
    trainees' privacy actions (data downloads, deleted accounts), and what
    happened to each certificate (issued, revoked, reissued, renewed,
    downloaded in bulk). A line about one object points to it through
    ``content_type``/``object_id`` (a certificate's lines are its ``events``),
    so this app depends on none of the apps whose objects it records.
    ``target`` never holds a trainee's name or e-mail, only what was touched
    (e.g. "transcript of trainee 42", "certificate 7KQ4-M2ZD-X9PA-3HRT"), so
    the log keeps no personal data once an account is deleted.
    """

    class Action(models.TextChoices):
        REPORT_EXPORTED = "report_exported", _("report exported")
        TRANSCRIPT_VIEWED = "transcript_viewed", _("transcript viewed")
        DATA_DOWNLOADED = "data_downloaded", _("personal data downloaded")
        ACCOUNT_DELETED = "account_deleted", _("account deleted")
        PROFILE_COUNTRY_CHANGED = "profile_country_changed", _("profile country changed")
        ACCOUNTS_MERGED = "accounts_merged", _("accounts merged")
        # Certificates (the values are those of the certificate's history).
        CERTIFICATE_ISSUED = "issued", _("certificate issued")
        CERTIFICATE_REVOKED = "revoked", _("certificate revoked")
        CERTIFICATE_REISSUED = "reissued", _("certificate reissued")
        CERTIFICATE_RENEWED = "renewed", _("certificate renewed")
        CERTIFICATE_DOWNLOADED_BULK = "downloaded_bulk", _("certificate downloaded in bulk")
        # Vetting decisions (the vetting app).
        VETTING_CLEARED = "vetting_cleared", _("vetting cleared")
        VETTING_REFUSED = "vetting_refused", _("vetting refused")

    actor = models.ForeignKey(
        "accounts.User",
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    # Snapshot of who acted, so the log still says who after a staff account
    # is removed; blanked when a trainee deletes their own account.
    actor_label = models.CharField(_("by (at the time)"), max_length=254, blank=True)
    action = models.CharField(_("action"), max_length=30, choices=Action.choices)
    target = models.CharField(_("target"), max_length=255)
    # Whose data, while the account exists (the trainee's own data download
    # lists who looked at their transcript).
    subject = models.ForeignKey(
        "accounts.User",
        verbose_name=_("trainee concerned"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    country = models.CharField(_("country code"), max_length=2, blank=True)
    at = models.DateTimeField(_("at"), default=timezone.now, db_index=True)
    # The object the line is about, when there is one (e.g. a certificate).
    content_type = models.ForeignKey(
        ContentType,
        verbose_name=_("type of object"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    object_id = models.PositiveBigIntegerField(_("object id"), null=True, blank=True)
    about = GenericForeignKey("content_type", "object_id")
    note = models.TextField(_("note"), blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        indexes = [models.Index(fields=["content_type", "object_id"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.target}"

    def target_label(self) -> str:
        """The target in the reader's language (the stored text holds ids, never names)."""
        return target_label(self.target)

    target_label.short_description = _("target")
    target_label.admin_order_field = "target"
