from django.urls import path

from . import views

app_name = "documents"

urlpatterns = [
    path("etiquettes/lot/<int:pk>/", views.lot_labels, name="lot_labels"),
    path("etiquettes/appareil/<str:tag>/", views.device_labels, name="device_labels"),
    path("etiquettes/selection/", views.selection_labels, name="selection_labels"),
    path("etiquettes/calibrage/", views.calibration, name="calibration"),
    path("certificat/lot/<int:pk>/", views.lot_certificate, name="lot_certificate"),
    path("certificat/appareil/<str:tag>/", views.device_certificate, name="device_certificate"),
    path("attestation-de-don/lot/<int:pk>/", views.lot_receipt, name="lot_receipt"),
    path("<int:pk>/pdf/", views.issued_pdf, name="issued_pdf"),
]
