import datetime

import pytest
from django.utils import timezone

from partners import services as partners
from partners.models import RequestStatus
from tests.factories import DonorFactory, LotFactory, ready_device
from tests.partners.factories import HouseholdFactory, OrganisationFactory, RequestFactory, referent

from .helpers import BORROWER, handover

TODAY = timezone.localdate()


@pytest.fixture
def caf(db):
    return OrganisationFactory(kind="caf", name="CAF du Morbihan")


@pytest.fixture
def caf_user(caf):
    return referent("partenaire.caf", caf, first_name="Nadia", last_name="Benali")


@pytest.fixture
def household(caf, caf_user):
    return HouseholdFactory(organisation=caf, reference="CAF-0042", created_by=caf_user)


@pytest.fixture
def reserved(household, gestion, site):
    """A laptop reserved for the household's accepted request."""
    device = ready_device(site=site, asset_tag="SV-000123", serial="PF1ABCDE")
    request = RequestFactory(household=household, status=RequestStatus.ACCEPTED)
    partners.allocate(request=request, device=device, until=TODAY + datetime.timedelta(days=7), actor=gestion)
    device.refresh_from_db()
    return device


@pytest.fixture
def loan(reserved, atelier):
    from loans import services

    return services.lend(device=reserved, borrower=BORROWER, handover=handover(), actor=atelier)


@pytest.fixture
def public_laptop(site):
    lot = LotFactory(site=site, donor=DonorFactory(kind="public_body", name="Mairie de Lorient"))
    return ready_device(site=site, lot=lot, grade="A")
