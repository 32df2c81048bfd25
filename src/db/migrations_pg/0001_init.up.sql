-- worklog schema for PostgreSQL, version 1: the same tables as src/db/migrations/0001_init.up.sql.
--
-- Conventions (see README.md in this folder)
--   * Types: ids are bigint identities (BY DEFAULT, so a copy can keep its ids), other integers
--     bigint, flags boolean, calendar days date, UTC instants timestamptz, local wall-clock
--     moments timestamp (without time zone).
--   * Text compares and sorts by code point (COLLATE "C"), as SQLite's BINARY does; the names
--     SQLite declares COLLATE NOCASE use the collation nocase defined here, so the repository's
--     "COLLATE NOCASE" means the same on both backends.
--   * Every CHECK has the name it has on SQLite (src/db/error.rs maps names to messages).
--     A date or timestamp column cannot hold a malformed value, so its CHECK keeps what the
--     SQLite text form can hold: years 1 to 9999, and whole seconds for moments.
--   * Unnamed SQLite constraints get explicit names here: <table>_<column>_fkey for foreign
--     keys, <table>_<columns>_unique for UNIQUE.

-- Text is stored as given; folding for names and search needs Unicode normalization, which
-- PostgreSQL only offers in a UTF8 database.
DO $$
BEGIN
    IF current_setting('server_encoding') <> 'UTF8' THEN
        RAISE EXCEPTION 'worklog needs a database with UTF8 encoding, not %',
            current_setting('server_encoding');
    END IF;
END
$$;

-- The schema version: one row (the runner reads it, each step sets it).
CREATE TABLE worklog_version (
    version bigint NOT NULL
);
CREATE UNIQUE INDEX worklog_version_one_row ON worklog_version ((true));
INSERT INTO worklog_version (version) VALUES (1);

-- SQLite's NOCASE: equal whatever the case. ICU's level 2 ignores case (in every script, where
-- NOCASE folds ASCII only) but not accents.
CREATE COLLATION nocase (provider = icu, locale = 'und-u-ks-level2', deterministic = false);

