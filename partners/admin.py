"""Managers keep the partner organisations and their referents here; requests are handled in the app."""

from django.contrib import admin

from .models import PartnerOrganisation, Referent


class ReferentInline(admin.TabularInline):
    model = Referent
    extra = 1


@admin.register(PartnerOrganisation)
class PartnerOrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "territory", "contact_name", "email", "is_active"]
    list_filter = ["kind", "is_active", "territory"]
    search_fields = ["name", "contact_name"]
    inlines = [ReferentInline]
