import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Name and version from this package's package.json, found upwards from this file (source or dist). */
export function packageInfo(): { name: string; version: string } {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name === 'eslint-plugin-signalr' && manifest.version) return { name: manifest.name, version: manifest.version };
    } catch {
      // no package.json here: keep looking upwards
    }
    const parent = dirname(directory);
    if (parent === directory) throw new Error('eslint-plugin-signalr: cannot find its own package.json');
    directory = parent;
  }
}
