// The date a sentence names, counted from the report's date: "on Wednesday" is the last Wednesday on or before it,
// "yesterday" the day before, "March 9" in the report's year (or the year before, when that would be later than the
// report), "9 March 2022" and "2022-03-09" as written. No date named: the report's date.

import type { IsoDate } from "../model/types.ts";

const WEEKDAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
const MONTH =
  "(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?";

function iso(date: Date): IsoDate {
  return date.toISOString().slice(0, 10);
}

function utc(y: number, m: number, d: number): Date | undefined {
  const date = new Date(Date.UTC(y, m, d));
  return date.getUTCMonth() === m && date.getUTCDate() === d ? date : undefined;
}

function monthDay(
  month: string,
  day: number,
  year: number | undefined,
  published: Date | undefined,
): IsoDate | undefined {
  const m = MONTHS.indexOf(month.slice(0, 3).toLowerCase());
  if (m < 0) return undefined;
  if (year !== undefined) {
    const date = utc(year, m, day);
    return date ? iso(date) : undefined;
  }
  if (!published) return undefined;
  let date = utc(published.getUTCFullYear(), m, day);
  if (date && date > published) date = utc(published.getUTCFullYear() - 1, m, day);
  return date ? iso(date) : undefined;
}

/** The date the sentence names, else the report's date, else none. */
export function sentenceDate(sentence: string, published?: IsoDate): IsoDate | undefined {
  const pub = published ? new Date(`${published}T00:00:00Z`) : undefined;
  const isoMatch = /\b(\d{4})-(\d{2})-(\d{2})\b/.exec(sentence);
  if (isoMatch) {
    const date = utc(Number(isoMatch[1]), Number(isoMatch[2]) - 1, Number(isoMatch[3]));
    if (date) return iso(date);
  }
  const dayMonth = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}(?:,?\\s+(\\d{4}))?\\b`, "i").exec(sentence);
  if (dayMonth) {
    const found = monthDay(dayMonth[2]!, Number(dayMonth[1]), dayMonth[3] ? Number(dayMonth[3]) : undefined, pub);
    if (found) return found;
  }
  const monthFirst = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s+(\\d{4}))?`, "i").exec(sentence);
  if (monthFirst) {
    const found = monthDay(
      monthFirst[1]!,
      Number(monthFirst[2]),
      monthFirst[3] ? Number(monthFirst[3]) : undefined,
      pub,
    );
    if (found) return found;
  }
  if (!pub) return undefined;
  if (/\byesterday\b/i.test(sentence)) return iso(new Date(pub.getTime() - 86_400_000));
  const weekday = /\b(last\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)\b/i.exec(sentence);
  if (weekday) {
    const day = WEEKDAYS.indexOf(weekday[2]!.toLowerCase());
    let back = (pub.getUTCDay() - day + 7) % 7;
    if (back === 0 && weekday[1]) back = 7;
    return iso(new Date(pub.getTime() - back * 86_400_000));
  }
  return published;
}
