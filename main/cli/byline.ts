/** `byline` command line. Subcommands are registered in main/cli/commands. */
console.log('byline: no commands yet');
