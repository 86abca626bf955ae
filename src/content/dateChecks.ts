/**
 * What the schema checks a date against, apart from the dates module the pages use: only the
 * parser needs these, and it is loaded lazily (src/content/queries.ts), so they stay out of the
 * JavaScript a story page loads before it is interactive.
 */
import { parsePartialDate } from './dates';

/** Patterns the JSON Schema publishes; the calendar checks below go further. */
export const PARTIAL_DATE_PATTERN =
  '^(?:\\d{4}-W\\d{2}|\\d{4}(?:-\\d{2}(?:-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2}))?)?)?)$';
export const DATE_OR_DATETIME_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}(?:T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2}))?$';
export const DATETIME_PATTERN =
  '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?(?:Z|[+-]\\d{2}:\\d{2})$';

export function isPartialDate(value: string): boolean {
  return parsePartialDate(value) !== null;
}

export function isDateOrDateTime(value: string): boolean {
  const date = parsePartialDate(value);
  return date !== null && (date.precision === 'day' || date.precision === 'datetime');
}

export function isDateTime(value: string): boolean {
  return parsePartialDate(value)?.precision === 'datetime';
}
