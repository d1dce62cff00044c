from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("verify/", views.verify_form, name="verify"),
    path("verify/<str:code>/", views.verify_detail, name="verify_detail"),
    path("verify/<str:code>/credential.jwt", views.credential, name="credential"),
    path("offline/", views.offline, name="offline"),
    path("offline/sw.js", views.offline_worker, name="offline_worker"),
    path("offline/manifest.webmanifest", views.offline_manifest, name="offline_manifest"),
    path("<str:code>/pdf/", views.certificate_download, name="pdf"),
    path("<str:code>/renew/", views.renewal_start, name="renew"),
]
