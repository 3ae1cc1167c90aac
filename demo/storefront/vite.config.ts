import { defineConfig } from "vite"

export default defineConfig({
  root: __dirname,
  base: "./",
  build: { outDir: "dist", emptyOutDir: true, target: "es2022" },
})
