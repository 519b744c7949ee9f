// Lint rules for the whole codebase: typescript-eslint's recommended set, hooks rules for the web app,
// and the one-way import rule of the architecture (only src/store/neo4j talks to neo4j-driver).
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";

export default tseslint.config(
  {
    ignores: [
      "dist/**",
      "node_modules/**",
      "test/neo4j/target/**",
      "test-results/**",
      "bench-results/**",
      "**/.scratch/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: "module" },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    files: ["src/web/**/*.{ts,tsx}"],
    plugins: { "react-hooks": reactHooks },
    rules: { "react-hooks/rules-of-hooks": "error", "react-hooks/exhaustive-deps": "warn" },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "neo4j-driver", message: "Only src/store/neo4j talks to neo4j-driver." }],
          patterns: [{ group: ["**/web/**"], message: "Nothing imports the web app but the web app." }],
        },
      ],
    },
  },
  {
    files: ["src/web/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [{ name: "neo4j-driver", message: "The web app talks to the server, never to Neo4j." }],
          patterns: [
            { group: ["**/store/**", "**/server/**", "**/ingest/**"], message: "The web app imports only src/model." },
          ],
        },
      ],
    },
  },
  {
    files: ["src/store/neo4j/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["**/web/**"], message: "Nothing imports the web app but the web app." }] },
      ],
    },
  },
);
