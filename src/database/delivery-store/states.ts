import { END_STATES } from '../../policy/delivery-states.js';

/** SQL: the end states as a list for `status IN ...` / `status NOT IN ...`. */
export const ENDED = `(${END_STATES.map((s) => `'${s}'`).join(', ')})`;

/** SQL: the delivery row `row` has not ended. */
export const unended = (row?: string) => `${row ? `${row}.` : ''}status NOT IN ${ENDED}`;
