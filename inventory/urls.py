from django.urls import path

from . import views

app_name = "inventory"

urlpatterns = [
    path("atelier/", views.home, name="home"),
    path("scan/", views.scan, name="scan"),
    path("donateurs/nouveau/", views.donor_create, name="donor_create"),
    path("lots/", views.lot_list, name="lot_list"),
    path("lots/nouveau/", views.lot_create, name="lot_create"),
    path("lots/<int:pk>/", views.lot_detail, name="lot_detail"),
    path("appareils/", views.device_list, name="device_list"),
    path("appareils/<str:tag>/", views.device_detail, name="device_detail"),
    path("appareils/<str:tag>/modifier/", views.device_edit, name="device_edit"),
    path("appareils/<str:tag>/action/<str:action>/", views.device_action, name="device_action"),
    path("stock/", views.stock, name="stock"),
]
