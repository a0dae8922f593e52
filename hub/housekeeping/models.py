"""When each periodic job last ran: in the database, so a restart does not run a daily job
early and two hub processes sharing one database do not both run it."""

from __future__ import annotations

from django.db import models


class JobRun(models.Model):
    name = models.CharField("tâche", max_length=60, unique=True)
    started_at = models.DateTimeField("dernier départ", null=True, blank=True)
    finished_at = models.DateTimeField("dernière fin", null=True, blank=True)
    result = models.CharField("dernier résultat", max_length=300, blank=True)
    ok = models.BooleanField("réussie", default=True)

    class Meta:
        verbose_name = "tâche de fond"
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name
