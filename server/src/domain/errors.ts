import { GraphQLError } from 'graphql';
import { ErrorCode } from './error-codes';

/** A refusal the client can act on. The message is shown to people as is. */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    extra: { field?: string; [key: string]: unknown } = {},
  ) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const notFound = (what: string, id?: string) =>
  new AppError(ErrorCode.NOT_FOUND, id === undefined ? `${what} was not found.` : `${what} "${id}" was not found.`);

export const forbidden = (message: string) => new AppError(ErrorCode.FORBIDDEN, message);

export const badInput = (field: string, message: string) => new AppError(ErrorCode.BAD_USER_INPUT, message, { field });

export const conflict = (message: string, field?: string) => new AppError(ErrorCode.CONFLICT, message, field ? { field } : {});

export const failedPrecondition = (message: string) => new AppError(ErrorCode.FAILED_PRECONDITION, message);
