"""The offline architect's rules: one module per rule, one engine, one registry."""
