import rule from '../../rules/no-legacy-tls.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

ruleTester.run('no-legacy-tls', rule, {
  valid: [
    // A floor at 1.2 or more, or no TLS options at all.
    `import https from 'node:https';
const agent = new https.Agent({ keepAlive: true, minVersion: 'TLSv1.2' });`,
    `import * as tls from 'tls';
tls.connect(443, 'contoso.service.signalr.net', { servername: 'contoso.service.signalr.net' });`,
    `import tls from 'node:tls';
tls.connect({ host, port: 443, maxVersion: 'TLSv1.3', minVersion: 'TLSv1.2' });`,
    `import { createSecureContext } from 'tls';
createSecureContext({ secureProtocol: 'TLSv1_2_method' });`,
    `import { request } from 'https';
request(url, { secureProtocol: 'TLS_method' });`,
    // Turning off only the old versions, or only TLS 1.3.
    `import { constants } from 'node:crypto';
import https from 'node:https';
new https.Agent({ secureOptions: constants.SSL_OP_NO_TLSv1 | constants.SSL_OP_NO_TLSv1_1 });`,
    `import crypto from 'crypto';
import tls from 'tls';
tls.connect({ secureOptions: crypto.constants.SSL_OP_NO_TLSv1_3 });`,
    // A floor, not a cap.
    `import tls from 'tls';
tls.DEFAULT_MIN_VERSION = 'TLSv1.2';
tls.DEFAULT_MAX_VERSION = 'TLSv1.3';`,
    // Not Node's TLS: a look-alike object, an unrelated options object, a shadowed module name.
    `const tls = { connect(options: object) {} };
tls.connect({ maxVersion: 'TLSv1.1' });`,
    `const legacyProfile = { maxVersion: 'TLSv1', secureProtocol: 'TLSv1_method' };
saveProfile(legacyProfile);`,
    `import https from 'https';
function connect(https: any) {
  return new https.Agent({ maxVersion: 'TLSv1' });
}`,
    // A value the code computes is not guessed.
    `import https from 'https';
new https.Agent({ maxVersion: process.env.TLS_MAX as any });`,
    // undici options outside \`connect\` are not TLS options.
    `import { Agent } from 'undici';
new Agent({ connect: { minVersion: 'TLSv1.2' }, keepAliveTimeout: 10 });`,
    // An object passed as \`new tls.TLSSocket(socket)\` without options.
    `import tls from 'tls';
new tls.TLSSocket(socket);`,
  ],
  invalid: [
    {
      code: `import https from 'node:https';
const agent = new https.Agent({ keepAlive: true, maxVersion: 'TLSv1.1' });`,
      errors: [{ messageId: 'legacyMaxVersion', data: { value: 'TLSv1.1' }, line: 2, column: 50 }],
    },
    // Through a const and a spread, shared by two calls: reported once where it is written.
    {
      code: `const https = require('https');
const legacy = { secureProtocol: 'TLSv1_method' };
const options = { ...legacy, hostname: 'contoso.service.signalr.net', path: '/api/v1/health' };
https.request(options, onResponse);
https.get(options);`,
      errors: [{ messageId: 'legacySecureProtocol', data: { value: 'TLSv1_method' }, line: 2, column: 18 }],
    },
    {
      code: `import { connect } from 'node:tls';
connect(443, host, { secureProtocol: 'SSLv3_client_method' });`,
      errors: [{ messageId: 'legacySecureProtocol', line: 2, column: 22 }],
    },
    {
      code: `import * as tls from 'tls';
const context = tls.createSecureContext({ maxVersion: 'TLSv1' });`,
      errors: [{ messageId: 'legacyMaxVersion', line: 2, column: 43 }],
    },
    {
      code: `import tls from 'tls';
const secure = new tls.TLSSocket(socket, { secureProtocol: 'TLSv1_1_method' });`,
      errors: [{ messageId: 'legacySecureProtocol', line: 2, column: 44 }],
    },
    // An inline \`require\`.
    {
      code: `require('node:https').get(healthUrl, { secureProtocol: 'SSLv3_method' }, onResponse);`,
      errors: [{ messageId: 'legacySecureProtocol', line: 1, column: 40 }],
    },
    // The process-wide default.
    {
      code: `import tls from 'node:tls';
tls.DEFAULT_MAX_VERSION = 'TLSv1.1';`,
      errors: [{ messageId: 'legacyDefaultMaxVersion', data: { value: 'TLSv1.1' }, line: 2, column: 1 }],
    },
    // Both modern versions turned off, through crypto.constants or numbers.
    {
      code: `import crypto from 'node:crypto';
import https from 'node:https';
new https.Agent({ secureOptions: crypto.constants.SSL_OP_NO_TLSv1_2 | crypto.constants.SSL_OP_NO_TLSv1_3 });`,
      errors: [{ messageId: 'modernVersionsDisabled', line: 3, column: 19 }],
    },
    {
      code: `import { constants } from 'crypto';
import tls from 'tls';
const NO_MODERN = constants.SSL_OP_NO_TLSv1_3 | constants.SSL_OP_NO_TLSv1_2 | constants.SSL_OP_NO_SSLv3;
tls.connect({ host, port: 443, secureOptions: NO_MODERN });`,
      errors: [{ messageId: 'modernVersionsDisabled', line: 4, column: 32 }],
    },
    {
      code: `import tls from 'tls';
tls.connect({ secureOptions: 0x28000000 });`,
      errors: [{ messageId: 'modernVersionsDisabled', line: 2, column: 15 }],
    },
    // undici dispatchers take TLS options under \`connect\`.
    {
      code: `import { Agent, setGlobalDispatcher } from 'undici';
setGlobalDispatcher(new Agent({ connect: { maxVersion: 'TLSv1' } }));`,
      errors: [{ messageId: 'legacyMaxVersion', line: 2, column: 44 }],
    },
  ],
});
