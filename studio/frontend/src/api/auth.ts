// The Studio's token (when the server was started with one): given once as ?token= in the address
// (`autogen studio` prints that link), kept for the tab in sessionStorage, sent as a Bearer header on
// every API call and as ?token= on the run WebSocket (browsers cannot set headers there).

const KEY = "autogen-studio-token";

/** Takes `?token=` out of the address bar (so it is not bookmarked or shared) and remembers it. */
export function captureTokenFromUrl(): void {
  const url = new URL(window.location.href);
  const token = url.searchParams.get("token");
  if (token) {
    sessionStorage.setItem(KEY, token);
    url.searchParams.delete("token");
    window.history.replaceState(null, "", url.pathname + url.search + url.hash);
  }
}

export function getToken(): string | null {
  return sessionStorage.getItem(KEY);
}

export function setToken(token: string | null): void {
  if (token) sessionStorage.setItem(KEY, token);
  else sessionStorage.removeItem(KEY);
}
