import os

from celery import Celery

from helpdesk.registry import registry

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "helpdesk.settings")

app = Celery("helpdesk")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def _add_periodic_tasks(sender: Celery, **kwargs) -> None:
    """Each app's periodic tasks, as it registered them. Workers and beat finalize the app after
    Django has loaded every app, so the registry is complete here."""
    sender.conf.beat_schedule = {**sender.conf.beat_schedule, **registry.beat_schedule()}
