import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { ErrorCode } from '../domain/error-codes';
import { QueryTooComplexError, tokenLimitMessage, validationWorkLimitMessage } from './query-limits';
import { refusedInput } from '../db/data-errors';
import { isGetSubscriptionRefusal, SUBSCRIPTIONS_OVER_WEBSOCKET } from './subscriptions-over-http';

const CLOSED_SET = new Set<string>(Object.values(ErrorCode));

/** Codes raised by Apollo Server or graphql-js itself, mapped onto our closed set. */
const FOREIGN_CODES: Partial<Record<string, ErrorCode>> = {
  GRAPHQL_PARSE_FAILED: ErrorCode.BAD_USER_INPUT,
  GRAPHQL_VALIDATION_FAILED: ErrorCode.BAD_USER_INPUT,
  BAD_REQUEST: ErrorCode.BAD_USER_INPUT,
  PERSISTED_QUERY_NOT_FOUND: ErrorCode.BAD_USER_INPUT,
  PERSISTED_QUERY_NOT_SUPPORTED: ErrorCode.BAD_USER_INPUT,
  OPERATION_RESOLUTION_FAILURE: ErrorCode.BAD_USER_INPUT,
  UNAUTHORIZED: ErrorCode.FORBIDDEN,
};

const INTROSPECTION_DISABLED = /^GraphQL introspection is not allowed/;
const SUGGESTION = / ?Did you mean .*\?$/;

interface ValidationIssue {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationIssue[];
}

function firstIssue(issues: ValidationIssue[], prefix = ''): { field: string; message: string } | undefined {
  for (const issue of issues) {
    const field = prefix ? `${prefix}.${issue.property}` : issue.property;
    const message = issue.constraints ? Object.values(issue.constraints)[0] : undefined;
    if (message) return { field, message };
    const nested = firstIssue(issue.children ?? [], field);
    if (nested) return nested;
  }
  return undefined;
}

/**
 * graphql-js rejects a mistyped variable or argument (e.g. quantity 2.5, a missing, null or unknown field)
 * before any resolver runs. Its message names the place in one of a few forms, as in `Variable "$input" got
 * invalid value 2.5 at "input.quantity"; …`. The field is that path without the variable name, like our own
 * refusals; a literal's null is found by the name written before it in the document.
 */
function coercionField(error: unknown, message: string): string | undefined {
  const variable = /^Variable "\$(\w+)" /.exec(message);
  if (variable) {
    if (/ of non-null type "[^"]+" must not be null\.$/.test(message)) return variable[1];
    const at = / at "(\w+(?:\.\w+|\[\d+\])*)"; /.exec(message)?.[1];
    const path = at?.startsWith(`${variable[1]}.`) ? at.slice(variable[1].length + 1) : undefined;
    const named = /; Field "(\w+)" (?:of required type "[^"]+" was not provided|is not defined by type "\w+")\.$/.exec(message)?.[1];
    if (named) return path ? `${path}.${named}` : named;
    return path;
  }
  const literal =
    /^Field "(?:\w+\.)?(\w+)" (?:of required type "[^"]+" was not provided|is not defined by type "\w+")\.$/.exec(message)?.[1] ??
    /^Field "\w+" argument "(\w+)" of type "[^"]+" is required, but it was not provided\.$/.exec(message)?.[1];
  if (literal) return literal;
  if (/^(?:Expected value of type "[^"]+", found |Int cannot represent )/.test(message)) return nameWrittenBefore(error);
  return undefined;
}

/** The `name:` written just before the error's location in the document, e.g. `quantity` in `quantity: null`. */
function nameWrittenBefore(error: unknown): string | undefined {
  const { source, locations } = error as { source?: { body: string }; locations?: readonly { line: number; column: number }[] };
  if (!source || !locations?.[0]) return undefined;
  const lines = source.body.split('\n');
  const { line, column } = locations[0];
  const before = [...lines.slice(0, line - 1), lines[line - 1]?.slice(0, column - 1) ?? ''].join('\n');
  return /(\w+)\s*:\s*$/.exec(before)?.[1];
}

/**
 * Shapes every error leaving the server: a code from the closed set, an actionable message, and
 * in production nothing internal (no stack, no SQL, no driver message).
 */
export function createErrorFormatter(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown } | null | undefined)?.originalError ?? error;
    const tooComplex =
      original instanceof QueryTooComplexError
        ? original.message
        : original instanceof Error
          ? (tokenLimitMessage(original.message) ?? validationWorkLimitMessage(original.message))
          : undefined;
    if (tooComplex !== undefined) {
      return { message: tooComplex, locations: formatted.locations, extensions: { code: ErrorCode.QUERY_TOO_COMPLEX } };
    }
    if (original instanceof ArgumentValidationError) {
      const issue = firstIssue(original.extensions.validationErrors as ValidationIssue[]);
      const field = issue?.field.replace(/^input\./, '');
      return {
        message: issue ? `Invalid value for "${field}": ${issue.message}.` : 'The input is invalid.',
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.BAD_USER_INPUT, ...(field ? { field } : {}) },
      };
    }
    const code = String(formatted.extensions?.code ?? '');
    if (CLOSED_SET.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) {
      const { stacktrace: _omit, exception: _omit2, ...rest } = (formatted.extensions ?? {}) as Record<string, unknown>;
      const field = code === ErrorCode.BAD_USER_INPUT && rest.field === undefined ? coercionField(error, formatted.message) : undefined;
      const extensions = production ? rest : formatted.extensions;
      // Apollo’s own BAD_USER_INPUT (variable coercion) can suggest enum values: no schema hints in production.
      const message = production ? formatted.message.replace(SUGGESTION, '') : formatted.message;
      return { ...formatted, message, extensions: field ? { ...extensions, field } : extensions };
    }
    if (FOREIGN_CODES[code]) {
      let message = formatted.message;
      if (production) message = message.replace(SUGGESTION, '');
      if (INTROSPECTION_DISABLED.test(message)) message = 'Introspection is disabled on this server.';
      if (isGetSubscriptionRefusal(message)) message = SUBSCRIPTIONS_OVER_WEBSOCKET;
      const field =
        (formatted.extensions as { field?: string } | undefined)?.field ??
        (FOREIGN_CODES[code] === ErrorCode.BAD_USER_INPUT ? coercionField(error, formatted.message) : undefined);
      return {
        message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: FOREIGN_CODES[code], ...(field ? { field } : {}) },
      };
    }
    const refused = refusedInput(original);
    if (refused) {
      return {
        message: `Invalid value for "${refused.field}": ${refused.problem}.`,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: ErrorCode.BAD_USER_INPUT, field: refused.field },
      };
    }
    return {
      message: production
        ? 'An unexpected error occurred on the server. It has been logged; please retry later.'
        : `An unexpected error occurred on the server: ${formatted.message}`,
      locations: formatted.locations,
      path: formatted.path,
      extensions: production
        ? { code: ErrorCode.INTERNAL_SERVER_ERROR }
        : { code: ErrorCode.INTERNAL_SERVER_ERROR, stacktrace: formatted.extensions?.stacktrace },
    };
  };
}
