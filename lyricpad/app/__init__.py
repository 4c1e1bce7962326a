"""Qt without widgets: the session that owns the library, list models and settings."""
