# zsh-complete.zsh - what zsh's completion offers at the end of a command
# line, one "word -- description" a line, sorted. It types the line into
# an interactive zsh on a pseudo-terminal (zpty), presses TAB, and has
# compadd print every candidate it is given. The line is never run.
# usage: zsh -f tests/cli/zsh-complete.zsh FPATH-DIR LINE
zmodload zsh/zpty || exit 2
zpty z zsh -f -i
zpty -w z "PS1=''; fpath=($1 \$fpath); autoload -Uz compinit; compinit -u -D"
# every candidate given to compadd goes to the terminal as CAND word -- text
zpty -w z 'compadd () {
  if [[ ${@[1,(i)(-|--)]} == *-(O|A|D)\ * ]]; then builtin compadd "$@"; return $?; fi
  typeset -a __hits __dscr __tmp
  if (( $@[(I)-d] )); then
    __tmp=${@[$[${@[(i)-d]}+1]]}
    if [[ $__tmp == \(* ]]; then eval "__dscr=$__tmp"; else __dscr=( "${(@P)__tmp}" ); fi
  fi
  builtin compadd -A __hits -D __dscr "$@"
  local i
  for i in {1..$#__hits}; do
    if (( $#__dscr >= i )); then print -r -- "CA""ND $__hits[$i] -- ${${${__dscr[$i]}##$__hits[$i] #}#-- }"; else print -r -- "CA""ND $__hits[$i]"; fi
  done
}'
zpty -w z 'capture-end() { print -r -- "CAPTURE""-END"; }; zle -N capture-end; bindkey "^X" capture-end'
# -n: no newline, so the line is completed and never run
zpty -n -w z "$2"$'\t\x18'
zpty -r z out '*CAPTURE-END*' || exit 3
zpty -d z
print -r -- "$out" | tr -d '\r' | grep -ao 'CAND .*' | sed 's/^CAND //' | sort -u
