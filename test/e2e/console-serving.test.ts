import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CONSOLE_DIR } from '../../src/console/serve-console.js';
import { startService, type TestService } from '../helpers/service.js';

const get = (svc: TestService, path: string, headers: Record<string, string> = {}) =>
  fetch(svc.baseUrl + path, { headers, redirect: 'manual' });

describe(
  'the web console is served by the api',
  { skip: existsSync(join(CONSOLE_DIR, 'index.html')) ? false : 'dist/console is not built (npm run build)' },
  () => {
    let svc: TestService;

    before(async () => {
      // A tiny rate limit: /v1 must still hit it while the console's files never count against it.
      svc = await startService('console-serving', { RATE_LIMIT_PER_MINUTE: '3' });
    });
    after(async () => {
      await svc?.close();
    });

    it('serves the app without an API key, with a strict content security policy', async () => {
      const res = await get(svc, '/console/');
      assert.equal(res.status, 200);
      assert.match(res.headers.get('content-type') ?? '', /text\/html/);
      assert.match(res.headers.get('content-security-policy') ?? '', /script-src 'self'/);
      assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
      const html = await res.text();
      assert.match(html, /<div id="root">/);
      const asset = /src="(\/console\/assets\/[^"]+\.js)"/.exec(html)?.[1];
      assert.ok(asset, 'index.html names its script');
      const js = await get(svc, asset);
      assert.equal(js.status, 200);
      assert.match(js.headers.get('cache-control') ?? '', /immutable/);
    });

    it('answers client routes with the app (reloads and shared links work) and missing files with 404', async () => {
      for (const path of ['/console/subscriptions/sub_x', '/console/deliveries/dlv_x', '/console/event-types']) {
        const res = await get(svc, path);
        assert.equal(res.status, 200, path);
        assert.match(await res.text(), /<div id="root">/);
      }
      assert.equal((await get(svc, '/console/assets/nope-123.js')).status, 404);
      const bare = await get(svc, '/console');
      assert.equal(bare.status, 301);
      assert.equal(bare.headers.get('location'), '/console/');
    });

    it('leaves /v1 behind its key and its rate limit, and /console out of the OpenAPI', async () => {
      assert.equal((await get(svc, '/v1/subscriptions')).status, 401);
      for (let i = 0; i < 5; i++) await get(svc, '/console/');
      const auth = { authorization: `Bearer ${svc.apiKey}` };
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await get(svc, '/v1/event-types', auth)).status);
      assert.deepEqual(statuses, [200, 200, 200, 429]);
      assert.equal((await get(svc, '/console/')).status, 200);
      const doc = (await (await get(svc, '/openapi.json')).json()) as { paths: Record<string, unknown> };
      assert.ok(!Object.keys(doc.paths).some((p) => p.startsWith('/console')));
      assert.ok(doc.paths['/v1/stats/deliveries']);
    });
  },
);
