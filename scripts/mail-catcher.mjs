// A local mail catcher for development: an SMTP server (smtp-server) that accepts every message, keeps it in memory
// (parsed with mailparser) and shows it on a small web page, so nothing ever reaches a real inbox.
//   node scripts/mail-catcher.mjs        SMTP on 127.0.0.1:1025, web page on http://127.0.0.1:1080
// MAIL_CATCHER_SMTP_PORT, MAIL_CATCHER_HTTP_PORT and MAIL_CATCHER_HOST change where it listens.
import { createServer } from 'node:http';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const KEEP = 500;

const escape = (text) =>
  String(text ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c],
  );

/** Starts the catcher; resolves with its addresses and a `stop()`. */
export async function startMailCatcher({
  host = '127.0.0.1',
  smtpPort = 1025,
  httpPort = 1080,
  log = (line) => console.log(line),
} = {}) {
  const messages = [];
  let next = 1;

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    banner: 'frontoffice mail catcher',
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          const id = next++;
          messages.unshift({
            id,
            receivedAt: new Date().toISOString(),
            envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            envelopeTo: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            mail,
          });
          messages.length = Math.min(messages.length, KEEP);
          log(
            `mail #${id} to ${session.envelope.rcptTo.map((rcpt) => rcpt.address).join(', ')}: ${mail.subject ?? ''}`,
          );
          callback(null, `Message queued as catcher-${id}`);
        })
        .catch((error) => callback(error));
    },
  });

  const page = (title, body) =>
    `<!doctype html><html><head><meta charset="utf-8"><title>${escape(title)}</title>` +
    `<style>body{font-family:sans-serif;margin:2rem}td,th{padding:.3rem .8rem;text-align:left;border-bottom:1px solid #ddd}` +
    `pre{white-space:pre-wrap;background:#f6f6f6;padding:1rem}iframe{width:100%;height:32rem;border:1px solid #ccc}</style>` +
    `</head><body>${body}</body></html>`;

  const http = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${host}`);
    const send = (status, type, text) => {
      response.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'cache-control': 'no-store' });
      response.end(text);
    };
    if (url.pathname === '/messages.json') {
      return send(
        200,
        'application/json',
        JSON.stringify(
          messages.map(({ id, receivedAt, envelopeTo, mail }) => ({
            id,
            receivedAt,
            to: envelopeTo,
            from: mail.from?.text ?? '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
          })),
        ),
      );
    }
    const match = /^\/messages\/(\d+)(\/html)?$/.exec(url.pathname);
    if (match) {
      const message = messages.find((candidate) => candidate.id === Number(match[1]));
      if (!message) return send(404, 'text/plain', 'no such message (the catcher keeps the last 500, in memory)');
      if (match[2]) return send(200, 'text/html', message.mail.html || '<p>(no HTML part)</p>');
      const { mail } = message;
      return send(
        200,
        'text/html',
        page(
          mail.subject ?? '',
          `<p><a href="/">← all messages</a></p><h1>${escape(mail.subject)}</h1><table>` +
            `<tr><th>From</th><td>${escape(mail.from?.text)}</td></tr>` +
            `<tr><th>To</th><td>${escape(mail.to?.text ?? message.envelopeTo.join(', '))}</td></tr>` +
            `<tr><th>Reply-To</th><td>${escape(mail.replyTo?.text)}</td></tr>` +
            `<tr><th>Date</th><td>${escape(message.receivedAt)}</td></tr>` +
            `<tr><th>Message-ID</th><td>${escape(mail.messageId)}</td></tr></table>` +
            `<h2>HTML</h2><iframe sandbox src="/messages/${message.id}/html"></iframe>` +
            `<h2>Text</h2><pre>${escape(mail.text)}</pre>`,
        ),
      );
    }
    if (url.pathname !== '/') return send(404, 'text/plain', 'not found');
    const rows = messages
      .map(
        (message) =>
          `<tr><td>${message.id}</td><td>${escape(message.receivedAt)}</td><td>${escape(message.mail.from?.text)}</td>` +
          `<td>${escape(message.envelopeTo.join(', '))}</td>` +
          `<td><a href="/messages/${message.id}">${escape(message.mail.subject || '(no subject)')}</a></td></tr>`,
      )
      .join('');
    return send(
      200,
      'text/html',
      page(
        'Mail catcher',
        `<h1>Mail catcher</h1><p>${messages.length} message(s) received on SMTP ${escape(host)}:${smtpPort}. ` +
          `Reload to see new ones.</p><table><tr><th>#</th><th>received</th><th>from</th><th>to</th><th>subject</th></tr>` +
          `${rows || '<tr><td colspan="5">nothing yet</td></tr>'}</table>`,
      ),
    );
  });

  await new Promise((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(smtpPort, host, resolve);
  });
  await new Promise((resolve, reject) => {
    http.once('error', reject);
    http.listen(httpPort, host, resolve);
  });
  return {
    smtp: `${host}:${smtpPort}`,
    url: `http://${host}:${httpPort}`,
    messages,
    stop: () =>
      Promise.all([new Promise((resolve) => smtp.close(resolve)), new Promise((resolve) => http.close(resolve))]),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const catcher = await startMailCatcher({
    host: process.env.MAIL_CATCHER_HOST ?? '127.0.0.1',
    smtpPort: Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 1025),
    httpPort: Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 1080),
  });
  console.log(`mail catcher: SMTP ${catcher.smtp}, messages on ${catcher.url}`);
}
