/** Weekdays as Vietnamese news sites print them; Sunday is "Chủ Nhật", not "Thứ" plus a number. */
const VI_WEEKDAYS = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const EN_WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

interface Parts {
  year: string;
  month: string;
  day: string;
  hour: string;
  minute: string;
  second: string;
  /** 0 = Sunday, in the given time zone. */
  weekday: number;
  /** Minutes east of UTC. */
  offset: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar fields of an instant in a time zone (formatToParts, never the host's local time). */
function partsOf(date: Date, timeZone: string): Parts {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(date).map((x) => [x.type, x.value])) as Record<string, string>;
  const local = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  const utc = Math.floor(date.getTime() / 1000) * 1000;
  return {
    year: p.year,
    month: p.month,
    day: p.day,
    hour: p.hour,
    minute: p.minute,
    second: p.second,
    weekday: new Date(Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day))).getUTCDay(),
    offset: Math.round((local - utc) / 60_000),
  };
}

/** "Thứ Tư, 22/01/2020 15:20" (vi) or "Wednesday, 22/01/2020 15:20" (other locales). */
export function datelineText(date: Date, locale: string, timeZone: string): string {
  const p = partsOf(date, timeZone);
  const weekday = (locale === 'vi' || locale.startsWith('vi-') ? VI_WEEKDAYS : EN_WEEKDAYS)[p.weekday];
  return `${weekday}, ${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** "24/07/2019 08:21", as in the "Tin khác" list. */
export function shortDateText(date: Date, timeZone: string): string {
  const p = partsOf(date, timeZone);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** "2020-01-22T15:20:00+07:00": local time with its offset, for structured data. */
export function isoWithOffset(date: Date, timeZone: string): string {
  const p = partsOf(date, timeZone);
  const sign = p.offset < 0 ? '-' : '+';
  const abs = Math.abs(p.offset);
  const offset = `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${offset}`;
}
