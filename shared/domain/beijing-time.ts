// Beijing time (Asia/Shanghai, UTC+8 all year, no daylight saving) for day keys and human-readable times.

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

function shifted(at: Date): string {
  return new Date(at.getTime() + BEIJING_OFFSET_MS).toISOString();
}

/** The Beijing calendar day of an instant, as YYYYMMDD. */
export function beijingDayKey(at: Date): string {
  return shifted(at).slice(0, 10).replaceAll('-', '');
}

/** The Beijing calendar day of an instant, as YYYY-MM-DD. */
export function beijingDate(at: Date): string {
  return shifted(at).slice(0, 10);
}

/** "2026-11-24 17:30" in Beijing time, for reasons and messages people read. */
export function formatBeijingTime(iso: string): string {
  const s = shifted(new Date(iso));
  return `${s.slice(0, 10)} ${s.slice(11, 16)}`;
}
