"""Forms parse input into what the services take; they hold no rule of the workflow."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.core.validators import MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from workshop.models import Site

from .models import ChecklistItem, Device, DeviceCategory, Donor, OperatingSystem, StorageDrive
from .models.device import ErasureMethod, ErasureResult, ErasureStandard, Grade
from .services import EDITABLE_FIELDS, DeviceLine
from .workflow import Status

MAX_BATCH = 500


class DonorForm(forms.ModelForm):
    class Meta:
        model = Donor
        fields = ["kind", "name", "siret", "contact_name", "email", "phone", "address", "commune", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 2}), "commune": forms.TextInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A commune is typed as its INSEE code or name; 35,000 options would not make a usable list.
        self.fields["commune"] = CommuneField(required=False, label=_("commune"))


class CommuneField(forms.CharField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", _("Name or INSEE code, e.g. Lorient or 56121"))
        super().__init__(*args, **kwargs)

    def clean(self, value):
        from workshop.models import Commune

        value = super().clean(value).strip()
        if not value:
            return None
        matches = Commune.objects.filter(insee_code=value) or Commune.objects.filter(name__iexact=value)
        if len(matches) == 1:
            return matches[0]
        if not matches:
            raise forms.ValidationError(_("No commune is called “%(value)s”.") % {"value": value})
        raise forms.ValidationError(
            _("Several communes are called “%(value)s”: type the INSEE code (%(codes)s).")
            % {"value": value, "codes": ", ".join(c.insee_code for c in matches[:6])}
        )


class LotForm(forms.Form):
    donor = forms.ModelChoiceField(Donor.objects.all(), label=_("Donor"))
    site = forms.ModelChoiceField(Site.objects.filter(is_active=True), label=_("Site"))
    received_on = forms.DateField(label=_("Received on"), widget=forms.DateInput(attrs={"type": "date"}))
    reference = forms.CharField(
        label=_("Reference"), required=False, max_length=30, help_text=_("Leave empty to generate one.")
    )
    weight_kg = forms.DecimalField(label=_("Total weight (kg)"), required=False, min_value=0, decimal_places=2)
    notes = forms.CharField(label=_("Notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["received_on"].initial = timezone.localdate()
        if user is not None and user.current_site_id:
            self.fields["site"].initial = user.current_site_id


class CategoryChoiceField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        super().__init__(DeviceCategory.objects.filter(is_active=True), label=_("Category"), **kwargs)


def _optional_decimal(text: str, label: str, line: int) -> Decimal | None:
    if not text:
        return None
    try:
        return Decimal(text.replace(",", "."))
    except InvalidOperation:
        raise forms.ValidationError(
            _("Line %(line)d: %(label)s “%(value)s” is not a number.") % {"line": line, "label": label, "value": text}
        ) from None


class DeviceFieldsForm(forms.ModelForm):
    """Device fields as the model defines them (labels, lengths); forms never save, services do."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "category" in self.fields:
            self.fields["category"].queryset = DeviceCategory.objects.filter(is_active=True)
        for name in ("ram_gb", "screen_size_in", "weight_kg"):
            if name in self.fields:
                self.fields[name].validators.append(MinValueValidator(0))
                self.fields[name].widget.attrs["min"] = 0
        if "battery_health_pct" in self.fields:
            self.fields["battery_health_pct"].widget.attrs["max"] = 100


