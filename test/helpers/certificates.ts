import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** PEM files made by `openssl` in a temp dir: two CAs, a server certificate and client certificates. */
export interface TestCertificates {
  dir: string;
  /** The CA that signed the server's and the client's certificates. */
  caCert: string;
  /** A CA that signed nothing the frontend presents. */
  otherCaCert: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  /** A key of another client: does not match `clientCert`. */
  otherClientKey: string;
  /** A client certificate and its key signed by `otherCaCert`: a receiver trusting `caCert` refuses it. */
  foreignClientCert: string;
  foreignClientKey: string;
}

const openssl = (args: string[], cwd: string) => execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });

/** A P-256 key (`name.key`) and a signing request for `cn` (`name.csr`) in `dir`. */
function keyAndRequest(dir: string, name: string, cn: string): void {
  openssl(
    [
      'req',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.csr`,
      '-subj',
      `/CN=${cn}`,
    ],
    dir,
  );
}

/** A P-256 key and a certificate for `cn`, signed by the CA `ca` (its `.pem` and `.key` in `dir`). */
function issue(dir: string, name: string, cn: string, ca: string, extensions: string): void {
  writeFileSync(join(dir, `${name}.ext`), extensions);
  keyAndRequest(dir, name, cn);
  openssl(
    [
      'x509',
      '-req',
      '-in',
      `${name}.csr`,
      '-CA',
      `${ca}.pem`,
      '-CAkey',
      `${ca}.key`,
      '-CAcreateserial',
      '-days',
      '2',
      '-out',
      `${name}.pem`,
      '-extfile',
      `${name}.ext`,
    ],
    dir,
  );
}

function authority(dir: string, name: string): void {
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      `${name}.key`,
      '-out',
      `${name}.pem`,
      '-days',
      '2',
      '-subj',
      `/CN=${name}`,
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
}

export function makeCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'hookrelay-tls-'));
  authority(dir, 'ca');
  authority(dir, 'other-ca');
  issue(dir, 'server', 'localhost', 'ca', 'subjectAltName=DNS:localhost,IP:127.0.0.1\nextendedKeyUsage=serverAuth\n');
  issue(dir, 'client', 'hookrelay', 'ca', 'extendedKeyUsage=clientAuth\n');
  issue(dir, 'other-client', 'someone-else', 'ca', 'extendedKeyUsage=clientAuth\n');
  issue(dir, 'foreign-client', 'foreigner', 'other-ca', 'extendedKeyUsage=clientAuth\n');
  const at = (f: string) => join(dir, f);
  return {
    dir,
    caCert: at('ca.pem'),
    otherCaCert: at('other-ca.pem'),
    serverCert: at('server.pem'),
    serverKey: at('server.key'),
    clientCert: at('client.pem'),
    clientKey: at('client.key'),
    otherClientKey: at('other-client.key'),
    foreignClientCert: at('foreign-client.pem'),
    foreignClientKey: at('foreign-client.key'),
  };
}

/** `YYYYMMDDHHMMSSZ`, the time format of `openssl ca -startdate/-enddate`. */
const opensslTime = (at: Date) =>
  at
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, 'Z');

/**
 * A client certificate (PEM text) for `cn` that ends exactly at `notAfter` (to the second), with its key:
 * `openssl ca` can set the end date, which `x509 -days` cannot. Signed by a CA of its own.
 */
export function clientCertificateUntil(notAfter: Date, cn: string): { certificate: string; privateKey: string } {
  const dir = mkdtempSync(join(tmpdir(), 'hookrelay-tls-until-'));
  authority(dir, 'ca');
  writeFileSync(
    join(dir, 'ca.cnf'),
    '[ca]\ndefault_ca = test\n[test]\ndatabase = index.txt\nnew_certs_dir = .\nserial = serial\ndefault_md = sha256\npolicy = any\nunique_subject = no\n[any]\ncommonName = supplied\n',
  );
  writeFileSync(join(dir, 'index.txt'), '');
  writeFileSync(join(dir, 'serial'), '01\n');
  writeFileSync(join(dir, 'client.ext'), 'extendedKeyUsage=clientAuth\n');
  keyAndRequest(dir, 'client', cn);
  openssl(
    [
      'ca',
      '-batch',
      '-config',
      'ca.cnf',
      '-cert',
      'ca.pem',
      '-keyfile',
      'ca.key',
      '-in',
      'client.csr',
      '-out',
      'client.pem',
      '-notext',
      '-startdate',
      opensslTime(new Date(Date.now() - 3600_000)),
      '-enddate',
      opensslTime(notAfter),
      '-extfile',
      'client.ext',
    ],
    dir,
  );
  return { certificate: readFileSync(join(dir, 'client.pem'), 'utf8'), privateKey: readFileSync(join(dir, 'client.key'), 'utf8') };
}
