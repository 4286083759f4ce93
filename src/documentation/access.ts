/**
 * Who may read GET /api/openapi.json: whoever may read the documentation page. The plugin is
 * off in production unless DOCUMENTATION_PASSWORD is set (config/plugins.ts), and then its
 * restricted access asks for the documentation login (a session), as /documentation does.
 */
export type DocumentAccess = 'serve' | 'absent' | 'login';

export function documentAccess(state: { enabled: boolean; restrictedAccess: boolean; loggedIn: boolean }): DocumentAccess {
  if (!state.enabled) return 'absent';
  if (state.restrictedAccess && !state.loggedIn) return 'login';
  return 'serve';
}
