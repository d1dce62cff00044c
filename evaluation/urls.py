from django.urls import path

from . import views

app_name = "evaluation"

urlpatterns = [
    path("follow-up/<str:link>/", views.follow_up_view, name="follow_up"),
]
