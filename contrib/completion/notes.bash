# bash completion for notes(1): commands, options, person ids, dates, and
# for `notes done` the ids of open items with their text. The words only a
# journal knows come from the hidden `notes __complete people|open|dates`.
# Installed as $(PREFIX)/share/bash-completion/completions/notes; without
# bash-completion, source it from ~/.bashrc.

_notes_commands="init person new parse check commit done status review report calendar lsp hook help"

# The options of each command, as its --help lists them.
_notes_options() {
	case $1 in
	init) echo "--leader --name --email --lang" ;;
	person) echo "--name --email --slot --lang" ;;
	new) echo "--date --edit --no-edit" ;;
	parse) echo "--json" ;;
	check) echo "--strict --staged" ;;
	commit) echo "-m --message -f --force" ;;
	done) echo "--at" ;;
	status) echo "--json" ;;
	review) echo "--since --until --json --team" ;;
	report) echo "--team --since --until -o --output" ;;
	calendar) echo "-o --output" ;;
	lsp) echo "--debounce --stdio" ;;
	hook) echo "--force --strict" ;;
	'') echo "-C --help --version" ;;
	esac
}

# _notes_ask WHAT: `notes __complete WHAT` in the journal of the command
# line (its -C DIR), the notes of the command line itself.
_notes_ask() {
	"${_notes_argv[@]}" __complete "$1" 2>/dev/null
}

# COMPREPLY: the first column of `notes __complete WHAT` starting with cur.
_notes_column() {
	local line
	local -a lines
	COMPREPLY=()
	mapfile -t lines < <(_notes_ask "$1")
	for line in "${lines[@]}"; do
		[[ $line == "$2"* ]] && COMPREPLY+=("${line%%$'\t'*}")
	done
}

# COMPREPLY: the open items whose id starts with cur (a leading ^ kept):
# "id -- text (person)" while several match, so that bash lists their
# text; the bare id once one is left, so that only the id is inserted.
_notes_items() {
	local cur=$1 hat= line id rest
	local -a lines ids=() shown=()
	local -A seen=()
	[[ $cur == ^* ]] && hat=^ cur=${cur#^}
	mapfile -t lines < <(_notes_ask open)
	for line in "${lines[@]}"; do
		[[ $line == "$cur"* ]] || continue
		id=${line%%$'\t'*} rest=${line#*$'\t'}
		[[ -n ${seen[$id]-} ]] && continue
		seen[$id]=1
		ids+=("$hat$id")
		shown+=("$hat$id -- ${rest#*$'\t'} (${rest%%$'\t'*})")
	done
	if ((${#ids[@]} == 1)); then
		COMPREPLY=("${ids[@]}")
	else
		COMPREPLY=("${shown[@]}")
	fi
}

_notes() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
	local cmd= sub= i n=0 dir
	_notes_argv=("${COMP_WORDS[0]/#\~/$HOME}")
	COMPREPLY=()

	# the global options, then the command
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-C)
			((i++))
			dir=${COMP_WORDS[i]/#\~/$HOME}
			((i < COMP_CWORD)) && _notes_argv+=(-C "$dir")
			;;
		-*) ;;
		*)
			cmd=${COMP_WORDS[i]}
			break
			;;
		esac
	done
	# the arguments of the command that are not options, before cur
	for ((i++; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-m | --message | -o | --output | --date | --since | --until | --at | --leader | \
			--name | --email | --slot | --lang | --debounce) ((i++)) ;;
		-*) ;;
		*)
			[[ -z $sub ]] && sub=${COMP_WORDS[i]}
			((n++))
			;;
		esac
	done

	case $prev in
	-C)
		COMPREPLY=($(compgen -d -- "$cur"))
		return
		;;
	--date | --since | --until)
		_notes_column dates "$cur"
		return
		;;
	--lang)
		COMPREPLY=($(compgen -W "en ko" -- "$cur"))
		return
		;;
	-o | --output)
		COMPREPLY=($(compgen -f -- "$cur"))
		return
		;;
	-m | --message | --at | --leader | --name | --email | --slot | --debounce)
		return
		;;
	esac
	if [[ $cur == -* ]]; then
		[[ $cmd == person && $sub != add ]] && return
		[[ $cmd == hook && $sub != install ]] && return
		COMPREPLY=($(compgen -W "$(_notes_options "$cmd")" -- "$cur"))
		return
	fi
	case $cmd in
	'') COMPREPLY=($(compgen -W "$_notes_commands" -- "$cur")) ;;
	help) ((n == 0)) && COMPREPLY=($(compgen -W "$_notes_commands" -- "$cur")) ;;
	person) ((n == 0)) && COMPREPLY=($(compgen -W "add list" -- "$cur")) ;;
	hook) ((n == 0)) && COMPREPLY=($(compgen -W "install uninstall" -- "$cur")) ;;
	new | review | report | status | calendar) ((n == 0)) && _notes_column people "$cur" ;;
	check | commit)
		_notes_column people "$cur"
		COMPREPLY+=($(compgen -f -X '!*.md' -- "$cur") $(compgen -d -- "$cur"))
		;;
	parse) COMPREPLY=($(compgen -f -X '!*.md' -- "$cur") $(compgen -d -- "$cur")) ;;
	done) ((n == 0)) && _notes_items "$cur" ;;
	esac
}

complete -F _notes notes
