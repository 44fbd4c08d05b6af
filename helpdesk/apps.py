from datetime import timedelta

from celery.schedules import crontab, schedule
from django.apps import AppConfig
from django.conf import settings
from django.core import checks

from helpdesk.checks import spapi_account_check
from helpdesk.importing import HEALTH_REPORT, ORDERS_REPORT
from helpdesk.registry import Contribution, Importer, NavLink, SettingsPage, registry


class HelpdeskConfig(AppConfig):
    name = "helpdesk"
    verbose_name = "Helpdesk core"

    def ready(self) -> None:
        """The core's own pages and jobs go through the registry like every app's; every login learns
        what it still owes (a second factor) from `login_obligations`."""
        from django.contrib.auth.signals import user_logged_in

        from helpdesk.views.auth import login_obligations

        user_logged_in.connect(login_obligations, dispatch_uid="helpdesk.login_obligations")
        checks.register(spapi_account_check)
        every = settings.SWEEP_INTERVAL_S
        registry.register(
            Contribution(
                label="helpdesk",
                urls=(("", "helpdesk.app_urls"),),
                nav=(
                    NavLink("Queue", "helpdesk:queue", position=10, accesskey="q"),
                    NavLink("Dashboard", "helpdesk:dashboard", role="manager", position=60, menu="Reports"),
                    NavLink("Metrics", "helpdesk:metrics", role="manager", position=61, menu="Reports"),
                    NavLink("Risk", "helpdesk:risk", role="manager", position=63, menu="Reports"),
                    NavLink("Import orders", "helpdesk:order_import", role="manager", position=70, menu="Reports"),
                    NavLink("Settings", "helpdesk:settings", role="manager", position=90),
                ),
                settings=(
                    SettingsPage(
                        "Account and members",
                        "helpdesk:account",
                        position=10,
                        description="Name, marketplace, zone and data retention; who works on it, and invitations",
                    ),
                    SettingsPage(
                        "Policies",
                        "helpdesk:policies",
                        position=20,
                        description="Each clock's time to respond and warning, business hours and closed days",
                    ),
                    SettingsPage(
                        "Amazon connection",
                        "helpdesk:amazon",
                        position=90,
                        description="Selling Partner API credentials and the order sync",
                    ),
                ),
                importers=(
                    Importer(
                        kind=ORDERS_REPORT,
                        label="All-orders report",
                        run="helpdesk.services.orders.orders_import",
                        page="helpdesk:order_import",
                    ),
                    Importer(
                        kind=HEALTH_REPORT,
                        label="Account Health report",
                        run="helpdesk.services.health.health_import",
                        page="helpdesk:health_import",
                        done="helpdesk:metrics",
                        done_label="See Amazon's figures beside ours",
                    ),
                ),
                periodic=(
                    # The deadline sweeper runs every few seconds; email delivery right after.
                    (
                        "sweep-deadlines",
                        {
                            "task": "helpdesk.tasks.sweep_deadlines",
                            "schedule": schedule(timedelta(seconds=every)),
                            "options": {"expires": every * 5},
                        },
                    ),
                    # Buyer personal data past each account's retention period, once a day.
                    (
                        "purge-personal-data",
                        {
                            "task": "helpdesk.tasks.purge_personal_data",
                            "schedule": crontab(hour=3, minute=10),
                            "options": {"expires": 6 * 3600},
                        },
                    ),
                    # The search rows of cases whose text changed: seconds behind the change.
                    (
                        "index-search",
                        {
                            "task": "helpdesk.tasks.index_search",
                            "schedule": schedule(timedelta(seconds=every * 2)),
                            "options": {"expires": every * 10},
                        },
                    ),
                    (
                        "deliver-notifications",
                        {
                            "task": "helpdesk.tasks.deliver_notifications",
                            "schedule": schedule(timedelta(seconds=every * 5)),
                            "options": {"expires": every * 25},
                        },
                    ),
                    # Each manager's weekly summary, Monday morning.
                    (
                        "weekly-summary",
                        {
                            "task": "helpdesk.tasks.send_weekly_summaries",
                            "schedule": crontab(day_of_week=1, hour=6, minute=30),
                            "options": {"expires": 12 * 3600},
                        },
                    ),
                    (
                        "sync-orders",
                        {
                            "task": "helpdesk.tasks.sync_orders",
                            # hourly: order status and delivery estimates stay fresh for the daily jobs that read them
                            "schedule": crontab(minute=40),
                            "options": {"expires": 3600},
                        },
                    ),
                ),
            )
        )
