// Path aliases without type information: temporary projects on disk, each with its own config files,
// resolved the way core/project.ts resolves the imports the rules follow.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

import { withoutCommentsAndTrailingCommas } from '../../core/path-aliases.js';
import { importsSignalRModule, resolveProjectImport, resolveRelativeImport } from '../../core/project.js';
import { DEFAULT_SETTINGS } from '../../core/settings.js';

const roots: string[] = [];

/** Writes `files` into a new temporary folder and returns its path. */
function project(files: Readonly<Record<string, string>>): string {
  const root = mkdtempSync(join(tmpdir(), 'signalr-aliases-'));
  roots.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

const HUB = `import { HubConnectionBuilder } from '@microsoft/signalr';\nexport const hub = new HubConnectionBuilder().withUrl('/hub').build();\n`;

describe('paths from the nearest tsconfig.json or jsconfig.json', () => {
  it('maps `@/*` to `src/*`, in a config with comments and trailing commas', () => {
    const root = project({
      'package.json': '{}',
      'tsconfig.json': `{
  // The app's sources.
  "compilerOptions": {
    /* no baseUrl: targets are relative to this file */
    "paths": { "@/*": ["./src/*"], },
  },
}`,
      'src/services/hub.ts': HUB,
      'src/views/Chat.vue': '',
    });
    const from = join(root, 'src/views/Chat.vue');
    expect(resolveProjectImport(from, '@/services/hub')).toBe(join(root, 'src/services/hub.ts'));
    expect(resolveProjectImport(from, '@/services/hub.js')).toBe(join(root, 'src/services/hub.ts'));
    expect(resolveProjectImport(from, '@/services/missing')).toBeUndefined();
    // A package, and a relative import, are not aliases.
    expect(resolveProjectImport(from, '@microsoft/signalr')).toBeUndefined();
    expect(resolveRelativeImport(from, '@/services/hub')).toBeUndefined();
    expect(importsSignalRModule(from, `import { hub } from '@/services/hub';`, DEFAULT_SETTINGS)).toBe(true);
    expect(importsSignalRModule(from, `import { ref } from 'vue';`, DEFAULT_SETTINGS)).toBe(false);
  });

  it('reads a jsconfig.json with baseUrl, and looks bare specifiers up under baseUrl', () => {
    const root = project({
      'package.json': '{}',
      'jsconfig.json': '{ "compilerOptions": { "baseUrl": "client", "paths": { "~api/*": ["api/*"] } } }',
      'client/api/hub.js': HUB,
      'client/store/index.js': '',
    });
    const from = join(root, 'client/store/index.js');
    expect(resolveProjectImport(from, '~api/hub')).toBe(join(root, 'client/api/hub.js'));
    expect(resolveProjectImport(from, 'api/hub')).toBe(join(root, 'client/api/hub.js'));
    expect(resolveProjectImport(from, 'react')).toBeUndefined();
  });

  it('prefers the pattern with the longest prefix, and matches a pattern without `*` only exactly', () => {
    const root = project({
      'tsconfig.json': JSON.stringify({
        compilerOptions: { paths: { '@app/*': ['src/*'], '@app/realtime/*': ['src/signalr/*'], '@hub': ['src/signalr/hub.ts'] } },
      }),
      'src/realtime/hub.ts': '',
      'src/signalr/hub.ts': HUB,
      'src/main.ts': '',
    });
    const from = join(root, 'src/main.ts');
    expect(resolveProjectImport(from, '@app/realtime/hub')).toBe(join(root, 'src/signalr/hub.ts'));
    expect(resolveProjectImport(from, '@app/main')).toBe(join(root, 'src/main.ts'));
    expect(resolveProjectImport(from, '@hub')).toBe(join(root, 'src/signalr/hub.ts'));
    expect(resolveProjectImport(from, '@hub/other')).toBeUndefined();
  });

  it('follows extends, where the nearer config wins and paths are relative to the config that sets them', () => {
    const root = project({
      'configs/base.json': '{ "compilerOptions": { "paths": { "#shared/*": ["../shared/*"] } } }',
      'app/tsconfig.json': '{ "extends": "../configs/base", "compilerOptions": { "strict": true } }',
      'shared/hub.ts': HUB,
      'app/main.ts': '',
      'other/tsconfig.json': '{ "extends": "../configs/base.json", "compilerOptions": { "paths": { "#shared/*": ["./local/*"] } } }',
      'other/local/hub.ts': '',
      'other/main.ts': '',
    });
    expect(resolveProjectImport(join(root, 'app/main.ts'), '#shared/hub')).toBe(join(root, 'shared/hub.ts'));
    expect(resolveProjectImport(join(root, 'other/main.ts'), '#shared/hub')).toBe(join(root, 'other/local/hub.ts'));
  });

  it('takes the mapping of a referenced config when the nearest one is a solution with none', () => {
    const root = project({
      'package.json': '{}',
      'tsconfig.json': '{ "files": [], "references": [{ "path": "./tsconfig.node.json" }, { "path": "./tsconfig.app.json" }] }',
      'tsconfig.node.json': '{ "include": ["vite.config.ts"] }',
      'tsconfig.app.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } }, "include": ["src"] }',
      'src/lib/realtime.ts': HUB,
      'src/App.tsx': '',
    });
    expect(resolveProjectImport(join(root, 'src/App.tsx'), '@/lib/realtime')).toBe(join(root, 'src/lib/realtime.ts'));
  });

  it('never resolves into node_modules, and a config that does not parse maps nothing', () => {
    const vendored = project({
      'tsconfig.json': '{ "compilerOptions": { "paths": { "kit/*": ["node_modules/kit/*"] } } }',
      'node_modules/kit/hub.ts': HUB,
      'main.ts': '',
    });
    expect(resolveProjectImport(join(vendored, 'main.ts'), 'kit/hub')).toBeUndefined();
    const broken = project({ 'tsconfig.json': '{ "compilerOptions": { "paths": ', 'lib/hub.ts': HUB, 'main.ts': '' });
    expect(resolveProjectImport(join(broken, 'main.ts'), 'lib/hub')).toBeUndefined();
  });
});

describe('the `@/` convention without a config that maps it', () => {
  it('takes `@/` as the package’s src folder', () => {
    const root = project({ 'package.json': '{}', 'src/api/hub.js': HUB, 'src/components/Chat.vue': '' });
    const from = join(root, 'src/components/Chat.vue');
    expect(resolveProjectImport(from, '@/api/hub')).toBe(join(root, 'src/api/hub.js'));
    // Other prefixes are not guessed, and nothing else is taken for src.
    expect(resolveProjectImport(from, '~/api/hub')).toBeUndefined();
    expect(resolveProjectImport(from, 'api/hub')).toBeUndefined();
  });

  it('still applies beside a config whose paths and baseUrl do not map `@/`', () => {
    const root = project({
      'package.json': '{}',
      'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "#lib/*": ["./lib/*"] } } }',
      'src/api/hub.ts': HUB,
      'src/main.ts': '',
    });
    expect(resolveProjectImport(join(root, 'src/main.ts'), '@/api/hub')).toBe(join(root, 'src/api/hub.ts'));
  });

  it('does not apply where the config maps `@/` somewhere else', () => {
    const root = project({
      'package.json': '{}',
      'tsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./client/*"] } } }',
      'src/api/hub.js': HUB,
      'main.ts': '',
    });
    expect(resolveProjectImport(join(root, 'main.ts'), '@/api/hub')).toBeUndefined();
  });
});

describe('JSON with comments', () => {
  it('keeps strings that look like comments or trailing commas', () => {
    const text = `{ "a": "http://x/*y*/", "b": ["c,]", "d",], /* gone */ "e": 1, // gone too
}`;
    expect(JSON.parse(withoutCommentsAndTrailingCommas(text))).toEqual({ a: 'http://x/*y*/', b: ['c,]', 'd'], e: 1 });
  });
});
