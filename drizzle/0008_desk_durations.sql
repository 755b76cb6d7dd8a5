CREATE TABLE "desk_durations" (
	"day" date NOT NULL,
	"assignee_id" uuid NOT NULL,
	"response_secs" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	"resolution_secs" bigint[] DEFAULT '{}'::bigint[] NOT NULL,
	CONSTRAINT "desk_durations_day_assignee_id_pk" PRIMARY KEY("day","assignee_id")
);
