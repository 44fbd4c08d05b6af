from django.conf import settings
from django.db import models

from helpdesk.models import SellerAccount

from .checker import PHRASE, REGEX, CustomRule


class ComplianceRule(models.Model):
    """An account's own rule on top of Amazon's: a phrase or a regular expression, with the message agents see."""

    class Kind(models.TextChoices):
        PHRASE = PHRASE, "Phrase"
        REGEX = REGEX, "Regular expression"

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="compliance_rules")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.PHRASE)
    pattern = models.CharField(
        max_length=500,
        help_text=(
            "A phrase (whole words; case and accents ignored) or a regular expression in RE2 syntax (case ignored; "
            "no look-arounds or back-references)."
        ),
    )
    message = models.CharField(max_length=300, help_text="What the agent is told when a message matches.")
    blocking = models.BooleanField(default=True, help_text="Refuse to send while it matches; otherwise only advise.")
    active = models.BooleanField(default=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [models.Index(fields=["account", "active"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.pattern}"

    @property
    def rule_name(self) -> str:
        """How the checker names this rule's findings, and how approvals count it."""
        return f"custom-{self.pk}"

    def as_checker_rule(self) -> CustomRule:
        return CustomRule(
            name=self.rule_name, kind=self.kind, pattern=self.pattern, message=self.message, blocking=self.blocking
        )


class AllowedDomain(models.Model):
    """A web address agents may send to this account's buyers (it and its subdomains)."""

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="allowed_domains")
    domain = models.CharField(max_length=253)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["domain"]
        constraints = [models.UniqueConstraint(fields=["account", "domain"], name="allowed_domain_unique_per_account")]

    def __str__(self) -> str:
        return self.domain


class ComplianceApproval(models.Model):
    """A manager let one reply through despite blocking findings: who, why, what, and which rules it overrode.

    Append-only, written by `compliance_approve`. `reply_key` names the outbound reply it approved once the
    outbound messages exist (their model fills it; empty until then).
    """

    account = models.ForeignKey(SellerAccount, on_delete=models.CASCADE, related_name="compliance_approvals")
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="compliance_approvals"
    )
    reason = models.TextField()
    text = models.TextField(help_text="The draft as approved.")
    findings = models.JSONField(
        help_text="The findings the approval overrode: rule, start, end, text, explanation, blocking."
    )
    reply_key = models.CharField(max_length=100, blank=True, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["account", "-created_at"], name="approval_account_time")]
        constraints = [models.CheckConstraint(condition=~models.Q(reason=""), name="approval_reason_required")]

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.approved_by}"

    @property
    def overridden_rules(self) -> list[str]:
        return list(dict.fromkeys(f["rule"] for f in self.findings if f["blocking"]))
