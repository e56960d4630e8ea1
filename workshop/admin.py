from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from .models import Commune, Sequence, Site, Territory, User


@admin.register(Site)
class SiteAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "city", "is_active"]
    search_fields = ["name", "code", "city"]


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    fieldsets = [
        *BaseUserAdmin.fieldsets,
        (_("Workshop"), {"fields": ["sites", "current_site", "phone"]}),
    ]
    filter_horizontal = [*BaseUserAdmin.filter_horizontal, "sites"]
    list_display = ["username", "first_name", "last_name", "email", "is_active", "roles"]
    list_filter = ["groups", "is_active", "is_staff"]

    @admin.display(description=_("roles"))
    def roles(self, user: User) -> str:
        return ", ".join(group.name for group in user.groups.all())

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("groups")


@admin.register(Territory)
class TerritoryAdmin(admin.ModelAdmin):
    list_display = ["name", "epci_siren"]
    search_fields = ["name"]


@admin.register(Commune)
class CommuneAdmin(admin.ModelAdmin):
    list_display = ["name", "insee_code", "postal_codes", "department", "epci_name"]
    search_fields = ["name", "insee_code", "postal_codes"]
    list_filter = ["department"]
    filter_horizontal = ["territories"]


@admin.register(Sequence)
class SequenceAdmin(admin.ModelAdmin):
    """Shown for audit only: numbers are taken by the services, never edited."""

    list_display = ["name", "year", "last_value"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
