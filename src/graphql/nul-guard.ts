import { GraphQLError, Kind, visit, type DocumentNode } from 'graphql';
import { containsNul, NUL_MESSAGE } from '../validation/query';

/** Whether a string literal of the document, or a variable, carries NUL. */
export function findNul(document: DocumentNode, variables: Record<string, unknown>): boolean {
  if (containsNul(variables)) return true;
  let found = false;
  visit(document, {
    [Kind.STRING]: (node) => {
      if (node.value.includes('\u0000')) found = true;
    },
  });
  return found;
}

/**
 * The GraphQL side of the request guard's NUL check (src/middlewares/request-guard.ts judges the
 * REST query string): an argument carrying NUL, literal or variable, is a 400 before any resolver
 * runs, instead of PostgreSQL's error (a 500) once it reaches SQL.
 */
export const nulGuard = {
  async requestDidStart() {
    return {
      async didResolveOperation(context: { document: DocumentNode; request: { variables?: Record<string, unknown> } }) {
        if (findNul(context.document, context.request.variables ?? {})) {
          throw new GraphQLError(NUL_MESSAGE, { extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } } });
        }
      },
    };
  },
};
