from django import forms
from django.utils.translation import gettext_lazy as _

from .label_formats import DEFAULT_FORMAT, FORMATS, format_choices
from .labels import ASSET, SPEC

KIND_CHOICES = [(ASSET, _("Asset label (barcode)")), (SPEC, _("Spec label (ready devices, with a QR code)"))]


class LabelPrintForm(forms.Form):
    """Which labels to print and how: the stock, where to start on a partly used sheet."""

    format = forms.ChoiceField(label=_("Label format"), choices=format_choices, initial=DEFAULT_FORMAT)
    kind = forms.ChoiceField(label=_("Kind of label"), choices=KIND_CHOICES, initial=ASSET, required=False)
    skip = forms.IntegerField(
        label=_("Labels already used on the sheet"),
        help_text=_("Printing starts after this many labels, counted row by row."),
        min_value=0,
        initial=0,
        required=False,
    )

    def clean_kind(self) -> str:
        return self.cleaned_data.get("kind") or ASSET

    def clean_skip(self) -> int:
        return self.cleaned_data.get("skip") or 0

    def clean(self):
        data = super().clean()
        fmt = FORMATS.get(data.get("format", ""))
        if fmt is None:
            return data
        data["label_format"] = fmt
        if data.get("skip", 0) >= fmt.per_page:
            self.add_error(
                "skip",
                _("A sheet of this format holds %(count)d labels: skip at most %(max)d.")
                % {"count": fmt.per_page, "max": fmt.per_page - 1},
            )
        if data.get("kind") == SPEC and not fmt.fits_spec_label:
            self.add_error("format", _("This format is too small for spec labels: choose a larger one."))
        return data

    def error_text(self) -> str:
        """Every error, each prefixed with its field's label, in one sentence for a message."""
        return " ".join(
            _("%(field)s: %(errors)s") % {"field": self.fields[name].label, "errors": " ".join(errors)}
            if name in self.fields
            else " ".join(errors)
            for name, errors in self.errors.items()
        )


class CalibrationForm(forms.Form):
    format = forms.ChoiceField(label=_("Label format"), choices=format_choices, initial=DEFAULT_FORMAT)
