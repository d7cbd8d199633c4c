import { registerEnumType } from 'type-graphql';

/** The closed set of error codes of SPEC §3. Every GraphQL error carries one in `extensions.code`. */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  CONFLICT = 'CONFLICT',
  FAILED_PRECONDITION = 'FAILED_PRECONDITION',
  PARTNER_NOT_FOUND = 'PARTNER_NOT_FOUND',
  PARTNER_NOT_ADVISOR = 'PARTNER_NOT_ADVISOR',
  OFFER_NOT_AUTHORIZED = 'OFFER_NOT_AUTHORIZED',
  QUANTITY_OUT_OF_RANGE = 'QUANTITY_OUT_OF_RANGE',
  INVALID_STATUS_TRANSITION = 'INVALID_STATUS_TRANSITION',
  RATE_LIMITED = 'RATE_LIMITED',
  QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

registerEnumType(ErrorCode, {
  name: 'ErrorCode',
  description: 'The closed set of codes found in `extensions.code` of every GraphQL error this API returns.',
  valuesConfig: {
    UNAUTHENTICATED: { description: 'No bearer token, or one that is malformed, forged or expired.' },
    FORBIDDEN: { description: 'The caller’s role may not do this, or someone else manages the target.' },
    NOT_FOUND: { description: 'No such object, or it is outside the caller’s scope.' },
    BAD_USER_INPUT: { description: 'Malformed input; `extensions.field` names the offending field.' },
    CONFLICT: { description: 'Stale expectedVersion, reused idempotency key, or a unique value already taken.' },
    FAILED_PRECONDITION: { description: 'The target is not in a state that allows this change.' },
    PARTNER_NOT_FOUND: { description: 'A well-formed Partner ID that no partner has.' },
    PARTNER_NOT_ADVISOR: { description: 'The partner exists but lacks the ADVISOR capability.' },
    OFFER_NOT_AUTHORIZED: { description: 'The reseller is not authorised to sell this offer.' },
    QUANTITY_OUT_OF_RANGE: { description: 'The quantity lies outside the offer’s minimum and maximum.' },
    INVALID_STATUS_TRANSITION: { description: 'The subscription’s status does not allow this transition.' },
    RATE_LIMITED: { description: 'Too many requests; `extensions.retryAfterSeconds` says when to try again.' },
    QUERY_TOO_COMPLEX: { description: 'The operation exceeds a depth, cost, alias, token or size limit.' },
    INTERNAL_SERVER_ERROR: { description: 'An unexpected failure on the server; no detail is given.' },
  },
});
