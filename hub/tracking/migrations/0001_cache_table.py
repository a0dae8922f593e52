"""The database cache table (settings.CACHES, `hub_cache`): the tracking page's rate limit
counts there, so `migrate` creates it and no separate `createcachetable` step is needed."""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor) -> None:
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    initial = True
    dependencies: list = []
    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop)]
