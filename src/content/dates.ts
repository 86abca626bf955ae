/**
 * Partial dates, as the contract writes them: "2018", "2018-05", "2025-W13" (an ISO week),
 * "2018-05-08" or a full date-time with its zone. Each keeps its own precision, and nothing here goes through
 * `new Date(dateOnly)` for display: that is UTC midnight and reads as the day before in
 * the Americas. Formatting is done from the written fields, so a page reads the same in
 * every time zone and on the server that prerenders it.
 */

export type DatePrecision = 'year' | 'month' | 'week' | 'day' | 'datetime';

export interface PartialDate {
  /** The value exactly as written, for `<time datetime>`. */
  readonly iso: string;
  readonly precision: DatePrecision;
  /** For a week: the calendar date of its Monday, and its ISO number (`week`). */
  readonly year: number;
  readonly week?: number;
  readonly month?: number;
  readonly day?: number;
  readonly hour?: number;
  readonly minute?: number;
  /** Minutes east of UTC, for date-times. */
  readonly offsetMinutes?: number;
  /** The earliest instant the value can mean, read as UTC; used only to order dates. */
  readonly sortKey: number;
}

const PARTS =
  /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(Z|([+-])(\d{2}):(\d{2})))?)?)?$/;

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

/** Milliseconds in the Gregorian calendar's 400-year cycle, after which it repeats exactly. */
const CYCLE_MS = 146_097 * 86_400_000;

/** `Date.UTC`, except that years 1–99 are those years, not 1901–1999 as `Date.UTC` reads them. */
function utc(year: number, monthIndex: number, day = 1, hour = 0, minute = 0, second = 0): number {
  return year < 100
    ? Date.UTC(year + 400, monthIndex, day, hour, minute, second) - CYCLE_MS
    : Date.UTC(year, monthIndex, day, hour, minute, second);
}

function daysInMonth(year: number, month: number): number {
  return new Date(utc(year, month, 0)).getUTCDate();
}

const WEEK = /^(\d{4})-W(\d{2})$/;
const DAY_MS = 86_400_000;

/** The Monday of ISO week 1: the week that holds 4 January. */
function firstMonday(year: number): number {
  const january4 = utc(year, 0, 4);
  return january4 - ((new Date(january4).getUTCDay() + 6) % 7) * DAY_MS;
}

/**
 * "2025-W13", the ISO week (Monday to Sunday) as HTML's `<time datetime>` writes it. A year has 53
 * weeks when its 28 December falls in week 53; otherwise "W53" is not a real week.
 */
function parseWeek(value: string, y: string, w: string): PartialDate | null {
  const year = Number(y);
  const week = Number(w);
  if (year < 1 || week < 1 || week > 53) return null;
  const monday = firstMonday(year) + (week - 1) * 7 * DAY_MS;
  if (monday >= firstMonday(year + 1)) return null;
  const start = new Date(monday);
  return {
    iso: value,
    precision: 'week',
    year: start.getUTCFullYear(),
    month: start.getUTCMonth() + 1,
    day: start.getUTCDate(),
    week,
    sortKey: monday,
  };
}

