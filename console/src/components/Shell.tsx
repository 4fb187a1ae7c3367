import { AppShell, Badge, Burger, Button, Group, NavLink, Text } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { NavLink as RouterLink, useLocation } from 'react-router';
import classes from './Shell.module.css';

const SECTIONS = [
  { to: '/', label: 'Home', end: true },
  { to: '/subscriptions', label: 'Subscriptions', end: false },
  { to: '/deliveries', label: 'Deliveries', end: false },
  { to: '/events', label: 'Events', end: false },
  { to: '/event-types', label: 'Event types', end: false },
  // Replays need scope manage, keys and links scope admin: a portal link never has them.
  { to: '/replays', label: 'Replays', end: false, keyOnly: true },
  { to: '/api-keys', label: 'API keys', end: false, keyOnly: true },
  { to: '/portal-links', label: 'Portal links', end: false, keyOnly: true },
];

/**
 * Header, navigation (a drawer behind a menu button on a phone) and the page. Through a portal link there is
 * nothing to sign out to: the header says it is a portal, and whether read-only.
 */
export function Shell({ children, onSignOut, portal }: { children: ReactNode; onSignOut?: () => void; portal?: { readOnly: boolean } }) {
  const [opened, { toggle, close }] = useDisclosure();
  const { pathname } = useLocation();
  // Folded away on a phone, the navigation is also out of the Tab order and hidden from screen readers.
  const phone = useMediaQuery('(max-width: 47.99em)');
  const folded = phone === true && !opened;

  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <a href="#main" className={classes.skip}>
        Skip to content
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={opened}
              aria-controls="navigation"
            />
            <Text fw={700} size="lg" component="span">
              hookrelay
            </Text>
          </Group>
          {portal ? (
            <Badge variant="light" color={portal.readOnly ? 'gray' : 'indigo'} data-testid="portal-mode">
              {portal.readOnly ? 'Portal · read-only' : 'Portal'}
            </Badge>
          ) : (
            <Button variant="default" size="xs" onClick={onSignOut}>
              Sign out
            </Button>
          )}
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" id="navigation" aria-label="Sections" component="nav" style={folded ? { visibility: 'hidden' } : undefined}>
        {SECTIONS.filter((s) => !(portal && s.keyOnly)).map((s) => (
          <NavLink
            key={s.to}
            component={RouterLink}
            to={s.to}
            end={s.end}
            label={s.label}
            onClick={close}
            active={s.end ? pathname === s.to : pathname.startsWith(s.to)}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main id="main" component="main">
        {children}
      </AppShell.Main>
    </AppShell>
  );
}
