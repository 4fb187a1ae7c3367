import { Group, PasswordInput, SegmentedControl, Stack, Input, Text, TextInput, type PasswordInputProps } from '@mantine/core';
import { useId } from 'react';
import type { AuthType, FieldErrors, FormState } from './form-state';

const TYPES: { value: AuthType; label: string }[] = [
  { value: 'none', label: 'None' },
  { value: 'basic', label: 'Basic' },
  { value: 'bearer', label: 'Bearer token' },
  { value: 'oauth2', label: 'OAuth2' },
];

/** A write-only value. Mantine's PasswordInput leaves out the aria links to its error and description: added here. */
function SecretInput(props: PasswordInputProps) {
  const id = useId();
  const describedBy = [props.error && `${id}-error`, props.description && `${id}-description`].filter(Boolean).join(' ');
  return (
    <PasswordInput
      {...props}
      id={id}
      aria-invalid={Boolean(props.error)}
      aria-describedby={describedBy || undefined}
      autoComplete="new-password"
    />
  );
}

/**
 * How requests authenticate to the receiver. Secrets are write-only: on edit they start empty, and left empty
 * (with nothing else of auth changed) the stored ones stay.
 */
export function AuthFields({
  state,
  set,
  errors,
  storedType,
}: {
  state: FormState;
  set: (patch: Partial<FormState>) => void;
  errors: FieldErrors;
  /** The auth the subscription has now, when editing one. */
  storedType: AuthType | null;
}) {
  const keep = storedType !== null && storedType === state.authType;
  const secretHint = keep
    ? 'Write-only. Leave empty to keep the stored one (only if nothing else of auth changes).'
    : 'Write-only: never shown again.';
  return (
    <Stack gap="sm">
      <Input.Wrapper label="Authentication" error={errors['auth']}>
        <SegmentedControl
          aria-label="Authentication"
          data={TYPES}
          value={state.authType}
          onChange={(v) => set({ authType: v })}
          fullWidth
          mt={4}
        />
      </Input.Wrapper>
      {state.authType === 'basic' && (
        <Group grow align="flex-start">
          <TextInput
            label="User"
            value={state.username}
            onChange={(e) => set({ username: e.currentTarget.value })}
            error={errors['auth.username']}
          />
          <SecretInput
            label="Password"
            description={secretHint}
            value={state.password}
            onChange={(e) => set({ password: e.currentTarget.value })}
            error={errors['auth.password']}
          />
        </Group>
      )}
      {state.authType === 'bearer' && (
        <SecretInput
          label="Token"
          description={secretHint}
          value={state.token}
          onChange={(e) => set({ token: e.currentTarget.value })}
          error={errors['auth.token']}
        />
      )}
      {state.authType === 'oauth2' && (
        <>
          <Text size="xs" c="dimmed">
            Client-credentials grant: the service asks the token endpoint for a token, caches it and sends it as a bearer token.
          </Text>
          <TextInput
            label="Token URL"
            placeholder="https://auth.example.com/oauth/token"
            value={state.tokenUrl}
            onChange={(e) => set({ tokenUrl: e.currentTarget.value })}
            error={errors['auth.tokenUrl']}
          />
          <Group grow align="flex-start">
            <TextInput
              label="Client ID"
              value={state.clientId}
              onChange={(e) => set({ clientId: e.currentTarget.value })}
              error={errors['auth.clientId']}
            />
            <SecretInput
              label="Client secret"
              description={secretHint}
              value={state.clientSecret}
              onChange={(e) => set({ clientSecret: e.currentTarget.value })}
              error={errors['auth.clientSecret']}
            />
          </Group>
          <Group grow align="flex-start">
            <TextInput
              label="Scope"
              description="Optional"
              value={state.scope}
              onChange={(e) => set({ scope: e.currentTarget.value })}
              error={errors['auth.scope']}
            />
            <TextInput
              label="Audience"
              description="Optional"
              value={state.audience}
              onChange={(e) => set({ audience: e.currentTarget.value })}
              error={errors['auth.audience']}
            />
          </Group>
        </>
      )}
    </Stack>
  );
}
