import { applyDecorators } from './apply-decorators';
import { PARTNER_ID_PATTERN, PARTNER_ID_RULE } from '../../domain/rules';
import { IsInt, IsISO31661Alpha2, Length, Matches, Max, MaxLength, Min } from 'class-validator';

/** Shared input rules, so every input that takes a name or a quantity checks it the same way. */
export const IsName = (max = 200) =>
  applyDecorators(MaxLength(max, { message: `must be at most ${max} characters` }), Matches(/\S/, { message: 'must not be empty' }));
export const IsCountryCode = () => IsISO31661Alpha2({ message: 'must be an ISO 3166-1 alpha-2 country code such as US or VN' });
export const IsDomainText = () => Length(1, 253, { message: 'must be 1 to 253 characters' });
export const IsQuantity = () =>
  applyDecorators(IsInt({ message: 'must be a whole number' }), Min(1, { message: 'must be a positive whole number' }));
export const IsVersion = () =>
  applyDecorators(IsInt({ message: 'must be a whole number' }), Min(1, { message: 'must be at least 1' }));
export const IsIdempotencyKey = () => Length(1, 255, { message: 'must be 1 to 255 characters' });
export const IsPartnerId = () => Matches(PARTNER_ID_PATTERN, { message: `must be a Partner ID: ${PARTNER_ID_RULE}` });
export const IsBoundedInt = (min: number, max: number) =>
  applyDecorators(IsInt({ message: 'must be a whole number' }), Min(min, { message: `must be at least ${min}` }), Max(max, { message: `must be at most ${max}` }));
