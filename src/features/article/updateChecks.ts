/**
 * How often an open, visible story asks the newsroom whether it has changed. A check of an
 * unchanged story is a conditional request answered 304 with no body (a few hundred bytes of
 * headers), so a few minutes costs next to nothing, and a story a reader keeps open is never
 * more than a few minutes behind.
 */
export const UPDATE_CHECK_MS = 3 * 60_000;
