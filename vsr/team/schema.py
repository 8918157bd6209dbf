"""The team library's schema in PostgreSQL, as versioned migrations (`vsr team init URL`).

Everything lives in the schema `vsr_team`, owned by the role that ran `vsr team init` (the
organisation's administrator). Users are the organisation's own PostgreSQL login roles (so its
LDAP/Kerberos set-up applies), given one of four group roles:

- `vsr_professional`: shares their own reviews with a team (with the client's consent);
- `vsr_coach`: sees what is shared for intervisie with a team they are in;
- `vsr_trainer`: sees what is shared for training with a team they are in;
- `vsr_functionaris` (privacy officer): reads the log and what is shared (titles, purposes,
  dates), never the moments' words or a media key.

Users get no rights on the tables: only EXECUTE on the functions of the API (migration 2).
Those functions belong to the role `vsr_api`, which is not the tables' owner, so row-level
security applies inside them; the policies test `session_user` (the role that logged in), so a
function that runs with `vsr_api`'s rights still returns only what the user may see. The small
functions the policies call (`sees`, `is_member`, ...) belong to the owner and read the tables
without policies, which keeps the policies from calling each other in a circle. Every function
that reads a shared review, a search result or a media key writes a row to the log first."""

from __future__ import annotations

import re

MIGRATIONS: list[str] = []

GROUP_ROLES = ("vsr_professional", "vsr_coach", "vsr_trainer", "vsr_functionaris")
USER_ROLES = GROUP_ROLES  # every group may call the API; the policies decide what it returns
API_ROLE = "vsr_api"  # owns the API functions; not the tables' owner, so policies apply to it

