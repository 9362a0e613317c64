// PLACEHOLDER CLI — replaced in issue 3/4.
const usage = `Usage: crime-annotator <command> [options] <files or folders...>

Commands:
  check        Annotate documents: figures, organisations, legal terms
  crosscheck   Report conflicts between sources and failed arithmetic checks

Options:
  --format <text|json|csv>   Output format (default: text)
  -h, --help                 Show this help`;
console.log(usage);
