"""Stand-in for mlflow/mlflow mlflow/protos/: generated protobuf modules."""
