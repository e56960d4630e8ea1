"""The database itself refuses to change a journal entry, whatever code path tries."""

from django.db import migrations

SQLITE_UP = """
CREATE TRIGGER inventory_journalentry_append_only
BEFORE UPDATE ON inventory_journalentry
BEGIN SELECT RAISE(ABORT, 'journal entries are append-only'); END;
"""
SQLITE_DOWN = "DROP TRIGGER IF EXISTS inventory_journalentry_append_only;"

POSTGRES_UP = """
CREATE OR REPLACE FUNCTION inventory_journalentry_refuse_update() RETURNS trigger AS $$
BEGIN RAISE EXCEPTION 'journal entries are append-only'; END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER inventory_journalentry_append_only
BEFORE UPDATE ON inventory_journalentry
FOR EACH ROW EXECUTE FUNCTION inventory_journalentry_refuse_update();
"""
POSTGRES_DOWN = """
DROP TRIGGER IF EXISTS inventory_journalentry_append_only ON inventory_journalentry;
DROP FUNCTION IF EXISTS inventory_journalentry_refuse_update();
"""


def run(statements):
    def apply(apps, schema_editor):
        sql = statements.get(schema_editor.connection.vendor)
        if sql:
            schema_editor.execute(sql)

    return apply


class Migration(migrations.Migration):
    dependencies = [("inventory", "0002_initial")]

    operations = [
        migrations.RunPython(
            run({"sqlite": SQLITE_UP, "postgresql": POSTGRES_UP}),
            run({"sqlite": SQLITE_DOWN, "postgresql": POSTGRES_DOWN}),
        )
    ]
