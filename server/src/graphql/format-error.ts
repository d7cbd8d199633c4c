import type { GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { ErrorCode } from './error-codes';

const CLOSED_SET = new Set<string>(Object.values(ErrorCode));

/** Codes raised by Apollo Server or graphql-js itself, mapped onto our closed set. */
const FOREIGN_CODES: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: ErrorCode.BAD_USER_INPUT,
  GRAPHQL_VALIDATION_FAILED: ErrorCode.BAD_USER_INPUT,
  BAD_REQUEST: ErrorCode.BAD_USER_INPUT,
  PERSISTED_QUERY_NOT_FOUND: ErrorCode.BAD_USER_INPUT,
  PERSISTED_QUERY_NOT_SUPPORTED: ErrorCode.BAD_USER_INPUT,
  OPERATION_RESOLUTION_FAILURE: ErrorCode.BAD_USER_INPUT,
  UNAUTHORIZED: ErrorCode.FORBIDDEN,
};

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
 * Shapes every error leaving the server: a code from the closed set, an actionable message, and
 * in production nothing internal (no stack, no SQL, no driver message).
 */
export function createErrorFormatter(production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown })?.originalError ?? error;
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
      return { ...formatted, extensions: production ? rest : formatted.extensions };
    }
    if (FOREIGN_CODES[code]) {
      let message = formatted.message;
      if (production) message = message.replace(/ Did you mean .*\?$/, '');
      const field = (formatted.extensions as { field?: string } | undefined)?.field;
      return {
        message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: FOREIGN_CODES[code], ...(field ? { field } : {}) },
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
