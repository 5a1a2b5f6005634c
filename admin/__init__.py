"""Administration web pages and JSON API, mounted by the main app at /admin/."""
