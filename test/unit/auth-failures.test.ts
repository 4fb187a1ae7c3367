import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AuthFailureLimiter } from '../../src/auth/auth-failure-limiter.js';
import { readAuthorization } from '../../src/auth/bearer-token.js';
import { clientAddress } from '../../src/auth/client-address.js';
import type { FastifyRequest } from 'fastify';
import { KnownKeys } from '../../src/auth/known-keys.js';

describe('failed authentication: header parsing, client address, limiter', () => {
  it('reads every spelling of one bearer key as the same token; anything else is malformed or none', () => {
    for (const header of ['Bearer whk_a', 'bearer whk_a', 'BEARER   whk_a', '  Bearer\twhk_a  ', 'bEaReR whk_a\t']) {
      assert.deepEqual(readAuthorization(header), { kind: 'token', token: 'whk_a' }, JSON.stringify(header));
    }
    for (const header of ['Basic dTpw', 'Bearer', 'Bearer a b', 'Bearerwhk_a', 'whk_a']) {
      assert.deepEqual(readAuthorization(header), { kind: 'malformed' }, JSON.stringify(header));
    }
    assert.deepEqual(readAuthorization(undefined), { kind: 'none' });
    assert.deepEqual(readAuthorization('  '), { kind: 'none' });
  });

  it('counts by the socket address: mapped IPv4 as IPv4, IPv6 by /64, X-Forwarded-For ignored', () => {
    const req = (ip: string) => ({ ip, socket: {}, headers: { 'x-forwarded-for': '203.0.113.9' } }) as unknown as FastifyRequest;
    assert.equal(clientAddress(req('::ffff:192.0.2.7')), '192.0.2.7');
    assert.equal(clientAddress(req('192.0.2.7')), '192.0.2.7');
    assert.equal(clientAddress(req('2001:db8:1:2:aaaa::1')), '2001:db8:1:2::/64');
    assert.equal(clientAddress(req('2001:db8:1:2:bbbb::9')), '2001:db8:1:2::/64');
  });

  it('refuses an address after the limit until its window ends, with the seconds left', () => {
    let now = 1_000_000;
    const limiter = new AuthFailureLimiter(3, 60_000, () => now);
    for (let i = 0; i < 3; i++) {
      assert.equal(limiter.retryAfterSeconds('a'), 0);
      limiter.recordFailure('a');
    }
    assert.equal(limiter.retryAfterSeconds('a'), 60);
    assert.equal(limiter.retryAfterSeconds('b'), 0, 'other addresses are not affected');
    now += 45_500;
    assert.equal(limiter.retryAfterSeconds('a'), 15);
    now += 14_500;
    assert.equal(limiter.retryAfterSeconds('a'), 0, 'a new window');
    limiter.recordFailure('a');
    assert.equal(limiter.retryAfterSeconds('a'), 0);
  });

  it('keeps a bounded number of addresses and of known keys, dropping the oldest', () => {
    let now = 0;
    const limiter = new AuthFailureLimiter(1, 60_000, () => now, 2);
    limiter.recordFailure('a');
    now += 1;
    limiter.recordFailure('b');
    limiter.recordFailure('c');
    assert.equal(limiter.retryAfterSeconds('a'), 0, 'the oldest went');
    assert.ok(limiter.retryAfterSeconds('b') > 0 && limiter.retryAfterSeconds('c') > 0);

    const keys = new KnownKeys(2);
    keys.remember('x');
    keys.remember('y');
    keys.remember('x');
    keys.remember('z');
    assert.deepEqual([keys.has('x'), keys.has('y'), keys.has('z')], [true, false, true], 'least recently seen goes');
    keys.forget('x');
    assert.equal(keys.has('x'), false);
  });
});
