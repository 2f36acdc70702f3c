import rule from '../../rules/valid-connection-info-binding.js';
import { createJsonRuleTester, createRuleTester } from '../rule-tester.js';

const jsonTester = createJsonRuleTester();
const ruleTester = createRuleTester();

const FUNCTION_JSON = 'api/negotiate/function.json';

jsonTester.run('valid-connection-info-binding (function.json)', rule as never, {
  valid: [
    { filename: FUNCTION_JSON, code: `{ "bindings": [ { "type": "signalRConnectionInfo", "hubName": "chat", "direction": "in" } ] }` },
    // The claims to copy are listed.
    {
      filename: FUNCTION_JSON,
      code: `{ "bindings": [ { "type": "signalRConnectionInfo", "idToken": "{headers.authorization}", "claimTypeList": ["name", "email"] } ] }`,
    },
    // A user id from App Service authentication, or none.
    { filename: FUNCTION_JSON, code: `{ "bindings": [ { "type": "signalRConnectionInfo", "userId": "{headers.x-ms-client-principal-id}" } ] }` },
    { filename: FUNCTION_JSON, code: `{ "bindings": [ { "type": "signalRConnectionInfo", "userId": "" } ] }` },
    // An empty idToken asks for nothing.
    { filename: FUNCTION_JSON, code: `{ "bindings": [ { "type": "signalRConnectionInfo", "idToken": "" } ] }` },
    // A claim list the rule cannot read is given the benefit of the doubt.
    { filename: FUNCTION_JSON, code: `{ "bindings": [ { "type": "signalRConnectionInfo", "idToken": "{headers.authorization}", "claimTypeList": "name,email" } ] }` },
    // Other binding types with the same property names.
    { filename: FUNCTION_JSON, code: `{ "bindings": [ { "type": "signalR", "userId": "{headers.authorization}", "idToken": "{query.token}" } ] }` },
    { filename: FUNCTION_JSON, code: `{ "bindings": [ { "type": "webPubSubConnection", "userId": "{headers.authorization}" } ] }` },
    // Only function.json declares bindings.
    { filename: 'settings/signalRConnectionInfo.json', code: `{ "bindings": [ { "type": "signalRConnectionInfo", "userId": "{headers.authorization}" } ] }` },
    { filename: FUNCTION_JSON, code: `"signalRConnectionInfo"` },
  ],
  invalid: [
    {
      filename: FUNCTION_JSON,
      code: `{
  "bindings": [
    { "type": "httpTrigger", "direction": "in", "name": "req", "methods": ["post"] },
    {
      "type": "signalRConnectionInfo",
      "name": "connectionInfo",
      "hubName": "chat",
      "idToken": "{headers.authorization}",
      "direction": "in"
    }
  ]
}`,
      errors: [{ messageId: 'idTokenWithoutClaimTypes', line: 8, column: 18 }],
    },
    // An empty list copies nothing either; property names in any case.
    {
      filename: FUNCTION_JSON,
      code: `{ "bindings": [ { "Type": "SignalRConnectionInfo", "IdToken": "{query.id_token}", "ClaimTypeList": [] } ] }`,
      errors: [{ messageId: 'idTokenWithoutClaimTypes', line: 1, column: 63 }],
    },
    {
      filename: FUNCTION_JSON,
      code: `{ "bindings": [ { "type": "signalRConnectionInfo", "userId": "{headers.Authorization}", "hubName": "chat" } ] }`,
      errors: [{ messageId: 'authorizationHeaderUserId', line: 1, column: 62 }],
    },
  ],
});

ruleTester.run('valid-connection-info-binding (v4 code)', rule, {
  valid: [
    `import { input } from '@azure/functions';
export const connectionInfo = input.generic({ type: 'signalRConnectionInfo', name: 'connectionInfo', hubName: 'chat', userId: '{headers.x-ms-client-principal-id}' });`,
    `import { input } from '@azure/functions';
export const connectionInfo = input.generic({ type: 'signalRConnectionInfo', name: 'connectionInfo', hubName: 'chat', idToken: '{headers.authorization}', claimTypeList: ['name'] });`,
    // A claim list from a const, and one the rule cannot see.
    `import { input } from '@azure/functions';
const CLAIMS = ['name', 'email'];
export const connectionInfo = input.generic({ type: 'signalRConnectionInfo', name: 'connectionInfo', idToken: '{headers.authorization}', claimTypeList: CLAIMS });`,
    `import { input } from '@azure/functions';
import { claimTypes } from './claims';
export const connectionInfo = input.generic({ type: 'signalRConnectionInfo', name: 'connectionInfo', idToken: '{headers.authorization}', claimTypeList: claimTypes() });`,
    // A spread the rule cannot see may hold the claim list.
    `import { input } from '@azure/functions';
import { shared } from './binding';
export const connectionInfo = input.generic({ ...shared, type: 'signalRConnectionInfo', name: 'connectionInfo', idToken: '{headers.authorization}' });`,
    // A base object spread into the binding is not a binding of its own.
    `import { input } from '@azure/functions';
const base = { type: 'signalRConnectionInfo', idToken: '{headers.authorization}' };
export const connectionInfo = input.generic({ ...base, name: 'connectionInfo', claimTypeList: ['name'] });`,
    // Another binding type.
    `import { input } from '@azure/functions';
export const connection = input.generic({ type: 'webPubSubConnection', name: 'connection', hub: 'chat', userId: '{headers.authorization}' });`,
    // A user id read from the header in code is not a binding expression.
    `import { app } from '@azure/functions';
app.http('whoami', { handler: async (request) => ({ body: request.headers.get('authorization') ?? 'signalRConnectionInfo' }) });`,
  ],
  invalid: [
    {
      code: `import { input } from '@azure/functions';
export const connectionInfo = input.generic({
  type: 'signalRConnectionInfo',
  name: 'connectionInfo',
  hubName: 'chat',
  userId: '{headers.authorization}',
  idToken: '{headers.authorization}',
});`,
      errors: [
        { messageId: 'authorizationHeaderUserId', line: 6, column: 11 },
        { messageId: 'idTokenWithoutClaimTypes', line: 7, column: 12 },
      ],
    },
    // A binding object in place in extraInputs, with values through consts.
    {
      code: `import { app } from '@azure/functions';
const USER = '{headers.authorization}';
app.post('negotiate', {
  extraInputs: [{ type: 'signalRConnectionInfo', name: 'info', hubName: 'chat', userId: USER }],
  handler: async (request, context) => ({ jsonBody: context.extraInputs.get('info') }),
});`,
      errors: [{ messageId: 'authorizationHeaderUserId', line: 4, column: 89 }],
    },
  ],
});
