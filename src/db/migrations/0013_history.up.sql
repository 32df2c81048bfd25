-- PLACEHOLDER on the `attach` branch only: migration 13 is the history step, built on the
-- `history` branch. This no-op keeps the numbers contiguous so that 14 can run here; when the
-- branches merge, the history branch's 0013_history files replace it (same path).
SELECT 1;
