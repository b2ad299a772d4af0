import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import "@xyflow/react/dist/style.css";
import "./styles.css";
import { captureTokenFromUrl } from "./api/auth";
import { applyTheme, storedTheme } from "./ui/theme";
import { App } from "./App";

captureTokenFromUrl();
applyTheme(storedTheme());
createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
