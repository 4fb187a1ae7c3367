import { Alert, Container, Text, Title } from '@mantine/core';
import { useEffect } from 'react';

/**
 * A portal link that no longer works (expired, revoked, or opened without its token). There is no key form here:
 * whoever gave the link makes new ones.
 */
export function PortalEndedPage() {
  useEffect(() => {
    document.title = 'Link expired · hookrelay';
  }, []);
  return (
    <Container size={480} py={64} component="main">
      <Title order={1} ta="center" mb="lg">
        This link has expired
      </Title>
      <Alert color="yellow" role="status">
        <Text size="sm">Portal links work for a limited time. Go back to the page that opened this console to get a new link.</Text>
      </Alert>
    </Container>
  );
}
