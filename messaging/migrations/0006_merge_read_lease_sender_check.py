from django.db import migrations


class Migration(migrations.Migration):
    """Joins two migrations written side by side: the mail read lease and the sender check."""

    dependencies = [
        ("messaging", "0005_mail_read_lease"),
        ("messaging", "0005_sender_check"),
    ]

    operations = []
