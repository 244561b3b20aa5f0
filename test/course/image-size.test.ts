// An image in course Markdown gets its intrinsic width and height at build time (authoring/course/
// image-size.ts), so the page keeps its space before it arrives; what the author wrote wins, and an
// image whose size cannot be read is left as it was, with no problem reported.
import { afterAll, describe, expect, it } from "vitest";
import { readImageSize } from "../../authoring/course/image-size";
import { loadCourse } from "../../authoring/course/load-course";
import { makeCourse, removeCourses, type CourseFolder } from "./course-fixtures";

afterAll(removeCourses);

const u16be = (n: number) => [n >> 8, n & 0xff];
const u16le = (n: number) => [n & 0xff, n >> 8];
const u32be = (n: number) => [n >>> 24, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff];

/** A PNG's signature and IHDR chunk: where its size is. */
function png(width: number, height: number): Buffer {
  const ihdr = [...u32be(13), ...Buffer.from("IHDR"), ...u32be(width), ...u32be(height), 8, 6, 0, 0, 0, 0, 0, 0, 0];
  return Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...ihdr]);
}

function gif(width: number, height: number): Buffer {
  return Buffer.from([...Buffer.from("GIF89a"), ...u16le(width), ...u16le(height), 0, 0, 0, 0x3b]);
}

/** A JPEG: its JFIF header, or an EXIF orientation (6: turned a quarter clockwise), then its frame header. */
function jpeg(width: number, height: number, orientation?: number): Buffer {
  const app =
    orientation === undefined
      ? [0xff, 0xe0, ...u16be(16), ...Buffer.from("JFIF"), 0, 1, 1, 0, ...u16be(1), ...u16be(1), 0, 0]
      : (() => {
          const tiff = [
            ...Buffer.from("MM"),
            0,
            42,
            ...u32be(8),
            ...u16be(1),
            ...u16be(0x0112),
            ...u16be(3),
            ...u32be(1),
            ...u16be(orientation),
            0,
            0,
            ...u32be(0),
          ];
          const body = [...Buffer.from("Exif"), 0, 0, ...tiff];
          return [0xff, 0xe1, ...u16be(body.length + 2), ...body];
        })();
  const sof = [0xff, 0xc0, ...u16be(17), 8, ...u16be(height), ...u16be(width), 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1];
  return Buffer.from([0xff, 0xd8, ...app, ...sof, 0xff, 0xd9]);
}

async function imgTags(markdown: string, files: CourseFolder): Promise<{ tags: string[]; problems: string[] }> {
  const dir = makeCourse({
    "course.json": { id: "https://example.com/c", title: "T", pages: [{ id: "p", title: "P", body: "pages/p.md" }] },
    "pages/p.md": markdown,
    ...files,
  });
  const loaded = await loadCourse(dir);
  return { tags: loaded.data.pages[0]!.body.html.match(/<img\b[^>]*>/g) ?? [], problems: loaded.warnings.map((w) => w.message) };
}

describe("images get their intrinsic size at build time", () => {
  it("PNG, GIF, JPEG and an SVG with an absolute width and height: both written", async () => {
    const { tags, problems } = await imgTags("![P](a.png) ![G](b.gif) ![J](c.jpg) ![S](d.svg)", {
      "pages/a.png": png(640, 480),
      "pages/b.gif": gif(32, 16),
      "pages/c.jpg": jpeg(300, 200),
      "pages/d.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="120px" height="200" viewBox="0 0 12 20"><rect width="12" height="20"/></svg>',
    });
    expect(tags).toEqual([
      '<img src="assets/pages/a.png" alt="P" width="640" height="480" />',
      '<img src="assets/pages/b.gif" alt="G" width="32" height="16" />',
      '<img src="assets/pages/c.jpg" alt="J" width="300" height="200" />',
      '<img src="assets/pages/d.svg" alt="S" width="120" height="200" />',
    ]);
    expect(problems).toEqual([]);
  });

  it("a JPEG whose EXIF turns it a quarter: the size as shown (width and height swapped)", async () => {
    const { tags } = await imgTags("![Turned](t.jpg)", { "pages/t.jpg": jpeg(400, 100, 6) });
    expect(tags).toEqual(['<img src="assets/pages/t.jpg" alt="Turned" width="100" height="400" />']);
  });

  it("what the author wrote wins; one side in pixels gets the other in proportion; a percentage is left alone", async () => {
    const md = [
      '<img src="a.png" alt="Both" width="10" height="99">',
      '<img src="a.png" alt="W" width="320">',
      '<img src="a.png" alt="H" height="120">',
      '<img src="a.png" alt="Pct" width="50%">',
    ].join(" ");
    const { tags } = await imgTags(md, { "pages/a.png": png(640, 480) });
    expect(tags).toEqual([
      '<img src="assets/pages/a.png" alt="Both" width="10" height="99" />',
      '<img src="assets/pages/a.png" alt="W" width="320" height="240" />',
      '<img src="assets/pages/a.png" alt="H" width="160" height="120" />',
      '<img src="assets/pages/a.png" alt="Pct" width="50%" />',
    ]);
  });

  it("an SVG sized by its viewBox or in percent fills its width as drawn: no size written", async () => {
    const { tags } = await imgTags("![V](v.svg) ![P](p.svg) ![E](e.svg)", {
      "pages/v.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0 0h24v24H0z"/></svg>',
      "pages/p.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="100%" height="50%" viewBox="0 0 24 24"/>',
      "pages/e.svg": '<svg xmlns="http://www.w3.org/2000/svg" width="10em" height="4em"/>',
    });
    expect(tags).toEqual(['<img src="assets/pages/v.svg" alt="V" />', '<img src="assets/pages/p.svg" alt="P" />', '<img src="assets/pages/e.svg" alt="E" />']);
  });

  it("for a logo (its height set by theme.css) an SVG's viewBox gives its proportions", async () => {
    const dir = makeCourse({ "v.svg": '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 300 100"/>' });
    expect(readImageSize(`${dir}/v.svg`, true)).toEqual({ width: 300, height: 100 });
    expect(readImageSize(`${dir}/v.svg`)).toBeNull();
    expect(readImageSize(`${dir}/missing.svg`, true)).toBeNull();
  });

  it("a file whose size cannot be read (not an image, cut short, empty) is left as it was, with no problem", async () => {
    const { tags, problems } = await imgTags("![X](x.png) ![C](c.png) ![E](e.jpg)", {
      "pages/x.png": "not an image",
      "pages/c.png": png(10, 10).subarray(0, 12),
      "pages/e.jpg": "",
    });
    expect(tags).toEqual(['<img src="assets/pages/x.png" alt="X" />', '<img src="assets/pages/c.png" alt="C" />', '<img src="assets/pages/e.jpg" alt="E" />']);
    expect(problems).toEqual([]);
  });

  it("the starter's extinguisher drawing (120 × 200) keeps its space", async () => {
    const loaded = await loadCourse("templates/starter");
    const html = loaded.data.pages.map((p) => p.body.html).join("\n");
    expect(html).toContain('<img src="assets/extinguisher.svg" alt="A red fire extinguisher with a black hose and a CO2 label" width="120" height="200" />');
  });
});
