// Help texts: every command and flag, the formats and the exit codes.
import { TOOL } from '../engine/reports/tool';

export const EXIT_CODES = `Exit codes:
  0  no errors (warnings, infos and hints allowed)
  1  errors found; with --strict also requirements failing the coverage policy
  2  could not run: bad usage (unknown flag, bad value, too many arguments),
     a folder that does not exist or cannot be read, an unwritable --out file,
     a spectrace.yaml with errors (they are printed)`;

export const MAIN_HELP = `${TOOL.name} ${TOOL.version}: product specs as YAML, traced to roadmap, code and tests.

Usage:
  spectrace check [folder] [options]    validate specs, code tags and the coverage policy
  spectrace report [folder] [options]   write the traceability matrix
  spectrace export reqif [folder]       write the specs as ReqIF (for DOORS, Polarion ...)
  spectrace import csv|reqif <file>     read requirements from a Jira/spreadsheet CSV or ReqIF file
  spectrace <command> --help            options of one command

Options:
  -h, --help       show this help
  -v, --version    print the version

The folder defaults to the current directory; spectrace.yaml at its root configures the check.

${EXIT_CODES}
`;

export const CHECK_HELP = `Usage: spectrace check [folder] [options]

Checks every spec file (YAML under the \`specs\` globs), spectrace.yaml, and the @implements/@verifies
tags in the code, and prints one line per problem:
  path:line:col severity code message
sorted by file and position, then a summary line.

Options:
  -f, --format <text|json|sarif|junit>
                   output format (default: text)
                     text   one line per diagnostic and a summary
                     json   {version, folder, summary, diagnostics}
                     sarif  SARIF 2.1.0 (GitHub code scanning and other CI viewers)
                     junit  JUnit XML: a test case per requirement under the coverage policy,
                            and one per checked file
      --strict     also fail (exit 1) when a requirement does not meet the coverage policy,
                   whatever the severity of uncovered-requirement
  -o, --out <file> write the output to this file instead of standard output
                   (the summary line is still printed)
      --today <YYYY-MM-DD>
                   judge roadmap due dates as of this day (default: today)
  -q, --quiet      text format: print errors only, and nothing when there are none
      --no-color   no colours in text output (the default when NO_COLOR is set, when the output
                   is not a terminal, and with --out)
      --color      colours in text output even when it is not a terminal
      --verbose    list skipped files (binary, too large, unreadable ...) on standard error
  -h, --help       show this help

${EXIT_CODES}
`;

export const REPORT_HELP = `Usage: spectrace report [folder] [options]

Writes the traceability matrix: each requirement with its ID, title, priority, status, roadmap item,
implementations (file:line of @implements tags), tests (@verifies tags) and coverage state; each
roadmap item with its progress (done/total), due date and whether it is overdue; and totals.

Options:
  -f, --format <md|html|csv|json>
                   output format (default: md)
                     md    Markdown tables (GitHub-flavoured)
                     html  one self-contained page (inline styles, no scripts), printable
                     csv   one row per requirement (RFC 4180), for spreadsheets
                     json  the full report model
  -o, --out <file> write the report to this file instead of standard output
      --today <YYYY-MM-DD>
                   judge roadmap due dates as of this day, and date the report (default: today)
      --verbose    list skipped files on standard error
  -h, --help       show this help

The report is written even when the specs have errors; run \`spectrace check\` to gate a build.

Exit codes:
  0  report written
  2  could not run: bad usage, a folder that does not exist or cannot be read, an unwritable --out file,
     a spectrace.yaml with errors (they are printed)
`;

export const EXPORT_HELP = `Usage: spectrace export reqif [folder] [options]

Writes the workspace's requirements and roadmap items as ReqIF 1.0 (valid against the OMG schema),
for DOORS, Polarion, codebeamer, Enterprise Architect, ReqIF Studio and other tools: one
SPECIFICATION per product (and per spec file without a product), one SPEC-OBJECT per item, the
parent hierarchy, and relations for depends_on and roadmap links. The same specs give the same bytes.
See docs/interchange.md for the mapping.

Options:
  -o, --out <file> write the ReqIF file here (default: standard output)
      --with-code  also export the @implements / @verifies locations as objects and relations
      --date <YYYY-MM-DD | YYYY-MM-DDThh:mm:ssZ>
                   LAST-CHANGE of every element (default: each spec file's last commit date,
                   or its modification time outside git)
      --verbose    list skipped files on standard error
  -h, --help       show this help

Exit codes:
  0  exported
  2  could not run: bad usage, a folder that does not exist or cannot be read, an unwritable --out
     file, a spectrace.yaml with errors (they are printed)
`;

export const IMPORT_HELP = `Usage: spectrace import csv <file.csv> [options]
       spectrace import reqif <file.reqif> [options]

Reads requirements from a Jira (or any spreadsheet) CSV export or a ReqIF file and writes them to a
spec file. An existing spec file is updated: requirements with the same ID are updated, new ones
appended, none deleted, comments kept; every change is listed. Prints the mapping it used, its
guesses and everything it could not carry over. See docs/interchange.md.

Options:
  -o, --out <file> the spec file to write or update (default: specs/<file name>.yaml)
      --map <mapping.yaml>
                   how columns / attributes, values, releases, relation and object types map
      --prefix <PREFIX>
                   new IDs PREFIX-1, PREFIX-2 ... (CSV: for every row; ReqIF: for objects whose
                   ID is not a Spectrace ID; default REQ)
      --dry-run    print the YAML that would be written (standard output) and the report
                   (standard error); write nothing
  -h, --help       show this help

CSV files may be comma-, semicolon- or tab-separated, UTF-8 (with or without a BOM) or UTF-16
(Excel's "Unicode text"). Files over 100 MiB are refused.

Exit codes:
  0  imported (warnings allowed)
  2  could not run: bad usage, an unreadable, empty, unsafe, incomplete or unusable input file, a
     mapping file with mistakes, an unwritable --out file
`;
