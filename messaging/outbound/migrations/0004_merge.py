from django.db import migrations


class Migration(migrations.Migration):
    """Joins migrations written side by side: single delivery, and the contact cap with call prompts."""

    dependencies = [
        ("outbound", "0002_delivered_once"),
        ("outbound", "0003_call_summary_prompts"),
    ]

    operations = []
