"""Load or refresh French communes from the Code officiel géographique (bundled CSV by default)."""

import csv
import gzip
import io
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from workshop.models import Commune, Territory

BUNDLED = Path(__file__).resolve().parents[2] / "data" / "communes.csv.gz"
COLUMNS = {"code_insee", "nom", "codes_postaux", "departement", "epci_siren", "nom_epci", "population"}


def read_rows(path: Path) -> list[dict]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(io.StringIO(handle.read()))
    missing = COLUMNS - set(reader.fieldnames or ())
    if missing:
        raise CommandError(
            _("Columns missing from %(file)s: %(cols)s") % {"file": path, "cols": ", ".join(sorted(missing))}
        )
    return list(reader)


class Command(BaseCommand):
    help = "Load the French communes (INSEE code, name, postal codes, EPCI), by default from the bundled file."

    def add_arguments(self, parser):
        parser.add_argument("--file", type=Path, default=BUNDLED, help="CSV (or .csv.gz) in the shared/data format")
        parser.add_argument("--departments", default="", help="comma-separated department codes to keep, e.g. 56,29")
        parser.add_argument(
            "--epci-territories", action="store_true", help="create one territory per EPCI and put its communes in it"
        )

    @transaction.atomic
    def handle(self, *args, file: Path, departments: str, epci_territories: bool, **options):
        if not file.exists():
            raise CommandError(_("No such file: %(file)s") % {"file": file})
        keep = {d.strip() for d in departments.split(",") if d.strip()}
        communes = []
        for number, row in enumerate(read_rows(file), start=2):
            if keep and row["departement"] not in keep:
                continue
            code = row["code_insee"].strip()
            if len(code) != 5:
                raise CommandError(
                    _("Line %(line)d: “%(code)s” is not an INSEE code.") % {"line": number, "code": code}
                )
            communes.append(
                Commune(
                    insee_code=code,
                    name=row["nom"].strip(),
                    postal_codes=row["codes_postaux"].strip(),
                    department=row["departement"].strip(),
                    epci_siren=row["epci_siren"].strip(),
                    epci_name=row["nom_epci"].strip(),
                    population=int(row["population"]) if row["population"].strip() else None,
                )
            )
        Commune.objects.bulk_create(
            communes,
            batch_size=2000,
            update_conflicts=True,
            unique_fields=["insee_code"],
            update_fields=["name", "postal_codes", "department", "epci_siren", "epci_name", "population"],
        )
        self.stdout.write(_("%(count)d communes loaded.") % {"count": len(communes)})
        if epci_territories:
            self._epci_territories({c.insee_code for c in communes})

    def _epci_territories(self, codes: set[str]) -> None:
        through = Commune.territories.through
        created = 0
        by_epci: dict[tuple[str, str], list[int]] = {}
        for pk, siren, name in (
            Commune.objects.filter(insee_code__in=codes)
            .exclude(epci_siren="")
            .values_list("pk", "epci_siren", "epci_name")
        ):
            by_epci.setdefault((siren, name), []).append(pk)
        for (siren, name), commune_ids in by_epci.items():
            territory, was_created = Territory.objects.get_or_create(name=name, defaults={"epci_siren": siren})
            created += was_created
            through.objects.bulk_create(
                [through(territory_id=territory.pk, commune_id=pk) for pk in commune_ids], ignore_conflicts=True
            )
        self.stdout.write(_("%(count)d territories created from EPCIs.") % {"count": created})
