DROP INDEX "tickets_queue_idx";--> statement-breakpoint
DROP INDEX "tickets_created_idx";--> statement-breakpoint
DROP INDEX "tickets_closed_idx";--> statement-breakpoint
CREATE INDEX "ticket_history_status_idx" ON "ticket_history" USING btree ("created_at","action","actor_id","ticket_number","id") WHERE "ticket_history"."field" = 'status' AND "ticket_history"."action" IN ('closed', 'reopened');--> statement-breakpoint
CREATE INDEX "tickets_priority_idx" ON "tickets" USING btree ("type",(CASE "priority" WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END),"created_at","id");--> statement-breakpoint
CREATE INDEX "tickets_first_response_idx" ON "tickets" USING btree ("first_response_at","created_at","assignee_id") WHERE "tickets"."type" = 'support';--> statement-breakpoint
CREATE INDEX "tickets_active_idx" ON "tickets" USING btree ("assignee_id","status") WHERE "tickets"."type" = 'support' AND "tickets"."status" IN ('open', 'in_progress', 'waiting_for_customer');--> statement-breakpoint
CREATE INDEX "tickets_queue_idx" ON "tickets" USING btree ("status","escalated",(CASE "priority" WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END),"created_at","id");--> statement-breakpoint
CREATE INDEX "tickets_created_idx" ON "tickets" USING btree ("type","created_at","id");--> statement-breakpoint
CREATE INDEX "tickets_closed_idx" ON "tickets" USING btree ("closed_at","created_at","assignee_id") WHERE "tickets"."type" = 'support';