from django.urls import path

from . import views

app_name = "loans"

urlpatterns = [
    path("prets/", views.loan_list, name="loan_list"),
    path("prets/appels/", views.call_list, name="call_list"),
    path("prets/<int:pk>/", views.loan_detail, name="loan_detail"),
    path("prets/<int:pk>/<slug:action>/", views.loan_action, name="loan_action"),
    path("appareils/<str:tag>/preter/", views.handover, name="handover"),
    path("appareils/<str:tag>/vendre/", views.sale_create, name="sale_create"),
    path("ventes/", views.sale_list, name="sale_list"),
    path("ventes/<int:pk>/", views.sale_detail, name="sale_detail"),
    path("ventes/<int:pk>/retour-garantie/", views.warranty_return, name="warranty_return"),
    path("ventes/<int:pk>/annuler/", views.sale_cancel, name="sale_cancel"),
    path("adhesions/", views.membership_list, name="membership_list"),
]
