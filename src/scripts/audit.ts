import type { Core } from '@strapi/strapi';

type SystemJob = 'import' | 'restore';

/** What the scripts use of the editorial plugin's audit log (src/plugins/editorial), when that plugin is on. */
interface AuditLog {
  runAs<T>(actor: { type: 'system'; name: string }, fn: () => Promise<T>): Promise<T>;
  record(entry: { action: string; actor: { type: 'system'; id: null; name: string }; ip: null; details: Record<string, unknown> }): Promise<void>;
}

const auditLog = (strapi: Core.Strapi) => strapi.plugin('editorial')?.service<AuditLog>('auditLog');

/** One audit entry for a script's run (`system.import`, `system.restore`), as the system. */
export async function recordSystemJob(strapi: Core.Strapi, job: SystemJob, details: Record<string, unknown>): Promise<void> {
  await auditLog(strapi)?.record({ action: `system.${job}`, actor: { type: 'system', id: null, name: job }, ip: null, details });
}

/** Runs a script's work with the system job `job` as the actor of what it writes. */
export function asSystemJob<T>(strapi: Core.Strapi, job: SystemJob, work: () => Promise<T>): Promise<T> {
  const audit = auditLog(strapi);
  return audit ? audit.runAs({ type: 'system', name: job }, work) : work();
}
