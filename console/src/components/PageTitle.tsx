import { Title } from '@mantine/core';
import { useEffect, useRef } from 'react';

/**
 * The page's one h1; it also names the browser tab and takes focus on arrival, so a screen reader announces the
 * new page after client-side navigation.
 */
export function PageTitle({ children }: { children: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${children} · hookrelay`;
    ref.current?.focus({ preventScroll: true });
  }, [children]);
  return (
    <Title order={1} size="h2" mb="md" ref={ref} tabIndex={-1} style={{ outline: 'none' }}>
      {children}
    </Title>
  );
}
