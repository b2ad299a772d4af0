# Runs one Python AutoGen FunctionTool for AutoGen for Java (module autogen-ext-python-tools).
#
#   python3 -c <this file> describe   reads the tool's config as one JSON line on stdin and writes one
#                                     JSON line: the function's parameters schema, computed from the
#                                     parsed source (nothing of the tool runs), and the modules of
#                                     global_imports that cannot be found.
#   python3 -c <this file> serve      reads the config as the first line, imports global_imports and
#                                     defines the function as Python's FunctionTool._from_config does,
#                                     answers {"ready": true}, then serves calls: one JSON line
#                                     {"id": n, "args": {...}} in, one line {"id": n, "ok": ..., ...} out.
#                                     Calls run concurrently (async functions on the event loop, others
#                                     on threads) and may answer in any order.
#
# The protocol keeps the process's original stdout; file descriptor 1 and sys.stdout are pointed at
# stderr, so the tool's own print() output (and that of programs it starts) cannot corrupt it.
import ast
import asyncio
import functools
import importlib.util
import inspect
import json
import os
import sys
import threading
import time
import traceback
import typing

NAMES = {"str": "string", "int": "integer", "float": "number", "bool": "boolean", "bytes": "string"}
ARRAYS = {"list", "List", "Sequence", "Iterable", "Collection", "MutableSequence", "set", "Set", "frozenset",
          "FrozenSet", "tuple", "Tuple", "AbstractSet", "MutableSet"}
OBJECTS = {"dict", "Dict", "Mapping", "MutableMapping", "OrderedDict", "DefaultDict", "defaultdict"}


def import_statement(item):
    """The import statement of one global_imports entry, as Python's import_to_str writes it."""
    if isinstance(item, str):
        return "import " + item
    if isinstance(item, dict) and "module" in item:
        names = [n if isinstance(n, str) else n["name"] + " as " + n["alias"] for n in item.get("imports", [])]
        return "from " + item["module"] + " import " + ", ".join(names)
    if isinstance(item, dict) and "name" in item and "alias" in item:
        return "import " + item["name"] + " as " + item["alias"]
    raise ValueError("global_imports entry is neither a module name nor {module, imports}: " + json.dumps(item))


def imported_module(item):
    if isinstance(item, str):
        return item
    return item.get("module") or item.get("name")


def function_node(source):
    """The first function defined at the top of the source: the one Python's FunctionTool takes."""
    tree = ast.parse(source)
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return node
    raise ValueError("it defines no function (no top-level 'def')")


