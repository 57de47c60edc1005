//! `matasks completions SHELL`: the completion script for a shell.
//!
//! clap writes each script from the command-line definitions. What the definitions
//! cannot say is added for bash, zsh and fish: the profile names after `--profile`,
//! which only the config file knows, so the script asks `matasks config profiles`
//! (hidden, and cheap: it reads the file and runs nothing) as the word is completed;
//! the known regions after `--region`, which takes others too; and a value inside a
//! comma-separated list, so that `--status running,fa<TAB>` gives `running,failed`.
//! PowerShell and elvish get clap's script as it is.

use std::io::Write;

use anyhow::Result;
use clap::Args;
use clap_complete::Shell;

use crate::settings::regions;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

/// The completion script on stdout: the same as the files in `completions/`.
pub fn run(args: &CompletionsArgs) -> Result<()> {
    let mut out = std::io::stdout().lock();
    out.write_all(script(args.shell).as_bytes())?;
    out.flush()?;
    Ok(())
}

/// The completion script for `shell`.
pub fn script(shell: Shell) -> String {
    let cmd = super::command();
    let lists = comma_lists(&cmd);
    let regions = regions::known().join(" ");
    match shell {
        Shell::Bash => generated(shell, cmd) + &bash(&lists, &regions),
        Shell::Zsh => zsh(
            generated(shell, plain_values(cmd, &lists)),
            &lists,
            &regions,
        ),
        Shell::Fish => generated(shell, cmd) + &fish(&lists, &regions),
        _ => generated(shell, cmd),
    }
}

fn generated(shell: Shell, mut cmd: clap::Command) -> String {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cmd, "matasks", &mut script);
    String::from_utf8_lossy(&script).into_owned()
}

/// An option of a command that takes a comma-separated list of known values.
struct CommaList {
    /// The command and its aliases: `list`, `ls`.
    names: Vec<String>,
    /// The option's long name, without its dashes.
    long: String,
    value_name: String,
    values: Vec<String>,
}

impl CommaList {
    /// A name for shell functions about this list: `list_status`.
    fn function_name(&self) -> String {
        format!("{}_{}", self.names[0], self.long).replace('-', "_")
    }
}

/// Every option of a command (below the top) that takes a comma-separated list.
fn comma_lists(cmd: &clap::Command) -> Vec<CommaList> {
    let mut lists = Vec::new();
    for sub in cmd.get_subcommands() {
        for arg in sub.get_arguments() {
            let (Some(','), Some(long)) = (arg.get_value_delimiter(), arg.get_long()) else {
                continue;
            };
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|value| !value.is_hide_set())
                .map(|value| value.get_name().to_string())
                .collect();
            if values.is_empty() {
                continue;
            }
            lists.push(CommaList {
                names: std::iter::once(sub.get_name())
                    .chain(sub.get_all_aliases())
                    .map(str::to_string)
                    .collect(),
                long: long.to_string(),
                value_name: value_name(arg),
                values,
            });
        }
    }
    lists
}

fn value_name(arg: &clap::Arg) -> String {
    arg.get_value_names()
        .and_then(|names| names.first())
        .map_or_else(|| arg.get_id().to_string(), |name| name.to_string())
}

/// The command with the values of each comma-separated list undescribed, so that
/// clap's zsh script gives them on one line, as `(a b c)`, for [`zsh`] to replace.
fn plain_values(mut cmd: clap::Command, lists: &[CommaList]) -> clap::Command {
    for sub in cmd.get_subcommands_mut() {
        let mine: Vec<&CommaList> = lists
            .iter()
            .filter(|l| l.names[0] == sub.get_name())
            .collect();
        if mine.is_empty() {
            continue;
        }
        *sub = std::mem::take(sub).mut_args(|arg| {
            if !mine.iter().any(|l| Some(l.long.as_str()) == arg.get_long()) {
                return arg;
            }
            let values = arg
                .get_possible_values()
                .into_iter()
                .map(|value| value.help(None::<&str>));
            let values = clap::builder::PossibleValuesParser::new(values);
            arg.value_parser(values)
        });
    }
    cmd
}

fn bash(lists: &[CommaList], regions: &str) -> String {
    let mut longs: Vec<String> = lists.iter().map(|l| format!("--{}", l.long)).collect();
    longs.sort();
    longs.dedup();
    let longs = longs.join("|");
    format!(
        r#"
# Added by matasks: the profiles of the config file after --profile (from `matasks
# config profiles`, with any --config given), the known regions after --region, and a
# value inside a comma-separated list (--status running,fa<TAB>).
_matasks_more() {{
    local cur="$2" prev="$3" i config=()
    case "${{prev}}" in
        --profile)
            # `=` breaks words: `--config=F` comes as three.
            for ((i = 1; i < COMP_CWORD; i++)); do
                if [[ ${{COMP_WORDS[i]}} == --config ]]; then
                    if [[ ${{COMP_WORDS[i+1]}} == = ]]; then
                        config=(--config "${{COMP_WORDS[i+2]}}")
                    else
                        config=(--config "${{COMP_WORDS[i+1]}}")
                    fi
                fi
            done
            config=("${{config[@]/#\~/${{HOME}}}}")
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$("$1" "${{config[@]}}" config profiles 2>/dev/null)" -- "${{cur}}"))
            return 0
            ;;
        --region)
            COMPREPLY=($(compgen -W "{regions}" -- "${{cur}}"))
            return 0
            ;;
        {longs})
            if [[ ${{cur}} == *,* ]]; then
                # The last value is completed; those given already are not offered.
                local given=",${{cur%,*}}," value reply=()
                _matasks "$1" "${{cur##*,}}" "${{prev}}"
                for value in "${{COMPREPLY[@]}}"; do
                    [[ ${{given}} == *",${{value}},"* ]] || reply+=("${{cur%,*}},${{value}}")
                done
                COMPREPLY=("${{reply[@]}}")
                return 0
            fi
            ;;
    esac
    _matasks "$@"
}}

