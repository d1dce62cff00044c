from django.urls import path

from . import views

app_name = "evaluation"

urlpatterns = [
    path("follow-up/<str:token>/", views.follow_up_view, name="follow_up"),
]
