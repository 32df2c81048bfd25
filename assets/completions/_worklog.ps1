
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'worklog' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'worklog'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'worklog' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('--demo', '--demo', [CompletionResultType]::ParameterName, 'Open the app on a new throwaway directory filled with a year of sample data')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Take a verified backup now (or list the backups)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Replace the database with a backup (the current one is backed up first)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the database''s integrity and the state of the backups')
            [CompletionResult]::new('__daily-backup', '__daily-backup', [CompletionResultType]::ParameterValue, 'Take today''s backup if missing, unless one is running (started detached by commands)')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy the whole database into an empty one: a PostgreSQL server or a SQLite file')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Move the database schema to version N, up or down (backs up first)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Capture something quickly, without opening the app')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark focus tasks done')
            [CompletionResult]::new('today', 'today', [CompletionResultType]::ParameterValue, 'The day at a glance: focus tasks, check-ins, meetings, open action items')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export everything, or a date range, as JSON, CSV or SQL')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a worklog export, Taskwarrior''s `task export`, `jrnl --format json` output or an iCalendar (.ics) file''s events as meetings')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Write a Markdown review of a period: tasks done, goals, learnings, skills, feedback, meetings, energy [default: the 7 days ending today]')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search the text of every pane: words, "phrases", prefix*, OR, -word, and the filters pane: tag: person: from: to: is:')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List rows of one kind, newest first: aligned columns with ids, or --json')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one row whole, with what it links to (tags, attendees, action items, history…)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove rows (a soft delete, as in the app): all of them, or none if an id is unknown')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change one row in $VISUAL or $EDITOR: its fields, then its text below a --- line')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Bring back the last removal (from `worklog rm` or the app); again for the one before')
            [CompletionResult]::new('attach', 'attach', [CompletionResultType]::ParameterValue, 'Attach files to an item: copied into the data directory (on PostgreSQL, the server), each with its SHA-256, all of them or none')
            [CompletionResult]::new('attachments', 'attachments', [CompletionResultType]::ParameterValue, 'List attachments: an item''s, or every one')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open an attachment with the desktop''s application (xdg-open); over SSH or without a display, print the path of a verified copy instead')
            [CompletionResult]::new('detach', 'detach', [CompletionResultType]::ParameterValue, 'Detach attachments (a soft delete: `worklog undo` brings them back)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List the changes made to the data, newest first, with the fields each changed: all of them, or one item''s (KIND ID)')
            [CompletionResult]::new('revert', 'revert', [CompletionResultType]::ParameterValue, 'Take one change back (its number from `worklog history`), if nothing later changed what it wrote; the revert is a change of its own')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Fill an empty data directory (by default a new temporary one) with sample data')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the completion script for a shell: e.g. `worklog completions bash > ~/.local/share/bash-completion/completions/worklog`')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page of worklog, or of a subcommand (`worklog man add task`); --out DIR writes every page into DIR (`worklog.1`, `worklog-add-task.1`…)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the settings in force and where each came from (default, file, env or flag)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'worklog;backup' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('--list', '--list', [CompletionResultType]::ParameterName, 'List the backups instead: date, reason, size and rows of each')
            [CompletionResult]::new('--accept-shrink', '--accept-shrink', [CompletionResultType]::ParameterName, 'After a suspected data loss: confirm the data as it is now, so that the backups from before it follow the usual rotation again')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'With --list: print a JSON array instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;restore' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;check' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the findings as a JSON object (the exit status is the same)')
            [CompletionResult]::new('--repair', '--repair', [CompletionResultType]::ParameterName, 'Remove attachment files that nothing needs (no row names them, no kept backup does, and they are over an hour old)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;__daily-backup' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;copy' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'A postgresql:// URL (schema from WORKLOG_SCHEMA or the URL), a data directory, or a .db file')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;migrate' {
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The schema version to move to')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('--yes', '--yes', [CompletionResultType]::ParameterName, 'Go ahead without asking when moving down drops tables that hold data')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;add' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('task', 'task', [CompletionResultType]::ParameterValue, 'A focus task: worklog add task "Call the bank tomorrow !high #home ~30m"')
            [CompletionResult]::new('learning', 'learning', [CompletionResultType]::ParameterValue, 'A journal entry: what you learned')
            [CompletionResult]::new('energy', 'energy', [CompletionResultType]::ParameterValue, 'An energy check-in, now')
            [CompletionResult]::new('feedback', 'feedback', [CompletionResultType]::ParameterValue, 'Feedback given or received: worklog add feedback --received --person Ana Great demo')
            [CompletionResult]::new('meeting', 'meeting', [CompletionResultType]::ParameterValue, 'A meeting: worklog add meeting Weekly sync --time 10:00 --with Ana --with Bo')
            [CompletionResult]::new('goal', 'goal', [CompletionResultType]::ParameterValue, 'A goal, or a sub-goal with --parent')
            [CompletionResult]::new('skill', 'skill', [CompletionResultType]::ParameterValue, 'A skill to track')
            [CompletionResult]::new('assessment', 'assessment', [CompletionResultType]::ParameterValue, 'A skill assessment: worklog add assessment Rust 3 --note "wrote a macro"')
            [CompletionResult]::new('action-item', 'action-item', [CompletionResultType]::ParameterValue, 'An action item, from a meeting or feedback or on its own')
            [CompletionResult]::new('action', 'action', [CompletionResultType]::ParameterValue, 'An action item, from a meeting or feedback or on its own')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'worklog;add;task' {
            [CompletionResult]::new('--day', '--day', [CompletionResultType]::ParameterName, 'The day it is for: today, tomorrow, +N or -N days, mon…sun (the next one, a week ahead for today''s weekday) or YYYY-MM-DD [default: today]')
            [CompletionResult]::new('--priority', '--priority', [CompletionResultType]::ParameterName, '1–3 or high/normal/low [default: normal]')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeat for more)')
            [CompletionResult]::new('--goal', '--goal', [CompletionResultType]::ParameterName, 'The goal it serves: its id, or (part of) its title if that matches only one')
            [CompletionResult]::new('--estimate', '--estimate', [CompletionResultType]::ParameterName, 'How long it should take: minutes, or like 1h30')
            [CompletionResult]::new('--notes', '--notes', [CompletionResultType]::ParameterName, 'Notes on it')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('--literal', '--literal', [CompletionResultType]::ParameterName, 'Take TEXT as typed: no #tags, !priority, ~estimate or day read out of it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;add;learning' {
            [CompletionResult]::new('--body', '--body', [CompletionResultType]::ParameterName, 'The body; - reads it from standard input')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeat for more)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('--star', '--star', [CompletionResultType]::ParameterName, 'Star it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;add;energy' {
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A note about it')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeat for more)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;add;feedback' {
            [CompletionResult]::new('--person', '--person', [CompletionResultType]::ParameterName, 'Who from or to: found by name, or added')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'praise, constructive, suggestion, recognition or other [default: other]')
            [CompletionResult]::new('--day', '--day', [CompletionResultType]::ParameterName, 'The day: today, yesterday, -N days, mon…sun (the most recent one, today included) or YYYY-MM-DD [default: today]')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeat for more)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('--given', '--given', [CompletionResultType]::ParameterName, 'You gave it')
            [CompletionResult]::new('--received', '--received', [CompletionResultType]::ParameterName, 'You received it')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;add;meeting' {
            [CompletionResult]::new('--day', '--day', [CompletionResultType]::ParameterName, 'The day: today, tomorrow, +N or -N days, mon…sun (the next one) or YYYY-MM-DD [default: today]')
            [CompletionResult]::new('--time', '--time', [CompletionResultType]::ParameterName, 'When it starts, HH:MM [default: now]')
            [CompletionResult]::new('--duration', '--duration', [CompletionResultType]::ParameterName, 'How long: minutes, or like 1h30')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, '1:1, team, interview, review, planning, external or other [default: other]')
            [CompletionResult]::new('--with', '--with', [CompletionResultType]::ParameterName, 'Someone who attended, found by name or added (repeat for more)')
            [CompletionResult]::new('--notes', '--notes', [CompletionResultType]::ParameterName, 'Notes')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeat for more)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;add;goal' {
            [CompletionResult]::new('--parent', '--parent', [CompletionResultType]::ParameterName, 'The goal it belongs under: its id, or (part of) its title if that matches only one')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'When it should be reached: a day as --day of add task reads it')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What it means')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'A tag (repeat for more)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;add;skill' {
            [CompletionResult]::new('--category', '--category', [CompletionResultType]::ParameterName, 'A category, e.g. languages')
            [CompletionResult]::new('--target', '--target', [CompletionResultType]::ParameterName, 'The level you aim for, 0–5')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What it covers')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;add;assessment' {
            [CompletionResult]::new('--day', '--day', [CompletionResultType]::ParameterName, 'The day: today, yesterday, -N days, mon…sun (the most recent one, today included) or YYYY-MM-DD [default: today]')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'What it rests on')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;add;action-item' {
            [CompletionResult]::new('--meeting', '--meeting', [CompletionResultType]::ParameterName, 'The meeting it came from')
            [CompletionResult]::new('--feedback', '--feedback', [CompletionResultType]::ParameterName, 'The feedback it came from')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Who owns it, found by name or added [default: you]')
            [CompletionResult]::new('--due', '--due', [CompletionResultType]::ParameterName, 'When it is due: a day as --day of add task reads it')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;add;action' {
            [CompletionResult]::new('--meeting', '--meeting', [CompletionResultType]::ParameterName, 'The meeting it came from')
            [CompletionResult]::new('--feedback', '--feedback', [CompletionResultType]::ParameterName, 'The feedback it came from')
            [CompletionResult]::new('--owner', '--owner', [CompletionResultType]::ParameterName, 'Who owns it, found by name or added [default: you]')
            [CompletionResult]::new('--due', '--due', [CompletionResultType]::ParameterName, 'When it is due: a day as --day of add task reads it')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;add;help' {
            [CompletionResult]::new('task', 'task', [CompletionResultType]::ParameterValue, 'A focus task: worklog add task "Call the bank tomorrow !high #home ~30m"')
            [CompletionResult]::new('learning', 'learning', [CompletionResultType]::ParameterValue, 'A journal entry: what you learned')
            [CompletionResult]::new('energy', 'energy', [CompletionResultType]::ParameterValue, 'An energy check-in, now')
            [CompletionResult]::new('feedback', 'feedback', [CompletionResultType]::ParameterValue, 'Feedback given or received: worklog add feedback --received --person Ana Great demo')
            [CompletionResult]::new('meeting', 'meeting', [CompletionResultType]::ParameterValue, 'A meeting: worklog add meeting Weekly sync --time 10:00 --with Ana --with Bo')
            [CompletionResult]::new('goal', 'goal', [CompletionResultType]::ParameterValue, 'A goal, or a sub-goal with --parent')
            [CompletionResult]::new('skill', 'skill', [CompletionResultType]::ParameterValue, 'A skill to track')
            [CompletionResult]::new('assessment', 'assessment', [CompletionResultType]::ParameterValue, 'A skill assessment: worklog add assessment Rust 3 --note "wrote a macro"')
            [CompletionResult]::new('action-item', 'action-item', [CompletionResultType]::ParameterValue, 'An action item, from a meeting or feedback or on its own')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'worklog;add;help;task' {
            break
        }
        'worklog;add;help;learning' {
            break
        }
        'worklog;add;help;energy' {
            break
        }
        'worklog;add;help;feedback' {
            break
        }
        'worklog;add;help;meeting' {
            break
        }
        'worklog;add;help;goal' {
            break
        }
        'worklog;add;help;skill' {
            break
        }
        'worklog;add;help;assessment' {
            break
        }
        'worklog;add;help;action-item' {
            break
        }
        'worklog;add;help;help' {
            break
        }
        'worklog;done' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;today' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print it as JSON')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'format')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to this file (a folder for csv) instead of standard output')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Keep dated rows from this day on (today, yesterday, -N days, mon…sun, YYYY-MM-DD)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Keep dated rows up to this day, inclusive')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing --out file (or csv folder); never the database or a backup')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'worklog;import' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'What the file is (worklog, taskwarrior, jrnl, ics) [default: detected from its contents]; for a calendar, a day instead is the first day of events to import [default: 90 days ago]')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'A calendar''s last day of events to import [default: 14 days from today]')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'The user''s own email domain, which tells external meetings [default: the config file''s [calendar] domain, else the domain of the organizer of most events]')
            [CompletionResult]::new('--calendar', '--calendar', [CompletionResultType]::ParameterName, 'Which calendar this is, whatever the file is called: an event an earlier import of it brought and this one lacks is cancelled [default: the same file with the same X-WR-CALNAME and PRODID]')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('--all-day', '--all-day', [CompletionResultType]::ParameterName, 'Import a calendar''s all-day events too')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show what would be added and what is already there, and write nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the counts as a JSON object')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;report' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'The first day (today, yesterday, -N days, mon…sun, YYYY-MM-DD)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The last day, inclusive [default: today]')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write the report to this file instead of standard output')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('--week', '--week', [CompletionResultType]::ParameterName, 'The 7 days ending today')
            [CompletionResult]::new('--month', '--month', [CompletionResultType]::ParameterName, 'The month ending today')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'The review as a JSON object (each section''s rows) instead of Markdown')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace an existing --out file; never the database or a backup')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;search' {
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N hits (up to 10000)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print the hits as a JSON array (matches marked with U+E000 and U+E001)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;list' {
            [CompletionResult]::new('--day', '--day', [CompletionResultType]::ParameterName, 'Only this day: today, yesterday, -N, mon…sun (the most recent, today included) or YYYY-MM-DD')
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'From this day on')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Up to this day, inclusive')
            [CompletionResult]::new('--tag', '--tag', [CompletionResultType]::ParameterName, 'Only rows with this tag')
            [CompletionResult]::new('--person', '--person', [CompletionResultType]::ParameterName, 'Only meetings with, feedback from or to, or people named (part of) this name')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'tasks: todo, doing, done, dropped, open; goals: active, paused, done, dropped, open; feedback: given, received; learnings: starred')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Show at most N rows (up to 10000); a line on stderr says when more matched')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON array of objects instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;show' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print it as a JSON object')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;rm' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;edit' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;undo' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;attach' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;attachments' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON array instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;open' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;detach' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;history' {
            [CompletionResult]::new('--from', '--from', [CompletionResultType]::ParameterName, 'Changes made on this day or later (today, yesterday, -N days, mon…sun, YYYY-MM-DD)')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'Changes made up to this day, inclusive')
            [CompletionResult]::new('--before', '--before', [CompletionResultType]::ParameterName, 'With --prune: the first day whose changes are kept')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print a JSON array of the changes, each with its rows and fields')
            [CompletionResult]::new('--prune', '--prune', [CompletionResultType]::ParameterName, 'Delete the changes made before --before: they can no longer be listed or reverted')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;revert' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;demo' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'The directory to fill; it must hold no data [default: a new directory under the system''s temporary directory]')
            [CompletionResult]::new('--rows', '--rows', [CompletionResultType]::ParameterName, 'About how many rows to write, up to 1000000 (the default is about a year of use)')
            [CompletionResult]::new('--seed', '--seed', [CompletionResultType]::ParameterName, 'The same seed always gives the same data')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;completions' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'worklog;man' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write every page into this directory instead (created if missing)')
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;config' {
            [CompletionResult]::new('--data-dir', '--data-dir', [CompletionResultType]::ParameterName, 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]')
            [CompletionResult]::new('--database', '--database', [CompletionResultType]::ParameterName, 'Keep the log on a PostgreSQL server instead of the data directory''s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq''s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never')
            [CompletionResult]::new('--print', '--print', [CompletionResultType]::ParameterName, 'Print every setting with its source (the only thing it does for now)')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Explain on standard error what opening the database did: created or migrated it, took today''s backup (or handed it to the background), rotated old backups')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            break
        }
        'worklog;help' {
            [CompletionResult]::new('backup', 'backup', [CompletionResultType]::ParameterValue, 'Take a verified backup now (or list the backups)')
            [CompletionResult]::new('restore', 'restore', [CompletionResultType]::ParameterValue, 'Replace the database with a backup (the current one is backed up first)')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check the database''s integrity and the state of the backups')
            [CompletionResult]::new('__daily-backup', '__daily-backup', [CompletionResultType]::ParameterValue, 'Take today''s backup if missing, unless one is running (started detached by commands)')
            [CompletionResult]::new('copy', 'copy', [CompletionResultType]::ParameterValue, 'Copy the whole database into an empty one: a PostgreSQL server or a SQLite file')
            [CompletionResult]::new('migrate', 'migrate', [CompletionResultType]::ParameterValue, 'Move the database schema to version N, up or down (backs up first)')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Capture something quickly, without opening the app')
            [CompletionResult]::new('done', 'done', [CompletionResultType]::ParameterValue, 'Mark focus tasks done')
            [CompletionResult]::new('today', 'today', [CompletionResultType]::ParameterValue, 'The day at a glance: focus tasks, check-ins, meetings, open action items')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Export everything, or a date range, as JSON, CSV or SQL')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import a worklog export, Taskwarrior''s `task export`, `jrnl --format json` output or an iCalendar (.ics) file''s events as meetings')
            [CompletionResult]::new('report', 'report', [CompletionResultType]::ParameterValue, 'Write a Markdown review of a period: tasks done, goals, learnings, skills, feedback, meetings, energy [default: the 7 days ending today]')
            [CompletionResult]::new('search', 'search', [CompletionResultType]::ParameterValue, 'Search the text of every pane: words, "phrases", prefix*, OR, -word, and the filters pane: tag: person: from: to: is:')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List rows of one kind, newest first: aligned columns with ids, or --json')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one row whole, with what it links to (tags, attendees, action items, history…)')
            [CompletionResult]::new('rm', 'rm', [CompletionResultType]::ParameterValue, 'Remove rows (a soft delete, as in the app): all of them, or none if an id is unknown')
            [CompletionResult]::new('edit', 'edit', [CompletionResultType]::ParameterValue, 'Change one row in $VISUAL or $EDITOR: its fields, then its text below a --- line')
            [CompletionResult]::new('undo', 'undo', [CompletionResultType]::ParameterValue, 'Bring back the last removal (from `worklog rm` or the app); again for the one before')
            [CompletionResult]::new('attach', 'attach', [CompletionResultType]::ParameterValue, 'Attach files to an item: copied into the data directory (on PostgreSQL, the server), each with its SHA-256, all of them or none')
            [CompletionResult]::new('attachments', 'attachments', [CompletionResultType]::ParameterValue, 'List attachments: an item''s, or every one')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open an attachment with the desktop''s application (xdg-open); over SSH or without a display, print the path of a verified copy instead')
            [CompletionResult]::new('detach', 'detach', [CompletionResultType]::ParameterValue, 'Detach attachments (a soft delete: `worklog undo` brings them back)')
            [CompletionResult]::new('history', 'history', [CompletionResultType]::ParameterValue, 'List the changes made to the data, newest first, with the fields each changed: all of them, or one item''s (KIND ID)')
            [CompletionResult]::new('revert', 'revert', [CompletionResultType]::ParameterValue, 'Take one change back (its number from `worklog history`), if nothing later changed what it wrote; the revert is a change of its own')
            [CompletionResult]::new('demo', 'demo', [CompletionResultType]::ParameterValue, 'Fill an empty data directory (by default a new temporary one) with sample data')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print the completion script for a shell: e.g. `worklog completions bash > ~/.local/share/bash-completion/completions/worklog`')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page of worklog, or of a subcommand (`worklog man add task`); --out DIR writes every page into DIR (`worklog.1`, `worklog-add-task.1`…)')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Show the settings in force and where each came from (default, file, env or flag)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'worklog;help;backup' {
            break
        }
        'worklog;help;restore' {
            break
        }
        'worklog;help;check' {
            break
        }
        'worklog;help;__daily-backup' {
            break
        }
        'worklog;help;copy' {
            break
        }
        'worklog;help;migrate' {
            break
        }
        'worklog;help;add' {
            [CompletionResult]::new('task', 'task', [CompletionResultType]::ParameterValue, 'A focus task: worklog add task "Call the bank tomorrow !high #home ~30m"')
            [CompletionResult]::new('learning', 'learning', [CompletionResultType]::ParameterValue, 'A journal entry: what you learned')
            [CompletionResult]::new('energy', 'energy', [CompletionResultType]::ParameterValue, 'An energy check-in, now')
            [CompletionResult]::new('feedback', 'feedback', [CompletionResultType]::ParameterValue, 'Feedback given or received: worklog add feedback --received --person Ana Great demo')
            [CompletionResult]::new('meeting', 'meeting', [CompletionResultType]::ParameterValue, 'A meeting: worklog add meeting Weekly sync --time 10:00 --with Ana --with Bo')
            [CompletionResult]::new('goal', 'goal', [CompletionResultType]::ParameterValue, 'A goal, or a sub-goal with --parent')
            [CompletionResult]::new('skill', 'skill', [CompletionResultType]::ParameterValue, 'A skill to track')
            [CompletionResult]::new('assessment', 'assessment', [CompletionResultType]::ParameterValue, 'A skill assessment: worklog add assessment Rust 3 --note "wrote a macro"')
            [CompletionResult]::new('action-item', 'action-item', [CompletionResultType]::ParameterValue, 'An action item, from a meeting or feedback or on its own')
            break
        }
        'worklog;help;add;task' {
            break
        }
        'worklog;help;add;learning' {
            break
        }
        'worklog;help;add;energy' {
            break
        }
        'worklog;help;add;feedback' {
            break
        }
        'worklog;help;add;meeting' {
            break
        }
        'worklog;help;add;goal' {
            break
        }
        'worklog;help;add;skill' {
            break
        }
        'worklog;help;add;assessment' {
            break
        }
        'worklog;help;add;action-item' {
            break
        }
        'worklog;help;done' {
            break
        }
        'worklog;help;today' {
            break
        }
        'worklog;help;export' {
            break
        }
        'worklog;help;import' {
            break
        }
        'worklog;help;report' {
            break
        }
        'worklog;help;search' {
            break
        }
        'worklog;help;list' {
            break
        }
        'worklog;help;show' {
            break
        }
        'worklog;help;rm' {
            break
        }
        'worklog;help;edit' {
            break
        }
        'worklog;help;undo' {
            break
        }
        'worklog;help;attach' {
            break
        }
        'worklog;help;attachments' {
            break
        }
        'worklog;help;open' {
            break
        }
        'worklog;help;detach' {
            break
        }
        'worklog;help;history' {
            break
        }
        'worklog;help;revert' {
            break
        }
        'worklog;help;demo' {
            break
        }
        'worklog;help;completions' {
            break
        }
        'worklog;help;man' {
            break
        }
        'worklog;help;config' {
            break
        }
        'worklog;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
