// Lint rules: the recommended JavaScript and TypeScript sets, nothing bespoke.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "_site/**",
      "_site.*/**",
      "_preview/**",
      "node_modules/**",
      ".cache/**",
      "bench/corpus/**",
      "tests/artifacts/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: "readonly", process: "readonly", URL: "readonly" } },
  },
);
