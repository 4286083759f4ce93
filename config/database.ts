import type { Core } from '@strapi/strapi';
import { keepPreparedStatements } from '../src/database/statement-cache';
import { installUnicodeLower } from '../src/database/unicode-lower';
import { resolveFromRoot } from '../src/env/app-root';

const config = ({ env }: Core.Config.Shared.ConfigParams): Core.Config.Database => {
  const client = env('DATABASE_CLIENT', 'sqlite');
  const acquireConnectionTimeout = env.int('DATABASE_CONNECTION_TIMEOUT', 60000);

  if (client === 'postgres') {
    const url = env('DATABASE_URL', '');
    const ssl = env.bool('DATABASE_SSL', false)
      ? { rejectUnauthorized: env.bool('DATABASE_SSL_REJECT_UNAUTHORIZED', true) }
      : false;
    return {
      connection: {
        client: 'postgres',
        connection: {
          // pg lets the values in a URL win over the separate fields.
          connectionString: url || undefined,
          host: env('DATABASE_HOST', '127.0.0.1'),
          port: env.int('DATABASE_PORT', 5432),
          database: env('DATABASE_NAME', 'strapi'),
          user: env('DATABASE_USERNAME', 'postgres'),
          password: env('DATABASE_PASSWORD', ''),
          ssl,
          schema: env('DATABASE_SCHEMA', 'public'),
        },
        pool: { min: env.int('DATABASE_POOL_MIN', 2), max: env.int('DATABASE_POOL_MAX', 10) },
        acquireConnectionTimeout,
      },
    };
  }

  if (client === 'sqlite') {
    return {
      connection: {
        client: 'sqlite',
        // path.resolve, not join: an absolute DATABASE_FILENAME must stay as given.
        connection: { filename: resolveFromRoot(env('DATABASE_FILENAME', '.tmp/data.db')) },
        useNullAsDefault: true,
        acquireConnectionTimeout,
        // Case-insensitive filters fold Vietnamese capitals as PostgreSQL does (src/database/unicode-lower.ts).
        pool: {
          afterCreate: (connection: unknown, done: (error?: Error, connection?: unknown) => void) => {
            installUnicodeLower(connection);
            // Compiled statements reused by SQL text (src/database/statement-cache.ts).
            keepPreparedStatements(connection);
            done(undefined, connection);
          },
        },
      },
    };
  }

  throw new Error(`DATABASE_CLIENT must be "sqlite" or "postgres" (got "${client}").`);
};

export default config;
