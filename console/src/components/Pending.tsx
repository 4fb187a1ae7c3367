import { Loader } from '@mantine/core';
import type { ApiError } from '../api/client';
import { ErrorNote } from './ErrorNote';
import { PageTitle } from './PageTitle';

/** A detail page whose resource has not arrived: the error that stopped it, or a loader. */
export function Pending({ title, error }: { title: string; error: ApiError | undefined }) {
  if (!error) return <Loader size="sm" aria-label="Loading" />;
  return (
    <>
      <PageTitle>{title}</PageTitle>
      <ErrorNote error={error} />
    </>
  );
}
