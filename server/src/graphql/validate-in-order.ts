import { validate, getMetadataStorage, type ValidatorOptions } from 'class-validator';
import { ArgumentValidationError, type ValidatorFn } from 'type-graphql';
import type { RefuseOutOfScopeFirst } from './scope-first';
import type { RequestContext } from '../auth/request-context';

const options: ValidatorOptions = { skipMissingProperties: true, forbidUnknownValues: false };

type TypeValue = Parameters<ValidatorFn>[1];

/** Classes without class-validator rules (page arguments, most field arguments) skip validation at no cost. */
const hasRules = new Map<TypeValue, boolean>();
function validated(type: TypeValue): boolean {
  if (typeof type !== 'function') return false;
  let known = hasRules.get(type);
  if (known === undefined) {
    known = getMetadataStorage().getTargetValidationMetadatas(type, '', true, false).length > 0;
    hasRules.set(type, known);
  }
  return known;
}

/** type-graphql's `validateFn`: class-validator's rules, reported after the checks SPEC §3 puts first. */
export const validateInOrder =
  (refuseOutOfScopeFirst: RefuseOutOfScopeFirst): ValidatorFn<RequestContext> =>
  async (value, type, resolverData) => {
    if (value === null || typeof value !== 'object' || !validated(type)) return;
    const errors = (await Promise.all((Array.isArray(value) ? value : [value]).map((item) => validate(item, options)))).flat();
    if (errors.length === 0) return;
    await refuseOutOfScopeFirst(resolverData);
    throw new ArgumentValidationError(errors);
  };
