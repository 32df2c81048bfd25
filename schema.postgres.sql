-- worklog schema on PostgreSQL, version 14. Generated from src/db/migrations_pg/ by the
-- test tests/migrations.rs (UPDATE_SCHEMA=1 cargo test --test migrations rewrites it).
-- Read-only reference: change the schema by adding a migration.

CREATE COLLATION nocase (provider = icu, deterministic = false, locale = 'und-u-ks-level2');

CREATE FUNCTION worklog_lower(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN lower((t COLLATE "und-x-icu"));

CREATE FUNCTION contains_folded(hay text, needle text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN COALESCE((strpos(worklog_lower(hay), (needle COLLATE "C")) > 0), false);

CREATE FUNCTION date(day text, modifier text) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ((substr(day, 1, 10))::date + ("substring"(modifier, '^\s*([+-]?[0-9]+)\s+days?\s*$'::text))::integer);

CREATE FUNCTION fold_name(name text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN btrim(regexp_replace(worklog_lower(regexp_replace(NORMALIZE(name, NFKD), '[\u0300-\u036F\u0483-\u0489\u0591-\u05BD\u05BF\u05C1-\u05C2\u05C4-\u05C5\u05C7\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7-\u06E8\u06EA-\u06ED\u0711\u0730-\u074A\u07A6-\u07B0\u07EB-\u07F3\u07FD\u0816-\u0819\u081B-\u0823\u0825-\u0827\u0829-\u082D\u0859-\u085B\u0898-\u089F\u08CA-\u08E1\u08E3-\u0903\u093A-\u093C\u093E-\u094F\u0951-\u0957\u0962-\u0963\u0981-\u0983\u09BC\u09BE-\u09C4\u09C7-\u09C8\u09CB-\u09CD\u09D7\u09E2-\u09E3\u09FE\u0A01-\u0A03\u0A3C\u0A3E-\u0A42\u0A47-\u0A48\u0A4B-\u0A4D\u0A51\u0A70-\u0A71\u0A75\u0A81-\u0A83\u0ABC\u0ABE-\u0AC5\u0AC7-\u0AC9\u0ACB-\u0ACD\u0AE2-\u0AE3\u0AFA-\u0AFF\u0B01-\u0B03\u0B3C\u0B3E-\u0B44\u0B47-\u0B48\u0B4B-\u0B4D\u0B55-\u0B57\u0B62-\u0B63\u0B82\u0BBE-\u0BC2\u0BC6-\u0BC8\u0BCA-\u0BCD\u0BD7\u0C00-\u0C04\u0C3C\u0C3E-\u0C44\u0C46-\u0C48\u0C4A-\u0C4D\u0C55-\u0C56\u0C62-\u0C63\u0C81-\u0C83\u0CBC\u0CBE-\u0CC4\u0CC6-\u0CC8\u0CCA-\u0CCD\u0CD5-\u0CD6\u0CE2-\u0CE3\u0D00-\u0D03\u0D3B-\u0D3C\u0D3E-\u0D44\u0D46-\u0D48\u0D4A-\u0D4D\u0D57\u0D62-\u0D63\u0D81-\u0D83\u0DCA\u0DCF-\u0DD4\u0DD6\u0DD8-\u0DDF\u0DF2-\u0DF3\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u0EB1\u0EB4-\u0EBC\u0EC8-\u0ECD\u0F18-\u0F19\u0F35\u0F37\u0F39\u0F3E-\u0F3F\u0F71-\u0F84\u0F86-\u0F87\u0F8D-\u0F97\u0F99-\u0FBC\u0FC6\u102B-\u103E\u1056-\u1059\u105E-\u1060\u1062-\u1064\u1067-\u106D\u1071-\u1074\u1082-\u108D\u108F\u109A-\u109D\u135D-\u135F\u1712-\u1715\u1732-\u1734\u1752-\u1753\u1772-\u1773\u17B4-\u17D3\u17DD\u180B-\u180D\u180F\u1885-\u1886\u18A9\u1920-\u192B\u1930-\u193B\u1A17-\u1A1B\u1A55-\u1A5E\u1A60-\u1A7C\u1A7F\u1AB0-\u1ACE\u1B00-\u1B04\u1B34-\u1B44\u1B6B-\u1B73\u1B80-\u1B82\u1BA1-\u1BAD\u1BE6-\u1BF3\u1C24-\u1C37\u1CD0-\u1CD2\u1CD4-\u1CE8\u1CED\u1CF4\u1CF7-\u1CF9\u1DC0-\u1DFF\u20D0-\u20F0\u2CEF-\u2CF1\u2D7F\u2DE0-\u2DFF\u302A-\u302F\u3099-\u309A\uA66F-\uA672\uA674-\uA67D\uA69E-\uA69F\uA6F0-\uA6F1\uA802\uA806\uA80B\uA823-\uA827\uA82C\uA880-\uA881\uA8B4-\uA8C5\uA8E0-\uA8F1\uA8FF\uA926-\uA92D\uA947-\uA953\uA980-\uA983\uA9B3-\uA9C0\uA9E5\uAA29-\uAA36\uAA43\uAA4C-\uAA4D\uAA7B-\uAA7D\uAAB0\uAAB2-\uAAB4\uAAB7-\uAAB8\uAABE-\uAABF\uAAC1\uAAEB-\uAAEF\uAAF5-\uAAF6\uABE3-\uABEA\uABEC-\uABED\uFB1E\uFE00-\uFE0F\uFE20-\uFE2F\U000101FD\U000102E0\U00010376-\U0001037A\U00010A01-\U00010A03\U00010A05-\U00010A06\U00010A0C-\U00010A0F\U00010A38-\U00010A3A\U00010A3F\U00010AE5-\U00010AE6\U00010D24-\U00010D27\U00010EAB-\U00010EAC\U00010F46-\U00010F50\U00010F82-\U00010F85\U00011000-\U00011002\U00011038-\U00011046\U00011070\U00011073-\U00011074\U0001107F-\U00011082\U000110B0-\U000110BA\U000110C2\U00011100-\U00011102\U00011127-\U00011134\U00011145-\U00011146\U00011173\U00011180-\U00011182\U000111B3-\U000111C0\U000111C9-\U000111CC\U000111CE-\U000111CF\U0001122C-\U00011237\U0001123E\U000112DF-\U000112EA\U00011300-\U00011303\U0001133B-\U0001133C\U0001133E-\U00011344\U00011347-\U00011348\U0001134B-\U0001134D\U00011357\U00011362-\U00011363\U00011366-\U0001136C\U00011370-\U00011374\U00011435-\U00011446\U0001145E\U000114B0-\U000114C3\U000115AF-\U000115B5\U000115B8-\U000115C0\U000115DC-\U000115DD\U00011630-\U00011640\U000116AB-\U000116B7\U0001171D-\U0001172B\U0001182C-\U0001183A\U00011930-\U00011935\U00011937-\U00011938\U0001193B-\U0001193E\U00011940\U00011942-\U00011943\U000119D1-\U000119D7\U000119DA-\U000119E0\U000119E4\U00011A01-\U00011A0A\U00011A33-\U00011A39\U00011A3B-\U00011A3E\U00011A47\U00011A51-\U00011A5B\U00011A8A-\U00011A99\U00011C2F-\U00011C36\U00011C38-\U00011C3F\U00011C92-\U00011CA7\U00011CA9-\U00011CB6\U00011D31-\U00011D36\U00011D3A\U00011D3C-\U00011D3D\U00011D3F-\U00011D45\U00011D47\U00011D8A-\U00011D8E\U00011D90-\U00011D91\U00011D93-\U00011D97\U00011EF3-\U00011EF6\U00016AF0-\U00016AF4\U00016B30-\U00016B36\U00016F4F\U00016F51-\U00016F87\U00016F8F-\U00016F92\U00016FE4\U00016FF0-\U00016FF1\U0001BC9D-\U0001BC9E\U0001CF00-\U0001CF2D\U0001CF30-\U0001CF46\U0001D165-\U0001D169\U0001D16D-\U0001D172\U0001D17B-\U0001D182\U0001D185-\U0001D18B\U0001D1AA-\U0001D1AD\U0001D242-\U0001D244\U0001DA00-\U0001DA36\U0001DA3B-\U0001DA6C\U0001DA75\U0001DA84\U0001DA9B-\U0001DA9F\U0001DAA1-\U0001DAAF\U0001E000-\U0001E006\U0001E008-\U0001E018\U0001E01B-\U0001E021\U0001E023-\U0001E024\U0001E026-\U0001E02A\U0001E130-\U0001E136\U0001E2AE\U0001E2EC-\U0001E2EF\U0001E8D0-\U0001E8D6\U0001E944-\U0001E94A\U000E0100-\U000E01EF]+'::text, ''::text, 'g'::text)), '[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+'::text, ' '::text, 'g'::text), ' '::text);

CREATE FUNCTION history_image(r json, instants text[]) RETURNS json
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'worklog'
    AS $$
    SELECT json_object_agg(e.key, CASE
            WHEN json_typeof(e.value) = 'boolean'
                THEN to_json(CASE WHEN e.value::text = 'true' THEN 1 ELSE 0 END)
            WHEN e.key = ANY (instants) AND json_typeof(e.value) = 'string'
                THEN to_json(to_char((e.value #>> '{}')::timestamptz AT TIME ZONE 'UTC',
                                     'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
            ELSE e.value
        END ORDER BY e.n)
    FROM json_each(r) WITH ORDINALITY AS e(key, value, n)
$$;

CREATE FUNCTION history_key(image json, keys text[]) RETURNS text
    LANGUAGE sql IMMUTABLE
    SET search_path TO 'worklog'
    AS $$
    SELECT '[' || string_agg((image -> k.name)::text, ',' ORDER BY k.n) || ']'
    FROM unnest(keys) WITH ORDINALITY AS k(name, n)
$$;

CREATE FUNCTION history_record() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'worklog'
    AS $$
DECLARE
    change bigint;
    keys text[] := string_to_array(TG_ARGV[0], ',');
    instants text[] := string_to_array(TG_ARGV[1], ',');
    old_image json;
    new_image json;
    old_key text;
    new_key text;
BEGIN
    SELECT change_id INTO change FROM history_open;
    IF change IS NULL THEN
        RETURN NULL;
    END IF;
    IF TG_OP <> 'INSERT' THEN
        old_image := history_image(to_json(OLD), instants);
        old_key := history_key(old_image, keys);
        INSERT INTO history_rows (change_id, table_name, row_key, before, after)
        VALUES (change, TG_TABLE_NAME, old_key, old_image, NULL)
        ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
    END IF;
    IF TG_OP <> 'DELETE' THEN
        new_image := history_image(to_json(NEW), instants);
        new_key := history_key(new_image, keys);
        IF new_key IS NOT DISTINCT FROM old_key THEN
            UPDATE history_rows SET after = new_image
             WHERE change_id = change AND table_name = TG_TABLE_NAME AND row_key = new_key;
        ELSE
            INSERT INTO history_rows (change_id, table_name, row_key, before, after)
            VALUES (change, TG_TABLE_NAME, new_key, NULL, new_image)
            ON CONFLICT (change_id, table_name, row_key) DO UPDATE SET after = excluded.after;
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION json_valid(t text) RETURNS boolean
    LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
    AS $$
BEGIN
    IF t IS NULL THEN
        RETURN NULL;
    END IF;
    PERFORM t::json;
    RETURN true;
EXCEPTION WHEN invalid_text_representation THEN
    RETURN false;
END
$$;

CREATE FUNCTION search_children_changed() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'worklog'
    AS $$
BEGIN
    IF TG_TABLE_NAME = 'skills' THEN
        DELETE FROM search_docs WHERE key IN (SELECT id * 16 + 4 FROM skill_progress WHERE skill_id = NEW.id);
        INSERT INTO search_docs (key, kind, ref, pane, target, at, status, title, body)
            SELECT * FROM search_src_assessment WHERE target = NEW.id ORDER BY at COLLATE "C" NULLS FIRST, key;
    ELSIF TG_TABLE_NAME = 'meetings' THEN
        DELETE FROM search_docs WHERE key IN (SELECT id * 16 + 6 FROM action_items WHERE meeting_id = NEW.id);
        INSERT INTO search_docs (key, kind, ref, pane, target, at, status, title, body)
            SELECT * FROM search_src_action_item
            WHERE ref IN (SELECT id FROM action_items WHERE meeting_id = NEW.id) ORDER BY key;
    ELSIF TG_TABLE_NAME = 'feedback' THEN
        DELETE FROM search_docs WHERE key IN (SELECT id * 16 + 6 FROM action_items WHERE feedback_id = NEW.id);
        INSERT INTO search_docs (key, kind, ref, pane, target, at, status, title, body)
            SELECT * FROM search_src_action_item
            WHERE ref IN (SELECT id FROM action_items WHERE feedback_id = NEW.id) ORDER BY key;
    ELSE
        RAISE EXCEPTION 'search_children_changed: no children known for table %', TG_TABLE_NAME;
    END IF;
    RETURN NULL;
END
$$;

CREATE FUNCTION search_goal_tree_changed() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'worklog'
    AS $$
BEGIN
    DELETE FROM search_docs WHERE key IN (
        WITH RECURSIVE sub(id) AS (
            SELECT NEW.id UNION SELECT g.id FROM goals g JOIN sub ON g.parent_id = sub.id
        )
        SELECT id * 16 + 7 FROM sub
        UNION ALL
        SELECT ms.id * 16 + 8 FROM goal_milestones ms JOIN sub ON ms.goal_id = sub.id
    );
    INSERT INTO search_docs (key, kind, ref, pane, target, at, status, title, body)
        WITH RECURSIVE sub(id) AS (
            SELECT NEW.id UNION SELECT g.id FROM goals g JOIN sub ON g.parent_id = sub.id
        )
        (SELECT * FROM search_src_goal WHERE ref IN (SELECT id FROM sub) ORDER BY key)
        UNION ALL
        (SELECT * FROM search_src_milestone WHERE target IN (SELECT id FROM sub) ORDER BY key);
    RETURN NULL;
END
$$;

CREATE FUNCTION search_rebuild() RETURNS void
    LANGUAGE plpgsql
    SET search_path TO 'worklog'
    AS $$
BEGIN
    DELETE FROM search_docs;
    PERFORM setval(pg_get_serial_sequence('search_docs', 'id'), 1, false);
    INSERT INTO search_docs (key, kind, ref, pane, target, at, status, title, body)
        SELECT * FROM search_src ORDER BY at COLLATE "C" NULLS FIRST, key;
END
$$;

CREATE FUNCTION search_row_changed() RETURNS trigger
    LANGUAGE plpgsql
    SET search_path TO 'worklog'
    AS $$
DECLARE
    v_kind text := TG_ARGV[0];
    v_code bigint := TG_ARGV[1]::bigint;
    e search_src;
BEGIN
    IF TG_OP = 'DELETE' THEN
        DELETE FROM search_docs WHERE key = OLD.id * 16 + v_code;
        RETURN NULL;
    END IF;
    SELECT * INTO e FROM search_src_row(v_kind, NEW.id);
    IF NOT FOUND THEN
        IF TG_OP = 'UPDATE' THEN
            DELETE FROM search_docs WHERE key = OLD.id * 16 + v_code;
        END IF;
        RETURN NULL;
    END IF;
    INSERT INTO search_docs AS d (key, kind, ref, pane, target, at, status, title, body)
        VALUES (e.key, e.kind, e.ref, e.pane, e.target, e.at, e.status, e.title, e.body)
        ON CONFLICT (key) DO UPDATE SET pane = excluded.pane, target = excluded.target, at = excluded.at,
            status = excluded.status, title = excluded.title, body = excluded.body
        WHERE (d.pane, d.target, d.at, d.status, d.title, d.body)
            IS DISTINCT FROM (excluded.pane, excluded.target, excluded.at, excluded.status, excluded.title, excluded.body);
    RETURN NULL;
END
$$;

CREATE FUNCTION worklog_day_text(d date) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN to_char((d)::timestamp without time zone, 'YYYY-MM-DD'::text);

CREATE FUNCTION worklog_is_day(d date) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ((d >= '0001-01-01'::date) AND (d <= '9999-12-31'::date));

CREATE FUNCTION worklog_is_moment(t timestamp without time zone) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN ((t = date_trunc('second'::text, t)) AND ((t >= '0001-01-01 00:00:00'::timestamp without time zone) AND (t <= '9999-12-31 23:59:59'::timestamp without time zone)));

CREATE FUNCTION worklog_moment_text(t timestamp without time zone) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN to_char(t, 'YYYY-MM-DD"T"HH24:MI:SS'::text);

CREATE TABLE action_items (
    id bigint NOT NULL,
    title text NOT NULL COLLATE pg_catalog."C",
    meeting_id bigint,
    feedback_id bigint,
    owner_id bigint,
    due_date date,
    done_at timestamp without time zone,
    task_id bigint,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted_at timestamp with time zone,
    version bigint DEFAULT 1 NOT NULL,
    CONSTRAINT action_item_done_at CHECK (((done_at IS NULL) OR worklog_is_moment(done_at))),
    CONSTRAINT action_item_due_date CHECK (((due_date IS NULL) OR worklog_is_day(due_date))),
    CONSTRAINT action_item_one_source CHECK (((meeting_id IS NULL) OR (feedback_id IS NULL))),
    CONSTRAINT action_item_title_empty CHECK ((length(TRIM(BOTH FROM title)) > 0))
);

CREATE TABLE energy_checkins (
    id bigint NOT NULL,
    at timestamp without time zone NOT NULL,
    level bigint NOT NULL,
    note text DEFAULT ''::text NOT NULL COLLATE pg_catalog."C",
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted_at timestamp with time zone,
    version bigint DEFAULT 1 NOT NULL,
    CONSTRAINT checkin_at CHECK (worklog_is_moment(at)),
    CONSTRAINT energy_level CHECK (((level >= 1) AND (level <= 5)))
);

CREATE TABLE feedback (
    id bigint NOT NULL,
    direction text NOT NULL COLLATE pg_catalog."C",
    person_id bigint NOT NULL,
    day date NOT NULL,
    kind text DEFAULT 'other'::text NOT NULL COLLATE pg_catalog."C",
    content text NOT NULL COLLATE pg_catalog."C",
    meeting_id bigint,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted_at timestamp with time zone,
    version bigint DEFAULT 1 NOT NULL,
    CONSTRAINT feedback_content_empty CHECK ((length(TRIM(BOTH FROM content)) > 0)),
    CONSTRAINT feedback_day CHECK (worklog_is_day(day)),
    CONSTRAINT feedback_direction CHECK ((direction = ANY (ARRAY['given'::text, 'received'::text]))),
    CONSTRAINT feedback_kind CHECK ((kind = ANY (ARRAY['praise'::text, 'constructive'::text, 'suggestion'::text, 'recognition'::text, 'other'::text])))
);

CREATE TABLE goal_milestones (
    id bigint NOT NULL,
    goal_id bigint NOT NULL,
    title text NOT NULL COLLATE pg_catalog."C",
    due_date date,
    done_on date,
    "position" bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    version bigint DEFAULT 1 NOT NULL,
    CONSTRAINT milestone_done_on CHECK (((done_on IS NULL) OR worklog_is_day(done_on))),
    CONSTRAINT milestone_due_date CHECK (((due_date IS NULL) OR worklog_is_day(due_date))),
    CONSTRAINT milestone_title_empty CHECK ((length(TRIM(BOTH FROM title)) > 0))
);

CREATE TABLE goals (
    id bigint NOT NULL,
    parent_id bigint,
    organization_id bigint,
    title text NOT NULL COLLATE pg_catalog."C",
    description text DEFAULT ''::text NOT NULL COLLATE pg_catalog."C",
    status text DEFAULT 'active'::text NOT NULL COLLATE pg_catalog."C",
    target_date date,
    done_on date,
    "position" bigint DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted_at timestamp with time zone,
    version bigint DEFAULT 1 NOT NULL,
    CONSTRAINT goal_done_on CHECK (((done_on IS NULL) OR worklog_is_day(done_on))),
    CONSTRAINT goal_own_parent CHECK (((parent_id IS NULL) OR (parent_id <> id))),
    CONSTRAINT goal_status CHECK ((status = ANY (ARRAY['active'::text, 'paused'::text, 'done'::text, 'dropped'::text]))),
    CONSTRAINT goal_target_date CHECK (((target_date IS NULL) OR worklog_is_day(target_date))),
    CONSTRAINT goal_title_empty CHECK ((length(TRIM(BOTH FROM title)) > 0))
);

CREATE TABLE learnings (
    id bigint NOT NULL,
    at timestamp without time zone NOT NULL,
    title text NOT NULL COLLATE pg_catalog."C",
    body text DEFAULT ''::text NOT NULL COLLATE pg_catalog."C",
    starred boolean DEFAULT false NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted_at timestamp with time zone,
    version bigint DEFAULT 1 NOT NULL,
    CONSTRAINT learning_at CHECK (worklog_is_moment(at)),
    CONSTRAINT learning_starred CHECK ((starred = ANY (ARRAY[false, true]))),
    CONSTRAINT learning_title_empty CHECK ((length(TRIM(BOTH FROM title)) > 0))
);

CREATE TABLE meetings (
    id bigint NOT NULL,
    starts_at timestamp without time zone NOT NULL,
    duration_minutes bigint,
    title text NOT NULL COLLATE pg_catalog."C",
    kind text DEFAULT 'other'::text NOT NULL COLLATE pg_catalog."C",
    notes text DEFAULT ''::text NOT NULL COLLATE pg_catalog."C",
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted_at timestamp with time zone,
    version bigint DEFAULT 1 NOT NULL,
    CONSTRAINT meeting_duration CHECK (((duration_minutes IS NULL) OR ((duration_minutes >= 1) AND (duration_minutes <= 1440)))),
    CONSTRAINT meeting_kind CHECK ((kind = ANY (ARRAY['one_on_one'::text, 'team'::text, 'interview'::text, 'review'::text, 'planning'::text, 'external'::text, 'other'::text]))),
    CONSTRAINT meeting_starts_at CHECK (worklog_is_moment(starts_at)),
    CONSTRAINT meeting_title_empty CHECK ((length(TRIM(BOTH FROM title)) > 0))
);

CREATE VIEW search_src_action_item AS
 SELECT ((a.id * 16) + 6) AS key,
    'action_item'::text AS kind,
    a.id AS ref,
        CASE
            WHEN (a.feedback_id IS NOT NULL) THEN 'feedback'::text
            ELSE 'meetings'::text
        END AS pane,
    COALESCE(a.meeting_id, a.feedback_id, a.id) AS target,
    COALESCE(worklog_moment_text(m.starts_at), worklog_day_text(f.day), worklog_day_text(a.due_date)) AS at,
        CASE
            WHEN (a.done_at IS NULL) THEN 'open'::text
            ELSE 'done'::text
        END AS status,
    replace(replace(a.title, chr(57344), ''::text), chr(57345), ''::text) AS title,
    ''::text AS body
   FROM ((action_items a
     LEFT JOIN meetings m ON ((m.id = a.meeting_id)))
     LEFT JOIN feedback f ON ((f.id = a.feedback_id)))
  WHERE ((a.deleted_at IS NULL) AND (m.deleted_at IS NULL) AND (f.deleted_at IS NULL));

CREATE TABLE skill_progress (
    id bigint NOT NULL,
    skill_id bigint NOT NULL,
    level bigint NOT NULL,
    assessed_on date NOT NULL,
    note text DEFAULT ''::text NOT NULL COLLATE pg_catalog."C",
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT skill_assessed_on CHECK (worklog_is_day(assessed_on)),
    CONSTRAINT skill_level CHECK (((level >= 0) AND (level <= 5)))
);

CREATE TABLE skills (
    id bigint NOT NULL,
    name text NOT NULL COLLATE pg_catalog."C",
    category text DEFAULT ''::text NOT NULL COLLATE pg_catalog."C",
    description text DEFAULT ''::text NOT NULL COLLATE pg_catalog."C",
    target_level bigint,
    organization_id bigint,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted_at timestamp with time zone,
    version bigint DEFAULT 1 NOT NULL,
    CONSTRAINT skill_name_empty CHECK ((length(TRIM(BOTH FROM name)) > 0)),
    CONSTRAINT skill_target_level CHECK (((target_level IS NULL) OR ((target_level >= 0) AND (target_level <= 5))))
);

CREATE VIEW search_src_assessment AS
 SELECT ((p.id * 16) + 4) AS key,
    'assessment'::text AS kind,
    p.id AS ref,
    'skills'::text AS pane,
    p.skill_id AS target,
    worklog_day_text(p.assessed_on) AS at,
    NULL::text AS status,
    ''::text AS title,
    replace(replace(p.note, chr(57344), ''::text), chr(57345), ''::text) AS body
   FROM (skill_progress p
     JOIN skills s ON ((s.id = p.skill_id)))
  WHERE (s.deleted_at IS NULL);

CREATE VIEW search_src_checkin AS
 SELECT ((c.id * 16) + 10) AS key,
    'checkin'::text AS kind,
    c.id AS ref,
    'energy'::text AS pane,
    c.id AS target,
    worklog_moment_text(c.at) AS at,
    NULL::text AS status,
    ''::text AS title,
    replace(replace(c.note, chr(57344), ''::text), chr(57345), ''::text) AS body
   FROM energy_checkins c
  WHERE (c.deleted_at IS NULL);

CREATE VIEW search_src_feedback AS
 SELECT ((f.id * 16) + 9) AS key,
    'feedback'::text AS kind,
    f.id AS ref,
    'feedback'::text AS pane,
    f.id AS target,
    worklog_day_text(f.day) AS at,
    NULL::text AS status,
    ''::text AS title,
    replace(replace(f.content, chr(57344), ''::text), chr(57345), ''::text) AS body
   FROM feedback f
  WHERE (f.deleted_at IS NULL);

CREATE VIEW search_src_goal AS
 SELECT ((g.id * 16) + 7) AS key,
    'goal'::text AS kind,
    g.id AS ref,
    'goals'::text AS pane,
    g.id AS target,
    worklog_day_text(g.target_date) AS at,
    NULL::text AS status,
    replace(replace(g.title, chr(57344), ''::text), chr(57345), ''::text) AS title,
    replace(replace(g.description, chr(57344), ''::text), chr(57345), ''::text) AS body
   FROM goals g
  WHERE ((g.deleted_at IS NULL) AND (NOT (EXISTS ( WITH RECURSIVE up(id) AS (
                 SELECT g.parent_id
                UNION
                 SELECT p.parent_id
                   FROM (goals p
                     JOIN up up_1 ON ((p.id = up_1.id)))
                )
         SELECT 1
           FROM (goals a
             JOIN up ON ((a.id = up.id)))
          WHERE (a.deleted_at IS NOT NULL)))));

CREATE VIEW search_src_learning AS
 SELECT ((l.id * 16) + 2) AS key,
    'learning'::text AS kind,
    l.id AS ref,
    'journal'::text AS pane,
    l.id AS target,
    worklog_moment_text(l.at) AS at,
    NULL::text AS status,
    replace(replace(l.title, chr(57344), ''::text), chr(57345), ''::text) AS title,
    replace(replace(l.body, chr(57344), ''::text), chr(57345), ''::text) AS body
   FROM learnings l
  WHERE (l.deleted_at IS NULL);

CREATE VIEW search_src_meeting AS
 SELECT ((m.id * 16) + 5) AS key,
    'meeting'::text AS kind,
    m.id AS ref,
    'meetings'::text AS pane,
    m.id AS target,
    worklog_moment_text(m.starts_at) AS at,
    NULL::text AS status,
    replace(replace(m.title, chr(57344), ''::text), chr(57345), ''::text) AS title,
    replace(replace(m.notes, chr(57344), ''::text), chr(57345), ''::text) AS body
   FROM meetings m
  WHERE (m.deleted_at IS NULL);

CREATE VIEW search_src_milestone AS
 SELECT ((ms.id * 16) + 8) AS key,
    'milestone'::text AS kind,
    ms.id AS ref,
    'goals'::text AS pane,
    ms.goal_id AS target,
    worklog_day_text(COALESCE(ms.due_date, ms.done_on)) AS at,
    NULL::text AS status,
    replace(replace(ms.title, chr(57344), ''::text), chr(57345), ''::text) AS title,
    ''::text AS body
   FROM goal_milestones ms
  WHERE (EXISTS ( SELECT 1
           FROM search_src_goal g
          WHERE (g.ref = ms.goal_id)));

CREATE VIEW search_src_skill AS
 SELECT ((s.id * 16) + 3) AS key,
    'skill'::text AS kind,
    s.id AS ref,
    'skills'::text AS pane,
    s.id AS target,
    NULL::text AS at,
    NULL::text AS status,
    replace(replace(s.name, chr(57344), ''::text), chr(57345), ''::text) AS title,
    replace(replace(s.description, chr(57344), ''::text), chr(57345), ''::text) AS body
   FROM skills s
  WHERE (s.deleted_at IS NULL);

CREATE TABLE tasks (
    id bigint NOT NULL,
    day date NOT NULL,
    first_day date NOT NULL,
    title text NOT NULL COLLATE pg_catalog."C",
    notes text DEFAULT ''::text NOT NULL COLLATE pg_catalog."C",
    status text DEFAULT 'todo'::text NOT NULL COLLATE pg_catalog."C",
    priority bigint DEFAULT 2 NOT NULL,
    estimate_minutes bigint,
    goal_id bigint,
    "position" bigint DEFAULT 0 NOT NULL,
    carry_count bigint DEFAULT 0 NOT NULL,
    done_at timestamp without time zone,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted_at timestamp with time zone,
    version bigint DEFAULT 1 NOT NULL,
    CONSTRAINT task_carry_count CHECK ((carry_count >= 0)),
    CONSTRAINT task_day CHECK (worklog_is_day(day)),
    CONSTRAINT task_done_at CHECK (((done_at IS NULL) OR worklog_is_moment(done_at))),
    CONSTRAINT task_done_at_status CHECK (((status = 'done'::text) = (done_at IS NOT NULL))),
    CONSTRAINT task_estimate CHECK (((estimate_minutes IS NULL) OR ((estimate_minutes >= 1) AND (estimate_minutes <= 1440)))),
    CONSTRAINT task_first_day CHECK (worklog_is_day(first_day)),
    CONSTRAINT task_priority CHECK (((priority >= 1) AND (priority <= 3))),
    CONSTRAINT task_status CHECK ((status = ANY (ARRAY['todo'::text, 'doing'::text, 'done'::text, 'dropped'::text]))),
    CONSTRAINT task_title_empty CHECK ((length(TRIM(BOTH FROM title)) > 0))
);

CREATE VIEW search_src_task AS
 SELECT ((t.id * 16) + 1) AS key,
    'task'::text AS kind,
    t.id AS ref,
    'focus'::text AS pane,
    t.id AS target,
    worklog_day_text(t.day) AS at,
        CASE
            WHEN (t.status = ANY (ARRAY['todo'::text, 'doing'::text])) THEN 'open'::text
            ELSE t.status
        END AS status,
    replace(replace(t.title, chr(57344), ''::text), chr(57345), ''::text) AS title,
    replace(replace(t.notes, chr(57344), ''::text), chr(57345), ''::text) AS body
   FROM tasks t
  WHERE (t.deleted_at IS NULL);

CREATE VIEW search_src AS
 SELECT search_src_task.key,
    search_src_task.kind,
    search_src_task.ref,
    search_src_task.pane,
    search_src_task.target,
    search_src_task.at,
    search_src_task.status,
    search_src_task.title,
    search_src_task.body
   FROM search_src_task
UNION ALL
 SELECT search_src_learning.key,
    search_src_learning.kind,
    search_src_learning.ref,
    search_src_learning.pane,
    search_src_learning.target,
    search_src_learning.at,
    search_src_learning.status,
    search_src_learning.title,
    search_src_learning.body
   FROM search_src_learning
UNION ALL
 SELECT search_src_skill.key,
    search_src_skill.kind,
    search_src_skill.ref,
    search_src_skill.pane,
    search_src_skill.target,
    search_src_skill.at,
    search_src_skill.status,
    search_src_skill.title,
    search_src_skill.body
   FROM search_src_skill
UNION ALL
 SELECT search_src_assessment.key,
    search_src_assessment.kind,
    search_src_assessment.ref,
    search_src_assessment.pane,
    search_src_assessment.target,
    search_src_assessment.at,
    search_src_assessment.status,
    search_src_assessment.title,
    search_src_assessment.body
   FROM search_src_assessment
UNION ALL
 SELECT search_src_meeting.key,
    search_src_meeting.kind,
    search_src_meeting.ref,
    search_src_meeting.pane,
    search_src_meeting.target,
    search_src_meeting.at,
    search_src_meeting.status,
    search_src_meeting.title,
    search_src_meeting.body
   FROM search_src_meeting
UNION ALL
 SELECT search_src_action_item.key,
    search_src_action_item.kind,
    search_src_action_item.ref,
    search_src_action_item.pane,
    search_src_action_item.target,
    search_src_action_item.at,
    search_src_action_item.status,
    search_src_action_item.title,
    search_src_action_item.body
   FROM search_src_action_item
UNION ALL
 SELECT search_src_goal.key,
    search_src_goal.kind,
    search_src_goal.ref,
    search_src_goal.pane,
    search_src_goal.target,
    search_src_goal.at,
    search_src_goal.status,
    search_src_goal.title,
    search_src_goal.body
   FROM search_src_goal
UNION ALL
 SELECT search_src_milestone.key,
    search_src_milestone.kind,
    search_src_milestone.ref,
    search_src_milestone.pane,
    search_src_milestone.target,
    search_src_milestone.at,
    search_src_milestone.status,
    search_src_milestone.title,
    search_src_milestone.body
   FROM search_src_milestone
UNION ALL
 SELECT search_src_feedback.key,
    search_src_feedback.kind,
    search_src_feedback.ref,
    search_src_feedback.pane,
    search_src_feedback.target,
    search_src_feedback.at,
    search_src_feedback.status,
    search_src_feedback.title,
    search_src_feedback.body
   FROM search_src_feedback
UNION ALL
 SELECT search_src_checkin.key,
    search_src_checkin.kind,
    search_src_checkin.ref,
    search_src_checkin.pane,
    search_src_checkin.target,
    search_src_checkin.at,
    search_src_checkin.status,
    search_src_checkin.title,
    search_src_checkin.body
   FROM search_src_checkin;

CREATE FUNCTION search_src_row(p_kind text, p_ref bigint) RETURNS SETOF search_src
    LANGUAGE plpgsql STABLE
    SET search_path TO 'worklog'
    AS $$
BEGIN
    CASE p_kind
        WHEN 'task' THEN RETURN QUERY SELECT * FROM search_src_task WHERE ref = p_ref;
        WHEN 'learning' THEN RETURN QUERY SELECT * FROM search_src_learning WHERE ref = p_ref;
        WHEN 'skill' THEN RETURN QUERY SELECT * FROM search_src_skill WHERE ref = p_ref;
        WHEN 'assessment' THEN RETURN QUERY SELECT * FROM search_src_assessment WHERE ref = p_ref;
        WHEN 'meeting' THEN RETURN QUERY SELECT * FROM search_src_meeting WHERE ref = p_ref;
        WHEN 'action_item' THEN RETURN QUERY SELECT * FROM search_src_action_item WHERE ref = p_ref;
        WHEN 'goal' THEN RETURN QUERY SELECT * FROM search_src_goal WHERE ref = p_ref;
        WHEN 'milestone' THEN RETURN QUERY SELECT * FROM search_src_milestone WHERE ref = p_ref;
        WHEN 'feedback' THEN RETURN QUERY SELECT * FROM search_src_feedback WHERE ref = p_ref;
        WHEN 'checkin' THEN RETURN QUERY SELECT * FROM search_src_checkin WHERE ref = p_ref;
    END CASE;
END
$$;

CREATE FUNCTION strftime(format text, t timestamp with time zone) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN CASE format WHEN '%Y-%m-%dT%H:%M:%fZ'::text THEN to_char((t AT TIME ZONE 'UTC'::text), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'::text) ELSE NULL::text END;

CREATE FUNCTION substr(d date, start integer, len integer) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN substr(to_char((d)::timestamp with time zone, 'YYYY-MM-DD'::text), start, len);

CREATE FUNCTION substr(t timestamp without time zone, start integer, len integer) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN substr(to_char(t, 'YYYY-MM-DD"T"HH24:MI:SS'::text), start, len);

CREATE FUNCTION substr(t timestamp with time zone, start integer, len integer) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN substr(to_char((t AT TIME ZONE 'UTC'::text), 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'::text), start, len);

CREATE FUNCTION worklog_fold(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN NORMALIZE(regexp_replace(NORMALIZE(worklog_lower(t), NFD), '([A-Za-z])[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF\uFE20-\uFE2F]+'::text, '\1'::text, 'g'::text), NFC);

CREATE FUNCTION worklog_json_array_add(state text, value anyelement) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN state = '' THEN '' ELSE state || ',' END
                 || coalesce(to_json(value)::text, 'null') $$;

CREATE FUNCTION worklog_json_array_end(state text) RETURNS json
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ('[' || state || ']')::json $$;

CREATE FUNCTION worklog_sync_identities() RETURNS void
    LANGUAGE plpgsql
    AS $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT format('%I.%I', n.nspname, c.relname) AS tbl, a.attname AS col
        FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE a.attidentity <> '' AND NOT a.attisdropped AND c.relkind = 'r'
          AND c.relnamespace = (SELECT relnamespace FROM pg_class WHERE oid = 'worklog_version'::regclass)
    LOOP
        EXECUTE format('SELECT setval(pg_get_serial_sequence(%L, %L), coalesce(max(%I), 0) + 1, false) FROM %s',
            r.tbl, r.col, r.col, r.tbl);
    END LOOP;
END
$$;

CREATE FUNCTION worklog_words(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN regexp_replace(worklog_fold("left"(t, 100000)), '[!-/:-@[-`{-~]+'::text, ' '::text, 'g'::text);

CREATE FUNCTION worklog_tsvector(title text, body text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN (setweight(to_tsvector('simple'::regconfig, COALESCE(worklog_words(title), ''::text)), 'A'::"char") || setweight(to_tsvector('simple'::regconfig, COALESCE(worklog_words(body), ''::text)), 'B'::"char"));

CREATE AGGREGATE json_group_array(anyelement) (
    SFUNC = worklog_json_array_add,
    STYPE = text,
    INITCOND = '',
    FINALFUNC = worklog_json_array_end
);

ALTER TABLE action_items ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME action_items_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE attachment_blobs (
    sha256 text NOT NULL COLLATE pg_catalog."C",
    size bigint NOT NULL,
    content bytea NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT attachment_blob_sha256 CHECK ((sha256 ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT attachment_blob_size CHECK ((size = length(content)))
);
ALTER TABLE ONLY attachment_blobs ALTER COLUMN content SET STORAGE EXTERNAL;

CREATE TABLE attachments (
    id bigint NOT NULL,
    task_id bigint,
    learning_id bigint,
    meeting_id bigint,
    goal_id bigint,
    feedback_id bigint,
    assessment_id bigint,
    name text NOT NULL COLLATE pg_catalog."C",
    size bigint NOT NULL,
    media_type text NOT NULL COLLATE pg_catalog."C",
    sha256 text NOT NULL COLLATE pg_catalog."C",
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    deleted_at timestamp with time zone,
    version bigint DEFAULT 1 NOT NULL,
    CONSTRAINT attachment_media_type CHECK ((length(media_type) > 0)),
    CONSTRAINT attachment_name CHECK ((((length(name) >= 1) AND (length(name) <= 255)) AND (strpos(name, '/'::text) = 0))),
    CONSTRAINT attachment_owner CHECK (((((((((task_id IS NOT NULL))::integer + ((learning_id IS NOT NULL))::integer) + ((meeting_id IS NOT NULL))::integer) + ((goal_id IS NOT NULL))::integer) + ((feedback_id IS NOT NULL))::integer) + ((assessment_id IS NOT NULL))::integer) = 1)),
    CONSTRAINT attachment_sha256 CHECK ((sha256 ~ '^[0-9a-f]{64}$'::text)),
    CONSTRAINT attachment_size CHECK ((size >= 0))
);

ALTER TABLE attachments ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME attachments_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE calendar_events (
    id bigint NOT NULL,
    meeting_id bigint NOT NULL,
    source text DEFAULT 'ics'::text NOT NULL COLLATE pg_catalog."C",
    uid text NOT NULL COLLATE pg_catalog."C",
    occurrence text NOT NULL COLLATE pg_catalog."C",
    recurring boolean DEFAULT false NOT NULL,
    location text DEFAULT ''::text NOT NULL COLLATE pg_catalog."C",
    status text DEFAULT 'confirmed'::text NOT NULL COLLATE pg_catalog."C",
    fingerprint text NOT NULL COLLATE pg_catalog."C",
    synced_at timestamp with time zone DEFAULT now() NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    calendar text DEFAULT ''::text NOT NULL COLLATE pg_catalog."C",
    calendar_name text DEFAULT ''::text NOT NULL COLLATE pg_catalog."C",
    CONSTRAINT calendar_recurring CHECK ((recurring = ANY (ARRAY[false, true]))),
    CONSTRAINT calendar_source CHECK ((source = 'ics'::text)),
    CONSTRAINT calendar_status CHECK ((status = ANY (ARRAY['confirmed'::text, 'cancelled'::text]))),
    CONSTRAINT calendar_uid_empty CHECK ((length(uid) > 0))
);

ALTER TABLE calendar_events ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME calendar_events_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE checkin_tags (
    checkin_id bigint NOT NULL,
    tag_id bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE database_identity (
    id bigint NOT NULL,
    identity text NOT NULL COLLATE pg_catalog."C",
    reason text NOT NULL COLLATE pg_catalog."C",
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT database_identity_identity_length CHECK ((length(identity) = 32)),
    CONSTRAINT database_identity_reason CHECK ((reason = ANY (ARRAY['migrate'::text, 'restore'::text, 'import'::text]))),
    CONSTRAINT database_identity_single_row CHECK ((id = 1))
);

ALTER TABLE database_identity ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME database_identity_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE energy_checkins ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME energy_checkins_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE feedback ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME feedback_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE feedback_tags (
    feedback_id bigint NOT NULL,
    tag_id bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE goal_milestones ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME goal_milestones_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE goal_tags (
    goal_id bigint NOT NULL,
    tag_id bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE goals ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME goals_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE history_changes (
    id bigint NOT NULL,
    at timestamp with time zone DEFAULT now() NOT NULL,
    session text NOT NULL COLLATE pg_catalog."C",
    op text DEFAULT ''::text NOT NULL COLLATE pg_catalog."C",
    kind text DEFAULT ''::text NOT NULL COLLATE pg_catalog."C",
    item_id bigint,
    summary text DEFAULT ''::text NOT NULL COLLATE pg_catalog."C"
);

ALTER TABLE history_changes ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME history_changes_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE history_open (
    id bigint NOT NULL,
    change_id bigint NOT NULL,
    CONSTRAINT history_open_single_row CHECK ((id = 1))
);

CREATE TABLE history_rows (
    id bigint NOT NULL,
    change_id bigint NOT NULL,
    table_name text NOT NULL COLLATE pg_catalog."C",
    row_key text NOT NULL COLLATE pg_catalog."C",
    before json,
    after json
);

ALTER TABLE history_rows ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME history_rows_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE imports (
    id bigint NOT NULL,
    source text NOT NULL COLLATE pg_catalog."C",
    external_id text NOT NULL COLLATE pg_catalog."C",
    task_id bigint,
    learning_id bigint,
    goal_id bigint,
    original text NOT NULL COLLATE pg_catalog."C",
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT import_external_id_empty CHECK ((length(external_id) > 0)),
    CONSTRAINT import_one_target CHECK ((num_nonnulls(task_id, learning_id, goal_id) = 1)),
    CONSTRAINT import_original_json CHECK (json_valid(original)),
    CONSTRAINT import_source CHECK ((source = ANY (ARRAY['worklog'::text, 'taskwarrior'::text, 'jrnl'::text])))
);

ALTER TABLE imports ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME imports_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE learning_skills (
    learning_id bigint NOT NULL,
    skill_id bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE learning_tags (
    learning_id bigint NOT NULL,
    tag_id bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE learnings ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME learnings_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE meeting_attendees (
    meeting_id bigint NOT NULL,
    person_id bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

CREATE TABLE meeting_tags (
    meeting_id bigint NOT NULL,
    tag_id bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE meetings ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME meetings_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE organizations (
    id bigint NOT NULL,
    name text NOT NULL COLLATE nocase,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    version bigint DEFAULT 1 NOT NULL,
    CONSTRAINT organization_name_empty CHECK ((length(TRIM(BOTH FROM name)) > 0))
);

ALTER TABLE organizations ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME organizations_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE people (
    id bigint NOT NULL,
    name text NOT NULL COLLATE pg_catalog."C",
    organization_id bigint,
    role text DEFAULT ''::text NOT NULL COLLATE pg_catalog."C",
    email text DEFAULT ''::text NOT NULL COLLATE pg_catalog."C",
    notes text DEFAULT ''::text NOT NULL COLLATE pg_catalog."C",
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    version bigint DEFAULT 1 NOT NULL,
    name_key text COLLATE pg_catalog."C",
    CONSTRAINT person_name_empty CHECK ((length(TRIM(BOTH FROM name)) > 0))
);

ALTER TABLE people ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME people_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE profile (
    id bigint NOT NULL,
    name text DEFAULT ''::text NOT NULL COLLATE pg_catalog."C",
    role text DEFAULT ''::text NOT NULL COLLATE pg_catalog."C",
    organization_id bigint,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    version bigint DEFAULT 1 NOT NULL,
    CONSTRAINT profile_single_row CHECK ((id = 1))
);

ALTER TABLE profile ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME profile_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE search_docs (
    id bigint NOT NULL,
    key bigint NOT NULL,
    kind text NOT NULL COLLATE pg_catalog."C",
    ref bigint NOT NULL,
    pane text NOT NULL COLLATE pg_catalog."C",
    target bigint NOT NULL,
    at text COLLATE pg_catalog."C",
    status text COLLATE pg_catalog."C",
    title text NOT NULL COLLATE pg_catalog."C",
    body text NOT NULL COLLATE pg_catalog."C",
    tsv tsvector GENERATED ALWAYS AS (worklog_tsvector(title, body)) STORED NOT NULL
);

ALTER TABLE search_docs ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME search_docs_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

ALTER TABLE skill_progress ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME skill_progress_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE skill_tags (
    skill_id bigint NOT NULL,
    tag_id bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE skills ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME skills_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE tags (
    id bigint NOT NULL,
    name text NOT NULL COLLATE nocase,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    version bigint DEFAULT 1 NOT NULL,
    name_key text COLLATE pg_catalog."C",
    CONSTRAINT tag_name_invalid CHECK ((((length(name) >= 1) AND (length(name) <= 64)) AND ((name COLLATE "C") !~ '[ \t,]'::text)))
);

ALTER TABLE tags ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME tags_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE task_carries (
    id bigint NOT NULL,
    task_id bigint NOT NULL,
    from_day date NOT NULL,
    to_day date NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL,
    CONSTRAINT carry_from_day CHECK (worklog_is_day(from_day)),
    CONSTRAINT carry_to_day CHECK (worklog_is_day(to_day))
);

ALTER TABLE task_carries ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME task_carries_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE task_tags (
    task_id bigint NOT NULL,
    tag_id bigint NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    updated_at timestamp with time zone DEFAULT now() NOT NULL
);

ALTER TABLE tasks ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (
    SEQUENCE NAME tasks_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);

CREATE TABLE worklog_version (
    version bigint NOT NULL
);

ALTER TABLE ONLY action_items
    ADD CONSTRAINT action_items_pkey PRIMARY KEY (id);

ALTER TABLE ONLY action_items
    ADD CONSTRAINT action_items_task_id_unique UNIQUE (task_id);

ALTER TABLE ONLY attachment_blobs
    ADD CONSTRAINT attachment_blobs_pkey PRIMARY KEY (sha256);

ALTER TABLE ONLY attachments
    ADD CONSTRAINT attachments_pkey PRIMARY KEY (id);

ALTER TABLE ONLY calendar_events
    ADD CONSTRAINT calendar_events_pkey PRIMARY KEY (id);

ALTER TABLE ONLY checkin_tags
    ADD CONSTRAINT checkin_tags_pkey PRIMARY KEY (checkin_id, tag_id);

ALTER TABLE ONLY database_identity
    ADD CONSTRAINT database_identity_pkey PRIMARY KEY (id);

ALTER TABLE ONLY energy_checkins
    ADD CONSTRAINT energy_checkins_pkey PRIMARY KEY (id);

ALTER TABLE ONLY feedback
    ADD CONSTRAINT feedback_pkey PRIMARY KEY (id);

ALTER TABLE ONLY feedback_tags
    ADD CONSTRAINT feedback_tags_pkey PRIMARY KEY (feedback_id, tag_id);

ALTER TABLE ONLY goal_milestones
    ADD CONSTRAINT goal_milestones_pkey PRIMARY KEY (id);

ALTER TABLE ONLY goal_tags
    ADD CONSTRAINT goal_tags_pkey PRIMARY KEY (goal_id, tag_id);

ALTER TABLE ONLY goals
    ADD CONSTRAINT goals_pkey PRIMARY KEY (id);

ALTER TABLE ONLY history_changes
    ADD CONSTRAINT history_changes_pkey PRIMARY KEY (id);

ALTER TABLE ONLY history_open
    ADD CONSTRAINT history_open_pkey PRIMARY KEY (id);

ALTER TABLE ONLY history_rows
    ADD CONSTRAINT history_rows_one_per_row UNIQUE (change_id, table_name, row_key);

ALTER TABLE ONLY history_rows
    ADD CONSTRAINT history_rows_pkey PRIMARY KEY (id);

ALTER TABLE ONLY imports
    ADD CONSTRAINT imports_pkey PRIMARY KEY (id);

ALTER TABLE ONLY imports
    ADD CONSTRAINT imports_source_external_id_unique UNIQUE (source, external_id);

ALTER TABLE ONLY learning_skills
    ADD CONSTRAINT learning_skills_pkey PRIMARY KEY (learning_id, skill_id);

ALTER TABLE ONLY learning_tags
    ADD CONSTRAINT learning_tags_pkey PRIMARY KEY (learning_id, tag_id);

ALTER TABLE ONLY learnings
    ADD CONSTRAINT learnings_pkey PRIMARY KEY (id);

ALTER TABLE ONLY meeting_attendees
    ADD CONSTRAINT meeting_attendees_pkey PRIMARY KEY (meeting_id, person_id);

ALTER TABLE ONLY meeting_tags
    ADD CONSTRAINT meeting_tags_pkey PRIMARY KEY (meeting_id, tag_id);

ALTER TABLE ONLY meetings
    ADD CONSTRAINT meetings_pkey PRIMARY KEY (id);

ALTER TABLE ONLY organizations
    ADD CONSTRAINT organizations_name_unique UNIQUE (name);

ALTER TABLE ONLY organizations
    ADD CONSTRAINT organizations_pkey PRIMARY KEY (id);

ALTER TABLE ONLY people
    ADD CONSTRAINT people_pkey PRIMARY KEY (id);

ALTER TABLE ONLY profile
    ADD CONSTRAINT profile_pkey PRIMARY KEY (id);

ALTER TABLE ONLY search_docs
    ADD CONSTRAINT search_docs_key_unique UNIQUE (key);

ALTER TABLE ONLY search_docs
    ADD CONSTRAINT search_docs_pkey PRIMARY KEY (id);

ALTER TABLE ONLY skill_progress
    ADD CONSTRAINT skill_progress_pkey PRIMARY KEY (id);

ALTER TABLE ONLY skill_tags
    ADD CONSTRAINT skill_tags_pkey PRIMARY KEY (skill_id, tag_id);

ALTER TABLE ONLY skills
    ADD CONSTRAINT skills_pkey PRIMARY KEY (id);

ALTER TABLE ONLY tags
    ADD CONSTRAINT tags_name_unique UNIQUE (name);

ALTER TABLE ONLY tags
    ADD CONSTRAINT tags_pkey PRIMARY KEY (id);

ALTER TABLE ONLY task_carries
    ADD CONSTRAINT task_carries_pkey PRIMARY KEY (id);

ALTER TABLE ONLY task_tags
    ADD CONSTRAINT task_tags_pkey PRIMARY KEY (task_id, tag_id);

ALTER TABLE ONLY tasks
    ADD CONSTRAINT tasks_pkey PRIMARY KEY (id);

CREATE INDEX action_items_deleted ON action_items USING btree (deleted_at) WHERE (deleted_at IS NOT NULL);

CREATE INDEX action_items_feedback_id ON action_items USING btree (feedback_id);

CREATE INDEX action_items_meeting_id ON action_items USING btree (meeting_id);

CREATE INDEX action_items_open ON action_items USING btree (done_at, due_date);

CREATE INDEX action_items_owner_id ON action_items USING btree (owner_id);

CREATE INDEX attachments_assessment_id ON attachments USING btree (assessment_id) WHERE (assessment_id IS NOT NULL);

CREATE INDEX attachments_deleted ON attachments USING btree (deleted_at) WHERE (deleted_at IS NOT NULL);

CREATE INDEX attachments_feedback_id ON attachments USING btree (feedback_id) WHERE (feedback_id IS NOT NULL);

CREATE INDEX attachments_goal_id ON attachments USING btree (goal_id) WHERE (goal_id IS NOT NULL);

CREATE INDEX attachments_learning_id ON attachments USING btree (learning_id) WHERE (learning_id IS NOT NULL);

CREATE INDEX attachments_meeting_id ON attachments USING btree (meeting_id) WHERE (meeting_id IS NOT NULL);

CREATE INDEX attachments_sha256 ON attachments USING btree (sha256);

CREATE INDEX attachments_task_id ON attachments USING btree (task_id) WHERE (task_id IS NOT NULL);

CREATE INDEX calendar_events_calendar ON calendar_events USING btree (calendar) WHERE (calendar <> ''::text);

CREATE UNIQUE INDEX calendar_events_key ON calendar_events USING btree (uid, occurrence);

CREATE UNIQUE INDEX calendar_events_meeting_id ON calendar_events USING btree (meeting_id);

CREATE INDEX checkin_tags_tag_id ON checkin_tags USING btree (tag_id);

CREATE INDEX energy_checkins_at ON energy_checkins USING btree (at);

CREATE INDEX energy_checkins_deleted ON energy_checkins USING btree (deleted_at) WHERE (deleted_at IS NOT NULL);

CREATE INDEX feedback_day ON feedback USING btree (day);

CREATE INDEX feedback_deleted ON feedback USING btree (deleted_at) WHERE (deleted_at IS NOT NULL);

CREATE INDEX feedback_direction ON feedback USING btree (direction, day);

CREATE INDEX feedback_live_day ON feedback USING btree (day) WHERE (deleted_at IS NULL);

CREATE INDEX feedback_live_who ON feedback USING btree (direction, person_id, day) WHERE (deleted_at IS NULL);

CREATE INDEX feedback_meeting_id ON feedback USING btree (meeting_id);

CREATE INDEX feedback_person_id ON feedback USING btree (person_id);

CREATE INDEX feedback_tags_tag_id ON feedback_tags USING btree (tag_id);

CREATE INDEX goal_milestones_done_on ON goal_milestones USING btree (done_on);

CREATE INDEX goal_milestones_due_date ON goal_milestones USING btree (due_date);

CREATE INDEX goal_milestones_goal_id ON goal_milestones USING btree (goal_id, "position");

CREATE INDEX goal_tags_tag_id ON goal_tags USING btree (tag_id);

CREATE INDEX goals_deleted ON goals USING btree (deleted_at) WHERE (deleted_at IS NOT NULL);

CREATE INDEX goals_done_on ON goals USING btree (done_on);

CREATE INDEX goals_organization_id ON goals USING btree (organization_id);

CREATE INDEX goals_parent_id ON goals USING btree (parent_id);

CREATE INDEX goals_status ON goals USING btree (status);

CREATE INDEX goals_target_date ON goals USING btree (target_date);

CREATE INDEX history_changes_at ON history_changes USING btree (at);

CREATE INDEX history_changes_item ON history_changes USING btree (kind, item_id);

CREATE INDEX history_rows_row ON history_rows USING btree (table_name, row_key, change_id);

CREATE INDEX imports_goal_id ON imports USING btree (goal_id);

CREATE INDEX imports_learning_id ON imports USING btree (learning_id);

CREATE INDEX imports_task_id ON imports USING btree (task_id);

CREATE INDEX learning_skills_skill_id ON learning_skills USING btree (skill_id);

CREATE INDEX learning_tags_tag_id ON learning_tags USING btree (tag_id);

CREATE INDEX learnings_at ON learnings USING btree (at);

CREATE INDEX learnings_deleted ON learnings USING btree (deleted_at) WHERE (deleted_at IS NOT NULL);

CREATE INDEX learnings_live_at ON learnings USING btree (at) WHERE (deleted_at IS NULL);

CREATE INDEX meeting_attendees_person_id ON meeting_attendees USING btree (person_id);

CREATE INDEX meeting_tags_tag_id ON meeting_tags USING btree (tag_id);

CREATE INDEX meetings_deleted ON meetings USING btree (deleted_at) WHERE (deleted_at IS NOT NULL);

CREATE INDEX meetings_live_day ON meetings USING btree (((starts_at)::date) DESC, starts_at, id) WHERE (deleted_at IS NULL);

CREATE INDEX meetings_starts_at ON meetings USING btree (starts_at);

CREATE INDEX people_name_key ON people USING btree (name_key);

CREATE UNIQUE INDEX people_org_name ON people USING btree (COALESCE(organization_id, (0)::bigint), name COLLATE nocase);

CREATE INDEX people_organization_id ON people USING btree (organization_id);

CREATE INDEX profile_organization_id ON profile USING btree (organization_id);

CREATE INDEX search_docs_at ON search_docs USING btree (at);

CREATE INDEX search_docs_tsv ON search_docs USING gin (tsv);

CREATE INDEX skill_progress_assessed_on ON skill_progress USING btree (assessed_on);

CREATE INDEX skill_progress_skill_id ON skill_progress USING btree (skill_id, assessed_on);

CREATE INDEX skill_tags_tag_id ON skill_tags USING btree (tag_id);

CREATE INDEX skills_category ON skills USING btree (category);

CREATE INDEX skills_deleted ON skills USING btree (deleted_at) WHERE (deleted_at IS NOT NULL);

CREATE UNIQUE INDEX skills_name ON skills USING btree (name COLLATE nocase) WHERE (deleted_at IS NULL);

CREATE INDEX skills_organization_id ON skills USING btree (organization_id);

CREATE INDEX tags_name_key ON tags USING btree (name_key);

CREATE INDEX task_carries_from_day ON task_carries USING btree (from_day);

CREATE INDEX task_carries_task_id ON task_carries USING btree (task_id);

CREATE INDEX task_tags_tag_id ON task_tags USING btree (tag_id);

CREATE INDEX tasks_day ON tasks USING btree (day, "position");

CREATE INDEX tasks_deleted ON tasks USING btree (deleted_at) WHERE (deleted_at IS NOT NULL);

CREATE INDEX tasks_done_at ON tasks USING btree (done_at);

CREATE INDEX tasks_goal_id ON tasks USING btree (goal_id);

CREATE INDEX tasks_live_list ON tasks USING btree (day DESC, "position", id) WHERE (deleted_at IS NULL);

CREATE INDEX tasks_status ON tasks USING btree (status, day);

CREATE UNIQUE INDEX worklog_version_one_row ON worklog_version USING btree ((true));

CREATE TRIGGER action_items_history AFTER INSERT OR DELETE OR UPDATE ON action_items FOR EACH ROW EXECUTE FUNCTION history_record('id', 'created_at,updated_at,deleted_at');

CREATE TRIGGER action_items_search_ad AFTER DELETE ON action_items FOR EACH ROW EXECUTE FUNCTION search_row_changed('action_item', '6');

CREATE TRIGGER action_items_search_ai AFTER INSERT ON action_items FOR EACH ROW EXECUTE FUNCTION search_row_changed('action_item', '6');

CREATE TRIGGER action_items_search_au AFTER UPDATE OF title, meeting_id, feedback_id, due_date, done_at, deleted_at ON action_items FOR EACH ROW EXECUTE FUNCTION search_row_changed('action_item', '6');

CREATE TRIGGER attachments_history AFTER INSERT OR DELETE OR UPDATE ON attachments FOR EACH ROW EXECUTE FUNCTION history_record('id', 'created_at,updated_at,deleted_at');

CREATE TRIGGER calendar_events_history AFTER INSERT OR DELETE OR UPDATE ON calendar_events FOR EACH ROW EXECUTE FUNCTION history_record('id', 'synced_at,created_at,updated_at');

CREATE TRIGGER checkin_tags_history AFTER INSERT OR DELETE OR UPDATE ON checkin_tags FOR EACH ROW EXECUTE FUNCTION history_record('checkin_id,tag_id', 'created_at,updated_at');

CREATE TRIGGER energy_checkins_history AFTER INSERT OR DELETE OR UPDATE ON energy_checkins FOR EACH ROW EXECUTE FUNCTION history_record('id', 'created_at,updated_at,deleted_at');

CREATE TRIGGER energy_checkins_search_ad AFTER DELETE ON energy_checkins FOR EACH ROW EXECUTE FUNCTION search_row_changed('checkin', '10');

CREATE TRIGGER energy_checkins_search_ai AFTER INSERT ON energy_checkins FOR EACH ROW EXECUTE FUNCTION search_row_changed('checkin', '10');

CREATE TRIGGER energy_checkins_search_au AFTER UPDATE OF at, note, deleted_at ON energy_checkins FOR EACH ROW EXECUTE FUNCTION search_row_changed('checkin', '10');

CREATE TRIGGER feedback_history AFTER INSERT OR DELETE OR UPDATE ON feedback FOR EACH ROW EXECUTE FUNCTION history_record('id', 'created_at,updated_at,deleted_at');

CREATE TRIGGER feedback_search_ad AFTER DELETE ON feedback FOR EACH ROW EXECUTE FUNCTION search_row_changed('feedback', '9');

CREATE TRIGGER feedback_search_ai AFTER INSERT ON feedback FOR EACH ROW EXECUTE FUNCTION search_row_changed('feedback', '9');

CREATE TRIGGER feedback_search_au AFTER UPDATE OF day, content, deleted_at ON feedback FOR EACH ROW EXECUTE FUNCTION search_row_changed('feedback', '9');

CREATE TRIGGER feedback_search_children AFTER UPDATE OF day, deleted_at ON feedback FOR EACH ROW WHEN (((old.day IS DISTINCT FROM new.day) OR (old.deleted_at IS DISTINCT FROM new.deleted_at))) EXECUTE FUNCTION search_children_changed();

CREATE TRIGGER feedback_tags_history AFTER INSERT OR DELETE OR UPDATE ON feedback_tags FOR EACH ROW EXECUTE FUNCTION history_record('feedback_id,tag_id', 'created_at,updated_at');

CREATE TRIGGER goal_milestones_history AFTER INSERT OR DELETE OR UPDATE ON goal_milestones FOR EACH ROW EXECUTE FUNCTION history_record('id', 'created_at,updated_at');

CREATE TRIGGER goal_milestones_search_ad AFTER DELETE ON goal_milestones FOR EACH ROW EXECUTE FUNCTION search_row_changed('milestone', '8');

CREATE TRIGGER goal_milestones_search_ai AFTER INSERT ON goal_milestones FOR EACH ROW EXECUTE FUNCTION search_row_changed('milestone', '8');

CREATE TRIGGER goal_milestones_search_au AFTER UPDATE OF goal_id, title, due_date, done_on ON goal_milestones FOR EACH ROW EXECUTE FUNCTION search_row_changed('milestone', '8');

CREATE TRIGGER goal_tags_history AFTER INSERT OR DELETE OR UPDATE ON goal_tags FOR EACH ROW EXECUTE FUNCTION history_record('goal_id,tag_id', 'created_at,updated_at');

CREATE TRIGGER goals_history AFTER INSERT OR DELETE OR UPDATE ON goals FOR EACH ROW EXECUTE FUNCTION history_record('id', 'created_at,updated_at,deleted_at');

CREATE TRIGGER goals_search_ad AFTER DELETE ON goals FOR EACH ROW EXECUTE FUNCTION search_row_changed('goal', '7');

CREATE TRIGGER goals_search_ai AFTER INSERT ON goals FOR EACH ROW EXECUTE FUNCTION search_row_changed('goal', '7');

CREATE TRIGGER goals_search_au AFTER UPDATE OF title, description, target_date ON goals FOR EACH ROW EXECUTE FUNCTION search_row_changed('goal', '7');

CREATE TRIGGER goals_search_tree AFTER UPDATE OF parent_id, deleted_at ON goals FOR EACH ROW WHEN (((old.parent_id IS DISTINCT FROM new.parent_id) OR (old.deleted_at IS DISTINCT FROM new.deleted_at))) EXECUTE FUNCTION search_goal_tree_changed();

CREATE TRIGGER learning_skills_history AFTER INSERT OR DELETE OR UPDATE ON learning_skills FOR EACH ROW EXECUTE FUNCTION history_record('learning_id,skill_id', 'created_at,updated_at');

CREATE TRIGGER learning_tags_history AFTER INSERT OR DELETE OR UPDATE ON learning_tags FOR EACH ROW EXECUTE FUNCTION history_record('learning_id,tag_id', 'created_at,updated_at');

CREATE TRIGGER learnings_history AFTER INSERT OR DELETE OR UPDATE ON learnings FOR EACH ROW EXECUTE FUNCTION history_record('id', 'created_at,updated_at,deleted_at');

CREATE TRIGGER learnings_search_ad AFTER DELETE ON learnings FOR EACH ROW EXECUTE FUNCTION search_row_changed('learning', '2');

CREATE TRIGGER learnings_search_ai AFTER INSERT ON learnings FOR EACH ROW EXECUTE FUNCTION search_row_changed('learning', '2');

CREATE TRIGGER learnings_search_au AFTER UPDATE OF at, title, body, deleted_at ON learnings FOR EACH ROW EXECUTE FUNCTION search_row_changed('learning', '2');

CREATE TRIGGER meeting_attendees_history AFTER INSERT OR DELETE OR UPDATE ON meeting_attendees FOR EACH ROW EXECUTE FUNCTION history_record('meeting_id,person_id', 'created_at,updated_at');

CREATE TRIGGER meeting_tags_history AFTER INSERT OR DELETE OR UPDATE ON meeting_tags FOR EACH ROW EXECUTE FUNCTION history_record('meeting_id,tag_id', 'created_at,updated_at');

CREATE TRIGGER meetings_history AFTER INSERT OR DELETE OR UPDATE ON meetings FOR EACH ROW EXECUTE FUNCTION history_record('id', 'created_at,updated_at,deleted_at');

CREATE TRIGGER meetings_search_ad AFTER DELETE ON meetings FOR EACH ROW EXECUTE FUNCTION search_row_changed('meeting', '5');

CREATE TRIGGER meetings_search_ai AFTER INSERT ON meetings FOR EACH ROW EXECUTE FUNCTION search_row_changed('meeting', '5');

CREATE TRIGGER meetings_search_au AFTER UPDATE OF starts_at, title, notes, deleted_at ON meetings FOR EACH ROW EXECUTE FUNCTION search_row_changed('meeting', '5');

CREATE TRIGGER meetings_search_children AFTER UPDATE OF starts_at, deleted_at ON meetings FOR EACH ROW WHEN (((old.starts_at IS DISTINCT FROM new.starts_at) OR (old.deleted_at IS DISTINCT FROM new.deleted_at))) EXECUTE FUNCTION search_children_changed();

CREATE TRIGGER organizations_history AFTER INSERT OR DELETE OR UPDATE ON organizations FOR EACH ROW EXECUTE FUNCTION history_record('id', 'created_at,updated_at');

CREATE TRIGGER people_history AFTER INSERT OR DELETE OR UPDATE ON people FOR EACH ROW EXECUTE FUNCTION history_record('id', 'created_at,updated_at');

CREATE TRIGGER profile_history AFTER INSERT OR DELETE OR UPDATE ON profile FOR EACH ROW EXECUTE FUNCTION history_record('id', 'created_at,updated_at');

CREATE TRIGGER skill_progress_history AFTER INSERT OR DELETE OR UPDATE ON skill_progress FOR EACH ROW EXECUTE FUNCTION history_record('id', 'created_at,updated_at');

CREATE TRIGGER skill_progress_search_ad AFTER DELETE ON skill_progress FOR EACH ROW EXECUTE FUNCTION search_row_changed('assessment', '4');

CREATE TRIGGER skill_progress_search_ai AFTER INSERT ON skill_progress FOR EACH ROW EXECUTE FUNCTION search_row_changed('assessment', '4');

CREATE TRIGGER skill_progress_search_au AFTER UPDATE OF skill_id, assessed_on, note ON skill_progress FOR EACH ROW EXECUTE FUNCTION search_row_changed('assessment', '4');

CREATE TRIGGER skill_tags_history AFTER INSERT OR DELETE OR UPDATE ON skill_tags FOR EACH ROW EXECUTE FUNCTION history_record('skill_id,tag_id', 'created_at,updated_at');

CREATE TRIGGER skills_history AFTER INSERT OR DELETE OR UPDATE ON skills FOR EACH ROW EXECUTE FUNCTION history_record('id', 'created_at,updated_at,deleted_at');

CREATE TRIGGER skills_search_ad AFTER DELETE ON skills FOR EACH ROW EXECUTE FUNCTION search_row_changed('skill', '3');

CREATE TRIGGER skills_search_ai AFTER INSERT ON skills FOR EACH ROW EXECUTE FUNCTION search_row_changed('skill', '3');

CREATE TRIGGER skills_search_au AFTER UPDATE OF name, description, deleted_at ON skills FOR EACH ROW EXECUTE FUNCTION search_row_changed('skill', '3');

CREATE TRIGGER skills_search_children AFTER UPDATE OF deleted_at ON skills FOR EACH ROW WHEN ((old.deleted_at IS DISTINCT FROM new.deleted_at)) EXECUTE FUNCTION search_children_changed();

CREATE TRIGGER tags_history AFTER INSERT OR DELETE OR UPDATE ON tags FOR EACH ROW EXECUTE FUNCTION history_record('id', 'created_at,updated_at');

CREATE TRIGGER task_carries_history AFTER INSERT OR DELETE OR UPDATE ON task_carries FOR EACH ROW EXECUTE FUNCTION history_record('id', 'created_at,updated_at');

CREATE TRIGGER task_tags_history AFTER INSERT OR DELETE OR UPDATE ON task_tags FOR EACH ROW EXECUTE FUNCTION history_record('task_id,tag_id', 'created_at,updated_at');

CREATE TRIGGER tasks_history AFTER INSERT OR DELETE OR UPDATE ON tasks FOR EACH ROW EXECUTE FUNCTION history_record('id', 'created_at,updated_at,deleted_at');

CREATE TRIGGER tasks_search_ad AFTER DELETE ON tasks FOR EACH ROW EXECUTE FUNCTION search_row_changed('task', '1');

CREATE TRIGGER tasks_search_ai AFTER INSERT ON tasks FOR EACH ROW EXECUTE FUNCTION search_row_changed('task', '1');

CREATE TRIGGER tasks_search_au AFTER UPDATE OF day, title, notes, status, deleted_at ON tasks FOR EACH ROW EXECUTE FUNCTION search_row_changed('task', '1');

ALTER TABLE ONLY action_items
    ADD CONSTRAINT action_items_feedback_id_fkey FOREIGN KEY (feedback_id) REFERENCES feedback(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY action_items
    ADD CONSTRAINT action_items_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES meetings(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY action_items
    ADD CONSTRAINT action_items_owner_id_fkey FOREIGN KEY (owner_id) REFERENCES people(id) ON DELETE SET NULL DEFERRABLE;

ALTER TABLE ONLY action_items
    ADD CONSTRAINT action_items_task_id_fkey FOREIGN KEY (task_id) REFERENCES tasks(id) ON DELETE SET NULL DEFERRABLE;

ALTER TABLE ONLY attachments
    ADD CONSTRAINT attachments_assessment_id_fkey FOREIGN KEY (assessment_id) REFERENCES skill_progress(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY attachments
    ADD CONSTRAINT attachments_feedback_id_fkey FOREIGN KEY (feedback_id) REFERENCES feedback(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY attachments
    ADD CONSTRAINT attachments_goal_id_fkey FOREIGN KEY (goal_id) REFERENCES goals(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY attachments
    ADD CONSTRAINT attachments_learning_id_fkey FOREIGN KEY (learning_id) REFERENCES learnings(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY attachments
    ADD CONSTRAINT attachments_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES meetings(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY attachments
    ADD CONSTRAINT attachments_task_id_fkey FOREIGN KEY (task_id) REFERENCES tasks(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY calendar_events
    ADD CONSTRAINT calendar_events_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES meetings(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY checkin_tags
    ADD CONSTRAINT checkin_tags_checkin_id_fkey FOREIGN KEY (checkin_id) REFERENCES energy_checkins(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY checkin_tags
    ADD CONSTRAINT checkin_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES tags(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY feedback
    ADD CONSTRAINT feedback_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES meetings(id) ON DELETE SET NULL DEFERRABLE;

ALTER TABLE ONLY feedback
    ADD CONSTRAINT feedback_person_id_fkey FOREIGN KEY (person_id) REFERENCES people(id) ON DELETE RESTRICT DEFERRABLE;

ALTER TABLE ONLY feedback_tags
    ADD CONSTRAINT feedback_tags_feedback_id_fkey FOREIGN KEY (feedback_id) REFERENCES feedback(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY feedback_tags
    ADD CONSTRAINT feedback_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES tags(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY goal_milestones
    ADD CONSTRAINT goal_milestones_goal_id_fkey FOREIGN KEY (goal_id) REFERENCES goals(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY goal_tags
    ADD CONSTRAINT goal_tags_goal_id_fkey FOREIGN KEY (goal_id) REFERENCES goals(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY goal_tags
    ADD CONSTRAINT goal_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES tags(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY goals
    ADD CONSTRAINT goals_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE SET NULL DEFERRABLE;

ALTER TABLE ONLY goals
    ADD CONSTRAINT goals_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES goals(id) ON DELETE SET NULL DEFERRABLE;

ALTER TABLE ONLY history_rows
    ADD CONSTRAINT history_rows_change_id_fkey FOREIGN KEY (change_id) REFERENCES history_changes(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY imports
    ADD CONSTRAINT imports_goal_id_fkey FOREIGN KEY (goal_id) REFERENCES goals(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY imports
    ADD CONSTRAINT imports_learning_id_fkey FOREIGN KEY (learning_id) REFERENCES learnings(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY imports
    ADD CONSTRAINT imports_task_id_fkey FOREIGN KEY (task_id) REFERENCES tasks(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY learning_skills
    ADD CONSTRAINT learning_skills_learning_id_fkey FOREIGN KEY (learning_id) REFERENCES learnings(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY learning_skills
    ADD CONSTRAINT learning_skills_skill_id_fkey FOREIGN KEY (skill_id) REFERENCES skills(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY learning_tags
    ADD CONSTRAINT learning_tags_learning_id_fkey FOREIGN KEY (learning_id) REFERENCES learnings(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY learning_tags
    ADD CONSTRAINT learning_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES tags(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY meeting_attendees
    ADD CONSTRAINT meeting_attendees_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES meetings(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY meeting_attendees
    ADD CONSTRAINT meeting_attendees_person_id_fkey FOREIGN KEY (person_id) REFERENCES people(id) ON DELETE RESTRICT DEFERRABLE;

ALTER TABLE ONLY meeting_tags
    ADD CONSTRAINT meeting_tags_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES meetings(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY meeting_tags
    ADD CONSTRAINT meeting_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES tags(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY people
    ADD CONSTRAINT people_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE SET NULL DEFERRABLE;

ALTER TABLE ONLY profile
    ADD CONSTRAINT profile_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE SET NULL DEFERRABLE;

ALTER TABLE ONLY skill_progress
    ADD CONSTRAINT skill_progress_skill_id_fkey FOREIGN KEY (skill_id) REFERENCES skills(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY skill_tags
    ADD CONSTRAINT skill_tags_skill_id_fkey FOREIGN KEY (skill_id) REFERENCES skills(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY skill_tags
    ADD CONSTRAINT skill_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES tags(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY skills
    ADD CONSTRAINT skills_organization_id_fkey FOREIGN KEY (organization_id) REFERENCES organizations(id) ON DELETE SET NULL DEFERRABLE;

ALTER TABLE ONLY task_carries
    ADD CONSTRAINT task_carries_task_id_fkey FOREIGN KEY (task_id) REFERENCES tasks(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY task_tags
    ADD CONSTRAINT task_tags_tag_id_fkey FOREIGN KEY (tag_id) REFERENCES tags(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY task_tags
    ADD CONSTRAINT task_tags_task_id_fkey FOREIGN KEY (task_id) REFERENCES tasks(id) ON DELETE CASCADE DEFERRABLE;

ALTER TABLE ONLY tasks
    ADD CONSTRAINT tasks_goal_id_fkey FOREIGN KEY (goal_id) REFERENCES goals(id) ON DELETE SET NULL DEFERRABLE;
