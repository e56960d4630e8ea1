# Django finds models through this package; each module holds one part of the domain.
from .households import Household
from .organisations import PartnerOrganisation, Referent
from .requests import DeviceRequest

__all__ = ["DeviceRequest", "Household", "PartnerOrganisation", "Referent"]
