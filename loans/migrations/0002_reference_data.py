"""The legal price caps (with their source), a starting price grid and loan terms; managers edit them."""

from decimal import Decimal

from django.db import migrations

SOURCE = (
    "Loi n° 2022-217 du 21 février 2022 (« 3DS »), art. 178 ; CG3P art. L. 3212-2 ; "
    "décret du 7 novembre 2022 fixant le prix solidaire de revente des matériels informatiques cédés gratuitement"
)
CAPS = [
    ("laptop", "Ordinateur portable", "180"),
    ("desktop", "PC fixe avec un écran, un clavier et une souris", "150"),
    ("tablet", "Tablette", "100"),
    ("smartphone", "Smartphone", "100"),
    ("monitor", "Écran", "30"),
    ("printer", "Imprimante individuelle", "30"),
    ("multifunction", "Appareil multifonction (impression, scan, copie)", "170"),
]
# category code -> (A, B, C) solidarity prices in euros TTC, loan term in days, deposit
GRID = {
    "portable": (("120", "90", "60"), 180, "50"),
    "fixe": (("90", "70", "50"), 180, "50"),
    "tout-en-un": (("110", "85", "60"), 180, "50"),
    "tablette": (("70", "50", "35"), 180, "30"),
    "smartphone": (("70", "50", "35"), 180, "30"),
    "ecran": (("25", "20", "15"), 180, "0"),
}


def load(apps, schema_editor):
    PriceCap = apps.get_model("loans", "PriceCap")
    PriceGridEntry = apps.get_model("loans", "PriceGridEntry")
    CategoryTerms = apps.get_model("loans", "CategoryTerms")
    DeviceCategory = apps.get_model("inventory", "DeviceCategory")
    for kind, label, amount in CAPS:
        PriceCap.objects.get_or_create(
            kind=kind, defaults={"label": label, "amount": Decimal(amount), "source": SOURCE}
        )
    for code, (prices, days, deposit) in GRID.items():
        category = DeviceCategory.objects.filter(code=code).first()
        if category is None:
            continue
        for grade, price in zip("ABC", prices, strict=True):
            PriceGridEntry.objects.get_or_create(category=category, grade=grade, defaults={"price": Decimal(price)})
        CategoryTerms.objects.get_or_create(
            category=category, defaults={"loan_days": days, "deposit": Decimal(deposit)}
        )


class Migration(migrations.Migration):
    dependencies = [("loans", "0001_initial"), ("inventory", "0004_reference_data")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
