from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from .models import IssuedDocument


@admin.register(IssuedDocument)
class IssuedDocumentAdmin(admin.ModelAdmin):
    """Read-only: issued documents are never changed nor deleted."""

    list_display = ("number", "kind", "issued_at", "issued_by", "lot", "device", "pdf_link")
    list_filter = ("kind",)
    search_fields = ("number", "lot__reference", "device__asset_tag")
    date_hierarchy = "issued_at"
    exclude = ("pdf",)
    list_select_related = ("issued_by", "lot", "device")

    @admin.display(description=_("PDF"))
    def pdf_link(self, obj):
        return format_html('<a href="{}">{}</a>', reverse("documents:issued_pdf", args=[obj.pk]), _("Open"))

    def get_queryset(self, request):
        return super().get_queryset(request).defer("pdf")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
