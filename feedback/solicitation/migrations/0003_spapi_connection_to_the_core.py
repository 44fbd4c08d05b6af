"""The SP-API credentials and the order sync's state move to the seller account's
`helpdesk.AmazonConnection`. Values are copied as stored: the credentials stay encrypted
under the same key purpose, so they still decrypt. The next migration drops the columns."""

from django.db import migrations

MOVED = (
    "refresh_token_encrypted",
    "client_id_encrypted",
    "client_secret_encrypted",
    "orders_synced_until",
    "order_sync_state",
    "order_sync_message",
    "order_sync_at",
)
EMPTY = {field: "" for field in MOVED} | {"orders_synced_until": None, "order_sync_at": None}


def to_the_core(apps, schema_editor):
    SolicitationSettings = apps.get_model("solicitation", "SolicitationSettings")
    AmazonConnection = apps.get_model("helpdesk", "AmazonConnection")
    rows = SolicitationSettings.objects.values("account_id", *MOVED)
    AmazonConnection.objects.bulk_create(
        [
            AmazonConnection(account_id=row["account_id"], **{field: row[field] for field in MOVED})
            for row in rows.iterator()
            if any(row[field] != EMPTY[field] for field in MOVED)
        ],
        batch_size=500,
    )


def back_to_solicitation(apps, schema_editor):
    SolicitationSettings = apps.get_model("solicitation", "SolicitationSettings")
    AmazonConnection = apps.get_model("helpdesk", "AmazonConnection")
    for row in AmazonConnection.objects.values("account_id", *MOVED).iterator():
        SolicitationSettings.objects.update_or_create(
            account_id=row["account_id"], defaults={field: row[field] for field in MOVED}
        )
    AmazonConnection.objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [
        ("helpdesk", "0008_amazonconnection"),
        ("solicitation", "0002_order_sync_and_dry_runs"),
    ]

    operations = [migrations.RunPython(to_the_core, back_to_solicitation)]
