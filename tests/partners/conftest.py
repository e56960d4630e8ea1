import pytest

from partners.models import RequestStatus
from tests.factories import ready_device

from .factories import HouseholdFactory, OrganisationFactory, RequestFactory, referent


@pytest.fixture
def caf(db):
    return OrganisationFactory(kind="caf", name="CAF du Morbihan")


@pytest.fixture
def ccas(db):
    return OrganisationFactory(kind="ccas", name="CCAS de Lorient")


@pytest.fixture
def caf_user(caf):
    return referent("partenaire.caf", caf, first_name="Nadia", last_name="Benali")


@pytest.fixture
def ccas_user(ccas):
    return referent("partenaire.ccas", ccas, first_name="Marc", last_name="Guillou")


@pytest.fixture
def caf_request(caf, caf_user):
    household = HouseholdFactory(organisation=caf, reference="CAF-SECRET-01", created_by=caf_user)
    return RequestFactory(household=household)


@pytest.fixture
def ccas_request(ccas, ccas_user):
    household = HouseholdFactory(organisation=ccas, reference="CCAS-SECRET-01", created_by=ccas_user)
    return RequestFactory(household=household)


@pytest.fixture
def queued_request(caf_request):
    caf_request.status = RequestStatus.ACCEPTED
    caf_request.save()
    return caf_request


@pytest.fixture
def laptop(site):
    return ready_device(site=site)
