export interface PluginConfig {
  /** How often an idle worker looks for due jobs, in ms (an enqueue in this process also wakes it). */
  pollMs: number;
  /** A claimed job is this instance's for this long; its heartbeat renews it every third of it. */
  leaseMs: number;
  /** Tries before a job is dead (shown to administrators, who may retry it). */
  maxAttempts: number;
  /** First retry delay and its cap (ms): see utils/rules `retryDelay`. */
  backoffBaseMs: number;
  backoffCapMs: number;
  /** Finished jobs are deleted this long after they finished (dead ones are kept). */
  keepDoneMs: number;
}

export const defaultConfig: PluginConfig = {
  pollMs: 1000,
  leaseMs: 30_000,
  maxAttempts: 5,
  backoffBaseMs: 10_000,
  backoffCapMs: 3_600_000,
  keepDoneMs: 7 * 24 * 3600 * 1000,
};

export function validateConfig(config: PluginConfig): void {
  for (const key of Object.keys(defaultConfig) as (keyof PluginConfig)[]) {
    if (!Number.isInteger(config[key]) || config[key] < 1) throw new Error(`[jobs] invalid config: ${key} must be a positive integer`);
  }
  if (config.leaseMs < 30) throw new Error('[jobs] invalid config: leaseMs must be at least 30 (the heartbeat runs every third of it)');
}

export default { default: defaultConfig, validator: validateConfig };