class DeviceBatchForm(DeviceFieldsForm):
    """n identical devices, or one per serial number listed (one per line)."""

    quantity = forms.IntegerField(label=_("How many"), min_value=1, max_value=MAX_BATCH, initial=1)
    serials = forms.CharField(
        label=_("Serial numbers, one per line (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "off"}),
    )

    class Meta:
        model = Device
        fields = ["category", "brand", "model", "cpu", "ram_gb", "screen_size_in"]

    def clean(self):
        data = super().clean()
        serials = [s.strip() for s in data.get("serials", "").splitlines() if s.strip()]
        quantity = data.get("quantity") or 1
        if serials and quantity not in (1, len(serials)):
            raise forms.ValidationError(
                _("You listed %(serials)d serial numbers for %(quantity)d devices.")
                % {"serials": len(serials), "quantity": quantity}
            )
        if len(serials) > MAX_BATCH:
            raise forms.ValidationError(_("At most %(max)d devices at once.") % {"max": MAX_BATCH})
        duplicates = sorted({s for s in serials if serials.count(s) > 1})
        if duplicates:
            raise forms.ValidationError(
                _("Serial numbers listed twice: %(serials)s.") % {"serials": ", ".join(duplicates)}
            )
        common = {
            "brand": data.get("brand", ""),
            "model": data.get("model", ""),
            "cpu": data.get("cpu", ""),
            "ram_gb": data.get("ram_gb"),
            "screen_size_in": data.get("screen_size_in"),
        }
        data["lines"] = [DeviceLine(serial=s, **common) for s in serials] or [DeviceLine(**common)] * quantity
        return data


class DeviceLinesForm(forms.Form):
    """Different devices of one category, one per line: brand ; model ; serial ; processor ; RAM."""

    category = CategoryChoiceField()
    lines = forms.CharField(
        label=_("One device per line: brand ; model ; serial number ; processor ; memory (GB)"),
        widget=forms.Textarea(attrs={"rows": 6, "autocomplete": "off", "spellcheck": "false"}),
    )

    def clean_lines(self):
        parsed, errors = [], []
        for number, raw in enumerate(self.cleaned_data["lines"].splitlines(), start=1):
            if not raw.strip():
                continue
            cells = [c.strip() for c in raw.replace("\t", ";").split(";")]
            if len(cells) > 5:
                errors.append(_("Line %(line)d: more than 5 fields.") % {"line": number})
                continue
            cells += [""] * (5 - len(cells))
            brand, model, serial, cpu, ram = cells
            if not (brand or model or serial):
                errors.append(_("Line %(line)d: give at least a brand, a model or a serial number.") % {"line": number})
                continue
            try:
                ram_gb = _optional_decimal(ram, _("memory"), number)
            except forms.ValidationError as error:
                errors.extend(error.messages)
                continue
            parsed.append(DeviceLine(brand=brand, model=model, serial=serial, cpu=cpu, ram_gb=ram_gb))
        if errors:
            raise forms.ValidationError(errors)
        if len(parsed) > MAX_BATCH:
            raise forms.ValidationError(_("At most %(max)d devices at once.") % {"max": MAX_BATCH})
        if not parsed:
            raise forms.ValidationError(_("No device to register."))
        return parsed


class ScanEntryForm(DeviceFieldsForm):
    """One device per scan of its serial number; category, brand and model stay for the next scan."""

    serial = forms.CharField(
        label=_("Scan or type the serial number, then Enter"),
        max_length=100,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autofocus": True}),
    )

    class Meta:
        model = Device
        fields = ["category", "brand", "model"]


class DeviceEditForm(DeviceFieldsForm):
    class Meta:
        model = Device
        fields = list(EDITABLE_FIELDS)
        widgets = {"notes": forms.Textarea(attrs={"rows": 2})}


class DiagnoseForm(DeviceFieldsForm):
    notes = forms.CharField(label=_("Diagnosis notes"), required=False, widget=forms.Textarea(attrs={"rows": 2}))

    class Meta:
        model = Device
        fields = ["cpu", "ram_gb", "screen_size_in", "battery_health_pct", "keyboard_layout"]


class DriveForm(forms.ModelForm):
    class Meta:
        model = StorageDrive
        fields = ["kind", "model", "serial", "capacity_gb"]


class ErasureForm(forms.Form):
    drive = forms.TypedChoiceField(label=_("Drive"), coerce=int)
    method = forms.ChoiceField(label=_("Method"), choices=ErasureMethod.choices)
    standard = forms.ChoiceField(label=_("Standard"), choices=ErasureStandard.choices)
    tool = forms.CharField(label=_("Tool"), max_length=120, initial="nwipe")
    started_at = forms.DateTimeField(
        label=_("Started at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    ended_at = forms.DateTimeField(label=_("Ended at"), widget=forms.DateTimeInput(attrs={"type": "datetime-local"}))
    result = forms.ChoiceField(label=_("Result"), choices=ErasureResult.choices, widget=forms.RadioSelect)
    notes = forms.CharField(label=_("Notes"), max_length=300, required=False)

    def __init__(self, *args, drives: list[StorageDrive], **kwargs):
        super().__init__(*args, **kwargs)
        self.drives = {drive.pk: drive for drive in drives}
        self.fields["drive"].choices = [(drive.pk, str(drive)) for drive in drives]
        waiting = [drive for drive in drives if not drive.erased_now]
        if waiting:
            self.fields["drive"].initial = waiting[0].pk
        now = timezone.localtime().replace(second=0, microsecond=0)
        self.fields["started_at"].initial = now.strftime("%Y-%m-%dT%H:%M")
        self.fields["ended_at"].initial = now.strftime("%Y-%m-%dT%H:%M")
        self.fields["result"].initial = ErasureResult.SUCCESS

    def clean(self):
        data = super().clean()
        if data.get("drive"):
            data["drive"] = self.drives[data["drive"]]
        if data.get("started_at") and data.get("ended_at") and data["ended_at"] < data["started_at"]:
            self.add_error("ended_at", _("The erasure cannot end before it started."))
        return data


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=200)


class InstallOSForm(forms.Form):
    operating_system = forms.ModelChoiceField(OperatingSystem.objects.filter(is_active=True), label=_("System"))
    version = forms.CharField(label=_("Version"), max_length=40, required=False)

    def __init__(self, *args, device=None, **kwargs):
        super().__init__(*args, **kwargs)
        if device is not None:
            mobile = device.category.kind in ("tablet", "smartphone")
            self.fields["operating_system"].queryset = OperatingSystem.objects.filter(is_active=True, for_mobile=mobile)


class ChecklistForm(forms.Form):
    """One OK/fault choice and a note per item of the device's category."""

    def __init__(self, *args, items: list[ChecklistItem], **kwargs):
        super().__init__(*args, **kwargs)
        self.items = items
        for item in items:
            self.fields[f"item_{item.pk}"] = forms.ChoiceField(
                label=item.label,
                help_text=item.help_text,
                choices=[("ok", _("OK")), ("fail", _("Fault"))],
                widget=forms.RadioSelect,
                required=item.mandatory,
            )
            self.fields[f"note_{item.pk}"] = forms.CharField(label=_("Note"), max_length=200, required=False)

    def rows(self):
        return [(item, self[f"item_{item.pk}"], self[f"note_{item.pk}"]) for item in self.items]

    def results(self) -> dict[int, tuple[bool, str]]:
        return {
            item.pk: (self.cleaned_data[f"item_{item.pk}"] == "ok", self.cleaned_data[f"note_{item.pk}"])
            for item in self.items
            if self.cleaned_data.get(f"item_{item.pk}")
        }


class GradeForm(forms.Form):
    grade = forms.ChoiceField(label=_("Cosmetic grade"), choices=Grade.choices, widget=forms.RadioSelect)


class EmptyForm(forms.Form):
    pass


# key: (ordering, label)
SORTS = {
    "-created": ("-created_at", _("Newest first")),
    "created": ("created_at", _("Oldest first")),
    "tag": ("asset_tag", _("Tag")),
    "status": ("status", _("Status")),
    "category": ("category__name", _("Category")),
    "brand": ("brand", _("Brand")),
    "model": ("model", _("Model")),
    "grade": ("grade", _("Grade")),
}
PAGE_SIZES = (20, 50, 100, 200)
DEFAULT_PAGE_SIZE = 50


class DeviceFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False)
    status = forms.ChoiceField(label=_("Status"), required=False)
    category = forms.ModelChoiceField(
        DeviceCategory.objects.all(), label=_("Category"), required=False, empty_label=_("All")
    )
    site = forms.ChoiceField(label=_("Site"), required=False)
    grade = forms.ChoiceField(label=_("Grade"), required=False, choices=[("", _("All")), *Grade.choices])
    lot = forms.CharField(label=_("Lot"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"), required=False, choices=[(key, label) for key, (_o, label) in SORTS.items()]
    )
    per_page = forms.TypedChoiceField(
        label=_("Per page"),
        required=False,
        coerce=int,
        choices=[(n, n) for n in PAGE_SIZES],
        empty_value=DEFAULT_PAGE_SIZE,
        initial=DEFAULT_PAGE_SIZE,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["status"].choices = [("", _("All")), ("in_stock", _("In stock")), *Status.choices]
        self.fields["site"].choices = [("", _("My site")), ("all", _("All sites"))] + [
            (str(s.pk), s.name) for s in Site.objects.all()
        ]

    def filter(self, queryset, *, user):
        data = self.cleaned_data if self.is_valid() else {}
        if data.get("q"):
            queryset = queryset.search(data["q"])
        status = data.get("status")
        if status == "in_stock":
            queryset = queryset.filter(status__in=Status.IN_STOCK)
        elif status:
            queryset = queryset.filter(status=status)
        if data.get("category"):
            queryset = queryset.filter(category=data["category"])
        site = data.get("site")
        if site == "" or site is None:
            if user.current_site_id:
                queryset = queryset.filter(site_id=user.current_site_id)
        elif site != "all":
            queryset = queryset.filter(site_id=int(site))
        if data.get("grade"):
            queryset = queryset.filter(grade=data["grade"])
        if data.get("lot"):
            queryset = queryset.filter(lot__reference__iexact=data["lot"].strip())
        ordering, _label = SORTS[data.get("sort") or "-created"]
        return queryset.order_by(ordering, "-pk")

    @property
    def page_size(self) -> int:
        return (self.cleaned_data.get("per_page") if self.is_valid() else None) or DEFAULT_PAGE_SIZE
