/**
 * The message a database query fails with, or null when it succeeds. Use this, not
 * `expect(query).rejects.toThrow()`, for SQLite errors: better-sqlite3's native part keeps the
 * error class of the first test file that loaded it in a jest worker, and jest's toThrow does not
 * take an error of another file's realm for an error ("Received function did not throw") although
 * the query failed. Alone a file passes; in a full run the same assertion failed (seen on the
 * unique keys of the slug registry: the duplicate insert did fail, with "UNIQUE constraint failed").
 */
export async function queryFailure(query: PromiseLike<unknown>): Promise<string | null> {
  try {
    await query;
    return null;
  } catch (error) {
    return String((error as { message?: unknown }).message);
  }
}