MIGRATIONS.append(r"""
CREATE TABLE vsr_team.team (
    id serial PRIMARY KEY,
    name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 200)
);

-- A member is a role: one person's login role, or a group role of the organisation (an LDAP
-- group), so membership follows the organisation's own directory.
CREATE TABLE vsr_team.member (
    team_id int NOT NULL REFERENCES vsr_team.team ON DELETE CASCADE,
    member name NOT NULL,
    function text NOT NULL CHECK (function IN ('professional', 'coach', 'trainer')),
    PRIMARY KEY (team_id, member, function)
);

-- A recording someone shared. Its id comes from the content fingerprint, so sharing the same
-- recording twice finds the same row. No file name, no folder: the label is neutral.
CREATE TABLE vsr_team.recording (
    id uuid PRIMARY KEY,
    owner name NOT NULL DEFAULT session_user,
    label text NOT NULL CHECK (length(label) <= 300),
    duration_ms bigint NOT NULL CHECK (duration_ms >= 0),
    media_ref text NOT NULL CHECK (media_ref ~ '^[0-9a-f]{64}\.vsrmedia$'),
    media_size bigint NOT NULL CHECK (media_size >= 0),
    media_sha256 text NOT NULL CHECK (media_sha256 ~ '^[0-9a-f]{64}$'),
    keep_until date,
    created_at timestamptz NOT NULL DEFAULT now()
);

-- Consent lives with the shared recording: the source of truth for everyone who sees it.
CREATE TABLE vsr_team.consent (
    recording_id uuid NOT NULL REFERENCES vsr_team.recording ON DELETE CASCADE,
    purpose text NOT NULL CHECK (purpose IN ('intervisie', 'training')),
    given_on date NOT NULL,
    until date,
    recognisable boolean NOT NULL DEFAULT false,
    withdrawn_at timestamptz,
    PRIMARY KEY (recording_id, purpose)
);

-- The key the recording's media are encrypted with. Deleted when no consent is left: every
-- copy of the encrypted file anywhere becomes unreadable (crypto-shredding).
CREATE TABLE vsr_team.media_key (
    recording_id uuid PRIMARY KEY REFERENCES vsr_team.recording ON DELETE CASCADE,
    key bytea NOT NULL CHECK (length(key) = 32)
);

CREATE TABLE vsr_team.share (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    recording_id uuid NOT NULL REFERENCES vsr_team.recording ON DELETE CASCADE,
    team_id int NOT NULL REFERENCES vsr_team.team ON DELETE CASCADE,
    purpose text NOT NULL CHECK (purpose IN ('intervisie', 'training')),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    parties jsonb NOT NULL,
    duration_ms bigint NOT NULL DEFAULT 0,
    moments int NOT NULL DEFAULT 0,
    shared_by name NOT NULL DEFAULT session_user,
    shared_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (recording_id, team_id, purpose, title)
);

CREATE TABLE vsr_team.moment (
    id bigserial PRIMARY KEY,
    share_id uuid NOT NULL REFERENCES vsr_team.share ON DELETE CASCADE,
    start_ms bigint NOT NULL CHECK (start_ms >= 0),
    end_ms bigint CHECK (end_ms IS NULL OR end_ms >= start_ms),
    party text NOT NULL,
    theme text NOT NULL DEFAULT '',
    what_happened text NOT NULL DEFAULT '',
    reflections text NOT NULL DEFAULT '',
    keep_or_change text NOT NULL DEFAULT '',
    words tsvector GENERATED ALWAYS AS (to_tsvector('dutch',
        theme || ' ' || what_happened || ' ' || reflections || ' ' || keep_or_change)) STORED
);
CREATE INDEX moment_words ON vsr_team.moment USING gin (words);
CREATE INDEX moment_share ON vsr_team.moment (share_id);
CREATE INDEX share_team ON vsr_team.share (team_id, purpose);
CREATE INDEX share_by ON vsr_team.share (shared_by);
CREATE INDEX share_recording ON vsr_team.share (recording_id);
CREATE INDEX share_recent ON vsr_team.share (shared_at DESC, id);
CREATE INDEX member_member ON vsr_team.member (member);

-- The log: who (the role that logged in, enforced), from which workstation (what the program
-- says, and the address the server sees), what, whose recording, when. Reads included.
CREATE TABLE vsr_team.log (
    id bigserial PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT clock_timestamp(),
    db_role name NOT NULL DEFAULT session_user,
    workstation text NOT NULL DEFAULT '',
    client_addr inet DEFAULT inet_client_addr(),
    action text NOT NULL,
    recording_id uuid,
    share_id uuid,
    detail jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX log_at ON vsr_team.log (at);

CREATE FUNCTION vsr_team.owner_role() RETURNS name LANGUAGE sql STABLE AS $$
    SELECT nspowner::regrole::name FROM pg_namespace WHERE nspname = 'vsr_team' $$;

-- Nobody but the schema's owner changes or deletes a log row; the owner only through a
-- deliberate session (e.g. a retention job), never through the API.
CREATE FUNCTION vsr_team.log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF session_user <> vsr_team.owner_role() THEN
        RAISE EXCEPTION 'vsr_team.log is append-only' USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END $$;
CREATE TRIGGER log_no_update BEFORE UPDATE OR DELETE ON vsr_team.log
    FOR EACH ROW EXECUTE FUNCTION vsr_team.log_is_append_only();
CREATE TRIGGER log_no_truncate BEFORE TRUNCATE ON vsr_team.log
    FOR EACH STATEMENT EXECUTE FUNCTION vsr_team.log_is_append_only();

-- Is the user (who logged in) this role or a member of it? False for a role that no longer
-- exists (pg_has_role would raise).
CREATE FUNCTION vsr_team.has_role(r name) RETURNS boolean
LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = pg_catalog SET jit = off AS $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
        RETURN false;
    END IF;
    RETURN pg_has_role(session_user, r, 'MEMBER');
END $$;

-- Is the recording the user's own? (Read without policies, so a policy on share can ask.)
CREATE FUNCTION vsr_team.owns(rec uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
    SELECT EXISTS (SELECT 1 FROM vsr_team.recording r WHERE r.id = rec AND r.owner = session_user) $$;

-- Who is this user, by function, in which team.
CREATE FUNCTION vsr_team.is_member(team int, fn text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
    SELECT EXISTS (SELECT 1 FROM vsr_team.member m
                   WHERE m.team_id = team AND m.function = fn AND vsr_team.has_role(m.member)) $$;

CREATE FUNCTION vsr_team.consent_holds(rec uuid, purp text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
    SELECT EXISTS (SELECT 1 FROM vsr_team.consent c JOIN vsr_team.recording r ON r.id = c.recording_id
                   WHERE c.recording_id = rec AND c.purpose = purp AND c.withdrawn_at IS NULL
                     AND (c.until IS NULL OR c.until >= current_date)
                     AND (r.keep_until IS NULL OR r.keep_until >= current_date)) $$;

-- The one rule of who sees a shared review: its sharer, or a member of its team whose function
-- fits the purpose (professionals and coaches: intervisie; trainers: training); and only while
-- the consent holds and the recording is within its retention.
CREATE FUNCTION vsr_team.sees(team int, purp text, sharer name, rec uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
    SELECT vsr_team.consent_holds(rec, purp) AND (
        sharer = session_user
        OR (purp = 'intervisie' AND (vsr_team.is_member(team, 'coach')
                                     OR vsr_team.is_member(team, 'professional')))
        OR (purp = 'training' AND vsr_team.is_member(team, 'trainer'))) $$;

CREATE FUNCTION vsr_team.is_officer() RETURNS boolean LANGUAGE sql STABLE AS $$
    SELECT vsr_team.has_role('vsr_functionaris') $$;

-- The teams whose items of a purpose the user sees as a member (professionals and coaches:
-- intervisie; trainers: training). The policies call it once per query, not once per row
-- (written as a sub-select, which PostgreSQL runs once as an InitPlan).
CREATE FUNCTION vsr_team.teams_for(purp text) RETURNS int[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
    SELECT coalesce(array_agg(DISTINCT m.team_id), '{}')
    FROM vsr_team.member m JOIN pg_roles r ON r.rolname = m.member
    WHERE pg_has_role(session_user, r.oid, 'MEMBER')
      AND ((purp = 'intervisie' AND m.function IN ('coach', 'professional'))
           OR (purp = 'training' AND m.function = 'trainer')) $$;

ALTER TABLE vsr_team.team ENABLE ROW LEVEL SECURITY;
ALTER TABLE vsr_team.member ENABLE ROW LEVEL SECURITY;
ALTER TABLE vsr_team.recording ENABLE ROW LEVEL SECURITY;
ALTER TABLE vsr_team.consent ENABLE ROW LEVEL SECURITY;
ALTER TABLE vsr_team.media_key ENABLE ROW LEVEL SECURITY;
ALTER TABLE vsr_team.share ENABLE ROW LEVEL SECURITY;
ALTER TABLE vsr_team.moment ENABLE ROW LEVEL SECURITY;
ALTER TABLE vsr_team.log ENABLE ROW LEVEL SECURITY;

-- The owner (administrator) manages teams and runs maintenance; users see the teams they are in.
CREATE POLICY team_admin ON vsr_team.team USING (session_user = vsr_team.owner_role());
CREATE POLICY team_read ON vsr_team.team FOR SELECT USING (
    vsr_team.is_officer() OR EXISTS (SELECT 1 FROM vsr_team.member m WHERE m.team_id = team.id
                                     AND vsr_team.has_role(m.member)));
CREATE POLICY member_admin ON vsr_team.member USING (session_user = vsr_team.owner_role());
CREATE POLICY member_read ON vsr_team.member FOR SELECT USING (
    vsr_team.is_officer() OR vsr_team.has_role(member));

CREATE POLICY recording_owner ON vsr_team.recording USING (owner = session_user)
    WITH CHECK (owner = session_user AND vsr_team.has_role('vsr_professional'));
CREATE POLICY recording_seen ON vsr_team.recording FOR SELECT USING (
    (SELECT vsr_team.is_officer())
    OR EXISTS (SELECT 1 FROM vsr_team.share s WHERE s.recording_id = recording.id));
CREATE POLICY recording_expired ON vsr_team.recording FOR DELETE USING (keep_until < current_date);

CREATE POLICY consent_owner ON vsr_team.consent USING (
    EXISTS (SELECT 1 FROM vsr_team.recording r WHERE r.id = recording_id AND r.owner = session_user));
CREATE POLICY consent_seen ON vsr_team.consent FOR SELECT USING (
    vsr_team.is_officer() OR EXISTS (SELECT 1 FROM vsr_team.recording r WHERE r.id = recording_id));

CREATE POLICY key_owner ON vsr_team.media_key USING (
    EXISTS (SELECT 1 FROM vsr_team.recording r WHERE r.id = recording_id AND r.owner = session_user));
CREATE POLICY key_seen ON vsr_team.media_key FOR SELECT USING (
    EXISTS (SELECT 1 FROM vsr_team.share s WHERE s.recording_id = media_key.recording_id
            AND @SEES(s.)@));

-- The officer sees what is shared (title, purpose, team, dates) to oversee it; the moments'
-- words and the keys follow the member rule only.
CREATE POLICY share_seen ON vsr_team.share FOR SELECT USING (
    @SEES()@ OR ((SELECT vsr_team.is_officer()) AND session_user <> shared_by));
CREATE POLICY share_add ON vsr_team.share FOR INSERT WITH CHECK (
    shared_by = session_user AND vsr_team.consent_holds(recording_id, purpose)
    AND vsr_team.is_member(team_id, 'professional') AND vsr_team.owns(recording_id));
CREATE POLICY share_remove ON vsr_team.share FOR DELETE USING (
    shared_by = session_user OR NOT vsr_team.consent_holds(recording_id, purpose));

CREATE POLICY moment_seen ON vsr_team.moment FOR SELECT USING (
    EXISTS (SELECT 1 FROM vsr_team.share s WHERE s.id = share_id AND @SEES(s.)@));
CREATE POLICY moment_add ON vsr_team.moment FOR INSERT WITH CHECK (
    EXISTS (SELECT 1 FROM vsr_team.share s WHERE s.id = share_id AND s.shared_by = session_user));

CREATE POLICY log_add ON vsr_team.log FOR INSERT WITH CHECK (db_role = session_user);
CREATE POLICY log_read ON vsr_team.log FOR SELECT USING (
    vsr_team.is_officer() OR db_role = session_user OR session_user = vsr_team.owner_role());
CREATE POLICY log_owner ON vsr_team.log FOR DELETE USING (session_user = vsr_team.owner_role());

CREATE FUNCTION vsr_team.write_log(act text, rec uuid, shr uuid, det jsonb) RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
    INSERT INTO vsr_team.log (workstation, action, recording_id, share_id, detail)
    VALUES (coalesce(current_setting('application_name', true), ''), act, rec, shr,
            coalesce(det, '{}'::jsonb)) $$;
""")

