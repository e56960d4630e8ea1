"""The device's life as data: its statuses, the actions, and which action is allowed from where.

DESIGN.md §2. Services call `require()` before any change; screens call `allowed_actions()` to
show only the buttons that can work now.
"""

from django.utils.translation import gettext_lazy as _

from workshop.errors import DomainError


class Status:
    # A plain namespace of TextChoices would be nicer, but the choices must be importable by
    # models without importing them; see Status.choices below.
    RECEIVED = "received"
    DIAGNOSED = "diagnosed"
    ERASED = "erased"
    OS_INSTALLED = "os_installed"
    CHECKED = "checked"
    READY = "ready"
    RESERVED = "reserved"
    LOANED = "loaned"
    SOLD = "sold"
    GIVEN = "given"
    LOST = "lost"
    PARTS = "parts"
    RECYCLED = "recycled"

    labels = {
        RECEIVED: _("Received"),
        DIAGNOSED: _("Diagnosed"),
        ERASED: _("Erased"),
        OS_INSTALLED: _("System installed"),
        CHECKED: _("Checked"),
        READY: _("Ready"),
        RESERVED: _("Reserved"),
        LOANED: _("On loan"),
        SOLD: _("Sold"),
        GIVEN: _("Given"),
        LOST: _("Lost or stolen"),
        PARTS: _("Kept for parts"),
        RECYCLED: _("Recycled (WEEE)"),
    }
    choices = list(labels.items())

    # The refurbishment queue, in order: where a device waits for the next step.
    REFURBISHING = (RECEIVED, DIAGNOSED, ERASED, OS_INSTALLED, CHECKED)
    # Still in the workshop's hands and available for the refurbishing actions that undo nothing.
    IN_STOCK = (*REFURBISHING, READY, RESERVED, PARTS)
    # The device has left for good (or is gone).
    GONE = (SOLD, GIVEN, LOST, RECYCLED)

    @classmethod
    def label(cls, value: str) -> str:
        return cls.labels.get(value, value)


class Action:
    REGISTER = "register"
    EDIT = "edit"
    DIAGNOSE = "diagnose"
    ADD_DRIVE = "add_drive"
    ERASE = "erase"
    NO_STORAGE = "no_storage"
    INSTALL_OS = "install_os"
    CHECK = "check"
    GRADE = "grade"
    MARK_READY = "mark_ready"
    TO_PARTS = "to_parts"
    RECYCLE = "recycle"
    REPAIR = "repair"
    RESERVE = "reserve"
    RELEASE = "release"
    LEND = "lend"
    TAKE_BACK = "take_back"
    DECLARE_LOST = "declare_lost"
    GIVE = "give"
    SELL = "sell"
    WARRANTY_RETURN = "warranty_return"
    DONATE = "donate"
    BUY_OUT = "buy_out"
    CANCEL_SALE = "cancel_sale"
    SALE_RETURN = "sale_return"

    labels = {
        REGISTER: _("Registered"),
        EDIT: _("Details edited"),
        DIAGNOSE: _("Diagnose"),
        ADD_DRIVE: _("Add a drive"),
        ERASE: _("Record an erasure"),
        NO_STORAGE: _("Record that it has no storage"),
        INSTALL_OS: _("Record the system installed"),
        CHECK: _("Fill the checklist"),
        GRADE: _("Give a grade"),
        MARK_READY: _("Mark ready"),
        TO_PARTS: _("Keep for parts"),
        RECYCLE: _("Send to recycling"),
        REPAIR: _("Take back into refurbishing"),
        RESERVE: _("Reserve"),
        RELEASE: _("Release the reservation"),
        LEND: _("Lend"),
        TAKE_BACK: _("Take back"),
        DECLARE_LOST: _("Declare lost or stolen"),
        GIVE: _("Turn the loan into a gift"),
        SELL: _("Sell"),
        WARRANTY_RETURN: _("Warranty return"),
        DONATE: _("Supply free of charge"),
        BUY_OUT: _("Bought by the borrower"),
        CANCEL_SALE: _("Sale cancelled, device still here"),
        SALE_RETURN: _("Sale cancelled, device brought back"),
    }

    @classmethod
    def label(cls, value: str) -> str:
        return cls.labels.get(value, value)

    @classmethod
    def register_labels(cls, labels: dict) -> None:
        """Apps built on inventory name the journal actions they add (from AppConfig.ready)."""
        cls.labels.update(labels)


