// Status lines: errors in red, the rest quiet; announced to screen readers.
export function Notice({ error, info }: { error?: string | null; info?: string | null }) {
  if (error) return <div className="notice error" role="alert">{error}</div>;
  if (info) return <div className="notice" role="status">{info}</div>;
  return null;
}
