import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  type ArgumentNode,
  type DocumentNode,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
  validate,
  visit,
} from 'graphql';
import type { LimitsConfig } from '../config';
import { ErrorCode } from '../domain/error-codes';

/**
 * A refusal for exceeding one of the query limits (SPEC §4). The message names the limit and its value.
 * Apollo wraps validation errors in its own class and overwrites `extensions.code`; the error formatter
 * recognises this class as the original error and answers QUERY_TOO_COMPLEX.
 */
export class QueryTooComplexError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: ErrorCode.QUERY_TOO_COMPLEX, http: { status: 400 } } });
    this.name = 'QueryTooComplexError';
  }
}

type ArmorLimit = 'depth' | 'cost' | 'aliases' | 'directives';

const describe: Record<ArmorLimit, (max: number, found: string) => string> = {
  depth: (max, found) =>
    `The operation exceeds the depth limit of ${max} nested fields (it is ${found} deep). Request fewer nested levels.`,
  cost: (max, found) =>
    `The operation exceeds the cost limit of ${max} (its estimated cost is ${found}). Select fewer fields or ask for smaller pages with "first".`,
  aliases: (max, found) =>
    `The operation exceeds the alias limit of ${max} (it uses ${found}). Split it into several requests.`,
  directives: (max, found) =>
    `The operation exceeds the directive limit of ${max} (it uses ${found}). Use fewer directives.`,
};

/** graphql-armor’s rule refused: report our own error instead of its "Syntax Error: …" BAD_USER_INPUT one. */
function report(limit: ArmorLimit, max: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const found = /found (\d+(?:\.\d+)?)/.exec(error.message)?.[1] ?? 'more';
    const rounded = limit === 'cost' && found !== 'more' ? String(Math.ceil(Number(found))) : found;
    context?.reportError(new QueryTooComplexError(describe[limit](max, rounded)));
  };
}

export interface QueryLimits {
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  /** Re-checks the cost once variables are known, for page sizes passed as variables (`first: $n`). */
  plugin: ApolloServerPlugin;
}

/**
 * Depth, cost, alias and directive limits are graphql-armor validation rules. The token limit is graphql-js’s
 * own parser option (`maxTokens`, the same lexer count armor uses): armor’s Apollo token plugin throws from a
 * hook, which Apollo turns into a 500, while a parser refusal is a clean 400.
 */
export function queryLimits(limits: LimitsConfig): QueryLimits {
  const rule = (limit: ArmorLimit, max: number) => ({ propagateOnRejection: false, onReject: [report(limit, max)] });
  // Fragments count as the fields they stand for: depth is the depth of the response, not of the document.
  const cost = { maxCost: limits.maxCost, flattenFragments: true, ...rule('cost', limits.maxCost) };
  const { validationRules } = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...rule('depth', limits.maxDepth) },
    costLimit: cost,
    maxAliases: { n: limits.maxAliases, ...rule('aliases', limits.maxAliases) },
    maxDirectives: { n: limits.maxDirectives, ...rule('directives', limits.maxDirectives) },
    maxTokens: { enabled: false },
    // Apollo’s own hideSchemaDetailsFromClientErrors removes suggestions in production, without a mask.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  const off = { enabled: false };
  const [costOnly] = new ApolloArmor({
    costLimit: cost,
    maxDepth: off,
    maxAliases: off,
    maxDirectives: off,
    maxTokens: off,
    blockFieldSuggestion: off,
  }).protect().validationRules;
  return { validationRules, parseOptions: { maxTokens: limits.maxTokens }, plugin: variableCostPlugin(costOnly) };
}

const PAGE_SIZE_ARGUMENTS = new Set(['first', 'last']);

/**
 * Whether a document passes a page size as a variable (`first: $n`). Apollo reuses the parsed document of a
 * repeated operation, so this is worked out once per document instead of walking it on every request.
 */
const pageSizeVariableDocuments = new WeakMap<DocumentNode, boolean>();
function hasPageSizeVariable(document: DocumentNode): boolean {
  let found = pageSizeVariableDocuments.get(document);
  if (found === undefined) {
    found = false;
    visit(document, {
      Argument(node: ArgumentNode) {
        if (PAGE_SIZE_ARGUMENTS.has(node.name.value) && node.value.kind === Kind.VARIABLE) found = true;
      },
    });
    pageSizeVariableDocuments.set(document, found);
  }
  return found;
}

/**
 * Armor’s cost rule multiplies a list’s cost by its page size only when `first` is a literal; validation
 * runs before variables are known. Once they are, the document is checked again with `first: $n` replaced
 * by the value sent, so a variable cannot be used to slip a large page past the cost limit.
 */
function variableCostPlugin(rule: ValidationRule): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          if (!operation || !hasPageSizeVariable(document)) return;
          const values: Record<string, unknown> = {};
          for (const definition of operation.variableDefinitions ?? []) {
            const name = definition.variable.name.value;
            const sent = request.variables?.[name];
            if (sent !== undefined && sent !== null) values[name] = sent;
            else if (definition.defaultValue?.kind === Kind.INT) values[name] = Number(definition.defaultValue.value);
          }
          let substituted = false;
          const withValues = visit(document, {
            Argument(node: ArgumentNode) {
              if (!PAGE_SIZE_ARGUMENTS.has(node.name.value) || node.value.kind !== Kind.VARIABLE) return undefined;
              const value = values[node.value.name.value];
              if (typeof value !== 'number' || !Number.isSafeInteger(value)) return undefined;
              substituted = true;
              return { ...node, value: { kind: Kind.INT, value: String(value) } };
            },
          }) as DocumentNode;
          if (!substituted) return;
          const [error] = validate(schema, withValues, [rule]);
          if (error) throw error;
        },
      };
    },
  };
}

const TOKEN_LIMIT = /^Syntax Error: Document contains more that (\d+) tokens/;

/** The parser’s token-limit refusal, reworded; undefined for any other syntax error. */
export function tokenLimitMessage(message: string): string | undefined {
  const max = TOKEN_LIMIT.exec(message)?.[1];
  return max === undefined
    ? undefined
    : `The operation exceeds the token limit of ${max} tokens. Send a shorter document, or split it into several requests.`;
}

/**
 * graphql-js aborts validation that would take too long (for example thousands of repeated fields to
 * compare) with this bare message; it is a resource limit like the others.
 */
export function validationWorkLimitMessage(message: string): string | undefined {
  return message === 'Validation aborted.' || /error limit reached\. Validation aborted\.$/.test(message)
    ? 'The operation exceeds the validation work limit: it has too many repeated or overlapping fields, or too many errors. Simplify it.'
    : undefined;
}
