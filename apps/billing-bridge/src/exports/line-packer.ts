/**
 * Packs text lines into UTF-8 buffers of about `chunkBytes`, for streamed exports. Each line is copied out as soon as
 * it is made, so nothing keeps it: the socket gets bytes it writes as they are, instead of a batch joined into one
 * string (a rope of a few thousand pieces, flattened and encoded again on its way out).
 */
export class LinePacker {
  private buffer: Buffer;
  private used = 0;

  constructor(private readonly chunkBytes = 64 * 1024) {
    this.buffer = Buffer.allocUnsafe(chunkBytes);
  }

  /** Adds a line; answers the chunk filled so far when the line did not fit after it (send it first). */
  add(line: string): Buffer | undefined {
    // A UTF-16 code unit never takes more than 3 bytes in UTF-8.
    const room = line.length * 3;
    const full = this.buffer.length - this.used < room ? this.take(room) : undefined;
    this.used += this.buffer.write(line, this.used);
    return full;
  }

  /** The chunk filled so far (undefined when empty); later lines go to a new one of at least `room` bytes. */
  take(room = 0): Buffer | undefined {
    const full = this.used > 0 ? this.buffer.subarray(0, this.used) : undefined;
    if (full || this.buffer.length < room) this.buffer = Buffer.allocUnsafe(Math.max(this.chunkBytes, room));
    this.used = 0;
    return full;
  }
}
