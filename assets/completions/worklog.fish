# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_worklog_global_optspecs
    string join \n data-dir= database= config= demo q/quiet v/verbose color= h/help V/version
end

function __fish_worklog_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_worklog_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_worklog_using_subcommand
    set -l cmd (__fish_worklog_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c worklog -n "__fish_worklog_needs_command" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_needs_command" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_needs_command" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_needs_command" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_needs_command" -l demo -d 'Open the app on a new throwaway directory filled with a year of sample data'
complete -c worklog -n "__fish_worklog_needs_command" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_needs_command" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_needs_command" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_needs_command" -s V -l version -d 'Print version'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "backup" -d 'Take a verified backup now (or list the backups)'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "restore" -d 'Replace the database with a backup (the current one is backed up first)'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "check" -d 'Check the database\'s integrity and the state of the backups'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "__daily-backup" -d 'Take today\'s backup if missing, unless one is running (started detached by commands)'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "copy" -d 'Copy the whole database into an empty one: a PostgreSQL server or a SQLite file'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "migrate" -d 'Move the database schema to version N, up or down (backs up first)'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "add" -d 'Capture something quickly, without opening the app'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "done" -d 'Mark focus tasks done'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "today" -d 'The day at a glance: focus tasks, check-ins, meetings, open action items'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "export" -d 'Export everything, or a date range, as JSON, CSV or SQL'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "import" -d 'Import a worklog export, Taskwarrior\'s `task export`, `jrnl --format json` output or an iCalendar (.ics) file\'s events as meetings'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "report" -d 'Write a Markdown review of a period: tasks done, goals, learnings, skills, feedback, meetings, energy [default: the 7 days ending today]'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "search" -d 'Search the text of every pane: words, "phrases", prefix*, OR, -word, and the filters pane: tag: person: from: to: is:'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "list" -d 'List rows of one kind, newest first: aligned columns with ids, or --json'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "show" -d 'Show one row whole, with what it links to (tags, attendees, action items, history…)'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "rm" -d 'Remove rows (a soft delete, as in the app): all of them, or none if an id is unknown'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "edit" -d 'Change one row in $VISUAL or $EDITOR: its fields, then its text below a --- line'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "undo" -d 'Bring back the last removal (from `worklog rm` or the app); again for the one before'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "attach" -d 'Attach files to an item: copied into the data directory (on PostgreSQL, the server), each with its SHA-256, all of them or none'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "attachments" -d 'List attachments: an item\'s, or every one'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "open" -d 'Open an attachment with the desktop\'s application (xdg-open); over SSH or without a display, print the path of a verified copy instead'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "detach" -d 'Detach attachments (a soft delete: `worklog undo` brings them back)'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "history" -d 'List the changes made to the data, newest first, with the fields each changed: all of them, or one item\'s (KIND ID)'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "revert" -d 'Take one change back (its number from `worklog history`), if nothing later changed what it wrote; the revert is a change of its own'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "demo" -d 'Fill an empty data directory (by default a new temporary one) with sample data'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "completions" -d 'Print the completion script for a shell: e.g. `worklog completions bash > ~/.local/share/bash-completion/completions/worklog`'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "man" -d 'Print the man page of worklog, or of a subcommand (`worklog man add task`); --out DIR writes every page into DIR (`worklog.1`, `worklog-add-task.1`…)'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "config" -d 'Show the settings in force and where each came from (default, file, env or flag)'
complete -c worklog -n "__fish_worklog_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c worklog -n "__fish_worklog_using_subcommand backup" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand backup" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand backup" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand backup" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand backup" -l list -d 'List the backups instead: date, reason, size and rows of each'
complete -c worklog -n "__fish_worklog_using_subcommand backup" -l accept-shrink -d 'After a suspected data loss: confirm the data as it is now, so that the backups from before it follow the usual rotation again'
complete -c worklog -n "__fish_worklog_using_subcommand backup" -l json -d 'With --list: print a JSON array instead'
complete -c worklog -n "__fish_worklog_using_subcommand backup" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand backup" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand backup" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand restore" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand restore" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand restore" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand restore" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand restore" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand restore" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand restore" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand check" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand check" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand check" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand check" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand check" -l json -d 'Print the findings as a JSON object (the exit status is the same)'
complete -c worklog -n "__fish_worklog_using_subcommand check" -l repair -d 'Remove attachment files that nothing needs (no row names them, no kept backup does, and they are over an hour old)'
complete -c worklog -n "__fish_worklog_using_subcommand check" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand check" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand check" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand __daily-backup" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand __daily-backup" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand __daily-backup" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand __daily-backup" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand __daily-backup" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand __daily-backup" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand __daily-backup" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand copy" -l to -d 'A postgresql:// URL (schema from WORKLOG_SCHEMA or the URL), a data directory, or a .db file' -r
complete -c worklog -n "__fish_worklog_using_subcommand copy" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand copy" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand copy" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand copy" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand copy" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand copy" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand copy" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand migrate" -l to -d 'The schema version to move to' -r
complete -c worklog -n "__fish_worklog_using_subcommand migrate" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand migrate" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand migrate" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand migrate" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand migrate" -l yes -d 'Go ahead without asking when moving down drops tables that hold data'
complete -c worklog -n "__fish_worklog_using_subcommand migrate" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand migrate" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand migrate" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand add; and not __fish_seen_subcommand_from task learning energy feedback meeting goal skill assessment action-item action help" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and not __fish_seen_subcommand_from task learning energy feedback meeting goal skill assessment action-item action help" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and not __fish_seen_subcommand_from task learning energy feedback meeting goal skill assessment action-item action help" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and not __fish_seen_subcommand_from task learning energy feedback meeting goal skill assessment action-item action help" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand add; and not __fish_seen_subcommand_from task learning energy feedback meeting goal skill assessment action-item action help" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand add; and not __fish_seen_subcommand_from task learning energy feedback meeting goal skill assessment action-item action help" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand add; and not __fish_seen_subcommand_from task learning energy feedback meeting goal skill assessment action-item action help" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand add; and not __fish_seen_subcommand_from task learning energy feedback meeting goal skill assessment action-item action help" -f -a "task" -d 'A focus task: worklog add task "Call the bank tomorrow !high #home ~30m"'
complete -c worklog -n "__fish_worklog_using_subcommand add; and not __fish_seen_subcommand_from task learning energy feedback meeting goal skill assessment action-item action help" -f -a "learning" -d 'A journal entry: what you learned'
complete -c worklog -n "__fish_worklog_using_subcommand add; and not __fish_seen_subcommand_from task learning energy feedback meeting goal skill assessment action-item action help" -f -a "energy" -d 'An energy check-in, now'
complete -c worklog -n "__fish_worklog_using_subcommand add; and not __fish_seen_subcommand_from task learning energy feedback meeting goal skill assessment action-item action help" -f -a "feedback" -d 'Feedback given or received: worklog add feedback --received --person Ana Great demo'
complete -c worklog -n "__fish_worklog_using_subcommand add; and not __fish_seen_subcommand_from task learning energy feedback meeting goal skill assessment action-item action help" -f -a "meeting" -d 'A meeting: worklog add meeting Weekly sync --time 10:00 --with Ana --with Bo'
complete -c worklog -n "__fish_worklog_using_subcommand add; and not __fish_seen_subcommand_from task learning energy feedback meeting goal skill assessment action-item action help" -f -a "goal" -d 'A goal, or a sub-goal with --parent'
complete -c worklog -n "__fish_worklog_using_subcommand add; and not __fish_seen_subcommand_from task learning energy feedback meeting goal skill assessment action-item action help" -f -a "skill" -d 'A skill to track'
complete -c worklog -n "__fish_worklog_using_subcommand add; and not __fish_seen_subcommand_from task learning energy feedback meeting goal skill assessment action-item action help" -f -a "assessment" -d 'A skill assessment: worklog add assessment Rust 3 --note "wrote a macro"'
complete -c worklog -n "__fish_worklog_using_subcommand add; and not __fish_seen_subcommand_from task learning energy feedback meeting goal skill assessment action-item action help" -f -a "action-item" -d 'An action item, from a meeting or feedback or on its own'
complete -c worklog -n "__fish_worklog_using_subcommand add; and not __fish_seen_subcommand_from task learning energy feedback meeting goal skill assessment action-item action help" -f -a "action" -d 'An action item, from a meeting or feedback or on its own'
complete -c worklog -n "__fish_worklog_using_subcommand add; and not __fish_seen_subcommand_from task learning energy feedback meeting goal skill assessment action-item action help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from task" -l day -d 'The day it is for: today, tomorrow, +N or -N days, mon…sun (the next one, a week ahead for today\'s weekday) or YYYY-MM-DD [default: today]' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from task" -l priority -d '1–3 or high/normal/low [default: normal]' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from task" -l tag -d 'A tag (repeat for more)' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from task" -l goal -d 'The goal it serves: its id, or (part of) its title if that matches only one' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from task" -l estimate -d 'How long it should take: minutes, or like 1h30' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from task" -l notes -d 'Notes on it' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from task" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from task" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from task" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from task" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from task" -l literal -d 'Take TEXT as typed: no #tags, !priority, ~estimate or day read out of it'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from task" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from task" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from task" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from learning" -l body -d 'The body; - reads it from standard input' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from learning" -l tag -d 'A tag (repeat for more)' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from learning" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from learning" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from learning" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from learning" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from learning" -l star -d 'Star it'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from learning" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from learning" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from learning" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from energy" -l note -d 'A note about it' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from energy" -l tag -d 'A tag (repeat for more)' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from energy" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from energy" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from energy" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from energy" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from energy" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from energy" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from energy" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from feedback" -l person -d 'Who from or to: found by name, or added' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from feedback" -l kind -d 'praise, constructive, suggestion, recognition or other [default: other]' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from feedback" -l day -d 'The day: today, yesterday, -N days, mon…sun (the most recent one, today included) or YYYY-MM-DD [default: today]' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from feedback" -l tag -d 'A tag (repeat for more)' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from feedback" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from feedback" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from feedback" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from feedback" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from feedback" -l given -d 'You gave it'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from feedback" -l received -d 'You received it'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from feedback" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from feedback" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from feedback" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from meeting" -l day -d 'The day: today, tomorrow, +N or -N days, mon…sun (the next one) or YYYY-MM-DD [default: today]' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from meeting" -l time -d 'When it starts, HH:MM [default: now]' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from meeting" -l duration -d 'How long: minutes, or like 1h30' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from meeting" -l kind -d '1:1, team, interview, review, planning, external or other [default: other]' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from meeting" -l with -d 'Someone who attended, found by name or added (repeat for more)' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from meeting" -l notes -d 'Notes' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from meeting" -l tag -d 'A tag (repeat for more)' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from meeting" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from meeting" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from meeting" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from meeting" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from meeting" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from meeting" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from meeting" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from goal" -l parent -d 'The goal it belongs under: its id, or (part of) its title if that matches only one' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from goal" -l target -d 'When it should be reached: a day as --day of add task reads it' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from goal" -l description -d 'What it means' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from goal" -l tag -d 'A tag (repeat for more)' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from goal" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from goal" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from goal" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from goal" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from goal" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from goal" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from goal" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from skill" -l category -d 'A category, e.g. languages' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from skill" -l target -d 'The level you aim for, 0–5' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from skill" -l description -d 'What it covers' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from skill" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from skill" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from skill" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from skill" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from skill" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from skill" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from skill" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from assessment" -l day -d 'The day: today, yesterday, -N days, mon…sun (the most recent one, today included) or YYYY-MM-DD [default: today]' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from assessment" -l note -d 'What it rests on' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from assessment" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from assessment" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from assessment" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from assessment" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from assessment" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from assessment" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from assessment" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action-item" -l meeting -d 'The meeting it came from' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action-item" -l feedback -d 'The feedback it came from' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action-item" -l owner -d 'Who owns it, found by name or added [default: you]' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action-item" -l due -d 'When it is due: a day as --day of add task reads it' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action-item" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action-item" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action-item" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action-item" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action-item" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action-item" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action-item" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action" -l meeting -d 'The meeting it came from' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action" -l feedback -d 'The feedback it came from' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action" -l owner -d 'Who owns it, found by name or added [default: you]' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action" -l due -d 'When it is due: a day as --day of add task reads it' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from action" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "task" -d 'A focus task: worklog add task "Call the bank tomorrow !high #home ~30m"'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "learning" -d 'A journal entry: what you learned'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "energy" -d 'An energy check-in, now'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "feedback" -d 'Feedback given or received: worklog add feedback --received --person Ana Great demo'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "meeting" -d 'A meeting: worklog add meeting Weekly sync --time 10:00 --with Ana --with Bo'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "goal" -d 'A goal, or a sub-goal with --parent'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "skill" -d 'A skill to track'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "assessment" -d 'A skill assessment: worklog add assessment Rust 3 --note "wrote a macro"'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "action-item" -d 'An action item, from a meeting or feedback or on its own'
complete -c worklog -n "__fish_worklog_using_subcommand add; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c worklog -n "__fish_worklog_using_subcommand done" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand done" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand done" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand done" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand done" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand done" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand done" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand today" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand today" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand today" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand today" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand today" -l json -d 'Print it as JSON'
complete -c worklog -n "__fish_worklog_using_subcommand today" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand today" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand today" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand export" -l format -r -f -a "json\t'One JSON document with every table (lossless; `worklog import` reads it)'
csv\t'A folder with one CSV file per table (needs --out DIR)'
sql\t'An SQL script that `sqlite3 NEW.db < FILE` loads into the same database'
ics\t'The meetings as an iCalendar (.ics) file, action items as to-dos'"
complete -c worklog -n "__fish_worklog_using_subcommand export" -l out -d 'Write to this file (a folder for csv) instead of standard output' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand export" -l from -d 'Keep dated rows from this day on (today, yesterday, -N days, mon…sun, YYYY-MM-DD)' -r
complete -c worklog -n "__fish_worklog_using_subcommand export" -l to -d 'Keep dated rows up to this day, inclusive' -r
complete -c worklog -n "__fish_worklog_using_subcommand export" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand export" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand export" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand export" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand export" -l force -d 'Replace an existing --out file (or csv folder); never the database or a backup'
complete -c worklog -n "__fish_worklog_using_subcommand export" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand export" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c worklog -n "__fish_worklog_using_subcommand import" -l from -d 'What the file is (worklog, taskwarrior, jrnl, ics) [default: detected from its contents]; for a calendar, a day instead is the first day of events to import [default: 90 days ago]' -r
complete -c worklog -n "__fish_worklog_using_subcommand import" -l to -d 'A calendar\'s last day of events to import [default: 14 days from today]' -r
complete -c worklog -n "__fish_worklog_using_subcommand import" -l domain -d 'The user\'s own email domain, which tells external meetings [default: the config file\'s [calendar] domain, else the domain of the organizer of most events]' -r
complete -c worklog -n "__fish_worklog_using_subcommand import" -l calendar -d 'Which calendar this is, whatever the file is called: an event an earlier import of it brought and this one lacks is cancelled [default: the same file with the same X-WR-CALNAME and PRODID]' -r
complete -c worklog -n "__fish_worklog_using_subcommand import" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand import" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand import" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand import" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand import" -l all-day -d 'Import a calendar\'s all-day events too'
complete -c worklog -n "__fish_worklog_using_subcommand import" -l dry-run -d 'Show what would be added and what is already there, and write nothing'
complete -c worklog -n "__fish_worklog_using_subcommand import" -l json -d 'Print the counts as a JSON object'
complete -c worklog -n "__fish_worklog_using_subcommand import" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand import" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand import" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand report" -l from -d 'The first day (today, yesterday, -N days, mon…sun, YYYY-MM-DD)' -r
complete -c worklog -n "__fish_worklog_using_subcommand report" -l to -d 'The last day, inclusive [default: today]' -r
complete -c worklog -n "__fish_worklog_using_subcommand report" -l out -d 'Write the report to this file instead of standard output' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand report" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand report" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand report" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand report" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand report" -l week -d 'The 7 days ending today'
complete -c worklog -n "__fish_worklog_using_subcommand report" -l month -d 'The month ending today'
complete -c worklog -n "__fish_worklog_using_subcommand report" -l json -d 'The review as a JSON object (each section\'s rows) instead of Markdown'
complete -c worklog -n "__fish_worklog_using_subcommand report" -l force -d 'Replace an existing --out file; never the database or a backup'
complete -c worklog -n "__fish_worklog_using_subcommand report" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand report" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand report" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand search" -l limit -d 'Show at most N hits (up to 10000)' -r
complete -c worklog -n "__fish_worklog_using_subcommand search" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand search" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand search" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand search" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand search" -l json -d 'Print the hits as a JSON array (matches marked with U+E000 and U+E001)'
complete -c worklog -n "__fish_worklog_using_subcommand search" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand search" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand search" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand list" -l day -d 'Only this day: today, yesterday, -N, mon…sun (the most recent, today included) or YYYY-MM-DD' -r
complete -c worklog -n "__fish_worklog_using_subcommand list" -l from -d 'From this day on' -r
complete -c worklog -n "__fish_worklog_using_subcommand list" -l to -d 'Up to this day, inclusive' -r
complete -c worklog -n "__fish_worklog_using_subcommand list" -l tag -d 'Only rows with this tag' -r
complete -c worklog -n "__fish_worklog_using_subcommand list" -l person -d 'Only meetings with, feedback from or to, or people named (part of) this name' -r
complete -c worklog -n "__fish_worklog_using_subcommand list" -l status -d 'tasks: todo, doing, done, dropped, open; goals: active, paused, done, dropped, open; feedback: given, received; learnings: starred' -r
complete -c worklog -n "__fish_worklog_using_subcommand list" -l limit -d 'Show at most N rows (up to 10000); a line on stderr says when more matched' -r
complete -c worklog -n "__fish_worklog_using_subcommand list" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand list" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand list" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand list" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand list" -l json -d 'Print a JSON array of objects instead'
complete -c worklog -n "__fish_worklog_using_subcommand list" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand list" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand list" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand show" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand show" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand show" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand show" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand show" -l json -d 'Print it as a JSON object'
complete -c worklog -n "__fish_worklog_using_subcommand show" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand show" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand show" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand rm" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand rm" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand rm" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand rm" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand rm" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand rm" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand rm" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand edit" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand edit" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand edit" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand edit" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand edit" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand edit" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand edit" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand undo" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand undo" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand undo" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand undo" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand undo" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand undo" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand undo" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand attach" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand attach" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand attach" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand attach" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand attach" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand attach" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand attach" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand attachments" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand attachments" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand attachments" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand attachments" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand attachments" -l json -d 'Print a JSON array instead'
complete -c worklog -n "__fish_worklog_using_subcommand attachments" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand attachments" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand attachments" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand open" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand open" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand open" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand open" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand open" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand open" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand open" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand detach" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand detach" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand detach" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand detach" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand detach" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand detach" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand detach" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand history" -l from -d 'Changes made on this day or later (today, yesterday, -N days, mon…sun, YYYY-MM-DD)' -r
complete -c worklog -n "__fish_worklog_using_subcommand history" -l to -d 'Changes made up to this day, inclusive' -r
complete -c worklog -n "__fish_worklog_using_subcommand history" -l before -d 'With --prune: the first day whose changes are kept' -r
complete -c worklog -n "__fish_worklog_using_subcommand history" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand history" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand history" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand history" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand history" -l json -d 'Print a JSON array of the changes, each with its rows and fields'
complete -c worklog -n "__fish_worklog_using_subcommand history" -l prune -d 'Delete the changes made before --before: they can no longer be listed or reverted'
complete -c worklog -n "__fish_worklog_using_subcommand history" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand history" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand history" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand revert" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand revert" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand revert" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand revert" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand revert" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand revert" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand revert" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand demo" -l data-dir -d 'The directory to fill; it must hold no data [default: a new directory under the system\'s temporary directory]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand demo" -l rows -d 'About how many rows to write, up to 1000000 (the default is about a year of use)' -r
complete -c worklog -n "__fish_worklog_using_subcommand demo" -l seed -d 'The same seed always gives the same data' -r
complete -c worklog -n "__fish_worklog_using_subcommand demo" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand demo" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand demo" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand demo" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand demo" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand demo" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand completions" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand completions" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand completions" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand completions" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand completions" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand completions" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c worklog -n "__fish_worklog_using_subcommand man" -l out -d 'Write every page into this directory instead (created if missing)' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand man" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand man" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand man" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand man" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand man" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand man" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand man" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand config" -l data-dir -d 'Where the database and its backups live [default: $XDG_DATA_HOME/worklog]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand config" -l database -d 'Keep the log on a PostgreSQL server instead of the data directory\'s worklog.db: postgresql://USER@HOST/DB?sslmode=verify-full (libpq\'s PG* variables and ~/.pgpass apply; WORKLOG_SCHEMA names the schema, "worklog" by default)' -r
complete -c worklog -n "__fish_worklog_using_subcommand config" -l config -d 'Read settings from this file [default: $WORKLOG_CONFIG, else $XDG_CONFIG_HOME/worklog/config.toml if it exists]' -r -F
complete -c worklog -n "__fish_worklog_using_subcommand config" -l color -d 'Colour the output: auto (a terminal, unless NO_COLOR is set; CLICOLOR_FORCE colours a pipe too), always or never' -r -f -a "auto\t''
always\t''
never\t''"
complete -c worklog -n "__fish_worklog_using_subcommand config" -l print -d 'Print every setting with its source (the only thing it does for now)'
complete -c worklog -n "__fish_worklog_using_subcommand config" -s q -l quiet -d 'Say nothing on success: no confirmations ("added task 12"), for cron. Data asked for, warnings and errors are still written'
complete -c worklog -n "__fish_worklog_using_subcommand config" -s v -l verbose -d 'Explain on standard error what opening the database did: created or migrated it, took today\'s backup (or handed it to the background), rotated old backups'
complete -c worklog -n "__fish_worklog_using_subcommand config" -s h -l help -d 'Print help'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "backup" -d 'Take a verified backup now (or list the backups)'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "restore" -d 'Replace the database with a backup (the current one is backed up first)'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "check" -d 'Check the database\'s integrity and the state of the backups'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "__daily-backup" -d 'Take today\'s backup if missing, unless one is running (started detached by commands)'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "copy" -d 'Copy the whole database into an empty one: a PostgreSQL server or a SQLite file'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "migrate" -d 'Move the database schema to version N, up or down (backs up first)'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "add" -d 'Capture something quickly, without opening the app'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "done" -d 'Mark focus tasks done'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "today" -d 'The day at a glance: focus tasks, check-ins, meetings, open action items'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "export" -d 'Export everything, or a date range, as JSON, CSV or SQL'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "import" -d 'Import a worklog export, Taskwarrior\'s `task export`, `jrnl --format json` output or an iCalendar (.ics) file\'s events as meetings'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "report" -d 'Write a Markdown review of a period: tasks done, goals, learnings, skills, feedback, meetings, energy [default: the 7 days ending today]'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "search" -d 'Search the text of every pane: words, "phrases", prefix*, OR, -word, and the filters pane: tag: person: from: to: is:'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "list" -d 'List rows of one kind, newest first: aligned columns with ids, or --json'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "show" -d 'Show one row whole, with what it links to (tags, attendees, action items, history…)'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "rm" -d 'Remove rows (a soft delete, as in the app): all of them, or none if an id is unknown'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "edit" -d 'Change one row in $VISUAL or $EDITOR: its fields, then its text below a --- line'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "undo" -d 'Bring back the last removal (from `worklog rm` or the app); again for the one before'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "attach" -d 'Attach files to an item: copied into the data directory (on PostgreSQL, the server), each with its SHA-256, all of them or none'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "attachments" -d 'List attachments: an item\'s, or every one'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "open" -d 'Open an attachment with the desktop\'s application (xdg-open); over SSH or without a display, print the path of a verified copy instead'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "detach" -d 'Detach attachments (a soft delete: `worklog undo` brings them back)'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "history" -d 'List the changes made to the data, newest first, with the fields each changed: all of them, or one item\'s (KIND ID)'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "revert" -d 'Take one change back (its number from `worklog history`), if nothing later changed what it wrote; the revert is a change of its own'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "demo" -d 'Fill an empty data directory (by default a new temporary one) with sample data'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "completions" -d 'Print the completion script for a shell: e.g. `worklog completions bash > ~/.local/share/bash-completion/completions/worklog`'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "man" -d 'Print the man page of worklog, or of a subcommand (`worklog man add task`); --out DIR writes every page into DIR (`worklog.1`, `worklog-add-task.1`…)'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "config" -d 'Show the settings in force and where each came from (default, file, env or flag)'
complete -c worklog -n "__fish_worklog_using_subcommand help; and not __fish_seen_subcommand_from backup restore check __daily-backup copy migrate add done today export import report search list show rm edit undo attach attachments open detach history revert demo completions man config help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c worklog -n "__fish_worklog_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "task" -d 'A focus task: worklog add task "Call the bank tomorrow !high #home ~30m"'
complete -c worklog -n "__fish_worklog_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "learning" -d 'A journal entry: what you learned'
complete -c worklog -n "__fish_worklog_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "energy" -d 'An energy check-in, now'
complete -c worklog -n "__fish_worklog_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "feedback" -d 'Feedback given or received: worklog add feedback --received --person Ana Great demo'
complete -c worklog -n "__fish_worklog_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "meeting" -d 'A meeting: worklog add meeting Weekly sync --time 10:00 --with Ana --with Bo'
complete -c worklog -n "__fish_worklog_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "goal" -d 'A goal, or a sub-goal with --parent'
complete -c worklog -n "__fish_worklog_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "skill" -d 'A skill to track'
complete -c worklog -n "__fish_worklog_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "assessment" -d 'A skill assessment: worklog add assessment Rust 3 --note "wrote a macro"'
complete -c worklog -n "__fish_worklog_using_subcommand help; and __fish_seen_subcommand_from add" -f -a "action-item" -d 'An action item, from a meeting or feedback or on its own'
