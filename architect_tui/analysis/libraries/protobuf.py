"""Generated protobuf modules (``*_pb2.py``), read as data instead of run.

Some Flask apps build their URL map from protobuf service descriptors (MLflow's REST server:
``for method in Service.DESCRIPTOR.methods: ... GetOptions().Extensions[databricks_pb2.rpc]``).
The generated modules hold the descriptor as a serialized ``FileDescriptorProto``
(``descriptor_pool.Default().AddSerializedFile(b"...")``) and ask the protobuf runtime, a C
extension, to inject message and service classes into ``globals()``. The interpreter cannot
run that runtime, so this module decodes the bytes (protobuf wire format, field numbers from
``descriptor.proto``) and provides stand-in values with the attributes such code reads.

Method options are decoded for one well-known extension: Databricks' ``rpc`` option (field
51310 of ``MethodOptions``: ``DatabricksRpcOptions.endpoints`` = 1, ``HttpEndpoint`` method = 1
(default ``POST``), path = 2, since = 3, ``ApiVersion`` major = 1, minor = 2), used by MLflow.
Anything else stays unknown, which the map reports as a diagnostic.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from architect_tui.analysis.libraries.base import NOT_HANDLED, Context, LibraryModel
from architect_tui.analysis.values import Builtin, Site, Unknown

RPC_EXTENSION = 51310


class WireError(ValueError):
    """Bytes that are not a protobuf message this decoder understands."""


def _varint(data: bytes, pos: int) -> tuple[int, int]:
    result = shift = 0
    while True:
        if pos >= len(data) or shift > 63:
            raise WireError("truncated varint")
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return result, pos


def fields(data: bytes) -> Iterator[tuple[int, int | bytes]]:
    """(field number, value) pairs; varints as ints, length-delimited values as bytes."""
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(data, pos)
            yield number, value
        elif wire == 2:
            size, pos = _varint(data, pos)
            if pos + size > len(data):
                raise WireError("truncated field")
            yield number, data[pos : pos + size]
            pos += size
        elif wire == 1:
            pos += 8
        elif wire == 5:
            pos += 4
        else:
            raise WireError(f"unsupported wire type {wire}")


def _text(value: int | bytes) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


@dataclass(eq=False)
class PbMethod:
    name: str
    input_type: str  # short name of the request message
    options: bytes

    def rpc_endpoints(self) -> list[PbEndpoint]:
        found: list[PbEndpoint] = []
        for number, value in fields(self.options):
            if number == RPC_EXTENSION and isinstance(value, bytes):
                for inner, endpoint in fields(value):
                    if inner == 1 and isinstance(endpoint, bytes):
                        found.append(PbEndpoint.decode(endpoint))
        return found


@dataclass(eq=False)
class PbEndpoint:
    method: str = "POST"
    path: str = ""
    since: PbVersion = field(default_factory=lambda: PbVersion())

    @classmethod
    def decode(cls, data: bytes) -> PbEndpoint:
        endpoint = cls()
        for number, value in fields(data):
            if number == 1:
                endpoint.method = _text(value)
            elif number == 2:
                endpoint.path = _text(value)
            elif number == 3 and isinstance(value, bytes):
                endpoint.since = PbVersion.decode(value)
        return endpoint


@dataclass(eq=False)
class PbVersion:
    major: int = 0
    minor: int = 0

    @classmethod
    def decode(cls, data: bytes) -> PbVersion:
        version = cls()
        for number, value in fields(data):
            if number == 1 and isinstance(value, int):
                version.major = value
            elif number == 2 and isinstance(value, int):
                version.minor = value
        return version


@dataclass(eq=False)
class PbService:
    name: str
    methods: list[PbMethod]


@dataclass(eq=False)
class PbFile:
    """A decoded ``FileDescriptorProto``: message names, services, extension names."""

    name: str
    messages: list[str]
    services: list[PbService]
    extensions: dict[str, int]  # extension field name -> number


@dataclass(eq=False)
class PbMessageClass:
    """A message class the protobuf builder would inject (identity matters: dict keys)."""

    name: str
    module: str


@dataclass(eq=False)
class PbServiceClass:
    """A generic-service class (``py_generic_services``): ``DESCRIPTOR`` and ``GetRequestClass``."""

    service: PbService
    module_globals: dict[str, Any]


@dataclass(eq=False)
class PbExtension:
    name: str
    number: int


@dataclass(eq=False)
class PbOptions:
    method: PbMethod


def decode_file(data: bytes) -> PbFile:
    """Decode a serialized ``FileDescriptorProto``; raises :class:`WireError` on bad bytes."""
    name = ""
    messages: list[str] = []
    services: list[PbService] = []
    extensions: dict[str, int] = {}
    for number, value in fields(data):
        if number == 1:
            name = _text(value)
        elif number == 4 and isinstance(value, bytes):
            message_name = next((_text(v) for n, v in fields(value) if n == 1), "")
            if message_name:
                messages.append(message_name)
        elif number == 6 and isinstance(value, bytes):
            services.append(_decode_service(value))
        elif number == 7 and isinstance(value, bytes):
            ext = dict(fields(value))
            if 1 in ext and isinstance(ext.get(3), int):
                extensions[_text(ext[1])] = int(ext[3])  # type: ignore[arg-type]
    return PbFile(name, messages, services, extensions)


def _decode_service(data: bytes) -> PbService:
    name = ""
    methods: list[PbMethod] = []
    for number, value in fields(data):
        if number == 1:
            name = _text(value)
        elif number == 2 and isinstance(value, bytes):
            method = {"name": "", "input": "", "options": b""}
            for inner, item in fields(value):
                if inner == 1:
                    method["name"] = _text(item)
                elif inner == 2:
                    method["input"] = _text(item).rsplit(".", 1)[-1]
                elif inner == 4 and isinstance(item, bytes):
                    method["options"] = item
            methods.append(
                PbMethod(str(method["name"]), str(method["input"]), bytes(method["options"]))
            )  # type: ignore[arg-type]
    return PbService(name, methods)


def inject(
    pb_file: PbFile, module_name: str, module_globals: dict[str, Any], *, services: bool
) -> None:
    """What ``builder.BuildTopDescriptorsAndMessages`` / ``BuildServices`` put in ``globals()``."""
    if services:
        for service in pb_file.services:
            module_globals[service.name] = PbServiceClass(service, module_globals)
        return
    for message in pb_file.messages:
        module_globals.setdefault(message, PbMessageClass(message, module_name))
    for ext_name, number in pb_file.extensions.items():
        module_globals.setdefault(ext_name, PbExtension(ext_name, number))


PB_VALUES = (
    PbFile,
    PbService,
    PbMethod,
    PbServiceClass,
    PbOptions,
    PbEndpoint,
    PbVersion,
    PbExtension,
)


def get_attr(obj: Any, attr: str) -> Any:
    """Attributes of the stand-in values; ``None`` when not modelled (the caller says unknown)."""
    if isinstance(obj, PbFile) and attr == "services_by_name":
        return {s.name: s for s in obj.services}
    if isinstance(obj, PbServiceClass) and attr == "DESCRIPTOR":
        return obj.service
    if isinstance(obj, PbService):
        return {"methods": list(obj.methods), "name": obj.name}.get(attr)
    if isinstance(obj, PbMethod) and attr in ("name", "input_type"):
        return obj.name if attr == "name" else obj.input_type
    if isinstance(obj, PbEndpoint) and attr in ("method", "path", "since"):
        return getattr(obj, attr)
    if isinstance(obj, PbVersion) and attr in ("major", "minor"):
        return getattr(obj, attr)
    return None


def extension(options: PbOptions, key: Any) -> Any:
    """``options.Extensions[key]``: the rpc option as an object with ``.endpoints``."""
    number = (
        key.number if isinstance(key, PbExtension) else (RPC_EXTENSION if key == "rpc" else None)
    )
    if number != RPC_EXTENSION:
        return None
    return RpcOptions(options.method.rpc_endpoints())


@dataclass(eq=False)
class RpcOptions:
    endpoints: list[PbEndpoint]


@dataclass(eq=False)
class PbExtensions:
    """``options.Extensions``: subscripted with an extension (``[databricks_pb2.rpc]``)."""

    options: PbOptions


# ---------------------------------------------------------------- interpreter glue


def protobuf_attr(obj: Any, attr: str, site: Site | None) -> Any:
    """Attributes of the stand-in values, for the interpreter."""

    if isinstance(obj, PbMethod) and attr == "GetOptions":
        return Builtin(lambda a, k, s, m=obj: PbOptions(m), "GetOptions")
    if isinstance(obj, PbOptions) and attr == "Extensions":
        return PbExtensions(obj)  # subscripted by the model below
    if isinstance(obj, RpcOptions) and attr == "endpoints":
        return list(obj.endpoints)
    if isinstance(obj, PbServiceClass) and attr == "GetRequestClass":
        return Builtin(lambda a, k, s, c=obj: _request_class(c, a), "GetRequestClass")
    value = get_attr(obj, attr)
    if value is None:
        return Unknown(
            f"protobuf attribute {attr}", site.file if site else "", site.line if site else 0
        )
    return value


def _request_class(service: Any, args: list[Any]) -> Any:

    method = args[-1] if args else None
    if isinstance(method, PbMethod):
        return service.module_globals.get(method.input_type, Unknown("a request class"))
    return Unknown("a request class")


def protobuf_call(
    name: str,
    args: list[Any],
    kwargs: dict[str, Any],
    module: str,
    module_globals: dict[str, Any],
    site: Site,
) -> Any:
    """Generated ``*_pb2`` modules: decode the descriptor instead of running protobuf.

    Both generations of generated code are understood: ``AddSerializedFile`` + ``builder``
    (protobuf >= 3.20) and ``FileDescriptor(serialized_pb=...)`` + ``_reflection`` /
    ``service_reflection`` classes (older protoc output).
    """
    if name in ("AddSerializedFile", "FileDescriptor"):
        data = args[0] if args and name == "AddSerializedFile" else kwargs.get("serialized_pb")
        if not isinstance(data, bytes):
            return NOT_HANDLED
        try:
            return decode_file(data)
        except (WireError, IndexError, UnicodeDecodeError):
            return Unknown("a protobuf descriptor that could not be decoded", site.file, site.line)
    if name == "FieldDescriptor":  # old protoc: extensions declared one by one
        number, field_name = kwargs.get("number"), kwargs.get("name")
        if isinstance(number, int) and isinstance(field_name, str) and kwargs.get("is_extension"):
            return PbExtension(field_name, number)
        return NOT_HANDLED
    if name in ("GeneratedServiceType", "GeneratedProtocolMessageType"):
        class_name = args[0] if args and isinstance(args[0], str) else None
        if class_name is None:
            return NOT_HANDLED
        if name == "GeneratedProtocolMessageType":
            return PbMessageClass(class_name, module)
        pb_file = module_globals.get("DESCRIPTOR")
        if isinstance(pb_file, PbFile):
            service = next((s for s in pb_file.services if s.name == class_name), None)
            if service is not None:
                return PbServiceClass(service, module_globals)
        return NOT_HANDLED
    if not args or not isinstance(args[0], PbFile):
        return NOT_HANDLED
    target = next((a for a in args if isinstance(a, dict)), None)
    module_name = next((a for a in args[1:] if isinstance(a, str)), module)
    if target is not None:
        inject(args[0], module_name, target, services=name == "BuildServices")
    return None


#: Calls on receivers the reader cannot know (``descriptor_pool.Default().AddSerializedFile``).
PROTOBUF_CALLS = frozenset(
    {
        "AddSerializedFile",
        "BuildTopDescriptorsAndMessages",
        "BuildMessageAndEnumDescriptors",
        "BuildServices",
        "FileDescriptor",
        "FieldDescriptor",
        "GeneratedServiceType",
        "GeneratedProtocolMessageType",
    }
)


class ProtobufModel(LibraryModel):
    """Generated ``*_pb2`` modules read as data (MLflow's REST server builds its rules from
    them)."""

    name = "protobuf"
    values = (*PB_VALUES, PbMessageClass, RpcOptions, PbExtensions)
    calls_by_name = PROTOBUF_CALLS

    def attr(self, ctx: Context, obj: Any, attr: str, site: Site | None) -> Any:
        return protobuf_attr(obj, attr, site)

    def subscript(self, ctx: Context, obj: Any, key: Any, site: Site) -> Any:
        if isinstance(obj, PbExtensions):
            found = extension(obj.options, key)
            return (
                found
                if found is not None
                else Unknown("a protobuf extension", site.file, site.line)
            )
        return NOT_HANDLED

    def call_value(
        self, ctx: Context, obj: Any, args: list[Any], kwargs: dict[str, Any], site: Site
    ) -> Any:
        if isinstance(obj, PbServiceClass):
            return obj  # the generic service instance answers like its class
        return super().call_value(ctx, obj, args, kwargs, site)

    def call_by_name(
        self,
        ctx: Context,
        name: str,
        args: list[Any],
        kwargs: dict[str, Any],
        module: str,
        module_globals: dict[str, Any],
        site: Site,
    ) -> Any:
        return protobuf_call(name, args, kwargs, module, module_globals, site)


MODEL = ProtobufModel()
