import { Global, Module } from '@nestjs/common';
import { Config } from '../app-config.token.js';
import { SecretBox } from './secret-box.js';

@Global()
@Module({
  providers: [{ provide: SecretBox, inject: [Config], useFactory: (c: Config) => new SecretBox(c.secretsKey, c.previousSecretsKeys) }],
  exports: [SecretBox],
})
export class SecretsModule {}
