// The shapes of AutoGen Studio's API (shared/spec/studio-api.md), as both Python's and our server send them.

/** A JSON value. */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

/** A component config: the envelope Python and Java AutoGen both write. */
export interface Component {
  provider: string;
  component_type: string;
  version?: number;
  component_version?: number;
  description?: string | null;
  label?: string | null;
  config: JsonObject;
}

interface Row {
  id: number;
  created_at?: string;
  updated_at?: string;
  user_id?: string | null;
  version?: string;
}

export interface Team extends Row {
  component: Component;
}

export interface Session extends Row {
  team_id: number;
  name: string;
}

/** A stored message: `config` is the agentchat message's dump. */
export interface Message extends Row {
  config: ChatMessage;
  session_id?: number;
  run_id?: number;
}

/** An agentchat message or event as Python's `dump()` writes it. */
export interface ChatMessage {
  type: string;
  source: string;
  content?: Json;
  models_usage?: { prompt_tokens: number; completion_tokens: number } | null;
  created_at?: string;
  id?: string;
  [key: string]: Json | undefined;
}

export interface TaskResult {
  messages: ChatMessage[];
  stop_reason?: string | null;
}

export interface TeamResult {
  task_result: TaskResult;
  usage?: string;
  duration?: number;
}

export type RunStatus = "created" | "active" | "awaiting_input" | "complete" | "error" | "stopped";

/** A run as `GET /api/sessions/{id}/runs` lists it. */
export interface Run {
  id: string | number;
  created_at?: string;
  status: RunStatus;
  task: JsonObject;
  team_result: TeamResult | JsonObject | null;
  error_message?: string | null;
  messages: Message[];
}

export interface ValidationIssue {
  field: string;
  error: string;
  suggestion?: string;
}

export interface ValidationResult {
  is_valid: boolean;
  errors: ValidationIssue[];
  warnings: ValidationIssue[];
}

export type ComponentGroup = "agents" | "models" | "tools" | "terminations" | "teams" | "workbenches";

export interface GalleryConfig {
  id?: string;
  name: string;
  url?: string | null;
  metadata: JsonObject;
  components: Partial<Record<ComponentGroup, Component[]>>;
}

export interface Gallery extends Row {
  config: GalleryConfig;
}

export interface CompatibilityEntry {
  group?: string;
  label?: string;
  loads?: boolean;
  problems?: { path: string; error: string }[];
  runs_code?: { path: string; note: string }[];
  [key: string]: Json | undefined;
}

export interface EnvironmentVariable {
  name: string;
  value: string;
  type?: string;
  description?: string;
  required?: boolean;
}

export interface SettingsConfig {
  environment: EnvironmentVariable[];
  default_model_client?: Component;
  ui: JsonObject;
  allow_code_execution?: boolean;
  [key: string]: Json | EnvironmentVariable[] | Component | undefined;
}

export interface Settings extends Row {
  config: SettingsConfig;
}

/** What the run WebSocket sends. */
export type ServerFrame =
  | { type: "system"; status: string }
  | { type: "message"; data: ChatMessage }
  | { type: "message_chunk"; data: ChatMessage }
  | { type: "input_request"; prompt: string }
  | { type: "result"; status: string; data: TeamResult }
  | { type: "completion"; status: string; data: TeamResult }
  | { type: "error"; error: string }
  | { type: "pong" };
