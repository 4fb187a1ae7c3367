import assert from 'node:assert/strict';
import { readFileSync, rmSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Browser, Locator, Page } from 'playwright-core';
import { makeCertificates, type TestCertificates } from '../helpers/certificates.js';
import { createEventType, eventually, sendEvent } from '../helpers/factories.js';
import { TestReceiver } from '../helpers/receiver.js';
import { startService, type TestService } from '../helpers/service.js';
import { TokenServer } from '../helpers/token-server.js';
import { chromiumMissing, launchChromium, openPage, pageErrors, screenshot, signIn } from './browser.js';

const STEP = { timeout: 60_000 };
const CLIENT_SECRET = 'cs-form-7d1e0b9a44c2';

/** The message a field's accessible description carries (Mantine links its error by aria-describedby). */
async function describedError(page: Page, input: Locator): Promise<string> {
  const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
  const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).textContent()));
  return texts.join(' ');
}

// The subscription form in a real browser against the whole service: OAuth2, mutual TLS and a transform set
// through it, delivered for real; an edit that leaves the write-only secrets alone; API errors beside their field.
describe('console subscription form', { skip: chromiumMissing, timeout: 200_000 }, () => {
  let svc: TestService;
  let receiver: TestReceiver;
  let tokens: TokenServer;
  let certs: TestCertificates;
  let browser: Browser;
  let page: Page;
  let subId: string;
  const pem: Record<string, string> = {};
  const patches: Record<string, unknown>[] = [];

  before(async () => {
    certs = makeCertificates();
    for (const [name, path] of Object.entries(certs)) if (name !== 'dir') pem[name] = readFileSync(path, 'utf8');
    tokens = await TokenServer.start({ 'form-client': CLIENT_SECRET });
    // Mutual TLS, and only bearer tokens the token server issued and still honours.
    receiver = (
      await TestReceiver.start({
        cert: pem['serverCert'],
        key: pem['serverKey'],
        ca: pem['caCert'],
        requestCert: true,
        rejectUnauthorized: true,
      })
    ).respond((req) => {
      const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
      return token && tokens.valid.has(token) ? { status: 200, body: 'ok' } : { status: 401, body: 'who are you' };
    });
    [svc, browser] = await Promise.all([startService('subscription_form'), launchChromium()]);
    await createEventType(svc, 'ledger.posted');
    page = await openPage(browser, svc.baseUrl);
    page.on('request', (r) => {
      if (r.method() === 'PATCH' && r.url().includes('/v1/subscriptions/')) patches.push(r.postDataJSON() as Record<string, unknown>);
    });
    await signIn(page, svc.apiKey);
  });
  after(async () => {
    await browser?.close();
    await svc?.close();
    await receiver?.close();
    await tokens?.close();
    if (certs) rmSync(certs.dir, { recursive: true, force: true });
  });

  const delivered = (id: string) =>
    eventually(
      async () => {
        const d = (await svc.api('GET', `/v1/deliveries/${id}`)).body;
        return d.status === 'succeeded' ? d : undefined;
      },
      30_000,
      `${id} succeeded`,
    );

  it('creates a subscription with OAuth2, mutual TLS and a transform previewed live', STEP, async () => {
    await page.getByRole('link', { name: 'Subscriptions' }).click();
    await page.getByRole('button', { name: 'New subscription' }).click();
    const form = page.getByRole('dialog', { name: 'New subscription' });
    await form.getByLabel('Endpoint URL').fill(`${receiver.url}/ledger`);
    await form.getByLabel('Event types').fill('ledger.posted');
    await form.getByLabel('Event types').press('Enter');
    await form.getByLabel('Name', { exact: true }).fill('Ledger over mTLS');

    const transform = form.getByLabel('Transform (JSONata)');
    await transform.fill('{ "kind": type, "amount": data.amount, "via": "console" }');
    await form.getByLabel(/^Sample data/).fill('{ "amount": 42 }');
    const body = form.getByTestId('transform-body');
    await eventually(async () => ((await body.textContent())?.includes('"amount": 42') ? true : undefined), 10_000, 'the preview body');
    assert.deepEqual(JSON.parse((await body.textContent()) ?? ''), { kind: 'ledger.posted', amount: 42, via: 'console' });
    // A broken expression: the preview shows the error with its position instead.
    await transform.fill('{ "kind": type, "amount": ');
    const error = form.getByTestId('transform-error');
    await error.waitFor();
    assert.match((await error.textContent()) ?? '', /^transform: does not compile: .+ at position \d+/);
    await screenshot(page, 'form-01-transform-error');
    await transform.fill('{ "kind": type, "amount": data.amount, "via": "console" }');
    await body.waitFor();

    await form.getByRole('button', { name: 'Add header' }).click();
    await form.getByLabel('Header 1', { exact: true }).fill('x-api-key');
    await form.getByLabel('Header 1 value', { exact: true }).fill('k-0c9f2e');

    await form.getByText('OAuth2', { exact: true }).click();
    await form.getByLabel('Token URL').fill(tokens.url);
    await form.getByLabel('Client ID').fill('form-client');
    await form.getByLabel('Client secret').fill(CLIENT_SECRET);
    await form.getByLabel('Scope').fill('ledger.write');
    await form.getByLabel('Client certificate (PEM)').fill(pem['clientCert']);
    await form.getByLabel('Private key (PEM)').fill(pem['clientKey']);
    await form.getByLabel('Server CA (PEM)').fill(pem['caCert']);
    await screenshot(page, 'form-02-create-filled');
    await form.getByRole('button', { name: 'Create subscription' }).click();
    const reveal = page.getByRole('dialog', { name: 'Subscription created' });
    await reveal.getByRole('button', { name: 'Done' }).click();

    await page.getByRole('link', { name: 'Ledger over mTLS' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ledger over mTLS' }).waitFor();
    subId = (await page.locator('code').first().textContent()) ?? '';
    const sub = (await svc.api('GET', `/v1/subscriptions/${subId}`)).body;
    assert.deepEqual(sub.auth, { type: 'oauth2', tokenUrl: tokens.url, clientId: 'form-client', scope: 'ledger.write', audience: null });
    assert.equal(sub.transform, '{ "kind": type, "amount": data.amount, "via": "console" }');
    assert.equal(sub.clientTls.subject, 'CN=hookrelay');
    assert.equal(sub.clientTls.serverCa, true);
    assert.deepEqual(sub.headers, { 'x-api-key': '****' });
    await page.getByText('CN=hookrelay, expires').waitFor();

    const event = await sendEvent(svc, 'ledger.posted', { amount: 7 });
    await delivered(event.deliveries[0].id);
    const got = receiver.requests.filter((r) => r.path === '/ledger');
    assert.equal(got.at(-1)!.clientCertificate, 'hookrelay');
    assert.deepEqual(JSON.parse(got.at(-1)!.body), { kind: 'ledger.posted', amount: 7, via: 'console' });
    assert.equal(got.at(-1)!.headers['x-api-key'], 'k-0c9f2e');
    assert.deepEqual(pageErrors(page), []);
  });

  it('an edit that does not touch auth or the certificate sends neither, and the stored secret and key still work', STEP, async () => {
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit subscription' });
    // The write-only values are not shown, and the form says they are kept.
    assert.equal(await edit.getByLabel('Client secret').inputValue(), '');
    assert.equal(await edit.getByLabel('Client certificate (PEM)').inputValue(), '');
    await edit.getByText('Leave empty to keep the stored one', { exact: false }).waitFor();
    await edit.getByText('Leave empty to keep the stored certificate and key', { exact: false }).waitFor();
    await edit.getByTestId('client-tls-stored').getByText('CN=hookrelay').waitFor();
    assert.equal(await edit.getByLabel('Header 1 value', { exact: true }).inputValue(), '****');
    await edit.getByLabel('Name', { exact: true }).fill('Ledger, renamed');
    await edit.getByLabel('Max concurrency').fill('3');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'hidden' });
    await page.getByRole('heading', { level: 1, name: 'Ledger, renamed' }).waitFor();
    assert.deepEqual(patches.at(-1), { name: 'Ledger, renamed', maxConcurrency: 3 });

    // Every token issued so far revoked: the next attempt's 401 makes the worker fetch a new one with the stored secret.
    const before = tokens.requestsOf('form-client').length;
    tokens.valid.clear();
    const event = await sendEvent(svc, 'ledger.posted', { amount: 8 });
    const d = await delivered(event.deliveries[0].id);
    assert.equal(d.attempts.length, 1, 'one attempt: the refresh on 401 happened within it');
    assert.ok(tokens.requestsOf('form-client').length > before, 'a new token was fetched with the stored client secret');
    assert.equal(receiver.requests.at(-1)!.clientCertificate, 'hookrelay', 'the stored certificate and key still present');
    assert.equal(receiver.requests.at(-1)!.headers['x-api-key'], 'k-0c9f2e', 'the masked header kept its value');
  });

  it('shows an API validation error beside the field it names', STEP, async () => {
    await page.getByRole('button', { name: 'Edit' }).click();
    const edit = page.getByRole('dialog', { name: 'Edit subscription' });
    await edit.getByText('FIFO', { exact: true }).click();
    const key = edit.getByLabel('Ordering key');
    await key.fill('jobId');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await eventually(
      async () => ((await key.getAttribute('aria-invalid')) === 'true' ? true : undefined),
      10_000,
      'the field marked invalid',
    );
    assert.match(await describedError(page, key), /must be a JSON pointer into the event data/);
    assert.notEqual(await edit.getByLabel('Endpoint URL').getAttribute('aria-invalid'), 'true', 'only the named field is marked');
    await screenshot(page, 'form-03-field-error');
    // Changing OAuth2 settings without the secret is caught before the request: the API would replace auth whole.
    await key.fill('/jobId');
    await edit.getByLabel('Scope').fill('ledger.admin');
    const sent = patches.length;
    await edit.getByRole('button', { name: 'Save changes' }).click();
    const secret = edit.getByLabel('Client secret');
    await eventually(
      async () => ((await secret.getAttribute('aria-invalid')) === 'true' ? true : undefined),
      10_000,
      'the secret asked for',
    );
    assert.match(await describedError(page, secret), /needed to change auth/);
    assert.equal(patches.length, sent, 'nothing was sent');
    await edit.getByRole('button', { name: 'Cancel' }).click();
    const sub = (await svc.api('GET', `/v1/subscriptions/${subId}`)).body;
    assert.deepEqual([sub.ordering, sub.auth.scope], ['none', 'ledger.write']);
  });

  it('shows the ed25519 public key and the JWKS address of an ed25519 subscription', STEP, async () => {
    const created = await svc.api('POST', '/v1/subscriptions', {
      url: 'http://127.0.0.1:9/ed',
      events: ['ledger.posted'],
      ping: false,
      signature: { scheme: 'ed25519' },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    await page.goto(`/console/subscriptions/${created.body.id}`);
    const keys = page.getByRole('region', { name: 'Verification keys' });
    assert.equal(await keys.getByTestId('public-key').textContent(), created.body.signature.publicKey);
    const href = (await keys.getByTestId('jwks-link').getAttribute('href')) ?? '';
    assert.equal(href, `${svc.baseUrl}/v1/subscriptions/${created.body.id}/jwks`);
    const jwks = (await svc.api('GET', new URL(href).pathname)).body as { keys: { kty: string; crv: string }[] };
    assert.deepEqual(
      jwks.keys.map((k) => [k.kty, k.crv]),
      [['OKP', 'Ed25519']],
    );
    await page.goto(`/console/subscriptions/${subId}`);
    await page.getByRole('heading', { level: 1, name: 'Ledger, renamed' }).waitFor();
    assert.equal(await page.getByRole('region', { name: 'Verification keys' }).count(), 0, 'no keys for an HMAC scheme');
    assert.deepEqual(pageErrors(page), []);
  });
});
