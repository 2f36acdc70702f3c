import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll } from 'vitest';

import rule from '../../rules/no-hardcoded-connection-string.js';
import { createJsonRuleTester, createRuleTester } from '../rule-tester.js';

// Made-up keys of the real shape (32 random bytes, base64); they open nothing.
const KEY = 'UvImZaYMEtKJGF2VDuiBNgkWb2sRPReNbA/TkB/yOaE=';
const OTHER_KEY = 'oJXyD5OVZQz5OAuO2yJKaySKHpJOj9CuLhqUkqMwXxg=';

// A work tree of its own whose .gitignore leaves out local.settings.json, as `func init` writes it.
const root = join(import.meta.dirname, '../..');
mkdirSync(join(root, '.tmp'), { recursive: true });
const workTree = mkdtempSync(join(root, '.tmp/git-ignored-'));
mkdirSync(join(workTree, '.git'));
writeFileSync(join(workTree, '.gitignore'), 'local.settings.json\n*.local.ts\n');
const inWorkTree = (file: string): string => relative(root, join(workTree, file));
afterAll(() => rmSync(workTree, { recursive: true, force: true }));

const jsonTester = createJsonRuleTester();
const ruleTester = createRuleTester();

jsonTester.run('no-hardcoded-connection-string (JSON)', rule as never, {
  valid: [
    // Settings that name the connection string instead of holding it.
    { filename: 'api/negotiate/function.json', code: `{ "bindings": [ { "type": "signalRConnectionInfo", "connectionStringSetting": "AzureSignalRConnectionString" } ] }` },
    // Identity-based connections carry no key.
    { filename: 'appsettings.json', code: `{ "Azure": { "SignalR": { "ConnectionString": "Endpoint=https://chat.service.signalr.net;AuthType=azure.msi;Version=1.0;" } } }` },
    { filename: 'appsettings.json', code: `{ "Azure": { "SignalR": { "ConnectionString": "Endpoint=https://chat.service.signalr.net;AuthType=aad;ClientId=00000000-0000-0000-0000-000000000000;Version=1.0;" } } }` },
    // Placeholders, as in docs and templates.
    { filename: 'local.settings.sample.json', code: `{ "Values": { "AzureSignalRConnectionString": "Endpoint=https://<resource-name>.service.signalr.net;AccessKey=<access-key>;Version=1.0;" } }` },
    { filename: 'appsettings.json', code: `{ "SignalR": "Endpoint=https://chat.service.signalr.net;AccessKey=yourAccessKeyGoesHere0123456789abcdefghij=;Version=1.0;" }` },
    { filename: 'appsettings.json', code: `{ "SignalR": "Endpoint=https://chat.service.signalr.net;AccessKey=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=;Version=1.0;" }` },
    { filename: 'appsettings.json', code: `{ "SignalR": "Endpoint=https://chat.service.signalr.net;AccessKey=%SIGNALR_KEY%;Version=1.0;" }` },
    // The local emulator's published key, and hosts reserved for examples.
    { filename: 'local.settings.json', code: `{ "Values": { "AzureSignalRConnectionString": "Endpoint=http://localhost;Port=8888;AccessKey=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH;Version=1.0;" } }` },
    { filename: 'appsettings.json', code: `{ "SignalR": "Endpoint=https://chat.example.com;AccessKey=${KEY};Version=1.0;" }` },
    // Another Azure service's connection string (Communication Services has no Version part).
    { filename: 'appsettings.json', code: `{ "Communication": "endpoint=https://chat.communication.azure.com/;accesskey=${KEY}" }` },
    // A git-ignored local.settings.json is not committed.
    { filename: inWorkTree('local.settings.json'), code: `{ "Values": { "AzureSignalRConnectionString": "Endpoint=https://chat.service.signalr.net;AccessKey=${KEY};Version=1.0;" } }` },
    { filename: 'package.json', code: `{ "name": "chat", "scripts": { "start": "func start" } }` },
  ],
  invalid: [
    {
      filename: 'appsettings.json',
      code: `{
  "Azure": {
    "SignalR": {
      "ConnectionString": "Endpoint=https://chat.service.signalr.net;AccessKey=${KEY};Version=1.0;"
    }
  }
}`,
      errors: [{ messageId: 'hardcodedAccessKey', line: 4, column: 27 }],
    },
    // A committed local.settings.json (the work tree does not ignore it), Web PubSub, and a list.
    {
      filename: 'api/local.settings.json',
      code: `{ "Values": { "WebPubSubConnectionString": "Endpoint=https://chat.webpubsub.azure.com;AccessKey=${KEY};Version=1.0;" }, "Other": ["Endpoint=https://x.service.signalr.net;AccessKey=${OTHER_KEY};"] }`,
      errors: [
        { messageId: 'hardcodedAccessKey', line: 1, column: 44 },
        { messageId: 'hardcodedAccessKey', line: 1, column: 169 },
      ],
    },
    // A custom domain: the setting's name says SignalR.
    {
      filename: 'config/production.json',
      code: `{ "signalRConnection": "Endpoint=https://realtime.contoso.com;AccessKey=${KEY}" }`,
      errors: [{ messageId: 'hardcodedAccessKey', line: 1, column: 24 }],
    },
  ],
});

