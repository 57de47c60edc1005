
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
            cand -v 'Report requests on stderr; -vv adds headers and the signed canonical request'
            cand --verbose 'Report requests on stderr; -vv adds headers and the signed canonical request'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand list 'List a dataset''s intelligent tasks (auto labeling, pre-labeling, auto grouping, auto deployment)'
            cand ls 'List a dataset''s intelligent tasks (auto labeling, pre-labeling, auto grouping, auto deployment)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'matasks;list'= {
            cand -d 'Dataset ID [default: the profile''s `dataset_id`]'
            cand --dataset 'Dataset ID [default: the profile''s `dataset_id`]'
            cand -t 'Only tasks of this type [default: the API''s, auto-label and pre-label]'
            cand --type 'Only tasks of this type [default: the API''s, auto-label and pre-label]'
            cand -n 'Only tasks whose name matches NAME (filtered by the server)'
            cand --task-name 'Only tasks whose name matches NAME (filtered by the server)'
            cand --limit 'Tasks per page, 1 to 100 [default: 10; 100 with --all]'
            cand --offset 'Page to show (with --all: to start from), counting from 0'
            cand --max-items 'Stop after N tasks (implies --all)'
            cand --concurrency 'Pages requested at once with --all, 1 to 32 [default: the profile''s `concurrency`, else 8]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]'
            cand --config 'Config file [default: <config dir>/matasks/config.toml]'
            cand --endpoint 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)'
            cand --region 'Region whose ModelArts endpoint to use, e.g. cn-north-4'
            cand --project-id 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)'
            cand --color 'When to colour output; `auto` colours a terminal unless NO_COLOR is set'
            cand -a 'Fetch every page, concurrently, printing in order'
            cand --all 'Fetch every page, concurrently, printing in order'
            cand -v 'Report requests on stderr; -vv adds headers and the signed canonical request'
            cand --verbose 'Report requests on stderr; -vv adds headers and the signed canonical request'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'matasks;ls'= {
            cand -d 'Dataset ID [default: the profile''s `dataset_id`]'
            cand --dataset 'Dataset ID [default: the profile''s `dataset_id`]'
            cand -t 'Only tasks of this type [default: the API''s, auto-label and pre-label]'
            cand --type 'Only tasks of this type [default: the API''s, auto-label and pre-label]'
            cand -n 'Only tasks whose name matches NAME (filtered by the server)'
            cand --task-name 'Only tasks whose name matches NAME (filtered by the server)'
            cand --limit 'Tasks per page, 1 to 100 [default: 10; 100 with --all]'
            cand --offset 'Page to show (with --all: to start from), counting from 0'
            cand --max-items 'Stop after N tasks (implies --all)'
            cand --concurrency 'Pages requested at once with --all, 1 to 32 [default: the profile''s `concurrency`, else 8]'
            cand -o 'Output format'
            cand --output 'Output format'
            cand --profile 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]'
            cand --config 'Config file [default: <config dir>/matasks/config.toml]'
            cand --endpoint 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)'
            cand --region 'Region whose ModelArts endpoint to use, e.g. cn-north-4'
            cand --project-id 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)'
            cand --color 'When to colour output; `auto` colours a terminal unless NO_COLOR is set'
            cand -a 'Fetch every page, concurrently, printing in order'
            cand --all 'Fetch every page, concurrently, printing in order'
            cand -v 'Report requests on stderr; -vv adds headers and the signed canonical request'
            cand --verbose 'Report requests on stderr; -vv adds headers and the signed canonical request'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'matasks;help'= {
            cand list 'List a dataset''s intelligent tasks (auto labeling, pre-labeling, auto grouping, auto deployment)'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'matasks;help;list'= {
        }
        &'matasks;help;help'= {
        }
    ]
    $completions[$command]
}