def leaf(node):
    """The last name of a Name or Attribute node (typing.List -> List), else None."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def literal(node):
    try:
        return True, ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False, None


def schema_of(node):
    """The JSON schema pydantic writes for an annotation, from its syntax. Unknown types allow anything."""
    if node is None:
        return {}
    if isinstance(node, ast.Constant):
        if node.value is None:
            return {"type": "null"}
        if isinstance(node.value, str):
            try:
                return schema_of(ast.parse(node.value, mode="eval").body)
            except SyntaxError:
                return {}
        return {}
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return union([node.left, node.right])
    name = leaf(node)
    if name is not None:
        if name in NAMES:
            return {"type": NAMES[name], **({"format": "binary"} if name == "bytes" else {})}
        if name in ("None", "NoneType"):
            return {"type": "null"}
        if name in ("Path", "PurePath", "PosixPath"):
            return {"format": "path", "type": "string"}
        if name in ARRAYS:
            return {"items": {}, "type": "array"}
        if name in OBJECTS:
            return {"additionalProperties": True, "type": "object"}
        return {}
    if isinstance(node, ast.Subscript):
        base = leaf(node.value)
        args = list(node.slice.elts) if isinstance(node.slice, ast.Tuple) else [node.slice]
        if base == "Optional":
            return union([args[0], ast.Constant(value=None)])
        if base == "Union":
            return union(args)
        if base == "Annotated":
            return schema_of(args[0])
        if base == "Literal":
            values = [v for ok, v in (literal(a) for a in args) if ok]
            types = {type(v) for v in values}
            kind = {str: "string", int: "integer", bool: "boolean", float: "number"}.get(types.pop()) if len(types) == 1 else None
            schema = {"const": values[0]} if len(values) == 1 else {"enum": values}
            if kind:
                schema["type"] = kind
            return schema
        if base in ("tuple", "Tuple"):
            if len(args) == 2 and isinstance(args[1], ast.Constant) and args[1].value is Ellipsis:
                return {"items": schema_of(args[0]), "type": "array"}
            return {"maxItems": len(args), "minItems": len(args), "prefixItems": [schema_of(a) for a in args],
                    "type": "array"}
        if base in ARRAYS:
            schema = {"items": schema_of(args[0]), "type": "array"}
            if base in ("set", "Set", "frozenset", "FrozenSet", "AbstractSet", "MutableSet"):
                schema["uniqueItems"] = True
            return schema
        if base in OBJECTS:
            return {"additionalProperties": schema_of(args[1]) if len(args) > 1 else True, "type": "object"}
        return {}
    return {}


def union(nodes):
    options = []
    for n in nodes:
        s = schema_of(n)
        for option in s.get("anyOf", [s]) if set(s) == {"anyOf"} else [s]:
            if option not in options:
                options.append(option)
    if {} in options:
        return {}
    return options[0] if len(options) == 1 else {"anyOf": options}


def description_of(node, name):
    """Python's type2description: the string of Annotated[T, "..."], else the parameter name."""
    if isinstance(node, ast.Subscript) and leaf(node.value) == "Annotated" and isinstance(node.slice, ast.Tuple):
        for meta in node.slice.elts[1:]:
            if isinstance(meta, ast.Constant) and isinstance(meta.value, str):
                return meta.value
    return name


def describe(config):
    fn = function_node(config["source_code"])
    a = fn.args
    positional = a.posonlyargs + a.args
    defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
    params = list(zip(positional, defaults)) + list(zip(a.kwonlyargs, a.kw_defaults))
    properties, required = {}, []
    for arg, default in params:
        if arg.arg == "cancellation_token":
            continue
        if arg.annotation is None:
            raise ValueError("parameter '" + arg.arg + "' of " + fn.name + " has no type annotation, which"
                             " Python's FunctionTool requires")
        prop = dict(schema_of(arg.annotation))
        prop["description"] = description_of(arg.annotation, arg.arg)
        prop["title"] = " ".join(p[:1].upper() + p[1:] for p in arg.arg.split("_") if p) or arg.arg
        if default is None:
            required.append(arg.arg)
        else:
            ok, value = literal(default)
            if ok and is_json(value):
                prop["default"] = value
        properties[arg.arg] = dict(sorted(prop.items()))
    missing = []
    for item in config.get("global_imports") or []:
        module = (imported_module(item) or "").split(".")[0]
        if module and module not in missing and importlib.util.find_spec(module) is None:
            missing.append(module)
    return {"ok": True, "function": fn.name, "is_async": isinstance(fn, ast.AsyncFunctionDef),
            "properties": properties, "required": required, "missing_modules": missing}


def is_json(value):
    try:
        json.dumps(value)
        return True
    except (TypeError, ValueError):
        return False


class CancellationToken:
    """Stands in for autogen_core's token: Java cancels a call by stopping this process."""

    def is_cancelled(self):
        return False

    def add_callback(self, callback):
        pass

    def link_future(self, future):
        return future


def load(config):
    """Imports global_imports and defines the function, as FunctionTool._from_config does."""
    namespace = {}
    for item in config.get("global_imports") or []:
        statement = import_statement(item)
        try:
            exec(statement, namespace)
        except ModuleNotFoundError as e:
            return None, {"ready": False, "kind": "missing_module", "module": e.name or imported_module(item),
                          "statement": statement}
        except Exception as e:
            return None, {"ready": False, "kind": "import_failed", "statement": statement,
                          "error": type(e).__name__ + ": " + str(e)}
    try:
        name = function_node(config["source_code"]).name
        exec(compile(config["source_code"], "<" + str(config.get("name")) + ">", "exec"), namespace)
    except Exception as e:
        return None, {"ready": False, "kind": "source_failed", "error": type(e).__name__ + ": " + str(e)}
    func = namespace.get(name)
    if not callable(func):
        return None, {"ready": False, "kind": "source_failed", "error": name + " is not a function"}
    return func, None


