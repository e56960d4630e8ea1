"""The documents of loans and sales: rendered once when issued, stored, reprinted identically."""

from collections.abc import Callable
from functools import wraps

from django.conf import settings
from django.utils import timezone, translation

from documents.identity import workshop_identity
from documents.services import issue_document

from .models import Loan, Membership, Sale
from .models.choices import accessory_labels

# Bump when the contract's wording changes: each loan records the version its borrower signed.
CONTRACT_VERSION = "2026-1"


def in_french(issue: Callable) -> Callable:
    """Documents are written in the workshop's language, whoever prints them."""

    @wraps(issue)
    def wrapped(*args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return issue(*args, **kwargs)

    return wrapped


def identity(site) -> dict:
    """The workshop as printed (documents.identity), with the legal mentions of a sale."""
    return {**workshop_identity(site), "vat_mention": settings.VAT_MENTION}


def device_facts(device) -> dict:
    drives = [
        f"{drive.get_kind_display()} {drive.capacity_gb or ''} Go".replace("  ", " ").strip()
        for drive in device.drives.all()
    ]
    return {
        "tag": device.asset_tag,
        "category": str(device.category),
        "name": device.name,
        "serial": device.serial,
        "cpu": device.cpu,
        "ram_gb": _number(device.ram_gb),
        "storage": ", ".join(drives),
        "screen": _number(device.screen_size_in),
        "os": f"{device.operating_system} {device.os_version}".strip() if device.operating_system_id else "",
        "grade": device.grade,
        "battery": device.battery_health_pct,
    }


def household_facts(household) -> dict:
    return {
        "reference": household.reference,
        "name": household.full_name,
        "address": household.address,
        "phone": household.phone,
        "email": household.email,
        "commune": str(household.commune),
        "organisation": household.organisation.name if household.organisation_id else "",
    }


def _number(value) -> str:
    """8.0 → « 8 », 15.6 → « 15,6 »."""
    return f"{value.normalize():f}".replace(".", ",") if value else ""


def _money(value) -> str:
    return f"{value:.2f}".replace(".", ",") if value is not None else ""


@in_french
def issue_contract(loan: Loan, *, actor, signature: str = ""):
    context = {
        "workshop": identity(loan.site),
        "number": loan.number,
        "version": CONTRACT_VERSION,
        "device": device_facts(loan.device),
        "household": household_facts(loan.household),
        "starts_on": loan.starts_on.isoformat(),
        "due_on": loan.due_on.isoformat(),
        "deposit": _money(loan.deposit_amount),
        "deposit_method": loan.get_deposit_method_display(),
        "accessories": accessory_labels(loan.accessories),
        "condition": loan.get_condition_out_display(),
        "condition_notes": loan.condition_out_notes,
        "option_price": _money(loan.option_price) if loan.option_to_buy else "",
        "gift_after_months": settings.GIFT_AFTER_MONTHS,
        "signature": signature,
        "signed_at": loan.signed_at.isoformat() if loan.signed_at else "",
        "staff": actor.get_full_name() or actor.username,
        "issued_on": timezone.localdate().isoformat(),
    }
    return issue_document(
        kind="loan_contract",
        template_name="loans/documents/contract.html",
        context=context,
        actor=actor,
        subject=loan,
        number=loan.number,
        device=loan.device,
    )


@in_french
def issue_return_receipt(loan: Loan, *, actor, signature: str = ""):
    context = {
        "workshop": identity(loan.site),
        "number": f"{loan.number}-R",
        "loan": loan.number,
        "device": device_facts(loan.device),
        "household": household_facts(loan.household),
        "starts_on": loan.starts_on.isoformat(),
        "returned_on": loan.returned_on.isoformat(),
        "condition": loan.get_condition_in_display(),
        "notes": loan.condition_in_notes,
        "accessories_out": accessory_labels(loan.accessories),
        "accessories_back": accessory_labels(loan.accessories_returned),
        "missing": accessory_labels(sorted(set(loan.accessories) - set(loan.accessories_returned))),
        "deposit": _money(loan.deposit_amount),
        "deposit_state": loan.get_deposit_state_display(),
        "deposit_kept_reason": loan.deposit_kept_reason,
        "signature": signature,
        "staff": actor.get_full_name() or actor.username,
    }
    return issue_document(
        kind="return_receipt",
        template_name="loans/documents/return_receipt.html",
        context=context,
        actor=actor,
        subject=loan,
        number=f"{loan.number}-R",
        device=loan.device,
    )


def sale_parties(sale: Sale) -> dict:
    """Seller, buyer and article: what an invoice and its credit note both state."""
    return {
        "workshop": identity(sale.site),
        "device": device_facts(sale.device),
        "household": household_facts(sale.household) if sale.household_id else None,
        "organisation": {"name": sale.organisation_name, "address": sale.organisation_address},
    }


@in_french
def issue_invoice(sale: Sale, *, actor):
    context = {
        **sale_parties(sale),
        "number": sale.number,
        "kind": sale.kind,
        "sold_on": sale.sold_on.isoformat(),
        "price": _money(sale.price),
        "grid_price": _money(sale.grid_price),
        "price_reason": sale.price_reason,
        "legal_cap": _money(sale.legal_cap),
        "buyer_eligibility": sale.buyer_eligibility,
        "payment_method": sale.get_payment_method_display(),
        "warranty_until": sale.warranty_until.isoformat() if sale.warranty_until else "",
        "staff": actor.get_full_name() or actor.username,
    }
    return issue_document(
        kind="invoice",
        template_name="loans/documents/invoice.html",
        context=context,
        actor=actor,
        subject=sale,
        number=sale.number,
        device=sale.device,
    )


@in_french
def issue_credit_note(sale: Sale, *, actor):
    """The avoir that cancels an invoice: it names the invoice, the amount paid back and why."""
    context = {
        **sale_parties(sale),
        "number": sale.credit_note_number,
        "invoice": sale.number,
        "invoiced_on": sale.sold_on.isoformat(),
        "issued_on": timezone.localdate(sale.cancelled_at).isoformat(),
        "amount": _money(sale.price),
        "refund_method": sale.get_refund_method_display(),
        "reason": sale.cancel_reason,
        "staff": actor.get_full_name() or actor.username,
    }
    return issue_document(
        kind="credit_note",
        template_name="loans/documents/credit_note.html",
        context=context,
        actor=actor,
        subject=sale,
        number=sale.credit_note_number,
        device=sale.device,
    )


@in_french
def issue_membership_receipt(membership: Membership, *, actor):
    site = getattr(actor, "current_site", None)
    context = {
        "workshop": identity(site),
        "number": membership.number,
        "member": membership.member,
        "household": household_facts(membership.household) if membership.household_id else None,
        "organisation": membership.organisation_name,
        "starts_on": membership.starts_on.isoformat(),
        "ends_on": membership.ends_on.isoformat(),
        "fee": _money(membership.fee),
        "payment_method": membership.get_payment_method_display(),
        "staff": actor.get_full_name() or actor.username,
    }
    return issue_document(
        kind="membership_receipt",
        template_name="loans/documents/membership_receipt.html",
        context=context,
        actor=actor,
        subject=membership,
        number=membership.number,
    )
