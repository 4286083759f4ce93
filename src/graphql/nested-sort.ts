import {
  GraphQLError,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { sortPaths } from '../security/published-query';

/**
 * The first sort path through a relation given to a field below the root of an operation, or
 * null. Strapi 5.54 resolves a nested relation field with one query whose ORDER BY through a
 * further relation is invalid SQL (`no such column t6.t1.agency_id`: an internal error for
 * `articles { blocs(sort: "movements.name") }`); root fields sort through relations fine.
 */
export function findNestedRelationSort(document: DocumentNode, operation: OperationDefinitionNode | undefined | null, variables: Record<string, unknown>): string | null {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const def of document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);

  const visit = (set: SelectionSetNode | undefined, nested: boolean, seen: Set<string>): string | null => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || seen.has(name)) continue;
        const found = visit(fragment.selectionSet, nested, new Set(seen).add(name));
        if (found) return found;
        continue;
      }
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const found = visit(selection.selectionSet, nested, seen);
        if (found) return found;
        continue;
      }
      if (nested) {
        const sort = selection.arguments?.find((a) => a.name.value === 'sort');
        if (sort) {
          const path = sortPaths(valueFromASTUntyped(sort.value, variables)).find((p) => p.includes('.'));
          if (path) return `${selection.name.value}(sort: "${path}")`;
        }
      }
      const found = visit(selection.selectionSet, true, seen);
      if (found) return found;
    }
    return null;
  };
  return operation ? visit(operation.selectionSet, false, new Set()) : null;
}

/** Apollo server plugin refusing nested relation sorts with a client error before anything runs. */
export const nestedSortGuard = {
  async requestDidStart() {
    return {
      async didResolveOperation(context: { document: DocumentNode; operation?: OperationDefinitionNode | null; request: { variables?: Record<string, unknown> } }) {
        const found = findNestedRelationSort(context.document, context.operation, context.request.variables ?? {});
        if (found) {
          throw new GraphQLError(`Quan hệ lồng nhau chỉ sắp xếp được theo trường của chính nó: ${found} không được hỗ trợ.`, {
            extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
          });
        }
      },
    };
  },
};
