# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_matasks_global_optspecs
    string join \n profile= config= endpoint= region= project-id= color= utc v/verbose retries= connect-timeout= request-timeout= ca-bundle= insecure h/help V/version
end

function __fish_matasks_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_matasks_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_matasks_using_subcommand
    set -l cmd (__fish_matasks_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c matasks -n "__fish_matasks_needs_command" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_needs_command" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_needs_command" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_needs_command" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_needs_command" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_needs_command" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_needs_command" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_needs_command" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_needs_command" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_needs_command" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_needs_command" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_needs_command" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_needs_command" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c matasks -n "__fish_matasks_needs_command" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_needs_command" -f -a "list" -d 'List a dataset\'s intelligent tasks (auto labeling, pre-labeling, auto grouping, auto deployment), or with --kind its imports, exports, versions or team labeling tasks'
complete -c matasks -n "__fish_matasks_needs_command" -f -a "ls" -d 'List a dataset\'s intelligent tasks (auto labeling, pre-labeling, auto grouping, auto deployment), or with --kind its imports, exports, versions or team labeling tasks'
complete -c matasks -n "__fish_matasks_needs_command" -f -a "get" -d 'Show one task (or, with --kind, another job): status, progress, elapsed time and any error'
complete -c matasks -n "__fish_matasks_needs_command" -f -a "datasets" -d 'List the project\'s datasets: IDs, names, samples and running tasks'
complete -c matasks -n "__fish_matasks_needs_command" -f -a "ds" -d 'List the project\'s datasets: IDs, names, samples and running tasks'
complete -c matasks -n "__fish_matasks_needs_command" -f -a "wait" -d 'Wait until a task (or, with --kind, another job) is done; the exit status says how it ended (0 succeeded, 7 failed, 8 stopped, 124 timed out)'
complete -c matasks -n "__fish_matasks_needs_command" -f -a "start" -d 'Start an intelligent task in a dataset (auto-label, pre-label, auto-grouping) and print its ID'
complete -c matasks -n "__fish_matasks_needs_command" -f -a "stop" -d 'Stop a running task'
complete -c matasks -n "__fish_matasks_needs_command" -f -a "config" -d 'Inspect and change the configuration: profiles, credentials, the config file'
complete -c matasks -n "__fish_matasks_needs_command" -f -a "completions" -d 'Print a completion script for a shell, e.g. `matasks completions bash > ~/.local/share/bash-completion/completions/matasks`'
complete -c matasks -n "__fish_matasks_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c matasks -n "__fish_matasks_using_subcommand list" -s d -l dataset -d 'Dataset ID [default: the profile\'s `dataset_id`]' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -s k -l kind -d 'Which of the dataset\'s jobs to list' -r -f -a "intelligent\t'Intelligent tasks: auto-labeling, pre-labeling, auto-grouping, auto-deployment'
import\t'Import tasks: data imported into the dataset'
export\t'Export tasks: the dataset exported to storage or to a new dataset'
version\t'Dataset versions, published from the labeled data'
team\t'Team labeling tasks'"
complete -c matasks -n "__fish_matasks_using_subcommand list" -s t -l type -d 'Only tasks of this type, or `all` [default: the API\'s, auto-label and pre-label]' -r -f -a "auto-label\t'Active learning'
pre-label\t'Pre-labeling with a chosen model'
auto-grouping\t'Clustering of unlabeled images'
auto-deploy\t'One-click model deployment'
all\t'Every kind: one query per type, merged newest first (ndjson streams pages as they arrive instead)'"
complete -c matasks -n "__fish_matasks_using_subcommand list" -s n -l task-name -d 'Only tasks whose name matches NAME (filtered by the server)' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -l limit -d 'Items per page, 1 to 100 (1000 for list --kind version or team) [default: 10; the largest with --all, --status or --sort]' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -l offset -d 'Page to show (with --all: to start from), counting from 0; --status and --sort then act on that page only [default: 0]' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -l max-items -d 'Stop after N items, of those a filter keeps (implies --all)' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -l concurrency -d 'Pages requested at once with --all, 1 to 32 [default: the profile\'s `concurrency`, else 8]' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for reading'
json\t'One document: the server\'s answer, with every page\'s items in one array'
ndjson\t'One task per line, compact'
tsv\t'The table\'s columns as tab-separated values, nothing cut; tabs, line breaks and backslashes in a value written as \\t, \\n, \\r, \\\\'
csv\t'The table\'s columns as comma-separated values (RFC 4180 quoting), nothing cut'"
complete -c matasks -n "__fish_matasks_using_subcommand list" -l jq -d 'Run a jq program on the JSON document this prints (implies -o json); strings print raw; $status and $type name the codes (`matasks list --help` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -l status -d 'Only tasks in these statuses, comma-separated or repeated: filtered here, over every page unless --offset picks one (the server\'s total stays as it is); other kinds take their own, listed below' -r -f -a "queued\t''
initializing\t''
running\t''
failed\t''
succeeded\t''
stopping\t''
stopped\t''"
complete -c matasks -n "__fish_matasks_using_subcommand list" -l columns -d 'The table\'s columns, in order, comma-separated; other kinds have their own' -r -f -a "dataset\t'The task\'s dataset: its name with --all-datasets, else its ID'
id\t''
name\t''
type\t''
status\t''
progress\t''
samples\t''
age\t'How long ago the task was created: 45s, 3m, 2h, 5d'
created\t'When the task was created, in the local time zone (or UTC with --utc)'
elapsed\t''
model\t'The model a pre-labeling or deployment task uses'
version\t''
unconfirmed\t'Samples labeled by the task but not yet confirmed'
message\t'The task\'s error, else its message'"
complete -c matasks -n "__fish_matasks_using_subcommand list" -l sort -d 'Order by created, name, status, progress or elapsed (other kinds: any of their columns); -FIELD reverses: sorted here, over every page unless --offset picks one (ndjson keeps the server\'s order, as it streams)' -r -f -a "created\t''
-created\t''
name\t''
-name\t''
status\t''
-status\t''
progress\t''
-progress\t''
elapsed\t''
-elapsed\t''"
complete -c matasks -n "__fish_matasks_using_subcommand list" -l interval -d 'With --watch, the time between listings, at least 1s [default: 5s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand list" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand list" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand list" -s A -l all-datasets -d 'The tasks of every dataset of the project (all pages of each), with a DATASET column; -o json groups them by dataset'
complete -c matasks -n "__fish_matasks_using_subcommand list" -s a -l all -d 'Fetch every page, concurrently, printing in order'
complete -c matasks -n "__fish_matasks_using_subcommand list" -l no-headers -d 'Print no header line (table, tsv, csv)'
complete -c matasks -n "__fish_matasks_using_subcommand list" -l wide -d 'Add CREATED, MODEL, VERSION, UNCONFIRMED and MESSAGE to the table\'s columns (other kinds: CREATED and one or two more)'
complete -c matasks -n "__fish_matasks_using_subcommand list" -l watch -d 'List again every --interval until Ctrl-C: on a terminal the table is redrawn in place; otherwise one NDJSON line per task that appears or changes'
complete -c matasks -n "__fish_matasks_using_subcommand list" -l until-done -d 'With --watch, stop once every task listed is done (succeeded, failed, stopped)'
complete -c matasks -n "__fish_matasks_using_subcommand list" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand list" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand list" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c matasks -n "__fish_matasks_using_subcommand list" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand ls" -s d -l dataset -d 'Dataset ID [default: the profile\'s `dataset_id`]' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -s k -l kind -d 'Which of the dataset\'s jobs to list' -r -f -a "intelligent\t'Intelligent tasks: auto-labeling, pre-labeling, auto-grouping, auto-deployment'
import\t'Import tasks: data imported into the dataset'
export\t'Export tasks: the dataset exported to storage or to a new dataset'
version\t'Dataset versions, published from the labeled data'
team\t'Team labeling tasks'"
complete -c matasks -n "__fish_matasks_using_subcommand ls" -s t -l type -d 'Only tasks of this type, or `all` [default: the API\'s, auto-label and pre-label]' -r -f -a "auto-label\t'Active learning'
pre-label\t'Pre-labeling with a chosen model'
auto-grouping\t'Clustering of unlabeled images'
auto-deploy\t'One-click model deployment'
all\t'Every kind: one query per type, merged newest first (ndjson streams pages as they arrive instead)'"
complete -c matasks -n "__fish_matasks_using_subcommand ls" -s n -l task-name -d 'Only tasks whose name matches NAME (filtered by the server)' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l limit -d 'Items per page, 1 to 100 (1000 for list --kind version or team) [default: 10; the largest with --all, --status or --sort]' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l offset -d 'Page to show (with --all: to start from), counting from 0; --status and --sort then act on that page only [default: 0]' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l max-items -d 'Stop after N items, of those a filter keeps (implies --all)' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l concurrency -d 'Pages requested at once with --all, 1 to 32 [default: the profile\'s `concurrency`, else 8]' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for reading'
json\t'One document: the server\'s answer, with every page\'s items in one array'
ndjson\t'One task per line, compact'
tsv\t'The table\'s columns as tab-separated values, nothing cut; tabs, line breaks and backslashes in a value written as \\t, \\n, \\r, \\\\'
csv\t'The table\'s columns as comma-separated values (RFC 4180 quoting), nothing cut'"
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l jq -d 'Run a jq program on the JSON document this prints (implies -o json); strings print raw; $status and $type name the codes (`matasks list --help` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l status -d 'Only tasks in these statuses, comma-separated or repeated: filtered here, over every page unless --offset picks one (the server\'s total stays as it is); other kinds take their own, listed below' -r -f -a "queued\t''
initializing\t''
running\t''
failed\t''
succeeded\t''
stopping\t''
stopped\t''"
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l columns -d 'The table\'s columns, in order, comma-separated; other kinds have their own' -r -f -a "dataset\t'The task\'s dataset: its name with --all-datasets, else its ID'
id\t''
name\t''
type\t''
status\t''
progress\t''
samples\t''
age\t'How long ago the task was created: 45s, 3m, 2h, 5d'
created\t'When the task was created, in the local time zone (or UTC with --utc)'
elapsed\t''
model\t'The model a pre-labeling or deployment task uses'
version\t''
unconfirmed\t'Samples labeled by the task but not yet confirmed'
message\t'The task\'s error, else its message'"
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l sort -d 'Order by created, name, status, progress or elapsed (other kinds: any of their columns); -FIELD reverses: sorted here, over every page unless --offset picks one (ndjson keeps the server\'s order, as it streams)' -r -f -a "created\t''
-created\t''
name\t''
-name\t''
status\t''
-status\t''
progress\t''
-progress\t''
elapsed\t''
-elapsed\t''"
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l interval -d 'With --watch, the time between listings, at least 1s [default: 5s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand ls" -s A -l all-datasets -d 'The tasks of every dataset of the project (all pages of each), with a DATASET column; -o json groups them by dataset'
complete -c matasks -n "__fish_matasks_using_subcommand ls" -s a -l all -d 'Fetch every page, concurrently, printing in order'
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l no-headers -d 'Print no header line (table, tsv, csv)'
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l wide -d 'Add CREATED, MODEL, VERSION, UNCONFIRMED and MESSAGE to the table\'s columns (other kinds: CREATED and one or two more)'
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l watch -d 'List again every --interval until Ctrl-C: on a terminal the table is redrawn in place; otherwise one NDJSON line per task that appears or changes'
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l until-done -d 'With --watch, stop once every task listed is done (succeeded, failed, stopped)'
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand ls" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c matasks -n "__fish_matasks_using_subcommand ls" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand get" -s d -l dataset -d 'Dataset ID [default: the profile\'s `dataset_id`]' -r
complete -c matasks -n "__fish_matasks_using_subcommand get" -s k -l kind -d 'What the ID names: an intelligent task, or another of the dataset\'s jobs' -r -f -a "intelligent\t'Intelligent tasks: auto-labeling, pre-labeling, auto-grouping, auto-deployment'
import\t'Import tasks: data imported into the dataset'
export\t'Export tasks: the dataset exported to storage or to a new dataset'
version\t'Dataset versions, published from the labeled data'
team\t'Team labeling tasks'"
complete -c matasks -n "__fish_matasks_using_subcommand get" -s o -l output -d 'Output format: `table` shows keys and values; `json` and `ndjson` the server\'s task object, on one line' -r -f -a "table\t'Aligned columns for reading'
json\t'One document: the server\'s answer, with every page\'s items in one array'
ndjson\t'One task per line, compact'
tsv\t'The table\'s columns as tab-separated values, nothing cut; tabs, line breaks and backslashes in a value written as \\t, \\n, \\r, \\\\'
csv\t'The table\'s columns as comma-separated values (RFC 4180 quoting), nothing cut'"
complete -c matasks -n "__fish_matasks_using_subcommand get" -l jq -d 'Run a jq program on the JSON document this prints (implies -o json); strings print raw; $status and $type name the codes (`matasks list --help` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand get" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand get" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand get" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand get" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand get" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand get" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand get" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand get" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand get" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand get" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand get" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand get" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand get" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand get" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c matasks -n "__fish_matasks_using_subcommand get" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -s n -l name -d 'Only datasets whose name matches TEXT (the server\'s fuzzy search)' -r
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l limit -d 'Items per page, 1 to 100 (1000 for list --kind version or team) [default: 10; the largest with --all, --status or --sort]' -r
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l offset -d 'Page to show (with --all: to start from), counting from 0; --status and --sort then act on that page only [default: 0]' -r
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l max-items -d 'Stop after N items, of those a filter keeps (implies --all)' -r
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l concurrency -d 'Pages requested at once with --all, 1 to 32 [default: the profile\'s `concurrency`, else 8]' -r
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for reading'
json\t'One document: the server\'s answer, with every page\'s items in one array'
ndjson\t'One task per line, compact'
tsv\t'The table\'s columns as tab-separated values, nothing cut; tabs, line breaks and backslashes in a value written as \\t, \\n, \\r, \\\\'
csv\t'The table\'s columns as comma-separated values (RFC 4180 quoting), nothing cut'"
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l jq -d 'Run a jq program on the JSON document this prints (implies -o json); strings print raw; $status and $type name the codes (`matasks list --help` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l columns -d 'The table\'s columns, in order, comma-separated' -r -f -a "id\t''
name\t''
type\t''
status\t''
samples\t'Labeled samples of all'
running\t'The tasks running in the dataset'
age\t'How long ago the dataset was created: 45s, 3m, 2h, 5d'
created\t'When the dataset was created, in the local time zone (or UTC with --utc)'
version\t'The current version\'s name'
description\t''"
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l sort -d 'Order by created or name, -FIELD for descending; the server sorts, so the order holds across pages [default: the server\'s, newest first]' -r -f -a "created\t''
-created\t''
name\t''
-name\t''"
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l running -d 'Only datasets with a task running in them (the server is asked to check each dataset; the list is then filtered here, over every page unless --offset picks one)'
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -s a -l all -d 'Fetch every page, concurrently, printing in order'
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l no-headers -d 'Print no header line (table, tsv, csv)'
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l wide -d 'Add CREATED, VERSION and DESCRIPTION to the table\'s columns'
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c matasks -n "__fish_matasks_using_subcommand datasets" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand ds" -s n -l name -d 'Only datasets whose name matches TEXT (the server\'s fuzzy search)' -r
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l limit -d 'Items per page, 1 to 100 (1000 for list --kind version or team) [default: 10; the largest with --all, --status or --sort]' -r
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l offset -d 'Page to show (with --all: to start from), counting from 0; --status and --sort then act on that page only [default: 0]' -r
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l max-items -d 'Stop after N items, of those a filter keeps (implies --all)' -r
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l concurrency -d 'Pages requested at once with --all, 1 to 32 [default: the profile\'s `concurrency`, else 8]' -r
complete -c matasks -n "__fish_matasks_using_subcommand ds" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for reading'
json\t'One document: the server\'s answer, with every page\'s items in one array'
ndjson\t'One task per line, compact'
tsv\t'The table\'s columns as tab-separated values, nothing cut; tabs, line breaks and backslashes in a value written as \\t, \\n, \\r, \\\\'
csv\t'The table\'s columns as comma-separated values (RFC 4180 quoting), nothing cut'"
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l jq -d 'Run a jq program on the JSON document this prints (implies -o json); strings print raw; $status and $type name the codes (`matasks list --help` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l columns -d 'The table\'s columns, in order, comma-separated' -r -f -a "id\t''
name\t''
type\t''
status\t''
samples\t'Labeled samples of all'
running\t'The tasks running in the dataset'
age\t'How long ago the dataset was created: 45s, 3m, 2h, 5d'
created\t'When the dataset was created, in the local time zone (or UTC with --utc)'
version\t'The current version\'s name'
description\t''"
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l sort -d 'Order by created or name, -FIELD for descending; the server sorts, so the order holds across pages [default: the server\'s, newest first]' -r -f -a "created\t''
-created\t''
name\t''
-name\t''"
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l running -d 'Only datasets with a task running in them (the server is asked to check each dataset; the list is then filtered here, over every page unless --offset picks one)'
complete -c matasks -n "__fish_matasks_using_subcommand ds" -s a -l all -d 'Fetch every page, concurrently, printing in order'
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l no-headers -d 'Print no header line (table, tsv, csv)'
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l wide -d 'Add CREATED, VERSION and DESCRIPTION to the table\'s columns'
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand ds" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand ds" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand ds" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c matasks -n "__fish_matasks_using_subcommand ds" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand wait" -s d -l dataset -d 'Dataset ID [default: the profile\'s `dataset_id`]' -r
complete -c matasks -n "__fish_matasks_using_subcommand wait" -s k -l kind -d 'What the ID names: an intelligent task, or another of the dataset\'s jobs, whose statuses end the wait as a task\'s do (listed below)' -r -f -a "intelligent\t'Intelligent tasks: auto-labeling, pre-labeling, auto-grouping, auto-deployment'
import\t'Import tasks: data imported into the dataset'
export\t'Export tasks: the dataset exported to storage or to a new dataset'
version\t'Dataset versions, published from the labeled data'
team\t'Team labeling tasks'"
complete -c matasks -n "__fish_matasks_using_subcommand wait" -l timeout -d 'Give up waiting after this long, e.g. 90s, 15m, 2h (exit 124)' -r
complete -c matasks -n "__fish_matasks_using_subcommand wait" -l interval -d 'Time between polls while waiting, at least 1s' -r
complete -c matasks -n "__fish_matasks_using_subcommand wait" -s o -l output -d 'Print the final task (json) or every change seen (ndjson) on stdout' -r -f -a "json\t'The task as it ended, one document'
ndjson\t'One line per change of status or progress, as it is seen'"
complete -c matasks -n "__fish_matasks_using_subcommand wait" -l jq -d 'Run a jq program on the JSON document this prints (implies -o json); strings print raw; $status and $type name the codes (`matasks list --help` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand wait" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand wait" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand wait" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand wait" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand wait" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand wait" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand wait" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand wait" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand wait" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand wait" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand wait" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand wait" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand wait" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand wait" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c matasks -n "__fish_matasks_using_subcommand wait" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand start; and not __fish_seen_subcommand_from auto-label pre-label auto-grouping help" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and not __fish_seen_subcommand_from auto-label pre-label auto-grouping help" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand start; and not __fish_seen_subcommand_from auto-label pre-label auto-grouping help" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and not __fish_seen_subcommand_from auto-label pre-label auto-grouping help" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and not __fish_seen_subcommand_from auto-label pre-label auto-grouping help" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and not __fish_seen_subcommand_from auto-label pre-label auto-grouping help" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand start; and not __fish_seen_subcommand_from auto-label pre-label auto-grouping help" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and not __fish_seen_subcommand_from auto-label pre-label auto-grouping help" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and not __fish_seen_subcommand_from auto-label pre-label auto-grouping help" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and not __fish_seen_subcommand_from auto-label pre-label auto-grouping help" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand start; and not __fish_seen_subcommand_from auto-label pre-label auto-grouping help" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand start; and not __fish_seen_subcommand_from auto-label pre-label auto-grouping help" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand start; and not __fish_seen_subcommand_from auto-label pre-label auto-grouping help" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand start; and not __fish_seen_subcommand_from auto-label pre-label auto-grouping help" -s h -l help -d 'Print help'
complete -c matasks -n "__fish_matasks_using_subcommand start; and not __fish_seen_subcommand_from auto-label pre-label auto-grouping help" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand start; and not __fish_seen_subcommand_from auto-label pre-label auto-grouping help" -f -a "auto-label" -d 'Active learning: train on the labeled samples, then label the others'
complete -c matasks -n "__fish_matasks_using_subcommand start; and not __fish_seen_subcommand_from auto-label pre-label auto-grouping help" -f -a "pre-label" -d 'Pre-labeling: label the samples with a model you choose'
complete -c matasks -n "__fish_matasks_using_subcommand start; and not __fish_seen_subcommand_from auto-label pre-label auto-grouping help" -f -a "auto-grouping" -d 'Auto grouping: cluster the unlabeled images'
complete -c matasks -n "__fish_matasks_using_subcommand start; and not __fish_seen_subcommand_from auto-label pre-label auto-grouping help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l algorithm -d 'fast trains on labeled samples only; accurate also uses unlabeled ones' -r -f -a "fast\t''
accurate\t''"
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -s d -l dataset -d 'Dataset ID [default: the profile\'s `dataset_id`]' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l name -d 'The task\'s name (`config.name`)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l description -d 'The task\'s description (`config.description`)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l config-json -d 'The rest of the task\'s `config` as a JSON object, from FILE or - for stdin; checked against the API reference, flags may repeat but not contradict it' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l timeout -d 'Give up waiting after this long, e.g. 90s, 15m, 2h (exit 124)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l interval -d 'Time between polls while waiting, at least 1s' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -s o -l output -d 'Print the answer (json, ndjson: one line) instead of the task ID; with --wait, as `wait -o` does' -r -f -a "json\t'The task as it ended, one document'
ndjson\t'One line per change of status or progress, as it is seen'"
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l jq -d 'Run a jq program on the JSON document this prints (implies -o json); strings print raw; $status and $type name the codes (`matasks list --help` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l collect-key-samples -d 'Collect key samples (`collect_key_sample`)'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l dry-run -d 'Print the request (credentials masked) and its curl command line instead of sending it'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l wait -d 'Then wait until the task is done, as `matasks wait` does: same output, same exit status (0 succeeded, 7 failed, 8 stopped, 124 timed out)'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-label" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l model-id -d 'The model that labels the samples (required, here or in the config JSON)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l specification -d 'Resource specification of the inference service, e.g. modelarts.vm.cpu.2u' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l instances -d 'Instances of the inference service [default: 1 with --specification]' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -s d -l dataset -d 'Dataset ID [default: the profile\'s `dataset_id`]' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l name -d 'The task\'s name (`config.name`)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l description -d 'The task\'s description (`config.description`)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l config-json -d 'The rest of the task\'s `config` as a JSON object, from FILE or - for stdin; checked against the API reference, flags may repeat but not contradict it' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l timeout -d 'Give up waiting after this long, e.g. 90s, 15m, 2h (exit 124)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l interval -d 'Time between polls while waiting, at least 1s' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -s o -l output -d 'Print the answer (json, ndjson: one line) instead of the task ID; with --wait, as `wait -o` does' -r -f -a "json\t'The task as it ended, one document'
ndjson\t'One line per change of status or progress, as it is seen'"
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l jq -d 'Run a jq program on the JSON document this prints (implies -o json); strings print raw; $status and $type name the codes (`matasks list --help` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l collect-key-samples -d 'Collect key samples (`collect_key_sample`)'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l dry-run -d 'Print the request (credentials masked) and its curl command line instead of sending it'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l wait -d 'Then wait until the task is done, as `matasks wait` does: same output, same exit status (0 succeeded, 7 failed, 8 stopped, 124 timed out)'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from pre-label" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l clusters -d 'Number of groups to cluster the images into' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -s d -l dataset -d 'Dataset ID [default: the profile\'s `dataset_id`]' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l name -d 'The task\'s name (`config.name`)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l description -d 'The task\'s description (`config.description`)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l config-json -d 'The rest of the task\'s `config` as a JSON object, from FILE or - for stdin; checked against the API reference, flags may repeat but not contradict it' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l timeout -d 'Give up waiting after this long, e.g. 90s, 15m, 2h (exit 124)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l interval -d 'Time between polls while waiting, at least 1s' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -s o -l output -d 'Print the answer (json, ndjson: one line) instead of the task ID; with --wait, as `wait -o` does' -r -f -a "json\t'The task as it ended, one document'
ndjson\t'One line per change of status or progress, as it is seen'"
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l jq -d 'Run a jq program on the JSON document this prints (implies -o json); strings print raw; $status and $type name the codes (`matasks list --help` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l collect-key-samples -d 'Collect key samples (`collect_key_sample`)'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l dry-run -d 'Print the request (credentials masked) and its curl command line instead of sending it'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l wait -d 'Then wait until the task is done, as `matasks wait` does: same output, same exit status (0 succeeded, 7 failed, 8 stopped, 124 timed out)'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from auto-grouping" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from help" -f -a "auto-label" -d 'Active learning: train on the labeled samples, then label the others'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from help" -f -a "pre-label" -d 'Pre-labeling: label the samples with a model you choose'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from help" -f -a "auto-grouping" -d 'Auto grouping: cluster the unlabeled images'
complete -c matasks -n "__fish_matasks_using_subcommand start; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c matasks -n "__fish_matasks_using_subcommand stop" -s d -l dataset -d 'Dataset ID [default: the profile\'s `dataset_id`]' -r
complete -c matasks -n "__fish_matasks_using_subcommand stop" -l timeout -d 'Give up waiting after this long, e.g. 90s, 15m, 2h (exit 124)' -r
complete -c matasks -n "__fish_matasks_using_subcommand stop" -l interval -d 'Time between polls while waiting, at least 1s' -r
complete -c matasks -n "__fish_matasks_using_subcommand stop" -s o -l output -d 'With --wait, print the final task (json) or every change seen (ndjson) on stdout' -r -f -a "json\t'The task as it ended, one document'
ndjson\t'One line per change of status or progress, as it is seen'"
complete -c matasks -n "__fish_matasks_using_subcommand stop" -l jq -d 'With --wait, run a jq program on the final task (implies -o json); strings print raw; $status and $type name the codes' -r
complete -c matasks -n "__fish_matasks_using_subcommand stop" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand stop" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand stop" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand stop" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand stop" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand stop" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand stop" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand stop" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand stop" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand stop" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand stop" -l dry-run -d 'Print the request (credentials masked) and its curl command line instead of sending it'
complete -c matasks -n "__fish_matasks_using_subcommand stop" -l wait -d 'Then wait until the task has stopped: exit 0 once it is stopped (or succeeded before the stop took), 7 if it failed, 124 on --timeout'
complete -c matasks -n "__fish_matasks_using_subcommand stop" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand stop" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand stop" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand stop" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c matasks -n "__fish_matasks_using_subcommand stop" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -s h -l help -d 'Print help'
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -f -a "path" -d 'Print the config file\'s path (and say on stderr if it does not exist yet)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -f -a "list" -d 'List the profiles, marking the default and the one in effect'
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -f -a "profiles" -d 'Print the profile names, one a line: what completion scripts offer after --profile'
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -f -a "show" -d 'Show the settings in effect and where each comes from; secrets are masked'
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -f -a "regions" -d 'List the known regions, each with its ModelArts endpoint (another cloud\'s region needs `endpoint` set)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -f -a "set" -d 'Set one key of the profile (creating file and profile as needed), keeping the file\'s comments and layout'
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -f -a "unset" -d 'Remove one key from the profile'
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -f -a "init" -d 'Create a profile: interactively on a terminal, or from flags'
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -f -a "check" -d 'Make one cheap authenticated request and report whether the settings work: one task of the dataset, or without a dataset, one dataset of the project'
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -f -a "test" -d 'Make one cheap authenticated request and report whether the settings work: one task of the dataset, or without a dataset, one dataset of the project'
complete -c matasks -n "__fish_matasks_using_subcommand config; and not __fish_seen_subcommand_from path list profiles show regions set unset init check test help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from path" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from path" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from path" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from path" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from path" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from path" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from path" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from path" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from path" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from path" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from path" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from path" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from path" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from path" -s h -l help -d 'Print help'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from path" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from list" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from list" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from list" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from list" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from list" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from list" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from list" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from list" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from list" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from list" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from list" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from list" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from list" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from list" -s h -l help -d 'Print help'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from list" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from profiles" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from profiles" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from profiles" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from profiles" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from profiles" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from profiles" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from profiles" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from profiles" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from profiles" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from profiles" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from profiles" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from profiles" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from profiles" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from profiles" -s h -l help -d 'Print help'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from profiles" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from show" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from show" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from show" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from show" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from show" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from show" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from show" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from show" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from show" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from show" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from show" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from show" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from show" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from regions" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from regions" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from regions" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from regions" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from regions" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from regions" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from regions" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from regions" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from regions" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from regions" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from regions" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from regions" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from regions" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from regions" -s h -l help -d 'Print help'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from regions" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from set" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from set" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from set" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from set" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from set" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from set" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from set" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from set" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from set" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from set" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from set" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from set" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from set" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from unset" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from unset" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from unset" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from unset" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from unset" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from unset" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from unset" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from unset" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from unset" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from unset" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from unset" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from unset" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from unset" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from unset" -s h -l help -d 'Print help'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from unset" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l auth -d 'Authentication method [default: aksk]' -r -f -a "aksk\t'Access key and secret key (SDK-HMAC-SHA256 signature), optionally temporary'
token\t'A ready IAM token, sent as X-Auth-Token'
password\t'IAM user name and password, exchanged for a token that is cached'"
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l access-key -d 'Access key ID (with --secret-key-command or --secret-key-env)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l secret-key-command -d 'Command that prints the secret key, e.g. "pass show hw/sk"' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l secret-key-env -d 'Variable that holds the secret key' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l security-token-command -d 'Command that prints the security token of temporary credentials' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l security-token-env -d 'Variable that holds the security token of temporary credentials' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l auth-token-command -d 'Command that prints an IAM token (with --auth token)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l auth-token-env -d 'Variable that holds an IAM token (with --auth token)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l username -d 'IAM user name (with --auth password)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l domain -d 'Account (domain) name of the IAM user (with --auth password)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l password-command -d 'Command that prints the user\'s password (with --auth password)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l password-env -d 'Variable that holds the user\'s password (with --auth password)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l iam-endpoint -d 'Identity service URL [default: https://iam.REGION.myhuaweicloud.com]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l dataset -d 'Dataset that `list` shows by default' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l default -d 'Make this profile the file\'s default_profile'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l force -d 'Replace the profile if it exists'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from init" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from check" -s d -l dataset -d 'Dataset ID [default: the profile\'s `dataset_id`]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from check" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from check" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from check" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from check" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from check" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from check" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from check" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from check" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from check" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from check" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from check" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from check" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from check" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from check" -s h -l help -d 'Print help'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from check" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from test" -s d -l dataset -d 'Dataset ID [default: the profile\'s `dataset_id`]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from test" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from test" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from test" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from test" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from test" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from test" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from test" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from test" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from test" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from test" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from test" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from test" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from test" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from test" -s h -l help -d 'Print help'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from test" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "path" -d 'Print the config file\'s path (and say on stderr if it does not exist yet)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "list" -d 'List the profiles, marking the default and the one in effect'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "profiles" -d 'Print the profile names, one a line: what completion scripts offer after --profile'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "show" -d 'Show the settings in effect and where each comes from; secrets are masked'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "regions" -d 'List the known regions, each with its ModelArts endpoint (another cloud\'s region needs `endpoint` set)'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "set" -d 'Set one key of the profile (creating file and profile as needed), keeping the file\'s comments and layout'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "unset" -d 'Remove one key from the profile'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "init" -d 'Create a profile: interactively on a terminal, or from flags'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "check" -d 'Make one cheap authenticated request and report whether the settings work: one task of the dataset, or without a dataset, one dataset of the project'
complete -c matasks -n "__fish_matasks_using_subcommand config; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c matasks -n "__fish_matasks_using_subcommand completions" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand completions" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand completions" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand completions" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4 (`matasks config regions` lists them)' -r
complete -c matasks -n "__fish_matasks_using_subcommand completions" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand completions" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand completions" -l retries -d 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile\'s `retries`, else 3]' -r
complete -c matasks -n "__fish_matasks_using_subcommand completions" -l connect-timeout -d 'Time allowed to connect, e.g. 500ms, 10s [default: the profile\'s, else 10s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand completions" -l request-timeout -d 'Time allowed for each request, from sending it to the answer\'s last byte, e.g. 30s, 2m [default: the profile\'s, else 30s]' -r
complete -c matasks -n "__fish_matasks_using_subcommand completions" -l ca-bundle -d 'PEM file of CA certificates to trust besides the system\'s (private clouds)' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand completions" -l utc -d 'Show times in UTC rather than in the local time zone (TZ, else the system\'s)'
complete -c matasks -n "__fish_matasks_using_subcommand completions" -s v -l verbose -d 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
complete -c matasks -n "__fish_matasks_using_subcommand completions" -l insecure -d 'Do not verify TLS certificates (a warning says so on every run)'
complete -c matasks -n "__fish_matasks_using_subcommand completions" -s h -l help -d 'Print help'
complete -c matasks -n "__fish_matasks_using_subcommand completions" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand help; and not __fish_seen_subcommand_from list get datasets wait start stop config completions help" -f -a "list" -d 'List a dataset\'s intelligent tasks (auto labeling, pre-labeling, auto grouping, auto deployment), or with --kind its imports, exports, versions or team labeling tasks'
complete -c matasks -n "__fish_matasks_using_subcommand help; and not __fish_seen_subcommand_from list get datasets wait start stop config completions help" -f -a "get" -d 'Show one task (or, with --kind, another job): status, progress, elapsed time and any error'
complete -c matasks -n "__fish_matasks_using_subcommand help; and not __fish_seen_subcommand_from list get datasets wait start stop config completions help" -f -a "datasets" -d 'List the project\'s datasets: IDs, names, samples and running tasks'
complete -c matasks -n "__fish_matasks_using_subcommand help; and not __fish_seen_subcommand_from list get datasets wait start stop config completions help" -f -a "wait" -d 'Wait until a task (or, with --kind, another job) is done; the exit status says how it ended (0 succeeded, 7 failed, 8 stopped, 124 timed out)'
complete -c matasks -n "__fish_matasks_using_subcommand help; and not __fish_seen_subcommand_from list get datasets wait start stop config completions help" -f -a "start" -d 'Start an intelligent task in a dataset (auto-label, pre-label, auto-grouping) and print its ID'
complete -c matasks -n "__fish_matasks_using_subcommand help; and not __fish_seen_subcommand_from list get datasets wait start stop config completions help" -f -a "stop" -d 'Stop a running task'
complete -c matasks -n "__fish_matasks_using_subcommand help; and not __fish_seen_subcommand_from list get datasets wait start stop config completions help" -f -a "config" -d 'Inspect and change the configuration: profiles, credentials, the config file'
complete -c matasks -n "__fish_matasks_using_subcommand help; and not __fish_seen_subcommand_from list get datasets wait start stop config completions help" -f -a "completions" -d 'Print a completion script for a shell, e.g. `matasks completions bash > ~/.local/share/bash-completion/completions/matasks`'
complete -c matasks -n "__fish_matasks_using_subcommand help; and not __fish_seen_subcommand_from list get datasets wait start stop config completions help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c matasks -n "__fish_matasks_using_subcommand help; and __fish_seen_subcommand_from start" -f -a "auto-label" -d 'Active learning: train on the labeled samples, then label the others'
complete -c matasks -n "__fish_matasks_using_subcommand help; and __fish_seen_subcommand_from start" -f -a "pre-label" -d 'Pre-labeling: label the samples with a model you choose'
complete -c matasks -n "__fish_matasks_using_subcommand help; and __fish_seen_subcommand_from start" -f -a "auto-grouping" -d 'Auto grouping: cluster the unlabeled images'
complete -c matasks -n "__fish_matasks_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "path" -d 'Print the config file\'s path (and say on stderr if it does not exist yet)'
complete -c matasks -n "__fish_matasks_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "list" -d 'List the profiles, marking the default and the one in effect'
complete -c matasks -n "__fish_matasks_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "profiles" -d 'Print the profile names, one a line: what completion scripts offer after --profile'
complete -c matasks -n "__fish_matasks_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "show" -d 'Show the settings in effect and where each comes from; secrets are masked'
complete -c matasks -n "__fish_matasks_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "regions" -d 'List the known regions, each with its ModelArts endpoint (another cloud\'s region needs `endpoint` set)'
complete -c matasks -n "__fish_matasks_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "set" -d 'Set one key of the profile (creating file and profile as needed), keeping the file\'s comments and layout'
complete -c matasks -n "__fish_matasks_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "unset" -d 'Remove one key from the profile'
complete -c matasks -n "__fish_matasks_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "init" -d 'Create a profile: interactively on a terminal, or from flags'
complete -c matasks -n "__fish_matasks_using_subcommand help; and __fish_seen_subcommand_from config" -f -a "check" -d 'Make one cheap authenticated request and report whether the settings work: one task of the dataset, or without a dataset, one dataset of the project'

# Added by matasks: the profiles of the config file after --profile (from `matasks
# config profiles`, with any --config given), the known regions after --region, and a
# value inside a comma-separated list (--status running,fa<TAB>).
function __fish_matasks_profiles
    set -l tokens (commandline -opc)
    set -l program
    set -l config
    for i in (seq (count $tokens))
        switch $tokens[$i]
            case --config
                if test $i -lt (count $tokens)
                    set config --config $tokens[(math $i + 1)]
                end
            case '--config=*'
                set config --config (string replace -- --config= '' $tokens[$i])
            case 'MATASKS_CONFIG=*'
                if test -z "$program"
                    set config --config (string replace -- MATASKS_CONFIG= '' $tokens[$i])
                end
            case '*=*'
            case '*'
                if test -z "$program"
                    set program $tokens[$i]
                end
        end
    end
    set config (string replace -r -- '^~' $HOME $config)
    set program (string replace -r -- '^~' $HOME $program)
    $program $config config profiles 2>/dev/null
end
complete -c matasks -l profile -x -a '(__fish_matasks_profiles)'
complete -c matasks -l region -x -a 'af-north-1 af-south-1 ap-southeast-1 ap-southeast-2 ap-southeast-3 ap-southeast-4 cn-east-3 cn-east-4 cn-north-1 cn-north-11 cn-north-12 cn-north-2 cn-north-4 cn-north-9 cn-south-1 cn-southwest-2 cn-southwest-3 la-north-2 la-south-2 me-east-1 sa-brazil-1 tr-west-1'
function __fish_matasks_values_list_status
    printf '%s\n' queued initializing running failed succeeded stopping stopped
end
complete -c matasks -n '__fish_matasks_using_subcommand list' -l status -x -a '(__fish_complete_list , __fish_matasks_values_list_status)'
complete -c matasks -n '__fish_matasks_using_subcommand ls' -l status -x -a '(__fish_complete_list , __fish_matasks_values_list_status)'
function __fish_matasks_values_list_columns
    printf '%s\n' dataset id name type status progress samples age created elapsed model version unconfirmed message
end
complete -c matasks -n '__fish_matasks_using_subcommand list' -l columns -x -a '(__fish_complete_list , __fish_matasks_values_list_columns)'
complete -c matasks -n '__fish_matasks_using_subcommand ls' -l columns -x -a '(__fish_complete_list , __fish_matasks_values_list_columns)'
function __fish_matasks_values_datasets_columns
    printf '%s\n' id name type status samples running age created version description
end
complete -c matasks -n '__fish_matasks_using_subcommand datasets' -l columns -x -a '(__fish_complete_list , __fish_matasks_values_datasets_columns)'
complete -c matasks -n '__fish_matasks_using_subcommand ds' -l columns -x -a '(__fish_complete_list , __fish_matasks_values_datasets_columns)'