def coerce(func, args):
    """Converts JSON values as pydantic would for the common cases: int to float, str to Path."""
    try:
        hints = typing.get_type_hints(func)
    except Exception:
        return args
    out = dict(args)
    for name, value in args.items():
        hint = hints.get(name)
        choices = typing.get_args(hint) if typing.get_origin(hint) is typing.Union else (hint,)
        if isinstance(value, int) and not isinstance(value, bool) and float in choices and int not in choices:
            out[name] = float(value)
        elif isinstance(value, str) and str not in choices:
            for choice in choices:
                if isinstance(choice, type) and choice.__name__ in ("Path", "PurePath", "PosixPath"):
                    out[name] = choice(value)
                    break
    return out


def as_string(value):
    """Python's BaseTool.return_value_as_string."""
    dump = getattr(value, "model_dump", None)
    if callable(dump) and not isinstance(value, type):
        dumped = dump()
        return json.dumps(dumped) if isinstance(dumped, dict) else str(dumped)
    return str(value)


def limit_resources(config):
    try:
        import resource
    except ImportError:
        return
    memory = config.get("memory_limit_mb")
    if memory:
        limit = int(memory) * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def watch_parent():
    parent = os.getppid()
    while True:
        time.sleep(1)
        if os.getppid() != parent:
            os._exit(3)


async def serve(func, config, protocol, lock):
    loop = asyncio.get_running_loop()
    takes_token = bool(config.get("has_cancellation_support")) or \
        "cancellation_token" in inspect.signature(func).parameters
    is_async = inspect.iscoroutinefunction(func)
    tasks = set()

    def answer(message):
        with lock:
            protocol.write(json.dumps(message) + "\n")
            protocol.flush()

    async def call(request):
        call_id = request.get("id")
        try:
            kwargs = coerce(func, request.get("args") or {})
            if takes_token:
                kwargs["cancellation_token"] = CancellationToken()
            if is_async:
                value = await func(**kwargs)
            else:
                value = await loop.run_in_executor(None, functools.partial(func, **kwargs))
            answer({"id": call_id, "ok": True, "result": as_string(value)})
        except BaseException as e:
            if isinstance(e, (KeyboardInterrupt, SystemExit)) and not isinstance(e, SystemExit):
                raise
            tb = traceback.format_exc(limit=-8)
            answer({"id": call_id, "ok": False, "error_type": type(e).__name__, "error": str(e), "traceback": tb})

    while True:
        line = await loop.run_in_executor(None, sys.stdin.buffer.readline)
        if not line:
            break
        line = line.strip()
        if not line:
            continue
        request = json.loads(line.decode("utf-8"))
        task = loop.create_task(call(request))
        tasks.add(task)
        task.add_done_callback(tasks.discard)
    if tasks:
        await asyncio.wait(tasks)


def main():
    mode = sys.argv[1] if len(sys.argv) > 1 else "serve"
    protocol = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    first = sys.stdin.buffer.readline()
    try:
        config = json.loads(first.decode("utf-8"))
    except ValueError as e:
        protocol.write(json.dumps({"ok": False, "ready": False, "kind": "protocol", "error": str(e)}) + "\n")
        return 2
    if mode == "describe":
        try:
            result = describe(config)
        except SyntaxError as e:
            result = {"ok": False, "error": "SyntaxError: " + str(e)}
        except Exception as e:
            result = {"ok": False, "error": str(e)}
        protocol.write(json.dumps(result) + "\n")
        protocol.flush()
        return 0
    threading.Thread(target=watch_parent, daemon=True).start()
    limit_resources(config)
    func, problem = load(config)
    if problem is not None:
        protocol.write(json.dumps(problem) + "\n")
        protocol.flush()
        return 1
    protocol.write(json.dumps({"ready": True}) + "\n")
    protocol.flush()
    asyncio.run(serve(func, config, protocol, threading.Lock()))
    return 0


sys.exit(main())
