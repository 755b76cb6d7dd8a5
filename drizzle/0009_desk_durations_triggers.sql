-- desk_durations (db/schema/stats.ts): each support ticket's response and resolution time, in whole
-- seconds, on the row of its day and current assignee. Kept like desk_days (0007): deferred
-- constraint triggers at commit, "minus the old row, plus the new row".
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
-- rebuild_desk_stats() from 0007, now with the durations.
CREATE OR REPLACE FUNCTION rebuild_desk_stats() RETURNS void LANGUAGE sql AS $$
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