-- Lower case by Unicode's rules whatever the database's locale (Rust's str::to_lowercase).
CREATE FUNCTION worklog_lower(t text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN lower(t COLLATE "und-x-icu");

-- contains_folded(haystack, needle): as the function worklog registers on SQLite connections
-- (src/db/mod.rs): needle, lower-cased by the caller, occurs in the lower-cased haystack.
-- NULL never matches.
CREATE FUNCTION contains_folded(hay text, needle text) RETURNS boolean
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    RETURN coalesce(strpos(worklog_lower(hay), needle COLLATE "C") > 0, false);

-- fold_name(name): crate::text::name_key: compatibility decomposition, combining marks
-- (Unicode categories Mn, Mc, Me) removed, lower case, runs of white space made one space.
CREATE FUNCTION fold_name(name text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN btrim(
        regexp_replace(
            worklog_lower(regexp_replace(normalize(name, NFKD), '[\u0300-\u036F\u0483-\u0489\u0591-\u05BD\u05BF\u05C1-\u05C2\u05C4-\u05C5\u05C7\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06DC\u06DF-\u06E4\u06E7-\u06E8\u06EA-\u06ED\u0711\u0730-\u074A\u07A6-\u07B0\u07EB-\u07F3\u07FD\u0816-\u0819\u081B-\u0823\u0825-\u0827\u0829-\u082D\u0859-\u085B\u0898-\u089F\u08CA-\u08E1\u08E3-\u0903\u093A-\u093C\u093E-\u094F\u0951-\u0957\u0962-\u0963\u0981-\u0983\u09BC\u09BE-\u09C4\u09C7-\u09C8\u09CB-\u09CD\u09D7\u09E2-\u09E3\u09FE\u0A01-\u0A03\u0A3C\u0A3E-\u0A42\u0A47-\u0A48\u0A4B-\u0A4D\u0A51\u0A70-\u0A71\u0A75\u0A81-\u0A83\u0ABC\u0ABE-\u0AC5\u0AC7-\u0AC9\u0ACB-\u0ACD\u0AE2-\u0AE3\u0AFA-\u0AFF\u0B01-\u0B03\u0B3C\u0B3E-\u0B44\u0B47-\u0B48\u0B4B-\u0B4D\u0B55-\u0B57\u0B62-\u0B63\u0B82\u0BBE-\u0BC2\u0BC6-\u0BC8\u0BCA-\u0BCD\u0BD7\u0C00-\u0C04\u0C3C\u0C3E-\u0C44\u0C46-\u0C48\u0C4A-\u0C4D\u0C55-\u0C56\u0C62-\u0C63\u0C81-\u0C83\u0CBC\u0CBE-\u0CC4\u0CC6-\u0CC8\u0CCA-\u0CCD\u0CD5-\u0CD6\u0CE2-\u0CE3\u0D00-\u0D03\u0D3B-\u0D3C\u0D3E-\u0D44\u0D46-\u0D48\u0D4A-\u0D4D\u0D57\u0D62-\u0D63\u0D81-\u0D83\u0DCA\u0DCF-\u0DD4\u0DD6\u0DD8-\u0DDF\u0DF2-\u0DF3\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u0EB1\u0EB4-\u0EBC\u0EC8-\u0ECD\u0F18-\u0F19\u0F35\u0F37\u0F39\u0F3E-\u0F3F\u0F71-\u0F84\u0F86-\u0F87\u0F8D-\u0F97\u0F99-\u0FBC\u0FC6\u102B-\u103E\u1056-\u1059\u105E-\u1060\u1062-\u1064\u1067-\u106D\u1071-\u1074\u1082-\u108D\u108F\u109A-\u109D\u135D-\u135F\u1712-\u1715\u1732-\u1734\u1752-\u1753\u1772-\u1773\u17B4-\u17D3\u17DD\u180B-\u180D\u180F\u1885-\u1886\u18A9\u1920-\u192B\u1930-\u193B\u1A17-\u1A1B\u1A55-\u1A5E\u1A60-\u1A7C\u1A7F\u1AB0-\u1ACE\u1B00-\u1B04\u1B34-\u1B44\u1B6B-\u1B73\u1B80-\u1B82\u1BA1-\u1BAD\u1BE6-\u1BF3\u1C24-\u1C37\u1CD0-\u1CD2\u1CD4-\u1CE8\u1CED\u1CF4\u1CF7-\u1CF9\u1DC0-\u1DFF\u20D0-\u20F0\u2CEF-\u2CF1\u2D7F\u2DE0-\u2DFF\u302A-\u302F\u3099-\u309A\uA66F-\uA672\uA674-\uA67D\uA69E-\uA69F\uA6F0-\uA6F1\uA802\uA806\uA80B\uA823-\uA827\uA82C\uA880-\uA881\uA8B4-\uA8C5\uA8E0-\uA8F1\uA8FF\uA926-\uA92D\uA947-\uA953\uA980-\uA983\uA9B3-\uA9C0\uA9E5\uAA29-\uAA36\uAA43\uAA4C-\uAA4D\uAA7B-\uAA7D\uAAB0\uAAB2-\uAAB4\uAAB7-\uAAB8\uAABE-\uAABF\uAAC1\uAAEB-\uAAEF\uAAF5-\uAAF6\uABE3-\uABEA\uABEC-\uABED\uFB1E\uFE00-\uFE0F\uFE20-\uFE2F\U000101FD\U000102E0\U00010376-\U0001037A\U00010A01-\U00010A03\U00010A05-\U00010A06\U00010A0C-\U00010A0F\U00010A38-\U00010A3A\U00010A3F\U00010AE5-\U00010AE6\U00010D24-\U00010D27\U00010EAB-\U00010EAC\U00010F46-\U00010F50\U00010F82-\U00010F85\U00011000-\U00011002\U00011038-\U00011046\U00011070\U00011073-\U00011074\U0001107F-\U00011082\U000110B0-\U000110BA\U000110C2\U00011100-\U00011102\U00011127-\U00011134\U00011145-\U00011146\U00011173\U00011180-\U00011182\U000111B3-\U000111C0\U000111C9-\U000111CC\U000111CE-\U000111CF\U0001122C-\U00011237\U0001123E\U000112DF-\U000112EA\U00011300-\U00011303\U0001133B-\U0001133C\U0001133E-\U00011344\U00011347-\U00011348\U0001134B-\U0001134D\U00011357\U00011362-\U00011363\U00011366-\U0001136C\U00011370-\U00011374\U00011435-\U00011446\U0001145E\U000114B0-\U000114C3\U000115AF-\U000115B5\U000115B8-\U000115C0\U000115DC-\U000115DD\U00011630-\U00011640\U000116AB-\U000116B7\U0001171D-\U0001172B\U0001182C-\U0001183A\U00011930-\U00011935\U00011937-\U00011938\U0001193B-\U0001193E\U00011940\U00011942-\U00011943\U000119D1-\U000119D7\U000119DA-\U000119E0\U000119E4\U00011A01-\U00011A0A\U00011A33-\U00011A39\U00011A3B-\U00011A3E\U00011A47\U00011A51-\U00011A5B\U00011A8A-\U00011A99\U00011C2F-\U00011C36\U00011C38-\U00011C3F\U00011C92-\U00011CA7\U00011CA9-\U00011CB6\U00011D31-\U00011D36\U00011D3A\U00011D3C-\U00011D3D\U00011D3F-\U00011D45\U00011D47\U00011D8A-\U00011D8E\U00011D90-\U00011D91\U00011D93-\U00011D97\U00011EF3-\U00011EF6\U00016AF0-\U00016AF4\U00016B30-\U00016B36\U00016F4F\U00016F51-\U00016F87\U00016F8F-\U00016F92\U00016FE4\U00016FF0-\U00016FF1\U0001BC9D-\U0001BC9E\U0001CF00-\U0001CF2D\U0001CF30-\U0001CF46\U0001D165-\U0001D169\U0001D16D-\U0001D172\U0001D17B-\U0001D182\U0001D185-\U0001D18B\U0001D1AA-\U0001D1AD\U0001D242-\U0001D244\U0001DA00-\U0001DA36\U0001DA3B-\U0001DA6C\U0001DA75\U0001DA84\U0001DA9B-\U0001DA9F\U0001DAA1-\U0001DAAF\U0001E000-\U0001E006\U0001E008-\U0001E018\U0001E01B-\U0001E021\U0001E023-\U0001E024\U0001E026-\U0001E02A\U0001E130-\U0001E136\U0001E2AE\U0001E2EC-\U0001E2EF\U0001E8D0-\U0001E8D6\U0001E944-\U0001E94A\U000E0100-\U000E01EF]+', '', 'g')),
            '[\u0009-\u000D\u0020\u0085\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+', ' ', 'g'),
        ' ');

-- What the CHECKs on days and moments accept: what SQLite's text forms can hold.
CREATE FUNCTION worklog_is_day(d date) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN d BETWEEN DATE '0001-01-01' AND DATE '9999-12-31';
CREATE FUNCTION worklog_is_moment(t timestamp) RETURNS boolean
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN t = date_trunc('second', t)
        AND t BETWEEN TIMESTAMP '0001-01-01 00:00:00' AND TIMESTAMP '9999-12-31 23:59:59';

-- SQLite's functions that the repository's statements call, for the types PostgreSQL stores
-- (the repository writes each statement once; see src/db/sql/pg.rs):
-- substr() of a time reads it as SQLite holds it, as text; date(day, '+N day[s]') is the day
-- N days on.
CREATE FUNCTION substr(t timestamp, start integer, len integer) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN substr(to_char(t, 'YYYY-MM-DD"T"HH24:MI:SS'), start, len);
CREATE FUNCTION substr(t timestamptz, start integer, len integer) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN substr(to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), start, len);
CREATE FUNCTION substr(d date, start integer, len integer) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN substr(to_char(d, 'YYYY-MM-DD'), start, len);
-- SQLite's json_group_array: a JSON array of the group's values in the order they come, []
-- for none. Built as text, so objects keep their keys' order (jsonb would sort them).
CREATE FUNCTION worklog_json_array_add(state text, value anyelement) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT CASE WHEN state = '' THEN '' ELSE state || ',' END
                 || coalesce(to_json(value)::text, 'null') $$;
CREATE FUNCTION worklog_json_array_end(state text) RETURNS json
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ('[' || state || ']')::json $$;
CREATE AGGREGATE json_group_array(anyelement) (
    SFUNC = worklog_json_array_add,
    STYPE = text,
    INITCOND = '',
    FINALFUNC = worklog_json_array_end
);
-- strftime('%Y-%m-%dT%H:%M:%fZ', stamp): an instant in SQLite's text form, milliseconds and Z.
CREATE FUNCTION strftime(format text, t timestamptz) RETURNS text
    LANGUAGE sql STABLE STRICT PARALLEL SAFE
    RETURN CASE format
        WHEN '%Y-%m-%dT%H:%M:%fZ' THEN to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
    END;
CREATE FUNCTION date(day text, modifier text) RETURNS date
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN CAST(substr(day, 1, 10) AS date)
        + CAST(substring(modifier FROM '^\s*([+-]?[0-9]+)\s+days?\s*$') AS integer);

-- After rows arrive with their ids (a copy, an import, a restore), each identity must go on
-- from the highest id, as SQLite's rowid does by itself: run this once the rows are in.
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

CREATE TABLE organizations (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name        text COLLATE nocase NOT NULL
                CONSTRAINT organizations_name_unique UNIQUE
                CONSTRAINT organization_name_empty CHECK (length(trim(name)) > 0),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint NOT NULL DEFAULT 1
);

-- The one local user. Exactly one row, id 1.
CREATE TABLE profile (
    id              bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY
                    CONSTRAINT profile_single_row CHECK (id = 1),
    name            text COLLATE "C" NOT NULL DEFAULT '',
    role            text COLLATE "C" NOT NULL DEFAULT '',
    organization_id bigint CONSTRAINT profile_organization_id_fkey
                    REFERENCES organizations(id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint NOT NULL DEFAULT 1
);
CREATE INDEX profile_organization_id ON profile(organization_id);

CREATE TABLE people (
    id              bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name            text COLLATE "C" NOT NULL
                    CONSTRAINT person_name_empty CHECK (length(trim(name)) > 0),
    organization_id bigint CONSTRAINT people_organization_id_fkey
                    REFERENCES organizations(id) ON DELETE SET NULL,
    role            text COLLATE "C" NOT NULL DEFAULT '',
    email           text COLLATE "C" NOT NULL DEFAULT '',
    notes           text COLLATE "C" NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         bigint NOT NULL DEFAULT 1
);
-- A person's name is unique within an organization (people with no organization form one group).
CREATE UNIQUE INDEX people_org_name ON people(coalesce(organization_id, 0), name COLLATE nocase);
CREATE INDEX people_organization_id ON people(organization_id);

CREATE TABLE tags (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name        text COLLATE nocase NOT NULL
                CONSTRAINT tags_name_unique UNIQUE
                -- (a pattern cannot use a nondeterministic collation: the test reads the text as is)
                CONSTRAINT tag_name_invalid CHECK (length(name) BETWEEN 1 AND 64
                    AND (name COLLATE "C") !~ '[ \t,]'),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint NOT NULL DEFAULT 1
);

CREATE TABLE goals (
    id              bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    -- Deleting a parent for good lifts its children to the top level rather than losing them.
    parent_id       bigint CONSTRAINT goals_parent_id_fkey REFERENCES goals(id) ON DELETE SET NULL,
    organization_id bigint CONSTRAINT goals_organization_id_fkey
                    REFERENCES organizations(id) ON DELETE SET NULL,
    title           text COLLATE "C" NOT NULL
                    CONSTRAINT goal_title_empty CHECK (length(trim(title)) > 0),
    description     text COLLATE "C" NOT NULL DEFAULT '',
    status          text COLLATE "C" NOT NULL DEFAULT 'active'
                    CONSTRAINT goal_status CHECK (status IN ('active', 'paused', 'done', 'dropped')),
    target_date     date CONSTRAINT goal_target_date
                    CHECK (target_date IS NULL OR worklog_is_day(target_date)),
    done_on         date CONSTRAINT goal_done_on CHECK (done_on IS NULL OR worklog_is_day(done_on)),
    position        bigint NOT NULL DEFAULT 0,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    deleted_at      timestamptz,
    version         bigint NOT NULL DEFAULT 1,
    CONSTRAINT goal_own_parent CHECK (parent_id IS NULL OR parent_id <> id)
);
CREATE INDEX goals_parent_id ON goals(parent_id);
CREATE INDEX goals_organization_id ON goals(organization_id);
CREATE INDEX goals_status ON goals(status);
CREATE INDEX goals_target_date ON goals(target_date);

CREATE TABLE goal_milestones (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    goal_id     bigint NOT NULL CONSTRAINT goal_milestones_goal_id_fkey
                REFERENCES goals(id) ON DELETE CASCADE,
    title       text COLLATE "C" NOT NULL
                CONSTRAINT milestone_title_empty CHECK (length(trim(title)) > 0),
    due_date    date CONSTRAINT milestone_due_date CHECK (due_date IS NULL OR worklog_is_day(due_date)),
    done_on     date CONSTRAINT milestone_done_on CHECK (done_on IS NULL OR worklog_is_day(done_on)),
    position    bigint NOT NULL DEFAULT 0,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    version     bigint NOT NULL DEFAULT 1
);
CREATE INDEX goal_milestones_goal_id ON goal_milestones(goal_id, position);
CREATE INDEX goal_milestones_due_date ON goal_milestones(due_date);
CREATE INDEX goal_milestones_done_on ON goal_milestones(done_on);

-- Daily focus. A task lives on one day; carrying it forward moves it and records the move.
CREATE TABLE tasks (
    id               bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    day              date NOT NULL CONSTRAINT task_day CHECK (worklog_is_day(day)),
    first_day        date NOT NULL CONSTRAINT task_first_day CHECK (worklog_is_day(first_day)),
    title            text COLLATE "C" NOT NULL
                     CONSTRAINT task_title_empty CHECK (length(trim(title)) > 0),
    notes            text COLLATE "C" NOT NULL DEFAULT '',
    status           text COLLATE "C" NOT NULL DEFAULT 'todo'
                     CONSTRAINT task_status CHECK (status IN ('todo', 'doing', 'done', 'dropped')),
    priority         bigint NOT NULL DEFAULT 2 CONSTRAINT task_priority CHECK (priority BETWEEN 1 AND 3),
    estimate_minutes bigint CONSTRAINT task_estimate
                     CHECK (estimate_minutes IS NULL OR estimate_minutes BETWEEN 1 AND 1440),
    goal_id          bigint CONSTRAINT tasks_goal_id_fkey REFERENCES goals(id) ON DELETE SET NULL,
    position         bigint NOT NULL DEFAULT 0,
    carry_count      bigint NOT NULL DEFAULT 0 CONSTRAINT task_carry_count CHECK (carry_count >= 0),
    done_at          timestamp CONSTRAINT task_done_at CHECK (done_at IS NULL OR worklog_is_moment(done_at)),
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    deleted_at       timestamptz,
    version          bigint NOT NULL DEFAULT 1,
    CONSTRAINT task_done_at_status CHECK ((status = 'done') = (done_at IS NOT NULL))
);
CREATE INDEX tasks_day ON tasks(day, position);
CREATE INDEX tasks_status ON tasks(status, day);
CREATE INDEX tasks_goal_id ON tasks(goal_id);
CREATE INDEX tasks_done_at ON tasks(done_at);

-- Every time a task was carried from one day to another.
CREATE TABLE task_carries (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    task_id     bigint NOT NULL CONSTRAINT task_carries_task_id_fkey
                REFERENCES tasks(id) ON DELETE CASCADE,
    from_day    date NOT NULL CONSTRAINT carry_from_day CHECK (worklog_is_day(from_day)),
    to_day      date NOT NULL CONSTRAINT carry_to_day CHECK (worklog_is_day(to_day)),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX task_carries_task_id ON task_carries(task_id);
CREATE INDEX task_carries_from_day ON task_carries(from_day);

-- Journal entries: what was learned.
CREATE TABLE learnings (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at          timestamp NOT NULL CONSTRAINT learning_at CHECK (worklog_is_moment(at)),
    title       text COLLATE "C" NOT NULL
                CONSTRAINT learning_title_empty CHECK (length(trim(title)) > 0),
    body        text COLLATE "C" NOT NULL DEFAULT '',
    -- A boolean holds nothing else; the CHECK is kept so both schemas have the same names.
    starred     boolean NOT NULL DEFAULT false CONSTRAINT learning_starred CHECK (starred IN (false, true)),
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    version     bigint NOT NULL DEFAULT 1
);
CREATE INDEX learnings_at ON learnings(at);

CREATE TABLE skills (
    id              bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    name            text COLLATE "C" NOT NULL
                    CONSTRAINT skill_name_empty CHECK (length(trim(name)) > 0),
    category        text COLLATE "C" NOT NULL DEFAULT '',
    description     text COLLATE "C" NOT NULL DEFAULT '',
    target_level    bigint CONSTRAINT skill_target_level
                    CHECK (target_level IS NULL OR target_level BETWEEN 0 AND 5),
    organization_id bigint CONSTRAINT skills_organization_id_fkey
                    REFERENCES organizations(id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    deleted_at      timestamptz,
    version         bigint NOT NULL DEFAULT 1
);
-- Skill names are unique among skills that are not deleted.
CREATE UNIQUE INDEX skills_name ON skills(name COLLATE nocase) WHERE deleted_at IS NULL;
CREATE INDEX skills_category ON skills(category);
CREATE INDEX skills_organization_id ON skills(organization_id);

-- Every level ever recorded for a skill; appended to, never rewritten by the app.
CREATE TABLE skill_progress (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    skill_id    bigint NOT NULL CONSTRAINT skill_progress_skill_id_fkey
                REFERENCES skills(id) ON DELETE CASCADE,
    level       bigint NOT NULL CONSTRAINT skill_level CHECK (level BETWEEN 0 AND 5),
    assessed_on date NOT NULL CONSTRAINT skill_assessed_on CHECK (worklog_is_day(assessed_on)),
    note        text COLLATE "C" NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX skill_progress_skill_id ON skill_progress(skill_id, assessed_on);
CREATE INDEX skill_progress_assessed_on ON skill_progress(assessed_on);

CREATE TABLE learning_skills (
    learning_id bigint NOT NULL CONSTRAINT learning_skills_learning_id_fkey
                REFERENCES learnings(id) ON DELETE CASCADE,
    skill_id    bigint NOT NULL CONSTRAINT learning_skills_skill_id_fkey
                REFERENCES skills(id) ON DELETE CASCADE,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (learning_id, skill_id)
);
CREATE INDEX learning_skills_skill_id ON learning_skills(skill_id);

CREATE TABLE meetings (
    id               bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    starts_at        timestamp NOT NULL CONSTRAINT meeting_starts_at CHECK (worklog_is_moment(starts_at)),
    duration_minutes bigint CONSTRAINT meeting_duration
                     CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 1 AND 1440),
    title            text COLLATE "C" NOT NULL
                     CONSTRAINT meeting_title_empty CHECK (length(trim(title)) > 0),
    kind             text COLLATE "C" NOT NULL DEFAULT 'other'
                     CONSTRAINT meeting_kind CHECK (kind IN ('one_on_one', 'team', 'interview', 'review', 'planning', 'external', 'other')),
    notes            text COLLATE "C" NOT NULL DEFAULT '',
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    deleted_at       timestamptz,
    version          bigint NOT NULL DEFAULT 1
);
CREATE INDEX meetings_starts_at ON meetings(starts_at);

-- People are referenced, not owned: a person who attended a meeting cannot be deleted (merge instead).
CREATE TABLE meeting_attendees (
    meeting_id  bigint NOT NULL CONSTRAINT meeting_attendees_meeting_id_fkey
                REFERENCES meetings(id) ON DELETE CASCADE,
    person_id   bigint NOT NULL CONSTRAINT meeting_attendees_person_id_fkey
                REFERENCES people(id) ON DELETE RESTRICT,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (meeting_id, person_id)
);
CREATE INDEX meeting_attendees_person_id ON meeting_attendees(person_id);

CREATE TABLE feedback (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    direction   text COLLATE "C" NOT NULL
                CONSTRAINT feedback_direction CHECK (direction IN ('given', 'received')),
    person_id   bigint NOT NULL CONSTRAINT feedback_person_id_fkey
                REFERENCES people(id) ON DELETE RESTRICT,
    day         date NOT NULL CONSTRAINT feedback_day CHECK (worklog_is_day(day)),
    kind        text COLLATE "C" NOT NULL DEFAULT 'other'
                CONSTRAINT feedback_kind CHECK (kind IN ('praise', 'constructive', 'suggestion', 'recognition', 'other')),
    content     text COLLATE "C" NOT NULL
                CONSTRAINT feedback_content_empty CHECK (length(trim(content)) > 0),
    meeting_id  bigint CONSTRAINT feedback_meeting_id_fkey REFERENCES meetings(id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    version     bigint NOT NULL DEFAULT 1
);
CREATE INDEX feedback_person_id ON feedback(person_id);
CREATE INDEX feedback_meeting_id ON feedback(meeting_id);
CREATE INDEX feedback_day ON feedback(day);
CREATE INDEX feedback_direction ON feedback(direction, day);

-- Something to do that came out of a meeting or a piece of feedback. The owner is a person,
-- or the user when owner_id is NULL. Promoted to a focus task, it keeps the link in task_id.
CREATE TABLE action_items (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    title       text COLLATE "C" NOT NULL
                CONSTRAINT action_item_title_empty CHECK (length(trim(title)) > 0),
    meeting_id  bigint CONSTRAINT action_items_meeting_id_fkey REFERENCES meetings(id) ON DELETE CASCADE,
    feedback_id bigint CONSTRAINT action_items_feedback_id_fkey REFERENCES feedback(id) ON DELETE CASCADE,
    owner_id    bigint CONSTRAINT action_items_owner_id_fkey REFERENCES people(id) ON DELETE SET NULL,
    due_date    date CONSTRAINT action_item_due_date CHECK (due_date IS NULL OR worklog_is_day(due_date)),
    done_at     timestamp CONSTRAINT action_item_done_at
                CHECK (done_at IS NULL OR worklog_is_moment(done_at)),
    task_id     bigint CONSTRAINT action_items_task_id_unique UNIQUE
                CONSTRAINT action_items_task_id_fkey REFERENCES tasks(id) ON DELETE SET NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    version     bigint NOT NULL DEFAULT 1,
    CONSTRAINT action_item_one_source CHECK (meeting_id IS NULL OR feedback_id IS NULL)
);
CREATE INDEX action_items_meeting_id ON action_items(meeting_id);
CREATE INDEX action_items_feedback_id ON action_items(feedback_id);
CREATE INDEX action_items_owner_id ON action_items(owner_id);
CREATE INDEX action_items_open ON action_items(done_at, due_date);

CREATE TABLE energy_checkins (
    id          bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    at          timestamp NOT NULL CONSTRAINT checkin_at CHECK (worklog_is_moment(at)),
    level       bigint NOT NULL CONSTRAINT energy_level CHECK (level BETWEEN 1 AND 5),
    note        text COLLATE "C" NOT NULL DEFAULT '',
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now(),
    deleted_at  timestamptz,
    version     bigint NOT NULL DEFAULT 1
);
CREATE INDEX energy_checkins_at ON energy_checkins(at);

-- Tag links, one table per tagged kind of row.
CREATE TABLE task_tags (
    task_id bigint NOT NULL CONSTRAINT task_tags_task_id_fkey REFERENCES tasks(id) ON DELETE CASCADE,
    tag_id bigint NOT NULL CONSTRAINT task_tags_tag_id_fkey REFERENCES tags(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (task_id, tag_id)
);
CREATE INDEX task_tags_tag_id ON task_tags(tag_id);

CREATE TABLE learning_tags (
    learning_id bigint NOT NULL CONSTRAINT learning_tags_learning_id_fkey REFERENCES learnings(id) ON DELETE CASCADE,
    tag_id bigint NOT NULL CONSTRAINT learning_tags_tag_id_fkey REFERENCES tags(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (learning_id, tag_id)
);
CREATE INDEX learning_tags_tag_id ON learning_tags(tag_id);

CREATE TABLE meeting_tags (
    meeting_id bigint NOT NULL CONSTRAINT meeting_tags_meeting_id_fkey REFERENCES meetings(id) ON DELETE CASCADE,
    tag_id bigint NOT NULL CONSTRAINT meeting_tags_tag_id_fkey REFERENCES tags(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (meeting_id, tag_id)
);
CREATE INDEX meeting_tags_tag_id ON meeting_tags(tag_id);

CREATE TABLE goal_tags (
    goal_id bigint NOT NULL CONSTRAINT goal_tags_goal_id_fkey REFERENCES goals(id) ON DELETE CASCADE,
    tag_id bigint NOT NULL CONSTRAINT goal_tags_tag_id_fkey REFERENCES tags(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (goal_id, tag_id)
);
CREATE INDEX goal_tags_tag_id ON goal_tags(tag_id);

CREATE TABLE feedback_tags (
    feedback_id bigint NOT NULL CONSTRAINT feedback_tags_feedback_id_fkey REFERENCES feedback(id) ON DELETE CASCADE,
    tag_id bigint NOT NULL CONSTRAINT feedback_tags_tag_id_fkey REFERENCES tags(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (feedback_id, tag_id)
);
CREATE INDEX feedback_tags_tag_id ON feedback_tags(tag_id);

CREATE TABLE skill_tags (
    skill_id bigint NOT NULL CONSTRAINT skill_tags_skill_id_fkey REFERENCES skills(id) ON DELETE CASCADE,
    tag_id bigint NOT NULL CONSTRAINT skill_tags_tag_id_fkey REFERENCES tags(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (skill_id, tag_id)
);
CREATE INDEX skill_tags_tag_id ON skill_tags(tag_id);

CREATE TABLE checkin_tags (
    checkin_id bigint NOT NULL CONSTRAINT checkin_tags_checkin_id_fkey REFERENCES energy_checkins(id) ON DELETE CASCADE,
    tag_id bigint NOT NULL CONSTRAINT checkin_tags_tag_id_fkey REFERENCES tags(id) ON DELETE CASCADE,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (checkin_id, tag_id)
);
CREATE INDEX checkin_tags_tag_id ON checkin_tags(tag_id);
