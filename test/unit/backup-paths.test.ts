import { backupName, existingBackupFiles, newBackupFiles } from '../../src/backup/paths';

describe('backup file names', () => {
  it.each([
    ['2026-11-29T04:45:12Z', 'tdkt-20261129-044512'],
    ['2027-01-05T23:09:03.999Z', 'tdkt-20270105-230903'],
  ])('%s → %s', (iso, name) => {
    expect(backupName(new Date(iso))).toBe(name);
  });

  it.each([
    [undefined, false, '/b/tdkt-20261129-044512.tar.gz'],
    [undefined, true, '/b/tdkt-20261129-044512.tar.gz.enc'],
    ['/x/nightly', false, '/x/nightly.tar.gz'],
    ['/x/nightly.tar.gz', false, '/x/nightly.tar.gz'],
    ['/x/nightly.tar.gz.enc', true, '/x/nightly.tar.gz.enc'],
    ['/x/ban-sao.v2', false, '/x/ban-sao.v2.tar.gz'],
  ])('new backup at %s (encrypted %s) → %s', (target, encrypted, archive) => {
    const files = newBackupFiles(target, encrypted, '/b', new Date('2026-11-29T04:45:12Z'));
    expect(files.archive).toBe(archive);
    expect(files.slugs).toBe(archive.replace(/\.tar\.gz(\.enc)?$/, '.slugs.json'));
    expect(`${files.base}.tar.gz${encrypted ? '.enc' : ''}`).toBe(archive);
  });

  it.each([
    ['/x/a.tar.gz', false, '/x/a.slugs.json'],
    ['/x/a.tar.gz.enc', true, '/x/a.slugs.json'],
    ['/x/a.tar', false, '/x/a.slugs.json'],
  ])('existing archive %s', (archive, encrypted, slugs) => {
    expect(existingBackupFiles(archive)).toEqual({ base: '/x/a', archive, slugs, encrypted });
  });
});
