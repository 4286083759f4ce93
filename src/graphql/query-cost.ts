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
  type OperationDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
  valueFromASTUntyped,
} from 'graphql';
import { HEAVY_QUEUE_FULL_MESSAGE, type HeavyGate } from '../security/heavy-gate';

export interface CostOptions {
  /** Items a list field is assumed to return when the query sets no page size (Strapi's defaultLimit). */
  defaultListSize: number;
  /** Largest page Strapi serves (maxLimit): a larger page size, literal or from a variable, is cut to this. */
  maxListSize: number;
  /**
   * Extra cost of a field that returns an object or a list, for each object it is resolved on:
   * each is a resolver reading rows (a relation, a root query), not a property of a row already
   * read. Without it, 2,400 aliases of `article(documentId) { title }` cost 4,800 (under the limit
   * of 5,000) and held the server 40 s. Default 0 (fields only).
   */
  fetchCost?: number;
}

/** Values of the operation's variables, to read page sizes given through them. */
export type Variables = Record<string, unknown>;

/** Page size a field asks for through Strapi's `pagination: { limit | pageSize }` argument, if any. */
function requestedPageSize(
  args: readonly { name: { value: string }; value: ValueNode }[] | undefined,
  options: CostOptions,
  variables: Variables | undefined
): number | undefined {
  const pagination = args?.find((a) => a.name.value === 'pagination');
  if (!pagination) return undefined;
  // Without the variables' values (a validation rule has none), a variable is the largest page;
  // with them, `$size` costs what its value asks, exactly as the literal would.
  if (!variables && containsVariable(pagination.value)) return options.maxListSize;
  const value = valueFromASTUntyped(pagination.value, variables ?? {});
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return options.defaultListSize;
  const { limit, pageSize } = value as { limit?: unknown; pageSize?: unknown };
  const size = limit ?? pageSize;
  if (size === undefined || size === null) return options.defaultListSize;
  if (typeof size !== 'number' || !Number.isFinite(size)) return options.maxListSize;
  return Math.min(Math.max(Math.trunc(size), 0), options.maxListSize);
}

const containsVariable = (node: ValueNode): boolean =>
  node.kind === Kind.VARIABLE ||
  (node.kind === Kind.OBJECT && node.fields.some((f) => containsVariable(f.value))) ||
  (node.kind === Kind.LIST && node.values.some(containsVariable));

/**
 * Cost of a query: every field selected costs 1 for each object it is resolved on; a list field
 * multiplies the cost of what is selected under it by its page size (asked for, or the default).
 * A connection (`articles_connection(pagination: …)`) passes its page size to the list below it.
 * Fragments are expanded; `__typename` is free.
 */
export function queryCost(schema: GraphQLSchema, document: DocumentNode, options: CostOptions, variables?: Variables): number {
  return queryMeasure(schema, document, options, variables).cost;
}

export interface QueryMeasure {
  cost: number;
  /** Aliased fields, fragments expanded (a fragment of 30 aliases spread in 30 places is 900). */
  aliases: number;
}

/**
 * Cost (as queryCost) and alias count of a document, in one walk. With `operation` (the one
 * GraphQL will execute), only that operation counts: a document may carry several, one runs.
 */
export function queryMeasure(
  schema: GraphQLSchema,
  document: DocumentNode,
  options: CostOptions,
  variables?: Variables,
  operation?: OperationDefinitionNode
): QueryMeasure {
  let aliases = 0;
  /** The variables of the operation being walked, its declared defaults filled in. */
  let operationVariables: Variables | undefined;
  const fetchCost = options.fetchCost ?? 0;
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
        if (selection.alias) aliases += 1;
        const asked = requestedPageSize(selection.arguments, options, operationVariables);
        const isList = isListType(getNullableType(field.type));
        const size = isList ? (asked ?? pendingPageSize ?? options.defaultListSize) : 1;
        total += multiplier;
        if (selection.selectionSet) total += multiplier * fetchCost;
        total += selectionCost(selection.selectionSet, getNamedType(field.type), multiplier * size, isList ? undefined : asked, seen);
      }
    }
    return total;
  };

  let total = 0;
  for (const def of document.definitions) {
    if (def.kind !== Kind.OPERATION_DEFINITION || (operation && def !== operation)) continue;
    const root = schema.getRootType(def.operation);
    operationVariables = variables && withDefaults(def, variables);
    total += selectionCost(def.selectionSet, root, 1, undefined, new Set());
  }
  return { cost: total, aliases };
}

