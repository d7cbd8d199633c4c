import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  type ArgumentNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
  visit,
} from 'graphql';
import type { LimitsConfig } from '../config';
import { MAX_PAGE_SIZE } from '../db/pagination';
import { ErrorCode } from '../domain/error-codes';
import { AppError } from '../domain/errors';
import { operationCost } from './query-cost';

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

type Limit = 'depth' | 'cost' | 'aliases' | 'directives';
type ArmorLimit = Exclude<Limit, 'cost'>;

const describe: Record<Limit, (max: number, found: string) => string> = {
  depth: (max, found) =>
    `The operation exceeds the depth limit of ${max} nested fields (it is ${found} deep). Request fewer nested levels.`,
  cost: (max, found) =>
    `The operation exceeds the cost limit of ${max} (its estimated cost is ${found}). Select fewer fields or ask for smaller pages with "first".`,
  aliases: (max, found) => `The operation exceeds the alias limit of ${max} (it uses ${found}). Split it into several requests.`,
  directives: (max, found) => `The operation exceeds the directive limit of ${max} (it uses ${found}). Use fewer directives.`,
};

/** graphql-armor’s rule refused: report our own error instead of its "Syntax Error: …" BAD_USER_INPUT one. */
function report(limit: ArmorLimit, max: number) {
  return (context: ValidationContext | null, error: GraphQLError) => {
    const found = /found (\d+(?:\.\d+)?)/.exec(error.message)?.[1] ?? 'more';
    context?.reportError(new QueryTooComplexError(describe[limit](max, found)));
  };
}

export interface QueryLimits {
  validationRules: ValidationRule[];
  parseOptions: ParseOptions;
  /** Re-checks the cost once variables are known, for page sizes passed as variables (`first: $n`). */
  plugin: ApolloServerPlugin;
}

/**
 * Depth, alias and directive limits are graphql-armor validation rules; the cost is ours (query-cost.ts),
 * because armor counts a list only where `first` is written and SPEC §9 counts what every list can return.
 * The token limit is graphql-js’s own parser option (`maxTokens`, the same lexer count armor uses): armor’s
 * Apollo token plugin throws from a hook, which Apollo turns into a 500, while a parser refusal is a clean 400.
 */
export function queryLimits(limits: LimitsConfig): QueryLimits {
  const rule = (limit: ArmorLimit, max: number) => ({ propagateOnRejection: false, onReject: [report(limit, max)] });
  const { validationRules } = new ApolloArmor({
    // Fragments count as the fields they stand for: depth is the depth of the response, not of the document.
    maxDepth: { n: limits.maxDepth, flattenFragments: true, ...rule('depth', limits.maxDepth) },
    costLimit: { enabled: false },
    maxAliases: { n: limits.maxAliases, ...rule('aliases', limits.maxAliases) },
    maxDirectives: { n: limits.maxDirectives, ...rule('directives', limits.maxDirectives) },
    maxTokens: { enabled: false },
    // Apollo’s own hideSchemaDetailsFromClientErrors removes suggestions in production, without a mask.
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    validationRules: [...validationRules, costRule(limits.maxCost)],
    parseOptions: { maxTokens: limits.maxTokens },
    plugin: variableCostPlugin(limits.maxCost),
  };
}

const costRefusal = (max: number, cost: number) => new QueryTooComplexError(describe.cost(max, String(Math.ceil(cost))));

/** The cost limit as a validation rule: variables are not known yet, so a `first: $n` counts its default. */
function costRule(maxCost: number): ValidationRule {
  return (context) => ({
    OperationDefinition(operation) {
      const cost = operationCost(context.getSchema(), operation, (name) => context.getFragment(name));
      if (cost > maxCost) context.reportError(costRefusal(maxCost, cost));
      return false;
    },
  });
}

const PAGE_SIZE_ARGUMENT = 'first';

/**
 * Whether a document passes a page size as a variable (`first: $n`), and which variables those are. Apollo
 * reuses the parsed document of a repeated operation, so this is worked out once per document instead of
 * walking it on every request.
 */
const pageSizeVariablesOf = new WeakMap<DocumentNode, ReadonlySet<string>>();
function pageSizeVariables(document: DocumentNode): ReadonlySet<string> {
  let found = pageSizeVariablesOf.get(document);
  if (found === undefined) {
    const names = new Set<string>();
    visit(document, {
      Argument(node: ArgumentNode) {
        if (node.name.value === PAGE_SIZE_ARGUMENT && node.value.kind === Kind.VARIABLE) names.add(node.value.name.value);
      },
    });
    found = names;
    pageSizeVariablesOf.set(document, found);
  }
  return found;
}

const INT_32 = 2 ** 31;

/**
 * Once variables are known, the cost is counted again with the page sizes sent, so a variable cannot slip a
 * large page past the limit. A page size that is not a 32-bit integer is refused here on `first`, as the same
 * value written in the document is (graphql-js would otherwise name only the variable).
 */
function variableCostPlugin(maxCost: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request, schema }) {
          const names = operation ? pageSizeVariables(document) : undefined;
          if (!operation || !names?.size) return;
          for (const name of names) {
            const value = request.variables?.[name];
            if (typeof value === 'number' && !(Number.isInteger(value) && value >= -INT_32 && value < INT_32)) {
              throw new AppError(ErrorCode.BAD_USER_INPUT, `"first" must be a whole number from 1 to ${MAX_PAGE_SIZE}; got ${value}.`, {
                field: PAGE_SIZE_ARGUMENT,
                http: { status: 400 },
              });
            }
          }
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const definition of document.definitions) {
            if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
          }
          const cost = operationCost(schema, operation, (name) => fragments.get(name), request.variables);
          if (cost > maxCost) throw costRefusal(maxCost, cost);
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
