import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BadRequestException, Controller, Module, Post, Req, type RawBodyRequest } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyRequest } from 'fastify';
import { parseJsonBody, readBodies } from '../../src/common/json-body.js';

const parse = (text: string) => parseJsonBody(Buffer.from(text, 'utf8'));

describe('JSON request bodies: read as body-parser read them under Express', () => {
  it('reads an empty body as {} (bodies whose every field is optional may be left out)', () => {
    assert.deepEqual(parse(''), {});
    assert.deepEqual(parse(' \n'), {});
  });

  it('refuses a bare value and malformed JSON with a 400', () => {
    for (const text of ['"text"', '42', 'null', '{"a":', '{"a":1}x']) {
      const result = parse(text);
      assert.ok(result instanceof Error, text);
      assert.equal((result as BadRequestException).getStatus(), 400, text);
    }
  });

  it('keeps __proto__ and constructor keys as data', () => {
    const body = parse('{"__proto__":{"x":1},"constructor":{"prototype":{}}}') as Record<string, unknown>;
    assert.deepEqual(Object.keys(body), ['__proto__', 'constructor']);
    assert.equal(Object.getPrototypeOf(body), Object.prototype);
  });
});

@Controller()
class EchoController {
  @Post('echo')
  echo(@Req() req: RawBodyRequest<FastifyRequest>) {
    return { raw: req.rawBody?.toString('utf8') ?? null, body: req.body ?? null };
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

describe('request bodies on the api (readBodies): the bytes as sent beside the parsed JSON', () => {
  let app: NestFastifyApplication;
  const post = async (contentType: string, payload: string) => {
    const res = await app.inject({ method: 'POST', url: '/echo', headers: { 'content-type': contentType }, payload });
    return { status: res.statusCode, body: res.json<{ raw: string | null; body: unknown }>() };
  };

  before(async () => {
    app = await NestFactory.create<NestFastifyApplication>(EchoModule, new FastifyAdapter(), { rawBody: true, logger: false });
    readBodies(app, 1024 * 1024);
    await app.init();
  });
  after(async () => app?.close());

  it('keeps the raw bytes of application/json and application/*+json bodies in req.rawBody', async () => {
    const sent = '{"amount": 1.50, "name":"\\u00e9t\\u00e9" }';
    for (const type of ['application/json', 'application/json; charset=utf-8', 'application/cloudevents+json']) {
      const res = await post(type, sent);
      assert.equal(res.status, 201, type);
      assert.equal(res.body.raw, sent, type);
      assert.deepEqual(res.body.body, { amount: 1.5, name: 'été' }, type);
    }
  });

  it('leaves a body of another type unparsed (no 415) and answers malformed JSON 400', async () => {
    const text = await post('text/plain', '{"a":1}');
    assert.equal(text.status, 201);
    assert.equal(text.body.body, null);
    assert.equal((await post('application/json', '{"a":')).status, 400);
  });
});
