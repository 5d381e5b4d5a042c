// ESLint 9 flat config. Syntax-only (no type-aware rules) so that `npm run lint` stays fast on 2 cores;
// `npm run typecheck` is what checks types. Formatting is Prettier's job: eslint-config-prettier comes last.
import js from "@eslint/js";
import { defineConfig, globalIgnores } from "eslint/config";
import prettier from "eslint-config-prettier";
import jsxA11y from "eslint-plugin-jsx-a11y";
import react from "eslint-plugin-react";
import reactHooks from "eslint-plugin-react-hooks";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
  globalIgnores([
    "**/node_modules/",
    "build/",
    "public/build/",
    ".cache/",
    "data/",
    "test-results/",
    "playwright-report/",
    "reports/",
    ".stryker-tmp/",
    "coverage/",
  ]),

  js.configs.recommended,
  tseslint.configs.recommended,
  react.configs.flat.recommended,
  react.configs.flat["jsx-runtime"],
  jsxA11y.flatConfigs.recommended,

  {
    files: ["**/*.{js,mjs,cjs,jsx,ts,mts,cts,tsx}"],
    linterOptions: {
      reportUnusedDisableDirectives: "error",
    },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: {
        ...globals.browser,
        ...globals.node,
      },
    },
    settings: {
      react: { version: "detect" },
    },
    plugins: {
      "react-hooks": reactHooks,
    },
    rules: {
      // The classic hooks rules. The React Compiler rules of eslint-plugin-react-hooks 7's `recommended`
      // (purity, refs, set-state-in-effect, ...) are not turned on: this app does not use the compiler.
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",

      // `_`-prefixed names are deliberately unused (ignored arguments, destructuring to drop a key).
      "no-unused-vars": "off",
      "@typescript-eslint/no-unused-vars": [
        "error",
        {
          args: "after-used",
          argsIgnorePattern: "^_",
          varsIgnorePattern: "^_",
          caughtErrorsIgnorePattern: "^_",
          destructuredArrayIgnorePattern: "^_",
          ignoreRestSiblings: true,
        },
      ],
    },
  },

  {
    // Migrations take `Kysely<any>` on purpose: a migration must not depend on today's schema types
    // (Kysely's documented idiom), and landed migrations are frozen.
    files: ["db/migrate.ts", "db/migrations/**"],
    rules: {
      "@typescript-eslint/no-explicit-any": "off",
    },
  },

  {
    // Playwright fixtures receive a callback named `use`; it is not React's `use()` hook.
    files: ["tests/e2e/**"],
    rules: {
      "react-hooks/rules-of-hooks": "off",
    },
  },

  // Must stay last: turns off every rule that Prettier's output could contradict.
  prettier,
]);
