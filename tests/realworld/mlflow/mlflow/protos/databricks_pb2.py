"""Stand-in for mlflow/mlflow mlflow/protos/databricks_pb2.py: the ``rpc`` method option."""

rpc = "rpc"