ruleTester.run('no-hardcoded-connection-string (code)', rule, {
  valid: [
    `import { WebPubSubServiceClient } from '@azure/web-pubsub';
export const client = new WebPubSubServiceClient(process.env.WebPubSubConnectionString!, 'chat');`,
    `export const connectionString = process.env.AzureSignalRConnectionString ?? '';`,
    // A key put in at run time.
    "export const connectionString = `Endpoint=https://${name}.service.signalr.net;AccessKey=${accessKey};Version=1.0;`;",
    "export const connectionString = `Endpoint=https://chat.service.signalr.net;AccessKey=${process.env.KEY};Version=1.0;`;",
    // Without a key.
    `export const connectionString = 'Endpoint=https://chat.service.signalr.net;AuthType=aad;Version=1.0;';`,
    // Placeholders and the emulator.
    `export const template = 'Endpoint=https://<resource>.service.signalr.net;AccessKey=<access-key>;Version=1.0;';`,
    `export const emulator = 'Endpoint=http://127.0.0.1;Port=8888;AccessKey=ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDEFGH;Version=1.0;';`,
    `export const short = 'Endpoint=https://example.webpubsub.azure.com;AccessKey=a2V5;Version=1.0;';`,
    // Something else's key.
    `export const storage = 'DefaultEndpointsProtocol=https;AccountName=chat;AccountKey=${KEY};EndpointSuffix=core.windows.net';`,
    `export const communication = 'endpoint=https://chat.communication.azure.com/;accesskey=${KEY}';`,
    // A git-ignored local file is not committed.
    { filename: inWorkTree('settings.local.ts'), code: `export const connectionString = 'Endpoint=https://chat.service.signalr.net;AccessKey=${KEY};Version=1.0;';` },
  ],
  invalid: [
    {
      code: `import { WebPubSubServiceClient } from '@azure/web-pubsub';
export const client = new WebPubSubServiceClient('Endpoint=https://chat.webpubsub.azure.com;AccessKey=${KEY};Version=1.0;', 'chat');`,
      errors: [{ messageId: 'hardcodedAccessKey', line: 2, column: 50 }],
    },
    // A fallback still ships the key; a template without placeholders; a name that says SignalR.
    {
      code: `export const connectionString = process.env.AzureSignalRConnectionString ?? 'Endpoint=https://chat.service.signalr.net;AccessKey=${KEY};Version=1.0;';
export const other = \`Endpoint=https://chat.service.signalr.net;AccessKey=${OTHER_KEY};Version=1.0;\`;
const config: Record<string, string> = {};
config.signalR = 'Endpoint=https://realtime.contoso.com;AccessKey=${KEY}';`,
      errors: [
        { messageId: 'hardcodedAccessKey', line: 1, column: 77 },
        { messageId: 'hardcodedAccessKey', line: 2, column: 22 },
        { messageId: 'hardcodedAccessKey', line: 4, column: 18 },
      ],
    },
    // Inside a longer text: a command line.
    {
      code: `export const setup = 'az functionapp config appsettings set --settings "AzureSignalRConnectionString=Endpoint=https://chat.service.signalr.net;AccessKey=${KEY};Version=1.0;"';`,
      errors: [{ messageId: 'hardcodedAccessKey', line: 1, column: 22 }],
    },
  ],
});
