// Other modules are parsed with the language options of the file that imports them: a project whose
// configs differ by folder (JSX on in one, off in another) gets each module parsed as its importer's
// config says, whichever file was linted first.
import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';

import plugin from '../../rules/index.js';
import { useProjectFixture } from './project-fixture.js';

const PROJECT: Readonly<Record<string, string>> = {
  'package.json': '{ "name": "fixture", "private": true, "type": "module" }',
  // A factory without reconnect logic, next to a component: the module only parses with JSX on.
  'src/components/hub.js': `import { HubConnectionBuilder } from '@microsoft/signalr';

export function buildHub(url) {
  return new HubConnectionBuilder().withUrl(url).build();
}

export const HubStatus = ({ online }) => <span>{online ? 'online' : 'offline'}</span>;
`,
};

const CONFIG: Linter.Config[] = [
  plugin.configs.all as Linter.Config,
  { files: ['src/components/**/*.js'], languageOptions: { parserOptions: { ecmaFeatures: { jsx: true } } } },
];

const { lint } = useProjectFixture('cross-module-options', PROJECT, CONFIG);

const PING = (from: string): string => `import { buildHub } from '${from}';

export async function ping(url) {
  const connection = buildHub(url);
  await connection.start();
  await connection.invoke('Ping');
}
`;

describe('modules parsed with the importing file’s language options', () => {
  it('sees a factory in a JSX module from a JSX file, after a file without JSX failed to parse it', async () => {
    // Without JSX the factory's module does not parse: nothing is known of buildHub.
    expect(await lint('src/jobs/ping.js', PING('../components/hub.js'))).toEqual([]);
    expect(await lint('src/components/ping.js', PING('./hub.js'))).toEqual(['signalr/require-stop 5:9']);
  });
});
