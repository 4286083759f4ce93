import { datelineText, isoWithOffset, shortDateText } from '../server/src/utils/dates';

const HCM = 'Asia/Ho_Chi_Minh';

describe('datelineText', () => {
  it.each([
    // One week, Sunday to Saturday, at 15:20 in Hà Nội (08:20 UTC).
    ['2020-01-19T08:20:00Z', 'Chủ Nhật, 19/01/2020 15:20'],
    ['2020-01-20T08:20:00Z', 'Thứ Hai, 20/01/2020 15:20'],
    ['2020-01-21T08:20:00Z', 'Thứ Ba, 21/01/2020 15:20'],
    ['2020-01-22T08:20:00Z', 'Thứ Tư, 22/01/2020 15:20'],
    ['2020-01-23T08:20:00Z', 'Thứ Năm, 23/01/2020 15:20'],
    ['2020-01-24T08:20:00Z', 'Thứ Sáu, 24/01/2020 15:20'],
    ['2020-01-25T08:20:00Z', 'Thứ Bảy, 25/01/2020 15:20'],
    // Still Tuesday in UTC, already Wednesday in Hà Nội.
    ['2020-01-21T17:30:00Z', 'Thứ Tư, 22/01/2020 00:30'],
    // New Year's Eve in UTC is New Year's Day there.
    ['2023-12-31T20:05:00Z', 'Thứ Hai, 01/01/2024 03:05'],
    ['2024-02-29T00:00:00Z', 'Thứ Năm, 29/02/2024 07:00'],
  ])('%s → %s', (iso, expected) => {
    expect(datelineText(new Date(iso), 'vi', HCM)).toBe(expected);
  });

  it.each([
    ['en', 'Wednesday, 22/01/2020 15:20'],
    ['fr', 'Wednesday, 22/01/2020 15:20'],
    ['vi-VN', 'Thứ Tư, 22/01/2020 15:20'],
  ])('locale %s', (locale, expected) => {
    expect(datelineText(new Date('2020-01-22T08:20:00Z'), locale, HCM)).toBe(expected);
  });

  it('follows the time zone it is given, not the host', () => {
    expect(datelineText(new Date('2020-01-22T08:20:00Z'), 'vi', 'UTC')).toBe('Thứ Tư, 22/01/2020 08:20');
    expect(datelineText(new Date('2020-01-22T02:00:00Z'), 'vi', 'America/New_York')).toBe('Thứ Ba, 21/01/2020 21:00');
  });
});

describe('shortDateText and isoWithOffset', () => {
  it.each([
    ['2019-07-24T01:21:00Z', HCM, '24/07/2019 08:21', '2019-07-24T08:21:00+07:00'],
    ['2020-01-21T17:30:45Z', HCM, '22/01/2020 00:30', '2020-01-22T00:30:45+07:00'],
    ['2020-07-01T12:00:00Z', 'America/New_York', '01/07/2020 08:00', '2020-07-01T08:00:00-04:00'],
    ['2020-07-01T12:00:00Z', 'Asia/Kolkata', '01/07/2020 17:30', '2020-07-01T17:30:00+05:30'],
  ])('%s in %s', (iso, zone, short, withOffset) => {
    expect(shortDateText(new Date(iso), zone)).toBe(short);
    expect(isoWithOffset(new Date(iso), zone)).toBe(withOffset);
    expect(new Date(isoWithOffset(new Date(iso), zone)).getTime()).toBe(Math.floor(new Date(iso).getTime() / 1000) * 1000);
  });
});
