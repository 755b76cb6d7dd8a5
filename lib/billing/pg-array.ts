/**
 * A PostgreSQL array literal ('{"a","b",NULL}') for one text parameter cast to an array type in SQL
 * (`${pgArray(ids)}::uuid[]`). One parameter instead of thousands: drizzle would spread a JS array
 * into a parameter list, and big multi-row statements spend their time building and shipping them.
 * Works the same on postgres.js and PGlite.
 */
export function pgArray(values: ReadonlyArray<string | number | null | undefined>): string {
  let out = "{";
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (i) out += ",";
    if (v === null || v === undefined) out += "NULL";
    else if (typeof v === "number") out += String(v);
    else out += `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
  }
  return `${out}}`;
}
