import { describe, expect, it } from "vitest";
import { formatTicketNumber, parseTicketNumber, TICKET_NUMBER_RE, ticketDay } from "./numbering";

describe("ticket numbers", () => {
  it("use the UTC day of the request", () => {
    expect(ticketDay(new Date("2025-11-15T23:59:59.999Z"))).toBe("20251115");
    expect(ticketDay(new Date("2025-11-16T00:00:00.000Z"))).toBe("20251116");
    expect(ticketDay(new Date("2025-11-16T00:30:00.000+01:00"))).toBe("20251115");
  });

  it("pad the sequence to four digits and grow past 9999", () => {
    expect(formatTicketNumber("20251115", 1)).toBe("TKT-20251115-0001");
    expect(formatTicketNumber("20251115", 9999)).toBe("TKT-20251115-9999");
    expect(formatTicketNumber("20251115", 10000)).toBe("TKT-20251115-10000");
    expect(TICKET_NUMBER_RE.test(formatTicketNumber("20251115", 10000))).toBe(true);
  });

  it("parse what people type", () => {
    expect(parseTicketNumber("TKT-20251115-0001")).toBe("TKT-20251115-0001");
    expect(parseTicketNumber("  tkt-20251115-7 ")).toBe("TKT-20251115-0007");
    expect(parseTicketNumber("TKT-20251115")).toBeNull();
    expect(parseTicketNumber("TKT-2025111-0001")).toBeNull();
    expect(parseTicketNumber("printer")).toBeNull();
  });
});
