#!/usr/bin/env node
// Fails when a package anywhere in the lock tree asks for a dependency by dist-tag (`latest`, `next`,
// …) and the root package.json does not pin that dependency with `overrides`. `npm ci` resolves such a
// tag against the registry and refuses the lock file as soon as the tag moves, so an un-pinned tag
// breaks every fresh install some day after it was locked.
//
// `*` and other semver ranges are fine: every locked version satisfies them whatever the registry does.
// Plain JavaScript with no dependencies, so CI can run it before `npm ci`.
//
// usage: node scripts/check-lock.mjs [project-dir]
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DEPENDENCY_FIELDS = ['dependencies', 'optionalDependencies', 'devDependencies'];

/** A spec npm resolves through the registry's dist-tags: a bare word that is not a version range. */
export function isDistTag(spec) {
  const text = spec.trim();
  return /^[A-Za-z][\w.-]*$/.test(text) && !/^[xX]$/.test(text) && !/^v\d/.test(text);
}

/**
 * Every dist-tag request in the lock tree that `overrides` does not pin.
 * @returns {{ requester: string, name: string, spec: string }[]}
 */
export function unpinnedDistTags(packageJson, packageLock) {
  const overrides = packageJson.overrides ?? {};
  const found = [];
  for (const [location, entry] of Object.entries(packageLock.packages ?? {})) {
    for (const field of DEPENDENCY_FIELDS) {
      for (const [name, spec] of Object.entries(entry[field] ?? {})) {
        if (typeof spec !== 'string' || !isDistTag(spec)) continue;
        const pin = overrides[name];
        if (typeof pin === 'string' && !isDistTag(pin)) continue;
        found.push({ requester: location === '' ? '(root)' : location.replace(/^.*node_modules\//, ''), name, spec });
      }
    }
  }
  return found;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = resolve(process.argv[2] ?? '.');
  const read = (file) => JSON.parse(readFileSync(join(dir, file), 'utf8'));
  const problems = unpinnedDistTags(read('package.json'), read('package-lock.json'));
  for (const { requester, name, spec } of problems) {
    console.error(
      `${requester} depends on ${name}@"${spec}", a dist-tag: \`npm ci\` fails once the tag moves. ` +
        `Pin it in package.json "overrides" (e.g. "${name}": "<the locked version>").`,
    );
  }
  if (problems.length > 0) process.exit(1);
  console.log('package-lock.json: no un-pinned dist-tag dependencies.');
}
