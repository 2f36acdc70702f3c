import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Name and version of the package this file was installed with: the nearest package.json above it.
 * That is eslint-plugin-signalr for the plugin (source or dist/) and signalr-codemod for the copy of
 * this module the codemod package ships.
 */
export function packageInfo(): { name: string; version: string } {
  let directory = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    try {
      const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (manifest.name && manifest.version) return { name: manifest.name, version: manifest.version };
    } catch {
      // no package.json here: keep looking upwards
    }
    const parent = dirname(directory);
    if (parent === directory) throw new Error(`cannot find the package.json of ${fileURLToPath(import.meta.url)}`);
    directory = parent;
  }
}
