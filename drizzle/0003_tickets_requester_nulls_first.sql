DROP INDEX "tickets_requester_idx";--> statement-breakpoint
CREATE INDEX "tickets_requester_idx" ON "tickets" USING btree ("requester_id","last_activity_at" DESC NULLS FIRST,"id");