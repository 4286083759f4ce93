import {
  GraphQLError,
  Kind,
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationRule,
  type ValueNode,
} from 'graphql';

export interface CostOptions {
  /** Items a list field is assumed to return when the query sets no page size (Strapi's defaultLimit). */
  defaultListSize: number;
  /** Largest page Strapi serves (maxLimit): a page size given by a variable is assumed to be this. */
  maxListSize: number;
}

/** Page size a field asks for through Strapi's `pagination: { limit | pageSize }` argument, if any. */
function requestedPageSize(args: readonly { name: { value: string }; value: ValueNode }[] | undefined, options: CostOptions): number | undefined {
  const pagination = args?.find((a) => a.name.value === 'pagination');
  if (!pagination) return undefined;
  // A variable's value is unknown at validation time: assume the largest page.
  if (pagination.value.kind !== Kind.OBJECT) return options.maxListSize;
  const size = pagination.value.fields.find((f) => f.name.value === 'limit' || f.name.value === 'pageSize');
  if (!size) return options.defaultListSize;
  if (size.value.kind !== Kind.INT) return options.maxListSize;
  return Math.min(Math.max(Number(size.value.value), 0), options.maxListSize);
}

/**
 * Cost of a query: every field selected costs 1 for each object it is resolved on; a list field
 * multiplies the cost of what is selected under it by its page size (asked for, or the default).
 * A connection (`articles_connection(pagination: …)`) passes its page size to the list below it.
 * Fragments are expanded; `__typename` is free.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, options: CostOptions): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) {
    if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
  }

  const selectionCost = (
    set: SelectionSetNode | undefined,
    parent: GraphQLNamedType | null | undefined,
    multiplier: number,
    pendingPageSize: number | undefined,
    seen: Set<string>
  ): number => {
    if (!set || !parent || !(isObjectType(parent) || isInterfaceType(parent))) return 0;
    let total = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        // A fragment cycle is refused by GraphQL's own validation; never loop on it here.
        if (!fragment || seen.has(name)) continue;
        const type = schema.getType(fragment.typeCondition.name.value);
        total += selectionCost(fragment.selectionSet, type, multiplier, pendingPageSize, new Set(seen).add(name));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
        total += selectionCost(selection.selectionSet, type, multiplier, pendingPageSize, seen);
      } else {
        if (selection.name.value === '__typename') continue;
        const field = parent.getFields()[selection.name.value];
        if (!field) continue;
        const asked = requestedPageSize(selection.arguments, options);
        const isList = isListType(getNullableType(field.type));
        const size = isList ? (asked ?? pendingPageSize ?? options.defaultListSize) : 1;
        total += multiplier;
        total += selectionCost(selection.selectionSet, getNamedType(field.type), multiplier * size, isList ? undefined : asked, seen);
      }
    }
    return total;
  };

  let total = 0;
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = schema.getRootType(def.operation);
    total += selectionCost(def.selectionSet, root, 1, undefined, new Set());
  }
  return total;
}

/** Validation rule refusing, before anything runs, a document whose cost is over `maxCost`. */
export function costLimitRule(maxCost: number, options: CostOptions): ValidationRule {
  return (context) => ({
    Document: {
      leave(document) {
        const cost = queryCost(context.getSchema(), document, options);
        if (cost > maxCost) {
          context.reportError(
            new GraphQLError(
              `Query is too expensive: its cost is ${cost}, the limit is ${maxCost}. Ask for fewer fields, smaller pages (pagination: { pageSize }) or fewer nested lists.`,
              { extensions: { code: 'QUERY_TOO_EXPENSIVE', cost, maxCost } }
            )
          );
        }
      },
    },
  });
}