# The API: the only thing users may call. Each function runs with the owner's rights, so that
# users hold no table rights, while the forced policies still apply to `session_user`.
MIGRATIONS.append(r"""
CREATE FUNCTION vsr_team.my_teams() RETURNS TABLE (team text, function text)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
    SELECT t.name, m.function FROM vsr_team.team t JOIN vsr_team.member m ON m.team_id = t.id
    WHERE vsr_team.has_role(m.member) ORDER BY 1, 2 $$;

CREATE FUNCTION vsr_team.put_recording(rec uuid, lbl text, dur bigint, ref text, size bigint,
        sha text, keep date, k bytea) RETURNS void
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
BEGIN
    INSERT INTO vsr_team.recording (id, label, duration_ms, media_ref, media_size, media_sha256,
                                    keep_until)
    VALUES (rec, lbl, dur, ref, size, sha, keep)
    ON CONFLICT (id) DO UPDATE SET label = EXCLUDED.label, keep_until = EXCLUDED.keep_until,
        media_ref = EXCLUDED.media_ref, media_size = EXCLUDED.media_size,
        media_sha256 = EXCLUDED.media_sha256;
    INSERT INTO vsr_team.media_key (recording_id, key) VALUES (rec, k)
    ON CONFLICT (recording_id) DO UPDATE SET key = EXCLUDED.key;
    PERFORM vsr_team.write_log('recording.put', rec, NULL, jsonb_build_object('size', size));
END $$;

CREATE FUNCTION vsr_team.put_consent(rec uuid, purp text, given date, till date, recog boolean)
RETURNS void LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
BEGIN
    INSERT INTO vsr_team.consent (recording_id, purpose, given_on, until, recognisable)
    VALUES (rec, purp, given, till, recog)
    ON CONFLICT (recording_id, purpose) DO UPDATE SET given_on = EXCLUDED.given_on,
        until = EXCLUDED.until, recognisable = EXCLUDED.recognisable, withdrawn_at = NULL
        -- a withdrawn consent comes back only as a new consent, given after the withdrawal
        WHERE consent.withdrawn_at IS NULL OR EXCLUDED.given_on >= consent.withdrawn_at::date;
    PERFORM vsr_team.write_log('consent.put', rec, NULL,
        jsonb_build_object('purpose', purp, 'until', till));
END $$;

CREATE FUNCTION vsr_team.share_review(rec uuid, team_name text, purp text, ttl text,
        parts jsonb, moments jsonb) RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
DECLARE
    tid int;
    sid uuid;
    dur bigint;
BEGIN
    SELECT id INTO tid FROM vsr_team.team WHERE name = team_name;
    IF tid IS NULL THEN
        RAISE EXCEPTION 'no team %', team_name USING ERRCODE = 'VT001';
    END IF;
    DELETE FROM vsr_team.share WHERE recording_id = rec AND team_id = tid AND purpose = purp
                                 AND title = ttl AND shared_by = session_user;
    SELECT r.duration_ms INTO dur FROM vsr_team.recording r WHERE r.id = rec;
    INSERT INTO vsr_team.share (recording_id, team_id, purpose, title, parties, duration_ms, moments)
    VALUES (rec, tid, purp, ttl, parts, coalesce(dur, 0), jsonb_array_length(moments))
    RETURNING id INTO sid;
    INSERT INTO vsr_team.moment (share_id, start_ms, end_ms, party, theme, what_happened,
                                 reflections, keep_or_change)
    SELECT sid, (m->>'start_ms')::bigint, (m->>'end_ms')::bigint, m->>'party',
           coalesce(m->>'theme', ''), coalesce(m->>'what_happened', ''),
           coalesce(m->>'reflections', ''), coalesce(m->>'keep_or_change', '')
    FROM jsonb_array_elements(moments) AS m;
    PERFORM vsr_team.write_log('share.add', rec, sid,
        jsonb_build_object('team', team_name, 'purpose', purp, 'moments', jsonb_array_length(moments)));
    RETURN sid;
END $$;

CREATE FUNCTION vsr_team.list_shares(max_rows int DEFAULT 200, skip int DEFAULT 0)
RETURNS TABLE (id uuid, title text, purpose text, team text, shared_by name,
        shared_at timestamptz, recording_id uuid, duration_ms bigint, moments bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
BEGIN
    PERFORM vsr_team.write_log('share.list', NULL, NULL, '{}');
    RETURN QUERY
    SELECT s.id, s.title, s.purpose, t.name, s.shared_by, s.shared_at, s.recording_id,
           s.duration_ms, s.moments::bigint
    FROM vsr_team.share s JOIN vsr_team.team t ON t.id = s.team_id
    WHERE @SEES(s.)@  -- the member rule: the officer's oversight is not a list to open
    ORDER BY s.shared_at DESC, s.id LIMIT max_rows OFFSET skip;
END $$;

-- Opening a shared review: its moments, and the media's place and key. Logged before reading.
CREATE FUNCTION vsr_team.open_share(sid uuid) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
DECLARE
    s vsr_team.share;
    r vsr_team.recording;
    k bytea;
BEGIN
    SELECT * INTO s FROM vsr_team.share x WHERE x.id = sid AND @SEES(x.)@;
    IF s.id IS NULL THEN
        RAISE EXCEPTION 'not shared with you' USING ERRCODE = 'VT002';
    END IF;
    PERFORM vsr_team.write_log('share.open', s.recording_id, s.id, '{}');
    SELECT * INTO r FROM vsr_team.recording WHERE id = s.recording_id;
    SELECT key INTO k FROM vsr_team.media_key WHERE recording_id = s.recording_id;
    RETURN jsonb_build_object(
        'id', s.id, 'title', s.title, 'purpose', s.purpose, 'parties', s.parties,
        'recording_id', r.id, 'duration_ms', r.duration_ms, 'media_ref', r.media_ref,
        'media_size', r.media_size, 'media_sha256', r.media_sha256,
        'key', encode(k, 'hex'),
        'recognisable', (SELECT c.recognisable FROM vsr_team.consent c
                         WHERE c.recording_id = r.id AND c.purpose = s.purpose),
        'moments', coalesce((SELECT jsonb_agg(jsonb_build_object(
            'start_ms', m.start_ms, 'end_ms', m.end_ms, 'party', m.party, 'theme', m.theme,
            'what_happened', m.what_happened, 'reflections', m.reflections,
            'keep_or_change', m.keep_or_change) ORDER BY m.start_ms, m.id)
            FROM vsr_team.moment m WHERE m.share_id = s.id), '[]'::jsonb));
END $$;

-- Search with PostgreSQL's Dutch stemming ("afspraak" finds "afspraken"). Logged.
CREATE FUNCTION vsr_team.search(q text, max_hits int DEFAULT 200) RETURNS TABLE (
        share_id uuid, title text, team text, start_ms bigint, end_ms bigint, party text,
        snippet text, rank real, total bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
DECLARE
    query tsquery := websearch_to_tsquery('dutch', q);
BEGIN
    PERFORM vsr_team.write_log('search', NULL, NULL, jsonb_build_object('words', length(q)));
    RETURN QUERY
    -- Words and rank first; the highlighted snippet only for the hits returned.
    WITH hits AS (
        SELECT m.id, m.share_id, m.start_ms, m.end_ms, m.party, ts_rank(m.words, query) AS rank
        FROM vsr_team.moment m
        WHERE m.words @@ query),  -- the policy on moment decides what may be found
    counted AS (
        SELECT h.*, count(*) OVER () AS total FROM hits h
        ORDER BY h.rank DESC, h.share_id, h.start_ms LIMIT max_hits)
    SELECT c.share_id, s.title, t.name, c.start_ms, c.end_ms, c.party,
           ts_headline('dutch', m.what_happened || ' ' || m.reflections || ' ' || m.keep_or_change,
                       query, 'StartSel=[, StopSel=], MaxWords=20, MinWords=5'),
           c.rank, c.total
    FROM counted c JOIN vsr_team.moment m ON m.id = c.id
    JOIN vsr_team.share s ON s.id = c.share_id JOIN vsr_team.team t ON t.id = s.team_id
    ORDER BY c.rank DESC, c.share_id, c.start_ms;
END $$;

-- Withdrawal at the source: the consent is marked withdrawn, every share under it goes, and
-- when no consent is left the media key is deleted (every copy becomes unreadable).
CREATE FUNCTION vsr_team.withdraw(rec uuid, purp text) RETURNS TABLE (shares_removed bigint,
        key_deleted boolean, media_ref text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
DECLARE
    n bigint;
    gone boolean := false;
    ref text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM vsr_team.recording r WHERE r.id = rec AND r.owner = session_user) THEN
        RAISE EXCEPTION 'not your recording' USING ERRCODE = 'VT003';
    END IF;
    -- The shares first: once the consent is withdrawn the policies hide them, even from here.
    DELETE FROM vsr_team.share WHERE recording_id = rec AND purpose = purp;
    GET DIAGNOSTICS n = ROW_COUNT;
    UPDATE vsr_team.consent SET withdrawn_at = now()
        WHERE recording_id = rec AND purpose = purp AND withdrawn_at IS NULL;
    SELECT r.media_ref INTO ref FROM vsr_team.recording r WHERE r.id = rec;
    IF NOT EXISTS (SELECT 1 FROM vsr_team.consent c WHERE c.recording_id = rec
                   AND c.withdrawn_at IS NULL) THEN
        DELETE FROM vsr_team.media_key WHERE recording_id = rec;
        gone := true;
    END IF;
    PERFORM vsr_team.write_log('consent.withdrawn', rec, NULL,
        jsonb_build_object('purpose', purp, 'shares', n, 'key_deleted', gone));
    RETURN QUERY SELECT n, gone, ref;
END $$;

-- Retention and lapsed consent: remove what nobody may see any more. Anyone may run it (it
-- only deletes what the rules already hide); the program runs it when it connects.
CREATE FUNCTION vsr_team.purge_expired() RETURNS TABLE (recording_id uuid, media_ref text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT x.id, x.media_ref FROM vsr_team.recording x
        WHERE (x.keep_until IS NOT NULL AND x.keep_until < current_date)
           OR NOT EXISTS (SELECT 1 FROM vsr_team.consent c WHERE c.recording_id = x.id
                          AND c.withdrawn_at IS NULL AND (c.until IS NULL OR c.until >= current_date))
    LOOP
        DELETE FROM vsr_team.share s WHERE s.recording_id = r.id;
        DELETE FROM vsr_team.media_key k WHERE k.recording_id = r.id;
        IF EXISTS (SELECT 1 FROM vsr_team.recording x WHERE x.id = r.id
                   AND x.keep_until IS NOT NULL AND x.keep_until < current_date) THEN
            PERFORM vsr_team.write_log('recording.expired', r.id, NULL, '{}');
            recording_id := r.id; media_ref := r.media_ref;
            RETURN NEXT;
        END IF;
    END LOOP;
END $$;

CREATE FUNCTION vsr_team.read_log(max_rows int DEFAULT 1000) RETURNS TABLE (id bigint,
        at timestamptz, db_role name, workstation text, client_addr inet, action text,
        recording_id uuid, share_id uuid, detail jsonb)
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
    SELECT l.id, l.at, l.db_role, l.workstation, l.client_addr, l.action, l.recording_id,
           l.share_id, l.detail
    FROM vsr_team.log l ORDER BY l.id DESC LIMIT max_rows $$;
""")


