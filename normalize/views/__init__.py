"""Views of a cleaning: ways to show a person what changed.

    explain   the --explain list: each edit, where it sits, in context
    review    the --review page: input and output side by side, by stage
    report    the --report totals of a run
    visible   the stand-ins both show for control characters
"""
