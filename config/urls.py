from django.contrib import admin
from django.contrib.auth import views as auth_views
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Seconde Vie — administration")
admin.site.site_title = _("Seconde Vie")

urlpatterns = [
    path("connexion/", auth_views.LoginView.as_view(), name="login"),
    path("deconnexion/", auth_views.LogoutView.as_view(), name="logout"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path("", include("workshop.urls")),
    path("", include("inventory.urls")),
    path("", include("partners.urls")),
    path("", include("loans.urls")),
]
