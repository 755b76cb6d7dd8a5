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
-- desk_durations: each support ticket's response and resolution time, in whole seconds, on the row
-- of its day and current assignee.
-- One occurrence of v taken out of a (the values are a multiset: two tickets can take as long).
CREATE FUNCTION desk_array_remove_one(a bigint[], v bigint) RETURNS bigint[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p IS NULL THEN a ELSE a[:p - 1] || a[p + 1:] END FROM array_position(a, v) AS p
$$;
--> statement-breakpoint
CREATE FUNCTION desk_durations_change(d date, agent uuid, measure text, secs bigint, by integer) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF by > 0 THEN
    INSERT INTO desk_durations AS x (day, assignee_id, response_secs, resolution_secs)
    VALUES (d, agent,
      CASE WHEN measure = 'response' THEN ARRAY[secs] ELSE '{}'::bigint[] END,
      CASE WHEN measure = 'resolution' THEN ARRAY[secs] ELSE '{}'::bigint[] END)
    ON CONFLICT (day, assignee_id) DO UPDATE SET
      response_secs = x.response_secs || excluded.response_secs,
      resolution_secs = x.resolution_secs || excluded.resolution_secs;
  ELSE
    UPDATE desk_durations SET
      response_secs = CASE WHEN measure = 'response' THEN desk_array_remove_one(response_secs, secs) ELSE response_secs END,
      resolution_secs = CASE WHEN measure = 'resolution' THEN desk_array_remove_one(resolution_secs, secs) ELSE resolution_secs END
    WHERE day = d AND assignee_id = agent;
  END IF;
END
$$;
--> statement-breakpoint
CREATE FUNCTION tickets_count_desk_durations() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  nobody CONSTANT uuid := '00000000-0000-0000-0000-000000000000';
  old_agent uuid;
  new_agent uuid;
  old_at timestamptz;
  new_at timestamptz;
  measure text;
BEGIN
  IF TG_OP <> 'INSERT' THEN old_agent := coalesce(OLD.assignee_id, nobody); END IF;
  IF TG_OP <> 'DELETE' THEN new_agent := coalesce(NEW.assignee_id, nobody); END IF;
  FOREACH measure IN ARRAY ARRAY['response', 'resolution'] LOOP
    old_at := NULL;
    new_at := NULL;
    IF TG_OP <> 'INSERT' AND OLD.type = 'support' THEN
      old_at := CASE WHEN measure = 'response' THEN OLD.first_response_at ELSE OLD.closed_at END;
    END IF;
    IF TG_OP <> 'DELETE' AND NEW.type = 'support' THEN
      new_at := CASE WHEN measure = 'response' THEN NEW.first_response_at ELSE NEW.closed_at END;
    END IF;
    -- unchanged for this measure: same moment, same start, same assignee
    CONTINUE WHEN old_at IS NOT DISTINCT FROM new_at AND old_agent IS NOT DISTINCT FROM new_agent
      AND (old_at IS NULL OR OLD.created_at = NEW.created_at);
    IF old_at IS NOT NULL THEN
      PERFORM desk_durations_change((old_at AT TIME ZONE 'UTC')::date, old_agent, measure,
        date_part('epoch', old_at - OLD.created_at)::bigint, -1);
    END IF;
    IF new_at IS NOT NULL THEN
      PERFORM desk_durations_change((new_at AT TIME ZONE 'UTC')::date, new_agent, measure,
        date_part('epoch', new_at - NEW.created_at)::bigint, 1);
    END IF;
  END LOOP;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER tickets_desk_durations_insert AFTER INSERT ON tickets
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (NEW.type = 'support' AND (NEW.first_response_at IS NOT NULL OR NEW.closed_at IS NOT NULL))
  EXECUTE FUNCTION tickets_count_desk_durations();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER tickets_desk_durations_update AFTER UPDATE ON tickets
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.first_response_at IS NOT NULL OR OLD.closed_at IS NOT NULL OR NEW.first_response_at IS NOT NULL OR NEW.closed_at IS NOT NULL)
    AND (OLD.type, OLD.created_at, OLD.first_response_at, OLD.closed_at, OLD.assignee_id)
      IS DISTINCT FROM (NEW.type, NEW.created_at, NEW.first_response_at, NEW.closed_at, NEW.assignee_id))
  EXECUTE FUNCTION tickets_count_desk_durations();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER tickets_desk_durations_delete AFTER DELETE ON tickets
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN (OLD.type = 'support' AND (OLD.first_response_at IS NOT NULL OR OLD.closed_at IS NOT NULL))
  EXECUTE FUNCTION tickets_count_desk_durations();
--> statement-breakpoint
-- From scratch: used below for existing data, and by the bench after its bulk load (triggers off).
CREATE FUNCTION rebuild_desk_stats() RETURNS void LANGUAGE sql AS $$
  DELETE FROM desk_days;
  DELETE FROM desk_agent_days;
  DELETE FROM desk_durations;
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
  INSERT INTO desk_durations (day, assignee_id, response_secs, resolution_secs)
    SELECT day, agent,
      coalesce(array_agg(secs) FILTER (WHERE measure = 'response'), '{}'),
      coalesce(array_agg(secs) FILTER (WHERE measure = 'resolution'), '{}')
    FROM (
      SELECT (first_response_at AT TIME ZONE 'UTC')::date AS day, coalesce(assignee_id, '00000000-0000-0000-0000-000000000000') AS agent,
        'response' AS measure, date_part('epoch', first_response_at - created_at)::bigint AS secs
      FROM tickets WHERE type = 'support' AND first_response_at IS NOT NULL
      UNION ALL
      SELECT (closed_at AT TIME ZONE 'UTC')::date, coalesce(assignee_id, '00000000-0000-0000-0000-000000000000'),
        'resolution', date_part('epoch', closed_at - created_at)::bigint
      FROM tickets WHERE type = 'support' AND closed_at IS NOT NULL
    ) x GROUP BY day, agent;
$$;
--> statement-breakpoint
SELECT rebuild_desk_stats();
