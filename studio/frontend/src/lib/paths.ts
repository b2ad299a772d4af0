// JSON paths inside a component, written as the server's validation writes them:
// ["config", "participants", 1, "config", "model_client"] <-> "config.participants[1].config.model_client".
import type { Json, JsonObject } from "../api/types";

export type Path = (string | number)[];

export function pathToString(path: Path): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? part : `.${part}`;
  }
  return out;
}

export function parsePath(text: string): Path {
  const path: Path = [];
  const re = /([^.[\]]+)|\[(\d+)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[1] !== undefined) path.push(m[1]);
    else path.push(Number(m[2]));
  }
  return path;
}

export function getAt(root: Json, path: Path): Json | undefined {
  let node: Json | undefined = root;
  for (const part of path) {
    if (node === null || node === undefined || typeof node !== "object") return undefined;
    node = Array.isArray(node) ? node[part as number] : (node as JsonObject)[part as string];
  }
  return node;
}

/** A copy of `root` with the value at `path` replaced (undefined removes it); containers on the way are copied. */
export function setAt<T extends Json>(root: T, path: Path, value: Json | undefined): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  if (Array.isArray(root)) {
    const copy = [...root];
    const index = head as number;
    if (value === undefined && rest.length === 0) copy.splice(index, 1);
    else copy[index] = setAt((copy[index] ?? (typeof rest[0] === "number" ? [] : {})) as Json, rest, value);
    return copy as T;
  }
  const obj = (root && typeof root === "object" ? root : {}) as JsonObject;
  const copy: JsonObject = { ...obj };
  const key = head as string;
  if (value === undefined && rest.length === 0) delete copy[key];
  else copy[key] = setAt((copy[key] ?? (typeof rest[0] === "number" ? [] : {})) as Json, rest, value);
  return copy as T;
}

export function startsWith(path: Path, prefix: Path): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => path[i] === p);
}
