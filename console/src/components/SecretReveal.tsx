import { ShownOnce } from './ShownOnce';

/** A signing secret, shown this once: the API never returns it again. */
export function SecretReveal({ secret, onClose, title }: { secret: string | null; onClose: () => void; title: string }) {
  return (
    <ShownOnce
      value={secret}
      title={title}
      warning="Copy this signing secret now: it is shown only once. Your receiver verifies signatures with it."
      copyLabel="Copy secret"
      testId="secret"
      footnote="Lost it? Rotate the secret to get a new one."
      onClose={onClose}
    />
  );
}
