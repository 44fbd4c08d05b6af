from django.apps import AppConfig

from helpdesk.registry import Contribution, NavLink, SettingsPage, registry


class ComplianceConfig(AppConfig):
    """The guard every outbound message passes: Amazon's messaging rules, plus each account's own."""

    name = "messaging.compliance"
    label = "compliance"

    def ready(self) -> None:
        registry.register(
            Contribution(
                label="compliance",
                urls=(("messages/compliance/", "messaging.compliance.urls"),),
                nav=(NavLink("Message check", "compliance:check", position=30, menu="Mail"),),
                settings=(
                    SettingsPage(
                        "Message rules",
                        "compliance:rules",
                        position=40,
                        description="Your own words and domains the compliance check refuses or allows",
                        per_account=False,
                    ),
                ),
            )
        )
