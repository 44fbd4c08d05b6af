from django.db import migrations


class Migration(migrations.Migration):
    """Joins three migrations written side by side: the mail read lease, the sender check and the
    cancellation requests."""

    dependencies = [
        ("messaging", "0005_cancellation_requests"),
        ("messaging", "0005_mail_read_lease"),
        ("messaging", "0005_sender_check"),
    ]

    operations = []
