from django.urls import path

from . import views as privacy_views

urlpatterns = [
    path("my-data.json", privacy_views.data_download, name="privacy_data"),
    path("delete/", privacy_views.account_delete_view, name="privacy_delete"),
]
