import { get, type ClientRequest, type IncomingMessage } from 'node:http';

/** A browser's EventSource, reduced to what the tests look at: the status, every data line, comments, the end. */
export class SseClient {
  readonly data: unknown[] = [];
  readonly comments: string[] = [];
  status = 0;
  contentType = '';
  ended = false;
  private request?: ClientRequest;
  private buffer = '';

  static open(url: string, cookie: string): Promise<SseClient> {
    const client = new SseClient();
    return new Promise((resolve, reject) => {
      client.request = get(url, { headers: { cookie, accept: 'text/event-stream' } }, (response: IncomingMessage) => {
        client.status = response.statusCode ?? 0;
        client.contentType = String(response.headers['content-type'] ?? '');
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => client.take(chunk));
        response.on('end', () => (client.ended = true));
        response.on('close', () => (client.ended = true));
        resolve(client);
      });
      client.request.on('error', reject);
    });
  }

  close(): void {
    this.request?.destroy();
  }

  private take(chunk: string): void {
    this.buffer += chunk;
    let end = this.buffer.indexOf('\n\n');
    while (end >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      for (const line of block.split('\n')) {
        if (line.startsWith('data: ')) this.data.push(JSON.parse(line.slice(6)));
        else if (line.startsWith(':')) this.comments.push(line.slice(1).trim());
      }
      end = this.buffer.indexOf('\n\n');
    }
  }
}
