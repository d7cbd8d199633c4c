/**
 * Domain rules that both input validation and services apply (SPEC §1, §3). Each literal lives here
 * once; validators and services import it.
 */

/** A Partner ID: 6 to 10 digits, not starting with 0 (SPEC §3). */
export const PARTNER_ID_PATTERN = /^[1-9]\d{5,9}$/;
export const isPartnerId = (value: string): boolean => PARTNER_ID_PATTERN.test(value);
export const PARTNER_ID_RULE = 'a Partner ID is 6 to 10 digits and does not start with 0';
export const notAPartnerId = (value: string): string => `"${value}" is not a Partner ID: ${PARTNER_ID_RULE}.`;

export const DAY_MS = 86_400_000;

/** How long a reseller invitation lasts, in days. */
export const INVITATION_DAYS = { min: 1, max: 30, default: 7 } as const;
