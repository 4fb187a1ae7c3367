import { z } from 'zod';

export const jwkSetResponse = z.object({
  keys: z
    .array(
      z.object({
        kty: z.literal('OKP'),
        crv: z.literal('Ed25519'),
        x: z.string().describe('base64url of the 32-byte public key (the same key as `whpk_`)'),
        kid: z.string().describe('RFC 7638 thumbprint (SHA-256) of the key: stable while the key is'),
        use: z.literal('sig'),
        alg: z.literal('EdDSA'),
      }),
    )
    .describe('The current key first, then the previous one while a rotation grace runs; empty for the shared-secret schemes'),
});