# Speed at 10,000 shared reviews and 50 clients (bench/team_rows.py). Whether the consent and
# the retention still allow a share is kept on the share itself (`open_until`, the last day it
# may be seen; 'infinity' for no end, '-infinity' once withdrawn), set by triggers whenever the
# consent or the recording's retention changes; so the policies compare a column instead of
# calling a function for every row. The member rule compares team_id with the user's teams
# (one InitPlan per query, `= ANY`, which an index can use). A moment is visible when its share
# is: the policy asks once for the set of visible shares (a hashed SubPlan), not per moment.
# The list walks one index per team (newest first) and stops at the page; the search reads
# only the matches within the user's teams (the GIN index, words and scope together) and ranks
# only the newest 1,000;
# opening reads one share's rows and returns the team's name (receiving paged through the
# whole list to find it).
MIGRATIONS.append(r"""
ALTER TABLE vsr_team.share ADD COLUMN open_until date NOT NULL DEFAULT '-infinity';

CREATE FUNCTION vsr_team.open_until(rec uuid, purp text) RETURNS date
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
    SELECT coalesce((
        SELECT CASE WHEN c.withdrawn_at IS NOT NULL THEN '-infinity'::date
                    ELSE least(coalesce(c.until, 'infinity'), coalesce(r.keep_until, 'infinity'))
               END
        FROM vsr_team.consent c JOIN vsr_team.recording r ON r.id = c.recording_id
        WHERE c.recording_id = rec AND c.purpose = purp), '-infinity'::date) $$;

CREATE FUNCTION vsr_team.share_open_until() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team AS $$
BEGIN
    NEW.open_until := vsr_team.open_until(NEW.recording_id, NEW.purpose);
    RETURN NEW;
END $$;
CREATE TRIGGER share_open_until BEFORE INSERT OR UPDATE OF recording_id, purpose
    ON vsr_team.share FOR EACH ROW EXECUTE FUNCTION vsr_team.share_open_until();

CREATE FUNCTION vsr_team.consent_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE vsr_team.share s SET open_until = vsr_team.open_until(OLD.recording_id, OLD.purpose)
        WHERE s.recording_id = OLD.recording_id AND s.purpose = OLD.purpose;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        UPDATE vsr_team.share s SET open_until = vsr_team.open_until(NEW.recording_id, NEW.purpose)
        WHERE s.recording_id = NEW.recording_id AND s.purpose = NEW.purpose;
    END IF;
    RETURN NULL;
END $$;
CREATE TRIGGER consent_changed AFTER INSERT OR UPDATE OR DELETE ON vsr_team.consent
    FOR EACH ROW EXECUTE FUNCTION vsr_team.consent_changed();

CREATE FUNCTION vsr_team.retention_changed() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team AS $$
BEGIN
    UPDATE vsr_team.share s SET open_until = vsr_team.open_until(s.recording_id, s.purpose)
    WHERE s.recording_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER retention_changed AFTER UPDATE OF keep_until ON vsr_team.recording
    FOR EACH ROW EXECUTE FUNCTION vsr_team.retention_changed();

UPDATE vsr_team.share SET open_until = vsr_team.open_until(recording_id, purpose);

DROP INDEX vsr_team.share_team;
DROP INDEX vsr_team.share_by;
CREATE INDEX share_team_recent ON vsr_team.share (team_id, purpose, shared_at DESC, id);
CREATE INDEX share_by_recent ON vsr_team.share (shared_by, shared_at DESC, id);

-- The teams I am in, as one array (the team policy asked has_role for every member row of
-- every team row: 60 ms for a join with 20 teams).
CREATE FUNCTION vsr_team.my_team_ids() RETURNS int[]
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
    SELECT coalesce(array_agg(DISTINCT m.team_id), '{}')
    FROM vsr_team.member m JOIN pg_roles r ON r.rolname = m.member
    WHERE pg_has_role(session_user, r.oid, 'MEMBER') $$;

-- Functions without arguments are asked once per query (a sub-select: an InitPlan).
ALTER POLICY team_admin ON vsr_team.team USING (session_user = (SELECT vsr_team.owner_role()));
ALTER POLICY team_read ON vsr_team.team USING (
    (SELECT vsr_team.is_officer()) OR id = ANY ((SELECT vsr_team.my_team_ids())::int[]));
ALTER POLICY member_admin ON vsr_team.member USING (session_user = (SELECT vsr_team.owner_role()));
ALTER POLICY member_read ON vsr_team.member USING (
    (SELECT vsr_team.is_officer()) OR vsr_team.has_role(member));
ALTER POLICY consent_seen ON vsr_team.consent USING (
    (SELECT vsr_team.is_officer())
    OR EXISTS (SELECT 1 FROM vsr_team.recording r WHERE r.id = recording_id));
ALTER POLICY log_read ON vsr_team.log USING (
    (SELECT vsr_team.is_officer()) OR db_role = session_user
    OR session_user = (SELECT vsr_team.owner_role()));

ALTER POLICY key_seen ON vsr_team.media_key USING (
    EXISTS (SELECT 1 FROM vsr_team.share s WHERE s.recording_id = media_key.recording_id
            AND @SEEN(s.)@));
ALTER POLICY share_seen ON vsr_team.share USING (
    @SEEN()@ OR ((SELECT vsr_team.is_officer()) AND session_user <> shared_by));
ALTER POLICY moment_seen ON vsr_team.moment USING (
    share_id IN (SELECT s.id FROM vsr_team.share s WHERE @SEEN(s.)@));

CREATE OR REPLACE FUNCTION vsr_team.list_shares(max_rows int DEFAULT 200, skip int DEFAULT 0)
RETURNS TABLE (id uuid, title text, purpose text, team text, shared_by name,
        shared_at timestamptz, recording_id uuid, duration_ms bigint, moments bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
DECLARE
    page int := greatest(0, max_rows) + greatest(0, skip);
BEGIN
    PERFORM vsr_team.write_log('share.list', NULL, NULL, '{}');
    RETURN QUERY
    -- The newest `page` of each source (my own shares, each of my teams for its purpose), each
    -- read from an index in order, then merged: the work is the page, not the table.
    WITH mine AS (
        SELECT x.* FROM vsr_team.share x
        WHERE x.shared_by = session_user AND x.open_until >= current_date
        ORDER BY x.shared_at DESC, x.id LIMIT page),
    theirs AS (
        SELECT x.* FROM (SELECT unnest(vsr_team.teams_for('intervisie')) AS team_id,
                                'intervisie'::text AS purpose
                         UNION ALL
                         SELECT unnest(vsr_team.teams_for('training')), 'training') tp
        CROSS JOIN LATERAL (
            SELECT y.* FROM vsr_team.share y
            WHERE y.team_id = tp.team_id AND y.purpose = tp.purpose
              AND y.open_until >= current_date
            ORDER BY y.shared_at DESC, y.id LIMIT page) x),
    found AS (SELECT * FROM mine UNION SELECT * FROM theirs)
    SELECT s.id, s.title, s.purpose, t.name, s.shared_by, s.shared_at, s.recording_id,
           s.duration_ms, s.moments::bigint
    FROM found s JOIN vsr_team.team t ON t.id = s.team_id
    ORDER BY s.shared_at DESC, s.id LIMIT max_rows OFFSET skip;
END $$;

-- Opening: the share is checked under the policies (the member rule), logged, and then its
-- contents are read by share_contents, the owner's function (only vsr_api may call it): the
-- policies of recording, key, consent and moment each asked again for every share the user
-- sees (a hashed SubPlan over the whole list) to return one share's five rows.
CREATE FUNCTION vsr_team.share_contents(sid uuid) RETURNS jsonb
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
    SELECT jsonb_build_object(
        'id', s.id, 'title', s.title, 'purpose', s.purpose, 'parties', s.parties,
        'team', t.name, 'recording_id', r.id, 'duration_ms', r.duration_ms,
        'media_ref', r.media_ref, 'media_size', r.media_size, 'media_sha256', r.media_sha256,
        'key', (SELECT encode(k.key, 'hex') FROM vsr_team.media_key k
                WHERE k.recording_id = r.id),
        'recognisable', (SELECT c.recognisable FROM vsr_team.consent c
                         WHERE c.recording_id = r.id AND c.purpose = s.purpose),
        'moments', coalesce((SELECT jsonb_agg(jsonb_build_object(
            'start_ms', m.start_ms, 'end_ms', m.end_ms, 'party', m.party, 'theme', m.theme,
            'what_happened', m.what_happened, 'reflections', m.reflections,
            'keep_or_change', m.keep_or_change) ORDER BY m.start_ms, m.id)
            FROM vsr_team.moment m WHERE m.share_id = s.id), '[]'::jsonb))
    FROM vsr_team.share s JOIN vsr_team.recording r ON r.id = s.recording_id
    JOIN vsr_team.team t ON t.id = s.team_id
    WHERE s.id = sid $$;

CREATE OR REPLACE FUNCTION vsr_team.open_share(sid uuid) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
DECLARE
    rec uuid;
BEGIN
    SELECT x.recording_id INTO rec FROM vsr_team.share x WHERE x.id = sid AND @SEEN(x.)@;
    IF rec IS NULL THEN
        RAISE EXCEPTION 'not shared with you' USING ERRCODE = 'VT002';
    END IF;
    PERFORM vsr_team.write_log('share.open', rec, sid, '{}');
    RETURN vsr_team.share_contents(sid);
END $$;

-- Search. Under row-level security PostgreSQL may not use the GIN index for the words (the
-- match operator is not leakproof, so the policy is checked on every moment first: a scan of
-- all moments). So each moment carries its share's scope as lexemes (`~t<team><purpose>` and
-- `~u<md5 of the sharer>`, set by a trigger), indexed with its words in one GIN index; the
-- search asks, under the policies, for the shares the user sees, and hands that list and the
-- user's scopes to match_moments, the owner's function (only vsr_api may call it). The index
-- intersects the words with the user's teams, so the work follows the matches the user may
-- see, not the matches in the whole library nor every moment the user may see; the list of
-- visible shares then decides (consent, retention). Only the newest 1,000 matches are ranked.
ALTER TABLE vsr_team.moment ADD COLUMN scope tsvector NOT NULL DEFAULT ''::tsvector;

CREATE FUNCTION vsr_team.scope_of(sid uuid) RETURNS tsvector
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
    SELECT coalesce((SELECT array_to_tsvector(ARRAY['~t' || s.team_id || s.purpose,
                                                    '~u' || md5(s.shared_by)])
                     FROM vsr_team.share s WHERE s.id = sid), ''::tsvector) $$;

CREATE FUNCTION vsr_team.moment_scope() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team AS $$
BEGIN
    NEW.scope := vsr_team.scope_of(NEW.share_id);
    RETURN NEW;
END $$;
CREATE TRIGGER moment_scope BEFORE INSERT OR UPDATE OF share_id, scope ON vsr_team.moment
    FOR EACH ROW EXECUTE FUNCTION vsr_team.moment_scope();
UPDATE vsr_team.moment m SET scope = vsr_team.scope_of(m.share_id);
DROP INDEX vsr_team.moment_words;
CREATE INDEX moment_words_scope ON vsr_team.moment USING gin (words, scope);

-- The user's scopes as a query: their teams for each purpose, and what they shared themselves.
CREATE FUNCTION vsr_team.my_scopes() RETURNS tsquery
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
    SELECT string_agg(quote_literal(x), ' | ')::tsquery
    FROM (SELECT '~t' || t || 'intervisie' FROM unnest(vsr_team.teams_for('intervisie')) AS t
          UNION ALL
          SELECT '~t' || t || 'training' FROM unnest(vsr_team.teams_for('training')) AS t
          UNION ALL
          SELECT '~u' || md5(session_user)) AS z(x) $$;

CREATE FUNCTION vsr_team.match_moments(query tsquery, scopes tsquery, shares uuid[],
        max_hits int)
RETURNS TABLE (id bigint, share_id uuid, start_ms bigint, end_ms bigint, party text,
        body text, rank real, total bigint)
LANGUAGE sql STABLE SECURITY DEFINER ROWS 200 SET search_path = pg_catalog, vsr_team SET jit = off AS $$
    WITH found AS MATERIALIZED (  -- one GIN scan: the words within the user's scopes
        SELECT m.id, m.share_id, m.start_ms FROM vsr_team.moment m
        WHERE m.words @@ query AND m.scope @@ scopes),
    visible AS (SELECT DISTINCT v.id FROM unnest(shares) AS v(id)),
    matched AS MATERIALIZED (
        SELECT f.id, f.share_id, f.start_ms, s.shared_at
        FROM found f JOIN visible v ON v.id = f.share_id
        JOIN vsr_team.share s ON s.id = f.share_id),
    newest AS (SELECT * FROM matched ORDER BY shared_at DESC, share_id, start_ms LIMIT 1000),
    ranked AS (
        SELECT n.id, ts_rank(m.words, query) AS rank
        FROM newest n JOIN vsr_team.moment m ON m.id = n.id
        ORDER BY 2 DESC, n.id LIMIT max_hits)
    SELECT m.id, m.share_id, m.start_ms, m.end_ms, m.party,
           m.what_happened || ' ' || m.reflections || ' ' || m.keep_or_change, r.rank,
           (SELECT count(*) FROM matched)
    FROM ranked r JOIN vsr_team.moment m ON m.id = r.id $$;

CREATE OR REPLACE FUNCTION vsr_team.search(q text, max_hits int DEFAULT 200) RETURNS TABLE (
        share_id uuid, title text, team text, start_ms bigint, end_ms bigint, party text,
        snippet text, rank real, total bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
DECLARE
    query tsquery := websearch_to_tsquery('dutch', q);
    seen uuid[];
BEGIN
    PERFORM vsr_team.write_log('search', NULL, NULL, jsonb_build_object('words', length(q)));
    -- The member rule, as for the list (the officer's oversight is not a search).
    SELECT coalesce(array_agg(x.id), '{}') INTO seen FROM vsr_team.share x WHERE @SEEN(x.)@;
    RETURN QUERY
    SELECT h.share_id, s.title, t.name, h.start_ms, h.end_ms, h.party,
           ts_headline('dutch', h.body, query, 'StartSel=[, StopSel=], MaxWords=20, MinWords=5'),
           h.rank, h.total
    FROM vsr_team.match_moments(query, vsr_team.my_scopes(), seen, max_hits) h
    JOIN vsr_team.share s ON s.id = h.share_id JOIN vsr_team.team t ON t.id = s.team_id
    ORDER BY h.rank DESC, h.share_id, h.start_ms;
END $$;
""")


