
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
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers and the signed canonical request')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers and the signed canonical request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a dataset''s intelligent tasks (auto labeling, pre-labeling, auto grouping, auto deployment)')
            [CompletionResult]::new('ls', 'ls', [CompletionResultType]::ParameterValue, 'List a dataset''s intelligent tasks (auto labeling, pre-labeling, auto grouping, auto deployment)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'matasks;list' {
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('--dataset', '--dataset', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only tasks of this type [default: the API''s, auto-label and pre-label]')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only tasks of this type [default: the API''s, auto-label and pre-label]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Only tasks whose name matches NAME (filtered by the server)')
            [CompletionResult]::new('--task-name', '--task-name', [CompletionResultType]::ParameterName, 'Only tasks whose name matches NAME (filtered by the server)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Tasks per page, 1 to 100 [default: 10; 100 with --all]')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Page to show (with --all: to start from), counting from 0')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'Stop after N tasks (implies --all)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Pages requested at once with --all, 1 to 32 [default: the profile''s `concurrency`, else 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Fetch every page, concurrently, printing in order')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Fetch every page, concurrently, printing in order')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers and the signed canonical request')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers and the signed canonical request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;ls' {
            [CompletionResult]::new('-d', '-d', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('--dataset', '--dataset', [CompletionResultType]::ParameterName, 'Dataset ID [default: the profile''s `dataset_id`]')
            [CompletionResult]::new('-t', '-t', [CompletionResultType]::ParameterName, 'Only tasks of this type [default: the API''s, auto-label and pre-label]')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Only tasks of this type [default: the API''s, auto-label and pre-label]')
            [CompletionResult]::new('-n', '-n', [CompletionResultType]::ParameterName, 'Only tasks whose name matches NAME (filtered by the server)')
            [CompletionResult]::new('--task-name', '--task-name', [CompletionResultType]::ParameterName, 'Only tasks whose name matches NAME (filtered by the server)')
            [CompletionResult]::new('--limit', '--limit', [CompletionResultType]::ParameterName, 'Tasks per page, 1 to 100 [default: 10; 100 with --all]')
            [CompletionResult]::new('--offset', '--offset', [CompletionResultType]::ParameterName, 'Page to show (with --all: to start from), counting from 0')
            [CompletionResult]::new('--max-items', '--max-items', [CompletionResultType]::ParameterName, 'Stop after N tasks (implies --all)')
            [CompletionResult]::new('--concurrency', '--concurrency', [CompletionResultType]::ParameterName, 'Pages requested at once with --all, 1 to 32 [default: the profile''s `concurrency`, else 8]')
            [CompletionResult]::new('-o', '-o', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--output', '--output', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--profile', '--profile', [CompletionResultType]::ParameterName, 'Profile to use from the config file [default: the file''s `default_profile`, else "default"]')
            [CompletionResult]::new('--config', '--config', [CompletionResultType]::ParameterName, 'Config file [default: <config dir>/matasks/config.toml]')
            [CompletionResult]::new('--endpoint', '--endpoint', [CompletionResultType]::ParameterName, 'API endpoint URL, e.g. https://modelarts.eu-de.otc.t-systems.com (overrides the region)')
            [CompletionResult]::new('--region', '--region', [CompletionResultType]::ParameterName, 'Region whose ModelArts endpoint to use, e.g. cn-north-4')
            [CompletionResult]::new('--project-id', '--project-id', [CompletionResultType]::ParameterName, 'Project ID (also read from HUAWEICLOUD_SDK_PROJECT_ID)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to colour output; `auto` colours a terminal unless NO_COLOR is set')
            [CompletionResult]::new('-a', '-a', [CompletionResultType]::ParameterName, 'Fetch every page, concurrently, printing in order')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Fetch every page, concurrently, printing in order')
            [CompletionResult]::new('-v', '-v', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers and the signed canonical request')
            [CompletionResult]::new('--verbose', '--verbose', [CompletionResultType]::ParameterName, 'Report requests on stderr; -vv adds headers and the signed canonical request')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'matasks;help' {
            [CompletionResult]::new('list', 'list', [CompletionResultType]::ParameterValue, 'List a dataset''s intelligent tasks (auto labeling, pre-labeling, auto grouping, auto deployment)')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'matasks;help;list' {
            break
        }
        'matasks;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
