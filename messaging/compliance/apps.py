from django.apps import AppConfig


class ComplianceConfig(AppConfig):
    """The guard every outbound message passes: Amazon's messaging rules, plus each account's own."""

    name = "messaging.compliance"
    label = "compliance"
