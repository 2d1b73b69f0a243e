"""On PostgreSQL, every committed change to the registry sends a notification
(`NOTIFY clusterhub_registry`), so server processes learn of changes without asking
(see registry/search_index.py). Nothing on SQLite."""

from django.db import migrations

TABLES = ("audit_auditentry", "registry_cluster", "registry_clustertag")
CREATE = [
    """CREATE OR REPLACE FUNCTION clusterhub_registry_changed() RETURNS trigger AS $$
    BEGIN PERFORM pg_notify('clusterhub_registry', ''); RETURN NULL; END
    $$ LANGUAGE plpgsql""",
    *(
        f"CREATE TRIGGER clusterhub_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE "
        f"ON {table} FOR EACH STATEMENT EXECUTE FUNCTION clusterhub_registry_changed()"
        for table in TABLES
    ),
]
DROP = [
    *(f"DROP TRIGGER IF EXISTS clusterhub_changed ON {table}" for table in TABLES),
    "DROP FUNCTION IF EXISTS clusterhub_registry_changed()",
]


def _run(statements: list[str]):  # type: ignore[no-untyped-def]
    def run(apps, schema_editor) -> None:  # type: ignore[no-untyped-def]
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
        ("registry", "0003_region_shapes"),
    ]
    operations = [migrations.RunPython(_run(CREATE), _run(DROP))]
