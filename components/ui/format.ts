const dateTime = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

/** Dates are shown in UTC with the zone named, so a server render and the reader agree. */
export function formatDateTime(d: Date | string | null | undefined): string {
  if (!d) return "—";
  return `${dateTime.format(typeof d === "string" ? new Date(d) : d)} UTC`;
}
