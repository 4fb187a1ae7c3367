import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requestLinesOn } from '../../src/app.module.js';

describe('request logging', () => {
  it('is mounted only at levels that write request lines (info and below), so it costs nothing otherwise', () => {
    for (const level of ['trace', 'debug', 'info']) assert.equal(requestLinesOn(level), true, level);
    for (const level of ['warn', 'error', 'fatal', 'silent']) assert.equal(requestLinesOn(level), false, level);
  });
});
