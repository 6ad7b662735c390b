import { LinePacker } from './line-packer';

describe('LinePacker', () => {
  it('hands out every byte of every line, in order, in chunks no larger than asked for', () => {
    const packer = new LinePacker(64);
    const lines = Array.from({ length: 50 }, (_, index) => `ligne ${index} – été à Sète|12,50\r\n`);
    const chunks: Buffer[] = [];
    for (const line of lines) {
      const full = packer.add(line);
      if (full) chunks.push(full);
    }
    const rest = packer.take();
    if (rest) chunks.push(rest);
    expect(chunks.length).toBeGreaterThan(10);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(64);
    expect(Buffer.concat(chunks).toString('utf8')).toBe(lines.join(''));
  });

  it('gives a line longer than the chunk size a chunk of its own, whole', () => {
    const packer = new LinePacker(16);
    expect(packer.add('short\r\n')).toBeUndefined();
    const long = `${'é'.repeat(40)}\r\n`;
    expect(packer.add(long)?.toString()).toBe('short\r\n');
    expect(packer.take()?.toString()).toBe(long);
    expect(packer.take()).toBeUndefined();
    expect(packer.add('next\r\n')).toBeUndefined();
    expect(packer.take()?.toString()).toBe('next\r\n');
  });

  it('keeps no chunk it handed out: the next lines never overwrite one', () => {
    const packer = new LinePacker(8);
    packer.add('aaaaaa');
    const first = packer.add('bbbbbb');
    packer.add('cccccc');
    expect(first?.toString()).toBe('aaaaaa');
  });
});
