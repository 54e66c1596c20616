// Language server entry point (filled in by the language-server work).
process.stdout.write('');
