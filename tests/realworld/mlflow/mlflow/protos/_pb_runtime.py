"""Stand-in for the protobuf runtime (google.protobuf) used by mlflow/mlflow's generated *_pb2 modules.

Like the real generated modules, each ``*_pb2`` stand-in holds a serialized
``FileDescriptorProto`` in protobuf wire format
(``_descriptor_pool.Default().AddSerializedFile(b"...")``) and gets its message and service
classes injected into ``globals()`` at import time (``_builder.BuildTopDescriptorsAndMessages``,
``_builder.BuildServices``). Field numbers follow
descriptor.proto (file.service = 6, service.method = 2, method.input_type = 2,
method.options = 4) and mlflow's databricks.proto (MethodOptions extension ``rpc`` = 51310;
DatabricksRpcOptions.endpoints = 1; HttpEndpoint method = 1, path = 2, since = 3;
ApiVersion major = 1, minor = 2), so the bytes read the same way as the real ones.
"""

RPC_EXTENSION = 51310


def _varint(data, pos):
    result = shift = 0
    while True:
        byte = data[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if not byte & 0x80:
            return result, pos


def _fields(data):
    """Yield (field number, value) for a message; length-delimited values stay bytes."""
    pos = 0
    while pos < len(data):
        key, pos = _varint(data, pos)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, pos = _varint(data, pos)
        elif wire == 2:
            size, pos = _varint(data, pos)
            value, pos = data[pos : pos + size], pos + size
        else:
            raise ValueError(f"unsupported wire type {wire}")
        yield number, value


class _Since:
    def __init__(self, data):
        fields = dict(_fields(data))
        self.major = fields.get(1, 0)
        self.minor = fields.get(2, 0)


class _Endpoint:
    def __init__(self, data):
        fields = dict(_fields(data))
        self.method = fields.get(1, b"POST").decode()
        self.path = fields[2].decode()
        self.since = _Since(fields.get(3, b""))


class _RpcOptions:
    def __init__(self, data):
        self.endpoints = [_Endpoint(v) for n, v in _fields(data) if n == 1]


class _Options:
    def __init__(self, data):
        rpc = [v for n, v in _fields(data) if n == RPC_EXTENSION]
        self.Extensions = {"rpc": _RpcOptions(rpc[0] if rpc else b"")}


class _MethodDescriptor:
    def __init__(self, data):
        fields = dict(_fields(data))
        self.name = fields[1].decode()
        self.input_type = fields[2].decode().rsplit(".", 1)[-1]
        self._options = _Options(fields.get(4, b""))

    def GetOptions(self):
        return self._options


class _ServiceDescriptor:
    def __init__(self, data):
        fields = list(_fields(data))
        self.name = next(v for n, v in fields if n == 1).decode()
        self.methods = [_MethodDescriptor(v) for n, v in fields if n == 2]


class FileDescriptor:
    def __init__(self, serialized):
        fields = list(_fields(serialized))
        self.name = next(v for n, v in fields if n == 1).decode()
        self.message_types = [dict(_fields(v))[1].decode() for n, v in fields if n == 4]
        self.services = {s.name: s for s in (_ServiceDescriptor(v) for n, v in fields if n == 6)}


class _Pool:
    """``descriptor_pool.Default()``: parses what generated modules add."""

    def AddSerializedFile(self, serialized):
        return FileDescriptor(serialized)


class descriptor_pool:  # mirrors the google.protobuf module name
    _default = _Pool()

    @staticmethod
    def Default():
        return descriptor_pool._default


class builder:  # mirrors google.protobuf.internal.builder
    @staticmethod
    def BuildTopDescriptorsAndMessages(descriptor, module_name, module_globals):
        """Inject one class per message type, as protobuf's builder does."""
        for name in descriptor.message_types:
            module_globals[name] = type(name, (), {"__module__": module_name})

    @staticmethod
    def BuildServices(descriptor, module_name, module_globals):
        """Inject one class per service (``py_generic_services``) with ``GetRequestClass``."""
        for service in descriptor.services.values():

            def get_request_class(self, method, _globals=module_globals):
                return _globals[method.input_type]

            module_globals[service.name] = type(
                service.name,
                (),
                {
                    "__module__": module_name,
                    "DESCRIPTOR": service,
                    "GetRequestClass": get_request_class,
                },
            )
