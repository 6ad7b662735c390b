import { Client } from 'pg';
import { parentPort, workerData } from 'node:worker_threads';
import { cursorBatches } from './cursor-stream';
import { EXPORTS } from './export-lines';
import type { ExportJob, ExportMessage } from './export-runner';
import { LinePacker } from './line-packer';

/**
 * One export, in a worker thread of its own (see export-runner.ts): reads the cursor on its own connection, formats
 * the lines and posts them to the service in 64 kB buffers, one each time the service asks for more.
 */
async function run(job: ExportJob): Promise<void> {
  const port = parentPort!;
  let credit = 0;
  let wake: (() => void) | undefined;
  port.on('message', () => {
    credit += 1;
    wake?.();
  });
  const send = async (chunk: Buffer) => {
    while (credit === 0) await new Promise<void>((resolve) => (wake = resolve));
    credit -= 1;
    // The chunk's memory moves to the service: no copy, and the packer never writes to it again.
    const memory = chunk.buffer as ArrayBuffer;
    const message: ExportMessage = { chunk: memory, offset: chunk.byteOffset, length: chunk.length };
    port.postMessage(message, [memory]);
  };

  const definition = EXPORTS[job.kind];
  const client = new Client({ connectionString: job.databaseUrl, application_name: job.applicationName });
  await client.connect();
  try {
    const packer = new LinePacker();
    packer.add(definition.header);
    for await (const rows of cursorBatches(client, definition.sql, job.parameters)) {
      for (const row of rows) {
        const full = packer.add(definition.line(row));
        if (full) await send(full);
      }
    }
    const rest = packer.take();
    if (rest) await send(rest);
    port.postMessage({ done: true } satisfies ExportMessage);
  } finally {
    await client.end();
  }
}

run(workerData as ExportJob).catch((error: unknown) => {
  // Thrown from here, the error reaches the service as the worker's 'error' event, stack and all.
  setImmediate(() => {
    throw error;
  });
});
