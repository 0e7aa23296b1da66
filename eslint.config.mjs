import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

export default tseslint.config(
  { ignores: ["dist/", "node_modules/", "coverage/", "test-results/", "build-tsc/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    // The engine is pure: tsconfig.engine.json (ES2020 only) makes any host global a compile error;
    // here only its imports are held: it renders no text, so it never imports i18n.
    files: ["src/engine/**/*.ts"],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["**/i18n/**", "**/i18n"], message: "The engine names problems; src/i18n renders them at the edge." }] }],
    },
  },
);
