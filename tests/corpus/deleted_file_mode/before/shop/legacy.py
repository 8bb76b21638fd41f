def old_helper():
    return 42
