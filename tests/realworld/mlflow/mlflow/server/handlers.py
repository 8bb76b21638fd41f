"""Reproduces mlflow/mlflow mlflow/server/handlers.py: REST endpoints derived from protobuf services.

``get_endpoints`` walks each service's descriptor; every rpc endpoint becomes two paths (``/api``
and ``/ajax-api``), each bound to the handler registered for the method's request class.
"""

import functools
import os
import re

from mlflow.protos import databricks_pb2
from mlflow.protos.mlflow_artifacts_pb2 import (
    DeleteArtifact,
    DownloadArtifact,
    MlflowArtifactsService,
    UploadArtifact,
)
from mlflow.protos.mlflow_artifacts_pb2 import (
    ListArtifacts as ListArtifactsMlflowArtifacts,
)
from mlflow.protos.model_registry_pb2 import (
    CreateModelVersion,
    CreateRegisteredModel,
    DeleteRegisteredModel,
    GetLatestVersions,
    GetModelVersionDownloadUri,
    GetRegisteredModel,
    ModelRegistryService,
    RenameRegisteredModel,
    SearchRegisteredModels,
    UpdateRegisteredModel,
)
from mlflow.protos.service_pb2 import (
    CreateExperiment,
    CreateRun,
    DeleteExperiment,
    DeleteRun,
    DeleteTag,
    EndTrace,
    GetExperiment,
    GetExperimentByName,
    GetMetricHistory,
    GetRun,
    GetTraceInfo,
    ListArtifacts,
    LogBatch,
    LogInputs,
    LogMetric,
    LogModel,
    LogParam,
    MlflowService,
    RestoreExperiment,
    RestoreRun,
    SearchExperiments,
    SearchRuns,
    SearchTraces,
    SetExperimentTag,
    SetTag,
    SetTraceTag,
    StartTrace,
    UpdateExperiment,
    UpdateRun,
)

STATIC_PREFIX_ENV_VAR = "_MLFLOW_STATIC_PREFIX"


def catch_mlflow_exception(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def _disable_if_artifacts_only(func):
    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        return func(*args, **kwargs)

    return wrapper


def _add_static_prefix(route):
    prefix = os.environ.get(STATIC_PREFIX_ENV_VAR)
    if prefix:
        return prefix + route
    return route


def get_artifact_handler():
    return ""


def get_model_version_artifact_handler():
    return ""


def get_metric_history_bulk_handler():
    return ""


def _not_implemented():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _create_experiment():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _search_experiments():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _get_experiment():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _get_experiment_by_name():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _delete_experiment():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _restore_experiment():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _update_experiment():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _create_run():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _update_run():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _delete_run():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _restore_run():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _log_metric():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _log_param():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _set_experiment_tag():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _set_tag():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _delete_tag():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _get_run():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _search_runs():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _list_artifacts():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _get_metric_history():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _log_batch():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _log_model():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _log_inputs():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _start_trace():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _end_trace():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _get_trace_info():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _search_traces():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _set_trace_tag():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _create_registered_model():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _rename_registered_model():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _update_registered_model():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _delete_registered_model():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _get_registered_model():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _search_registered_models():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _get_latest_versions():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _create_model_version():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _get_model_version_download_uri():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _download_artifact():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _upload_artifact():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _list_artifacts_mlflow_artifacts():
    return ""


@catch_mlflow_exception
@_disable_if_artifacts_only
def _delete_artifact_mlflow_artifacts():
    return ""


HANDLERS = {
    CreateExperiment: _create_experiment,
    SearchExperiments: _search_experiments,
    GetExperiment: _get_experiment,
    GetExperimentByName: _get_experiment_by_name,
    DeleteExperiment: _delete_experiment,
    RestoreExperiment: _restore_experiment,
    UpdateExperiment: _update_experiment,
    CreateRun: _create_run,
    UpdateRun: _update_run,
    DeleteRun: _delete_run,
    RestoreRun: _restore_run,
    LogMetric: _log_metric,
    LogParam: _log_param,
    SetExperimentTag: _set_experiment_tag,
    SetTag: _set_tag,
    DeleteTag: _delete_tag,
    GetRun: _get_run,
    SearchRuns: _search_runs,
    ListArtifacts: _list_artifacts,
    GetMetricHistory: _get_metric_history,
    LogBatch: _log_batch,
    LogModel: _log_model,
    LogInputs: _log_inputs,
    StartTrace: _start_trace,
    EndTrace: _end_trace,
    GetTraceInfo: _get_trace_info,
    SearchTraces: _search_traces,
    SetTraceTag: _set_trace_tag,
    CreateRegisteredModel: _create_registered_model,
    RenameRegisteredModel: _rename_registered_model,
    UpdateRegisteredModel: _update_registered_model,
    DeleteRegisteredModel: _delete_registered_model,
    GetRegisteredModel: _get_registered_model,
    SearchRegisteredModels: _search_registered_models,
    GetLatestVersions: _get_latest_versions,
    CreateModelVersion: _create_model_version,
    GetModelVersionDownloadUri: _get_model_version_download_uri,
    DownloadArtifact: _download_artifact,
    UploadArtifact: _upload_artifact,
    ListArtifactsMlflowArtifacts: _list_artifacts_mlflow_artifacts,
    DeleteArtifact: _delete_artifact_mlflow_artifacts,
}


def get_handler(request_class):
    """
    :param request_class: The type of protobuf message
    :return:
    """
    return HANDLERS.get(request_class, _not_implemented)


def _get_rest_path(base_path, version=2):
    return f"/api/{version}.0{base_path}"


def _get_ajax_path(base_path, version=2):
    return _add_static_prefix(f"/ajax-api/{version}.0{base_path}")


def _convert_path_parameter_to_flask_format(path):
    """
    Converts path parameter format to Flask compatible format.

    Some protobuf endpoint paths contain parameters like /mlflow/trace/{request_id}.
    This can be interpreted correctly by gRPC framework like Armeria, but Flask does
    not understand it. Instead, we need to specify it with a different format,
    like /mlflow/trace/<request_id>.
    """
    return re.sub(r"{(\w+)}", r"<\1>", path)


def _get_paths(base_path, version=2):
    """
    A service endpoints base path is typically something like /mlflow/experiment.
    We should register paths like /api/2.0/mlflow/experiment and
    /ajax-api/2.0/mlflow/experiment in the Flask router.
    """
    base_path = _convert_path_parameter_to_flask_format(base_path)
    return [_get_rest_path(base_path, version), _get_ajax_path(base_path, version)]


def get_service_endpoints(service, get_handler):
    ret = []
    for service_method in service.DESCRIPTOR.methods:
        endpoints = service_method.GetOptions().Extensions[databricks_pb2.rpc].endpoints
        for endpoint in endpoints:
            for http_path in _get_paths(endpoint.path, version=endpoint.since.major):
                handler = get_handler(service().GetRequestClass(service_method))
                ret.append((http_path, handler, [endpoint.method]))
    return ret


def get_endpoints(get_handler=get_handler):
    """
    :return: List of tuples (path, handler, methods)
    """
    return (
        get_service_endpoints(MlflowService, get_handler)
        + get_service_endpoints(ModelRegistryService, get_handler)
        + get_service_endpoints(MlflowArtifactsService, get_handler)
    )
