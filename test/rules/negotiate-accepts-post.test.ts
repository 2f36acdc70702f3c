import rule from '../../rules/negotiate-accepts-post.js';
import { createJsonRuleTester, createRuleTester } from '../rule-tester.js';

const jsonTester = createJsonRuleTester();
const ruleTester = createRuleTester();

const NEGOTIATE = 'api/negotiate/function.json';

jsonTester.run('negotiate-accepts-post (function.json)', rule as never, {
  valid: [
    // No `methods`: the function accepts every method.
    {
      filename: NEGOTIATE,
      code: `{
  "bindings": [
    { "type": "httpTrigger", "direction": "in", "name": "req", "authLevel": "anonymous" },
    { "type": "http", "direction": "out", "name": "res" },
    { "type": "signalRConnectionInfo", "direction": "in", "name": "connectionInfo", "hubName": "chat" }
  ]
}`,
    },
    { filename: NEGOTIATE, code: `{ "bindings": [ { "type": "httpTrigger", "methods": ["post"] }, { "type": "signalRConnectionInfo", "direction": "in" } ] }` },
    { filename: NEGOTIATE, code: `{ "bindings": [ { "type": "httpTrigger", "methods": ["get", "POST"] }, { "type": "signalRConnectionInfo" } ] }` },
    // An empty list is left alone: what the host makes of it is not certain.
    { filename: NEGOTIATE, code: `{ "bindings": [ { "type": "httpTrigger", "methods": [] }, { "type": "signalRConnectionInfo" } ] }` },
    // Not a negotiate function: the folder is not `negotiate` and no route says so; the app calls it itself.
    { filename: 'api/SignalRInfo/function.json', code: `{ "bindings": [ { "type": "httpTrigger", "methods": ["get"] }, { "type": "signalRConnectionInfo" } ] }` },
    { filename: 'api/negotiate/function.json', code: `{ "bindings": [ { "type": "httpTrigger", "methods": ["get"], "route": "connection-info" }, { "type": "signalRConnectionInfo" } ] }` },
    // A GET-only HTTP function without a SignalR input, even in a folder named negotiate (Web PubSub's client fetches its URL with GET).
    { filename: NEGOTIATE, code: `{ "bindings": [ { "type": "httpTrigger", "methods": ["get"] }, { "type": "webPubSubConnection", "hub": "chat" } ] }` },
    { filename: NEGOTIATE, code: `{ "bindings": [ { "type": "httpTrigger", "methods": ["get"] }, { "type": "http", "direction": "out" } ] }` },
    // A trigger that is not HTTP.
    { filename: NEGOTIATE, code: `{ "bindings": [ { "type": "timerTrigger", "schedule": "0 */5 * * * *" }, { "type": "signalRConnectionInfo" } ] }` },
    // A route the rule cannot read.
    { filename: NEGOTIATE, code: `{ "bindings": [ { "type": "httpTrigger", "methods": ["get"], "route": 42 }, { "type": "signalRConnectionInfo" } ] }` },
    // Methods that are not a list of strings.
    { filename: NEGOTIATE, code: `{ "bindings": [ { "type": "httpTrigger", "methods": "get" }, { "type": "signalRConnectionInfo" } ] }` },
    // Only function.json declares functions.
    { filename: 'negotiate/host.json', code: `{ "bindings": [ { "type": "httpTrigger", "methods": ["get"] }, { "type": "signalRConnectionInfo" } ] }` },
    // Not a functions file at all.
    { filename: NEGOTIATE, code: `[1, 2, 3]` },
    { filename: NEGOTIATE, code: `{ "bindings": { "type": "httpTrigger" } }` },
  ],
  invalid: [
    {
      filename: NEGOTIATE,
      code: `{
  "bindings": [
    { "type": "httpTrigger", "direction": "in", "name": "req", "methods": ["get"] },
    { "type": "signalRConnectionInfo", "direction": "in", "name": "connectionInfo", "hubName": "chat" }
  ]
}`,
      errors: [
        {
          messageId: 'refusesPost',
          line: 3,
          column: 75,
          suggestions: [
            {
              messageId: 'addPost',
              output: `{
  "bindings": [
    { "type": "httpTrigger", "direction": "in", "name": "req", "methods": ["get", "post"] },
    { "type": "signalRConnectionInfo", "direction": "in", "name": "connectionInfo", "hubName": "chat" }
  ]
}`,
            },
          ],
        },
      ],
    },
    // The route names negotiate, whatever the folder; binding names and types in any case; upper-case methods stay upper case.
    {
      filename: 'api/SignalRInfo/function.json',
      code: `{ "bindings": [ { "Type": "HttpTrigger", "Methods": ["GET", "PUT"], "route": "{hub}/negotiate" }, { "type": "SignalRConnectionInfo" } ] }`,
      errors: [
        {
          messageId: 'refusesPost',
          line: 1,
          column: 53,
          suggestions: [
            {
              messageId: 'addPost',
              output: `{ "bindings": [ { "Type": "HttpTrigger", "Methods": ["GET", "PUT", "POST"], "route": "{hub}/negotiate" }, { "type": "SignalRConnectionInfo" } ] }`,
            },
          ],
        },
      ],
    },
    // The multi-endpoint negotiation input, and a list written over several lines.
    {
      filename: NEGOTIATE,
      code: `{
  "bindings": [
    {
      "type": "httpTrigger",
      "methods": [
        "get"
      ]
    },
    { "type": "signalRNegotiation", "hubName": "%hub%" }
  ]
}`,
      errors: [
        {
          messageId: 'refusesPost',
          line: 5,
          column: 18,
          suggestions: [
            {
              messageId: 'addPost',
              output: `{
  "bindings": [
    {
      "type": "httpTrigger",
      "methods": [
        "get", "post"
      ]
    },
    { "type": "signalRNegotiation", "hubName": "%hub%" }
  ]
}`,
            },
          ],
        },
      ],
    },
  ],
});

