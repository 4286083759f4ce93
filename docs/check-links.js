#!/usr/bin/env node
// Checks the relative links of the repository's Markdown files: every target file exists and every
// #anchor is a heading of its target (GitHub's anchor rules). Files named in ALLOWED_MISSING are
// being written elsewhere and may be linked before they land. Exit code 1 on any broken link.
// Usage: node docs/check-links.js
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
// docs/security.md (the threat model) is written on another branch.
const ALLOWED_MISSING = new Set(['docs/security.md']);

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens, repeats numbered. */
function anchorsOf(markdown) {
  const seen = new Map();
  const anchors = new Set();
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^#{1,6} +(.*?) *#*$/.exec(line);
    if (!heading) continue;
    const text = heading[1].replace(/`/g, '').replace(/\[([^\]]*)\]\([^)]*\)/g, '$1');
    const base = text.toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/ /g, '-');
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    anchors.add(n === 0 ? base : `${base}-${n}`);
  }
  return anchors;
}

/** Relative link targets outside code fences and inline code. */
function linksOf(markdown) {
  const links = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    if (fenced) continue;
    for (const m of line.replace(/`[^`]*`/g, '').matchAll(/\]\(([^)\s]+)\)/g)) {
      if (!/^[a-z]+:/i.test(m[1])) links.push(m[1]);
    }
  }
  return links;
}

const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '*.md'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((f) => f && !f.includes('node_modules/'));
const problems = [];
for (const file of files) {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  for (const link of linksOf(text)) {
    const [target, anchor] = link.split('#');
    const resolved = target ? path.relative(root, path.resolve(root, path.dirname(file), target)) : file;
    if (!fs.existsSync(path.join(root, resolved))) {
      if (!ALLOWED_MISSING.has(resolved)) problems.push(`${file}: ${link} → ${resolved} does not exist`);
      continue;
    }
    if (anchor && !anchorsOf(fs.readFileSync(path.join(root, resolved), 'utf8')).has(anchor)) {
      problems.push(`${file}: ${link} → no heading #${anchor} in ${resolved}`);
    }
  }
}
console.log(problems.length ? problems.join('\n') : `${files.length} Markdown files, every relative link and anchor found`);
process.exitCode = problems.length ? 1 : 0;