# Collections shared with a team for a purpose (a coach's clips for intervisie, a trainer's
# exercise set). A clip is a part of a recording in the team library. The rules are those of a
# shared review: the collection is seen by its sharer and by the team's members whose function
# fits the purpose; each clip only while its recording's consent for that purpose holds; a
# clip may be added by the recording's owner, or by a member who sees that recording shared
# with the same team for the same purpose (so a clip never reaches a team or a purpose the
# professional did not share it with). Withdrawal takes the recording's clips out of every
# collection of the purpose (an emptied collection goes too).
MIGRATIONS.append(r"""
CREATE TABLE vsr_team.collection (
    id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    team_id int NOT NULL REFERENCES vsr_team.team ON DELETE CASCADE,
    purpose text NOT NULL CHECK (purpose IN ('intervisie', 'training')),
    title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
    shared_by name NOT NULL DEFAULT session_user,
    shared_at timestamptz NOT NULL DEFAULT now(),
    UNIQUE (id, purpose),
    UNIQUE (team_id, purpose, title, shared_by)
);
CREATE TABLE vsr_team.collection_clip (
    id bigserial PRIMARY KEY,
    collection_id uuid NOT NULL,
    purpose text NOT NULL,
    position int NOT NULL CHECK (position >= 0),
    recording_id uuid NOT NULL REFERENCES vsr_team.recording ON DELETE CASCADE,
    start_ms bigint NOT NULL CHECK (start_ms >= 0),
    end_ms bigint NOT NULL CHECK (end_ms > start_ms),
    title text NOT NULL DEFAULT '' CHECK (length(title) <= 300),
    questions jsonb NOT NULL DEFAULT '[]',
    FOREIGN KEY (collection_id, purpose) REFERENCES vsr_team.collection (id, purpose)
        ON DELETE CASCADE
);
CREATE INDEX collection_team_recent ON vsr_team.collection (team_id, purpose, shared_at DESC);
CREATE INDEX collection_by ON vsr_team.collection (shared_by);
CREATE INDEX collection_clip_collection ON vsr_team.collection_clip (collection_id, position);
CREATE INDEX collection_clip_recording ON vsr_team.collection_clip (recording_id, purpose);

-- May the user put a part of this recording in a collection for this team and purpose?
CREATE FUNCTION vsr_team.may_clip(rec uuid, team int, purp text) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
    SELECT vsr_team.consent_holds(rec, purp) AND (
        vsr_team.owns(rec)
        OR EXISTS (SELECT 1 FROM vsr_team.share s
                   WHERE s.recording_id = rec AND s.team_id = team AND s.purpose = purp
                     AND s.open_until >= current_date
                     AND (s.shared_by = session_user OR team = ANY (vsr_team.teams_for(purp))))) $$;

ALTER TABLE vsr_team.collection ENABLE ROW LEVEL SECURITY;
ALTER TABLE vsr_team.collection_clip ENABLE ROW LEVEL SECURITY;

CREATE POLICY collection_seen ON vsr_team.collection FOR SELECT USING (
    shared_by = session_user
    OR (purpose = 'intervisie' AND team_id = ANY ((SELECT vsr_team.teams_for('intervisie'))::int[]))
    OR (purpose = 'training' AND team_id = ANY ((SELECT vsr_team.teams_for('training'))::int[]))
    OR ((SELECT vsr_team.is_officer()) AND session_user <> shared_by));
CREATE POLICY collection_add ON vsr_team.collection FOR INSERT WITH CHECK (
    shared_by = session_user AND team_id = ANY (vsr_team.teams_for(purpose)));
CREATE POLICY collection_remove ON vsr_team.collection FOR DELETE USING (
    shared_by = session_user);

CREATE POLICY clip_seen ON vsr_team.collection_clip FOR SELECT USING (
    collection_id IN (SELECT k.id FROM vsr_team.collection k
                      WHERE k.shared_by = session_user
                         OR (k.purpose = 'intervisie'
                             AND k.team_id = ANY ((SELECT vsr_team.teams_for('intervisie'))::int[]))
                         OR (k.purpose = 'training'
                             AND k.team_id = ANY ((SELECT vsr_team.teams_for('training'))::int[])))
    AND vsr_team.consent_holds(recording_id, purpose));
CREATE POLICY clip_add ON vsr_team.collection_clip FOR INSERT WITH CHECK (
    EXISTS (SELECT 1 FROM vsr_team.collection k WHERE k.id = collection_id
            AND k.shared_by = session_user AND vsr_team.may_clip(recording_id, k.team_id, purpose)));
CREATE POLICY clip_remove ON vsr_team.collection_clip FOR DELETE USING (
    EXISTS (SELECT 1 FROM vsr_team.collection k WHERE k.id = collection_id
            AND k.shared_by = session_user)
    OR NOT vsr_team.consent_holds(recording_id, purpose));

-- A clip's recording and key are readable for whoever sees the clip (its policy decides).
ALTER POLICY recording_seen ON vsr_team.recording USING (
    (SELECT vsr_team.is_officer())
    OR EXISTS (SELECT 1 FROM vsr_team.share s WHERE s.recording_id = recording.id)
    OR EXISTS (SELECT 1 FROM vsr_team.collection_clip c WHERE c.recording_id = recording.id));
ALTER POLICY key_seen ON vsr_team.media_key USING (
    EXISTS (SELECT 1 FROM vsr_team.share s WHERE s.recording_id = media_key.recording_id
            AND @SEEN(s.)@)
    OR EXISTS (SELECT 1 FROM vsr_team.collection_clip c
               WHERE c.recording_id = media_key.recording_id));

CREATE FUNCTION vsr_team.share_collection(team_name text, purp text, ttl text, clips jsonb)
RETURNS uuid
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
DECLARE
    tid int;
    cid uuid;
    clip jsonb;
BEGIN
    SELECT id INTO tid FROM vsr_team.team WHERE name = team_name;
    IF tid IS NULL THEN
        RAISE EXCEPTION 'no team %', team_name USING ERRCODE = 'VT001';
    END IF;
    IF jsonb_array_length(clips) = 0 THEN
        RAISE EXCEPTION 'an empty collection' USING ERRCODE = 'VT005';
    END IF;
    FOR clip IN SELECT * FROM jsonb_array_elements(clips) LOOP
        IF NOT vsr_team.may_clip((clip->>'recording_id')::uuid, tid, purp) THEN
            RAISE EXCEPTION 'no consent or no right for a clip of %', clip->>'recording_id'
                USING ERRCODE = 'VT004';
        END IF;
    END LOOP;
    DELETE FROM vsr_team.collection WHERE team_id = tid AND purpose = purp AND title = ttl
                                      AND shared_by = session_user;
    INSERT INTO vsr_team.collection (team_id, purpose, title) VALUES (tid, purp, ttl)
    RETURNING id INTO cid;
    INSERT INTO vsr_team.collection_clip (collection_id, purpose, position, recording_id,
                                          start_ms, end_ms, title, questions)
    SELECT cid, purp, (c.n - 1)::int, (c.v->>'recording_id')::uuid, (c.v->>'start_ms')::bigint,
           (c.v->>'end_ms')::bigint, coalesce(c.v->>'title', ''),
           coalesce(c.v->'questions', '[]'::jsonb)
    FROM jsonb_array_elements(clips) WITH ORDINALITY AS c(v, n);
    PERFORM vsr_team.write_log('collection.add', NULL, NULL,
        jsonb_build_object('collection', cid, 'team', team_name, 'purpose', purp,
                           'clips', jsonb_array_length(clips)));
    RETURN cid;
END $$;

CREATE FUNCTION vsr_team.list_collections(max_rows int DEFAULT 200)
RETURNS TABLE (id uuid, title text, purpose text, team text, shared_by name,
        shared_at timestamptz, clips bigint)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
BEGIN
    PERFORM vsr_team.write_log('collection.list', NULL, NULL, '{}');
    RETURN QUERY
    SELECT k.id, k.title, k.purpose, t.name, k.shared_by, k.shared_at,
           (SELECT count(*) FROM vsr_team.collection_clip c WHERE c.collection_id = k.id)
    FROM vsr_team.collection k JOIN vsr_team.team t ON t.id = k.team_id
    WHERE k.shared_by = session_user OR k.team_id = ANY (vsr_team.teams_for(k.purpose))
    ORDER BY k.shared_at DESC, k.id LIMIT max_rows;
END $$;

-- Opening a collection: its clips in order, each with its recording's place and key. The
-- clips whose consent no longer holds are not there. Logged before reading.
CREATE FUNCTION vsr_team.open_collection(cid uuid) RETURNS jsonb
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
DECLARE
    k vsr_team.collection;
BEGIN
    SELECT * INTO k FROM vsr_team.collection x WHERE x.id = cid
        AND (x.shared_by = session_user OR x.team_id = ANY (vsr_team.teams_for(x.purpose)));
    IF k.id IS NULL THEN
        RAISE EXCEPTION 'not shared with you' USING ERRCODE = 'VT002';
    END IF;
    PERFORM vsr_team.write_log('collection.open', NULL, NULL, jsonb_build_object('collection', cid));
    RETURN jsonb_build_object(
        'id', k.id, 'title', k.title, 'purpose', k.purpose,
        'team', (SELECT t.name FROM vsr_team.team t WHERE t.id = k.team_id),
        'clips', coalesce((SELECT jsonb_agg(jsonb_build_object(
            'position', c.position, 'recording_id', c.recording_id, 'start_ms', c.start_ms,
            'end_ms', c.end_ms, 'title', c.title, 'questions', c.questions,
            'duration_ms', r.duration_ms, 'media_ref', r.media_ref, 'media_size', r.media_size,
            'media_sha256', r.media_sha256,
            'key', (SELECT encode(m.key, 'hex') FROM vsr_team.media_key m
                    WHERE m.recording_id = c.recording_id),
            'recognisable', (SELECT n.recognisable FROM vsr_team.consent n
                             WHERE n.recording_id = c.recording_id AND n.purpose = c.purpose))
            ORDER BY c.position, c.id)
            FROM vsr_team.collection_clip c JOIN vsr_team.recording r ON r.id = c.recording_id
            WHERE c.collection_id = k.id), '[]'::jsonb));
END $$;

CREATE FUNCTION vsr_team.remove_collection(cid uuid) RETURNS boolean
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
DECLARE
    n bigint;
BEGIN
    DELETE FROM vsr_team.collection WHERE id = cid AND shared_by = session_user;
    GET DIAGNOSTICS n = ROW_COUNT;
    IF n > 0 THEN
        PERFORM vsr_team.write_log('collection.remove', NULL, NULL,
            jsonb_build_object('collection', cid));
    END IF;
    RETURN n > 0;
END $$;

-- Withdrawal and retention reach the collections: the recording's clips go (an emptied
-- collection goes with them).
CREATE OR REPLACE FUNCTION vsr_team.withdraw(rec uuid, purp text) RETURNS TABLE (
        shares_removed bigint, key_deleted boolean, media_ref text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
DECLARE
    n bigint;
    clips bigint;
    gone boolean := false;
    ref text;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM vsr_team.recording r WHERE r.id = rec AND r.owner = session_user) THEN
        RAISE EXCEPTION 'not your recording' USING ERRCODE = 'VT003';
    END IF;
    -- The shares and clips first: once the consent is withdrawn the policies hide them.
    DELETE FROM vsr_team.share WHERE recording_id = rec AND purpose = purp;
    GET DIAGNOSTICS n = ROW_COUNT;
    clips := vsr_team.drop_clips(rec, purp);
    UPDATE vsr_team.consent SET withdrawn_at = now()
        WHERE recording_id = rec AND purpose = purp AND withdrawn_at IS NULL;
    SELECT r.media_ref INTO ref FROM vsr_team.recording r WHERE r.id = rec;
    IF NOT EXISTS (SELECT 1 FROM vsr_team.consent c WHERE c.recording_id = rec
                   AND c.withdrawn_at IS NULL) THEN
        DELETE FROM vsr_team.media_key WHERE recording_id = rec;
        gone := true;
    END IF;
    PERFORM vsr_team.write_log('consent.withdrawn', rec, NULL,
        jsonb_build_object('purpose', purp, 'shares', n, 'clips', clips, 'key_deleted', gone));
    RETURN QUERY SELECT n, gone, ref;
END $$;

-- The clips of a recording for a purpose, out of every collection (whoever shared them), and
-- the collections left empty. The owner's: it reads without policies (the withdrawing
-- professional cannot see a coach's collection, yet their clips must go).
CREATE FUNCTION vsr_team.drop_clips(rec uuid, purp text) RETURNS bigint
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
DECLARE
    n bigint;
    touched uuid[];
BEGIN
    WITH gone AS (
        DELETE FROM vsr_team.collection_clip c
        WHERE c.recording_id = rec AND (purp IS NULL OR c.purpose = purp)
        RETURNING c.collection_id)
    SELECT count(*), coalesce(array_agg(DISTINCT collection_id), '{}') INTO n, touched FROM gone;
    DELETE FROM vsr_team.collection k WHERE k.id = ANY (touched)
        AND NOT EXISTS (SELECT 1 FROM vsr_team.collection_clip c WHERE c.collection_id = k.id);
    RETURN n;
END $$;

CREATE OR REPLACE FUNCTION vsr_team.purge_expired() RETURNS TABLE (recording_id uuid,
        media_ref text)
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT x.id, x.media_ref FROM vsr_team.recording x
        WHERE (x.keep_until IS NOT NULL AND x.keep_until < current_date)
           OR NOT EXISTS (SELECT 1 FROM vsr_team.consent c WHERE c.recording_id = x.id
                          AND c.withdrawn_at IS NULL AND (c.until IS NULL OR c.until >= current_date))
    LOOP
        DELETE FROM vsr_team.share s WHERE s.recording_id = r.id;
        PERFORM vsr_team.drop_clips(r.id, NULL);
        DELETE FROM vsr_team.media_key k WHERE k.recording_id = r.id;
        IF EXISTS (SELECT 1 FROM vsr_team.recording x WHERE x.id = r.id
                   AND x.keep_until IS NOT NULL AND x.keep_until < current_date) THEN
            PERFORM vsr_team.write_log('recording.expired', r.id, NULL, '{}');
            recording_id := r.id; media_ref := r.media_ref;
            RETURN NEXT;
        END IF;
    END LOOP;
END $$;
""")


