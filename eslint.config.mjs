import nextCoreWebVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const config = [
  ...nextCoreWebVitals,
  ...nextTypescript,
  {
    ignores: ["node_modules/**", ".next/**", "data/**", "src/server/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // Every word of the interface goes through next-intl (messages/*.json): text written straight
    // into JSX is an error. Punctuation and symbols that read the same in every language may stay.
    files: ["src/app/**/*.tsx"],
    rules: {
      "react/jsx-no-literals": ["error", { allowedStrings: ["Switchboard", "·", "/", "+", "—", "…", "!", "(", ")", ".", ",", ":", "%", "💬", "↓", "×", "@"], ignoreProps: true }],
    },
  },
  {
    // Playwright fixtures call their continuation `use`, which is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
