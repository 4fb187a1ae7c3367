import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QueryFailedError } from 'typeorm';
import { isDatabaseUnavailable } from '../../src/database/database-unavailable.js';
import { sendProblem, toProblem } from '../../src/common/problem.filter.js';

/** The shape node-postgres gives a server error (a DatabaseError with a SQLSTATE `code`). */
const pgError = (code: string, message: string) => Object.assign(new Error(message), { name: 'error', code, severity: 'FATAL' });

describe('database unavailable classification', () => {
  it('recognises connection-class SQLSTATEs, raw and wrapped by TypeORM', () => {
    for (const code of ['08000', '08001', '08003', '08004', '08006', '08P01', '57P01', '57P02', '57P03', '53300']) {
      assert.equal(isDatabaseUnavailable(pgError(code, 'x')), true, code);
      assert.equal(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], pgError(code, 'x'))), true, `wrapped ${code}`);
    }
  });

  it('recognises what pg_terminate_backend and ALLOW_CONNECTIONS false produce (as seen from TypeORM)', () => {
    const terminated = new QueryFailedError('SELECT 1', [], pgError('57P01', 'terminating connection due to administrator command'));
    assert.equal(isDatabaseUnavailable(terminated), true);
    assert.equal(isDatabaseUnavailable(pgError('55000', 'database "webhooks" is not currently accepting connections')), true);
  });

  it('recognises socket errors, pool timeouts and lost connections', () => {
    assert.equal(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })), true);
    assert.equal(isDatabaseUnavailable(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })), true);
    assert.equal(isDatabaseUnavailable(new Error('Connection terminated unexpectedly')), true);
    assert.equal(isDatabaseUnavailable(new Error('Connection terminated due to connection timeout')), true);
    assert.equal(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect')), true);
    assert.equal(isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable')), true);
    assert.equal(isDatabaseUnavailable(pgError('57P03', 'the database system is starting up')), true);
    const aggregate = new AggregateError(
      [Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })],
      'connect failed',
    );
    assert.equal(isDatabaseUnavailable(aggregate), true);
    assert.equal(isDatabaseUnavailable(new Error('query failed', { cause: new Error('Connection terminated unexpectedly') })), true);
  });

  it('leaves query and data errors alone', () => {
    for (const [code, message] of [
      ['23505', 'duplicate key value violates unique constraint'],
      ['42P01', 'relation "nope" does not exist'],
      ['22P02', 'invalid input syntax for type uuid'],
      ['40001', 'could not serialize access'],
      ['55000', 'object is not in prerequisite state'],
      ['57014', 'canceling statement due to statement timeout'],
    ]) {
      assert.equal(isDatabaseUnavailable(pgError(code, message)), false, code);
      assert.equal(isDatabaseUnavailable(new QueryFailedError('SELECT 1', [], pgError(code, message))), false, `wrapped ${code}`);
    }
    for (const value of [undefined, null, 'Connection terminated', 42, {}, new Error('boom'), { code: 8006 }]) {
      assert.equal(isDatabaseUnavailable(value), false, String(value));
    }
  });

  it('stops on cycles', () => {
    const a: { cause?: unknown; message: string } = { message: 'a' };
    a.cause = a;
    assert.equal(isDatabaseUnavailable(a), false);
  });
});

describe('toProblem for an unreachable database', () => {
  it('answers 503, not 500', () => {
    const problem = toProblem(
      new QueryFailedError('SELECT 1', [], pgError('57P01', 'terminating connection due to administrator command')),
    );
    assert.equal(problem.status, 503);
    assert.equal(problem.type, 'https://hookrelay.dev/problems/database-unavailable');
    assert.equal(toProblem(new Error('boom')).status, 500);
  });

  it('sends Retry-After: 5 with a 503 (and keeps one a thrower set)', () => {
    const fake = () => {
      const headers: Record<string, string> = {};
      const res = {
        statusCode: 0,
        getHeader: (name: string) => headers[name.toLowerCase()],
        header(name: string, value: string) {
          headers[name.toLowerCase()] = value;
          return this;
        },
        status(code: number) {
          this.statusCode = code;
          return this;
        },
        type(t: string) {
          headers['content-type'] = t;
          return this;
        },
        send() {
          return this;
        },
      };
      return { res, headers };
    };
    const down = fake();
    sendProblem(down.res as never, toProblem(new Error('Connection terminated unexpectedly')));
    assert.equal(down.res.statusCode, 503);
    assert.equal(down.headers['retry-after'], '5');
    assert.equal(down.headers['content-type'], 'application/problem+json');
    const own = fake();
    own.res.header('Retry-After', '30');
    sendProblem(own.res as never, toProblem(new Error('Connection terminated unexpectedly')));
    assert.equal(own.headers['retry-after'], '30');
    const internal = fake();
    sendProblem(internal.res as never, toProblem(new Error('boom')));
    assert.equal(internal.res.statusCode, 500);
    assert.equal(internal.headers['retry-after'], undefined);
  });
});
