import zoneinfo

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models

from helpdesk.marketplaces import MARKETPLACE_CHOICES, MARKETPLACES
from helpdesk.roles import Role

TIMEZONE_CHOICES = [(name, name) for name in sorted(zoneinfo.available_timezones())]


class SellerAccount(models.Model):
    """One Amazon seller account on one marketplace: the unit of tenancy."""

    name = models.CharField(max_length=120)
    slug = models.SlugField(
        max_length=40,
        unique=True,
        help_text="Short name that command-line tools take as ACCOUNT.",
    )
    merchant_id = models.CharField(
        "Amazon merchant / seller id",
        max_length=20,
        validators=[RegexValidator(r"^A[0-9A-Z]{8,19}$", "An Amazon seller id looks like A1B2C3D4E5F6G7.")],
    )
    marketplace = models.CharField(max_length=2, choices=MARKETPLACE_CHOICES)
    timezone = models.CharField(max_length=64, choices=TIMEZONE_CHOICES, default="UTC")
    retention_days = models.PositiveSmallIntegerField(
        "keep buyer data for (days after delivery)",
        default=30,
        validators=[MinValueValidator(1), MaxValueValidator(30)],
        help_text="Amazon's data protection policy allows at most 30 days. Shipping records are kept 6 months.",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def marketplace_id(self) -> str:
        return MARKETPLACES[self.marketplace].marketplace_id

    @property
    def site(self) -> str:
        return MARKETPLACES[self.marketplace].site

    @property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.timezone)


class Membership(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships")
    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.AGENT)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "account"], name="membership_unique_user_account")]
        indexes = [models.Index(fields=["account", "role"])]

    def __str__(self) -> str:
        return f"{self.user} · {self.account} · {self.role}"


class Invitation(models.Model):
    """An admin's invitation of an email address to an account, with a role. The link it is sent
    with carries a token of which only the hash is kept; it works once, until `expires_at`."""

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(help_text="Lower-cased: the address the invitation was sent to.")
    role = models.CharField(max_length=10, choices=Role.choices, default=Role.AGENT)
    token_hash = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the link's token.")
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(
                fields=["account", "email"],
                condition=models.Q(accepted_at__isnull=True, revoked_at__isnull=True),
                name="invitation_pending",
            )
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.account} as {self.role}"
