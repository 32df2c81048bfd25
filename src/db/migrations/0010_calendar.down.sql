-- Undo of 0010_calendar.
DROP TABLE calendar_events;
