-- Meetings brought in from a calendar (issue 15). Each occurrence of a calendar event is one
-- meeting, keyed by the event's UID and the occurrence (its RECURRENCE-ID, or its start, in
-- UTC), so that importing the same or an updated calendar again finds the meeting it made
-- before. `fingerprint` is what the calendar said the last time (title, times, attendees), to
-- tell an update from no change; `location` has no place in a meeting otherwise. A cancelled
-- occurrence is marked here and its meeting kept, with what the user added to it.
CREATE TABLE calendar_events (
    id          INTEGER PRIMARY KEY,
    meeting_id  INTEGER NOT NULL REFERENCES meetings(id) ON DELETE CASCADE,
    source      TEXT NOT NULL DEFAULT 'ics' CONSTRAINT calendar_source CHECK (source IN ('ics')),
    uid         TEXT NOT NULL CONSTRAINT calendar_uid_empty CHECK (length(uid) > 0),
    occurrence  TEXT NOT NULL,
    recurring   INTEGER NOT NULL DEFAULT 0 CONSTRAINT calendar_recurring CHECK (recurring IN (0, 1)),
    location    TEXT NOT NULL DEFAULT '',
    status      TEXT NOT NULL DEFAULT 'confirmed'
                CONSTRAINT calendar_status CHECK (status IN ('confirmed', 'cancelled')),
    fingerprint TEXT NOT NULL,
    synced_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    created_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ')),
    updated_at  TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ'))
) STRICT;

CREATE UNIQUE INDEX calendar_events_meeting_id ON calendar_events(meeting_id);

CREATE UNIQUE INDEX calendar_events_key ON calendar_events(uid, occurrence);
