/** What the sample-data loader found, and what it should do about it. */
export type SeedState = 'running' | 'done' | undefined;
export type SeedDecision = 'disabled' | 'already-done' | 'has-content' | 'start' | 'resume';

/**
 * Sample data goes only into an empty database. A run that stopped half-way (state "running")
 * is resumed: every step looks its item up first, so nothing is created twice.
 */
export function decideSeed(input: { enabled: boolean; state: SeedState; hasContent: boolean }): SeedDecision {
  if (!input.enabled) return 'disabled';
  if (input.state === 'done') return 'already-done';
  if (input.state === 'running') return 'resume';
  return input.hasContent ? 'has-content' : 'start';
}

/** SEED_SAMPLE_DATA: on by default in development, off in production. */
export function seedEnabled(env: NodeJS.ProcessEnv): boolean {
  const raw = (env.SEED_SAMPLE_DATA ?? '').trim().toLowerCase();
  if (raw === '') return env.NODE_ENV !== 'production';
  return ['1', 'true', 'yes', 'on'].includes(raw);
}
