
use builtin;
use str;

set edit:completion:arg-completer[matasks] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'matasks'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'matasks'= {
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]'
            cand --config 'Config file [default: <config dir>/matasks/config.toml]'
            cand --endpoint 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)'
            cand --region 'Region whose ModelArts endpoint to use, e.g. cn-north-4'
            cand --project-id 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)'
            cand --color 'When to colour output; `auto` colours a terminal unless NO_COLOR is set'
            cand --retries 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]'
            cand --connect-timeout 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]'
            cand --request-timeout 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]'
            cand --ca-bundle 'PEM file of CA certificates to trust besides the system''s (private clouds)'
            cand -v 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --verbose 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --insecure 'Do not verify TLS certificates (a warning says so on every run)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List a dataset''s intelligent tasks (auto labeling, pre-labeling, auto grouping, auto deployment)'
            cand ls 'List a dataset''s intelligent tasks (auto labeling, pre-labeling, auto grouping, auto deployment)'
            cand get 'Show one task: status, progress, elapsed time and any error'
            cand wait 'Wait until a task is done; the exit status says how it ended (0 succeeded, 7 failed, 8 stopped, 124 timed out)'
            cand config 'Inspect and change the configuration: profiles, credentials, the config file'
            cand completions 'Print a completion script for a shell, e.g. `matasks completions bash > /etc/bash_completion.d/matasks`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'matasks;list'= {
            cand -d 'Dataset ID [default: the profile''s `dataset_id`]'
            cand --dataset 'Dataset ID [default: the profile''s `dataset_id`]'
            cand -t 'Only tasks of this type, or `all` [default: the API''s, auto-label and pre-label]'
            cand --type 'Only tasks of this type, or `all` [default: the API''s, auto-label and pre-label]'
            cand -n 'Only tasks whose name matches NAME (filtered by the server)'
            cand --task-name 'Only tasks whose name matches NAME (filtered by the server)'
            cand --limit 'Tasks per page, 1 to 100 [default: 10; 100 with --all]'
            cand --offset 'Page to show (with --all: to start from), counting from 0'
            cand --max-items 'Stop after N tasks (implies --all)'
            cand --concurrency 'Pages requested at once with --all, 1 to 32 [default: the profile''s `concurrency`, else 8]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --status 'Only tasks in these statuses, comma-separated or repeated (filtered here; the server''s total stays as it is)'
            cand --columns 'The table''s columns, in order, comma-separated'
            cand --sort 'Order by created, name, status, progress or elapsed; -FIELD reverses (table and json; ndjson keeps the server''s order, as it streams)'
            cand --interval 'With --watch, the time between listings, at least 1s [default: 5s]'
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]'
            cand --config 'Config file [default: <config dir>/matasks/config.toml]'
            cand --endpoint 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)'
            cand --region 'Region whose ModelArts endpoint to use, e.g. cn-north-4'
            cand --project-id 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)'
            cand --color 'When to colour output; `auto` colours a terminal unless NO_COLOR is set'
            cand --retries 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]'
            cand --connect-timeout 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]'
            cand --request-timeout 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]'
            cand --ca-bundle 'PEM file of CA certificates to trust besides the system''s (private clouds)'
            cand -a 'Fetch every page, concurrently, printing in order'
            cand --all 'Fetch every page, concurrently, printing in order'
            cand --wide 'Add MODEL, VERSION, UNCONFIRMED and MESSAGE to the table''s columns'
            cand --watch 'List again every --interval until Ctrl-C: on a terminal the table is redrawn in place; otherwise one NDJSON line per task that appears or changes'
            cand --until-done 'With --watch, stop once every task listed is done (succeeded, failed, stopped)'
            cand -v 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --verbose 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --insecure 'Do not verify TLS certificates (a warning says so on every run)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'matasks;ls'= {
            cand -d 'Dataset ID [default: the profile''s `dataset_id`]'
            cand --dataset 'Dataset ID [default: the profile''s `dataset_id`]'
            cand -t 'Only tasks of this type, or `all` [default: the API''s, auto-label and pre-label]'
            cand --type 'Only tasks of this type, or `all` [default: the API''s, auto-label and pre-label]'
            cand -n 'Only tasks whose name matches NAME (filtered by the server)'
            cand --task-name 'Only tasks whose name matches NAME (filtered by the server)'
            cand --limit 'Tasks per page, 1 to 100 [default: 10; 100 with --all]'
            cand --offset 'Page to show (with --all: to start from), counting from 0'
            cand --max-items 'Stop after N tasks (implies --all)'
            cand --concurrency 'Pages requested at once with --all, 1 to 32 [default: the profile''s `concurrency`, else 8]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --status 'Only tasks in these statuses, comma-separated or repeated (filtered here; the server''s total stays as it is)'
            cand --columns 'The table''s columns, in order, comma-separated'
            cand --sort 'Order by created, name, status, progress or elapsed; -FIELD reverses (table and json; ndjson keeps the server''s order, as it streams)'
            cand --interval 'With --watch, the time between listings, at least 1s [default: 5s]'
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]'
            cand --config 'Config file [default: <config dir>/matasks/config.toml]'
            cand --endpoint 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)'
            cand --region 'Region whose ModelArts endpoint to use, e.g. cn-north-4'
            cand --project-id 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)'
            cand --color 'When to colour output; `auto` colours a terminal unless NO_COLOR is set'
            cand --retries 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]'
            cand --connect-timeout 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]'
            cand --request-timeout 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]'
            cand --ca-bundle 'PEM file of CA certificates to trust besides the system''s (private clouds)'
            cand -a 'Fetch every page, concurrently, printing in order'
            cand --all 'Fetch every page, concurrently, printing in order'
            cand --wide 'Add MODEL, VERSION, UNCONFIRMED and MESSAGE to the table''s columns'
            cand --watch 'List again every --interval until Ctrl-C: on a terminal the table is redrawn in place; otherwise one NDJSON line per task that appears or changes'
            cand --until-done 'With --watch, stop once every task listed is done (succeeded, failed, stopped)'
            cand -v 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --verbose 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --insecure 'Do not verify TLS certificates (a warning says so on every run)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'matasks;get'= {
            cand -d 'Dataset ID [default: the profile''s `dataset_id`]'
            cand --dataset 'Dataset ID [default: the profile''s `dataset_id`]'
            cand -o 'Output format: `table` shows keys and values; `json` and `ndjson` the server''s task object, on one line'
            cand --output 'Output format: `table` shows keys and values; `json` and `ndjson` the server''s task object, on one line'
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]'
            cand --config 'Config file [default: <config dir>/matasks/config.toml]'
            cand --endpoint 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)'
            cand --region 'Region whose ModelArts endpoint to use, e.g. cn-north-4'
            cand --project-id 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)'
            cand --color 'When to colour output; `auto` colours a terminal unless NO_COLOR is set'
            cand --retries 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]'
            cand --connect-timeout 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]'
            cand --request-timeout 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]'
            cand --ca-bundle 'PEM file of CA certificates to trust besides the system''s (private clouds)'
            cand -v 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --verbose 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --insecure 'Do not verify TLS certificates (a warning says so on every run)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'matasks;wait'= {
            cand -d 'Dataset ID [default: the profile''s `dataset_id`]'
            cand --dataset 'Dataset ID [default: the profile''s `dataset_id`]'
            cand --timeout 'Give up after this long, e.g. 90s, 15m, 2h (exit 124)'
            cand --interval 'Time between polls, at least 1s'
            cand -o 'Print the final task (json) or every change seen (ndjson) on stdout'
            cand --output 'Print the final task (json) or every change seen (ndjson) on stdout'
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]'
            cand --config 'Config file [default: <config dir>/matasks/config.toml]'
            cand --endpoint 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)'
            cand --region 'Region whose ModelArts endpoint to use, e.g. cn-north-4'
            cand --project-id 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)'
            cand --color 'When to colour output; `auto` colours a terminal unless NO_COLOR is set'
            cand --retries 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]'
            cand --connect-timeout 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]'
            cand --request-timeout 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]'
            cand --ca-bundle 'PEM file of CA certificates to trust besides the system''s (private clouds)'
            cand -v 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --verbose 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --insecure 'Do not verify TLS certificates (a warning says so on every run)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'matasks;config'= {
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]'
            cand --config 'Config file [default: <config dir>/matasks/config.toml]'
            cand --endpoint 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)'
            cand --region 'Region whose ModelArts endpoint to use, e.g. cn-north-4'
            cand --project-id 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)'
            cand --color 'When to colour output; `auto` colours a terminal unless NO_COLOR is set'
            cand --retries 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]'
            cand --connect-timeout 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]'
            cand --request-timeout 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]'
            cand --ca-bundle 'PEM file of CA certificates to trust besides the system''s (private clouds)'
            cand -v 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --verbose 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --insecure 'Do not verify TLS certificates (a warning says so on every run)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand path 'Print the config file''s path (and say on stderr if it does not exist yet)'
            cand list 'List the profiles, marking the default and the one in effect'
            cand show 'Show the settings in effect and where each comes from; secrets are masked'
            cand set 'Set one key of the profile (creating file and profile as needed), keeping the file''s comments and layout'
            cand unset 'Remove one key from the profile'
            cand init 'Create a profile: interactively on a terminal, or from flags'
            cand check 'Make one cheap authenticated request and report whether the settings work: one task of the dataset, or without a dataset, one dataset of the project'
            cand test 'Make one cheap authenticated request and report whether the settings work: one task of the dataset, or without a dataset, one dataset of the project'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'matasks;config;path'= {
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]'
            cand --config 'Config file [default: <config dir>/matasks/config.toml]'
            cand --endpoint 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)'
            cand --region 'Region whose ModelArts endpoint to use, e.g. cn-north-4'
            cand --project-id 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)'
            cand --color 'When to colour output; `auto` colours a terminal unless NO_COLOR is set'
            cand --retries 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]'
            cand --connect-timeout 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]'
            cand --request-timeout 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]'
            cand --ca-bundle 'PEM file of CA certificates to trust besides the system''s (private clouds)'
            cand -v 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --verbose 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --insecure 'Do not verify TLS certificates (a warning says so on every run)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'matasks;config;list'= {
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]'
            cand --config 'Config file [default: <config dir>/matasks/config.toml]'
            cand --endpoint 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)'
            cand --region 'Region whose ModelArts endpoint to use, e.g. cn-north-4'
            cand --project-id 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)'
            cand --color 'When to colour output; `auto` colours a terminal unless NO_COLOR is set'
            cand --retries 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]'
            cand --connect-timeout 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]'
            cand --request-timeout 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]'
            cand --ca-bundle 'PEM file of CA certificates to trust besides the system''s (private clouds)'
            cand -v 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --verbose 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --insecure 'Do not verify TLS certificates (a warning says so on every run)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'matasks;config;show'= {
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]'
            cand --config 'Config file [default: <config dir>/matasks/config.toml]'
            cand --endpoint 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)'
            cand --region 'Region whose ModelArts endpoint to use, e.g. cn-north-4'
            cand --project-id 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)'
            cand --color 'When to colour output; `auto` colours a terminal unless NO_COLOR is set'
            cand --retries 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]'
            cand --connect-timeout 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]'
            cand --request-timeout 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]'
            cand --ca-bundle 'PEM file of CA certificates to trust besides the system''s (private clouds)'
            cand -v 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --verbose 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --insecure 'Do not verify TLS certificates (a warning says so on every run)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'matasks;config;set'= {
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]'
            cand --config 'Config file [default: <config dir>/matasks/config.toml]'
            cand --endpoint 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)'
            cand --region 'Region whose ModelArts endpoint to use, e.g. cn-north-4'
            cand --project-id 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)'
            cand --color 'When to colour output; `auto` colours a terminal unless NO_COLOR is set'
            cand --retries 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]'
            cand --connect-timeout 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]'
            cand --request-timeout 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]'
            cand --ca-bundle 'PEM file of CA certificates to trust besides the system''s (private clouds)'
            cand -v 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --verbose 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --insecure 'Do not verify TLS certificates (a warning says so on every run)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'matasks;config;unset'= {
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]'
            cand --config 'Config file [default: <config dir>/matasks/config.toml]'
            cand --endpoint 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)'
            cand --region 'Region whose ModelArts endpoint to use, e.g. cn-north-4'
            cand --project-id 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)'
            cand --color 'When to colour output; `auto` colours a terminal unless NO_COLOR is set'
            cand --retries 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]'
            cand --connect-timeout 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]'
            cand --request-timeout 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]'
            cand --ca-bundle 'PEM file of CA certificates to trust besides the system''s (private clouds)'
            cand -v 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --verbose 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --insecure 'Do not verify TLS certificates (a warning says so on every run)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'matasks;config;init'= {
            cand --auth 'Authentication method [default: aksk]'
            cand --access-key 'Access key ID (with --secret-key-command or --secret-key-env)'
            cand --secret-key-command 'Command that prints the secret key, e.g. "pass show hw/sk"'
            cand --secret-key-env 'Variable that holds the secret key'
            cand --security-token-command 'Command that prints the security token of temporary credentials'
            cand --security-token-env 'Variable that holds the security token of temporary credentials'
            cand --auth-token-command 'Command that prints an IAM token (with --auth token)'
            cand --auth-token-env 'Variable that holds an IAM token (with --auth token)'
            cand --username 'IAM user name (with --auth password)'
            cand --domain 'Account (domain) name of the IAM user (with --auth password)'
            cand --password-command 'Command that prints the user''s password (with --auth password)'
            cand --password-env 'Variable that holds the user''s password (with --auth password)'
            cand --iam-endpoint 'Identity service URL [default: https://iam.REGION.myhuaweicloud.com]'
            cand --dataset 'Dataset that `list` shows by default'
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]'
            cand --config 'Config file [default: <config dir>/matasks/config.toml]'
            cand --endpoint 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)'
            cand --region 'Region whose ModelArts endpoint to use, e.g. cn-north-4'
            cand --project-id 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)'
            cand --color 'When to colour output; `auto` colours a terminal unless NO_COLOR is set'
            cand --retries 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]'
            cand --connect-timeout 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]'
            cand --request-timeout 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]'
            cand --ca-bundle 'PEM file of CA certificates to trust besides the system''s (private clouds)'
            cand --default 'Make this profile the file''s default_profile'
            cand --force 'Replace the profile if it exists'
            cand -v 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --verbose 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --insecure 'Do not verify TLS certificates (a warning says so on every run)'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'matasks;config;check'= {
            cand -d 'Dataset ID [default: the profile''s `dataset_id`]'
            cand --dataset 'Dataset ID [default: the profile''s `dataset_id`]'
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]'
            cand --config 'Config file [default: <config dir>/matasks/config.toml]'
            cand --endpoint 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)'
            cand --region 'Region whose ModelArts endpoint to use, e.g. cn-north-4'
            cand --project-id 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)'
            cand --color 'When to colour output; `auto` colours a terminal unless NO_COLOR is set'
            cand --retries 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]'
            cand --connect-timeout 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]'
            cand --request-timeout 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]'
            cand --ca-bundle 'PEM file of CA certificates to trust besides the system''s (private clouds)'
            cand -v 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --verbose 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --insecure 'Do not verify TLS certificates (a warning says so on every run)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'matasks;config;test'= {
            cand -d 'Dataset ID [default: the profile''s `dataset_id`]'
            cand --dataset 'Dataset ID [default: the profile''s `dataset_id`]'
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]'
            cand --config 'Config file [default: <config dir>/matasks/config.toml]'
            cand --endpoint 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)'
            cand --region 'Region whose ModelArts endpoint to use, e.g. cn-north-4'
            cand --project-id 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)'
            cand --color 'When to colour output; `auto` colours a terminal unless NO_COLOR is set'
            cand --retries 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]'
            cand --connect-timeout 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]'
            cand --request-timeout 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]'
            cand --ca-bundle 'PEM file of CA certificates to trust besides the system''s (private clouds)'
            cand -v 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --verbose 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --insecure 'Do not verify TLS certificates (a warning says so on every run)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'matasks;config;help'= {
            cand path 'Print the config file''s path (and say on stderr if it does not exist yet)'
            cand list 'List the profiles, marking the default and the one in effect'
            cand show 'Show the settings in effect and where each comes from; secrets are masked'
            cand set 'Set one key of the profile (creating file and profile as needed), keeping the file''s comments and layout'
            cand unset 'Remove one key from the profile'
            cand init 'Create a profile: interactively on a terminal, or from flags'
            cand check 'Make one cheap authenticated request and report whether the settings work: one task of the dataset, or without a dataset, one dataset of the project'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'matasks;config;help;path'= {
        }
        &'matasks;config;help;list'= {
        }
        &'matasks;config;help;show'= {
        }
        &'matasks;config;help;set'= {
        }
        &'matasks;config;help;unset'= {
        }
        &'matasks;config;help;init'= {
        }
        &'matasks;config;help;check'= {
        }
        &'matasks;config;help;help'= {
        }
        &'matasks;completions'= {
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]'
            cand --config 'Config file [default: <config dir>/matasks/config.toml]'
            cand --endpoint 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)'
            cand --region 'Region whose ModelArts endpoint to use, e.g. cn-north-4'
            cand --project-id 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)'
            cand --color 'When to colour output; `auto` colours a terminal unless NO_COLOR is set'
            cand --retries 'Retries of a read that failed on the way (connection error, timeout, throttling, HTTP 500, 502, 503, 504), 0 to 10; 0 disables [default: the profile''s `retries`, else 3]'
            cand --connect-timeout 'Time allowed to connect, e.g. 500ms, 10s [default: the profile''s, else 10s]'
            cand --request-timeout 'Time allowed for each request, from sending it to the answer''s last byte, e.g. 30s, 2m [default: the profile''s, else 30s]'
            cand --ca-bundle 'PEM file of CA certificates to trust besides the system''s (private clouds)'
            cand -v 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --verbose 'Report requests on stderr; -vv adds headers, bodies and the signed canonical request, with secrets masked'
            cand --insecure 'Do not verify TLS certificates (a warning says so on every run)'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'matasks;help'= {
            cand list 'List a dataset''s intelligent tasks (auto labeling, pre-labeling, auto grouping, auto deployment)'
            cand get 'Show one task: status, progress, elapsed time and any error'
            cand wait 'Wait until a task is done; the exit status says how it ended (0 succeeded, 7 failed, 8 stopped, 124 timed out)'
            cand config 'Inspect and change the configuration: profiles, credentials, the config file'
            cand completions 'Print a completion script for a shell, e.g. `matasks completions bash > /etc/bash_completion.d/matasks`'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'matasks;help;list'= {
        }
        &'matasks;help;get'= {
        }
        &'matasks;help;wait'= {
        }
        &'matasks;help;config'= {
            cand path 'Print the config file''s path (and say on stderr if it does not exist yet)'
            cand list 'List the profiles, marking the default and the one in effect'
            cand show 'Show the settings in effect and where each comes from; secrets are masked'
            cand set 'Set one key of the profile (creating file and profile as needed), keeping the file''s comments and layout'
            cand unset 'Remove one key from the profile'
            cand init 'Create a profile: interactively on a terminal, or from flags'
            cand check 'Make one cheap authenticated request and report whether the settings work: one task of the dataset, or without a dataset, one dataset of the project'
        }
        &'matasks;help;config;path'= {
        }
        &'matasks;help;config;list'= {
        }
        &'matasks;help;config;show'= {
        }
        &'matasks;help;config;set'= {
        }
        &'matasks;help;config;unset'= {
        }
        &'matasks;help;config;init'= {
        }
        &'matasks;help;config;check'= {
        }
        &'matasks;help;completions'= {
        }
        &'matasks;help;help'= {
        }
    ]
    $completions[$command]
}
