// ESLint (flat config): typescript-eslint's type-checked rules on the TypeScript, the plain recommended rules on
// the CommonJS scripts, React's hook rules on the admin, and docstrings required where others read the code first.
// Formatting is Prettier's job (.prettierrc.json); eslint-config-prettier turns off the rules that would disagree.
import js from "@eslint/js"
import prettier from "eslint-config-prettier"
import jsdoc from "eslint-plugin-jsdoc"
import reactHooks from "eslint-plugin-react-hooks"
import globals from "globals"
import tseslint from "typescript-eslint"

/** The code whose exported functions, classes and methods must say what they take, return and throw. */
const DOCUMENTED = [
  "src/lib/financing/**/*.ts",
  "packages/inbank-partner-api/src/**/*.ts",
  "src/modules/inbank/**/*.ts",
  "src/workflows/**/*.ts",
  "src/providers/inbank/**/*.ts",
]
const TESTS = ["**/__tests__/**", "integration-tests/**"]

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/",
      "**/dist/",
      ".medusa/",
      ".cache/",
      ".demo-data/",
      "coverage/",
      "src/modules/inbank/migrations/",
    ],
  },
  // First, so that the comment length below (max-len, which it turns off) is ours to set.
  prettier,
  {
    files: ["**/*.{ts,tsx}"],
    extends: [js.configs.recommended, ...tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { project: "./tsconfig.eslint.json", tsconfigRootDir: import.meta.dirname },
      globals: globals.node,
    },
    rules: {
      // `_name` marks a parameter an interface makes us take (Medusa's provider methods, Express handlers).
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // Comments stay readable in a side-by-side diff; code lines are Prettier's (printWidth 120).
      "max-len": ["error", { code: 1000, comments: 120, ignoreUrls: true }],
    },
  },
  {
    files: ["src/admin/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: {
      parserOptions: { project: "./src/admin/tsconfig.json", tsconfigRootDir: import.meta.dirname },
      globals: globals.browser,
    },
  },
  {
    files: ["demo/storefront/**/*.ts"],
    languageOptions: { globals: globals.browser },
  },
  {
    // Vite's config types resolve only as ESM, which this CommonJS project's tsconfig does not: plain rules.
    files: ["demo/storefront/vite.config.ts"],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    files: TESTS,
    languageOptions: { globals: globals.jest },
    rules: {
      // Tests read the JSON answers of the routes they check (axios' `data: any`) and let `expect` judge them;
      // typing every answer again would restate the routes' types without catching more.
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
      "@typescript-eslint/no-unsafe-return": "off",
      "@typescript-eslint/no-unsafe-argument": "off",
      // Partial fakes of Medusa's services and deliberately malformed input are what many tests are about.
      "@typescript-eslint/no-explicit-any": "off",
      // Fakes stand in for async interfaces and often answer at once.
      "@typescript-eslint/require-await": "off",
      // Specs load the CommonJS helpers of scripts/lib (JavaScript without types) and modules that must load
      // after the environment they read is set.
      "@typescript-eslint/no-require-imports": "off",
    },
  },
  {
    files: ["**/*.{js,cjs}"],
    extends: [js.configs.recommended],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node, ...globals.jest } },
    rules: {
      "no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "max-len": ["error", { code: 1000, comments: 120, ignoreUrls: true }],
    },
  },
  {
    files: ["**/*.mjs"],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["src/links/**/*.ts"],
    rules: {
      // Medusa's core modules type `linkable` as Record<string, any>: defineLink gets it as Medusa gives it.
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },
  {
    files: ["src/providers/**/*.ts"],
    rules: {
      // Medusa's AbstractPaymentProvider declares every method async; some answer without asking anything.
      "@typescript-eslint/require-await": "off",
    },
  },
  {
    files: DOCUMENTED,
    ignores: TESTS,
    plugins: { jsdoc },
    rules: {
      "jsdoc/require-jsdoc": [
        "error",
        {
          publicOnly: true,
          require: { FunctionDeclaration: true, ClassDeclaration: true, MethodDefinition: true },
          contexts: [
            // `export const name = (…) => …` is an exported function too.
            "ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > ArrowFunctionExpression",
            "ExportNamedDeclaration > VariableDeclaration > VariableDeclarator > FunctionExpression",
          ],
          checkConstructors: false,
        },
      ],
      // A docstring explains the parameters worth explaining; the names it does use must be real.
      "jsdoc/check-param-names": ["error", { disableMissingParamChecks: true }],
      "jsdoc/check-tag-names": ["error", { typed: true }],
      "jsdoc/no-types": "error",
    },
  },
)
