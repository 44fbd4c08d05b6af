"""Every Celery task has a soft and a hard time limit: nothing holds a worker without end."""

from django.conf import settings

from helpdesk.celery import app
from messaging import tasks as mail_tasks


def _our_tasks() -> dict:
    app.loader.import_default_modules()
    return {name: task for name, task in app.tasks.items() if not name.startswith("celery.")}


def test_the_settings_give_every_task_default_limits():
    assert 0 < settings.CELERY_TASK_SOFT_TIME_LIMIT < settings.CELERY_TASK_TIME_LIMIT
    assert (app.conf.task_soft_time_limit, app.conf.task_time_limit) == (
        settings.CELERY_TASK_SOFT_TIME_LIMIT,
        settings.CELERY_TASK_TIME_LIMIT,
    )


def test_every_task_has_a_soft_limit_below_its_hard_limit():
    tasks = _our_tasks()
    assert {"messaging.tasks.read_mail", "helpdesk.tasks.sweep_deadlines", "helpdesk.tasks.run_import"} <= set(tasks)
    for name, task in tasks.items():
        soft = task.soft_time_limit or app.conf.task_soft_time_limit
        hard = task.time_limit or app.conf.task_time_limit
        assert soft and hard and soft < hard, name


def test_long_work_states_its_own_limits():
    tasks = _our_tasks()
    for name in [
        "helpdesk.tasks.run_import",
        "helpdesk.tasks.purge_personal_data",
        "helpdesk.tasks.sync_account_orders",
        "messaging.tasks.poll_mailbox",
        "claims.tasks.sync_account_finances",
        "returns.tasks.refresh_figures",
        "feedback.solicitation.tasks.solicit_account",
    ]:
        assert tasks[name].time_limit and tasks[name].soft_time_limit, name


def test_reading_mail_is_stopped_before_its_lease_runs_out():
    read = _our_tasks()["messaging.tasks.read_mail"]
    assert read.soft_time_limit < read.time_limit < mail_tasks.READ_LEASE.total_seconds()
