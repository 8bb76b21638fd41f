"""Generated *_pb2 descriptors are decoded from their bytes (MLflow builds its routes from them)."""

from __future__ import annotations

from pathlib import Path

import pytest

from architect_tui.analysis import read_project
from architect_tui.analysis.libraries.protobuf import decode_file


def _varint(n: int) -> bytes:
    out = bytearray()
    while True:
        byte, n = n & 0x7F, n >> 7
        out.append(byte | (0x80 if n else 0))
        if not n:
            return bytes(out)


def _field(number: int, value: bytes | int) -> bytes:
    if isinstance(value, int):
        return _varint(number << 3) + _varint(value)
    return _varint(number << 3 | 2) + _varint(len(value)) + value


def _descriptor() -> bytes:
    """service.proto with one service, one method, an rpc option: POST /things/create, v2."""
    since = _field(1, 2)
    endpoint = _field(1, b"POST") + _field(2, b"/things/create") + _field(3, since)
    rpc = _field(1, endpoint)
    options = _field(51310, rpc)
    method = _field(1, b"createThing") + _field(2, b".demo.CreateThing") + _field(4, options)
    service = _field(1, b"ThingService") + _field(2, method)
    message = _field(1, b"CreateThing")
    extension = _field(1, b"rpc") + _field(3, 51310)
    return (
        _field(1, b"service.proto") + _field(4, message) + _field(6, service) + _field(7, extension)
    )


def test_decode_file_reads_services_and_rpc_endpoints() -> None:
    """Services, methods, request types and the rpc option's endpoints come out of the bytes."""
    pb = decode_file(_descriptor())
    assert pb.messages == ["CreateThing"]
    assert pb.extensions == {"rpc": 51310}
    [service] = pb.services
    [method] = service.methods
    assert (service.name, method.name, method.input_type) == (
        "ThingService",
        "createThing",
        "CreateThing",
    )
    [endpoint] = method.rpc_endpoints()
    assert (endpoint.method, endpoint.path, endpoint.since.major) == ("POST", "/things/create", 2)


NEW_STYLE = (
    "from google.protobuf import descriptor_pool as _descriptor_pool\n"
    "from google.protobuf.internal import builder as _builder\n"
    "DESCRIPTOR = _descriptor_pool.Default().AddSerializedFile({data!r})\n"
    "_globals = globals()\n"
    "_builder.BuildTopDescriptorsAndMessages(DESCRIPTOR, 'service_pb2', _globals)\n"
    "_builder.BuildServices(DESCRIPTOR, 'service_pb2', _globals)\n"
)
OLD_STYLE = (
    "from google.protobuf import descriptor as _descriptor\n"
    "from google.protobuf import message as _message\n"
    "from google.protobuf import reflection as _reflection\n"
    "from google.protobuf import service as _service\n"
    "from google.protobuf import service_reflection\n"
    "DESCRIPTOR = _descriptor.FileDescriptor(name='service.proto', serialized_pb={data!r})\n"
    "CreateThing = _reflection.GeneratedProtocolMessageType("
    "'CreateThing', (_message.Message,), {{'__module__': 'service_pb2'}})\n"
    "rpc = _descriptor.FieldDescriptor(name='rpc', number=51310, is_extension=True)\n"
    "_THINGSERVICE = DESCRIPTOR.services_by_name['ThingService']\n"
    "ThingService = service_reflection.GeneratedServiceType("
    "'ThingService', (_service.Service,), dict(DESCRIPTOR=_THINGSERVICE))\n"
)


@pytest.mark.parametrize("style", [NEW_STYLE, OLD_STYLE], ids=["builder", "reflection"])
def test_routes_from_a_generated_module(tmp_path: Path, style: str) -> None:
    """A Flask app that loops over a generated service's rpc endpoints is mapped statically,
    whichever protoc generation wrote the module."""
    (tmp_path / "protos").mkdir()
    (tmp_path / "protos" / "__init__.py").write_text("")
    (tmp_path / "protos" / "service_pb2.py").write_text(style.format(data=_descriptor()))
    (tmp_path / "app.py").write_text(
        "from flask import Flask\n"
        "from protos import service_pb2\n"
        "from protos.service_pb2 import CreateThing, ThingService\n\n"
        "app = Flask(__name__)\n\n\n"
        "def _create_thing():\n    return ''\n\n\n"
        "HANDLERS = {CreateThing: _create_thing}\n\n"
        "for method in ThingService.DESCRIPTOR.methods:\n"
        "    for ep in method.GetOptions().Extensions[service_pb2.rpc].endpoints:\n"
        "        handler = HANDLERS.get(ThingService().GetRequestClass(method))\n"
        "        rule = f'/api/{ep.since.major}.0{ep.path}'\n"
        "        app.add_url_rule(rule, handler.__name__, handler, methods=[ep.method])\n"
    )
    project = read_project(tmp_path, use_cache=False)
    routes = {(r.rule, r.methods, r.endpoint) for r in project.routes}
    assert ("/api/2.0/things/create", ("POST",), "_create_thing") in routes
