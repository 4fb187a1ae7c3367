import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageTitle } from '../components/PageTitle';

export function NotFoundPage() {
  return (
    <>
      <PageTitle>Not found</PageTitle>
      <Text>
        No such page.{' '}
        <Anchor component={Link} to="/">
          Go home
        </Anchor>
        .
      </Text>
    </>
  );
}
