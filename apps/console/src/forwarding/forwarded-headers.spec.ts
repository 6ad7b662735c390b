import { downstreamResponseHeaders, upstreamRequestHeaders } from './forwarded-headers';

describe('forwarded headers', () => {
  it('drops hop-by-hop headers, those named in Connection, cookies and the browser credentials; adds the bearer', () => {
    const headers = upstreamRequestHeaders(
      {
        host: 'console.example',
        connection: 'keep-alive, x-private-hop',
        'x-private-hop': '1',
        'keep-alive': 'timeout=5',
        'transfer-encoding': 'chunked',
        cookie: 'fo_session=abc',
        authorization: 'Bearer forged',
        'x-csrf-token': 'tok',
        origin: 'https://console.example',
        accept: 'text/csv',
        'content-type': 'application/json',
        'idempotency-key': 'k-1',
      },
      'access-1',
    );
    expect(headers).toEqual({
      accept: 'text/csv',
      'content-type': 'application/json',
      'idempotency-key': 'k-1',
      authorization: 'Bearer access-1',
    });
  });

  it('passes the answer headers through except hop-by-hop ones and cookies', () => {
    expect(
      downstreamResponseHeaders({
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': 'attachment; filename="fec.txt"',
        'set-cookie': ['a=b'],
        connection: 'close',
        'transfer-encoding': 'chunked',
        'idempotent-replayed': 'true',
      }),
    ).toEqual({
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': 'attachment; filename="fec.txt"',
      'idempotent-replayed': 'true',
    });
  });
});
