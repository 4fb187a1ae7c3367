import { Command } from 'commander';
import { clientFor } from '../globals.js';
import { commaList, integer } from '../input.js';
import { deliveryLine } from '../listen/delivery-line.js';
import { ensureListenSubscription, listenSubscriptionName, refusedUrlHint } from '../listen/listen-subscription.js';
import { RelayServer } from '../listen/relay-server.js';

interface ListenOptions {
  forwardTo: string;
  events: string[];
  port: number;
  name: string;
  keep: boolean;
}

// The subscription's default attempt timeout is 15 s: answer 504 before it, so the attempt records why.
const FORWARD_TIMEOUT_MS = 14_000;

export function listenCommand(): Command {
  return new Command('listen')
    .description(
      'relay deliveries to a local app: serves an endpoint on 127.0.0.1, subscribes it, verifies each signature, ' +
        "forwards the request and answers the service with the app's status. Ctrl-C deletes the subscription (--keep pauses it).",
    )
    .requiredOption('--forward-to <url>', 'your app, e.g. http://localhost:8080/hooks')
    .option('--events <types>', 'event types or patterns, comma-separated', commaList)
    .option('--port <n>', 'local port to serve (default: a free one)', integer, 0)
    .option('--name <name>', 'subscription name, to find it again', listenSubscriptionName())
    .option('--keep', 'on exit, pause the subscription instead of deleting it; the next listen resumes it with what it held', false)
    .addHelpText('after', '\nNeeds a service that may deliver to this machine over http (the embedded default `npm start` may).')
    .action(async (o: ListenOptions, c: Command) => {
      new URL(o.forwardTo); // a malformed URL fails here, before anything is created
      const client = clientFor(c);
      const relay = new RelayServer({
        host: '127.0.0.1',
        port: o.port,
        forwardTo: o.forwardTo,
        forwardTimeoutMs: FORWARD_TIMEOUT_MS,
        onDelivery: (d) => console.log(deliveryLine(d)),
      });
      const url = await relay.listen();
      const events = o.events?.length ? o.events : ['*'];
      let listening;
      try {
        listening = await ensureListenSubscription(client, o.name, url, events);
      } catch (err) {
        await relay.close();
        const hint = refusedUrlHint(err);
        if (hint) console.error(hint);
        throw err;
      }
      relay.useSecret(listening.secret);
      const { subscription } = listening;
      console.log(
        [
          `${listening.reused ? 'Reusing' : 'Created'} subscription ${subscription.id} (${subscription.name}) for ${events.join(', ')}`,
          `Relaying ${url} -> ${o.forwardTo}`,
          `Signing secret: ${listening.secret}`,
          `Ready. Ctrl-C to stop (the subscription will be ${o.keep ? 'paused' : 'deleted'}).`,
        ].join('\n'),
      );

      await new Promise<void>((resolve) => {
        const stop = () => resolve();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await relay.close();
      if (o.keep) {
        await client.subscriptions.pause(subscription.id);
        console.log(`Paused subscription ${subscription.id} (${subscription.name}): what comes meanwhile is held for the next listen.`);
      } else {
        await client.subscriptions.delete(subscription.id);
        console.log(`Deleted subscription ${subscription.id} (${subscription.name}).`);
      }
    });
}
