CREATE TABLE "desk_agent_days" (
	"day" date NOT NULL,
	"agent_id" uuid NOT NULL,
	"closes" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "desk_agent_days_day_agent_id_pk" PRIMARY KEY("day","agent_id")
);
--> statement-breakpoint
CREATE TABLE "desk_days" (
	"day" date PRIMARY KEY NOT NULL,
	"opened" integer DEFAULT 0 NOT NULL,
	"closed" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "desk_durations" (
	"day" date NOT NULL,
	"assignee_id" uuid NOT NULL,
	"response_secs" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"resolution_secs" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	CONSTRAINT "desk_durations_day_assignee_id_pk" PRIMARY KEY("day","assignee_id")
);
--> statement-breakpoint
DROP INDEX "ticket_history_status_idx";--> statement-breakpoint
DROP INDEX "tickets_assignee_closed_idx";--> statement-breakpoint
DROP INDEX "tickets_assignee_response_idx";--> statement-breakpoint
DROP INDEX "ticket_history_left_final_idx";--> statement-breakpoint
DROP INDEX "tickets_active_idx";--> statement-breakpoint
CREATE INDEX "ticket_history_closes_idx" ON "ticket_history" USING btree ("ticket_id","created_at","actor_id","id") WHERE "ticket_history"."field" = 'status' AND "ticket_history"."action" = 'closed';--> statement-breakpoint
CREATE INDEX "ticket_history_left_final_idx" ON "ticket_history" USING btree ("created_at","ticket_id","id","action") WHERE "ticket_history"."field" = 'status' AND "ticket_history"."old_value" IN ('closed', 'wont_fix');--> statement-breakpoint
CREATE INDEX "tickets_active_idx" ON "tickets" USING btree ("assignee_id","status","escalated","priority","created_at") WHERE "tickets"."type" = 'support' AND "tickets"."status" IN ('open', 'in_progress', 'waiting_for_customer');