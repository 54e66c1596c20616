// Help texts: every command and flag, the formats and the exit codes.
import { TOOL } from '../engine/reports/tool';

export const EXIT_CODES = `Exit codes:
  0  no errors (warnings, infos and hints allowed)
  1  errors found; with --strict also requirements failing the coverage policy,
     suspect links and unrecorded changes (change review)
  2  could not run: bad usage (unknown flag, bad value, too many arguments),
     a folder that does not exist or cannot be read, an unwritable --out file,
     a spectrace.yaml with errors (they are printed)`;

export const MAIN_HELP = `${TOOL.name} ${TOOL.version}: product specs as YAML, traced to roadmap, code and tests.

Usage:
  spectrace check [folder] [options]    validate specs, code tags and the coverage policy
  spectrace report [folder] [options]   write the traceability matrix
  spectrace merge <trace files…>        one report from several repositories' trace files
  spectrace export reqif [folder]       write the specs as ReqIF (for DOORS, Polarion ...)
  spectrace import csv|reqif <file>     read requirements from a Jira/spreadsheet CSV or ReqIF file
  spectrace baseline [folder]           change review: fingerprint requirements that have none
  spectrace bump <ID...> [--editorial]  change review: bump revisions (or record an editorial change)
  spectrace review <ID...> [--path <glob>]
                                        change review: mark a requirement's suspect links reviewed
  spectrace suspects [folder] [--format text|md|json]
                                        change review: every suspect link with its word diff
  spectrace release-notes <roadmap-id> [folder] [--format md|html|json]
                                        release notes: a roadmap item's finished requirements
  spectrace burnup <roadmap-id> [folder] [--format csv|json]
                                        a roadmap item's burn-up series from the git history
  spectrace <command> --help            options of one command

Options:
  -h, --help       show this help
  -v, --version    print the version

The folder defaults to the current directory (or give --folder <path> to any command); spectrace.yaml
at its root configures the check. Change review is on when spectrace.yaml has a \`review:\` key.

${EXIT_CODES}
`;

