import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { GENERATED_TYPES_FILE, openApiToTypes } from '../../clients/typescript/generate/openapi-to-types.js';
import { startService, type TestService } from '../helpers/service.js';

// dist/test/e2e/ -> clients/typescript/ in the source tree
const committedTypes = fileURLToPath(new URL(`../../../clients/typescript/${GENERATED_TYPES_FILE}`, import.meta.url));

describe('typed client: the committed types match the OpenAPI document the service serves', () => {
  let svc: TestService;
  before(async () => {
    svc = await startService('client-types');
  });
  after(async () => {
    await svc?.close();
  });

  it('regenerating from GET /openapi.json yields clients/typescript/src/openapi-types.ts exactly', async () => {
    const served = await svc.api('GET', '/openapi.json', undefined, { key: null });
    assert.equal(served.status, 200);
    const fresh = join(mkdtempSync(join(tmpdir(), 'hookrelay-types-')), 'openapi-types.ts');
    writeFileSync(fresh, await openApiToTypes(served.body));
    assert.ok(
      readFileSync(fresh, 'utf8') === readFileSync(committedTypes, 'utf8'),
      `the API changed but the client's types did not: run \`npm run client:generate\` and commit the result (compare ${fresh} with ${committedTypes})`,
    );
  });
});
