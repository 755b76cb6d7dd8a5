-- Desk-statistics rollups (db/schema/stats.ts), kept by the database so that no write path is missed.
-- The triggers are deferred constraint triggers: they run at commit, so the hot row (today's
-- desk_days) is locked for the commit only, not for the rest of the writing transaction. Each
-- applies "minus the old row, plus the new row", so any change (close, reopen, admin edit, delete,
-- several changes in one transaction) keeps the counts exact.
CREATE FUNCTION desk_days_add(d date, opened_by integer, closed_by integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO desk_days AS t (day, opened, closed) VALUES (d, opened_by, closed_by)
  ON CONFLICT (day) DO UPDATE SET opened = t.opened + excluded.opened, closed = t.closed + excluded.closed
$$;
--> statement-breakpoint
CREATE FUNCTION tickets_count_desk_days() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Only closed_at changed (a close, a reopen, a re-close): one or two rows, not four.
  IF TG_OP = 'UPDATE' AND OLD.type = NEW.type AND OLD.created_at = NEW.created_at THEN
    IF NEW.type = 'support' THEN
      IF OLD.closed_at IS NOT NULL THEN PERFORM desk_days_add((OLD.closed_at AT TIME ZONE 'UTC')::date, 0, -1); END IF;
      IF NEW.closed_at IS NOT NULL THEN PERFORM desk_days_add((NEW.closed_at AT TIME ZONE 'UTC')::date, 0, 1); END IF;
    END IF;
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' AND OLD.type = 'support' THEN
    PERFORM desk_days_add((OLD.created_at AT TIME ZONE 'UTC')::date, -1, 0);
    IF OLD.closed_at IS NOT NULL THEN PERFORM desk_days_add((OLD.closed_at AT TIME ZONE 'UTC')::date, 0, -1); END IF;
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.type = 'support' THEN
    PERFORM desk_days_add((NEW.created_at AT TIME ZONE 'UTC')::date, 1, 0);
    IF NEW.closed_at IS NOT NULL THEN PERFORM desk_days_add((NEW.closed_at AT TIME ZONE 'UTC')::date, 0, 1); END IF;
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER tickets_desk_days_insert AFTER INSERT ON tickets
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tickets_count_desk_days();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER tickets_desk_days_update AFTER UPDATE ON tickets
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.type IS DISTINCT FROM NEW.type OR OLD.created_at IS DISTINCT FROM NEW.created_at OR OLD.closed_at IS DISTINCT FROM NEW.closed_at)
  EXECUTE FUNCTION tickets_count_desk_days();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER tickets_desk_days_delete AFTER DELETE ON tickets
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION tickets_count_desk_days();
--> statement-breakpoint
CREATE FUNCTION desk_agent_days_add(d date, agent uuid, by integer) RETURNS void LANGUAGE sql AS $$
  INSERT INTO desk_agent_days AS a (day, agent_id, closes) VALUES (d, agent, by)
  ON CONFLICT (day, agent_id) DO UPDATE SET closes = a.closes + excluded.closes
$$;
--> statement-breakpoint
CREATE FUNCTION ticket_history_count_closes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' AND OLD.field = 'status' AND OLD.action = 'closed' AND OLD.actor_id IS NOT NULL THEN
    PERFORM desk_agent_days_add((OLD.created_at AT TIME ZONE 'UTC')::date, OLD.actor_id, -1);
  END IF;
  IF TG_OP <> 'DELETE' AND NEW.field = 'status' AND NEW.action = 'closed' AND NEW.actor_id IS NOT NULL THEN
    PERFORM desk_agent_days_add((NEW.created_at AT TIME ZONE 'UTC')::date, NEW.actor_id, 1);
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ticket_history_closes_insert AFTER INSERT ON ticket_history
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NEW.field = 'status' AND NEW.action = 'closed')
  EXECUTE FUNCTION ticket_history_count_closes();
--> statement-breakpoint
-- History is append-only, but a deleted user's rows get actor_id set null (and a row could be
-- removed by hand): count those changes too.
CREATE CONSTRAINT TRIGGER ticket_history_closes_update AFTER UPDATE ON ticket_history
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.field = 'status' AND OLD.action = 'closed' OR NEW.field = 'status' AND NEW.action = 'closed')
    AND (OLD.actor_id, OLD.created_at, OLD.field, OLD.action) IS DISTINCT FROM (NEW.actor_id, NEW.created_at, NEW.field, NEW.action))
  EXECUTE FUNCTION ticket_history_count_closes();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER ticket_history_closes_delete AFTER DELETE ON ticket_history
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.field = 'status' AND OLD.action = 'closed')
  EXECUTE FUNCTION ticket_history_count_closes();
--> statement-breakpoint
-- From scratch: used below for existing data, and by the bench after its bulk load (triggers off).
CREATE FUNCTION rebuild_desk_stats() RETURNS void LANGUAGE sql AS $$
  DELETE FROM desk_days;
  DELETE FROM desk_agent_days;
  INSERT INTO desk_days (day, opened, closed)
    SELECT day, sum(opened), sum(closed) FROM (
      SELECT (created_at AT TIME ZONE 'UTC')::date AS day, 1 AS opened, 0 AS closed FROM tickets WHERE type = 'support'
      UNION ALL
      SELECT (closed_at AT TIME ZONE 'UTC')::date, 0, 1 FROM tickets WHERE type = 'support' AND closed_at IS NOT NULL
    ) x GROUP BY day;
  INSERT INTO desk_agent_days (day, agent_id, closes)
    SELECT (created_at AT TIME ZONE 'UTC')::date, actor_id, count(*) FROM ticket_history
    WHERE field = 'status' AND action = 'closed' AND actor_id IS NOT NULL
    GROUP BY 1, 2;
$$;
--> statement-breakpoint
SELECT rebuild_desk_stats();
