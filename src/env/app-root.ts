import fs from 'node:fs';
import path from 'node:path';

/**
 * The project root (the folder with package.json), whether this file runs from
 * `src/` through ts or from the compiled `dist/src/`.
 */
export function appRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}

/** Resolves a path the way users expect: absolute stays, relative is from the project root. */
export function resolveFromRoot(p: string): string {
  return path.resolve(appRoot(), p);
}