# Is a share still there for me? The window asks it every few seconds while a shared recording
# plays from the media store (vsr.team.received), to stop at once when consent is withdrawn or
# the retention date passes. The member rule of open_share, under the policies; one row, and no
# log row (opening the share was logged; a row every few seconds would bury the log).
MIGRATIONS.append(r"""
CREATE FUNCTION vsr_team.share_holds(sid uuid) RETURNS boolean
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = pg_catalog, vsr_team SET jit = off AS $$
    SELECT EXISTS (SELECT 1 FROM vsr_team.share x WHERE x.id = sid AND @SEEN(x.)@) $$;
""")


API_FUNCTIONS = (
    "my_teams()", "put_recording(uuid, text, bigint, text, bigint, text, date, bytea)",
    "put_consent(uuid, text, date, date, boolean)",
    "share_review(uuid, text, text, text, jsonb, jsonb)", "list_shares(int, int)", "open_share(uuid)",
    "search(text, int)", "withdraw(uuid, text)", "read_log(int)",
    "write_log(text, uuid, uuid, jsonb)", "share_collection(text, text, text, jsonb)",
    "list_collections(int)", "open_collection(uuid)", "remove_collection(uuid)",
    "share_holds(uuid)")
# The owner's, called only by the API (vsr_api), never by users: they read without policies.
INTERNAL_FUNCTIONS = ("drop_clips(uuid, text)", "match_moments(tsquery, tsquery, uuid[], int)",
                      "share_contents(uuid)", "my_scopes()")
