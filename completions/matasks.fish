# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_matasks_global_optspecs
    string join \n profile= config= endpoint= region= project-id= color= v/verbose h/help V/version
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
complete -c matasks -n "__fish_matasks_needs_command" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4' -r
complete -c matasks -n "__fish_matasks_needs_command" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_needs_command" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_needs_command" -s v -l verbose -d 'Report requests on stderr; -vv adds headers and the signed canonical request'
complete -c matasks -n "__fish_matasks_needs_command" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c matasks -n "__fish_matasks_needs_command" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_needs_command" -f -a "list" -d 'List a dataset\'s intelligent tasks (auto labeling, pre-labeling, auto grouping, auto deployment)'
complete -c matasks -n "__fish_matasks_needs_command" -f -a "ls" -d 'List a dataset\'s intelligent tasks (auto labeling, pre-labeling, auto grouping, auto deployment)'
complete -c matasks -n "__fish_matasks_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c matasks -n "__fish_matasks_using_subcommand list" -s d -l dataset -d 'Dataset ID [default: the profile\'s `dataset_id`]' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -s t -l type -d 'Only tasks of this type [default: the API\'s, auto-label and pre-label]' -r -f -a "auto-label\t'Active learning'
pre-label\t'Pre-labeling with a chosen model'
auto-grouping\t'Clustering of unlabeled images'
auto-deploy\t'One-click model deployment'"
complete -c matasks -n "__fish_matasks_using_subcommand list" -s n -l task-name -d 'Only tasks whose name matches NAME (filtered by the server)' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -l limit -d 'Tasks per page, 1 to 100 [default: 10; 100 with --all]' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -l offset -d 'Page to show (with --all: to start from), counting from 0' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -l max-items -d 'Stop after N tasks (implies --all)' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -l concurrency -d 'Pages requested at once with --all, 1 to 32 [default: the profile\'s `concurrency`, else 8]' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for reading'
json\t'One document: {"total_count": N, "tasks": [...]}'
ndjson\t'One task per line, compact'"
complete -c matasks -n "__fish_matasks_using_subcommand list" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand list" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand list" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand list" -s a -l all -d 'Fetch every page, concurrently, printing in order'
complete -c matasks -n "__fish_matasks_using_subcommand list" -s v -l verbose -d 'Report requests on stderr; -vv adds headers and the signed canonical request'
complete -c matasks -n "__fish_matasks_using_subcommand list" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c matasks -n "__fish_matasks_using_subcommand list" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand ls" -s d -l dataset -d 'Dataset ID [default: the profile\'s `dataset_id`]' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -s t -l type -d 'Only tasks of this type [default: the API\'s, auto-label and pre-label]' -r -f -a "auto-label\t'Active learning'
pre-label\t'Pre-labeling with a chosen model'
auto-grouping\t'Clustering of unlabeled images'
auto-deploy\t'One-click model deployment'"
complete -c matasks -n "__fish_matasks_using_subcommand ls" -s n -l task-name -d 'Only tasks whose name matches NAME (filtered by the server)' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l limit -d 'Tasks per page, 1 to 100 [default: 10; 100 with --all]' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l offset -d 'Page to show (with --all: to start from), counting from 0' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l max-items -d 'Stop after N tasks (implies --all)' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l concurrency -d 'Pages requested at once with --all, 1 to 32 [default: the profile\'s `concurrency`, else 8]' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -s o -l output -d 'Output format' -r -f -a "table\t'Aligned columns for reading'
json\t'One document: {"total_count": N, "tasks": [...]}'
ndjson\t'One task per line, compact'"
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l profile -d 'Profile to use from the config file [default: the file\'s `default_profile`, else "default"]' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l config -d 'Config file [default: <config dir>/matasks/config.toml]' -r -F
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l endpoint -d 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l region -d 'Region whose ModelArts endpoint to use, e.g. cn-north-4' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l project-id -d 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)' -r
complete -c matasks -n "__fish_matasks_using_subcommand ls" -l color -d 'When to colour output; `auto` colours a terminal unless NO_COLOR is set' -r -f -a "auto\t''
always\t''
never\t''"
complete -c matasks -n "__fish_matasks_using_subcommand ls" -s a -l all -d 'Fetch every page, concurrently, printing in order'
complete -c matasks -n "__fish_matasks_using_subcommand ls" -s v -l verbose -d 'Report requests on stderr; -vv adds headers and the signed canonical request'
complete -c matasks -n "__fish_matasks_using_subcommand ls" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c matasks -n "__fish_matasks_using_subcommand ls" -s V -l version -d 'Print version'
complete -c matasks -n "__fish_matasks_using_subcommand help; and not __fish_seen_subcommand_from list help" -f -a "list" -d 'List a dataset\'s intelligent tasks (auto labeling, pre-labeling, auto grouping, auto deployment)'
complete -c matasks -n "__fish_matasks_using_subcommand help; and not __fish_seen_subcommand_from list help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
