// @ts-check
// Lint for the dashboard: no user-visible literal in JSX (issue 8). Every text a person reads goes through
// the i18n catalogues (app/locales/<lng>/<ns>.json); codes, class names, routes, form field names and the
// like are not texts, so only JSX text, the attributes people read or hear, and literals that end up as
// children are checked.
import i18next from "eslint-plugin-i18next";
import tseslint from "typescript-eslint";

/** Attributes whose value a person sees or a screen reader speaks (on elements and on our components). */
const VISIBLE_ATTRIBUTES = ["aria-label", "aria-description", "aria-valuetext", "aria-roledescription", "title", "placeholder", "alt", "label", "caption", "summary"];

export default [
  { ignores: ["build/**", "public/**", "node_modules/**"] },
  {
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/**/*.test.{ts,tsx}"],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { i18next },
    rules: {
      "i18next/no-literal-string": [
        "error",
        {
          // JSX text and literals inside JSX (`{cond ? "Yes" : "No"}`), but only in the attributes above.
          mode: "jsx-only",
          "jsx-attributes": { include: VISIBLE_ATTRIBUTES },
          // A literal passed to a function is a key, a field name or a code (t("…"), err("email")), except
          // for the browser's own dialogs.
          callees: { include: ["confirm", "alert", "prompt"], exclude: [".*"] },
          // Map keys and ids in inline objects (`{ id: "trained" }`); `label`-like properties are checked.
          "object-properties": { include: VISIBLE_ATTRIBUTES, exclude: [".*"] },
        },
      ],
    },
  },
];
