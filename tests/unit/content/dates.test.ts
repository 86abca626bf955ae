// @vitest-environment node
/**
 * The dates module formats from the written fields, never through the reader's clock. This file
 * runs once per time zone (see the `projects` in vite.config.ts) and expects the same text in each.
 */
import { describe, expect, it } from 'vitest';
import {
  compareDates,
  endKey,
  formatDateString,
  formatPartialDate,
  hasPassed,
  isLater,
  parsePartialDate,
  type PartialDate,
} from '../../../src/content/dates';
import { isDateOrDateTime, isDateTime } from '../../../src/content/dateChecks';

function parsed(value: string): PartialDate {
  const date = parsePartialDate(value);
  if (!date) throw new Error(`"${value}" should be a partial date`);
  return date;
}

/** Offsets (minutes behind UTC, as getTimezoneOffset gives them) in January and July 2025. */
const ZONE_OFFSETS: Readonly<Record<string, readonly [number, number]>> = {
  UTC: [0, 0],
  'America/Los_Angeles': [480, 420],
  'Asia/Tehran': [-210, -210],
};

describe('the time zone this run is meant to prove', () => {
  it('is the one the project sets, not the machine’s', () => {
    const zone = process.env.TZ ?? 'UTC';
    const offsets = ZONE_OFFSETS[zone];
    expect(offsets, `no expected offsets for TZ=${zone}`).toBeDefined();
    expect([new Date(2025, 0, 15).getTimezoneOffset(), new Date(2025, 6, 15).getTimezoneOffset()]).toEqual(offsets);
  });
});

describe('formatting each precision', () => {
  it('shows a year as the year alone', () => {
    expect(formatDateString('2018')).toBe('2018');
  });

  it('never turns a year into its first day', () => {
    expect(formatDateString('2018')).not.toMatch(/January|\b1\b/);
  });

  it('shows a month as month and year', () => {
    expect(formatDateString('2019-07')).toBe('July 2019');
  });

  it('shows a day as day, month and year, on that very day', () => {
    expect(formatDateString('2025-03-20')).toBe('20 March 2025');
  });

  it('shows the first day of a year as that day, not the last day of the year before', () => {
    expect(formatDateString('2025-01-01')).toBe('1 January 2025');
  });

  it('shows a UTC date-time at GMT', () => {
    expect(formatDateString('2025-03-20T18:30:00Z')).toBe('20 March 2025, 18:30 GMT');
  });

  it('shows a date-time at the offset it was written with, even when that is another day in UTC', () => {
    expect(formatDateString('2025-03-20T23:30:00-04:00')).toBe('20 March 2025, 23:30 GMT-4');
  });

  it('shows a half-hour offset with its minutes', () => {
    expect(formatDateString('2025-03-21T00:15:00+03:30')).toBe('21 March 2025, 00:15 GMT+3:30');
  });

  it('reads fractional seconds and shows the minute', () => {
    expect(formatDateString('2025-03-20T18:30:59.123Z')).toBe('20 March 2025, 18:30 GMT');
  });

  it('keeps the value exactly as written, for <time datetime>', () => {
    expect(parsed('2025-03-20T23:30:00-04:00').iso).toBe('2025-03-20T23:30:00-04:00');
  });

  it('formats an already parsed date the same way', () => {
    expect(formatPartialDate(parsed('2018-05-08'))).toBe('8 May 2018');
  });
});

describe('reading the precision', () => {
  it.each([
    ['2018', 'year'],
    ['2018-05', 'month'],
    ['2018-05-08', 'day'],
    ['2018-05-08T10:00Z', 'datetime'],
    ['2018-05-08T10:00:00+02:00', 'datetime'],
  ] as const)('reads %s as a %s', (value, precision) => {
    expect(parsed(value).precision).toBe(precision);
  });
});

describe('refusing what is not a real date', () => {
  it.each([
    ['2025-02-30', 'a day February does not have'],
    ['2025-13-45', 'month 13'],
    ['2025-00', 'month 0'],
    ['2025-04-31', 'a day April does not have'],
    ['2023-02-29', '29 February outside a leap year'],
    ['0000', 'year 0'],
    ['2025-03-20T24:00Z', 'hour 24'],
    ['2025-03-20T18:60Z', 'minute 60'],
    ['2025-03-20T18:30:00+15:00', 'an offset beyond 14 hours'],
    ['2025-03-20T18:30', 'a date-time with no zone'],
    ['2025-3-20', 'an unpadded month'],
    ['March 2025', 'words'],
    ['', 'nothing'],
  ])('refuses %s (%s)', (value) => {
    expect(parsePartialDate(value)).toBeNull();
  });

  it('accepts 29 February in a leap year', () => {
    expect(formatDateString('2024-02-29')).toBe('29 February 2024');
  });

  it('shows nothing for a value that is not a date', () => {
    expect(formatDateString('2025-13-45')).toBe('');
  });

  it('accepts only a day or a date-time where a full date is needed', () => {
    expect(['2025', '2025-03', '2025-03-20', '2025-03-20T18:30Z'].map(isDateOrDateTime)).toEqual([false, false, true, true]);
  });

  it('accepts only a date-time where a time is needed', () => {
    expect(['2025-03-20', '2025-03-20T18:30Z'].map(isDateTime)).toEqual([false, true]);
  });
});

