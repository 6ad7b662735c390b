const STYLE = 'font-family:sans-serif;max-width:36rem;margin:3rem auto;line-height:1.5';

function escapeAttribute(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The confirmation form: link scanners and previews fetch a GET link, so only the guest's POST changes anything.
 */
export function optOutFormPage(token: string): string {
  const action = `/v1/mail/opt-out?token=${encodeURIComponent(token)}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>E-mail preferences</title></head>
<body style="${STYLE}">
<h1>E-mail preferences</h1>
<form method="post" action="${escapeAttribute(action)}">
<p><label><input type="radio" name="scope" value="automatic" checked> No more automatic messages
(pre-arrival, welcome, thank-you, event reminders)</label></p>
<p><label><input type="radio" name="scope" value="all"> No e-mail at all from the hotel, not even confirmations
or receipts</label></p>
<p><button type="submit">Confirm</button></p>
</form>
</body></html>
`;
}

export function optOutDonePage(scope: 'automatic' | 'all'): string {
  const what =
    scope === 'all'
      ? 'You will receive no more e-mail from the hotel.'
      : 'You will receive no more automatic messages.';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>E-mail preferences saved</title></head>
<body style="${STYLE}"><h1>Done</h1><p>${what}</p></body></html>
`;
}