if [[ "${{BASH_VERSINFO[0]}}" -eq 4 && "${{BASH_VERSINFO[1]}}" -ge 4 || "${{BASH_VERSINFO[0]}}" -gt 4 ]]; then
    complete -F _matasks_more -o nosort -o bashdefault -o default matasks
else
    complete -F _matasks_more -o bashdefault -o default matasks
fi
"#
    )
}

/// clap's zsh script, with the actions of `--profile`, `--region` and the comma lists
/// replaced, and the functions they call defined before the script runs.
fn zsh(script: String, lists: &[CommaList], regions: &str) -> String {
    let mut out = String::with_capacity(script.len() + 2048);
    for line in script.split_inclusive('\n') {
        let line = if line.starts_with("'--profile=[") {
            line.replace(":NAME:_default'", ":NAME:_matasks_profiles'")
        } else if line.starts_with("'--region=[") {
            line.replace(":REGION:_default'", ":REGION:_matasks_regions'")
        } else {
            let mut line = line.to_string();
            for list in lists {
                let given = format!(":{}:({})'", list.value_name, list.values.join(" "));
                let completed = format!(
                    ":{}:_values -s , {} {}'",
                    list.value_name,
                    list.value_name.to_lowercase(),
                    list.values.join(" ")
                );
                if line.starts_with(&format!("'*--{}=[", list.long)) {
                    line = line.replace(&given, &completed);
                }
            }
            line
        };
        out.push_str(&line);
    }
    let functions = format!(
        r#"# Added by matasks: the profiles of the config file (from `matasks config profiles`,
# with any --config given) and the known regions.
(( $+functions[_matasks_profiles] )) ||
_matasks_profiles() {{
    local -a all config profiles
    local i program
    all=(${{(z)BUFFER}})
    for (( i = 1; i <= ${{#all}}; i++ )); do
        case ${{all[i]}} in
            (--config) config=(--config ${{~${{(Q)all[i+1]}}}}) ;;
            (--config=*) config=(--config ${{~${{(Q)all[i]#--config=}}}}) ;;
            (MATASKS_CONFIG=*) [[ -z $program ]] && config=(--config ${{~${{(Q)all[i]#*=}}}}) ;;
            (*=*) ;;
            (*) [[ -z $program ]] && program=${{~${{(Q)all[i]}}}} ;;
        esac
    done
    profiles=(${{(f)"$(${{program:-matasks}} $config config profiles 2>/dev/null)"}})
    _wanted profiles expl 'profile' compadd -a profiles
}}
(( $+functions[_matasks_regions] )) ||
_matasks_regions() {{
    local -a regions
    regions=({regions})
    _wanted regions expl 'region' compadd -a regions
}}

"#
    );
    const RUN: &str = "if [ \"$funcstack[1]\" = \"_matasks\" ]; then";
    match out.rfind(RUN) {
        Some(at) => out.insert_str(at, &functions),
        None => out.push_str(&functions),
    }
    out
}

fn fish(lists: &[CommaList], regions: &str) -> String {
    let mut out = format!(
        r#"
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
complete -c matasks -l region -x -a '{regions}'
"#
    );
    for list in lists {
        let function = format!("__fish_matasks_values_{}", list.function_name());
        out.push_str(&format!(
            "function {function}\n    printf '%s\\n' {}\nend\n",
            list.values.join(" ")
        ));
        for name in &list.names {
            out.push_str(&format!(
                "complete -c matasks -n '__fish_matasks_using_subcommand {name}' -l {} -x -a \
                 '(__fish_complete_list , {function})'\n",
                list.long
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_comma_lists_are_those_of_list_and_datasets() {
        let lists = comma_lists(&super::super::command());
        let found: Vec<(String, String)> = lists
            .iter()
            .map(|l| (l.names.join("|"), l.long.clone()))
            .collect();
        assert_eq!(
            found,
            [
                ("list|ls".to_string(), "status".to_string()),
                ("list|ls".to_string(), "columns".to_string()),
                ("datasets|ds".to_string(), "columns".to_string()),
            ]
        );
        // A list of a command further down would need its own condition in fish.
        fn deeper(cmd: &clap::Command) -> bool {
            cmd.get_subcommands().any(|sub| {
                sub.get_arguments()
                    .any(|arg| arg.get_value_delimiter().is_some())
                    || deeper(sub)
            })
        }
        let cmd = super::super::command();
        assert!(!cmd.get_subcommands().any(deeper));
    }

    #[test]
    fn every_addition_reaches_the_zsh_script() {
        let script = script(Shell::Zsh);
        let profiles = script.matches(":NAME:_matasks_profiles'").count();
        let regions = script.matches(":REGION:_matasks_regions'").count();
        // Every command with the global options: none is left as clap wrote it.
        assert!(profiles > 10, "{profiles}");
        assert_eq!(profiles, regions);
        assert!(!script.contains("'--profile=[Profile to use from the config file \\[default\\: the file'\\''s \\`default_profile\\`, else \"default\"\\]]:NAME:_default'"));
        // --status of list and ls, --columns of list, ls, datasets and ds.
        assert_eq!(script.matches(":STATUS:_values -s , status ").count(), 2);
        assert_eq!(script.matches(":COLUMN:_values -s , column ").count(), 4);
        let defined = script.find("_matasks_profiles() {").unwrap();
        let run = script
            .rfind("if [ \"$funcstack[1]\" = \"_matasks\" ]; then")
            .unwrap();
        assert!(defined < run);
    }
}
