import { Button, CopyButton as MantineCopyButton, type ButtonProps } from '@mantine/core';

/** Copies `value` to the clipboard; says "Copied" for a moment after, so a person sees it worked. */
export function CopyButton({ value, label, size }: { value: string; label: string; size?: ButtonProps['size'] }) {
  return (
    <MantineCopyButton value={value}>
      {({ copied, copy }) => (
        <Button size={size} onClick={copy} color={copied ? 'teal' : undefined} variant={copied ? 'light' : 'filled'}>
          {copied ? 'Copied' : label}
        </Button>
      )}
    </MantineCopyButton>
  );
}
