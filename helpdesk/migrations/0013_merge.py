from django.db import migrations


class Migration(migrations.Migration):
    """Joins migrations written side by side: single delivery, the daily figures and the latest ship date."""

    dependencies = [
        ("helpdesk", "0012_delivered_once"),
        ("helpdesk", "0012_metrics"),
        ("helpdesk", "0012_order_latest_ship_date"),
    ]

    operations = []
