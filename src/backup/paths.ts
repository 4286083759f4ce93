import path from 'node:path';

/** `tdkt-20261129-044512`: sortable, no characters a file system or shell would mind. */
export function backupName(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = `${now.getUTCFullYear()}${pad(now.getUTCMonth() + 1)}${pad(now.getUTCDate())}`;
  const time = `${pad(now.getUTCHours())}${pad(now.getUTCMinutes())}${pad(now.getUTCSeconds())}`;
  return `tdkt-${date}-${time}`;
}

export interface BackupFiles {
  /** What `strapi export --file` is given (it adds the extensions). */
  base: string;
  /** The archive Strapi writes. */
  archive: string;
  /** Our side file: the slug registry, which Strapi's export does not carry. */
  slugs: string;
}

/** Files of a new backup at `target` (a base name, extensions optional) or in `defaultDir`. */
export function newBackupFiles(target: string | undefined, encrypted: boolean, defaultDir: string, now: Date): BackupFiles {
  const base = path.resolve(target ? stripArchiveExtensions(target) : path.join(defaultDir, backupName(now)));
  return { base, archive: `${base}.tar.gz${encrypted ? '.enc' : ''}`, slugs: `${base}.slugs.json` };
}

/** Files of an existing backup, from the archive's path. */
export function existingBackupFiles(archive: string): BackupFiles & { encrypted: boolean } {
  const resolved = path.resolve(archive);
  const base = stripArchiveExtensions(resolved);
  return { base, archive: resolved, slugs: `${base}.slugs.json`, encrypted: resolved.endsWith('.enc') };
}

function stripArchiveExtensions(file: string): string {
  return file.replace(/(\.tar)?(\.gz)?(\.enc)?$/, '');
}
