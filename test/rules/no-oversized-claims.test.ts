import rule from '../../rules/no-oversized-claims.js';
import { createRuleTester } from '../rule-tester.js';

const ruleTester = createRuleTester();

/** 120 role names of 40 characters: about 5 KB of JSON, over the budget once encoded. */
const MANY_ROLES = `const ROLES = [${Array.from({ length: 120 }, (_, i) => `'role-${String(i).padStart(3, '0')}-${'x'.repeat(31)}'`).join(', ')}];`;

ruleTester.run('no-oversized-claims', rule, {
  valid: [
    // Only the claims the hub needs.
    `import jwt from 'jsonwebtoken';
const url = \`\${endpoint}/client/?hub=chat\`;
const accessToken = jwt.sign({ nameid: req.user.id, role: req.user.roles }, accessKey, { audience: url, expiresIn: '1h' });`,
    // Whole objects in tokens for anything else (a session, another API) are not this rule's business.
    `import jwt from 'jsonwebtoken';
const session = jwt.sign({ ...req.user }, secret, { expiresIn: '1d' });`,
    `import { SignJWT } from 'jose';
const apiToken = await new SignJWT({ ...claims }).setProtectedHeader({ alg: 'HS256' }).setAudience('https://api.contoso.com').sign(key);`,
    // Picking claims with a function is the fix, not the mistake.
    `import jwt from 'jsonwebtoken';
const accessToken = jwt.sign({ ...pick(user, ['id', 'name']) }, key, { audience: \`\${endpoint}/client/?hub=chat\` });`,
    // A scalar claim named after the user; members of the request that are strings.
    `import jwt from 'jsonwebtoken';
const accessToken = jwt.sign({ sub: user, name: req.query.user }, key, { audience: \`\${endpoint}/client/?hub=chat\` });`,
    `import jwt from 'jsonwebtoken';
function negotiate(user: string) {
  return { url: clientUrl, accessToken: jwt.sign({ user }, key) };
}`,
    // A literal payload within the budget; one over it, for a token for something else.
    `import jwt from 'jsonwebtoken';
const accessToken = jwt.sign({ nameid: 'alice', role: ['reader', 'writer'] }, key, { audience: 'https://contoso.service.signalr.net/client/?hub=chat' });`,
    `import jwt from 'jsonwebtoken';
${MANY_ROLES}
const reportToken = jwt.sign({ roles: ROLES }, key, { audience: 'https://reports.contoso.com' });`,
    // \`accessToken\` without a \`url\` beside it is no negotiate response.
    `import jwt from 'jsonwebtoken';
res.json({ accessToken: jwt.sign({ ...req.user }, secret), expiresIn: 3600 });`,
    // \`sign\` of another library.
    `import { sign } from './crypto-helpers';
const accessToken = sign({ ...req.user }, key);
res.json({ url, accessToken });`,
    // The raised budget allows a big literal payload.
    {
      code: `import jwt from 'jsonwebtoken';
${MANY_ROLES}
const accessToken = jwt.sign({ roles: ROLES }, key, { audience: 'https://contoso.service.signalr.net/client/?hub=chat' });`,
      options: [{ maxTokenBytes: 16384 }],
    },
    // An unknown spread after the big claim may replace it: no certain estimate.
    `import jwt from 'jsonwebtoken';
${MANY_ROLES}
const accessToken = jwt.sign({ roles: ROLES, ...overrides() }, key, { audience: 'https://contoso.service.signalr.net/client/?hub=chat' });`,
  ],
  invalid: [
    // The audience is the service's client URL.
    {
      code: `import jwt from 'jsonwebtoken';
const url = \`\${endpoint}/client/?hub=chat\`;
const accessToken = jwt.sign({ ...req.user, nameid: req.user.id }, accessKey, { audience: url, expiresIn: '1h' });`,
      errors: [{ messageId: 'wholeObjectInToken', data: { source: '...req.user' }, line: 3, column: 32 }],
    },
    // Returned beside a \`url\` from a negotiate handler.
    {
      code: `import { sign } from 'jsonwebtoken';
export async function negotiate(request, context) {
  const claims = await loadClaims(request);
  const accessToken = sign({ nameid: claims.sub, claims }, key);
  return { jsonBody: { url: clientUrl, accessToken } };
}`,
      errors: [{ messageId: 'wholeObjectInToken', data: { source: 'claims' }, line: 4, column: 50 }],
    },
    {
      code: `const jwt = require('jsonwebtoken');
app.post('/negotiate', (req, res) => {
  res.json({ url: hubUrl, accessToken: jwt.sign({ claims: req.user.claims }, key) });
});`,
      errors: [{ messageId: 'wholeObjectInToken', data: { source: 'claims: req.user.claims' }, line: 3, column: 51 }],
    },
    // A decoded token copied whole.
    {
      code: `import jwt from 'jsonwebtoken';
const decoded = jwt.verify(idToken, publicKey);
const accessToken = jwt.sign({ ...decoded }, accessKey, { audience: \`https://\${name}.service.signalr.net/client/?hub=\${hub}\` });`,
      errors: [{ messageId: 'wholeObjectInToken', line: 3, column: 32 }],
    },
    // The payload itself is the user object.
    {
      code: `import * as jwt from 'jsonwebtoken';
const accessToken = jwt.sign(req.user, accessKey, { audience: 'https://contoso.service.signalr.net/client/?hub=chat' });`,
      errors: [{ messageId: 'wholeObjectInToken', line: 2, column: 30 }],
    },
    // Flows into accessTokenFactory through a function of the file (a Node client or test tool).
    {
      code: `import { HubConnectionBuilder } from '@microsoft/signalr';
import { SignJWT } from 'jose';
async function serviceToken() {
  return new SignJWT({ ...profile }).setProtectedHeader({ alg: 'HS256' }).setExpirationTime('1h').sign(key);
}
const connection = new HubConnectionBuilder().withUrl(clientUrl, { accessTokenFactory: () => serviceToken() }).build();`,
      errors: [{ messageId: 'wholeObjectInToken', line: 4, column: 24 }],
    },
    // jose with its audience set, and \`jwtVerify\`'s payload copied whole.
    {
      code: `import * as jose from 'jose';
const { payload } = await jose.jwtVerify(idToken, jwks);
const verified = await jose.jwtVerify(idToken, jwks);
const accessToken = await new jose.SignJWT({ ...verified.payload })
  .setProtectedHeader({ alg: 'HS256' })
  .setAudience(\`\${endpoint}/client/?hub=chat\`)
  .sign(key);`,
      errors: [{ messageId: 'wholeObjectInToken', line: 4, column: 46 }],
    },
    // A literal payload over the budget: the message gives the estimate, a lower bound (jsonwebtoken
    // makes it 7,103 bytes: the `iat` claim it adds is not counted).
    {
      code: `import jwt from 'jsonwebtoken';
${MANY_ROLES}
const accessToken = jwt.sign({ nameid: 'alice', roles: ROLES }, key, { audience: 'https://contoso.service.signalr.net/client/?hub=chat' });`,
      errors: [{ messageId: 'oversizedToken', data: { bytes: '7080', budget: '4096' }, line: 3, column: 30 }],
    },
    // A smaller budget, and an \`aud\` claim instead of the option.
    {
      code: `import jwt from 'jsonwebtoken';
const accessToken = jwt.sign({ aud: 'https://contoso.service.signalr.net/client/?hub=chat', nameid: 'alice', note: '${'n'.repeat(300)}' }, key);`,
      options: [{ maxTokenBytes: 256 }],
      errors: [{ messageId: 'oversizedToken', line: 2, column: 30 }],
    },
  ],
});
