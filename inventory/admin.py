"""Admin for reference data, and a read-only view of devices and the journal.

Devices change only through the workshop screens (the services); the admin never edits them.
"""

from django.contrib import admin

from .models import ChecklistItem, Device, DeviceCategory, Donor, JournalEntry, OperatingSystem


class ChecklistItemInline(admin.TabularInline):
    model = ChecklistItem
    extra = 1
    fields = ["position", "label", "help_text", "mandatory", "is_active"]


@admin.register(DeviceCategory)
class DeviceCategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "kind", "needs_os", "has_storage", "default_weight_kg", "is_active"]
    list_editable = ["default_weight_kg", "is_active"]
    inlines = [ChecklistItemInline]
    prepopulated_fields = {"code": ["name"]}

    def has_delete_permission(self, request, obj=None):
        return False  # categories are referenced by devices: deactivate instead


@admin.register(OperatingSystem)
class OperatingSystemAdmin(admin.ModelAdmin):
    list_display = ["name", "default_version", "for_mobile", "is_active"]
    list_editable = ["default_version", "is_active"]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Donor)
class DonorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "siret", "contact_name", "commune"]
    list_filter = ["kind"]
    search_fields = ["name", "siret", "contact_name"]
    autocomplete_fields = ["commune"]

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(Device)
class DeviceAdmin(ReadOnlyAdmin):
    list_display = ["asset_tag", "category", "brand", "model", "serial", "status", "grade", "site"]
    list_filter = ["status", "category", "site", "grade"]
    search_fields = ["asset_tag", "serial", "brand", "model"]
    list_select_related = ["category", "site"]


@admin.register(JournalEntry)
class JournalEntryAdmin(ReadOnlyAdmin):
    list_display = ["at", "action", "device", "from_status", "to_status", "actor"]
    list_filter = ["action"]
    search_fields = ["device__asset_tag", "action"]
    list_select_related = ["device", "actor"]
    date_hierarchy = "at"
