// The property form of a component, generated from its config: one field per plain value; nested
// components are nodes of their own, and anything else stays in the JSON view.
import type { Json, JsonObject } from "../api/types";
import { isComponent } from "./components";

export type FieldType = "text" | "textarea" | "number" | "boolean" | "secret" | "lines";

export interface FormField {
  key: string;
  type: FieldType;
  value: string | number | boolean;
}

const SECRET = /(key|token|secret|password)/i;

/** The fields of `config`, in its own order. */
export function formFields(config: JsonObject): FormField[] {
  const fields: FormField[] = [];
  for (const [key, value] of Object.entries(config)) {
    if (typeof value === "boolean") fields.push({ key, type: "boolean", value });
    else if (typeof value === "number") fields.push({ key, type: "number", value });
    else if (typeof value === "string" || (value === null && SECRET.test(key))) {
      const text = value ?? "";
      const type: FieldType = SECRET.test(key) ? "secret"
        : text.length > 60 || text.includes("\n") || /message|prompt|description/.test(key) ? "textarea" : "text";
      fields.push({ key, type, value: text });
    } else if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string")) {
      fields.push({ key, type: "lines", value: (value as string[]).join("\n") });
    } else if (Array.isArray(value) && value.length === 0 && !isComponentList(key)) {
      fields.push({ key, type: "lines", value: "" });
    }
  }
  return fields;
}

// lists that hold components are edited on the canvas
function isComponentList(key: string): boolean {
  return ["participants", "tools", "workbench", "conditions", "memory", "handoffs"].includes(key);
}

/** The JSON value a field's edited text stands for. */
export function fieldValue(field: FormField, input: string | boolean): Json {
  switch (field.type) {
    case "boolean":
      return Boolean(input);
    case "number": {
      const n = Number(input);
      return Number.isFinite(n) ? n : 0;
    }
    case "lines":
      return String(input).split("\n").filter((line) => line.trim() !== "");
    default:
      return String(input);
  }
}

/** Whether a config value is a nested component (shown as its own node). */
export function isNested(value: Json): boolean {
  return isComponent(value) || (Array.isArray(value) && value.some((v) => isComponent(v)));
}
