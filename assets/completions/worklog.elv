
use builtin;
use str;

set edit:completion:arg-completer[worklog] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'worklog'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'worklog'= {
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand --demo 'Open the app on a new throwaway directory filled with a year of sample data'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand backup 'Take a verified backup now (or list the backups)'
            cand restore 'Replace the database with a backup (the current one is backed up first)'
            cand check 'Check the database''s integrity and the state of the backups'
            cand __daily-backup 'Take today''s backup if missing, unless one is running (started detached by commands)'
            cand copy 'Copy the whole database into an empty one: a PostgreSQL server or a SQLite file'
            cand migrate 'Move the database schema to version N, up or down (backs up first)'
            cand add 'Capture something quickly, without opening the app'
            cand done 'Mark focus tasks done'
            cand today 'The day at a glance: focus tasks, check-ins, meetings, open action items'
            cand export 'Export everything, or a date range, as JSON, CSV or SQL'
            cand import 'Import a worklog export, Taskwarrior''s `task export`, `jrnl --format json` output or an iCalendar (.ics) file''s events as meetings'
            cand report 'Write a Markdown review of a period: tasks done, goals, learnings, skills, feedback, meetings, energy [default: the 7 days ending today]'
            cand search 'Search the text of every pane: words, "phrases", prefix*, OR, -word, and the filters pane: tag: person: from: to: is:'
            cand list 'List rows of one kind, newest first: aligned columns with ids, or --json'
            cand show 'Show one row whole, with what it links to (tags, attendees, action items, history…)'
            cand rm 'Remove rows (a soft delete, as in the app): all of them, or none if an id is unknown'
            cand edit 'Change one row in $VISUAL or $EDITOR: its fields, then its text below a --- line'
            cand undo 'Bring back the last removal (from `worklog rm` or the app); again for the one before'
            cand attach 'Attach files to an item: copied into the data directory (on PostgreSQL, the server), each with its SHA-256, all of them or none'
            cand attachments 'List attachments: an item''s, or every one'
            cand open 'Open an attachment with the desktop''s application (xdg-open); over SSH or without a display, print the path of a verified copy instead'
            cand detach 'Detach attachments (a soft delete: `worklog undo` brings them back)'
            cand history 'List the changes made to the data, newest first, with the fields each changed: all of them, or one item''s (KIND ID)'
            cand revert 'Take one change back (its number from `worklog history`), if nothing later changed what it wrote; the revert is a change of its own'
            cand demo 'Fill an empty data directory (by default a new temporary one) with sample data'
            cand completions 'Print the completion script for a shell: e.g. `worklog completions bash > ~/.local/share/bash-completion/completions/worklog`'
            cand man 'Print the man page of worklog, or of a subcommand (`worklog man add task`); --out DIR writes every page into DIR (`worklog.1`, `worklog-add-task.1`…)'
            cand config 'Show the settings in force and where each came from (default, file, env or flag)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'worklog;backup'= {
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand --list 'List the backups instead: date, reason, size and rows of each'
            cand --accept-shrink 'After a suspected data loss: confirm the data as it is now, so that the backups from before it follow the usual rotation again'
            cand --json 'With --list: print a JSON array instead'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;restore'= {
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;check'= {
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand --json 'Print the findings as a JSON object (the exit status is the same)'
            cand --repair 'Remove attachment files that nothing needs (no row names them, no kept backup does, and they are over an hour old)'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;__daily-backup'= {
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;copy'= {
            cand --to 'A postgresql:// URL (schema from WORKLOG_SCHEMA or the URL), a data directory, or a .db file'
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;migrate'= {
            cand --to 'The schema version to move to'
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand --yes 'Go ahead without asking when moving down drops tables that hold data'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;add'= {
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
            cand task 'A focus task: worklog add task "Call the bank tomorrow !high #home ~30m"'
            cand learning 'A journal entry: what you learned'
            cand energy 'An energy check-in, now'
            cand feedback 'Feedback given or received: worklog add feedback --received --person Ana Great demo'
            cand meeting 'A meeting: worklog add meeting Weekly sync --time 10:00 --with Ana --with Bo'
            cand goal 'A goal, or a sub-goal with --parent'
            cand skill 'A skill to track'
            cand assessment 'A skill assessment: worklog add assessment Rust 3 --note "wrote a macro"'
            cand action-item 'An action item, from a meeting or feedback or on its own'
            cand action 'An action item, from a meeting or feedback or on its own'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'worklog;add;task'= {
            cand --day 'The day it is for: today, tomorrow, +N or -N days, mon…sun (the next one, a week ahead for today''s weekday) or YYYY-MM-DD [default: today]'
            cand --priority '1–3 or high/normal/low [default: normal]'
            cand --tag 'A tag (repeat for more)'
            cand --goal 'The goal it serves: its id, or (part of) its title if that matches only one'
            cand --estimate 'How long it should take: minutes, or like 1h30'
            cand --notes 'Notes on it'
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand --literal 'Take TEXT as typed: no #tags, !priority, ~estimate or day read out of it'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;add;learning'= {
            cand --body 'The body; - reads it from standard input'
            cand --tag 'A tag (repeat for more)'
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand --star 'Star it'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;add;energy'= {
            cand --note 'A note about it'
            cand --tag 'A tag (repeat for more)'
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;add;feedback'= {
            cand --person 'Who from or to: found by name, or added'
            cand --kind 'praise, constructive, suggestion, recognition or other [default: other]'
            cand --day 'The day: today, yesterday, -N days, mon…sun (the most recent one, today included) or YYYY-MM-DD [default: today]'
            cand --tag 'A tag (repeat for more)'
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand --given 'You gave it'
            cand --received 'You received it'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;add;meeting'= {
            cand --day 'The day: today, tomorrow, +N or -N days, mon…sun (the next one) or YYYY-MM-DD [default: today]'
            cand --time 'When it starts, HH:MM [default: now]'
            cand --duration 'How long: minutes, or like 1h30'
            cand --kind '1:1, team, interview, review, planning, external or other [default: other]'
            cand --with 'Someone who attended, found by name or added (repeat for more)'
            cand --notes 'Notes'
            cand --tag 'A tag (repeat for more)'
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;add;goal'= {
            cand --parent 'The goal it belongs under: its id, or (part of) its title if that matches only one'
            cand --target 'When it should be reached: a day as --day of add task reads it'
            cand --description 'What it means'
            cand --tag 'A tag (repeat for more)'
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;add;skill'= {
            cand --category 'A category, e.g. languages'
            cand --target 'The level you aim for, 0–5'
            cand --description 'What it covers'
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;add;assessment'= {
            cand --day 'The day: today, yesterday, -N days, mon…sun (the most recent one, today included) or YYYY-MM-DD [default: today]'
            cand --note 'What it rests on'
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;add;action-item'= {
            cand --meeting 'The meeting it came from'
            cand --feedback 'The feedback it came from'
            cand --owner 'Who owns it, found by name or added [default: you]'
            cand --due 'When it is due: a day as --day of add task reads it'
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;add;action'= {
            cand --meeting 'The meeting it came from'
            cand --feedback 'The feedback it came from'
            cand --owner 'Who owns it, found by name or added [default: you]'
            cand --due 'When it is due: a day as --day of add task reads it'
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;add;help'= {
            cand task 'A focus task: worklog add task "Call the bank tomorrow !high #home ~30m"'
            cand learning 'A journal entry: what you learned'
            cand energy 'An energy check-in, now'
            cand feedback 'Feedback given or received: worklog add feedback --received --person Ana Great demo'
            cand meeting 'A meeting: worklog add meeting Weekly sync --time 10:00 --with Ana --with Bo'
            cand goal 'A goal, or a sub-goal with --parent'
            cand skill 'A skill to track'
            cand assessment 'A skill assessment: worklog add assessment Rust 3 --note "wrote a macro"'
            cand action-item 'An action item, from a meeting or feedback or on its own'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'worklog;add;help;task'= {
        }
        &'worklog;add;help;learning'= {
        }
        &'worklog;add;help;energy'= {
        }
        &'worklog;add;help;feedback'= {
        }
        &'worklog;add;help;meeting'= {
        }
        &'worklog;add;help;goal'= {
        }
        &'worklog;add;help;skill'= {
        }
        &'worklog;add;help;assessment'= {
        }
        &'worklog;add;help;action-item'= {
        }
        &'worklog;add;help;help'= {
        }
        &'worklog;done'= {
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;today'= {
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand --json 'Print it as JSON'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;export'= {
            cand --format 'format'
            cand --out 'Write to this file (a folder for csv) instead of standard output'
            cand --from 'Keep dated rows from this day on (today, yesterday, -N days, mon…sun, YYYY-MM-DD)'
            cand --to 'Keep dated rows up to this day, inclusive'
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand --force 'Replace an existing --out file (or csv folder); never the database or a backup'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'worklog;import'= {
            cand --from 'What the file is (worklog, taskwarrior, jrnl, ics) [default: detected from its contents]; for a calendar, a day instead is the first day of events to import [default: 90 days ago]'
            cand --to 'A calendar''s last day of events to import [default: 14 days from today]'
            cand --domain 'The user''s own email domain, which tells external meetings [default: the config file''s [calendar] domain, else the domain of the organizer of most events]'
            cand --calendar 'Which calendar this is, whatever the file is called: an event an earlier import of it brought and this one lacks is cancelled [default: the same file with the same X-WR-CALNAME and PRODID]'
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand --all-day 'Import a calendar''s all-day events too'
            cand --dry-run 'Show what would be added and what is already there, and write nothing'
            cand --json 'Print the counts as a JSON object'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;report'= {
            cand --from 'The first day (today, yesterday, -N days, mon…sun, YYYY-MM-DD)'
            cand --to 'The last day, inclusive [default: today]'
            cand --out 'Write the report to this file instead of standard output'
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand --week 'The 7 days ending today'
            cand --month 'The month ending today'
            cand --json 'The review as a JSON object (each section''s rows) instead of Markdown'
            cand --force 'Replace an existing --out file; never the database or a backup'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;search'= {
            cand --limit 'Show at most N hits (up to 10000)'
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand --json 'Print the hits as a JSON array (matches marked with U+E000 and U+E001)'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;list'= {
            cand --day 'Only this day: today, yesterday, -N, mon…sun (the most recent, today included) or YYYY-MM-DD'
            cand --from 'From this day on'
            cand --to 'Up to this day, inclusive'
            cand --tag 'Only rows with this tag'
            cand --person 'Only meetings with, feedback from or to, or people named (part of) this name'
            cand --status 'tasks: todo, doing, done, dropped, open; goals: active, paused, done, dropped, open; feedback: given, received; learnings: starred'
            cand --limit 'Show at most N rows (up to 10000); a line on stderr says when more matched'
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand --json 'Print a JSON array of objects instead'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;show'= {
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand --json 'Print it as a JSON object'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;rm'= {
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;edit'= {
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;undo'= {
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;attach'= {
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;attachments'= {
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand --json 'Print a JSON array instead'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;open'= {
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;detach'= {
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;history'= {
            cand --from 'Changes made on this day or later (today, yesterday, -N days, mon…sun, YYYY-MM-DD)'
            cand --to 'Changes made up to this day, inclusive'
            cand --before 'With --prune: the first day whose changes are kept'
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand --json 'Print a JSON array of the changes, each with its rows and fields'
            cand --prune 'Delete the changes made before --before: they can no longer be listed or reverted'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;revert'= {
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;demo'= {
            cand --data-dir 'The directory to fill; it must hold no data [default: a new directory under the system''s temporary directory]'
            cand --rows 'About how many rows to write, up to 1000000 (the default is about a year of use)'
            cand --seed 'The same seed always gives the same data'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;completions'= {
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'worklog;man'= {
            cand --out 'Write every page into this directory instead (created if missing)'
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;config'= {
            cand --data-dir 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]'
            cand --database 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)'
            cand --config 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]'
            cand --color 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never'
            cand --print 'Print every setting with its source (the only thing it does for now)'
            cand -q 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand --quiet 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
            cand -v 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand --verbose 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups'
            cand -h 'Print help'
            cand --help 'Print help'
        }
        &'worklog;help'= {
            cand backup 'Take a verified backup now (or list the backups)'
            cand restore 'Replace the database with a backup (the current one is backed up first)'
            cand check 'Check the database''s integrity and the state of the backups'
            cand __daily-backup 'Take today''s backup if missing, unless one is running (started detached by commands)'
            cand copy 'Copy the whole database into an empty one: a PostgreSQL server or a SQLite file'
            cand migrate 'Move the database schema to version N, up or down (backs up first)'
            cand add 'Capture something quickly, without opening the app'
            cand done 'Mark focus tasks done'
            cand today 'The day at a glance: focus tasks, check-ins, meetings, open action items'
            cand export 'Export everything, or a date range, as JSON, CSV or SQL'
            cand import 'Import a worklog export, Taskwarrior''s `task export`, `jrnl --format json` output or an iCalendar (.ics) file''s events as meetings'
            cand report 'Write a Markdown review of a period: tasks done, goals, learnings, skills, feedback, meetings, energy [default: the 7 days ending today]'
            cand search 'Search the text of every pane: words, "phrases", prefix*, OR, -word, and the filters pane: tag: person: from: to: is:'
            cand list 'List rows of one kind, newest first: aligned columns with ids, or --json'
            cand show 'Show one row whole, with what it links to (tags, attendees, action items, history…)'
            cand rm 'Remove rows (a soft delete, as in the app): all of them, or none if an id is unknown'
            cand edit 'Change one row in $VISUAL or $EDITOR: its fields, then its text below a --- line'
            cand undo 'Bring back the last removal (from `worklog rm` or the app); again for the one before'
            cand attach 'Attach files to an item: copied into the data directory (on PostgreSQL, the server), each with its SHA-256, all of them or none'
            cand attachments 'List attachments: an item''s, or every one'
            cand open 'Open an attachment with the desktop''s application (xdg-open); over SSH or without a display, print the path of a verified copy instead'
            cand detach 'Detach attachments (a soft delete: `worklog undo` brings them back)'
            cand history 'List the changes made to the data, newest first, with the fields each changed: all of them, or one item''s (KIND ID)'
            cand revert 'Take one change back (its number from `worklog history`), if nothing later changed what it wrote; the revert is a change of its own'
            cand demo 'Fill an empty data directory (by default a new temporary one) with sample data'
            cand completions 'Print the completion script for a shell: e.g. `worklog completions bash > ~/.local/share/bash-completion/completions/worklog`'
            cand man 'Print the man page of worklog, or of a subcommand (`worklog man add task`); --out DIR writes every page into DIR (`worklog.1`, `worklog-add-task.1`…)'
            cand config 'Show the settings in force and where each came from (default, file, env or flag)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'worklog;help;backup'= {
        }
        &'worklog;help;restore'= {
        }
        &'worklog;help;check'= {
        }
        &'worklog;help;__daily-backup'= {
        }
        &'worklog;help;copy'= {
        }
        &'worklog;help;migrate'= {
        }
        &'worklog;help;add'= {
            cand task 'A focus task: worklog add task "Call the bank tomorrow !high #home ~30m"'
            cand learning 'A journal entry: what you learned'
            cand energy 'An energy check-in, now'
            cand feedback 'Feedback given or received: worklog add feedback --received --person Ana Great demo'
            cand meeting 'A meeting: worklog add meeting Weekly sync --time 10:00 --with Ana --with Bo'
            cand goal 'A goal, or a sub-goal with --parent'
            cand skill 'A skill to track'
            cand assessment 'A skill assessment: worklog add assessment Rust 3 --note "wrote a macro"'
            cand action-item 'An action item, from a meeting or feedback or on its own'
        }
        &'worklog;help;add;task'= {
        }
        &'worklog;help;add;learning'= {
        }
        &'worklog;help;add;energy'= {
        }
        &'worklog;help;add;feedback'= {
        }
        &'worklog;help;add;meeting'= {
        }
        &'worklog;help;add;goal'= {
        }
        &'worklog;help;add;skill'= {
        }
        &'worklog;help;add;assessment'= {
        }
        &'worklog;help;add;action-item'= {
        }
        &'worklog;help;done'= {
        }
        &'worklog;help;today'= {
        }
        &'worklog;help;export'= {
        }
        &'worklog;help;import'= {
        }
        &'worklog;help;report'= {
        }
        &'worklog;help;search'= {
        }
        &'worklog;help;list'= {
        }
        &'worklog;help;show'= {
        }
        &'worklog;help;rm'= {
        }
        &'worklog;help;edit'= {
        }
        &'worklog;help;undo'= {
        }
        &'worklog;help;attach'= {
        }
        &'worklog;help;attachments'= {
        }
        &'worklog;help;open'= {
        }
        &'worklog;help;detach'= {
        }
        &'worklog;help;history'= {
        }
        &'worklog;help;revert'= {
        }
        &'worklog;help;demo'= {
        }
        &'worklog;help;completions'= {
        }
        &'worklog;help;man'= {
        }
        &'worklog;help;config'= {
        }
        &'worklog;help;help'= {
        }
    ]
    $completions[$command]
}
