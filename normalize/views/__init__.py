"""Views of a cleaning: ways to show a person what changed (the explain list)."""
