import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

const PREFIX = 'v1';
/** `v1.<8 hex key id>.<12-byte iv>.<16-byte tag>.<ciphertext>`, base64url parts. */
const SEALED = /^v1\.[0-9a-f]{8}\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]*$/;

/**
 * AES-256-GCM for secrets at rest. A sealed value names the key that sealed it, so SECRETS_KEY can be rotated:
 * the old key goes to SECRETS_KEY_PREVIOUS, values still open, and `npm run secrets:reencrypt` reseals them.
 * Format: `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
export class SecretBox {
  private readonly keys = new Map<string, Buffer>();
  private readonly currentId: string;

  constructor(currentHex: string, previousHex: string[] = []) {
    this.currentId = this.add(currentHex);
    for (const hex of previousHex) this.add(hex);
  }

  private add(hex: string): string {
    const key = Buffer.from(hex, 'hex');
    if (key.length !== 32) throw new Error('a secrets key must be 32 bytes (64 hex characters)');
    const id = createHash('sha256').update(key).digest('hex').slice(0, 8);
    this.keys.set(id, key);
    return id;
  }

  seal(plain: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.currentId)!, iv);
    const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [PREFIX, this.currentId, iv.toString('base64url'), cipher.getAuthTag().toString('base64url'), ct.toString('base64url')].join(
      '.',
    );
  }

  /** The id of the key new values are sealed with (8 hex characters). */
  get currentKeyId(): string {
    return this.currentId;
  }

  /** The id of the key that sealed `sealed` (whether or not this box holds it). */
  static keyIdOf(sealed: string): string | undefined {
    return sealed.split('.')[1];
  }

  /** Whether `value` has the shape of a sealed value (a stored header is sealed or plain; this tells which). */
  static isSealed(value: string): boolean {
    return SEALED.test(value);
  }

  open(sealed: string): string {
    const [prefix, id, iv, tag, ct] = sealed.split('.');
    const key = id ? this.keys.get(id) : undefined;
    if (prefix !== PREFIX || !key || !iv || !tag || ct === undefined) {
      throw new Error(`cannot open a secret sealed with key ${id ?? '?'}: is SECRETS_KEY (or SECRETS_KEY_PREVIOUS) right?`);
    }
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(ct, 'base64url')), decipher.final()]).toString('utf8');
  }
}
