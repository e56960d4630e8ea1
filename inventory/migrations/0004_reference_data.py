"""Categories with their checklists and the libre systems a workshop starts with; managers edit them."""

from decimal import Decimal

from django.db import migrations

# Items every computer gets, after the ANSSI's advice on refurbishing used equipment:
# nothing of the previous owner may remain, in firmware as on the stickers.
COMPUTER_SECURITY = [
    (
        "Micrologiciel (BIOS/UEFI) remis aux réglages d'usine",
        "Charger les valeurs par défaut, vérifier l'ordre de démarrage.",
    ),
    ("Mots de passe BIOS/UEFI et disque supprimés", "Aucun mot de passe superviseur, utilisateur ou disque."),
    ("Puce TPM réinitialisée", "Effacer le TPM depuis le BIOS/UEFI quand l'appareil en a un."),
    ("Autocollants et étiquettes d'inventaire du donateur retirés", "Étiquettes d'inventaire, noms, adresses."),
    ("Agents de gestion à distance désactivés", "Computrace/Absolute, provisionnement Intel AMT."),
]
LAPTOP = [
    ("Écran : ni pixel mort, ni ligne, rétroéclairage homogène", ""),
    ("Clavier : toutes les touches fonctionnent", ""),
    ("Pavé tactile et ses boutons", ""),
    ("Ports USB", ""),
    ("Connexion Wi-Fi", ""),
    ("Webcam et micro", ""),
    ("Son (haut-parleurs et prise casque)", ""),
    ("Batterie : tient la charge (santé relevée)", ""),
    ("Chargeur fonctionnel et sans danger", ""),
]
DESKTOP = [
    ("Démarre et tient 10 minutes de test de charge", ""),
    ("Ports USB", ""),
    ("Sortie vidéo", ""),
    ("Réseau (Ethernet ou Wi-Fi)", ""),
    ("Sortie son", ""),
    ("Ventilateurs propres et silencieux", ""),
]
MOBILE = [
    ("Écran tactile réactif partout", ""),
    ("Appareils photo", ""),
    ("Connexion Wi-Fi", ""),
    ("Port de charge et chargeur", ""),
    ("Batterie : tient la charge (santé relevée)", ""),
    ("Son et micro", ""),
    ("Comptes du précédent propriétaire supprimés (pas de verrou d'activation)", "Compte Google/Apple, verrou FRP."),
    ("Réinitialisation d'usine faite", ""),
]
MONITOR = [
    ("S'allume, aucun pixel mort", ""),
    ("Toutes les entrées vidéo fonctionnent", ""),
    ("Pied et câbles", ""),
]

CATEGORIES = [
    # code, name, kind, needs_os, has_storage, weight, checklist
    ("portable", "Ordinateur portable", "laptop", True, True, "2.20", LAPTOP + COMPUTER_SECURITY),
    ("fixe", "Ordinateur fixe", "desktop", True, True, "8.00", DESKTOP + COMPUTER_SECURITY),
    ("tout-en-un", "Tout-en-un", "all_in_one", True, True, "7.50", DESKTOP + COMPUTER_SECURITY),
    ("tablette", "Tablette", "tablet", True, True, "0.50", MOBILE),
    ("smartphone", "Smartphone", "smartphone", True, True, "0.18", MOBILE),
    ("ecran", "Écran", "monitor", False, False, "4.50", MONITOR),
    ("autre", "Autre", "other", False, False, "1.00", []),
]

SYSTEMS = [
    ("Linux Mint", "22.1", False),
    ("Ubuntu", "24.04 LTS", False),
    ("Debian", "12", False),
    ("Emmabuntüs", "DE5", False),
    ("PrimTux", "8", False),
    ("/e/OS", "2.6", True),
    ("LineageOS", "22.1", True),
]


def load(apps, schema_editor):
    DeviceCategory = apps.get_model("inventory", "DeviceCategory")
    ChecklistItem = apps.get_model("inventory", "ChecklistItem")
    OperatingSystem = apps.get_model("inventory", "OperatingSystem")
    for position, (code, name, kind, needs_os, has_storage, weight, items) in enumerate(CATEGORIES):
        category, created = DeviceCategory.objects.get_or_create(
            code=code,
            defaults={
                "name": name,
                "kind": kind,
                "needs_os": needs_os,
                "has_storage": has_storage,
                "default_weight_kg": Decimal(weight),
                "position": position,
            },
        )
        if created:
            ChecklistItem.objects.bulk_create(
                ChecklistItem(category=category, label=label, help_text=help_text, position=i)
                for i, (label, help_text) in enumerate(items)
            )
    for name, version, mobile in SYSTEMS:
        OperatingSystem.objects.get_or_create(name=name, defaults={"default_version": version, "for_mobile": mobile})


class Migration(migrations.Migration):
    dependencies = [("inventory", "0003_journal_append_only")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
