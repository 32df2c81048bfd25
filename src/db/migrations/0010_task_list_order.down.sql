-- Undo of 0010_task_list_order.
DROP INDEX tasks_live_list;
