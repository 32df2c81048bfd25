-- Undo of 0011_calendar.
DROP TABLE calendar_events;
