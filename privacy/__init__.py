"""A person's own data: "download my data" and account deletion.

The top layer: it gathers each app's part of a person's record (accounts,
enrolments, attempts, certificates), so no other app imports it, and the
apps below never import each other to build it.
"""
