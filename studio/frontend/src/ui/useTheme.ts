import { useEffect, useState } from "react";
import type { Theme } from "./theme";

/** The theme in effect, following changes made on the Settings page. */
export function useTheme(): Theme {
  const read = () => (document.documentElement.dataset.theme === "dark" ? "dark" : "light") as Theme;
  const [theme, setTheme] = useState<Theme>(read);
  useEffect(() => {
    const observer = new MutationObserver(() => setTheme(read()));
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ["data-theme"] });
    return () => observer.disconnect();
  }, []);
  return theme;
}
