from django.urls import path

from .views import DecisionView, QueueView

app_name = "vetting"

urlpatterns = [
    path("", QueueView.as_view(), name="queue"),
    path("results/", QueueView.as_view(results_only=True), name="queue_results"),
    path("<int:pk>/", DecisionView.as_view(), name="decide"),
]
