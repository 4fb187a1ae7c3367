import { Alert, Anchor, Card, Code, Group, Loader, SimpleGrid, Stack } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { apiCall } from '../api/client';
import { canManage } from '../api/session';
import { attentionReason } from '../api/subscriptions';
import type { Subscription } from '../api/types';
import { useResource } from '../api/use-resource';
import { DeliveryLog } from '../components/DeliveryLog';
import { ErrorNote } from '../components/ErrorNote';
import { Field } from '../components/Field';
import { LinesPanel } from '../components/LinesPanel';
import { PageTitle } from '../components/PageTitle';
import { RecoverWindow } from '../components/RecoverWindow';
import { StatusBadge } from '../components/StatusBadge';
import { SubscriptionActions } from '../components/SubscriptionActions';
import { TestSend } from '../components/TestSend';
import { Time } from '../components/Time';
import { VerificationKeys } from '../components/VerificationKeys';

function authSummary(auth: Subscription['auth']): string {
  if (!auth) return 'none';
  if (auth.type === 'basic') return `basic, user ${auth.username}`;
  if (auth.type === 'bearer') return 'bearer token';
  return `OAuth2, client ${auth.clientId} at ${auth.tokenUrl}`;
}

/** One subscription: what it is, what to do with it, and what was delivered to it. */
export function SubscriptionPage() {
  const { id = '' } = useParams();
  const [override, setOverride] = useState<Subscription>();
  const loaded = useResource(() => apiCall<Subscription>('GET', `/v1/subscriptions/${id}`), [id]);
  // Bumped after a test or a recover, so the log shows the new deliveries at once.
  const [logKey, setLogKey] = useState(0);
  const sub = override?.id === id ? override : loaded.data;

  if (loaded.error) {
    return (
      <>
        <PageTitle>Subscription</PageTitle>
        <ErrorNote error={loaded.error} />
        <Anchor component={Link} to="/subscriptions">
          Back to subscriptions
        </Anchor>
      </>
    );
  }
  if (!sub) return <Loader size="sm" aria-label="Loading" />;
  const reason = attentionReason(sub);
  const manage = canManage();

  return (
    <>
      <PageTitle>{sub.name}</PageTitle>
      <Stack gap="lg">
        <Group justify="space-between" wrap="wrap">
          <Group gap="xs">
            <StatusBadge status={sub.status} />
            <Code>{sub.id}</Code>
          </Group>
          {manage && <SubscriptionActions sub={sub} onChanged={(s) => (s ? setOverride(s) : loaded.reload())} />}
        </Group>
        {reason && sub.status === 'active' && (
          <Alert color="orange" role="status">
            Needs attention: {reason}
          </Alert>
        )}
        <Card withBorder component="section" aria-label="Settings">
          <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} component="dl" m={0}>
            <Field label="URL">{sub.url}</Field>
            <Field label="Events">{sub.events.join(', ')}</Field>
            <Field label="Payload format">{sub.payloadFormat}</Field>
            <Field label="Signature">{sub.signature.scheme}</Field>
            <Field label="Timeout">{sub.timeoutMs} ms</Field>
            <Field label="Retry schedule (s)">{sub.retrySchedule.join(', ') || 'none'}</Field>
            <Field label="Filter">{sub.filter ? JSON.stringify(sub.filter) : 'none'}</Field>
            <Field label="Headers">
              {Object.keys(sub.headers).length
                ? Object.entries(sub.headers)
                    .map(([k, v]) => `${k}: ${v}`)
                    .join(', ')
                : 'none'}
            </Field>
            <Field label="Authentication">{authSummary(sub.auth)}</Field>
            <Field label="Ordering">
              {sub.ordering === 'fifo' ? `FIFO${sub.orderingKey ? ` by ${sub.orderingKey}` : ', one line'}` : 'any order'}
            </Field>
            <Field label="Rate limit">{sub.rateLimit ? `${sub.rateLimit.perSecond}/s, burst ${sub.rateLimit.burst}` : 'none'}</Field>
            <Field label="Max concurrency">{sub.maxConcurrency ?? 'no limit'}</Field>
            <Field label="Trace context">{sub.traceContext ? 'sent' : 'not sent'}</Field>
            <Field label="Client certificate">
              {sub.clientTls ? (
                <>
                  {sub.clientTls.subject}, expires <Time iso={sub.clientTls.expiresAt} />
                </>
              ) : (
                'none'
              )}
            </Field>
            {sub.ordering === 'fifo' && <Field label="FIFO on failure">{sub.fifoOnFailure}</Field>}
            <Field label="Transform">{sub.transform ?? 'none'}</Field>
            <Field label="Circuit">{`${sub.circuit.state}, ${sub.circuit.consecutiveFailures} failures in a row`}</Field>
            {sub.disabledReason && <Field label="Disabled because">{sub.disabledReason}</Field>}
          </SimpleGrid>
        </Card>
        <VerificationKeys sub={sub} />
        {manage && <TestSend subscriptionId={sub.id} onSent={() => setLogKey((k) => k + 1)} />}
        {sub.ordering === 'fifo' && <LinesPanel subscriptionId={sub.id} manage={manage} onSkipped={() => setLogKey((k) => k + 1)} />}
        <DeliveryLog subscriptionId={sub.id} refreshKey={logKey} />
        {manage && <RecoverWindow subscriptionId={sub.id} onRecovered={() => setLogKey((k) => k + 1)} />}
      </Stack>
    </>
  );
}
