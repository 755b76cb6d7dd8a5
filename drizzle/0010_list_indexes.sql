DROP INDEX "tickets_department_idx";--> statement-breakpoint
DROP INDEX "orders_client_idx";--> statement-breakpoint
DROP INDEX "notifications_created_idx";--> statement-breakpoint
CREATE INDEX "invoices_unpaid_idx" ON "invoices" USING btree ("number","due_on") WHERE "invoices"."status" = 'unpaid';--> statement-breakpoint
CREATE INDEX "orders_ordered_idx" ON "orders" USING btree ("ordered_at","id");--> statement-breakpoint
CREATE INDEX "orders_service_idx" ON "orders" USING btree ("service_id");--> statement-breakpoint
CREATE INDEX "tickets_department_activity_idx" ON "tickets" USING btree ("department_id","type","last_activity_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "tickets_assignee_activity_idx" ON "tickets" USING btree ("assignee_id","type","last_activity_at" DESC NULLS FIRST,"id");--> statement-breakpoint
CREATE INDEX "tickets_my_work_idx" ON "tickets" USING btree ("assignee_id",(CASE "priority" WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END),"created_at","id") WHERE "tickets"."type" = 'support' AND "tickets"."status" IN ('open', 'in_progress', 'waiting_for_customer');--> statement-breakpoint
CREATE INDEX "tickets_open_work_idx" ON "tickets" USING btree ("last_activity_at" DESC NULLS FIRST,"id") WHERE "tickets"."type" = 'support' AND ("tickets"."status" IN ('open', 'in_progress', 'waiting_for_customer') OR "tickets"."assignee_id" IS NULL);--> statement-breakpoint
CREATE INDEX "orders_client_idx" ON "orders" USING btree ("client_id","ordered_at","id");--> statement-breakpoint
CREATE INDEX "notifications_created_idx" ON "notifications" USING btree ("channel","created_at","id");