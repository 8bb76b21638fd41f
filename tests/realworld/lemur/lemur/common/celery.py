"""Reproduces Netflix/lemur lemur/common/celery.py: the worker builds its own app at import time
with the inner factory and no blueprints (only the defaults), before the web factory ever runs.
Celery is not a dev dependency: nothing the oracle builds imports this module."""

from celery import Celery
from flask import current_app

from lemur.factory import create_app

if current_app:
    flask_app = current_app
else:
    flask_app = create_app()


def make_celery(app):
    celery = Celery(
        app.import_name,
        backend=app.config.get("CELERY_RESULT_BACKEND"),
        broker=app.config.get("CELERY_BROKER_URL"),
    )
    celery.conf.update(app.config)
    TaskBase = celery.Task

    class ContextTask(TaskBase):
        abstract = True

        def __call__(self, *args, **kwargs):
            with app.app_context():
                return TaskBase.__call__(self, *args, **kwargs)

    celery.Task = ContextTask
    return celery


celery = make_celery(flask_app)


@celery.task()
def report_celery_last_success_metrics():
    return None
