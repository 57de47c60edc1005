//! Text that `--help` shows after a command's options: where completion scripts go,
//! and each command's examples. Kept together so that a command's text is easy to find
//! and to add to.

/// Where each shell's completion script goes, as README.md's install table says.
pub const COMPLETIONS_AFTER_HELP: &str = "\
Where the script goes:
  bash        ~/.local/share/bash-completion/completions/matasks (for every user:
              /usr/share/bash-completion/completions/matasks)
  zsh         a directory in $fpath, e.g. ~/.zfunc/_matasks (with fpath+=~/.zfunc
              before compinit in ~/.zshrc)
  fish        ~/.config/fish/completions/matasks.fish
  powershell  dot-source it from $PROFILE
  elvish      ~/.config/elvish/lib/matasks.elv, then `use matasks`";