ruleTester.run('negotiate-accepts-post (v4 code)', rule, {
  valid: [
    // `app.http` without `methods` accepts GET and POST.
    `import { app, input } from '@azure/functions';
const connectionInfo = input.generic({ type: 'signalRConnectionInfo', name: 'connectionInfo', hubName: 'chat' });
app.http('negotiate', { authLevel: 'anonymous', extraInputs: [connectionInfo], handler: (request, context) => ({ body: JSON.stringify(context.extraInputs.get(connectionInfo)) }) });`,
    `import { app, input } from '@azure/functions';
const connectionInfo = input.generic({ type: 'signalRConnectionInfo', name: 'connectionInfo', hubName: 'chat' });
app.http('negotiate', { methods: ['POST'], extraInputs: [connectionInfo], handler: async () => ({}) });`,
    `import { app, input } from '@azure/functions';
const connectionInfo = input.generic({ type: 'signalRConnectionInfo', name: 'connectionInfo', hubName: 'chat' });
app.post('negotiate', { extraInputs: [connectionInfo], handler: async () => ({}) });`,
    // GET only, but no SignalR input: not a negotiate function for the SignalR client.
    `import { app, input } from '@azure/functions';
const connection = input.generic({ type: 'webPubSubConnection', name: 'connection', hub: 'chat' });
app.http('negotiate', { methods: ['GET'], extraInputs: [connection], handler: async () => ({}) });`,
    `import { app } from '@azure/functions';
// signalRConnectionInfo is mentioned, but this function has no such input.
app.get('negotiate', async () => ({ body: 'ok' }));`,
    // A route that is not negotiate: the front end calls it itself, with any method.
    `import { app, input } from '@azure/functions';
const connectionInfo = input.generic({ type: 'signalRConnectionInfo', name: 'connectionInfo', hubName: 'chat' });
app.get('connection-info', { extraInputs: [connectionInfo], handler: async () => ({}) });`,
    `import { app, input } from '@azure/functions';
const connectionInfo = input.generic({ type: 'signalRConnectionInfo', name: 'connectionInfo', hubName: 'chat' });
app.http('negotiate', { route: 'signalr-info', methods: ['GET'], extraInputs: [connectionInfo], handler: async () => ({}) });`,
    // Methods the rule cannot read.
    `import { app, input } from '@azure/functions';
import { METHODS } from './methods';
const connectionInfo = input.generic({ type: 'signalRConnectionInfo', name: 'connectionInfo', hubName: 'chat' });
app.http('negotiate', { methods: METHODS, extraInputs: [connectionInfo], handler: async () => ({}) });`,
    // Not the Azure Functions \`app\`.
    `import { input } from '@azure/functions';
import express from 'express';
const app = express();
const connectionInfo = input.generic({ type: 'signalRConnectionInfo', name: 'connectionInfo', hubName: 'chat' });
app.get('negotiate', () => connectionInfo);`,
    `const app = { http(name: string, options: object) {} };
app.http('negotiate', { methods: ['GET'], extraInputs: [{ type: 'signalRConnectionInfo', name: 'info' }] });`,
  ],
  invalid: [
    {
      code: `import { app, input } from '@azure/functions';
const connectionInfo = input.generic({ type: 'signalRConnectionInfo', name: 'connectionInfo', hubName: 'chat' });
app.http('negotiate', { methods: ['GET'], extraInputs: [connectionInfo], handler: async () => ({}) });`,
      errors: [
        {
          messageId: 'refusesPost',
          line: 3,
          column: 34,
          suggestions: [
            {
              messageId: 'addPost',
              output: `import { app, input } from '@azure/functions';
const connectionInfo = input.generic({ type: 'signalRConnectionInfo', name: 'connectionInfo', hubName: 'chat' });
app.http('negotiate', { methods: ['GET', 'POST'], extraInputs: [connectionInfo], handler: async () => ({}) });`,
            },
          ],
        },
      ],
    },
    // The GET shortcut, a binding object in place, and `require`.
    {
      code: `const { app } = require('@azure/functions');
app.get('negotiate', {
  extraInputs: [{ type: 'signalRConnectionInfo', name: 'connectionInfo', hubName: 'chat', direction: 'in' }],
  handler: async (request, context) => ({ jsonBody: context.extraInputs.get('connectionInfo') }),
});`,
      errors: [{ messageId: 'refusesPost', line: 2, column: 1, suggestions: [] }],
    },
    // Options and methods through consts, a namespace import, a route ending in negotiate.
    {
      code: `import * as functions from '@azure/functions';
const signalRInput = functions.input.generic({ type: 'signalRConnectionInfo', name: 'connectionInfo', hubName: 'chat' });
const methods: functions.HttpMethod[] = ["GET"];
const options = { route: 'chat/negotiate', methods, extraInputs: [signalRInput], handler: async () => ({}) };
functions.app.http('chatNegotiate', options);`,
      errors: [{ messageId: 'refusesPost', line: 4, column: 44, suggestions: [] }],
    },
  ],
});
