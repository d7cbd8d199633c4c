import { caseFold } from 'unicode-case-folding';

/**
 * Domain rules that both input validation and services apply (SPEC §1, §3). Each literal lives here
 * once; validators and services import it.
 */

/** A Partner ID: 6 to 10 digits, not starting with 0 (SPEC §3). */
const PARTNER_ID_PATTERN = /^[1-9]\d{5,9}$/;
export const isPartnerId = (value: string): boolean => PARTNER_ID_PATTERN.test(value);
export const PARTNER_ID_RULE = 'a Partner ID is 6 to 10 digits and does not start with 0';
export const notAPartnerId = (value: string): string => `"${value}" is not a Partner ID: ${PARTNER_ID_RULE}.`;
/** How every argument that takes a Partner ID reads it (SPEC §9): white space around it is not part of it. */
export const partnerIdArgument = (text: string): string => text.trim();

export const DAY_MS = 86_400_000;

/** A licence quantity: a positive whole number (the offer's range is checked where the offer is known). */
export const isQuantity = (value: number): boolean => Number.isInteger(value) && value >= 1;
export const QUANTITY_RULE = 'must be a positive whole number';
export const notAQuantity = (value: number): string => `The quantity ${QUANTITY_RULE}; got ${value}.`;

/** How long a reseller invitation lasts, in days. */
export const INVITATION_DAYS = { min: 1, max: 30, default: 7 } as const;

// ---- Input text (SPEC §3 "Input text and identifiers"): names, domains, search. ----

/** Length in Unicode code points, as MySQL/MariaDB count characters of a utf8mb4 column (JS `length` counts UTF-16 units). */
export function codePoints(text: string): number {
  return Array.from(text).length;
}

/** A lone UTF-16 surrogate: text that is not Unicode, which no database column stores as sent. */
export const hasLoneSurrogate = (text: string): boolean => /\p{Cs}/u.test(text);

/** Longest name (organisation, company, product), in code points after normalisation. */
export const NAME_MAX = 200;

/** What is stored for a name: NFC-normalised and trimmed. */
export const normaliseName = (name: string): string => name.normalize('NFC').trim();

/**
 * Why text that is stored, compared or searched is refused (SPEC §9: names, `search`, the token's `sub`);
 * undefined when it is fine. Each database stores a control character (C0, DEL, C1) or a lone surrogate its
 * own way (NUL ends a C string, a lone surrogate is not UTF-8), so neither can give the same answer on both.
 */
export function textProblem(text: string): string | undefined {
  if (hasLoneSurrogate(text)) return 'must be well-formed Unicode text';
  if (/\p{Cc}/u.test(text)) return 'must not contain control characters, such as NUL, tabs or line breaks';
  return undefined;
}

/** Why a name, once normalised, is refused; undefined when it is fine. */
export function nameProblem(name: string, max = NAME_MAX): string | undefined {
  const normalised = normaliseName(name);
  if (normalised === '') return 'must not be empty';
  const text = textProblem(normalised);
  if (text) return text;
  if (codePoints(normalised) > max) return `must be at most ${max} characters (Unicode code points)`;
  if (/\p{Cf}/u.test(normalised)) {
    return 'must not contain control or format characters, such as zero-width spaces or bidirectional marks';
  }
  if (!/[\p{L}\p{N}]/u.test(normalised)) return 'must contain at least one letter or digit';
  return undefined;
}

/** A domain name as stored and compared: lower-case, without the one trailing dot of a fully qualified name. */
export function normaliseDomain(domain: string): string {
  const lower = domain.trim().toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

/** A normalised domain: dot-separated LDH labels of 1–63 characters, 4–253 in all, ending in a TLD of letters. */
export const DOMAIN_PATTERN = /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * Text for case-insensitive search, the same on every database: Unicode full case folding (ß → ss,
 * Σ/ς → σ, É → é) between canonical decomposition and composition, so that composed and decomposed
 * input match alike. Accents stay: "cafe" does not find "café".
 */
export const foldForSearch = (text: string): string => caseFold(text.normalize('NFD')).normalize('NFC');

/**
 * Longest folded name, in code points: per code point, decomposition, folding and recomposition give at
 * most 4 (e.g. U+1F82), so 4 × NAME_MAX always fits.
 */
export const FOLDED_NAME_MAX = 4 * NAME_MAX;

/** An invitation code as the server issues it (base64url), compared exactly: no trimming, no case folding. */
export const INVITATION_CODE_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
