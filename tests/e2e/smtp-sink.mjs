#!/usr/bin/env node
// smtp-sink.mjs - a real SMTP server (npm smtp-server, installed in
// tests/browser/node_modules by `make deps-test`) for the mail tests:
//
//   node tests/e2e/smtp-sink.mjs PORT DIR [USER PASSWORD]
//
// Listens on 127.0.0.1:PORT (0: a free port) without TLS (STARTTLS is not
// offered), and writes each message it accepts, exactly as received, to
// DIR/1.eml, DIR/2.eml, ... (going on from the highest number already
// there) with its envelope in DIR/N.env ("from ADDR",
// then "to ADDR" lines). With USER and PASSWORD, AUTH (PLAIN or LOGIN) is
// required and only that pair is accepted. Prints
// "smtp-sink: listening on 127.0.0.1:PORT" once ready; stops on SIGTERM.

import { createRequire } from 'node:module';
import { writeFileSync, renameSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(HERE, '..', 'browser', 'package.json'));
const { SMTPServer } = require('smtp-server');

const [port, dir, user, password] = process.argv.slice(2);
if (!port || !dir || (user !== undefined && password === undefined)) {
  console.error('usage: node smtp-sink.mjs PORT DIR [USER PASSWORD]');
  process.exit(2);
}

// numbering goes on from the messages already in DIR (a restarted sink
// never overwrites one)
let count = Math.max(0, ...readdirSync(dir)
  .map((f) => /^([0-9]+)\.eml$/.exec(f)).filter(Boolean).map((m) => Number(m[1])));
const server = new SMTPServer({
  secure: false,
  disabledCommands: ['STARTTLS'],
  allowInsecureAuth: true,
  authMethods: ['PLAIN', 'LOGIN'],
  authOptional: user === undefined,
  logger: false,
  size: 10 * 1024 * 1024,
  onAuth(auth, session, callback) {
    if (auth.username === user && auth.password === password) {
      callback(null, { user: auth.username });
    } else {
      callback(new Error('Invalid username or password'));
    }
  },
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', () => {
      const n = ++count;
      const env = [`from ${session.envelope.mailFrom.address}`]
        .concat(session.envelope.rcptTo.map((r) => `to ${r.address}`));
      writeFileSync(path.join(dir, `${n}.env`), env.join('\n') + '\n');
      // written under a temporary name, then renamed: a reader never
      // sees half a message
      const tmp = path.join(dir, `.${n}.eml`);
      writeFileSync(tmp, Buffer.concat(chunks));
      renameSync(tmp, path.join(dir, `${n}.eml`));
      console.log(`smtp-sink: message ${n} from ${session.envelope.mailFrom.address}`);
      callback();
    });
  },
});
server.on('error', (e) => console.error(`smtp-sink: ${e.message}`));
server.listen(Number(port), '127.0.0.1', () => {
  console.log(`smtp-sink: listening on 127.0.0.1:${server.server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
process.on('SIGINT', () => server.close(() => process.exit(0)));
