# Django finds models through this package; each module holds one part of the domain.
from .loans import Loan, LoanStatus, Reminder, ReminderKind
from .reference import CategoryTerms, PriceCap, PriceGridEntry
from .sales import Membership, Sale, SaleKind, SaleStatus

__all__ = [
    "CategoryTerms",
    "Loan",
    "LoanStatus",
    "Membership",
    "PriceCap",
    "PriceGridEntry",
    "Reminder",
    "ReminderKind",
    "Sale",
    "SaleKind",
    "SaleStatus",
]
