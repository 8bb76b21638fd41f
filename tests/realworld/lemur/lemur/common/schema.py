"""Reproduces Netflix/lemur lemur/common/schema.py: the validate_schema decorator factory."""

from functools import wraps


def validate_schema(input_schema, output_schema):
    def decorator(f):
        @wraps(f)
        def decorated_function(*args, **kwargs):
            return f(*args, **kwargs)

        return decorated_function

    return decorator