export const CHECK_HELP = `Usage: spectrace check [folder] [options]

Checks every spec file (YAML under the \`specs\` globs), spectrace.yaml, and the @implements/@verifies
tags in the code, and prints one line per problem:
  path:line:col severity code message
sorted by file and position, then a summary line.

Options:
  -f, --format <text|json|sarif|junit|trace>
                   output format (default: text)
                     text   one line per diagnostic and a summary
                     json   {version, folder, summary, diagnostics}
                     sarif  SARIF 2.1.0 (GitHub code scanning and other CI viewers)
                     junit  JUnit XML: a test case per requirement under the coverage policy,
                            and one per checked file
                     trace  a trace file for 'spectrace merge': the repository's name and
                            commit, requirements, tags and diagnostics (format 1)
      --source-name <name>
                   with --format trace: the repository's name (default: the git work
                   tree's folder name, else the checked folder's)
      --strict     also fail (exit 1) when a requirement does not meet the coverage policy,
                   whatever the severity of uncovered-requirement, and (change review) on any
                   suspect-link or unrecorded-change
      --folder <path>
                   the workspace folder (instead of the positional argument)
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

const REVIEW_NOTE = `Change review must be on (\`review:\` in spectrace.yaml). Files are edited in place: only the
edited value or suffix changes; comments, blank lines, quotes and key order stay. A spec file with
YAML errors is not edited (the command names it and exits 1).`;

const REVIEW_EXIT_CODES = `Exit codes:
  0  done
  1  a file could not be edited (YAML errors, a flow-mapping requirement)
  2  bad usage, an unknown requirement ID, an unreadable folder, or change review is off`;

export const BASELINE_HELP = `Usage: spectrace baseline [folder] [--folder <path>]

Writes a fingerprint (and \`rev: 1\` when there is no rev) for every requirement under review that
has none, so that later changes to its review fields are noticed.

${REVIEW_NOTE}

${REVIEW_EXIT_CODES}
`;

export const BUMP_HELP = `Usage: spectrace bump <ID...> [--editorial] [--folder <path>]

Records a change of the requirements' review fields: a substantive change bumps \`rev\` to the next
revision and refreshes the fingerprint (links reviewed against the old revision become suspect);
with --editorial only the fingerprint is refreshed and the revision stays.

${REVIEW_NOTE}

${REVIEW_EXIT_CODES}
`;

export const REVIEW_HELP = `Usage: spectrace review <ID...> [--path <glob>]... [--folder <path>]

Marks the suspect links of the requirements reviewed: rewrites each link's @rev suffix in code,
tests and specs to the requirement's current revision. --path limits it to files matching a glob
(relative to the folder; repeatable).

${REVIEW_NOTE}

${REVIEW_EXIT_CODES}
`;

export const SUSPECTS_HELP = `Usage: spectrace suspects [folder] [--format text|md|json] [--folder <path>]

Lists every suspect link (a link reviewed against an older revision of its requirement) with the
word diff of the requirement's review fields between that revision and now, read from git history.
md is ready to paste into a pull-request comment. Without git, in a shallow clone or when the history
does not have the older revision, each entry says why there is no diff.

Exit codes:
  0  listed (also when there are none)
  2  bad usage, an unreadable folder, or change review is off
`;

export const RELEASE_NOTES_HELP = `Usage: spectrace release-notes <roadmap-id> [folder] [options]

Writes the release notes of a roadmap item: its finished requirements (implemented, verified or
released), its own and those of the items below it through \`parent\`, grouped by type (epics,
features, stories, quality, constraints), each with its title and its \`release_note:\` sentence;
the unfinished ones are listed apart under "Not in this release". Rejected and deprecated
requirements are left out.

Options:
  -f, --format <md|html|json>
                   output format (default: md)
      --folder <path>
                   the workspace folder (instead of the positional argument)
  -o, --out <file> write the notes to this file instead of standard output

Exit codes:
  0  written
  2  bad usage, an unreadable folder, a spectrace.yaml with errors, or no roadmap item with that ID
`;

export const BURNUP_HELP = `Usage: spectrace burnup <roadmap-id> [folder] [--format csv|json] [--out file] [--folder <path>]

Prints the burn-up of a roadmap item, read from the git history of the spec files: one row per day
with a commit touching them (the day's last commit, on the first-parent history of the current
branch), with the scope (requirements planned for the item or for any item below it through
\`parent\`), the done count (implemented, verified or released), and the IDs that entered or left the
scope since the previous row. The same numbers the release view draws.

Formats:
  csv   date,commit,scope,done,entered,left,notes (IDs space-separated; the default)
  json  {"item": ..., "points": [{"date", "commit", "scope", "done", "entered", "left", "notes"}]}

Exit codes:
  0  printed
  2  bad usage, an unreadable folder, an unknown roadmap item, or no git history to read (not a
     repository, a shallow clone, git not installed): the message says why
`;

/** The help text per topic. */
export const MERGE_HELP = `Usage: spectrace merge <a.trace.json> <b.trace.json>… [options]

Merges the trace files that 'spectrace check --format trace' wrote in several repositories into one
trace: tags resolve against requirements of any repository, the coverage policy is evaluated on the
whole (a requirement implemented in one repository and verified in another is covered), and every
path starts with the name of the repository it is in.

Options:
  -f, --format <md|html|csv|json|sarif|junit>
                   output format (default: md); md, html, csv and json are the traceability
                   matrix of 'spectrace report', sarif and junit the diagnostics and policy of
                   'spectrace check'
  -o, --out <file> write the output to this file instead of standard output
      --strict     also fail (exit 1) when a requirement does not meet the coverage policy
      --today <YYYY-MM-DD>
                   judge roadmap due dates as of this day (default: today)
  -h, --help       show this help

Exit codes:
  0  no errors in the merged trace
  1  errors found (an unknown ID in any repository is one when its rule says error);
     with --strict also requirements failing the coverage policy
  2  could not run: bad usage, a trace file that cannot be read, is not a trace file, or was
     written in a newer format
`;

export const HELP: Record<'main' | 'check' | 'report' | 'merge' | 'export' | 'import' | 'baseline' | 'bump' | 'review' | 'suspects' | 'release-notes' | 'burnup', string> = {
  main: MAIN_HELP,
  check: CHECK_HELP,
  report: REPORT_HELP,
  merge: MERGE_HELP,
  export: EXPORT_HELP,
  import: IMPORT_HELP,
  baseline: BASELINE_HELP,
  bump: BUMP_HELP,
  review: REVIEW_HELP,
  suspects: SUSPECTS_HELP,
  'release-notes': RELEASE_NOTES_HELP,
  burnup: BURNUP_HELP,
};