# The owner's, run only by its triggers (nobody else may execute them): open_until(uuid, text)
# and scope_of(uuid) read consent, retention and a share's team without policies.
# Stays the owner's (reads without policies, to find what nobody may see any more); anyone may
# call it, as it deletes only what retention or lapsed consent already hide.
MAINTENANCE_FUNCTIONS = ("purge_expired()",)
# The functions the policies call: the owner's, read without policies (see the docstring).
POLICY_FUNCTIONS = ("has_role(name)", "is_member(int, text)", "consent_holds(uuid, text)",
                    "sees(int, text, name, uuid)", "is_officer()", "owner_role()",
                    "teams_for(text)", "owns(uuid)", "my_team_ids()", "may_clip(uuid, int, text)")
TABLES = ("team", "member", "recording", "consent", "media_key", "share", "moment", "collection",
          "collection_clip")


def _sees(alias: str) -> str:
    """The member rule as a policy expression on a share row (see teams_for)."""
    a = alias
    teams = "{a}team_id IN (SELECT unnest(vsr_team.teams_for('{p}')))"
    return (f"(({a}shared_by = session_user"
            f" OR ({a}purpose = 'intervisie' AND {teams.format(a=a, p='intervisie')})"
            f" OR ({a}purpose = 'training' AND {teams.format(a=a, p='training')}))"
            f" AND vsr_team.consent_holds({a}recording_id, {a}purpose))")


