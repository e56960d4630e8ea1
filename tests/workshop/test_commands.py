import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from inventory.models import Device, JournalEntry
from inventory.workflow import Status
from workshop.models import Commune, Territory, User

pytestmark = pytest.mark.django_db

HEADER = "code_insee,nom,codes_postaux,departement,nom_departement,region,nom_region,epci_siren,nom_epci,population\n"


def test_load_communes_keeps_real_names_and_builds_epci_territories(tmp_path):
    csv = tmp_path / "communes.csv"
    csv.write_text(
        HEADER
        + "01001,L'Abergement-Clémenciat,01400,01,Ain,84,ARA,200069193,CC de la Dombes,860\n"
        + "42218,Saint-Étienne,42000 42100,42,Loire,84,ARA,244200770,Saint-Étienne Métropole,171057\n"
        + "56121,Lorient,56100,56,Morbihan,53,Bretagne,200042174,Lorient Agglomération,57812\n",
        encoding="utf-8",
    )
    call_command("load_communes", "--file", str(csv), "--departments", "01,42", "--epci-territories")
    assert sorted(Commune.objects.values_list("name", flat=True)) == ["L'Abergement-Clémenciat", "Saint-Étienne"]
    assert Commune.objects.get(insee_code="42218").postal_codes == "42000 42100"
    territory = Territory.objects.get(name="Saint-Étienne Métropole")
    assert list(territory.communes.values_list("insee_code", flat=True)) == ["42218"]


def test_load_communes_refreshes_instead_of_duplicating(tmp_path):
    csv = tmp_path / "communes.csv"
    csv.write_text(HEADER + "56121,Lorient,56100,56,Morbihan,53,Bretagne,200042174,Lorient Agglo,57000\n")
    call_command("load_communes", "--file", str(csv))
    csv.write_text(HEADER + "56121,Lorient,56100,56,Morbihan,53,Bretagne,200042174,Lorient Agglomération,57812\n")
    call_command("load_communes", "--file", str(csv))
    commune = Commune.objects.get()
    assert (commune.epci_name, commune.population) == ("Lorient Agglomération", 57812)


def test_load_communes_names_the_bad_line_and_writes_nothing(tmp_path):
    csv = tmp_path / "communes.csv"
    csv.write_text(HEADER + "56121,Lorient,56100,56,M,53,B,1,E,1\n561,Nowhere,0,56,M,53,B,1,E,1\n")
    with pytest.raises(CommandError, match="3"):
        call_command("load_communes", "--file", str(csv))
    assert not Commune.objects.exists()


def test_the_bundled_file_holds_every_commune():
    call_command("load_communes", "--departments", "56")
    assert Commune.objects.filter(department="56").count() > 240
    assert Commune.objects.get(insee_code="56121").name == "Lorient"


@override_settings(DEBUG=True)
def test_seed_demo_is_idempotent_and_covers_every_status():
    call_command("seed_demo")
    devices, entries = Device.objects.count(), JournalEntry.objects.count()
    call_command("seed_demo", "--password", "autre")
    assert (Device.objects.count(), JournalEntry.objects.count()) == (devices, entries)
    assert 50 <= devices <= 70
    assert set(Device.objects.values_list("status", flat=True)) == {s for s, _l in Status.choices}
    assert User.objects.get(username="partenaire.ccas").check_password("autre")
    assert set(User.objects.values_list("username", flat=True)) >= {
        "atelier",
        "gestion",
        "partenaire.caf",
        "partenaire.ccas",
    }


@override_settings(DEBUG=True)
def test_seed_demo_gives_each_partner_its_organisation_and_requests_in_every_status():
    from partners.models import Allocation, DeviceRequest, RequestStatus

    call_command("seed_demo")
    for username in ("partenaire.caf", "partenaire.ccas"):
        user = User.objects.get(username=username)
        statuses = set(DeviceRequest.objects.visible_to(user).values_list("status", flat=True))
        assert statuses == set(RequestStatus.values)
    for allocation in Allocation.objects.active():
        assert allocation.device.status == Status.RESERVED


@override_settings(DEBUG=True)
def test_seed_demo_has_loans_in_every_state_sales_and_memberships():
    from loans.models import Loan, LoanStatus, Membership, Reminder, Sale, SaleKind, SaleStatus

    call_command("seed_demo")
    assert set(Loan.objects.values_list("status", flat=True)) == set(LoanStatus.values)
    assert Loan.objects.overdue().exists() and Reminder.objects.exists()
    assert set(Sale.objects.values_list("kind", flat=True)) == set(SaleKind.values)
    assert set(Sale.objects.values_list("status", flat=True)) == set(SaleStatus.values)
    assert Membership.objects.exists()


@override_settings(DEBUG=False)
def test_seed_demo_refuses_production_unless_forced():
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo")
    assert not Device.objects.exists()
