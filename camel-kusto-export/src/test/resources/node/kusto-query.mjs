// Runs one query or management command with Microsoft's npm client (azure-kusto-data) and prints its primary
// result as JSON: {"columns": [{"name", "type"}], "rows": [...the values the client parsed...]}, or
// {"error": message, "status": HTTP status, "body": the response body} with exit code 1.
// usage: node kusto-query.mjs <node_modules folder> <cluster uri> <database> <text> [bearer token]
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const [modules, cluster, database, text, token] = process.argv.slice(2);
const kusto = await import(pathToFileURL(path.join(modules, 'azure-kusto-data', 'dist-esm', 'src', 'index.js')));
const builder = token
  ? kusto.KustoConnectionStringBuilder.withAccessToken(cluster, token)
  : new kusto.KustoConnectionStringBuilder(cluster);
const client = new kusto.Client(builder);
try {
  const response = await client.execute(database, text);
  const table = response.primaryResults[0];
  const rows = [];
  for (const row of table.rows()) {
    rows.push(table.columns.map((column) => {
      const value = row[column.name];
      return value instanceof Date ? value.toISOString() : value;
    }));
  }
  console.log(JSON.stringify({ columns: table.columns.map((c) => ({ name: c.name, type: c.type })), rows }));
} catch (e) {
  // an HTTP failure is an axios error: the server's OneApiErrors body is its response data
  console.log(JSON.stringify({ error: String(e && e.message ? e.message : e), status: e?.response?.status,
    body: e?.response?.data }));
  process.exitCode = 1;
} finally {
  client.close();
}
