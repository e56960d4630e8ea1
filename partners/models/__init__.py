# Django finds models through this package; each module holds one part of the domain.
from .allocations import Allocation, AllocationState
from .households import Household
from .organisations import PartnerOrganisation, Referent
from .requests import DeviceRequest, RequestStatus
from .scoping import organisation_of

__all__ = [
    "Allocation",
    "AllocationState",
    "DeviceRequest",
    "Household",
    "PartnerOrganisation",
    "Referent",
    "RequestStatus",
    "organisation_of",
]
