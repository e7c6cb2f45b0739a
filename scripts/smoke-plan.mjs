#!/usr/bin/env node
// Prints the smoke test's calls for an exported OpenAPI document (Gatehouse's <stack>.openapi.json),
// one per line, tab-separated:
//
//   METHOD  PATH  CREDENTIALS  EXPECT  NOTE
//
// CREDENTIALS: none | sigv4 | api-key | sigv4+api-key      (what the call sends)
// EXPECT:      a status (200, 204), 2xx, denied (401 or 403), or reached (neither 401 nor 403:
//              the request passed API Gateway's authorization; the backend answered whatever it does)
//
// Every route gets an unauthenticated call: public routes must answer, the others must be denied.
// Routes whose authorization the script can satisfy (IAM signatures, API keys) get a second, signed
// call that must get through. Routes behind a Lambda or Cognito authorizer need a token from an
// identity provider: with --bearer (the caller has a token, sent as "Authorization: Bearer ...")
// they get a second call that must pass authorization (CREDENTIALS bearer); without it only their
// denial is checked.
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const bearer = args.includes('--bearer');
const file = args.find((a) => !a.startsWith('--'));
if (!file || args.some((a) => a.startsWith('--') && a !== '--bearer')) {
  console.error('usage: smoke-plan.mjs [--bearer] <document.openapi.json>');
  process.exit(2);
}
const doc = JSON.parse(readFileSync(file, 'utf8'));
const schemes = doc.components?.securitySchemes ?? {};
const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'x-amazon-apigateway-any-method'];

function kind(name) {
  const s = schemes[name] ?? {};
  if (s['x-amazon-apigateway-authtype'] === 'awsSigv4') return 'sigv4';
  if (s['x-amazon-apigateway-authorizer']) return 'authorizer';
  if (s.type === 'apiKey' && String(s.name).toLowerCase() === 'x-api-key') return 'api-key';
  return 'unknown';
}

/** What a call that passed authorization should get, from the integration. */
function success(op) {
  const integration = op['x-amazon-apigateway-integration'] ?? {};
  const type = String(integration.type ?? '').toLowerCase();
  if (type === 'mock') {
    const status = integration.responses?.default?.statusCode;
    return status ? String(status) : '2xx';
  }
  if (type === 'aws_proxy') return '2xx';
  return 'reached';
}

const lines = [];
for (const [path, item] of Object.entries(doc.paths ?? {})) {
  const concrete = path.replace(/\{[^}]+\+\}/g, 'smoke/test').replace(/\{[^}]+\}/g, 'smoke-test');
  for (const key of METHODS) {
    const op = item[key];
    if (!op) continue;
    const method = key === 'x-amazon-apigateway-any-method' ? 'GET' : key.toUpperCase();
    const security = op.security;
    if (!Array.isArray(security)) {
      lines.push([method, concrete, 'none', 'denied', `${key} ${path} declares no security: it must not be open`]);
      continue;
    }
    const kinds = new Set(security.flatMap((requirement) => Object.keys(requirement).map(kind)));
    if (kinds.size === 0) {
      lines.push([method, concrete, 'none', success(op), 'public']);
      continue;
    }
    lines.push([method, concrete, 'none', 'denied', [...kinds].join('+') + ' required']);
    if ([...kinds].every((k) => k === 'sigv4' || k === 'api-key')) {
      const credentials = ['sigv4', 'api-key'].filter((k) => kinds.has(k)).join('+');
      lines.push([method, concrete, credentials, success(op), 'authorized']);
    } else if (bearer && kinds.has('authorizer') && [...kinds].every((k) => k === 'authorizer' || k === 'api-key')) {
      const credentials = ['bearer', 'api-key'].filter((k) => k === 'bearer' || kinds.has(k)).join('+');
      // the backend may answer anything (a data route without its table answers 500): what is
      // checked is that the token passed the authorizer
      lines.push([method, concrete, credentials, 'reached', 'token accepted']);
    }
  }
}
for (const line of lines) console.log(line.join('\t'));
