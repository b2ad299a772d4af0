// Settings: model credentials and other variables (secrets are never shown back: the server sends
// "********" and keeps the stored value when that comes back), consent to run code, the theme, and
// the Studio's token when it has one.
import { useEffect, useState } from "react";
import { api } from "../api/client";
import { getToken, setToken } from "../api/auth";
import type { EnvironmentVariable, SettingsConfig } from "../api/types";
import { Notice } from "../ui/Notice";
import { saveTheme, storedTheme, type Theme } from "../ui/theme";
import { useAsync } from "../ui/useAsync";

export function SettingsPage() {
  const settings = useAsync(api.getSettings);
  const [config, setConfig] = useState<SettingsConfig>();
  const [theme, setTheme] = useState<Theme>(storedTheme);
  const [token, setTokenText] = useState(getToken() ?? "");
  const [message, setMessage] = useState<{ error?: string; info?: string }>({});
  useEffect(() => { if (settings.data) setConfig(settings.data.config); }, [settings.data]);
  const env = config?.environment ?? [];
  const setEnv = (next: EnvironmentVariable[]) => config && setConfig({ ...config, environment: next });
  return (
    <div className="settings">
      <Notice error={message.error ?? settings.error} info={message.info} />
      <section aria-label="Appearance">
        <h2>Appearance</h2>
        <label className="field check">
          <input type="checkbox" checked={theme === "dark"} onChange={(e) => {
            const next: Theme = e.target.checked ? "dark" : "light";
            setTheme(next);
            saveTheme(next);
          }} />
          <span>Dark theme</span>
        </label>
      </section>
      {config && (
        <form onSubmit={async (e) => {
          e.preventDefault();
          try {
            const saved = await api.putSettings(config);
            setConfig(saved.config);
            setMessage({ info: "Settings saved" });
          } catch (err) {
            setMessage({ error: `Save failed: ${(err as Error).message}` });
          }
        }}>
          <section aria-label="Model credentials">
            <h2>Model credentials and variables</h2>
            <p className="muted">Keys are stored encrypted and never shown again; leave ******** to keep a stored value.
              Runs give <code>OPENAI_API_KEY</code>, <code>AZURE_OPENAI_API_KEY</code> and <code>ANTHROPIC_API_KEY</code> to their model clients.</p>
            {env.map((v, i) => (
              <div key={i} className="row env">
                <input aria-label={`Variable ${i + 1} name`} value={v.name} placeholder="NAME"
                  onChange={(e) => setEnv(env.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
                <input aria-label={`Variable ${i + 1} value`} type="password" autoComplete="off" value={v.value}
                  onChange={(e) => setEnv(env.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} />
                <button type="button" className="icon" aria-label={`Remove variable ${v.name}`} onClick={() => setEnv(env.filter((_, j) => j !== i))}>×</button>
              </div>
            ))}
            <button type="button" onClick={() => setEnv([...env, { name: "OPENAI_API_KEY", value: "", type: "secret", required: false, description: "" }])}>
              Add a variable
            </button>
          </section>
          <section aria-label="Code execution">
            <h2>Code execution</h2>
            <label className="field check">
              <input type="checkbox" checked={Boolean(config.allow_code_execution)}
                onChange={(e) => setConfig({ ...config, allow_code_execution: e.target.checked })} />
              <span>Allow teams to run code and start programs (code executors, stdio MCP servers, Python tools). Only for teams you trust.</span>
            </label>
            <label className="field inline">
              <span>Minutes to wait for a person's input</span>
              <input type="number" min={1} value={Number(config.ui?.human_input_timeout_minutes ?? 3)}
                onChange={(e) => setConfig({ ...config, ui: { ...config.ui, human_input_timeout_minutes: Number(e.target.value) } })} />
            </label>
          </section>
          <button type="submit" className="primary">Save settings</button>
        </form>
      )}
      <section aria-label="Access token">
        <h2>Access token</h2>
        <p className="muted">Only for a Studio started with <code>--auth-token</code>; kept for this tab only.</p>
        <div className="row">
          <input type="password" autoComplete="off" value={token} onChange={(e) => setTokenText(e.target.value)} aria-label="Studio token" />
          <button type="button" onClick={() => { setToken(token || null); void settings.reload(); }}>Use token</button>
        </div>
      </section>
    </div>
  );
}