describe('ordering', () => {
  it('puts a coarser date before the finer dates it contains', () => {
    const values = ['2018-05-08T10:00Z', '2018-05-08', '2018', '2018-05'];
    expect(values.map(parsed).sort(compareDates).map((date) => date.iso)).toEqual([
      '2018',
      '2018-05',
      '2018-05-08',
      '2018-05-08T10:00Z',
    ]);
  });

  it('orders date-times by the instant they name, whatever their offsets', () => {
    const values = ['2025-03-20T23:30:00-04:00', '2025-03-21T01:00:00Z', '2025-03-21T04:00:00+03:30'];
    // 00:30, 01:00 and 03:30 UTC on 21 March.
    expect(values.map(parsed).sort(compareDates).map((date) => date.iso)).toEqual([
      '2025-03-21T04:00:00+03:30',
      '2025-03-21T01:00:00Z',
      '2025-03-20T23:30:00-04:00',
    ]);
  });

  it('tells an update that is later than publication', () => {
    expect(isLater('2025-03-20T18:30:00Z', '2025-03-20')).toBe(true);
  });

  it('does not call an update at the same instant later', () => {
    expect(isLater('2025-03-20T22:30:00-04:00', '2025-03-21T02:30:00Z')).toBe(false);
  });

  it('does not call an unreadable date later', () => {
    expect(isLater('2025-13-45T00:00Z', '2025-03-20')).toBe(false);
  });
});

describe('endKey: the first instant after the whole of a date', () => {
  it('ends a year at the start of the next', () => {
    expect(endKey(parsed('2018'))).toBe(Date.UTC(2019, 0, 1));
  });

  it('ends a month at the start of the next', () => {
    expect(endKey(parsed('2025-02'))).toBe(Date.UTC(2025, 2, 1));
  });

  it('ends December at the start of the next year', () => {
    expect(endKey(parsed('2024-12'))).toBe(Date.UTC(2025, 0, 1));
  });

  it('ends a day at the next midnight', () => {
    expect(endKey(parsed('2025-03-20'))).toBe(Date.UTC(2025, 2, 21));
  });

  it('ends the last day of February in a leap year on 1 March', () => {
    expect(endKey(parsed('2024-02-29'))).toBe(Date.UTC(2024, 2, 1));
  });

  it('ends a date-time just after its instant', () => {
    expect(endKey(parsed('2025-03-20T18:30:00-04:00'))).toBe(Date.UTC(2025, 2, 20, 22, 30) + 1);
  });
});

describe('ISO weeks ("2025-W13")', () => {
  it('shows the week by its Monday, in every time zone', () => {
    expect(formatDateString('2025-W13')).toBe('Week of 24 March 2025');
    expect(parsed('2025-W13')).toMatchObject({ precision: 'week', week: 13, year: 2025, month: 3, day: 24 });
  });

  it('reads week 1 as the week holding 4 January, which may begin the year before', () => {
    expect(formatDateString('2025-W01')).toBe('Week of 30 December 2024');
    expect(formatDateString('2026-W01')).toBe('Week of 29 December 2025');
    expect(formatDateString('2021-W01')).toBe('Week of 4 January 2021');
  });

  it('knows which years have a week 53', () => {
    expect(formatDateString('2020-W53')).toBe('Week of 28 December 2020');
    expect(parsePartialDate('2025-W53')).toBeNull();
  });

  it.each(['2025-W00', '2025-W54', '2025-W1', '2025-w13', '2025-W13-1', '0000-W01'])('refuses "%s"', (value) => {
    expect(parsePartialDate(value)).toBeNull();
  });

  it('sorts at its Monday: after the Sunday before, before the Tuesday in it', () => {
    const dates = ['2025-03-25', '2025-W13', '2025-03-23', '2025-03'].map(parsed).sort(compareDates);
    expect(dates.map((date) => date.iso)).toEqual(['2025-03', '2025-03-23', '2025-W13', '2025-03-25']);
    expect(compareDates(parsed('2025-W13'), parsed('2025-03-24'))).toBe(0);
  });

  it('lasts seven days', () => {
    expect(endKey(parsed('2025-W13'))).toBe(Date.UTC(2025, 2, 31));
  });

  it('is not a `published` date: only events carry weeks', () => {
    expect(isDateOrDateTime('2025-W13')).toBe(false);
  });
});

describe('hasPassed(): a date behind the reader, on their own clock', () => {
  /** Noon, then the last minute, of a day on the reader's own wall clock (this run's time zone). */
  const localNoon = (year: number, month: number, day: number) => new Date(year, month - 1, day, 12).getTime();
  const localLastMinute = (year: number, month: number, day: number) => new Date(year, month - 1, day, 23, 59).getTime();

  it('holds a week open until the end of its Sunday, wherever the reader is', () => {
    const week = parsed('2025-W13');
    expect(hasPassed(week, localLastMinute(2025, 3, 30))).toBe(false);
    expect(hasPassed(week, localNoon(2025, 3, 31))).toBe(true);
  });

  it('holds a day open until the reader’s own midnight', () => {
    const day = parsed('2025-03-24');
    expect(hasPassed(day, localLastMinute(2025, 3, 24))).toBe(false);
    expect(hasPassed(day, new Date(2025, 2, 25, 0, 0).getTime())).toBe(true);
  });

  it('reads a date-time as the instant it is', () => {
    const talks = parsed('2025-03-24T15:00:00-04:00');
    expect(hasPassed(talks, Date.UTC(2025, 2, 24, 18, 59))).toBe(false);
    expect(hasPassed(talks, Date.UTC(2025, 2, 24, 19, 1))).toBe(true);
  });
});
