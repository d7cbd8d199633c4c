// Prettier formats the code; `npm run format` writes, `npm run format:check` (CI) fails on any difference.
export default {
  printWidth: 140,
  singleQuote: true,
  trailingComma: 'all',
  // GraphQL documents inside graphql(`…`) stay as written: codegen keys each typed document by its exact text,
  // so reformatting them would detach the specs' and the SDK's documents from their generated types.
  embeddedLanguageFormatting: 'off',
};
