"""Site-wide pieces shared by every app (no models): spreadsheet-safe exports."""