S = Status
# action -> (statuses it may start from, status it leads to; None keeps the status).
# ERASE leads to ERASED only once every drive is erased, CHECK to CHECKED only when every
# mandatory item passed: the service decides, this table says what may be tried at all.
TRANSITIONS: dict[str, tuple[tuple[str, ...], str | None]] = {
    Action.EDIT: ((*S.IN_STOCK,), None),
    Action.DIAGNOSE: ((S.RECEIVED,), S.DIAGNOSED),
    Action.ADD_DRIVE: ((S.RECEIVED, S.DIAGNOSED), None),
    Action.ERASE: ((S.DIAGNOSED,), S.ERASED),
    Action.NO_STORAGE: ((S.DIAGNOSED,), S.ERASED),
    Action.INSTALL_OS: ((S.ERASED, S.OS_INSTALLED), S.OS_INSTALLED),
    Action.CHECK: ((S.ERASED, S.OS_INSTALLED), S.CHECKED),
    Action.GRADE: ((S.DIAGNOSED, S.ERASED, S.OS_INSTALLED, S.CHECKED, S.READY), None),
    Action.MARK_READY: ((S.CHECKED,), S.READY),
    Action.TO_PARTS: ((*S.REFURBISHING, S.READY), S.PARTS),
    Action.RECYCLE: ((*S.REFURBISHING, S.READY, S.PARTS), S.RECYCLED),
    Action.REPAIR: ((S.PARTS, S.CHECKED, S.READY), S.DIAGNOSED),
    # Used by the loans app's services.
    Action.RESERVE: ((S.READY,), S.RESERVED),
    Action.RELEASE: ((S.RESERVED,), S.READY),
    Action.LEND: ((S.RESERVED, S.READY), S.LOANED),
    Action.TAKE_BACK: ((S.LOANED,), S.DIAGNOSED),
    Action.DECLARE_LOST: ((S.LOANED,), S.LOST),
    Action.GIVE: ((S.LOANED,), S.GIVEN),
    Action.SELL: ((S.RESERVED, S.READY), S.SOLD),
    Action.WARRANTY_RETURN: ((S.SOLD,), S.DIAGNOSED),
    Action.DONATE: ((S.RESERVED, S.READY), S.GIVEN),
    Action.BUY_OUT: ((S.LOANED,), S.SOLD),
    # A sale or free supply cancelled by a credit note: the device never left, or it came back.
    Action.CANCEL_SALE: ((S.SOLD, S.GIVEN), S.READY),
    Action.SALE_RETURN: ((S.SOLD, S.GIVEN), S.DIAGNOSED),
}

# Actions shown as buttons on the device page, in the order of the work.
WORKBENCH_ACTIONS = (
    Action.DIAGNOSE,
    Action.ADD_DRIVE,
    Action.ERASE,
    Action.NO_STORAGE,
    Action.INSTALL_OS,
    Action.CHECK,
    Action.GRADE,
    Action.MARK_READY,
    Action.REPAIR,
    Action.TO_PARTS,
    Action.RECYCLE,
)

# Leaving the refurbishing chain and coming back means starting a new cycle: erasure and
# checks of the previous cycle no longer count.
NEW_CYCLE_ACTIONS = (Action.TAKE_BACK, Action.WARRANTY_RETURN, Action.SALE_RETURN, Action.REPAIR)


class WorkflowError(DomainError):
    """A step the device's state forbids; the message is French, for the user."""


def is_allowed(status: str, action: str) -> bool:
    sources, _target = TRANSITIONS[action]
    return status in sources


def target_status(action: str) -> str | None:
    return TRANSITIONS[action][1]


def require(device, action: str) -> None:
    if not is_allowed(device.status, action):
        raise WorkflowError(
            _("“%(action)s” is not possible for %(tag)s: its status is “%(status)s”.")
            % {"action": Action.label(action), "tag": device.asset_tag, "status": Status.label(device.status)}
        )


def allowed_actions(device) -> list[str]:
    actions = [a for a in WORKBENCH_ACTIONS if is_allowed(device.status, a)]
    category = device.category
    if not category.needs_os and Action.INSTALL_OS in actions:
        actions.remove(Action.INSTALL_OS)
    if category.needs_os and device.status == Status.ERASED and Action.CHECK in actions:
        actions.remove(Action.CHECK)
    return actions
