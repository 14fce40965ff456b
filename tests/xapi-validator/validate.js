// Reads a JSON array of xAPI statements on standard input and validates each with Learning
// Locker's conformance-tested validator. Prints one line per problem ("statement N: ...")
// and exits 1 if there is any, 0 if every statement is valid, 2 if the input is no array.
'use strict';
const validate = require('@learninglocker/xapi-validation').default;

let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  let statements;
  try {
    statements = JSON.parse(input);
  } catch (e) {
    console.log(`not JSON: ${e.message}`);
    process.exit(2);
  }
  if (!Array.isArray(statements)) {
    console.log('not an array of statements');
    process.exit(2);
  }
  let problems = 0;
  statements.forEach((statement, i) => {
    for (const warning of validate(statement)) {
      problems += 1;
      const at = (warning.path || []).join('.');
      console.log(`statement ${i}: ${at}: not a valid ${warning.typeName || warning.name}: ${JSON.stringify(warning.data)}`);
    }
  });
  console.log(`${statements.length} statements, ${problems} problems`);
  process.exit(problems > 0 ? 1 : 0);
});
