import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The pages are built into the studio module's target folder; Maven packs them into the jar under
// dev/autogen/studio/ui, which StudioServer serves at "/". `npm run dev` proxies the API to a Studio
// started with `./autogen studio` (port 8081).
export default defineConfig({
  plugins: [react()],
  base: "/",
  build: {
    outDir: "../target/frontend-dist",
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
  server: {
    proxy: {
      "/api": { target: "http://127.0.0.1:8081", ws: true },
    },
  },
  test: {
    include: ["src/**/*.test.ts"],
    environment: "node",
  },
});
