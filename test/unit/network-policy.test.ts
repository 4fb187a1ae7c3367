import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { describe, it } from 'node:test';
import { postRequest, createHttpAgent } from '../../activities/post.js';
import { addressRefusal, createNetworkPolicy, urlRefusal } from '../../src/policy/network-policy.js';
import { REFUSED_URLS } from '../helpers/refused-urls.js';

const strict = createNetworkPolicy(false, []);
const dev = createNetworkPolicy(true, ['127.0.0.0/8', '::1/128']);

describe('network policy', () => {
  it(`refuses ${REFUSED_URLS.length} spellings of private, loopback, link-local, metadata and reserved targets`, () => {
    for (const url of REFUSED_URLS) assert.ok(urlRefusal(strict, url), `${url} should be refused`);
  });

  it('accepts public https targets and refuses http unless allowed', () => {
    for (const url of ['https://example.com/hook', 'https://93.184.215.14/', 'https://[2606:4700::1111]/x']) {
      assert.equal(urlRefusal(strict, url), null, url);
    }
    assert.match(urlRefusal(strict, 'http://example.com/')!, /https/);
    assert.equal(urlRefusal(dev, 'http://example.com/'), null);
    assert.match(urlRefusal(strict, 'https://user:pw@example.com/')!, /credentials/);
  });

  it('refuses all of ::/96 and judges IPv6 that carries IPv4 (NAT64, 6to4, Teredo) by the IPv4 it carries', () => {
    for (const address of ['::127.0.0.1', '::7f00:1', '::a9fe:a9fe', '::5db8:d70e', '::1:0', '::', '::1']) {
      assert.ok(addressRefusal(strict, address), `${address} should be refused`);
    }
    // Local-use NAT64 may put the IPv4 at any RFC 6052 place: here 10.0.0.1 under a /48 prefix.
    assert.match(addressRefusal(strict, '64:ff9b:1:a00:0:100::')!, /carries IPv4/);
    assert.match(addressRefusal(strict, '64:ff9b::169.254.169.254')!, /169\.254\.169\.254 is in a linkLocal range/);
    // A public IPv4 inside passes: IPv6-only networks reach IPv4 receivers through DNS64/NAT64.
    const publicInside = ['64:ff9b::5db8:d70e', '64:ff9b::93.184.215.14', '2002:5db8:d70e::1', '2001:0:4136:e378:8000:63bf:a247:28f1'];
    for (const address of publicInside) assert.equal(addressRefusal(strict, address), null, address);
    assert.equal(urlRefusal(strict, 'https://[64:ff9b::5db8:d70e]/'), null);
    assert.equal(
      addressRefusal(createNetworkPolicy(false, ['10.0.0.0/8']), '64:ff9b::a00:1'),
      null,
      'an opened IPv4 range opens it inside NAT64 too',
    );
  });

  it('opens exactly the allowed CIDRs', () => {
    assert.equal(urlRefusal(dev, 'http://127.0.0.1:8080/'), null);
    assert.equal(urlRefusal(dev, 'http://[::1]:8080/'), null);
    assert.equal(urlRefusal(dev, 'http://localhost:8080/'), null);
    assert.ok(urlRefusal(dev, 'http://10.0.0.1/'));
    assert.ok(urlRefusal(dev, 'http://169.254.169.254/'));
    const one = createNetworkPolicy(false, ['10.1.2.0/24']);
    assert.equal(addressRefusal(one, '10.1.2.7'), null);
    assert.ok(addressRefusal(one, '10.1.3.7'));
    assert.equal(addressRefusal(one, '::ffff:10.1.2.7'), null, 'mapped IPv4 is judged as IPv4');
  });

  it('refuses at connect time a name that resolves to a refused address', async () => {
    const server = createServer((_, res) => res.end('should not be reached'));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as { port: number }).port;
    const agent = createHttpAgent(createNetworkPolicy(true, []));
    let hits = 0;
    server.on('request', () => hits++);
    try {
      for (const host of ['localhost', '127.0.0.1', '[::ffff:127.0.0.1]', '[::127.0.0.1]', '[64:ff9b::127.0.0.1]']) {
        const r = await postRequest(agent, { url: `http://${host}:${port}/`, body: '{}', headers: {} }, 2000);
        assert.equal(r.errorType, 'blocked', `${host}: ${r.errorType} ${r.errorMessage}`);
        assert.equal(r.statusCode, null);
      }
      assert.equal(hits, 0);
    } finally {
      await agent.close();
      server.close();
    }
  });
});
