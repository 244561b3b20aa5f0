// A video's display size, read at build time for its <video> (authoring/course/video-size.ts): MP4,
// QuickTime and WebM files made by ffmpeg (test/fixtures/video), headers written here for the cases
// ffmpeg does not make (a version-1 track header, a 64-bit box size, a three-quarter turn), and files
// whose size cannot be read, which get none and no error. The build writes the size into the course.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readVideoSize } from "../../authoring/course/video-size";
import { loadCourse } from "../../authoring/course/load-course";
import { baseCourse, makeCourse, removeCourses } from "./course-fixtures";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "video");
const fixture = (name: string) => join(FIXTURES, name);

let work: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), "passmark-video-size-"));
});
afterAll(async () => {
  await rm(work, { recursive: true, force: true });
});

async function written(name: string, bytes: Uint8Array): Promise<string> {
  const file = join(work, name);
  await writeFile(file, bytes);
  return file;
}

/** An ISO box: 32-bit size (or 1 and a 64-bit size), type, content. */
function box(type: string, content: Uint8Array, large = false): Uint8Array {
  const header = large ? 16 : 8;
  const out = new Uint8Array(header + content.length);
  const view = new DataView(out.buffer);
  if (large) {
    view.setUint32(0, 1);
    view.setBigUint64(8, BigInt(out.length));
  } else view.setUint32(0, out.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(content, header);
  return out;
}

const join8 = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) (out.set(part, at), (at += part.length));
  return out;
};

/** A track header (tkhd) of `version` with the matrix's a, b, c, d (16.16) and a size in pixels. */
function trackHeader(version: 0 | 1, [a, b, c, d]: number[], width: number, height: number): Uint8Array {
  const times = version === 1 ? 32 : 20;
  const out = new Uint8Array(4 + times + 16 + 36 + 8);
  const view = new DataView(out.buffer);
  out[0] = version;
  const matrix = 4 + times + 16;
  [a, b, 0, c, d, 0, 0, 0, 0x4000_0000].forEach((value, i) => view.setInt32(matrix + i * 4, value!));
  view.setUint32(matrix + 36, width * 65_536);
  view.setUint32(matrix + 40, height * 65_536);
  return out;
}

function handler(kind: string): Uint8Array {
  const out = new Uint8Array(24);
  out.set(new TextEncoder().encode(kind), 8);
  return out;
}

const ONE = 0x1_0000;
function movie(tracks: { kind: string; header: Uint8Array }[], large = false): Uint8Array {
  const trak = tracks.map(({ kind, header }) => box("trak", join8(box("tkhd", header), box("mdia", box("hdlr", handler(kind))))));
  return join8(box("ftyp", new TextEncoder().encode("isom\0\0\0\0")), box("mdat", new Uint8Array(64), large), box("moov", join8(...trak)));
}

describe("the size of a video file", () => {
  it("MP4 with its movie box first (faststart) and last, WebM: the picture's size", () => {
    expect(readVideoSize(fixture("clip-320x240.mp4"))).toEqual({ width: 320, height: 240 });
    expect(readVideoSize(fixture("moov-at-end-320x240.mp4"))).toEqual({ width: 320, height: 240 });
    expect(readVideoSize(fixture("clip-320x240.webm"))).toEqual({ width: 320, height: 240 });
  });

  it("the size it is shown at: turned a quarter (QuickTime matrix), and with wide pixels (WebM display size)", () => {
    expect(readVideoSize(fixture("turned-240x320.mov"))).toEqual({ width: 240, height: 320 });
    expect(readVideoSize(fixture("wide-pixels.webm"))).toEqual({ width: 427, height: 240 });
  });

  it("the first video track, past a sound track; a version-1 header; a 64-bit box size; three quarters turned", async () => {
    const sound = { kind: "soun", header: trackHeader(0, [ONE, 0, 0, ONE], 0, 0) };
    const upright = await written("v1.mp4", movie([sound, { kind: "vide", header: trackHeader(1, [ONE, 0, 0, ONE], 640, 360) }], true));
    expect(readVideoSize(upright)).toEqual({ width: 640, height: 360 });
    const turned = await written("270.mp4", movie([{ kind: "vide", header: trackHeader(0, [0, -ONE, ONE, 0], 640, 360) }]));
    expect(readVideoSize(turned)).toEqual({ width: 360, height: 640 });
  });

  it("no size, and no error, for sound only, a file cut short, damaged, empty, not a video, or missing", async () => {
    expect(readVideoSize(fixture("sound-only.mp4"))).toBeNull();
    const whole = await readFile(fixture("moov-at-end-320x240.mp4"));
    expect(readVideoSize(await written("cut.mp4", whole.subarray(0, whole.length - 200)))).toBeNull();
    const webm = await readFile(fixture("clip-320x240.webm"));
    expect(readVideoSize(await written("cut.webm", webm.subarray(0, 40)))).toBeNull();
    const huge = movie([{ kind: "vide", header: trackHeader(0, [ONE, 0, 0, ONE], 100_000, 100) }]);
    expect(readVideoSize(await written("huge.mp4", huge))).toBeNull();
    expect(readVideoSize(await written("empty.mp4", new Uint8Array(0)))).toBeNull();
    expect(readVideoSize(await written("text.mp4", new TextEncoder().encode("not a video at all, just some words")))).toBeNull();
    expect(readVideoSize(join(work, "missing.mp4"))).toBeNull();
  });
});

describe("the build", () => {
  afterAll(removeCourses);

  it("writes a video's size into its media (and none for a sound or a video it cannot read)", async () => {
    const course = baseCourse();
    (course.pages as Record<string, unknown>[])[0]!.media = [
      { kind: "video", src: "assets/clip.webm", captions: "assets/clip.vtt" },
      { kind: "video", src: "assets/turned.mov", captions: "assets/clip.vtt" },
      { kind: "video", src: "assets/broken.mp4", captions: "assets/clip.vtt" },
      { kind: "audio", src: "assets/sound.m4a" },
    ];
    const dir = makeCourse({
      "course.json": course,
      "assets/clip.webm": await readFile(fixture("clip-320x240.webm")),
      "assets/turned.mov": await readFile(fixture("turned-240x320.mov")),
      "assets/broken.mp4": "not a video",
      "assets/sound.m4a": await readFile(fixture("sound-only.mp4")),
      "assets/clip.vtt": "WEBVTT\n",
    });
    const loaded = await loadCourse(dir);
    expect(loaded.warnings).toEqual([]);
    expect(loaded.data.pages[0]!.media.map((m) => [m.src, m.width, m.height])).toEqual([
      ["assets/clip.webm", 320, 240],
      ["assets/turned.mov", 240, 320],
      ["assets/broken.mp4", undefined, undefined],
      ["assets/sound.m4a", undefined, undefined],
    ]);
  });
});