def _seen(alias: str) -> str:
    """The member rule from migration 3 on: the teams as one InitPlan compared with `= ANY`
    (an index can use it), and the consent and retention read from the share's `open_until`."""
    a = alias
    teams = "{a}team_id = ANY ((SELECT vsr_team.teams_for('{p}'))::int[])"
    return (f"(({a}shared_by = session_user"
            f" OR ({a}purpose = 'intervisie' AND {teams.format(a=a, p='intervisie')})"
            f" OR ({a}purpose = 'training' AND {teams.format(a=a, p='training')}))"
            f" AND {a}open_until >= current_date)")


MIGRATIONS[:] = [re.sub(r"@SEEN\(([a-z]*\.?)\)@", lambda m: _seen(m.group(1)),
                        re.sub(r"@SEES\(([a-z]*\.?)\)@", lambda m: _sees(m.group(1)), sql))
                 for sql in MIGRATIONS]


def rights_sql() -> list[str]:
    """After the migrations: who may do what. Users hold no table rights; `vsr_api` holds what
    the API needs (under the policies); the API functions are `vsr_api`'s."""
    users = ", ".join(USER_ROLES)
    out = ["REVOKE ALL ON ALL FUNCTIONS IN SCHEMA vsr_team FROM PUBLIC",
           "REVOKE ALL ON ALL TABLES IN SCHEMA vsr_team FROM PUBLIC",
           f"GRANT USAGE ON SCHEMA vsr_team TO {users}, {API_ROLE}",
           "GRANT SELECT, INSERT, UPDATE, DELETE ON "
           + ", ".join(f"vsr_team.{t}" for t in TABLES) + f" TO {API_ROLE}",
           f"GRANT SELECT, INSERT ON vsr_team.log TO {API_ROLE}",
           f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA vsr_team TO {API_ROLE}",
           f"GRANT SELECT ON vsr_team.schema_version TO {users}"]
    for fn in MAINTENANCE_FUNCTIONS:
        out.append(f"GRANT EXECUTE ON FUNCTION vsr_team.{fn} TO {users}")
    for fn in POLICY_FUNCTIONS:
        out.append(f"GRANT EXECUTE ON FUNCTION vsr_team.{fn} TO {API_ROLE}, {users}")
    for fn in INTERNAL_FUNCTIONS:
        out.append(f"GRANT EXECUTE ON FUNCTION vsr_team.{fn} TO {API_ROLE}")
    for fn in API_FUNCTIONS:
        out.append(f"ALTER FUNCTION vsr_team.{fn} OWNER TO {API_ROLE}")
        out.append(f"REVOKE ALL ON FUNCTION vsr_team.{fn} FROM PUBLIC")
        if not fn.startswith("write_log"):
            out.append(f"GRANT EXECUTE ON FUNCTION vsr_team.{fn} TO {users}")
    return out
