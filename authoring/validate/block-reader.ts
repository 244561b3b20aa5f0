// A yauzl RandomAccessReader over an open file that reads ahead in 1 MiB blocks. yauzl reads the
// central directory in two small reads per entry; through its own file reader each is a stream and
// a trip to the thread pool, which made listing a 50,000-entry zip take seconds. Here a block serves
// thousands of entries. Memory stays bounded: one block is kept, large reads bypass it.
import { close, createReadStream, read } from "node:fs";
import type { Readable } from "node:stream";
import yauzl from "yauzl";

const BLOCK_BYTES = 1024 * 1024;

export class BlockReader extends yauzl.RandomAccessReader {
  private block: Buffer = Buffer.alloc(0);
  private blockStart = 0;

  constructor(private readonly fd: number) {
    super();
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (error: Error | null) => void): void {
    const copyFromBlock = (): void => {
      this.block.copy(buffer, offset, position - this.blockStart, position - this.blockStart + length);
      setImmediate(callback, null); // asynchronous like a real read: no recursion across 50,000 entries
    };
    if (position >= this.blockStart && position + length <= this.blockStart + this.block.length) return copyFromBlock();
    if (length > BLOCK_BYTES) return void super.read(buffer, offset, length, position, callback);
    const block = Buffer.allocUnsafe(BLOCK_BYTES);
    read(this.fd, block, 0, BLOCK_BYTES, position, (error, bytesRead) => {
      if (error) return callback(error);
      this.block = block.subarray(0, bytesRead);
      this.blockStart = position;
      if (bytesRead < length) return callback(new Error("unexpected end of file"));
      copyFromBlock();
    });
  }

  override _readStreamForRange(start: number, end: number): Readable {
    return createReadStream("", { fd: this.fd, start, end: end - 1, autoClose: false });
  }

  override close(callback: (error: Error | null) => void): void {
    close(this.fd, (error) => callback(error ?? null));
  }
}
