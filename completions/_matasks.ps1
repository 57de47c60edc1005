
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'matasks' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'matasks'
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
        'matasks' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a dataset''s intelligent tasks (auto labeling, pre-labeling, auto grouping, auto deployment), or with --kind its imports, exports, versions or team labeling tasks')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a dataset''s intelligent tasks (auto labeling, pre-labeling, auto grouping, auto deployment), or with --kind its imports, exports, versions or team labeling tasks')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one task (or, with --kind, another job): status, progress, elapsed time and any error')
            [CompletionResult]::new('datasets', 'datasets', [CompletionResultType]::ParameterValue, 'List the project''s datasets: IDs, names, samples and running tasks')
            [CompletionResult]::new('ds', 'ds', [CompletionResultType]::ParameterValue, 'List the project''s datasets: IDs, names, samples and running tasks')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a task (or, with --kind, another job) is done; the exit status says how it ended (0 succeeded, 7 failed, 8 stopped, 124 timed out)')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start an intelligent task in a dataset (auto-label, pre-label, auto-grouping) and print its ID')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a running task')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Inspect and change the configuration: profiles, credentials, the config file')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a completion script for a shell, e.g. `matasks completions bash > ~/.local/share/bash-completion/completions/matasks`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'matasks;list' {
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('--dataset', '--dataset', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Which of the dataset''s jobs to list')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Which of the dataset''s jobs to list')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only tasks of this type, or `all` [default: the API''s, auto-label and pre-label]')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only tasks of this type, or `all` [default: the API''s, auto-label and pre-label]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Only tasks whose name matches NAME (filtered by the server)')
            [CompletionResult]::new('--task-name', '--task-name', [CompletionResultType]::ParameterName, 'Only tasks whose name matches NAME (filtered by the server)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Items per page, 1 to 100 (1000 for list --kind version or team) [default: 10; the largest with --all, --status or --sort]')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Page to show (with --all: to start from), counting from 0; --status and --sort then act on that page only [default: 0]')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'Stop after N items, of those a filter keeps (implies --all)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Pages requested at once with --all, 1 to 32 [default: the profile''s `concurrency`, else 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq program on the JSON document this prints (implies -o json); strings print raw; $status and $type name the codes (`matasks list --help` lists them)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only tasks in these statuses, comma-separated or repeated: filtered here, over every page unless --offset picks one (the server''s total stays as it is); other kinds take their own, listed below')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'The table''s columns, in order, comma-separated; other kinds have their own')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order by created, name, status, progress or elapsed (other kinds: any of their columns); -FIELD reverses: sorted here, over every page unless --offset picks one (ndjson keeps the server''s order, as it streams)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch, the time between listings, at least 1s [default: 5s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'The tasks of every dataset of the project (all pages of each), with a DATASET column; -o json groups them by dataset')
            [CompletionResult]::new('--all-datasets', '--all-datasets', [CompletionResultType]::ParameterName, 'The tasks of every dataset of the project (all pages of each), with a DATASET column; -o json groups them by dataset')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Fetch every page, concurrently, printing in order')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Fetch every page, concurrently, printing in order')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Print no header line (table, tsv, csv)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Add CREATED, MODEL, VERSION, UNCONFIRMED and MESSAGE to the table''s columns (other kinds: CREATED and one or two more)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'List again every --interval until Ctrl-C: on a terminal the table is redrawn in place; otherwise one NDJSON line per task that appears or changes')
            [CompletionResult]::new('--until-done', '--until-done', [CompletionResultType]::ParameterName, 'With --watch, stop once every task listed is done (succeeded, failed, stopped)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;ls' {
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('--dataset', '--dataset', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'Which of the dataset''s jobs to list')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'Which of the dataset''s jobs to list')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only tasks of this type, or `all` [default: the API''s, auto-label and pre-label]')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only tasks of this type, or `all` [default: the API''s, auto-label and pre-label]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Only tasks whose name matches NAME (filtered by the server)')
            [CompletionResult]::new('--task-name', '--task-name', [CompletionResultType]::ParameterName, 'Only tasks whose name matches NAME (filtered by the server)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Items per page, 1 to 100 (1000 for list --kind version or team) [default: 10; the largest with --all, --status or --sort]')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Page to show (with --all: to start from), counting from 0; --status and --sort then act on that page only [default: 0]')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'Stop after N items, of those a filter keeps (implies --all)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Pages requested at once with --all, 1 to 32 [default: the profile''s `concurrency`, else 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq program on the JSON document this prints (implies -o json); strings print raw; $status and $type name the codes (`matasks list --help` lists them)')
            [CompletionResult]::new('--status', '--status', [CompletionResultType]::ParameterName, 'Only tasks in these statuses, comma-separated or repeated: filtered here, over every page unless --offset picks one (the server''s total stays as it is); other kinds take their own, listed below')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'The table''s columns, in order, comma-separated; other kinds have their own')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order by created, name, status, progress or elapsed (other kinds: any of their columns); -FIELD reverses: sorted here, over every page unless --offset picks one (ndjson keeps the server''s order, as it streams)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'With --watch, the time between listings, at least 1s [default: 5s]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('-A', '-A ', [CompletionResultType]::ParameterName, 'The tasks of every dataset of the project (all pages of each), with a DATASET column; -o json groups them by dataset')
            [CompletionResult]::new('--all-datasets', '--all-datasets', [CompletionResultType]::ParameterName, 'The tasks of every dataset of the project (all pages of each), with a DATASET column; -o json groups them by dataset')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Fetch every page, concurrently, printing in order')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Fetch every page, concurrently, printing in order')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Print no header line (table, tsv, csv)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Add CREATED, MODEL, VERSION, UNCONFIRMED and MESSAGE to the table''s columns (other kinds: CREATED and one or two more)')
            [CompletionResult]::new('--watch', '--watch', [CompletionResultType]::ParameterName, 'List again every --interval until Ctrl-C: on a terminal the table is redrawn in place; otherwise one NDJSON line per task that appears or changes')
            [CompletionResult]::new('--until-done', '--until-done', [CompletionResultType]::ParameterName, 'With --watch, stop once every task listed is done (succeeded, failed, stopped)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;get' {
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('--dataset', '--dataset', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'What the ID names: an intelligent task, or another of the dataset''s jobs')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'What the ID names: an intelligent task, or another of the dataset''s jobs')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format: `table` shows keys and values; `json` and `ndjson` the server''s task object, on one line')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format: `table` shows keys and values; `json` and `ndjson` the server''s task object, on one line')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq program on the JSON document this prints (implies -o json); strings print raw; $status and $type name the codes (`matasks list --help` lists them)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;datasets' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Only datasets whose name matches TEXT (the server''s fuzzy search)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only datasets whose name matches TEXT (the server''s fuzzy search)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Items per page, 1 to 100 (1000 for list --kind version or team) [default: 10; the largest with --all, --status or --sort]')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Page to show (with --all: to start from), counting from 0; --status and --sort then act on that page only [default: 0]')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'Stop after N items, of those a filter keeps (implies --all)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Pages requested at once with --all, 1 to 32 [default: the profile''s `concurrency`, else 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq program on the JSON document this prints (implies -o json); strings print raw; $status and $type name the codes (`matasks list --help` lists them)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'The table''s columns, in order, comma-separated')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order by created or name, -FIELD for descending; the server sorts, so the order holds across pages [default: the server''s, newest first]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--running', '--running', [CompletionResultType]::ParameterName, 'Only datasets with a task running in them (the server is asked to check each dataset; the list is then filtered here, over every page unless --offset picks one)')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Fetch every page, concurrently, printing in order')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Fetch every page, concurrently, printing in order')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Print no header line (table, tsv, csv)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Add CREATED, VERSION and DESCRIPTION to the table''s columns')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;ds' {
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Only datasets whose name matches TEXT (the server''s fuzzy search)')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Only datasets whose name matches TEXT (the server''s fuzzy search)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Items per page, 1 to 100 (1000 for list --kind version or team) [default: 10; the largest with --all, --status or --sort]')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Page to show (with --all: to start from), counting from 0; --status and --sort then act on that page only [default: 0]')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'Stop after N items, of those a filter keeps (implies --all)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Pages requested at once with --all, 1 to 32 [default: the profile''s `concurrency`, else 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq program on the JSON document this prints (implies -o json); strings print raw; $status and $type name the codes (`matasks list --help` lists them)')
            [CompletionResult]::new('--columns', '--columns', [CompletionResultType]::ParameterName, 'The table''s columns, in order, comma-separated')
            [CompletionResult]::new('--sort', '--sort', [CompletionResultType]::ParameterName, 'Order by created or name, -FIELD for descending; the server sorts, so the order holds across pages [default: the server''s, newest first]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--running', '--running', [CompletionResultType]::ParameterName, 'Only datasets with a task running in them (the server is asked to check each dataset; the list is then filtered here, over every page unless --offset picks one)')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Fetch every page, concurrently, printing in order')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Fetch every page, concurrently, printing in order')
            [CompletionResult]::new('--no-headers', '--no-headers', [CompletionResultType]::ParameterName, 'Print no header line (table, tsv, csv)')
            [CompletionResult]::new('--wide', '--wide', [CompletionResultType]::ParameterName, 'Add CREATED, VERSION and DESCRIPTION to the table''s columns')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;wait' {
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('--dataset', '--dataset', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('-k', '-k', [CompletionResultType]::ParameterName, 'What the ID names: an intelligent task, or another of the dataset''s jobs, whose statuses end the wait as a task''s do (listed below)')
            [CompletionResult]::new('--kind', '--kind', [CompletionResultType]::ParameterName, 'What the ID names: an intelligent task, or another of the dataset''s jobs, whose statuses end the wait as a task''s do (listed below)')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long, e.g. 90s, 15m, 2h (exit 124)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls while waiting, at least 1s')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print the final task (json) or every change seen (ndjson) on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print the final task (json) or every change seen (ndjson) on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq program on the JSON document this prints (implies -o json); strings print raw; $status and $type name the codes (`matasks list --help` lists them)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;start' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('auto-label', 'auto-label', [CompletionResultType]::ParameterValue, 'Active learning: train on the labeled samples, then label the others')
            [CompletionResult]::new('pre-label', 'pre-label', [CompletionResultType]::ParameterValue, 'Pre-labeling: label the samples with a model you choose')
            [CompletionResult]::new('auto-grouping', 'auto-grouping', [CompletionResultType]::ParameterValue, 'Auto grouping: cluster the unlabeled images')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'matasks;start;auto-label' {
            [CompletionResult]::new('--algorithm', '--algorithm', [CompletionResultType]::ParameterName, 'fast trains on labeled samples only; accurate also uses unlabeled ones')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('--dataset', '--dataset', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The task''s name (`config.name`)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'The task''s description (`config.description`)')
            [CompletionResult]::new('--config-json', '--config-json', [CompletionResultType]::ParameterName, 'The rest of the task''s `config` as a JSON object, from FILE or - for stdin; checked against the API reference, flags may repeat but not contradict it')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long, e.g. 90s, 15m, 2h (exit 124)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls while waiting, at least 1s')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print the answer (json, ndjson: one line) instead of the task ID; with --wait, as `wait -o` does')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print the answer (json, ndjson: one line) instead of the task ID; with --wait, as `wait -o` does')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq program on the JSON document this prints (implies -o json); strings print raw; $status and $type name the codes (`matasks list --help` lists them)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--collect-key-samples', '--collect-key-samples', [CompletionResultType]::ParameterName, 'Collect key samples (`collect_key_sample`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request (credentials masked) and its curl command line instead of sending it')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Then wait until the task is done, as `matasks wait` does: same output, same exit status (0 succeeded, 7 failed, 8 stopped, 124 timed out)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;start;pre-label' {
            [CompletionResult]::new('--model-id', '--model-id', [CompletionResultType]::ParameterName, 'The model that labels the samples (required, here or in the config JSON)')
            [CompletionResult]::new('--specification', '--specification', [CompletionResultType]::ParameterName, 'Resource specification of the inference service, e.g. modelarts.vm.cpu.2u')
            [CompletionResult]::new('--instances', '--instances', [CompletionResultType]::ParameterName, 'Instances of the inference service [default: 1 with --specification]')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('--dataset', '--dataset', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The task''s name (`config.name`)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'The task''s description (`config.description`)')
            [CompletionResult]::new('--config-json', '--config-json', [CompletionResultType]::ParameterName, 'The rest of the task''s `config` as a JSON object, from FILE or - for stdin; checked against the API reference, flags may repeat but not contradict it')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long, e.g. 90s, 15m, 2h (exit 124)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls while waiting, at least 1s')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print the answer (json, ndjson: one line) instead of the task ID; with --wait, as `wait -o` does')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print the answer (json, ndjson: one line) instead of the task ID; with --wait, as `wait -o` does')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq program on the JSON document this prints (implies -o json); strings print raw; $status and $type name the codes (`matasks list --help` lists them)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--collect-key-samples', '--collect-key-samples', [CompletionResultType]::ParameterName, 'Collect key samples (`collect_key_sample`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request (credentials masked) and its curl command line instead of sending it')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Then wait until the task is done, as `matasks wait` does: same output, same exit status (0 succeeded, 7 failed, 8 stopped, 124 timed out)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;start;auto-grouping' {
            [CompletionResult]::new('--clusters', '--clusters', [CompletionResultType]::ParameterName, 'Number of groups to cluster the images into')
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('--dataset', '--dataset', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'The task''s name (`config.name`)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'The task''s description (`config.description`)')
            [CompletionResult]::new('--config-json', '--config-json', [CompletionResultType]::ParameterName, 'The rest of the task''s `config` as a JSON object, from FILE or - for stdin; checked against the API reference, flags may repeat but not contradict it')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long, e.g. 90s, 15m, 2h (exit 124)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls while waiting, at least 1s')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Print the answer (json, ndjson: one line) instead of the task ID; with --wait, as `wait -o` does')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Print the answer (json, ndjson: one line) instead of the task ID; with --wait, as `wait -o` does')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'Run a jq program on the JSON document this prints (implies -o json); strings print raw; $status and $type name the codes (`matasks list --help` lists them)')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--collect-key-samples', '--collect-key-samples', [CompletionResultType]::ParameterName, 'Collect key samples (`collect_key_sample`)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request (credentials masked) and its curl command line instead of sending it')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Then wait until the task is done, as `matasks wait` does: same output, same exit status (0 succeeded, 7 failed, 8 stopped, 124 timed out)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;start;help' {
            [CompletionResult]::new('auto-label', 'auto-label', [CompletionResultType]::ParameterValue, 'Active learning: train on the labeled samples, then label the others')
            [CompletionResult]::new('pre-label', 'pre-label', [CompletionResultType]::ParameterValue, 'Pre-labeling: label the samples with a model you choose')
            [CompletionResult]::new('auto-grouping', 'auto-grouping', [CompletionResultType]::ParameterValue, 'Auto grouping: cluster the unlabeled images')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'matasks;start;help;auto-label' {
            break
        }
        'matasks;start;help;pre-label' {
            break
        }
        'matasks;start;help;auto-grouping' {
            break
        }
        'matasks;start;help;help' {
            break
        }
        'matasks;stop' {
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('--dataset', '--dataset', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('--timeout', '--timeout', [CompletionResultType]::ParameterName, 'Give up waiting after this long, e.g. 90s, 15m, 2h (exit 124)')
            [CompletionResult]::new('--interval', '--interval', [CompletionResultType]::ParameterName, 'Time between polls while waiting, at least 1s')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'With --wait, print the final task (json) or every change seen (ndjson) on stdout')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'With --wait, print the final task (json) or every change seen (ndjson) on stdout')
            [CompletionResult]::new('--jq', '--jq', [CompletionResultType]::ParameterName, 'With --wait, run a jq program on the final task (implies -o json); strings print raw; $status and $type name the codes')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Print the request (credentials masked) and its curl command line instead of sending it')
            [CompletionResult]::new('--wait', '--wait', [CompletionResultType]::ParameterName, 'Then wait until the task has stopped: exit 0 once it is stopped (or succeeded before the stop took), 7 if it failed, 124 on --timeout')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;config' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path (and say on stderr if it does not exist yet)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles, marking the default and the one in effect')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'Print the profile names, one a line: what completion scripts offer after --profile')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the settings in effect and where each comes from; secrets are masked')
            [CompletionResult]::new('regions', 'regions', [CompletionResultType]::ParameterValue, 'List the known regions, each with its ModelArts endpoint (another cloud''s region needs `endpoint` set)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set one key of the profile (creating file and profile as needed), keeping the file''s comments and layout')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove one key from the profile')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a profile: interactively on a terminal, or from flags')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Make one cheap authenticated request and report whether the settings work: one task of the dataset, or without a dataset, one dataset of the project')
            [CompletionResult]::new('test', 'test', [CompletionResultType]::ParameterValue, 'Make one cheap authenticated request and report whether the settings work: one task of the dataset, or without a dataset, one dataset of the project')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'matasks;config;path' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;config;list' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;config;profiles' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;config;show' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;config;regions' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;config;set' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;config;unset' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;config;init' {
            [CompletionResult]::new('--auth', '--auth', [CompletionResultType]::ParameterName, 'Authentication method [default: aksk]')
            [CompletionResult]::new('--access-key', '--access-key', [CompletionResultType]::ParameterName, 'Access key ID (with --secret-key-command or --secret-key-env)')
            [CompletionResult]::new('--secret-key-command', '--secret-key-command', [CompletionResultType]::ParameterName, 'Command that prints the secret key, e.g. "pass show hw/sk"')
            [CompletionResult]::new('--secret-key-env', '--secret-key-env', [CompletionResultType]::ParameterName, 'Variable that holds the secret key')
            [CompletionResult]::new('--security-token-command', '--security-token-command', [CompletionResultType]::ParameterName, 'Command that prints the security token of temporary credentials')
            [CompletionResult]::new('--security-token-env', '--security-token-env', [CompletionResultType]::ParameterName, 'Variable that holds the security token of temporary credentials')
            [CompletionResult]::new('--auth-token-command', '--auth-token-command', [CompletionResultType]::ParameterName, 'Command that prints an IAM token (with --auth token)')
            [CompletionResult]::new('--auth-token-env', '--auth-token-env', [CompletionResultType]::ParameterName, 'Variable that holds an IAM token (with --auth token)')
            [CompletionResult]::new('--username', '--username', [CompletionResultType]::ParameterName, 'IAM user name (with --auth password)')
            [CompletionResult]::new('--domain', '--domain', [CompletionResultType]::ParameterName, 'Account (domain) name of the IAM user (with --auth password)')
            [CompletionResult]::new('--password-command', '--password-command', [CompletionResultType]::ParameterName, 'Command that prints the user''s password (with --auth password)')
            [CompletionResult]::new('--password-env', '--password-env', [CompletionResultType]::ParameterName, 'Variable that holds the user''s password (with --auth password)')
            [CompletionResult]::new('--iam-endpoint', '--iam-endpoint', [CompletionResultType]::ParameterName, 'Identity service URL [default: https://iam.REGION.myhuaweicloud.com]')
            [CompletionResult]::new('--dataset', '--dataset', [CompletionResultType]::ParameterName, 'Dataset that `list` shows by default')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--default', '--default', [CompletionResultType]::ParameterName, 'Make this profile the file''s default_profile')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Replace the profile if it exists')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;config;check' {
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('--dataset', '--dataset', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;config;test' {
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('--dataset', '--dataset', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;config;help' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path (and say on stderr if it does not exist yet)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles, marking the default and the one in effect')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'Print the profile names, one a line: what completion scripts offer after --profile')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the settings in effect and where each comes from; secrets are masked')
            [CompletionResult]::new('regions', 'regions', [CompletionResultType]::ParameterValue, 'List the known regions, each with its ModelArts endpoint (another cloud''s region needs `endpoint` set)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set one key of the profile (creating file and profile as needed), keeping the file''s comments and layout')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove one key from the profile')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a profile: interactively on a terminal, or from flags')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Make one cheap authenticated request and report whether the settings work: one task of the dataset, or without a dataset, one dataset of the project')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'matasks;config;help;path' {
            break
        }
        'matasks;config;help;list' {
            break
        }
        'matasks;config;help;profiles' {
            break
        }
        'matasks;config;help;show' {
            break
        }
        'matasks;config;help;regions' {
            break
        }
        'matasks;config;help;set' {
            break
        }
        'matasks;config;help;unset' {
            break
        }
        'matasks;config;help;init' {
            break
        }
        'matasks;config;help;check' {
            break
        }
        'matasks;config;help;help' {
            break
        }
        'matasks;completions' {
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('--retries', '--retries', [CompletionResultType]::ParameterName, 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]')
            [CompletionResult]::new('--connect-timeout', '--connect-timeout', [CompletionResultType]::ParameterName, 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]')
            [CompletionResult]::new('--request-timeout', '--request-timeout', [CompletionResultType]::ParameterName, 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]')
            [CompletionResult]::new('--ca-bundle', '--ca-bundle', [CompletionResultType]::ParameterName, 'PEM file of CA certificates to trust besides the system''s (private clouds)')
            [CompletionResult]::new('--utc', '--utc', [CompletionResultType]::ParameterName, 'Show times in UTC rather than in the local time zone (TZ, else the system''s)')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked')
            [CompletionResult]::new('--insecure', '--insecure', [CompletionResultType]::ParameterName, 'Do not verify TLS certificates (a warning says so on every run)')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a dataset''s intelligent tasks (auto labeling, pre-labeling, auto grouping, auto deployment), or with --kind its imports, exports, versions or team labeling tasks')
            [CompletionResult]::new('get', 'get', [CompletionResultType]::ParameterValue, 'Show one task (or, with --kind, another job): status, progress, elapsed time and any error')
            [CompletionResult]::new('datasets', 'datasets', [CompletionResultType]::ParameterValue, 'List the project''s datasets: IDs, names, samples and running tasks')
            [CompletionResult]::new('wait', 'wait', [CompletionResultType]::ParameterValue, 'Wait until a task (or, with --kind, another job) is done; the exit status says how it ended (0 succeeded, 7 failed, 8 stopped, 124 timed out)')
            [CompletionResult]::new('start', 'start', [CompletionResultType]::ParameterValue, 'Start an intelligent task in a dataset (auto-label, pre-label, auto-grouping) and print its ID')
            [CompletionResult]::new('stop', 'stop', [CompletionResultType]::ParameterValue, 'Stop a running task')
            [CompletionResult]::new('config', 'config', [CompletionResultType]::ParameterValue, 'Inspect and change the configuration: profiles, credentials, the config file')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a completion script for a shell, e.g. `matasks completions bash > ~/.local/share/bash-completion/completions/matasks`')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'matasks;help;list' {
            break
        }
        'matasks;help;get' {
            break
        }
        'matasks;help;datasets' {
            break
        }
        'matasks;help;wait' {
            break
        }
        'matasks;help;start' {
            [CompletionResult]::new('auto-label', 'auto-label', [CompletionResultType]::ParameterValue, 'Active learning: train on the labeled samples, then label the others')
            [CompletionResult]::new('pre-label', 'pre-label', [CompletionResultType]::ParameterValue, 'Pre-labeling: label the samples with a model you choose')
            [CompletionResult]::new('auto-grouping', 'auto-grouping', [CompletionResultType]::ParameterValue, 'Auto grouping: cluster the unlabeled images')
            break
        }
        'matasks;help;start;auto-label' {
            break
        }
        'matasks;help;start;pre-label' {
            break
        }
        'matasks;help;start;auto-grouping' {
            break
        }
        'matasks;help;stop' {
            break
        }
        'matasks;help;config' {
            [CompletionResult]::new('path', 'path', [CompletionResultType]::ParameterValue, 'Print the config file''s path (and say on stderr if it does not exist yet)')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List the profiles, marking the default and the one in effect')
            [CompletionResult]::new('profiles', 'profiles', [CompletionResultType]::ParameterValue, 'Print the profile names, one a line: what completion scripts offer after --profile')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show the settings in effect and where each comes from; secrets are masked')
            [CompletionResult]::new('regions', 'regions', [CompletionResultType]::ParameterValue, 'List the known regions, each with its ModelArts endpoint (another cloud''s region needs `endpoint` set)')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Set one key of the profile (creating file and profile as needed), keeping the file''s comments and layout')
            [CompletionResult]::new('unset', 'unset', [CompletionResultType]::ParameterValue, 'Remove one key from the profile')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a profile: interactively on a terminal, or from flags')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Make one cheap authenticated request and report whether the settings work: one task of the dataset, or without a dataset, one dataset of the project')
            break
        }
        'matasks;help;config;path' {
            break
        }
        'matasks;help;config;list' {
            break
        }
        'matasks;help;config;profiles' {
            break
        }
        'matasks;help;config;show' {
            break
        }
        'matasks;help;config;regions' {
            break
        }
        'matasks;help;config;set' {
            break
        }
        'matasks;help;config;unset' {
            break
        }
        'matasks;help;config;init' {
            break
        }
        'matasks;help;config;check' {
            break
        }
        'matasks;help;completions' {
            break
        }
        'matasks;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
