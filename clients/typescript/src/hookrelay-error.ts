/** One field the service refused, as named in a problem's `errors`. */
export interface FieldError {
  field: string;
  message: string;
}

/** An RFC 9457 problem, as the service answers every error. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors: FieldError[];
}

/** The service answered with an error status (4xx or 5xx); carries its problem+json. */
export class HookrelayError extends Error {
  override readonly name = 'HookrelayError';
  readonly status: number;
  readonly title: string;
  readonly detail: string;
  readonly errors: FieldError[];
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ? `${problem.status} ${problem.title}: ${problem.detail}` : `${problem.status} ${problem.title}`);
    this.problem = problem;
    this.status = problem.status;
    this.title = problem.title;
    this.detail = problem.detail;
    this.errors = problem.errors;
  }

  /** Builds the error from whatever body came back: a problem, other JSON, text or nothing. */
  static fromResponse(status: number, statusText: string, body: unknown): HookrelayError {
    const b = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
    const errors = Array.isArray(b['errors'])
      ? b['errors'].filter(
          (e): e is FieldError => typeof e === 'object' && e !== null && typeof e.field === 'string' && typeof e.message === 'string',
        )
      : [];
    return new HookrelayError({
      type: typeof b['type'] === 'string' ? b['type'] : 'about:blank',
      title: typeof b['title'] === 'string' ? b['title'] : statusText || `HTTP ${status}`,
      status,
      detail: typeof b['detail'] === 'string' ? b['detail'] : typeof body === 'string' ? body.slice(0, 500) : '',
      errors,
    });
  }
}

/** The service could not be reached (connection refused, DNS, reset, timeout), after the client's retries. */
export class HookrelayConnectionError extends Error {
  override readonly name = 'HookrelayConnectionError';
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(`cannot reach ${url}: ${describeNetworkError(cause)}`, { cause });
  }
}

/** fetch reports network failures as `TypeError('fetch failed')` with the socket error as its cause. */
export function describeNetworkError(err: unknown): string {
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause : err;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    return typeof code === 'string' ? `${code} (${cause.message})` : cause.message;
  }
  return String(cause);
}
