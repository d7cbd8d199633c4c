import {
  Kind,
  getNamedType,
  getNullableType,
  isInterfaceType,
  isListType,
  isObjectType,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../db/pagination';
import { LIST_SIZE, type ListSize } from '../domain/list-size';

/** A list with neither `first` nor a known bound counts as this many items (SPEC §9). */
const UNBOUNDED_LIST_SIZE = 100;

// graphql-armor's cost model, so that limits and figures stay what they were for lists with a literal `first`.
const SCALAR_COST = 1;
const OBJECT_COST = 2;
const DEPTH_FACTOR = 1.5;

type Variables = Readonly<Record<string, unknown>> | undefined;

/**
 * What an operation can cost (SPEC §9): every list counts the items it can return, which needs the schema.
 * A `first` counts as its value (a literal, a variable's value or its default), 20 when omitted, and as the
 * largest page when it is not a valid page size (that value is refused on its own). A list that takes no
 * `first` counts its `listSize` extension, else 100. Fragments count as the fields they stand for.
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragment: (name: string) => FragmentDefinitionNode | null | undefined,
  variables?: Variables,
): number {
  const fragmentCosts = new Map<string, number>();
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue) defaults.set(definition.variable.name.value, definition.defaultValue);
  }

  const pageSizeOf = (node: ValueNode | undefined): number => {
    let value: unknown;
    if (node === undefined) return DEFAULT_PAGE_SIZE;
    if (node.kind === Kind.VARIABLE) {
      const name = node.name.value;
      value = variables?.[name];
      if (value === undefined) {
        const fallback = defaults.get(name);
        value = fallback?.kind === Kind.INT ? Number(fallback.value) : null;
      }
    } else if (node.kind === Kind.INT) value = Number(node.value);
    else if (node.kind === Kind.NULL) value = null;
    if (value === null || value === undefined) return DEFAULT_PAGE_SIZE;
    return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_PAGE_SIZE ? value : MAX_PAGE_SIZE;
  };

  const itemsOf = (node: FieldNode, field: GraphQLField<unknown, unknown>): number => {
    if (field.args.some((arg) => arg.name === 'first')) {
      return pageSizeOf(node.arguments?.find((arg) => arg.name.value === 'first')?.value);
    }
    if (!isListType(getNullableType(field.type))) return 1;
    const size = field.extensions[LIST_SIZE] as ListSize | undefined;
    return size === 'page' ? 1 : (size ?? UNBOUNDED_LIST_SIZE);
  };

  const selectionCost = (selectionSet: SelectionSetNode, parent: GraphQLNamedType | null | undefined, visiting: Set<string>): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) cost += fieldCost(selection, parent, visiting);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        cost += selectionCost(selection.selectionSet, type, visiting);
      } else cost += spreadCost(selection.name.value, visiting);
    }
    return cost;
  };

  const spreadCost = (name: string, visiting: Set<string>): number => {
    const known = fragmentCosts.get(name);
    if (known !== undefined) return known;
    const definition = fragment(name);
    if (!definition || visiting.has(name)) return 0; // unknown or cyclic fragments are refused by their own rules
    visiting.add(name);
    const cost = selectionCost(definition.selectionSet, schema.getType(definition.typeCondition.name.value), visiting);
    visiting.delete(name);
    fragmentCosts.set(name, cost);
    return cost;
  };

  const fieldCost = (node: FieldNode, parent: GraphQLNamedType | null | undefined, visiting: Set<string>): number => {
    if (node.name.value === '__schema') return 0;
    if (!node.selectionSet) return SCALAR_COST;
    const field = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[node.name.value] : undefined;
    const type = field ? getNamedType(field.type) : undefined;
    const children = selectionCost(node.selectionSet, type, visiting);
    return (OBJECT_COST + DEPTH_FACTOR * children) * (field ? itemsOf(node, field) : 1);
  };

  return selectionCost(operation.selectionSet, schema.getRootType(operation.operation), new Set());
}