/** Reads a partial date, or returns null when it is not one (`2025-13-45`, `March 2025`, `2025-W54`). */
export function parsePartialDate(value: string): PartialDate | null {
  const week = WEEK.exec(value);
  if (week?.[1] !== undefined && week[2] !== undefined) return parseWeek(value, week[1], week[2]);
  const m = PARTS.exec(value);
  if (!m) return null;
  const [, y, mo, d, h, mi, s, zone, sign, oh, om] = m;
  const year = Number(y);
  if (year < 1) return null;
  if (mo === undefined) {
    return { iso: value, precision: 'year', year, sortKey: utc(year, 0, 1) };
  }
  const month = Number(mo);
  if (month < 1 || month > 12) return null;
  if (d === undefined) {
    return { iso: value, precision: 'month', year, month, sortKey: utc(year, month - 1, 1) };
  }
  const day = Number(d);
  if (day < 1 || day > daysInMonth(year, month)) return null;
  if (h === undefined || mi === undefined || zone === undefined) {
    return { iso: value, precision: 'day', year, month, day, sortKey: utc(year, month - 1, day) };
  }
  const hour = Number(h);
  const minute = Number(mi);
  const second = s === undefined ? 0 : Number(s);
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (zone !== 'Z') {
    const offH = Number(oh);
    const offM = Number(om);
    if (offH > 14 || offM > 59) return null;
    offsetMinutes = (sign === '-' ? -1 : 1) * (offH * 60 + offM);
  }
  const sortKey = utc(year, month - 1, day, hour, minute, second) - offsetMinutes * 60_000;
  return { iso: value, precision: 'datetime', year, month, day, hour, minute, offsetMinutes, sortKey };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function zoneLabel(offsetMinutes: number): string {
  if (offsetMinutes === 0) return 'GMT';
  const sign = offsetMinutes > 0 ? '+' : '-';
  const abs = Math.abs(offsetMinutes);
  const minutes = abs % 60;
  return `GMT${sign}${Math.floor(abs / 60)}${minutes ? `:${pad(minutes)}` : ''}`;
}

/**
 * "2018", "May 2018", "Week of 24 March 2025", "8 May 2018", or "20 March 2025, 18:30 GMT" for a date-time, shown at
 * the offset it was written with: the source's own clock, the same for every reader.
 */
export function formatPartialDate(date: PartialDate): string {
  const monthName = date.month === undefined ? undefined : MONTHS[date.month - 1];
  if (date.precision === 'year' || monthName === undefined) return String(date.year);
  if (date.precision === 'month' || date.day === undefined) return `${monthName} ${date.year}`;
  const day = `${date.day} ${monthName} ${date.year}`;
  if (date.precision === 'week') return `Week of ${day}`;
  if (date.precision === 'day') return day;
  return `${day}, ${pad(date.hour ?? 0)}:${pad(date.minute ?? 0)} ${zoneLabel(date.offsetMinutes ?? 0)}`;
}

/** Formats a value already checked by the parser; an unreadable one shows nothing. */
export function formatDateString(value: string): string {
  const date = parsePartialDate(value);
  return date ? formatPartialDate(date) : '';
}

export function compareDates(a: PartialDate, b: PartialDate): number {
  return a.sortKey - b.sortKey;
}

/** True when `later` begins after the whole of `earlier` has begun: used for "Updated". */
export function isLater(later: string, earlier: string): boolean {
  const a = parsePartialDate(later);
  const b = parsePartialDate(earlier);
  return a !== null && b !== null && a.sortKey > b.sortKey;
}

/** The first instant after the whole of the value: the next year, month or day, or just after a date-time. */
export function endKey(date: PartialDate): number {
  switch (date.precision) {
    case 'year':
      return utc(date.year + 1, 0, 1);
    case 'month':
      return utc(date.year, date.month ?? 12, 1);
    case 'week':
      return date.sortKey + 7 * DAY_MS;
    case 'day':
      return date.sortKey + DAY_MS;
    case 'datetime':
      return date.sortKey + 1;
  }
}

/**
 * Whether the whole of a date is behind the reader, at `now` (milliseconds, their clock). A
 * date-time is an instant; a day, week, month or year has no zone, so it ends at midnight on the
 * reader's own wall clock: "24 March" is over for a reader in Los Angeles when their 25 March begins.
 */
export function hasPassed(date: PartialDate, now: number): boolean {
  if (date.precision === 'datetime') return now >= endKey(date);
  const wallClock = now - new Date(now).getTimezoneOffset() * 60_000;
  return wallClock >= endKey(date);
}

/** The day part of a date or date-time, as written: "20 March 2025" (for "as of …"). */
export function formatDay(value: string): string {
  return formatDateString(value.slice(0, 10));
}

/** The time of a date-time at the offset it was written with ("16:05 GMT"); '' for any other value. */
export function formatTime(value: string): string {
  const date = parsePartialDate(value);
  if (date?.precision !== 'datetime') return '';
  return `${pad(date.hour ?? 0)}:${pad(date.minute ?? 0)} ${zoneLabel(date.offsetMinutes ?? 0)}`;
}
