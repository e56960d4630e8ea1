"""Managers edit the loan terms, the price grid and the legal caps; loans and sales are read here only."""

from django.contrib import admin

from .models import CategoryTerms, PriceCap, PriceGridEntry


@admin.register(CategoryTerms)
class CategoryTermsAdmin(admin.ModelAdmin):
    list_display = ["category", "loan_days", "deposit"]
    list_editable = ["loan_days", "deposit"]


@admin.register(PriceGridEntry)
class PriceGridEntryAdmin(admin.ModelAdmin):
    list_display = ["category", "grade", "price"]
    list_editable = ["price"]
    list_filter = ["category", "grade"]


@admin.register(PriceCap)
class PriceCapAdmin(admin.ModelAdmin):
    list_display = ["label", "kind", "amount", "source"]
    list_editable = ["amount"]
