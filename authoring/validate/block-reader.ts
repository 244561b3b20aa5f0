// A yauzl RandomAccessReader over an open file that reads ahead in 1 MiB blocks. yauzl reads the
// central directory in two small reads per entry; through its own file reader each is a stream and
// a trip to the thread pool, which made listing a 50,000-entry zip take seconds. Here a block serves
// thousands of entries. Memory stays bounded: one block is kept, large reads bypass it.
// The file is closed once, by close(), when yauzl lets go of it: the streams of entry data never
// close it (an fs.ReadStream on the fd would, when destroyed — a double close of a reused fd).
import { close, read } from "node:fs";
import { Readable } from "node:stream";
import yauzl from "yauzl";

const BLOCK_BYTES = 1024 * 1024;

export class BlockReader extends yauzl.RandomAccessReader {
  // yauzl's reference count (not in @types/yauzl): the last unref() calls close().
  declare ref: () => void;
  declare unref: () => void;
  private block: Buffer = Buffer.alloc(0);
  private blockStart = 0;

  constructor(private readonly fd: number) {
    super();
  }

  override read(buffer: Buffer, offset: number, length: number, position: number, callback: (error: Error | null, bytesRead?: number) => void): void {
    const copyFromBlock = (): void => {
      this.block.copy(buffer, offset, position - this.blockStart, position - this.blockStart + length);
      setImmediate(callback, null, length); // asynchronous like a real read: no recursion across 50,000 entries
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

  /** Bytes [start, end) of the file, read as the consumer asks for them; destroying it leaves the file open. */
  override _readStreamForRange(start: number, end: number): Readable {
    const fd = this.fd;
    let position = start;
    return new Readable({
      read(size) {
        const length = Math.min(size, end - position);
        if (length <= 0) return void this.push(null);
        const chunk = Buffer.allocUnsafe(length);
        read(fd, chunk, 0, length, position, (error, bytesRead) => {
          if (error) return void this.destroy(error);
          if (bytesRead === 0) return void this.destroy(new Error("unexpected end of file"));
          position += bytesRead;
          this.push(chunk.subarray(0, bytesRead));
        });
      },
    });
  }

  override close(callback: (error: Error | null) => void): void {
    close(this.fd, (error) => callback(error ?? null));
  }
}
