from django.contrib import admin

from clusterhub.ingest.models import ImportRun


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
    list_display = ["started_at", "file_name", "table", "source", "created", "updated", "unchanged"]
    list_filter = ["table", "source"]
    readonly_fields = [f.name for f in ImportRun._meta.fields]

    def has_add_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False

    def has_change_permission(self, request, obj=None):  # type: ignore[no-untyped-def]
        return False
