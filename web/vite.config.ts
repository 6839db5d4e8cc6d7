/**
 * Builds the analyst's web app into dist/web/, which `sitrep serve` serves
 * under a strict Content-Security-Policy: every script and style is a file of
 * its own (no inline code), and every asset, the basemap included, comes from
 * the same origin.
 */
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here("."),
  base: "/",
  publicDir: here("public"),
  build: {
    outDir: here("../dist/web"),
    emptyOutDir: true,
    // Inlined assets become data: URLs in scripts; keep every asset a file.
    assetsInlineLimit: 0,
    // The polyfill is only for browsers without modulepreload, and Vite would inline it.
    modulePreload: { polyfill: false },
    sourcemap: false,
    chunkSizeWarningLimit: 1500,
  },
});
