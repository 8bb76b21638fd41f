# The corpus holds project files, not tests: never collect anything under it.
collect_ignore_glob = ["*"]
