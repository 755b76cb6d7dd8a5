/**
 * A duration in seconds as people read it: "45 s", "14 min", "2 h 14 min", "3 d 4 h". Null (no data)
 * is an em dash. Rounded down to the unit shown, so "2 h 14 min" never means 2 h 15 min.
 */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return "—";
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return hours % 24 ? `${days} d ${hours % 24} h` : `${days} d`;
}

/** A percentage with one decimal at most ("12.5 %", "0 %"), or an em dash. */
export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined) return "—";
  return `${Number.isInteger(value) ? value : value.toFixed(1)} %`;
}

const dayLabel = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** "2025-03-07" → "7 Mar". */
export function formatDay(isoDay: string): string {
  return dayLabel.format(new Date(`${isoDay}T00:00:00Z`));
}

const counts = new Intl.NumberFormat("en");

/** A count with thousands separators ("45,941"). */
export function formatCount(value: number): string {
  return counts.format(value);
}
