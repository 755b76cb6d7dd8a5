import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "./errors";
import {
  CONTROL_CHARS_MESSAGE,
  cursorTime,
  DATE_RANGE_MESSAGE,
  isSafeText,
  isUuid,
  LINE_BREAK_MESSAGE,
  parseInput,
  replaceUnsafe,
  safeDate,
  safeLine,
  safeText,
  searchText,
  uuid,
} from "./input";

/** What hostile forms send: each must end as a field error, never reach the database. */
const CONTROL = ["\u0000", "a\u0000b", "\u0001", "\u0007", "\u0008", "\u000b", "\u000c", "\u001b[31m", "\u001f", "\u007f", "\u0085", "\u009f"];
const LONE_SURROGATES = ["\ud800", "a\udfffb", "\udc00\ud800"];

const firstMessage = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  return r.success ? null : r.error.issues[0]!.message;
};

describe("safeText", () => {
  it.each([...CONTROL, ...LONE_SURROGATES])("refuses %j with a field error saying why", (value) => {
    expect(firstMessage(safeText(), `Hello ${value} world`)).toBe(CONTROL_CHARS_MESSAGE);
    expect(isSafeText(value)).toBe(false);
  });

  it("keeps tab, line breaks, accents, emoji and right-to-left text; trims the ends", () => {
    const text = "Zeile 1\r\n\tZeile 2 — Überweisung ✓ 🎉 مرحبا";
    expect(safeText().parse(`  ${text}  `)).toBe(text);
    expect(isSafeText(text)).toBe(true);
  });

  it("keeps the field's own length rules and messages", () => {
    const title = safeLine().min(3, "Too short.").max(5, "Too long.");
    expect(firstMessage(title, "ab")).toBe("Too short.");
    expect(firstMessage(title, "abcdef")).toBe("Too long.");
    expect(title.parse(" abc ")).toBe("abc");
  });

  it("refuses what is not text", () => {
    expect(safeText().safeParse(42).success).toBe(false);
    expect(safeText().safeParse({ toString: () => "x" }).success).toBe(false);
  });
});

describe("safeLine", () => {
  it("refuses line breaks, which a title or a name never has", () => {
    expect(firstMessage(safeLine(), "one\ntwo")).toBe(LINE_BREAK_MESSAGE);
    expect(firstMessage(safeLine(), "one\rtwo")).toBe(LINE_BREAK_MESSAGE);
    expect(firstMessage(safeLine(), "a\u0000")).toBe(CONTROL_CHARS_MESSAGE);
    expect(safeLine().parse("one\ttab")).toBe("one\ttab");
  });
});

describe("safeDate", () => {
  const date = safeDate("Enter a date like 2025-01-31.");

  it.each(["1900-01-01", "2024-02-29", "2025-12-31", "2999-12-31"])("accepts %s", (value) => {
    expect(date.parse(value)).toBe(value);
  });

  it.each(["0000-01-01", "0001-01-01", "1899-12-31", "3000-01-01"])("refuses %s (PostgreSQL or sense would)", (value) => {
    expect(firstMessage(date, value)).toBe(DATE_RANGE_MESSAGE);
  });

  it.each(["99999-01-01", "2025-02-30", "2023-02-29", "2025-13-01", "2025-1-1", "", "2025-01-01\u0000", "2025-01-01T00:00:00Z"])(
    "refuses the malformed or impossible %j",
    (value) => {
      expect(firstMessage(date, value)).toBe("Enter a date like 2025-01-31.");
    },
  );
});

describe("cursorTime", () => {
  it("accepts the instants lists write, to the microsecond", () => {
    expect(cursorTime.safeParse("2025-06-01T12:34:56.123456Z").success).toBe(true);
    expect(cursorTime.safeParse("2025-06-01T12:34:56.123Z").success).toBe(true);
  });

  it.each(["2025-13-01T00:00:00.000Z", "2025-06-01T24:00:00.000Z", "0000-01-01T00:00:00.000Z", "yesterday", "2025-06-01"])("refuses %s", (value) => {
    expect(cursorTime.safeParse(value).success).toBe(false);
  });
});

describe("the id check", () => {
  it("accepts what PostgreSQL accepts as a uuid, in either case", () => {
    expect(isUuid("0b9e2f4c-1d2e-4f5a-8b6c-7d8e9f0a1b2c")).toBe(true);
    expect(isUuid("0B9E2F4C-1D2E-4F5A-8B6C-7D8E9F0A1B2C")).toBe(true);
  });

  it.each(["", "-".repeat(36), "0b9e2f4c1d2e4f5a8b6c7d8e9f0a1b2c", "0b9e2f4c-1d2e-4f5a-8b6c-7d8e9f0a1b2", "1;DROP TABLE tickets", "0b9e2f4c-1d2e-4f5a-8b6c-7d8e9f0a1b2c\u0000", undefined, 42])(
    "refuses %j",
    (value) => {
      expect(isUuid(value)).toBe(false);
      expect(firstMessage(uuid("Choose a department."), value)).toBe("Choose a department.");
    },
  );
});

describe("replaceUnsafe", () => {
  it("replaces each control character and lone surrogate with U+FFFD and keeps the rest", () => {
    expect(replaceUnsafe("a\u0000b\u007f\ud800c\tline\r\n🎉")).toBe("a\uFFFDb\uFFFD\uFFFDc\tline\r\n🎉");
  });
});

describe("searchText", () => {
  it("never fails on control characters (the list matches nothing instead) but caps the length", () => {
    expect(searchText(10).parse("  \u0000  ")).toBe("\u0000");
    expect(searchText(10).safeParse("x".repeat(11)).success).toBe(false);
  });
});

describe("parseInput", () => {
  const schema = z.object({ title: safeLine().min(1, "Enter a title."), body: safeText() }).strict();

  it("returns the parsed output", () => {
    expect(parseInput(schema, { title: " Hi ", body: "x" })).toEqual({ title: "Hi", body: "x" });
  });

  it("throws AppError invalid with one message per field", () => {
    const error = (() => {
      try {
        parseInput(schema, { title: "", body: "a\u0000" });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "invalid", message: "Check the highlighted fields.", fieldErrors: { title: "Enter a title.", body: CONTROL_CHARS_MESSAGE } });
  });

  it("says unknown keys in one form message (and only that, when it is the only problem)", () => {
    expect(() => parseInput(schema, { title: "a", body: "b", assigneeId: "x" })).toThrow("The form sent fields it may not set.");
  });
});
