// Every operation of docs/api/openapi.json answered some test with a success that OpenApiContract held to the
// document (it lists them in target/openapi/exercised.txt as the test JVM exits): an operation no test
// completes is one whose answers nobody checks.
const fs = require("fs");
const api = JSON.parse(fs.readFileSync("docs/api/openapi.json", "utf8"));
const operations = Object.values(api.paths)
  .flatMap((item) => Object.values(item).map((operation) => operation.operationId))
  .filter(Boolean);
const held = new Set(fs.readFileSync("target/openapi/exercised.txt", "utf8").split("\n").filter(Boolean));
const missing = operations.filter((id) => !held.has(id));
console.log(`${operations.length - missing.length} of ${operations.length} operations held to the document by a test`);
if (missing.length > 0) {
  console.error("never completed by a test: " + missing.join(", "));
  process.exit(1);
}