/**
 * The values GraphQL will execute with: those sent, else the operation's declared defaults.
 * `query($n: Int = 5)` sent without variables reads pages of 5, and used to be priced at the
 * default list size (25): 23,436 for a query that costs 4,696 with the literal 5 (bounds test).
 */
export function withDefaults(operation: OperationDefinitionNode, variables: Variables): Variables {
  const values: Variables = { ...variables };
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    if (values[name] === undefined && definition.defaultValue) values[name] = valueFromASTUntyped(definition.defaultValue);
  }
  return values;
}

export interface CostLimits extends CostOptions {
  maxCost: number;
  /** Aliased fields a document may hold: a website query names a handful (one per block of a home page). */
  maxAliases: number;
}

/** The client error for a document over the alias count or the cost limit, or null. */
export function findCostProblem(schema: GraphQLSchema, document: DocumentNode, variables: Variables, limits: CostLimits): GraphQLError | null {
  return measureProblem(queryMeasure(schema, document, limits, variables), limits);
}

/** The client error for a measured document over the alias count or the cost limit, or null. */
function measureProblem({ cost, aliases }: QueryMeasure, limits: CostLimits): GraphQLError | null {
  const http = { status: 400 };
  if (aliases > limits.maxAliases) {
    return new GraphQLError(`Truy vấn có quá nhiều bí danh (alias): ${aliases}, tối đa ${limits.maxAliases}.`, {
      extensions: { code: 'TOO_MANY_ALIASES', aliases, maxAliases: limits.maxAliases, http },
    });
  }
  if (cost > limits.maxCost) {
    return new GraphQLError(
      `Truy vấn quá tốn kém: chi phí ${cost}, tối đa ${limits.maxCost}. Hãy chọn ít trường hơn, trang nhỏ hơn (pagination: { pageSize }) hoặc ít danh sách lồng nhau hơn.`,
      { extensions: { code: 'QUERY_TOO_EXPENSIVE', cost, maxCost: limits.maxCost, http } }
    );
  }
  return null;
}

/**
 * Apollo server plugin refusing, once the operation is known and before anything is resolved, a
 * document over the alias or cost limit. A plugin, not a validation rule: only here are the
 * variables' values known, so `pageSize: $size` costs what `$size` is.
 */
export function costLimitPlugin(limits: CostLimits, heavy?: { minCost: number; gate: Pick<HeavyGate, 'acquire'> }) {
  return {
    async requestDidStart() {
      let release: (() => void) | null = null;
      return {
        async didResolveOperation(context: {
          schema: GraphQLSchema;
          document: DocumentNode;
          operation?: OperationDefinitionNode;
          request: { variables?: Variables };
        }) {
          const measure = queryMeasure(context.schema, context.document, limits, context.request.variables ?? {}, context.operation);
          const problem = measureProblem(measure, limits);
          if (problem) throw problem;
          // Allowed but heavy: resolved in its turn, like heavy REST reads (src/security/heavy-gate.ts).
          if (!heavy || measure.cost < heavy.minCost) return;
          release = await heavy.gate.acquire();
          if (!release) {
            throw new GraphQLError(HEAVY_QUEUE_FULL_MESSAGE, { extensions: { code: 'HEAVY_QUEUE_FULL', http: { status: 429 } } });
          }
        },
        async willSendResponse() {
          release?.();
        },
      };
    },
  };
}
