"""A minimal MCP server over stdio for the consent tests: one tool, `shout`, which upper-cases its text."""
import json
import sys

TOOL = {"name": "shout", "description": "Upper-cases a text.",
        "inputSchema": {"type": "object", "properties": {"text": {"type": "string"}}, "required": ["text"]}}


def answer(request):
    method = request.get("method")
    if method == "initialize":
        return {"protocolVersion": request["params"]["protocolVersion"], "capabilities": {"tools": {}},
                "serverInfo": {"name": "shout", "version": "1.0.0"}}
    if method == "tools/list":
        return {"tools": [TOOL]}
    if method == "tools/call":
        text = request["params"].get("arguments", {}).get("text", "")
        return {"content": [{"type": "text", "text": text.upper()}], "isError": False}
    return {}


for line in sys.stdin:
    if not line.strip():
        continue
    message = json.loads(line)
    if "id" not in message or "method" not in message:
        continue
    sys.stdout.write(json.dumps({"jsonrpc": "2.0", "id": message["id"], "result": answer(message)}) + "\n")
    sys.stdout.flush()
