import { createHash } from 'node:crypto';

/** API keys are high-entropy random strings, so a plain SHA-256 is the right at-rest form (no salt needed). */
export const hashApiKey = (key: string) => createHash('sha256').update(key, 'utf8').digest('hex');
