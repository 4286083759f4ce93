import * as React from 'react';
import { useFetchClient } from '@strapi/strapi/admin';

/** What the editorial plugin tells the admin about the app's choices (GET /editorial/config). */
export interface EditorialConfig {
  review: { contentTypes: string[] };
  history: { contentTypes: string[] };
}

// Asked once per page load: it changes only with the server's config, which needs a restart.
let asked: Promise<EditorialConfig | null> | null = null;

/** The plugin's config, or null until it is known (or when it cannot be read). */
export function useEditorialConfig(): EditorialConfig | null {
  const { get } = useFetchClient();
  const [config, setConfig] = React.useState<EditorialConfig | null>(null);
  React.useEffect(() => {
    let live = true;
    asked ??= get<{ data: EditorialConfig }>('/editorial/config').then(
      ({ data }) => data.data,
      () => {
        asked = null;
        return null;
      }
    );
    void asked.then((c) => live && setConfig(c));
    return () => {
      live = false;
    };
  }, [get]);
  return config;
}

/** The Vietnamese message of a refused admin request, else `fallback`. */
export function fetchErrorMessage(error: unknown, fallback: string): string {
  const message = (error as { response?: { data?: { error?: { message?: unknown } } } } | null)?.response?.data?.error?.message;
  return typeof message === 'string' && message ? message : fallback;
}

/** A time as an editor in Vietnam reads it. */
export const time = (iso: string): string => new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
