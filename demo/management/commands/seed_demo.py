import random

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings

from demo.inventory import seed_inventory
from demo.loans import seed_loans
from demo.partners import seed_partners
from demo.people import seed_sites, seed_users
from workshop.models import Commune


class Command(BaseCommand):
    help = "Load realistic French demo data (idempotent): sites, users, donors, lots, devices, partners, requests, loans, sales."

    def add_arguments(self, parser):
        parser.add_argument("--password", default="demo", help="password of the demo users (default: demo)")
        parser.add_argument("--force", action="store_true", help="run even with DEBUG off")

    def handle(self, *args, password: str, force: bool, **options):
        if not settings.DEBUG and not force:
            raise CommandError("DEBUG is off: this looks like production. Use --force to load demo data anyway.")
        if not Commune.objects.exists():
            call_command("load_communes", "--departments", "56,29,22,35", "--epci-territories", stdout=self.stdout)
        # The demo's e-mails (request updates, reminders) stay in memory: nobody is written to.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"), transaction.atomic():
            sites = seed_sites()
            users = seed_users(password, sites)
            created = seed_inventory(sites=sites, actor=users["atelier"], rng=random.Random(2026))
            requests = seed_partners(rng=random.Random(56), manager=users["gestion"], referents=users)
            loans = seed_loans(rng=random.Random(29), staff=users["atelier"], manager=users["gestion"])
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo ready: {created} devices, {requests} requests and {loans} loans created; "
                "users atelier, gestion, partenaire.caf, partenaire.ccas."
            )
        )
