import { applyDecorators } from './apply-decorators';
import {
  DOMAIN_PATTERN,
  INVITATION_CODE_PATTERN,
  PARTNER_ID_RULE,
  QUANTITY_RULE,
  isQuantity,
  isPartnerId,
  partnerIdArgument,
  codePoints,
  hasLoneSurrogate,
  nameProblem,
  normaliseDomain,
} from '../../domain/rules';
import { IsInt, IsISO31661Alpha2, Matches, Max, Min, ValidateBy } from 'class-validator';

/**
 * A rule written as "why is this text refused" (undefined when it is fine), as a class-validator decorator:
 * the refusal message is the reason itself.
 */
const RefuseText = (name: string, problem: (text: string) => string | undefined) =>
  ValidateBy({
    name,
    validator: {
      validate: (value: unknown) => typeof value === 'string' && problem(value) === undefined,
      defaultMessage: (args) => (typeof args?.value === 'string' ? problem(args.value) : undefined) ?? 'must be text',
    },
  });

/** Free text compared exactly: 1 to `max` code points of well-formed Unicode, nothing normalised. */
const exactTextProblem = (max: number) => (text: string) => {
  if (hasLoneSurrogate(text)) return 'must be well-formed Unicode text';
  const length = codePoints(text);
  return length < 1 || length > max ? `must be 1 to ${max} characters (Unicode code points)` : undefined;
};

/** Shared input rules, so every input that takes a name or a quantity checks it the same way. */
export const IsName = (max?: number) => RefuseText('isName', (text) => nameProblem(text, max));
export const IsCountryCode = () => IsISO31661Alpha2({ message: 'must be an ISO 3166-1 alpha-2 country code such as US or VN' });
export const IsDomainText = () =>
  RefuseText('isDomain', (text) =>
    DOMAIN_PATTERN.test(normaliseDomain(text)) ? undefined : 'must be a domain name such as contoso.example',
  );
export const IsQuantity = () =>
  ValidateBy({ name: 'isQuantity', validator: { validate: (value) => isQuantity(value as number), defaultMessage: () => QUANTITY_RULE } });
export const IsVersion = () => applyDecorators(IsInt({ message: 'must be a whole number' }), Min(1, { message: 'must be at least 1' }));
export const IsIdempotencyKey = () => RefuseText('isIdempotencyKey', exactTextProblem(255));
export const IsInvitationCode = () =>
  Matches(INVITATION_CODE_PATTERN, { message: 'must be the code exactly as your reseller sent it: letters, digits, - and _' });
export const IsPartnerId = () =>
  RefuseText('isPartnerId', (text) => (isPartnerId(partnerIdArgument(text)) ? undefined : `must be a Partner ID: ${PARTNER_ID_RULE}`));
export const IsBoundedInt = (min: number, max: number) =>
  applyDecorators(
    IsInt({ message: 'must be a whole number' }),
    Min(min, { message: `must be at least ${min}` }),
    Max(max, { message: `must be at most ${max}` }),
  );
