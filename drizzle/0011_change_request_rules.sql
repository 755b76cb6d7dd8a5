ALTER TYPE "public"."item_validation" ADD VALUE 'warning';--> statement-breakpoint
ALTER TABLE "ticket_items" ADD COLUMN "position" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "ticket_items" ADD COLUMN "validation_message" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "rejected_by_id" uuid;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "implementation_plan" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "backout_plan" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "rolled_back_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "rollback_reason" text;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_rejected_by_id_users_id_fk" FOREIGN KEY ("rejected_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_approver_not_requester" CHECK ("tickets"."approved_by_id" IS NULL OR "tickets"."approved_by_id" <> "tickets"."requester_id");--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_rejecter_not_requester" CHECK ("tickets"."rejected_by_id" IS NULL OR "tickets"."rejected_by_id" <> "tickets"."requester_id");