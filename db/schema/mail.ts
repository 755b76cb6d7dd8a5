import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, tstz } from "./columns";
import { users } from "./auth";
import { messages, tickets } from "./tickets";

export const notificationChannel = pgEnum("notification_channel", ["email", "in_app"]);
export const notificationStatus = pgEnum("notification_status", ["pending", "sent", "failed", "read"]);

/**
 * The e-mail outbox and the in-app inbox in one table. Rows are written in the same transaction as
 * the change they announce; a sender delivers e-mail rows later, so nothing is lost to a crash.
 */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    channel: notificationChannel().notNull(),
    type: text().notNull(),
    recipientId: uuid().references(() => users.id, { onDelete: "cascade" }),
    toAddress: text(),
    subject: text().notNull(),
    text: text().notNull(),
    html: text(),
    link: text(),
    /**
     * The mail carries a live single-use link (verification, reset, invite). Once a real provider has
     * delivered it, the sender redacts the link from text and html, so no usable link stays at rest.
     */
    sensitive: boolean().notNull().default(false),
    ticketId: uuid().references(() => tickets.id, { onDelete: "set null" }),
    /** Message-ID we put on the mail, so that a reply's In-Reply-To finds its ticket. */
    emailMessageId: text(),
    status: notificationStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: tstz().notNull().defaultNow(),
    providerId: text(),
    error: text(),
    createdAt: createdAt(),
    sentAt: tstz(),
    readAt: tstz(),
  },
  (t) => [
    index("notifications_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending' AND ${t.channel} = 'email'`),
    index("notifications_inbox_idx").on(t.recipientId, t.channel, t.createdAt.desc()),
    // The admin mailbox, newest first with the id as tie-break (its keyset order), read backwards:
    // drizzle writes .desc() as DESC NULLS LAST, which ORDER BY … DESC (NULLS FIRST) cannot use.
    index("notifications_created_idx").on(t.channel, t.createdAt, t.id),
    uniqueIndex("notifications_email_message_id_key").on(t.emailMessageId),
  ],
);

export const inboundOutcome = pgEnum("inbound_outcome", ["created", "appended", "ignored_loop", "rejected", "failed"]);

export const inboundEmails = pgTable(
  "inbound_emails",
  {
    id: id(),
    messageId: text().notNull(),
    fromAddress: text().notNull(),
    toAddress: text().notNull().default(""),
    subject: text().notNull().default(""),
    receivedAt: createdAt(),
    payload: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    ticketId: uuid().references(() => tickets.id, { onDelete: "set null" }),
    resultMessageId: uuid().references(() => messages.id, { onDelete: "set null" }),
    outcome: inboundOutcome().notNull(),
    reason: text(),
  },
  (t) => [uniqueIndex("inbound_emails_message_id_key").on(t.messageId)],
);
